"""Red flags: the brief's warning signs in three levels, most urgent first; the most urgent wins."""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backease import RedFlagScreen
from backease.red_flags import (ADVICE, EMERGENCY, GP, LEVELS, RED_FLAGS, URGENT, RedFlag, flags_at, level_for,
                                markdown, to_dict)

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


@given(st.sets(st.sampled_from([f.id for f in RED_FLAGS])))
def test_the_most_urgent_level_wins(ticked):
    kinds = {f.level for f in RED_FLAGS if f.id in ticked}
    expected = next((level for level in (EMERGENCY, URGENT, GP) if level in kinds), None)
    assert level_for(ticked) == expected
    # The widget shows the level of the first ticked flag in list order: the same answer.
    first = next((f for f in RED_FLAGS if f.id in ticked), None)
    assert (first.level if first else None) == expected


def test_an_unknown_flag_is_named():
    with pytest.raises(KeyError, match="'headache'"):
        level_for(["chest-pain", "headache"])


def test_the_advice_says_how_urgently_and_where():
    assert "999" in ADVICE[EMERGENCY].action and "emergency department" in ADVICE[EMERGENCY].action
    assert "now" in ADVICE[EMERGENCY].action
    assert "same-day" in ADVICE[URGENT].action and "111" in ADVICE[URGENT].action
    assert "urgent care line" in ADVICE[URGENT].action and "today" in ADVICE[URGENT].action
    assert "routine appointment" in ADVICE[GP].action


def test_page_lists_come_from_the_flags():
    for level in LEVELS:
        assert markdown(level).splitlines() == [f"- {f.text}" for f in flags_at(level)]
    with pytest.raises(ValueError, match="'soon'"):
        flags_at("soon")


def test_the_widget_carries_every_flag_the_advice_and_the_levels():
    screen = RedFlagScreen().screen
    assert [(f["id"], f["text"], f["level"]) for f in screen["flags"]] == [(f.id, f.text, f.level) for f in RED_FLAGS]
    assert screen["levels"] == list(LEVELS)
    assert screen == json.loads(json.dumps(to_dict()))
