"""Phrases a technique card shares with the timer's cues and the course levels: its ``say`` field.

A card's steps use a phrase as ``{name}``; the routine library and the levels read it here,
straight from the card's file (the library is built before the cards, which check against it),
so the page, the sheet, the spoken cue and the level text say it in the same words.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from ..errors import TechniqueError
from .routine_files import read_data

DATA = Path(__file__).parent / "technique_data"


@cache
def card_phrases(technique: str) -> dict[str, str]:
    """The ``say`` phrases of the card called ``technique`` (empty if it has none)."""
    path, data = read_data(DATA / f"{technique}.yml", TechniqueError)
    say = data.get("say", {}) if isinstance(data, dict) else {}
    if not isinstance(say, dict) or not all(isinstance(v, str) and v.strip() for v in say.values()):
        raise TechniqueError(f"{path.name}: 'say' must map names to phrases, got {say!r}")
    return {str(k): " ".join(v.split()) for k, v in say.items()}


def phrase(technique: str, name: str) -> str:
    """One phrase of a card, e.g. ``phrase("ball-release", "roll_off")``; the error names the known ones."""
    say = card_phrases(technique)
    if name not in say:
        raise TechniqueError(f"{technique}.yml: no phrase {name!r} under 'say'; it has: {', '.join(say) or 'none'}")
    return say[name]
