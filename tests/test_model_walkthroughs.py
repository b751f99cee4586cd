"""Walkthroughs as data (model/walkthroughs.py): validation names the bad step, every path ends in an outcome; the
guided check names a missing drawing."""
import pytest

from backease import GuidedCheck, WalkthroughError, walk_paths
from backease.model.walkthroughs import Answer, CheckStep, Measure, Outcome, Walkthrough


def build(steps, outcomes, start="a"):
    return Walkthrough(name="tiny", title="A tiny check", start=start, steps=steps, outcomes=outcomes)


def step(id, *answers, **kw):
    return CheckStep(id=id, instruction=f"Do {id}.", question=f"Done {id}?",
                     answers=tuple(Answer(label, goto) for label, goto in answers), **kw)


def outcome(id, **kw):
    return Outcome(**{"id": id, "title": f"Outcome {id}", "found": "Something.", "advice": "Rest.", **kw})


def test_a_good_walkthrough_lists_every_path():
    w = build([step("a", ("yes", "b"), ("no", "end-no")), step("b", ("ok", "end-ok"), ("back to no", "end-no"))],
              [outcome("end-ok"), outcome("end-no")])
    routes = walk_paths(w)
    assert [(r.choices, r.outcome) for r in routes] == [
        ((("a", "yes"), ("b", "ok")), "end-ok"),
        ((("a", "yes"), ("b", "back to no")), "end-no"),
        ((("a", "no"),), "end-no"),
    ]


@pytest.mark.parametrize("steps, outcomes, named", [
    pytest.param([step("a", ("yes", "b")), step("b", ("ok", "nowhere"))], [outcome("end")],
                 ["step 'b'", "'ok'", "'nowhere'"], id="answer-to-missing-target"),
    pytest.param([step("a", ("yes", "end")), step("lonely", ("ok", "end"))], [outcome("end")],
                 ["step 'lonely'", "cannot be reached"], id="unreachable-step"),
    pytest.param([step("a", ("yes", "end"))], [outcome("end"), outcome("orphan")],
                 ["outcome 'orphan'", "cannot be reached"], id="unreachable-outcome"),
    pytest.param([step("a", ("yes", "b")), step("b", ("again", "c"), ("stop", "end")), step("c", ("loop", "b"))],
                 [outcome("end")], ["step 'b'", "b → c → b"], id="cycle"),
    pytest.param([step("a", ("yes", "b")), step("b")], [outcome("end")],
                 ["step 'b'", "no answers"], id="dead-end"),
    pytest.param([step("a", ("yes", "end"))], [outcome("end", advice="  ")],
                 ["outcome 'end'", "'advice'"], id="outcome-without-advice"),
    pytest.param([step("a", ("yes", "end"))], [outcome("end", found="")],
                 ["outcome 'end'", "'found'"], id="outcome-without-finding"),
    pytest.param([step("a", ("yes", "end"), ("yes", "end"))], [outcome("end")],
                 ["step 'a'", "two answers", "'yes'"], id="duplicate-answer"),
    pytest.param([step("a", ("yes", "end")), step("end", ("x", "a"))], [outcome("end")],
                 ["'end'", "two steps or outcomes"], id="duplicate-id"),
    pytest.param([step("a", ("yes", "end"), figure="pelvis")], [outcome("end")],
                 ["step 'a'", "'figure_alt'", "'pelvis'"], id="figure-without-words"),
    pytest.param([step("a", ("yes", "end"))], [outcome("end", lower_side="up")],
                 ["outcome 'end'", "'up'"], id="bad-side"),
    pytest.param([step("a", ("yes", "end"))], [outcome("end", measure=Measure("How thick?", max_mm=-1))],
                 ["outcome 'end'", "max_mm", "-1"], id="bad-measure-limit"),
])
def test_bad_walkthroughs_are_rejected_naming_the_step(steps, outcomes, named):
    with pytest.raises(WalkthroughError) as err:
        build(steps, outcomes)
    for part in named:
        assert part in str(err.value)


def test_the_start_must_be_a_step():
    with pytest.raises(WalkthroughError, match="the start 'begin' is not a step"):
        build([step("a", ("yes", "end"))], [outcome("end")], start="begin")


def test_the_widget_names_a_missing_drawing():
    w = build([step("a", ("yes", "end"), figure="no-such-drawing", figure_alt="words")], [outcome("end")])
    with pytest.raises(WalkthroughError, match="step 'a'.*'no-such-drawing'"):
        GuidedCheck(w)
    with pytest.raises(WalkthroughError, match="needs a Walkthrough"):
        GuidedCheck("leg-length")
