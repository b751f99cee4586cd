"""Routines as data (model/routines.py): segments, sides, repetitions, totals, the words the timer says, and every way
to get them wrong."""
import math

import pytest
from hypothesis import given, settings, strategies as st

from backease import (ROUTINES, Breathing, Routine, RoutineError, Step, format_duration, get_routine, load_routine,
                      routine_from_dict, save_routine)
from backease.model.routines import MAX_TOTAL_SECONDS, spoken_duration
from conftest import cases


def routine(*steps, **kw):
    return Routine(name="test", title="Test", steps=steps, **kw)


# --- the model -------------------------------------------------------------------------

def test_segments_start_with_get_ready_then_the_steps_in_order():
    r = routine(Step("A", seconds=30), Step("B", seconds=20), get_ready=10)
    assert [(s.kind, s.label, s.seconds) for s in r.segments()] == [
        ("get-ready", "Get ready", 10), ("work", "A", 30), ("work", "B", 20)]
    assert r.total_seconds == 60


def test_each_side_expands_to_left_switch_right():
    r = routine(Step("Stretch", seconds=30, side="each"), get_ready=0, switch=5)
    assert [(s.kind, s.side, s.seconds) for s in r.segments()] == [
        ("work", "left", 30), ("switch", "right", 5), ("work", "right", 30)]
    assert r.total_seconds == 65


def test_no_switch_pause_when_switch_is_zero():
    r = routine(Step("Stretch", seconds=30, side="each"), get_ready=0, switch=0)
    assert [s.side for s in r.segments()] == ["left", "right"]


def test_repetitions_take_reps_times_tempo():
    r = routine(Step("Dead bug", reps=20, tempo=4), get_ready=0)
    (seg,) = r.segments()
    assert seg.seconds == 80 and seg.reps == 20


def test_rest_comes_between_steps_but_not_after_the_last():
    r = routine(Step("A", seconds=10, rest=5), Step("B", seconds=10, rest=5), get_ready=0)
    assert [s.kind for s in r.segments()] == ["work", "rest", "work"]
    assert r.segments()[1].cue == "Next: B"


def test_breathing_pattern_travels_with_its_segment():
    b = Breathing(inhale=4, exhale=8, sound="Ssss")
    r = routine(Step("Breathe", seconds=60, breathing=b), get_ready=0)
    assert r.segments()[0].to_dict()["breathing"] == {"inhale": 4, "exhale": 8, "hold": 0, "sound": "Ssss"}
    assert b.cycle == 12


@pytest.mark.parametrize("step, words", [
    (Step("x", seconds=30, at_least=20, side="each"), "20–30 s each side"),
    (Step("x", seconds=30, side="each"), "30 s each side"),
    (Step("x", seconds=300), "5 min"),
    (Step("x", seconds=90, at_least=60), "1 min to 1 min 30 s"),
    (Step("x", reps=20, at_least=15, tempo=4), "15–20 repetitions"),
    (Step("x", seconds=60, side="left"), "1 min on the left side"),
    (Step("x", seconds=60, side="each", until="it eases"), "until it eases (the timer allows 1 min each side)"),
])
def test_dose_in_words(step, words):
    assert step.dose() == words


@pytest.mark.parametrize("seconds, words", [(0, "0 s"), (45, "45 s"), (60, "1 min"), (330, "5 min 30 s")])
def test_format_duration(seconds, words):
    assert format_duration(seconds) == words


def test_step_lookup_names_the_steps_when_missing():
    r = routine(Step("A", seconds=10))
    assert r.step("A").seconds == 10
    with pytest.raises(KeyError, match="'A'"):
        r.step("Z")


# --- validation: each rejection names the field and the bad value -------------------------

@pytest.mark.parametrize("kwargs, message", [
    ({"seconds": -5}, r"'seconds' must be more than zero, got -5"),
    ({"seconds": 0}, r"'seconds' must be more than zero, got 0"),
    ({"seconds": math.nan}, r"'seconds' must be a finite number, got nan"),
    ({"seconds": math.inf}, r"'seconds' must be a finite number, got inf"),
    ({"seconds": "30"}, r"'seconds' must be a number of seconds, got '30'"),
    ({"seconds": True}, r"'seconds' must be a number of seconds, got True"),
    ({}, r"give either 'seconds' or 'reps', not neither"),
    ({"seconds": 5, "reps": 3, "tempo": 2}, r"not both"),
    ({"reps": 0, "tempo": 2}, r"'reps' must be a whole number of 1 or more, got 0"),
    ({"reps": 2.5, "tempo": 2}, r"'reps' must be a whole number of 1 or more, got 2.5"),
    ({"reps": 10}, r"'reps' needs a 'tempo'"),
    ({"seconds": 10, "tempo": 2}, r"'tempo' goes with 'reps'"),
    ({"seconds": 30, "side": "both"}, r"'side' must be one of left, right, each .*got 'both'"),
    ({"seconds": 30, "at_least": 40}, r"'at_least' \(40\) must not be more than the dose \(30\)"),
    ({"seconds": 30, "rest": -1}, r"'rest' must be zero or more, got -1"),
    ({"seconds": 30, "breathing": {"inhale": 4}}, r"'breathing' must be a Breathing pattern"),
])
def test_bad_step_is_rejected_with_a_message(kwargs, message):
    with pytest.raises(RoutineError, match=message):
        Step("Stretch", **kwargs)


