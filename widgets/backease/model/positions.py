"""Where the body is for an exercise: the positions a step, a card or a level may name.

A class moves between them: ``group`` tells floor, table and upright apart, which sets the
transition (``logistics.transition_ids``) between two positions.
"""
from __future__ import annotations

POSITIONS = ("lying-back", "lying-side", "lying-front", "sitting-floor", "kneeling", "sitting-chair", "standing", "table")
FLOOR_POSITIONS = ("lying-back", "lying-side", "lying-front", "sitting-floor", "kneeling")


def group(position: str) -> str:
    """"floor", "table" or "upright" (standing or on a chair)."""
    return "floor" if position in FLOOR_POSITIONS else "table" if position == "table" else "upright"
