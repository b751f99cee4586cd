"""Class plans: built from the routine library, totals, files, validation."""
import pytest
import yaml

from backease import PLANS, Block, Plan, RoutineError, SessionTimer, format_duration, get_plan, get_routine, load_plan, save_plan


def test_a_plan_total_is_the_sum_of_its_routines_and_talks():
    for plan in PLANS.values():
        expected = sum(
            b.seconds if b.talk else get_routine(b.routine).total_seconds * b.repeat for b in plan.blocks
        )
        assert plan.total_seconds == expected
        assert sum(s.seconds for s in plan.segments()) == expected


@pytest.mark.parametrize("name, minutes", [("class-30", 30), ("class-45", 45), ("class-60", 60)])
def test_ready_made_plans_last_about_what_they_say(name, minutes):
    assert abs(get_plan(name).total_seconds / 60 - minutes) <= 2.5


def test_ready_made_plans_open_with_a_check_in_and_end_calmly():
    for plan in PLANS.values():
        assert plan.blocks[0].talk and "red-flag" in plan.blocks[0].talk
        assert any(b.routine == "progressive-muscle-relaxation" for b in plan.blocks[-3:])


def test_repeat_runs_the_routine_again():
    plan = Plan("p", "P", (Block(routine="dead-bug", repeat=2),))
    one = get_routine("dead-bug").segments()
    assert plan.segments() == one + one
    assert plan.blocks[0].title == "Dead bug \u00d7 2"


def test_plan_runs_as_one_session_in_the_timer():
    timer = SessionTimer("class-30")
    plan = get_plan("class-30")
    assert timer.title == plan.title
    assert len(timer.segments) == len(plan.segments())
    assert timer.segments[0]["kind"] == "talk"


def test_outline_lists_every_block_and_the_total():
    plan = get_plan("class-30")
    text = plan.outline_markdown()
    items = [line for line in text.splitlines() if line[:1].isdigit()]
    assert len(items) == len(plan.blocks)
    assert items[-1].startswith(f"{len(plan.blocks)}. **Closing")
    assert text.endswith(f"Total: {format_duration(plan.total_seconds)}.") and 28 * 60 <= plan.total_seconds <= 32 * 60


def test_routines_used_are_listed_once_in_order():
    names = [r.name for r in get_plan("class-60").routines()]
    assert names[0] == "breathing" and len(names) == len(set(names))


@pytest.mark.parametrize("block, message", [
    ({}, "either a 'routine' or a 'talk', not neither"),
    ({"routine": "dead-bug", "talk": "Hi", "seconds": 5}, "not both"),
    ({"routine": "deadbug"}, "no routine called 'deadbug'; the library has"),
    ({"routine": "dead-bug", "repeat": 0}, "'repeat' must be a whole number from 1 to 10, got 0"),
    ({"routine": "dead-bug", "seconds": 60}, "'seconds' goes with a 'talk'"),
    ({"talk": "Hello", "seconds": -60}, "'seconds' must be more than zero, got -60"),
    ({"talk": "Hello"}, "'seconds' must be a number of seconds, got None"),
    ({"talk": "Hello", "seconds": 60, "repeat": 2}, "'repeat' goes with a 'routine'"),
])
def test_bad_block_is_rejected(block, message):
    with pytest.raises(RoutineError, match=message):
        Block(**block)


def test_bad_plans_are_rejected():
    with pytest.raises(RoutineError, match="plan 'p' has no blocks"):
        Plan("p", "P", ())
    with pytest.raises(RoutineError, match=r"lasts 167 minutes"):
        Plan("p", "P", (Block(talk="Long talk", seconds=10_000),))
    with pytest.raises(RoutineError, match="no class plan called 'class-90'"):
        get_plan("class-90")


def test_plan_files_round_trip_and_name_the_bad_block(tmp_path):
    for plan in PLANS.values():
        for suffix in (".json", ".yaml"):
            assert load_plan(save_plan(plan, tmp_path / f"{plan.name}{suffix}")) == plan
    bad = tmp_path / "mine.yaml"
    bad.write_text(yaml.safe_dump({"name": "mine", "title": "Mine", "blocks": [
        {"routine": "breathing"}, {"routine": "dead-bug", "repeat": "twice"}]}))
    with pytest.raises(RoutineError, match=r"mine.yaml, block 2 \('dead-bug'\): 'repeat' must be a whole number"):
        load_plan(bad)
    bad.write_text(yaml.safe_dump({"name": "mine", "title": "Mine", "blocks": [{"exercise": "x"}]}))
    with pytest.raises(RoutineError, match=r"block 1: unknown field\(s\) 'exercise'"):
        load_plan(bad)
