"""The leg-length check (model/leg_length.py): every path ends where the content brief says, measured sides ask
for millimetres, and typed millimetres are read or refused clearly."""
import math

import pytest
from hypothesis import given, strategies as st

from backease import LEG_LENGTH, WalkthroughError, read_mm, walk_paths
from backease.model.leg_length import MATTERS_FROM_MM, MAX_MM


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
