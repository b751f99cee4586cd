"""Red flags: the brief's warning signs, each with the right urgency; the most urgent wins."""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backease import RedFlagScreen
from backease.red_flags import ADVICE, EMERGENCY, RED_FLAGS, SOON, to_dict, urgency_for

# The content brief's "Red flags" anchor, as words each flag's text must contain.
BRIEF = {
    EMERGENCY: ["both legs", "Weakness in your legs", "saddle", "urine", "bladder or bowels", "sexual",
                "serious fall or accident", "Chest pain"],
    SOON: ["fever", "weight", "lump", "shape", "worse at night", "does not ease when you rest", "cancer"],
}


@pytest.mark.parametrize("urgency", [EMERGENCY, SOON])
def test_every_sign_in_the_brief_is_listed_with_its_urgency(urgency):
    texts = " ".join(f.text for f in RED_FLAGS if f.urgency == urgency)
    for words in BRIEF[urgency]:
        assert words in texts, f"{words!r} missing from the {urgency} signs"


def test_flags_are_unique_and_emergencies_come_first():
    ids = [f.id for f in RED_FLAGS]
    assert len(set(ids)) == len(ids)
    urgencies = [f.urgency for f in RED_FLAGS]
    assert urgencies == sorted(urgencies, key=[EMERGENCY, SOON].index)


def test_nothing_ticked_means_no_message():
    assert urgency_for([]) is None


@pytest.mark.parametrize("flag", RED_FLAGS, ids=lambda f: f.id)
def test_each_flag_alone_gives_its_own_urgency(flag):
    assert urgency_for([flag.id]) == flag.urgency


@given(st.sets(st.sampled_from([f.id for f in RED_FLAGS])))
def test_emergency_wins_over_soon(ticked):
    kinds = {f.urgency for f in RED_FLAGS if f.id in ticked}
    expected = EMERGENCY if EMERGENCY in kinds else SOON if SOON in kinds else None
    assert urgency_for(ticked) == expected


def test_an_unknown_flag_is_named():
    with pytest.raises(KeyError, match="'headache'"):
        urgency_for(["chest-pain", "headache"])


def test_the_advice_says_how_soon():
    assert "emergency" in ADVICE[EMERGENCY].action and "now" in ADVICE[EMERGENCY].action
    assert "doctor soon" in ADVICE[SOON].action and "before" in ADVICE[SOON].action


def test_the_widget_carries_every_flag_and_the_advice():
    screen = RedFlagScreen().screen
    assert [f["id"] for f in screen["flags"]] == [f.id for f in RED_FLAGS]
    assert screen == json.loads(json.dumps(to_dict()))
