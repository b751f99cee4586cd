"""Where the body is for an exercise: the positions a step, a card or a level may name.

A class moves between them: ``group`` tells floor, table and upright apart, which sets the
transition (``logistics.transition_ids``) between two positions.
"""
from __future__ import annotations

from dataclasses import dataclass

POSITIONS = ("lying-back", "lying-side", "lying-front", "sitting-floor", "kneeling", "sitting-chair", "standing", "table")
FLOOR_POSITIONS = ("lying-back", "lying-side", "lying-front", "sitting-floor", "kneeling")


def group(position: str) -> str:
    """"floor", "table" or "upright" (standing or on a chair)."""
    return "floor" if position in FLOOR_POSITIONS else "table" if position == "table" else "upright"


# Moving between positions, in a class or at home: how long each move takes.
@dataclass(frozen=True)
class Transition:
    id: str
    seconds: float
    label: str
    why: str


TRANSITIONS: dict[str, Transition] = {t.id: t for t in (
    Transition("down", 60, "Get down onto the mat", "getting down to the floor, slowly, with help or a chair to hold"),
    Transition("up", 60, "Get up from the mat", "getting up from the floor, in stages, and standing for a moment"),
    Transition("change", 15, "Change position", "turning over or changing position on the floor, or moving between"
                                                 " standing and a chair"),
    Transition("hand-out", 60, "Hand out", "handing out equipment the first time a class needs it"),
)}
TRANSITION_NOTE = ("The times for moving between exercises are the guide's own; the sources give none: "
                   + "; ".join(f"{t.why}: {t.seconds:g} s" for t in TRANSITIONS.values()) + ".")
