"""Phrases a technique card shares with the timer's cues and the course levels, typed once here.

A card's steps use a phrase as ``{name}``; the card, the routine library and the levels read it
from here, so the page, the sheet, the spoken cue and the level text say it in the same words.
(Plain Python, not the card's YAML: the library is built on ``import backease``, which loads no YAML.)
"""
from __future__ import annotations

from ..errors import TechniqueError

PHRASES: dict[str, dict[str, str]] = {
    "ball-release": {
        # The source says to come off the ball fast but gently, so that the muscles do not tense on the way down.
        "roll_off": "roll off the ball quickly but gently, so that your low back does not tense as it comes down",
    },
}


def card_phrases(technique: str) -> dict[str, str]:
    """The phrases of the card called ``technique`` (empty if it has none)."""
    return PHRASES.get(technique, {})


def phrase(technique: str, name: str) -> str:
    """One phrase of a card, e.g. ``phrase("ball-release", "roll_off")``; the error names the known ones."""
    say = card_phrases(technique)
    if name not in say:
        raise TechniqueError(f"{technique}.yml: no phrase {name!r}; it has: {', '.join(say) or 'none'}")
    return say[name]
