"""My routine as data (static/my_routine_state.js), without a DOM: the widget's own module text run in node
over generated edits, held to Python. The list holds only library routines and never more than the limit;
its total is Python's; the view lets a routine be shared or run exactly when Python's ``check_payload``
opens it, and otherwise says why in Python's words."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.errors import RoutineError
from backease.model.library import ROUTINES
from backease.widgets.my_routine import MAX_ITEMS, MyRoutine, as_plan, check_payload
from node_module import JSError, NodeModule
from conftest import cases

CASES = settings(max_examples=cases(150), suppress_health_check=[HealthCheck.function_scoped_fixture])
NAMES = sorted(ROUTINES)
TITLES = st.one_of(st.text(max_size=6), st.sampled_from(["", "  ", "\x1c", "\ufeff", " Evening ", "x" * 81]))
EVENTS = st.lists(st.one_of(
    st.builds(lambda n: {"type": "add", "name": n}, st.sampled_from(NAMES)),
    st.builds(lambda i, by: {"type": "move", "index": i, "by": by}, st.integers(-1, MAX_ITEMS), st.sampled_from([-1, 1])),
    st.builds(lambda i: {"type": "remove", "index": i}, st.integers(0, MAX_ITEMS)),
    st.builds(lambda n: {"type": "start", "name": n}, st.sampled_from(NAMES)),
    st.builds(lambda t: {"type": "title", "text": t}, TITLES),
    st.builds(lambda names, t: {"type": "set", "names": names, "title": t},
              st.lists(st.sampled_from([*NAMES, "no-such"]), max_size=6), TITLES)), max_size=40)


@pytest.fixture(scope="module")
def mine():
    state = MyRoutine().get_state()
    widget = {"limits": state["limits"], "problems": state["problems"], "units": state["units"],  # what the state
              "byName": {r["name"]: {"title": r["title"], "seconds": r["seconds"]} for r in state["library"]}}  # reads
    module = NodeModule(MyRoutine._esm)  # the module the page gets: rules, the state, the view's parts
    yield module, widget
    module.close()


def python_problem(payload) -> str:
    try:
        check_payload(payload, "this routine")
    except RoutineError as err:
        return str(err)
    return ""


@CASES
@given(EVENTS)
def test_the_list_stays_valid_and_shares_exactly_what_python_opens(mine, events):
    module, widget = mine
    routine = {"title": "My routine", "names": []}
    for event in events:
        before = routine
        routine = module("routineNext", routine, event, widget)
        names = routine["names"]
        assert set(names) <= set(ROUTINES) and len(names) <= max(MAX_ITEMS, len(event.get("names", [])))
        if event["type"] == "add":
            assert names == (before["names"] + [event["name"]] if len(before["names"]) < MAX_ITEMS else before["names"])
        if event["type"] in ("move", "remove"):
            assert sorted(names) == sorted(before["names"]) or len(names) == len(before["names"]) - 1
        shown = module("routineShown", routine, widget)
        assert shown["seconds"] == sum(ROUTINES[n].total_seconds for n in names)
        assert shown["canAdd"] == (len(names) < MAX_ITEMS)
        payload = module("routinePayload", routine, widget["limits"])
        assert payload["routines"] == names
        if names:
            assert shown["problem"] == python_problem(payload), payload
            assert shown["canShare"] == (not shown["problem"])
        else:
            assert not shown["canShare"] and not shown["problem"]
        if shown["canShare"]:
            assert as_plan(payload).total_seconds == shown["seconds"]
            assert payload["title"].strip() and (payload["title"] == routine["title"].strip() or payload["title"] == "My routine")


def test_an_opened_routine_is_taken_whole_and_a_bad_event_is_named(mine):
    module, widget = mine
    data = {"format": "backease-my-routine", "version": 1, "title": "Evening", "routines": ["breathing", "psoas"]}
    assert module("routineNext", {"title": "x", "names": ["warm-up"]}, {"type": "open", "data": data}, widget) \
        == {"title": "Evening", "names": ["breathing", "psoas"]}
    with pytest.raises(JSError, match='"cartwheel"'):
        module("routineNext", {"title": "x", "names": []}, {"type": "add", "name": "cartwheel"}, widget)
    with pytest.raises(JSError, match='"jump"'):
        module("routineNext", {"title": "x", "names": []}, {"type": "jump"}, widget)
