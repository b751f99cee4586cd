"""Positions step by step: every step names where it is done, and a plan moves people between them."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backease import Block, Plan, PlanError, RoutineError, get_plan
from backease.model.course import COURSE, TEACH_GETTING_DOWN
from backease.model.library import PART_OF, ROUTINES
from backease.model.logistics import TALK_POSITION, TRANSITIONS, class_routines, transition_ids
from backease.model.plans import PLANS
from backease.model.positions import POSITIONS
from backease.model.routine_files import routine_from_dict
from backease.model.routines import Step
from backease.text.plans import down_and_up_sentence, outline_markdown


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


@settings(max_examples=150, deadline=None)
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


def test_the_warm_up_stands_then_lies_and_a_plan_moves_people_within_it():
    assert [s.position for s in ROUTINES["warm-up"].steps] == ["standing", "lying-back"]
    plan = Plan("p", "P", (Block(routine="warm-up"), Block(routine="front-of-hip-level-1")))
    assert [s.label for s in plan.moves_within(0)] == [TRANSITIONS["down"].label]
    assert [s.label for s in plan.transitions(1)] == [TRANSITIONS["up"].label]
    assert f"and partway, get down onto the mat: 1 min" in outline_markdown(plan)
    for part in PART_OF:  # a class's two parts of it are its very own steps
        assert all(any(s is t for t in ROUTINES["warm-up"].steps) for s in ROUTINES[part].steps)


def test_every_library_step_names_its_position():
    for routine in ROUTINES.values():
        for step in routine.steps:
            assert step.position in POSITIONS, (routine.name, step.label)


def test_a_bad_position_is_named():
    with pytest.raises(RoutineError, match="step 'Sway': 'position' must be one of lying-back, .*got 'upside-down'"):
        Step("Sway", seconds=5, position="upside-down")
    with pytest.raises(RoutineError, match=r"mine.yaml, step 2 \('Lie down'\): .*'start' must be one of .*got 'sofa'"):
        routine_from_dict({"name": "m", "title": "M", "steps": [
            {"label": "Stand", "seconds": 5, "position": "standing"},
            {"label": "Lie down", "seconds": 5, "position": "lying-back", "start": "sofa"}]}, source="mine.yaml")
    with pytest.raises(RoutineError, match="'start' goes with a 'position'"):
        Step("Sway", seconds=5, start="standing")


def test_a_routine_file_keeps_its_positions():
    routine = ROUTINES["strength-and-habits"]
    assert routine_from_dict(routine.to_dict()) == routine


@pytest.mark.parametrize("name, minutes", [("class-30", 30), ("class-45", 45), ("class-60", 60)])
def test_a_ready_made_plan_fits_its_minutes(name, minutes):
    assert get_plan(name).total_seconds <= minutes * 60


def test_the_plans_page_sentence_counts_getting_down_and_up():
    plans = list(PLANS.values())
    assert down_and_up_sentence(plans) == "In each of them people get down to the floor once and up once."
    two = Plan("two", "Two downs", (Block(routine="dead-bug"), Block(routine="forward-bend"), Block(routine="dead-bug")))
    assert "In two downs people get down to the floor twice and up once." in down_and_up_sentence([two, plans[0]])


def test_session_one_shows_getting_down_before_the_class_first_gets_down():
    plan = COURSE.plan(1, 1)
    titles = [b.title for b in plan.blocks]
    teach = titles.index(TEACH_GETTING_DOWN["talk"])
    first_down = next(i for i in range(len(plan.blocks))
                      if any(s.label == TRANSITIONS["down"].label for s in plan.transitions(i)))
    assert teach == first_down - 1
    later = [COURSE.plan(w, s) for w, s, _ in COURSE.sessions()][1:]
    assert all(TEACH_GETTING_DOWN["talk"] not in [b.title for b in p.blocks] for p in later)
