"""Who should not: one shared vocabulary of health conditions that technique cards answer.

A card names a condition by its id and answers it with one of three kinds of advice:
``dont`` (do not do this technique), ``ask`` (ask a clinician first) or ``adapt`` (do it,
changed like this). Pages, handouts and tests read the names and explanations from here.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..errors import ConditionsError

ADVICE_KINDS = ("dont", "ask", "adapt")  # strictest first
# Where a reader's own conditions are kept, in their browser only: {"version": 1, "conditions": [ids]}.
STORE_KEY = "backease.my-conditions"
STORE_VERSION = 1
# Why a kept value cannot be used (``check_stored``; the browser's check, in static/rules.js, says the same).
STORE_PROBLEMS = {
    "damaged": "Your saved conditions cannot be read: the copy in this browser is damaged or was not made by this guide.",
    "version": "Your saved conditions were saved by another version of this guide, which this one cannot read.",
    "unknown": "Your saved conditions name one this guide does not know: \u201c{got}\u201d.",
}
ADVICE_TITLES = {"dont": "Do not do it", "ask": "Ask a clinician first", "adapt": "Adapt it"}


@dataclass(frozen=True)
class Condition:
    """A condition: its id, its name as a reader says it, a plain explanation, its glossary term."""

    id: str
    name: str
    explain: str
    term: str = ""  # the entry in book/reference/glossary.md, or "" when the explanation is enough


@dataclass(frozen=True)
class ConditionAdvice:
    """What one technique says to people with one condition."""

    condition: str
    advice: str
    text: str

    @property
    def about(self) -> Condition:
        return get_condition(self.condition)


CONDITIONS = (
    Condition("pregnancy", "Pregnancy", "now, or a baby in the last few weeks"),
    Condition("osteoporosis", "Osteoporosis", "thin, fragile bones that break more easily", "osteoporosis"),
    Condition("recent-surgery", "Recent surgery", "an operation in the last few months"),
    Condition("hip-replacement", "Hip replacement", "an artificial hip joint", "hip replacement"),
    Condition("hypermobility", "Hypermobility", "joints that bend further than most people's",
              "hypermobility"),
    Condition("blood-thinners", "Blood thinners or a bleeding disorder",
              "medicines that stop blood clotting, or a condition that makes you bleed or bruise easily",
              "blood thinner"),
    Condition("hernia", "Hernia", "a bulge where part of the belly pushes through a weak spot", "hernia"),
    Condition("nerve-pain", "Nerve pain down the leg", "pain, tingling or numbness that runs down a leg, "
              "often called sciatica", "sciatica"),
    Condition("dizziness", "Dizziness or low blood pressure", "feeling faint or light-headed, especially "
              "when you stand up or lie down", "low blood pressure"),
    Condition("heart-or-eye", "A heart condition, or an eye condition such as glaucoma",
              "it matters for bending forward with your head below your heart"),
    Condition("balance", "Poor balance or falls", "feeling unsteady on your feet, or falling; it matters for"
              " standing exercises and for getting down to the floor and up"),
    Condition("knees", "Knee problems", "a painful, stiff or replaced knee; it matters for kneeling"),
)

_BY_ID = {c.id: c for c in CONDITIONS}


def get_condition(condition_id: str) -> Condition:
    """The condition called ``condition_id``; the error names it and the known ids."""
    try:
        return _BY_ID[condition_id]
    except (KeyError, TypeError):
        raise KeyError(f"no condition called {condition_id!r}; known: {', '.join(_BY_ID)}") from None


def _problem(kind: str, got: str = "") -> ConditionsError:
    return ConditionsError(STORE_PROBLEMS[kind].format(got=got))


def _no_constant(name: str):
    raise ValueError(name)  # NaN and Infinity: JSON in the browser has neither


def check_stored(text: str | None) -> tuple[str, ...]:
    """The condition ids in a kept value (the text under ``STORE_KEY``; None when nothing is kept), or a
    ConditionsError saying why it cannot be used: not ``{"version": 1, "conditions": [ids]}`` with each id
    known and named once."""
    if text is None:
        return ()
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except (TypeError, ValueError):
        raise _problem("damaged") from None
    if not isinstance(data, dict) or "version" not in data:
        raise _problem("damaged")
    if isinstance(data["version"], bool) or data["version"] != STORE_VERSION:
        raise _problem("version")
    ids = data.get("conditions")
    if set(data) != {"version", "conditions"} or not isinstance(ids, list) or not all(isinstance(i, str) for i in ids) \
            or len(set(ids)) != len(ids):
        raise _problem("damaged")
    for condition_id in ids:
        if condition_id not in _BY_ID:
            raise _problem("unknown", condition_id)
    return tuple(ids)


def stored(ids) -> str:
    """The value kept for the conditions ``ids`` (checked), as the browser writes it."""
    text = json.dumps({"version": STORE_VERSION, "conditions": list(ids)}, separators=(",", ":"))
    check_stored(text)
    return text

