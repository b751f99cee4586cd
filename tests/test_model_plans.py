"""Class plans: built from the routine library, totals, files, validation; a plan moves people between positions
only with a transition, and gets down once."""
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from backease import Block, DataError, Plan, PlanError, PLANS, SessionTimer, get_plan, get_routine, load_plan, save_plan
from backease.model.course import COURSE
from backease.model.levels import find_level
from backease.model.library import PART_OF, ROUTINES
from backease.model.logistics import TALK_POSITION, card_for, class_routines, on_floor, positions_of, transition_ids
from backease.model.positions import POSITIONS, TRANSITION_NOTE, TRANSITIONS
from backease.text.plans import outline_markdown
from conftest import cases


def test_a_plan_total_is_the_sum_of_its_routines_talks_and_transitions():
    for plan in PLANS.values():
        expected = sum(
            b.seconds if b.talk else get_routine(b.routine).total_seconds * b.repeat for b in plan.blocks
        ) + sum(s.seconds for i in range(len(plan.blocks)) for s in plan.transitions(i))
        assert plan.total_seconds == expected
        assert sum(s.seconds for s in plan.segments()) == expected


def test_transitions_follow_positions_and_equipment():
    plan = Plan("p", "P", (Block(talk="Hello", seconds=60), Block(routine="dead-bug"), Block(routine="quadratus-lumborum"),
                           Block(routine="hip-flexor-stretch"), Block(routine="front-of-hip-level-1"),
                           Block(talk="Bye", seconds=60)))
    moves = [[(s.label, s.seconds) for s in plan.transitions(i)] for i in range(len(plan.blocks))]
    down, up, change, hand = (TRANSITIONS[k] for k in ("down", "up", "change", "hand-out"))
    assert moves == [[], [(down.label, down.seconds), (f"{hand.label}: exercise mats", hand.seconds)], [],
                     [(change.label, change.seconds), (f"{hand.label}: cushions", hand.seconds)],
                     [(up.label, up.seconds)], [(change.label, change.seconds)]]
    assert plan.transition_seconds == sum(s for m in moves for _, s in m)
    assert "guide's own" in TRANSITION_NOTE


def _class_plans():
    return list(PLANS.values()) + [COURSE.plan(w, s) for w, s, _ in COURSE.sessions()]


def test_no_mat_class_uses_a_table():
    for plan in _class_plans():
        for routine in plan.routines():
            assert "table" not in positions_of(routine.name), (plan.name, routine.name)
        assert "table" not in {c.id for c in plan.equipment(8)}, plan.name


def test_every_floor_exercise_in_a_class_has_a_chair_version():
    for plan in _class_plans():
        for routine in plan.routines():
            if on_floor(routine.name):
                assert card_for(routine.name).chair, (plan.name, routine.name)


def test_a_plan_that_exceeds_a_technique_dose_says_so():
    for plan in _class_plans():
        for block in plan.blocks:
            more = block.repeat > 1 or (find_level(block.routine) and find_level(block.routine).rounds > 1)
            assert bool(block.over_dose) == bool(more)
            if more:
                assert block.over_dose in outline_markdown(plan)


def test_equipment_is_counted_from_the_cards_for_n_people():
    counts = {c.id: c for c in get_plan("class-30").equipment(10)}
    assert counts["mat"].count == 10 and not counts["mat"].optional
    assert counts["ball"].count == 20  # the ball card: two per person
    assert counts["chair"].count == 10  # for the talks and the chair versions
    assert counts["pillow"].optional and counts["pillow"].words.endswith("(if people want them)")
    with pytest.raises(DataError, match="participants must be a whole number from 1 to 60, got 0"):
        get_plan("class-30").equipment(0)


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
    assert plan.segments() == plan.transitions(0) + one + one
    assert plan.blocks[0].title == "Dead bug \u00d7 2"


def test_plan_runs_as_one_session_in_the_timer():
    timer = SessionTimer("class-30")
    plan = get_plan("class-30")
    assert timer.title == plan.title
    assert len(timer.segments) == len(plan.segments())
    assert timer.segments[0]["kind"] == "talk"


def test_routines_used_are_listed_once_in_order():
    names = [r.name for r in get_plan("class-60").routines()]
    assert names[0] == "warm-up-standing" and len(names) == len(set(names))


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
    with pytest.raises(DataError, match=message):
        Block(**block)


