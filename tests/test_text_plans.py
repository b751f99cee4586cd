"""A plan in words (text/plans.py): the outline lists every block and the total, the plans page counts getting
down and up, and the teaching page's class shape comes from the plans (down once and up once, standing first)."""
from backease import PLANS, Block, Plan, get_plan
from backease.model.positions import TRANSITIONS
from backease.text.plans import class_shape_markdown, down_and_up_sentence, moving_words, outline_markdown


def test_outline_lists_every_block_and_the_total():
    plan = get_plan("class-30")
    text = outline_markdown(plan)
    items = [line for line in text.splitlines() if line[:1].isdigit()]
    assert len(items) == len(plan.blocks)
    assert items[-1].startswith(f"{len(plan.blocks)}. **Closing")
    minutes, seconds = divmod(round(plan.total_seconds), 60)
    assert f"Total: {minutes} min {seconds} s, of which" in text
    assert "(first get down onto the mat" in text and "(first get up from the mat: 1 min)" in items[-1]


def test_the_plans_page_sentence_counts_getting_down_and_up():
    plans = list(PLANS.values())
    assert down_and_up_sentence(plans) == "In each of them people get down to the floor once and up once."
    two = Plan("two", "Two downs", (Block(routine="dead-bug"), Block(routine="forward-bend"), Block(routine="dead-bug")))
    assert "In two downs people get down to the floor twice and up once." in down_and_up_sentence([two, plans[0]])


def test_the_class_shape_has_the_plans_parts_in_order_and_gets_down_once():
    for plan in PLANS.values():
        shape = class_shape_markdown(plan)
        for block in plan.blocks:
            assert block.title[1:] in shape, (plan.name, block.title)
        lines = shape.splitlines()
        assert sum(TRANSITIONS["down"].label in line for line in lines) == 1
        assert sum(TRANSITIONS["up"].label in line for line in lines) == 1
        down = next(i for i, line in enumerate(lines) if TRANSITIONS["down"].label in line)
        assert "Standing" in lines[down - 1] and "On the mats" in lines[down + 1]


def test_the_outline_total_counts_every_kind_of_move():
    words = moving_words(PLANS["class-45"])
    assert "getting down to the floor once" in words and "getting up from the floor once" in words
    assert "handing out equipment" in words and "changing position" in words
