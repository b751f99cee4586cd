"""The plan builder's plan (static/plan_builder_state.js), without a DOM: the builder's own module text run
in node over generated edits, held to Python. The blocks always make a plan ``plan_from_dict`` reads (or
one it refuses only as too long, exactly when the view says so); its parts, segments, totals and YAML are
what ``Plan`` and ``plan_yaml`` say; a bad talk changes nothing and says why."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.errors import PlanError
from backease.model.logistics import class_routines
from backease.model.plans import MAX_REPEAT, plan_from_dict
from backease.widgets.plan_builder import LIMITS, PlanBuilder, plan_yaml
from node_module import JSError, NodeModule
from conftest import cases

CASES = settings(max_examples=cases(120), suppress_health_check=[HealthCheck.function_scoped_fixture])
# The state reads the widget's values through the view's `get`: here, from the state Python sends, handed
# over once (`useValues`) rather than with every call.
ADAPTER = """
let values = {};
export const useValues = (given) => { values = given; };
export const shown = (plan) => builderShown(plan, (k) => values[k]);
"""
VALUES = ("library", "hand_out", "moves", "start_position", "talk", "units", "limits", "name", "yaml_lines")
TALKS = st.one_of(st.sampled_from(["Welcome and check-in", "  Questions  ", "a \t b\n c", "", "   ", "\x1c", "Tea\u3000break"]),
                  st.text(max_size=12))
MINUTES = st.one_of(st.sampled_from(["2", "0.5", "60", "0.4", "61", "", "abc", "1e1", " 3 ", "0x10", "Infinity"]),
                    st.floats(0, 70).map(str), st.integers(0, 70).map(str))
EVENTS = st.lists(st.one_of(
    st.builds(lambda name: {"type": "routine", "name": name}, st.sampled_from(class_routines())),
    st.builds(lambda text, minutes: {"type": "talk", "text": text, "minutes": minutes}, TALKS, MINUTES),
    st.builds(lambda i, by: {"type": "move", "index": i, "by": by}, st.integers(0, 12), st.sampled_from([-1, 1])),
    st.builds(lambda i: {"type": "remove", "index": i}, st.integers(0, 12)),
    st.builds(lambda text: {"type": "title", "text": text}, st.text(max_size=10))), max_size=30)


@pytest.fixture(scope="module")
def builder():
    widget = PlanBuilder()
    module = NodeModule(PlanBuilder._esm + ADAPTER)  # the module the page gets: rules, the state, the view's parts
    values = {k: v for k, v in widget.get_state().items() if k in VALUES}
    module("useValues", values)
    yield module, values
    module.close()


def python_plan(blocks):
    """The Plan Python reads from the blocks, or None if it refuses them as too long."""
    try:
        return plan_from_dict({"name": "my-class", "title": "A class", "blocks": blocks})
    except PlanError as err:
        assert "a session may last" in str(err), err
        return None


@CASES
@given(EVENTS)
def test_every_edit_leaves_a_plan_python_reads_with_the_same_parts_and_totals(builder, events):
    module, values = builder
    plan = {"title": "My class", "blocks": []}
    for event in events:
        step = module("builderNext", plan, event, LIMITS)
        repeats = lambda p: sum(b.get("repeat", 0) for b in p["blocks"])  # noqa: E731
        if event["type"] == "routine":
            assert repeats(step["plan"]) == repeats(plan) + 1
        if event["type"] == "talk" and step["message"]:
            assert step["plan"] == plan
        assert bool(step["message"]) == (step["plan"] == plan and event["type"] == "talk")
        plan = step["plan"]
        blocks = plan["blocks"]
        assert all(1 <= b["repeat"] <= MAX_REPEAT for b in blocks if "routine" in b)
        assert all(LIMITS["talk_min_minutes"] * 60 <= b["seconds"] <= LIMITS["talk_max_minutes"] * 60
                   for b in blocks if "talk" in b)
        shown = module("shown", plan)
        assert shown["yaml"] == plan_yaml(values["name"], plan["title"], blocks)
        if not blocks:
            assert shown["seconds"] == 0 and not shown["tooLong"]
            continue
        python = python_plan(blocks)
        assert shown["tooLong"] == (python is None), blocks
        if python is None:
            continue
        assert [s for p in shown["parts"] for s in (*p["moves"], *p["own"])] == [s.to_dict() for s in python.segments()]
        assert [p["moving"] for p in shown["parts"]] == [python.moving_seconds(i) for i in range(len(blocks))]
        assert (shown["seconds"], shown["moving"]) == (python.total_seconds, python.transition_seconds)
        assert [b.talk for b in python.blocks if b.talk] == [b["talk"] for b in blocks if "talk" in b]


def test_a_bad_talk_is_named_and_changes_nothing(builder):
    module, _ = builder
    plan = {"title": "My class", "blocks": [{"routine": "breathing", "repeat": 1}]}
    for text, minutes, says in [("", "2", "Say what the talk is about"), ("Tea", "90", "got \u201c90\u201d"),
                                ("Tea", "abc", "from 0.5 to 60")]:
        step = module("builderNext", plan, {"type": "talk", "text": text, "minutes": minutes}, LIMITS)
        assert says in step["message"] and step["plan"] == plan
    with pytest.raises(JSError, match='"jump"'):
        module("builderNext", plan, {"type": "jump"}, LIMITS)