@pytest.mark.parametrize("label", ["", "   ", None, 3])
def test_step_needs_a_label(label):
    with pytest.raises(RoutineError, match="'label' must"):
        Step(label, seconds=10)


def test_bad_breathing_is_rejected():
    with pytest.raises(RoutineError, match=r"breathing 'exhale' must be more than zero, got 0"):
        Breathing(inhale=4, exhale=0)


def test_empty_routine_is_rejected():
    with pytest.raises(RoutineError, match="routine 'test' has no steps"):
        routine()


def test_absurd_total_is_rejected():
    with pytest.raises(RoutineError, match=r"lasts 167 minutes: more than the 120 minutes"):
        routine(Step("Long", seconds=10_000))


def test_bad_get_ready_is_named():
    with pytest.raises(RoutineError, match=r"routine 'test': 'get_ready' must be zero or more, got -3"):
        routine(Step("A", seconds=10), get_ready=-3)


@settings(max_examples=cases(200))
@given(st.one_of(
    st.floats(max_value=0), st.floats(allow_nan=True).filter(lambda x: not math.isfinite(x)),
    st.text(), st.none(), st.booleans(), st.lists(st.integers()),
))
def test_any_bad_duration_is_rejected_with_a_message_naming_it(bad):
    if bad is None:  # no duration at all
        message = "give either 'seconds' or 'reps'"
    else:
        message = "'seconds' must be"
    with pytest.raises(RoutineError) as err:
        Step("Stretch", seconds=bad)
    assert message in str(err.value)
    if bad is not None:
        assert repr(bad) in str(err.value)


durations = st.floats(min_value=0.5, max_value=600, allow_nan=False)
steps = st.builds(
    Step, label=st.text(min_size=1, max_size=20).filter(str.strip), seconds=durations,
    side=st.sampled_from([None, "left", "right", "each"]), rest=st.sampled_from([0.0, 5.0]),
    cue=st.text(max_size=30),
)


@settings(max_examples=cases(150))
@given(st.lists(steps, min_size=1, max_size=8), st.floats(0, 30), st.floats(0, 10))
def test_total_is_the_sum_of_its_parts(step_list, get_ready, switch):
    r = Routine(name="r", title="R", steps=step_list, get_ready=get_ready, switch=switch)
    expected = get_ready + sum(
        s.seconds * (2 if s.side == "each" else 1) + (switch if s.side == "each" else 0) for s in step_list
    ) + sum(s.rest for s in step_list[:-1])
    assert math.isclose(r.total_seconds, expected)
    assert all(seg.seconds > 0 for seg in r.segments())
    assert r.total_seconds <= MAX_TOTAL_SECONDS


@settings(max_examples=cases(60))
@given(st.lists(steps, min_size=1, max_size=6))
def test_json_and_yaml_round_trip(tmp_path_factory, step_list):
    r = Routine(name="r", title="My routine", steps=step_list)
    folder = tmp_path_factory.mktemp("rt")
    for suffix in (".json", ".yaml"):
        assert load_routine(save_routine(r, folder / f"r{suffix}")) == r


def test_segments_carry_the_texts_the_timer_shows_and_says():
    left = get_routine("hamstring-stretch").segments()[1].to_dict()
    assert left["heading"] == "Hamstring stretch, left side"
    assert left["spoken"].startswith("Hamstring stretch, left side. 30 seconds. Reach towards")
    reps = get_routine("dead-bug").segments()[1].to_dict()
    assert reps["heading"] == "Dead bug, 20 repetitions" and "1 minute 20 seconds" in reps["spoken"]
    assert [spoken_duration(s) for s in (1, 60, 61, 150)] == [
        "1 second", "1 minute", "1 minute 1 second", "2 minutes 30 seconds"]


def test_a_routine_timed_on_its_own_never_changes_position_without_a_step_to_move():
    """A technique page's timer runs the routine alone: where two steps in a row are done in different places,
    the second is itself the move (it starts where the first ended)."""
    for routine in ROUTINES.values():
        for before, after in zip(routine.steps, routine.steps[1:]):
            assert after.starts_in == before.position, (routine.name, before.label, after.label)


def test_a_bad_position_is_named():
    with pytest.raises(RoutineError, match="step 'Sway': 'position' must be one of lying-back, .*got 'upside-down'"):
        Step("Sway", seconds=5, position="upside-down")
    with pytest.raises(RoutineError, match=r"mine.yaml, step 2 \('Lie down'\): .*'start' must be one of .*got 'sofa'"):
        routine_from_dict({"name": "m", "title": "M", "steps": [
            {"label": "Stand", "seconds": 5, "position": "standing"},
            {"label": "Lie down", "seconds": 5, "position": "lying-back", "start": "sofa"}]}, source="mine.yaml")
    with pytest.raises(RoutineError, match="'start' goes with a 'position'"):
        Step("Sway", seconds=5, start="standing")
