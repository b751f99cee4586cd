"""Red flags: signs that back pain needs a doctor, graded in three levels, in plain words.

The grading follows the NHS back-pain page and the clinical screens in the content brief
("Red flags, in three levels"): an emergency sign means an ambulance or the emergency
department now; an urgent sign means a doctor today; a GP sign means a routine
appointment. The flags are kept most urgent first, so the level for a set of ticks is the
level of the first ticked flag. Nothing here imports a user interface.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

LEVELS = ("emergency", "urgent", "gp")  # most urgent first
EMERGENCY, URGENT, GP = LEVELS


@dataclass(frozen=True)
class RedFlag:
    """One sign to look out for: an id, the words a reader ticks, and its level."""

    id: str
    text: str
    level: str

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"red flag {self.id!r}: level {self.level!r} is not one of {', '.join(LEVELS)}")


@dataclass(frozen=True)
class Advice:
    """What to do at a level: a short heading and the action, in one or two sentences."""

    title: str
    action: str


RED_FLAGS = (
    # Emergency: ambulance or emergency department now.
    RedFlag("both-legs", "Pain, tingling, numbness or weakness in both of your legs", EMERGENCY),
    RedFlag("saddle-numb", "Numbness or tingling around your genitals, your bottom or your inner thighs "
                           "(the “saddle” area)", EMERGENCY),
    RedFlag("peeing", "New difficulty peeing (passing urine)", EMERGENCY),
    RedFlag("bladder-bowel", "Losing control of your bladder or your bowels, so that you wet or soil yourself",
            EMERGENCY),
    RedFlag("sexual", "New problems with sex, such as getting or keeping an erection, or loss of feeling",
            EMERGENCY),
    RedFlag("chest-pain", "Chest pain", EMERGENCY),
    RedFlag("accident", "The pain started after a serious accident, such as a car crash or a bad fall",
            EMERGENCY),
    # Urgent: a doctor today (same-day GP appointment or the 111 line).
    RedFlag("fever", "A high temperature, or you feel hot and shivery", URGENT),
    RedFlag("weight-loss", "You are losing weight without trying to", URGENT),
    RedFlag("lump", "A lump or swelling on your back, or your back has changed shape", URGENT),
    RedFlag("night-pain", "The pain does not ease when you rest, or it is worse at night", URGENT),
    RedFlag("cough", "The pain gets worse when you cough, sneeze or poo", URGENT),
    RedFlag("upper-back", "The pain is high in your back, between your shoulder blades, not low down", URGENT),
    RedFlag("cancer", "You have new back pain and you have had cancer, now or in the past", URGENT),
    RedFlag("one-leg-weak", "Weakness in one leg that is getting worse, or a foot that drops or drags "
                            "when you walk (foot drop)", URGENT),
    RedFlag("unsteady", "Your walking has become unsteady", URGENT),
    RedFlag("fracture", "The pain came on suddenly, or after a small fall, and you have thin bones "
                        "(osteoporosis) or you are older", URGENT),
    RedFlag("infection-risk", "You take steroid medicines long term, your immune system is weak, "
                              "or you inject drugs", URGENT),
    RedFlag("unwell", "You feel generally unwell as well as having back pain", URGENT),
    # GP: a routine appointment.
    RedFlag("not-better", "It has not got better after a few weeks of looking after it at home", GP),
    RedFlag("daily-life", "It stops you doing your everyday activities", GP),
    RedFlag("getting-worse", "It is severe, or it is getting worse over time", GP),
    RedFlag("coping", "You are struggling to cope with it, or it worries you", GP),
)

# The heading of each level's signs, in the red-flag screen.
LEVEL_NAMES = {
    EMERGENCY: "Emergency signs",
    URGENT: "Urgent signs: get help today",
    GP: "Signs to see your GP about",
}

ADVICE = {
    EMERGENCY: Advice(
        title="Get emergency help now",
        action=(
            "Call 999 (or your local emergency number) or go to A&E, the emergency "
            "department, now. Do not start the exercises."
        ),
    ),
    URGENT: Advice(
        title="Get help today",
        action=(
            "Ask for a same-day appointment with your GP (your family doctor), or call 111 "
            "(or your local urgent care line) today. Leave the exercises until you have been checked."
        ),
    ),
    GP: Advice(
        title="See your GP",
        action=(
            "Book a routine appointment with your GP or a physiotherapist. Until then, keep as "
            "active as you comfortably can; gentle techniques are fine if they do not make it worse."
        ),
    ),
}


def get_flag(flag_id: str) -> RedFlag:
    """The red flag called ``flag_id``; the error names it and the known ids."""
    for flag in RED_FLAGS:
        if flag.id == flag_id:
            return flag
    raise KeyError(f"no red flag called {flag_id!r}; known: {', '.join(f.id for f in RED_FLAGS)}")


def advice_for(flag_id: str) -> Advice:
    """What to do about one red flag: the advice at its level."""
    return ADVICE[get_flag(flag_id).level]


def flags_at(level: str) -> tuple[RedFlag, ...]:
    """The red flags of one level, in the order they are listed."""
    if level not in LEVELS:
        raise ValueError(f"no red-flag level called {level!r}; known: {', '.join(LEVELS)}")
    return tuple(f for f in RED_FLAGS if f.level == level)


def level_for(ticked: Iterable[str]) -> str | None:
    """The most urgent level among the ticked red-flag ids, or None when none is ticked."""
    levels = {get_flag(flag_id).level for flag_id in ticked}
    return next((level for level in LEVELS if level in levels), None)


def to_dict() -> dict:
    """Plain data for the widget: the flags most urgent first, the advice per level, the levels in order, their names."""
    return {
        "flags": [asdict(f) for f in RED_FLAGS],
        "advice": {level: asdict(ADVICE[level]) for level in LEVELS},
        "levels": list(LEVELS),
        "names": dict(LEVEL_NAMES),
    }
