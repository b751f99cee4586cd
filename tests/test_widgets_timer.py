"""The Python side of the timer (widgets/timer.py) as a notebook user meets it: what it takes and what it reports."""
import pytest

from backease import DataError, RoutineError, SessionTimer, get_plan, get_routine
from backease.model.diary import FIELDS, VERSION
from backease.widgets.timer import session_key


DESK_BREAK = {"name": "desk-break", "title": "Desk break",
              "steps": [{"label": "Shoulder rolls", "seconds": 30}, {"label": "Knee hug", "seconds": 20, "side": "each"}]}


def test_timer_takes_a_name_a_routine_a_plan_or_a_dict():
    assert SessionTimer("breathing").session is get_routine("breathing")
    assert SessionTimer(get_routine("dead-bug")).title == "Dead bug"
    assert SessionTimer(get_plan("class-30")).segments == [s.to_dict() for s in get_plan("class-30").segments()]
    timer = SessionTimer(DESK_BREAK)
    assert timer.title == "Desk break"
    assert [s["kind"] for s in timer.segments] == ["get-ready", "work", "work", "switch", "work"]
    plan = SessionTimer({"name": "mini", "title": "Mini class", "blocks": [{"talk": "Welcome", "seconds": 60},
                                                                          {"routine": "breathing"}]})
    assert plan.segments[0]["label"] == "Welcome"


@pytest.mark.parametrize("bad, message", [
    ({**DESK_BREAK, "steps": [{"label": "Knee hug", "secs": 20}]}, r"routine, step 1 \('Knee hug'\): unknown field\(s\) 'secs'"),
    ({**DESK_BREAK, "steps": [{"label": "Knee hug", "seconds": -5}]}, r"'seconds' must be more than zero, got -5"),
    ({"title": "No name", "steps": []}, r"routine: missing 'name'"),
    ({"name": "x", "title": "X", "blocks": [{"routine": "yoga"}]}, r"plan, block 1 \('yoga'\): no routine called 'yoga'"),
    (["not", "a", "routine"], r"SessionTimer needs a Routine, a Plan, a dict or a name, got \['not'"),
])
def test_a_bad_session_gives_a_message_naming_the_bad_value(bad, message):
    with pytest.raises(DataError, match=message):
        SessionTimer(bad)


def test_observers_hear_each_step_and_the_finish_and_the_timer_reports_what_was_done():
    timer = SessionTimer(DESK_BREAK)
    steps, finished = [], []
    timer.observe(lambda change: steps.append(change["new"]), names="completed")
    timer.observe(lambda change: finished.append(change["new"]), names="finished")
    assert timer.current_step == "Get ready" and timer.completed_steps == []
    for done in range(1, 4):  # what the browser reports as it moves on
        timer.completed = done
    assert timer.current_step == "Switch sides, right side"  # as the timer shows it
    assert timer.completed_steps == ["Shoulder rolls", "Knee hug, left side"]
    timer.completed, timer.finished = len(timer.segments), True
    assert steps == [1, 2, 3, 5] and finished == [True]
    assert timer.current_step is None
    assert timer.completed_steps == ["Shoulder rolls", "Knee hug, left side", "Knee hug, right side"]


def test_timer_state_keys_a_saved_place_to_its_session():
    one, two = SessionTimer("breathing"), SessionTimer("hip-flexor-stretch")
    assert one.session_id and one.session_id != two.session_id
    assert SessionTimer("breathing").session_id == one.session_id
    one.segments = two.segments  # Python sets another session: its place is kept under that session's key
    assert one.session_id == session_key(one.title, two.segments) != SessionTimer("breathing").session_id
    assert one.cues["lang"] == "en-GB" and one.diary["version"] == VERSION
    assert [f["name"] for f in one.diary["fields"]] == [f.name for f in FIELDS]


def test_timer_takes_a_routine_or_a_name_and_reports_progress():
    timer = SessionTimer("hamstring-stretch")
    assert timer.title == "Seated hamstring stretch"
    assert [s["kind"] for s in timer.segments] == ["get-ready", "work", "switch", "work"]
    assert timer.completed_steps == []
    timer.completed = 2
    assert timer.completed_steps == ["Hamstring stretch, left side"]
    with pytest.raises(RoutineError, match=r"SessionTimer needs a Routine, a Plan, a dict or a name, got 42"):
        SessionTimer(42)
    with pytest.raises(RoutineError, match=r"no routine or class plan called 'yoga'; routines: .*; class plans: class-30"):
        SessionTimer("yoga")
