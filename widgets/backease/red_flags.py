"""Red flags: signs that back pain needs a doctor, with how urgently, in plain words.

From the content brief's "Red flags" anchor. An emergency sign means getting help now;
the others mean seeing a doctor soon, before starting the exercises. When several signs
are ticked, the most urgent wins. Nothing here imports a user interface.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

EMERGENCY = "emergency"
SOON = "soon"
URGENCIES = (EMERGENCY, SOON)  # most urgent first


@dataclass(frozen=True)
class RedFlag:
    """One sign to look out for: an id, the words a reader ticks, and its urgency."""

    id: str
    text: str
    urgency: str


@dataclass(frozen=True)
class Advice:
    """What to do for an urgency: a short heading and one or two sentences."""

    title: str
    action: str


RED_FLAGS = (
    RedFlag("both-legs-numb", "Numbness or tingling in both legs", EMERGENCY),
    RedFlag("legs-weak", "Weakness in your legs", EMERGENCY),
    RedFlag("saddle-numb", "Numbness around your genitals, bottom or inner thighs (the “saddle” area)", EMERGENCY),
    RedFlag("bladder-bowel", "Trouble passing urine, or losing control of your bladder or bowels", EMERGENCY),
    RedFlag("sexual", "New problems with sexual function", EMERGENCY),
    RedFlag("fall", "Back pain that started after a serious fall or accident", EMERGENCY),
    RedFlag("chest-pain", "Chest pain", EMERGENCY),
    RedFlag("fever", "A fever (a high temperature)", SOON),
    RedFlag("weight-loss", "Losing weight without trying", SOON),
    RedFlag("lump", "A lump on your back, or a change in its shape", SOON),
    RedFlag("night-pain", "Pain that is worse at night, or does not ease when you rest", SOON),
    RedFlag("cancer", "You have had cancer", SOON),
)

ADVICE = {
    EMERGENCY: Advice(
        title="Get emergency help now",
        action=(
            "Call your local emergency number or go to an emergency department now. "
            "Do not start the exercises."
        ),
    ),
    SOON: Advice(
        title="See a doctor soon",
        action="Contact your doctor soon, and before you start the exercises in this guide.",
    ),
}


def urgency_for(ticked: Iterable[str]) -> str | None:
    """The most urgent level among the ticked red-flag ids, or None when none is ticked."""
    by_id = {flag.id: flag for flag in RED_FLAGS}
    levels = set()
    for flag_id in ticked:
        if flag_id not in by_id:
            raise KeyError(f"no red flag called {flag_id!r}; known: {', '.join(by_id)}")
        levels.add(by_id[flag_id].urgency)
    return next((level for level in URGENCIES if level in levels), None)


def to_dict() -> dict:
    """Plain data for the widget: the flags in order, the advice per urgency, the order of urgency."""
    return {
        "flags": [asdict(f) for f in RED_FLAGS],
        "advice": {level: asdict(a) for level, a in ADVICE.items()},
        "urgencies": list(URGENCIES),
    }
