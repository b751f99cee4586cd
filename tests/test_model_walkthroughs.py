"""Walkthroughs as data: validation names the bad step, every path ends in the right outcome."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backease import LEG_LENGTH, GuidedCheck, WalkthroughError, read_mm, walk_paths
from backease.model.leg_length import MATTERS_FROM_MM, MAX_MM
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


# What each path through the leg-length check must lead to, written out by hand from the
# content brief (so a change to the walkthrough that reroutes a path fails here).
START = ("No, or I do not know", "Yes, we are ready")
FELT = START + ("Yes, on both sides",)
FELT_LATER = START + ("Not clearly", "Yes, now I can")
EXPECTED_PATHS = {
    ("Yes, I have a true short leg",): "known-short-leg",
    ("No, or I do not know", "No, I cannot stand steadily"): "cannot-stand",
    ("No, or I do not know", "I have no helper"): "no-helper",
    START + ("Not clearly", "No, still not clearly"): "crests-unclear",
}
for found in (FELT, FELT_LATER):
    EXPECTED_PATHS.update({
        found + ("Level",): "level",
        found + ("The left hand is lower", "Yes, level now"): "left-lower",
        found + ("The left hand is lower", "No, we cannot get them level"): "not-levelled",
        found + ("The right hand is lower", "Yes, level now"): "right-lower",
        found + ("The right hand is lower", "No, we cannot get them level"): "not-levelled",
        found + ("I cannot tell",): "unsure",
    })


def test_every_leg_length_path_ends_where_expected():
    got = {tuple(label for _, label in r.choices): r.outcome for r in walk_paths(LEG_LENGTH)}
    assert got == EXPECTED_PATHS


def test_every_leg_length_outcome_is_reached_and_measured_sides_ask_for_mm():
    reached = {r.outcome for r in walk_paths(LEG_LENGTH)}
    assert reached == {o.id for o in LEG_LENGTH.outcomes}
    for o in LEG_LENGTH.outcomes:
        assert (o.measure is not None) == (o.lower_side is not None), o.id
        if o.lower_side:
            assert o.lower_side in o.title and o.lower_side in o.measure.prompt
            assert f"{MATTERS_FROM_MM} mm" in o.advice  # when a difference tends to matter
            assert "clinician" in o.advice and "structural" in o.advice and "functional" in o.advice


def test_leg_length_figures_match_the_side_they_show():
    for s in LEG_LENGTH.steps:
        if s.figure and s.figure.startswith("book-under-"):
            side = s.figure.removeprefix("book-under-")
            assert s.id == f"lift-{side}" and side in s.figure_alt


@pytest.mark.parametrize("typed, mm", [
    ("12", 12), (" 12.5 ", 12.5), ("12,5", 12.5), ("7 mm", 7), ("7MM", 7), (".5", 0.5), ("100", 100), (3, 3),
])
def test_typed_millimetres_are_read(typed, mm):
    assert read_mm(typed) == mm


@pytest.mark.parametrize("typed, words", [
    ("-5", ["-5 mm", "less than zero"]),
    ("abc", ["“abc”", "not a number"]),
    ("NaN", ["“NaN”", "not a number"]),
    (math.nan, ["“nan”", "not a number"]),
    (math.inf, ["“inf”", "not a number"]),
    ("150", ["150 mm", "more than 100 mm"]),
    ("100,5 mm", ["100,5 mm", "more than 100 mm"]),
    ("1e3", ["“1e3”", "not a number"]),
    ("12 cm", ["“12 cm”", "not a number"]),
    ("0", ["0 mm"]),
    ("", ["Type the number of millimetres"]),
    (None, ["“None”", "not a number"]),
    (True, ["“True”", "not a number"]),
])
def test_bad_millimetres_are_refused_naming_the_value(typed, words):
    with pytest.raises(WalkthroughError) as err:
        read_mm(typed)
    for word in words:
        assert word in str(err.value)


@given(st.floats(min_value=0.01, max_value=MAX_MM, allow_nan=False))
def test_any_sensible_number_reads_back(mm):
    assert read_mm(repr(mm)) == mm


@given(st.text(max_size=12))
def test_any_text_is_read_or_refused_clearly(text):
    try:
        mm = read_mm(text)
    except WalkthroughError as err:
        assert str(err)
    else:
        assert 0 < mm <= MAX_MM


def test_the_note_for_a_measurement_changes_where_a_difference_tends_to_matter():
    measure = LEG_LENGTH.outcome("left-lower").measure
    below, at = measure.note_for(MATTERS_FROM_MM - 0.5), measure.note_for(MATTERS_FROM_MM)
    assert below and at and below != at
    assert "physiotherapist or doctor" in at
    assert measure.note_for(MAX_MM) == at


def test_the_widget_names_a_missing_drawing():
    w = build([step("a", ("yes", "end"), figure="no-such-drawing", figure_alt="words")], [outcome("end")])
    with pytest.raises(WalkthroughError, match="step 'a'.*'no-such-drawing'"):
        GuidedCheck(w)
    with pytest.raises(WalkthroughError, match="needs a Walkthrough"):
        GuidedCheck("leg-length")
