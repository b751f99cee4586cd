"""Red flags: the brief's warning signs in three levels, most urgent first; the most urgent wins."""

import pytest
from hypothesis import given, strategies as st

from backease.model.red_flags import (
    ADVICE, EMERGENCY, GP, LEVELS, RED_FLAGS, RedFlag, URGENT, flags_at, level_for, to_dict,
)
from conftest import parsed_page


# The content brief's "Red flags, in three levels", as words each level's signs must contain.
BRIEF = {
    EMERGENCY: ["both of your legs", "genitals", "bottom", "peeing", "bladder", "bowels", "erection", "Chest pain",
                "serious accident"],
    URGENT: ["high temperature", "hot and shivery", "losing weight without trying", "lump", "swelling",
             "changed shape", "does not ease when you rest", "worse at night", "cough, sneeze or poo",
             "between your shoulder blades", "had cancer", "one leg", "foot drop", "unsteady", "small fall",
             "osteoporosis", "older", "steroid", "immune system", "inject drugs", "generally unwell"],
    GP: ["few weeks", "everyday activities", "getting worse", "struggling to cope"],
}


def test_three_levels_most_urgent_first():
    assert LEVELS == ("emergency", "urgent", "gp")
    assert set(ADVICE) == set(LEVELS)


@pytest.mark.parametrize("level", LEVELS)
def test_every_sign_in_the_brief_is_listed_at_its_level(level):
    texts = " ".join(f.text for f in flags_at(level))
    for words in BRIEF[level]:
        assert words in texts, f"{words!r} missing from the {level} signs"


def test_flags_are_unique_and_most_urgent_first():
    ids = [f.id for f in RED_FLAGS]
    assert len(set(ids)) == len(ids)
    levels = [f.level for f in RED_FLAGS]
    assert levels == sorted(levels, key=LEVELS.index), "the widget relies on this order"


def test_a_flag_with_an_unknown_level_is_named():
    with pytest.raises(ValueError, match="'soon'"):
        RedFlag("x", "A sign", "soon")


def test_nothing_ticked_means_no_message():
    assert level_for([]) is None


@pytest.mark.parametrize("flag", RED_FLAGS, ids=lambda f: f.id)
def test_each_flag_alone_gives_its_own_level(flag):
    assert level_for([flag.id]) == flag.level


SENT = to_dict()["flags"]  # what the widget is sent (test_widgets_checks.py: the widget's state)


@given(st.sets(st.sampled_from([f.id for f in RED_FLAGS])))
def test_the_most_urgent_level_wins(ticked):
    """For any ticks, the level is the most urgent of the ticked flags' own levels; and the widget's rule,
    the level of the first ticked flag in the list it is sent, gives the same answer."""
    expected = min((level_for([flag_id]) for flag_id in ticked), key=LEVELS.index, default=None)
    assert level_for(ticked) == expected
    first = next((f for f in SENT if f["id"] in ticked), None)
    assert (first["level"] if first else None) == expected


def test_an_unknown_flag_is_named():
    with pytest.raises(KeyError, match="'headache'"):
        level_for(["chest-pain", "headache"])


def test_the_advice_says_how_urgently_and_where():
    assert "999" in ADVICE[EMERGENCY].action and "emergency department" in ADVICE[EMERGENCY].action
    assert "now" in ADVICE[EMERGENCY].action
    assert "same-day" in ADVICE[URGENT].action and "111" in ADVICE[URGENT].action
    assert "urgent care line" in ADVICE[URGENT].action and "today" in ADVICE[URGENT].action
    assert "routine appointment" in ADVICE[GP].action


@pytest.mark.parametrize("rel", ["book/start/safety.html", "book/class/teaching.html"])
def test_built_pages_list_exactly_the_red_flags(site, rel):
    """The safety page and the class chapter render the same lists as the screen: text and level."""
    soup = parsed_page(site, rel)
    for level in LEVELS:
        box = soup.select_one(f".be-red-flags-{level}")
        assert box, f"{rel}: no {level} box"
        assert box.select_one(".admonition-title").get_text(strip=True) == ADVICE[level].title
        listed = [" ".join(li.get_text().split()) for li in box.select("li")]
        assert listed == [f.text for f in flags_at(level)], (rel, level)
        assert " ".join(ADVICE[level].action.split()) in " ".join(box.get_text().split())
