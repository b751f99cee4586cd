"""The screening form: what each red-flag level means for joining, and the conditions a class asks about."""
from html import escape

from backease.model.conditions import CONDITIONS
from backease.model.red_flags import ADVICE, LEVELS
from backease.printables.forms import JOINING, ScreeningForm


def test_each_level_says_what_it_means_for_joining_and_a_gp_sign_does_not_turn_people_away():
    html = ScreeningForm()._repr_html_()
    assert set(JOINING) == set(LEVELS)
    for level in LEVELS:
        assert f"{escape(ADVICE[level].action)} <strong>{escape(JOINING[level])}</strong>" in html
    assert JOINING["gp"].startswith("You can still join")
    assert all(JOINING[level].startswith("Do not join") for level in ("emergency", "urgent"))


def test_the_form_asks_about_heart_or_eyes_balance_and_knees():
    html = ScreeningForm()._repr_html_()
    ids = {c.id for c in CONDITIONS}
    assert {"heart-or-eye", "balance", "knees"} <= ids
    for c in CONDITIONS:
        assert escape(c.name) in html
