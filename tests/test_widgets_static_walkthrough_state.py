"""The guided check's place (static/walkthrough_state.js), without a DOM: the check's own module text run
in node over generated walkthroughs (and the leg-length check) and generated events. The place is always
a step or outcome Python lists, reached by Python's answers; each of Python's paths leads to its outcome;
answering on from anywhere ends at an outcome; only a measured outcome holds a number."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.model.leg_length import LEG_LENGTH
from backease.model.walkthroughs import Answer, CheckStep, Measure, Outcome, Walkthrough, walk_paths
from backease.widgets.checks import GuidedCheck
from node_module import JSError, NodeModule
from conftest import cases

CASES = settings(max_examples=cases(150), suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def check():
    module = NodeModule(GuidedCheck._esm)  # the module the page gets: rules, the state, the view's parts
    yield module
    module.close()


@st.composite
def walkthroughs(draw):
    """A valid walkthrough: steps whose answers lead only further on (so no loops), each node reached."""
    n_steps, n_outcomes = draw(st.integers(1, 6)), draw(st.integers(1, 4))
    steps, outcomes = [f"s{i}" for i in range(n_steps)], [f"o{i}" for i in range(n_outcomes)]
    targets = {s: set() for s in steps}
    for i in range(1, n_steps):  # every step is reached from one before it
        targets[steps[draw(st.integers(0, i - 1))]].add(steps[i])
    for o in outcomes:
        targets[steps[draw(st.integers(0, n_steps - 1))]].add(o)
    for i, s in enumerate(steps):
        later = steps[i + 1:] + outcomes
        targets[s] |= set(draw(st.lists(st.sampled_from(later), min_size=0 if targets[s] else 1, max_size=2)))
    measured = draw(st.sets(st.sampled_from(outcomes)))
    return Walkthrough(
        name="generated", title="A generated check", start="s0",
        steps=tuple(CheckStep(s, "Do this.", f"Question {s}?", tuple(Answer(f"to {t}", t) for t in sorted(targets[s])))
                    for s in steps),
        outcomes=tuple(Outcome(o, f"Result {o}", "Found.", "Advice.", measure=Measure("How many mm?") if o in measured
                               else None) for o in outcomes))


CHECKS = st.one_of(st.just(LEG_LENGTH), walkthroughs())
EVENTS = st.lists(st.tuples(st.sampled_from(["answer", "answer", "answer", "back", "restart", "measure"]),
                            st.integers(0, 5), st.one_of(st.none(), st.floats(0.5, 100))), max_size=20)


def edges(walkthrough: Walkthrough) -> set[tuple[str, str]]:
    return {(s.id, a.goto) for s in walkthrough.steps for a in s.answers}


@CASES
@given(CHECKS, EVENTS)
def test_the_place_is_always_one_python_lists_reached_by_its_answers(check, walkthrough, events):
    data = walkthrough.to_dict()
    steps, outcomes = {s.id for s in walkthrough.steps}, {o.id: o for o in walkthrough.outcomes}
    routes = {(tuple(step for step, _ in r.choices), r.outcome) for r in walk_paths(walkthrough)}
    place = check("checkStart", data)
    for kind, pick, mm in events:
        event = {"type": kind}
        if kind == "answer":
            if place["at"] in outcomes:
                continue
            answers = walkthrough.step(place["at"]).answers
            event["label"] = answers[pick % len(answers)].label
        if kind == "measure":
            if place["at"] not in outcomes or outcomes[place["at"]].measure is None:
                continue
            event["mm"] = mm
        place = check("checkNext", data, place, event)
        path = [*place["trail"], place["at"]]
        assert set(place["trail"]) <= steps and (place["at"] in steps or place["at"] in outcomes)
        assert path[0] == walkthrough.start
        assert all(pair in edges(walkthrough) for pair in zip(path, path[1:])), path
        if place["at"] in outcomes:
            assert (tuple(place["trail"]), place["at"]) in routes
        assert place["mm"] is None or outcomes[place["at"]].measure is not None
        assert check("checkPlace", data, place) == place


@CASES
@given(CHECKS, st.lists(st.integers(0, 5), max_size=8), st.lists(st.integers(0, 5), min_size=6, max_size=6))
def test_answering_on_from_anywhere_ends_at_an_outcome_python_lists(check, walkthrough, before, after):
    data = walkthrough.to_dict()
    outcomes = {o.id for o in walkthrough.outcomes}
    place = check("checkStart", data)
    for pick in before + after:  # no path is longer than the steps: the outcome comes before the picks run out
        if place["at"] in outcomes:
            break
        answers = walkthrough.step(place["at"]).answers
        place = check("checkNext", data, place, {"type": "answer", "label": answers[pick % len(answers)].label})
    assert place["at"] in outcomes, (before + after, place)


@pytest.mark.parametrize("walkthrough", [LEG_LENGTH])
def test_each_of_pythons_paths_leads_to_its_outcome_and_back_retraces_it(check, walkthrough):
    data = walkthrough.to_dict()
    for route in walk_paths(walkthrough):
        place, seen = check("checkStart", data), []
        for step, label in route.choices:
            assert place["at"] == step
            seen.append(place)
            place = check("checkNext", data, place, {"type": "answer", "label": label})
        assert place["at"] == route.outcome
        for earlier in reversed(seen):
            place = check("checkNext", data, place, {"type": "back"})
            assert place == earlier
        assert check("checkNext", data, place, {"type": "back"}) == check("checkStart", data)


def test_a_place_from_elsewhere_that_does_not_exist_is_the_start(check):
    data = LEG_LENGTH.to_dict()
    start = check("checkStart", data)
    for place in (None, {"trail": [], "mm": None}, {"at": "gone", "trail": [], "mm": None},
                  {"at": "compare", "trail": ["known", "gone"], "mm": None}):
        assert check("checkPlace", data, place) == start
        assert check("checkNext", data, place, {"type": "back"}) == start


def test_a_bad_event_is_named(check):
    data = LEG_LENGTH.to_dict()
    start = check("checkStart", data)
    with pytest.raises(JSError, match='"jump"'):
        check("checkNext", data, start, {"type": "jump"})
    with pytest.raises(JSError, match='"known" has no answer "Maybe"'):
        check("checkNext", data, start, {"type": "answer", "label": "Maybe"})
    with pytest.raises(JSError, match='"known" asks for no number'):
        check("checkNext", data, start, {"type": "measure", "mm": 12})