def test_bad_plans_are_rejected():
    with pytest.raises(PlanError, match="plan 'p' has no blocks"):
        Plan("p", "P", ())
    with pytest.raises(PlanError, match=r"lasts 167 minutes"):
        Plan("p", "P", (Block(talk="Long talk", seconds=10_000),))
    with pytest.raises(PlanError, match="no class plan called 'class-90'"):
        get_plan("class-90")


def test_plan_files_round_trip_and_name_the_bad_block(tmp_path):
    for plan in PLANS.values():
        for suffix in (".json", ".yaml"):
            assert load_plan(save_plan(plan, tmp_path / f"{plan.name}{suffix}")) == plan
    bad = tmp_path / "mine.yaml"
    bad.write_text(yaml.safe_dump({"name": "mine", "title": "Mine", "blocks": [
        {"routine": "breathing"}, {"routine": "dead-bug", "repeat": "twice"}]}))
    with pytest.raises(PlanError, match=r"mine.yaml, block 2 \('dead-bug'\): 'repeat' must be a whole number"):
        load_plan(bad)
    bad.write_text(yaml.safe_dump({"name": "mine", "title": "Mine", "blocks": [{"exercise": "x"}]}))
    with pytest.raises(PlanError, match=r"block 1: unknown field\(s\) 'exercise'"):
        load_plan(bad)


def check_moves(plan: Plan) -> None:
    """No two segments in a row differ in position without the transitions between them, and nothing else moves."""
    where = TALK_POSITION
    last = None  # the position the last non-transition segment ended in
    between = []
    for seg in plan.segments():
        assert seg.position in POSITIONS, (plan.name, seg)
        assert seg.starts_in == where, (plan.name, where, seg)
        if seg.kind == "transition":
            between.append(seg)
        else:
            if last is not None:
                moved = [s.label for s in between if s.start is not None]
                assert moved == [TRANSITIONS[t].label for t in transition_ids(last, seg.starts_in)], (plan.name, seg)
            if seg.start is not None:  # a step that is itself the move ("Stand up")
                assert seg.kind == "work" and seg.start != seg.position, seg
            last, between = seg.position, []
        where = seg.position


BLOCKS = st.one_of(
    st.builds(lambda r, n: Block(routine=r, repeat=n), st.sampled_from(class_routines()), st.sampled_from([1, 1, 2])),
    st.builds(lambda s: Block(talk="A talk", seconds=30 * s), st.integers(1, 10)))


@settings(max_examples=cases(150))
@given(st.lists(BLOCKS, min_size=1, max_size=10))
def test_a_generated_plan_never_changes_position_without_a_transition(blocks):
    try:
        plan = Plan("generated", "Generated", tuple(blocks))
    except PlanError:  # longer than a session may last
        return
    check_moves(plan)
    assert plan.total_seconds == sum(s.seconds for s in plan.segments())
    assert plan.transition_seconds == sum(plan.moving_seconds(i) for i in range(len(plan.blocks)))


def _all_class_plans():
    return list(PLANS.values()) + [COURSE.plan(w, s) for w, s, _ in COURSE.sessions()]


@pytest.mark.parametrize("plan", _all_class_plans(), ids=lambda p: p.name)
def test_ready_made_plans_and_course_sessions_move_only_with_a_transition_and_get_down_once(plan):
    check_moves(plan)
    assert plan.count_moves("down") == plan.count_moves("up") == 1, plan.name


def test_the_warm_up_stands_then_gets_down_in_its_own_time_then_lies():
    """The warm-up's own timer (its page, My routine) gives the time to get down; a plan adds no second move."""
    warm_up = ROUTINES["warm-up"]
    assert [(s.starts_in, s.position) for s in warm_up.steps] == [
        ("standing", "standing"), ("standing", "lying-back"), ("lying-back", "lying-back")]
    assert warm_up.steps[1].label == TRANSITIONS["down"].label and warm_up.steps[1].seconds == TRANSITIONS["down"].seconds
    plan = Plan("p", "P", (Block(routine="warm-up"), Block(routine="front-of-hip-level-1")))
    assert plan.moves_within(0) == [] and [s.label for s in plan.transitions(1)] == [TRANSITIONS["up"].label]
    check_moves(plan)
    for part in PART_OF:  # a class's two parts of it are its very own steps
        assert all(any(s is t for t in ROUTINES["warm-up"].steps) for s in ROUTINES[part].steps)


@pytest.mark.parametrize("name, minutes", [("class-30", 30), ("class-45", 45), ("class-60", 60)])
def test_a_ready_made_plan_fits_its_minutes(name, minutes):
    assert get_plan(name).total_seconds <= minutes * 60
