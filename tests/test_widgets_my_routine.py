"""My routine (widgets/my_routine.py): in Python, a routine in a link fragment, bad links named, the library the
view gets; its views on a stand-in model in Chromium stay in step and follow Python."""
import base64

import pytest

from backease import format_duration, get_routine
from backease.widgets.my_routine import MyRoutine, as_plan, from_fragment, payload, to_fragment
from backease import RoutineError
from backease.model.timer_cues import TONES
from stand_in import render_twice


def test_a_routine_travels_in_a_link_fragment():
    fragment = to_fragment("Évening calm", ["breathing", "psoas"])
    assert fragment.startswith("#routine=") and "=" not in fragment[len("#routine="):]
    assert from_fragment(fragment) == payload("Évening calm", ["breathing", "psoas"])
    plan = as_plan(from_fragment(fragment))
    assert plan.total_seconds == get_routine("breathing").total_seconds + get_routine("psoas").total_seconds


@pytest.mark.parametrize("fragment, says", [
    ("#plan=abc", "holds no routine"),
    ("#routine=%%%", "damaged"),
    ("#routine=" + base64.urlsafe_b64encode(b'{"format": "backease-my-routine", "version": 1, "title": "x",'
                                            b' "routines": ["yoga"]}').decode(), "does not have: “yoga”"),
    ("#routine=" + base64.urlsafe_b64encode(b'{"format": "backease-my-routine", "version": 1, "title": "x",'
                                            b' "routines": []}').decode(), "must list 1 to 30 exercises"),
])
def test_a_bad_link_is_named(fragment, says):
    with pytest.raises(RoutineError, match=None) as err:
        from_fragment(fragment)
    assert says in str(err.value)


def test_my_routine_widget_sends_the_library_with_totals_and_segments():
    widget = MyRoutine(names=["warm-up", "breathing"])
    entry = {r["name"]: r for r in widget.library}["breathing"]
    assert entry["total"] == format_duration(get_routine("breathing").total_seconds) and entry["segments"] == [s.to_dict() for s in get_routine("breathing").segments()]
    assert widget.plan.total_seconds == get_routine("warm-up").total_seconds + get_routine("breathing").total_seconds
    assert widget.timer_state["cues"]["tones"].keys() == TONES.keys()


def test_my_routine_views_stay_in_step_and_follow_python(browser):
    context = browser.new_context()
    page = context.new_page()
    try:
        render_twice(page, MyRoutine().get_state())
        first, second = page.locator(".be-mine").nth(0), page.locator(".be-mine").nth(1)
        shown = lambda names: [f"{get_routine(n).title}: {format_duration(get_routine(n).total_seconds)}" for n in names]  # noqa: E731
        first.locator("select").select_option("breathing")
        first.get_by_role("button", name="Add", exact=True).click()
        first.locator(".be-mine-title input").fill("Evening")
        assert page.evaluate("[window.widget.model.get('names'), window.widget.model.get('title')]") == [["breathing"], "Evening"]
        for view in (first, second):
            assert view.locator(".be-mine-name").all_inner_texts() == shown(["breathing"])
            assert view.locator(".be-mine-title input").input_value() == "Evening"
        page.evaluate("window.widget.model.set('names', ['warm-up', 'dead-bug'])")  # as Python sets it
        for view in (first, second):
            assert view.locator(".be-mine-name").all_inner_texts() == shown(["warm-up", "dead-bug"])
    finally:
        context.close()
