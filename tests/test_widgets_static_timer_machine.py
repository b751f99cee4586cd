"""The session timer's state machine (static/timer_machine.js), without a DOM: the timer's own module
text run in node over generated sessions and event sequences. Time is never negative, the step is
always one of the session's, the end comes exactly once, and the place follows the clock's deadlines,
however the ticks fall."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.widgets.timer import SessionTimer
from node_module import JSError, NodeModule
from conftest import cases

CASES = settings(max_examples=cases(200), suppress_health_check=[HealthCheck.function_scoped_fixture])
DURATIONS = st.lists(st.integers(1, 5000), min_size=1, max_size=6)
EVENTS = st.lists(st.tuples(st.sampled_from(["start", "pause", "tick", "tick", "tick", "skip", "back", "restart", "resume"]),
                            st.integers(0, 6000), st.integers(0, 10), st.integers(1, 5000)), max_size=25)


@pytest.fixture(scope="module")
def timer():
    module = NodeModule(SessionTimer._esm)  # the module the page gets: the machine, then the view's parts
    yield module
    module.close()


def run(timer, durations, events):
    """Each state the machine passes through, with the clock time and the effects of the event that led there."""
    state, now, trace = timer("timerStart", durations), 0, []
    for kind, dt, index, left in events:
        now += dt
        event = {"type": kind, "now": now}
        if kind == "resume":  # a saved place the view found valid (timer_resume.js checks it)
            index = index % len(durations)
            event.update(index=index, leftMs=min(left, durations[index]))
        step = timer("timerStep", state, event)
        state = step["state"]
        trace.append((now, event, state, step["effects"]))
    return trace


@CASES
@given(DURATIONS, EVENTS)
def test_the_place_is_always_a_real_one_and_the_end_comes_once(timer, durations, events):
    was = timer("timerStart", durations)
    for now, event, state, effects in run(timer, durations, events):
        assert 0 <= state["index"] < len(durations)
        assert 0 <= timer("timeLeft", state, now) <= durations[state["index"]]
        assert 0 <= timer("timeDone", state, now) <= sum(durations)
        ended = state["phase"] == "done" and was["phase"] != "done"
        assert effects.count("finished") == int(ended), (event, effects)
        if state["phase"] == "done":
            assert timer("timeDone", state, now) == sum(durations)
        if was["phase"] == "done" and event["type"] == "back":  # Back from the end: the last step, paused
            assert (state["phase"], state["index"]) == ("paused", len(durations) - 1)
        assert ("cue" in effects) <= (state["index"] != was["index"] or was["phase"] in ("ready", "done")
                                      or event["type"] in ("back", "resume", "skip")), event
        was = state


@CASES
@given(DURATIONS, st.lists(st.integers(0, 3000), min_size=1, max_size=12))
def test_the_place_comes_from_the_clock_not_from_counted_ticks(timer, durations, gaps):
    """Ticks at any times, or one tick at the end (a phone screen locked meanwhile): the same place."""
    started = timer("timerStep", timer("timerStart", durations), {"type": "start", "now": 1000})["state"]
    ticked, now, ends = started, 1000, 0
    for gap in gaps:
        now += gap
        step = timer("timerStep", ticked, {"type": "tick", "now": now})
        ticked, ends = step["state"], ends + step["effects"].count("finished")
    once = timer("timerStep", started, {"type": "tick", "now": now})["state"]
    assert ticked == once
    assert ends == (once["phase"] == "done")
    assert timer("timeDone", once, now) == min(sum(durations), now - 1000)  # time done is time run, to the ms


@CASES
@given(DURATIONS, st.lists(st.tuples(st.sampled_from(["start", "pause", "tick"]), st.integers(0, 4000)), max_size=20))
def test_paused_time_does_not_count(timer, durations, events):
    state, now, running_ms = timer("timerStart", durations), 0, 0
    for kind, dt in events:
        if state["phase"] == "running":
            running_ms += dt
        now += dt
        state = timer("timerStep", state, {"type": kind, "now": now})["state"]
        if state["phase"] == "done":
            break
    assert timer("timeDone", state, now) == min(sum(durations), running_ms)


def test_an_unknown_event_is_named(timer):
    with pytest.raises(JSError, match='"jump"'):
        timer("timerStep", timer("timerStart", [1000]), {"type": "jump", "now": 0})
