"""A plan in words (text/plans.py): the outline lists every block and the total."""
from backease import get_plan
from backease.text.plans import outline_markdown


def test_outline_lists_every_block_and_the_total():
    plan = get_plan("class-30")
    text = outline_markdown(plan)
    items = [line for line in text.splitlines() if line[:1].isdigit()]
    assert len(items) == len(plan.blocks)
    assert items[-1].startswith(f"{len(plan.blocks)}. **Closing")
    minutes, seconds = divmod(round(plan.total_seconds), 60)
    assert f"Total: {minutes} min {seconds} s, of which" in text
    assert "(first get down onto the mat" in text and "(first get up from the mat: 1 min)" in items[-1]
