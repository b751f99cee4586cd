"""The numbers of the one-page summary a reader prints for a clinician, from their diary (and home plan).

The page is static, so the browser computes them from what it keeps, with ``diarySummary`` in
``widgets/static/rules.js``; this is the rule, written once, that tests/test_widgets_static_rules.py
holds it to over generated diaries. Days are the reader's: an entry written with a zone counts on its day in
``zone`` (the browser's), one written without on the day it names; weeks start on Monday. Rounding is the
browser's (``Math.round``: a half goes up).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

from .diary import HOW_IT_WENT
from .home import Stored, progress
from .levels import LEVELS
from .library import get_routine

NOTES = 6  # the most recent notes shown
NOTE_CHARS = 240  # each cut to this many characters


@dataclass(frozen=True)
class Week:
    start: str  # its Monday, "YYYY-MM-DD"
    sessions: int
    minutes: int
    pain_before: float | None  # the average of the week's ratings, to one decimal; None when none was rated
    pain_after: float | None


@dataclass(frozen=True)
class Reached:
    """The highest level of an exercise that a session named (a course level in its title) or the home plan
    moved it to; the day it was first reached; the home plan's level now, where that is lower (else None)."""

    exercise: str
    number: int
    date: str
    now: int | None


@dataclass(frozen=True)
class Note:
    date: str
    session: str
    text: str


@dataclass(frozen=True)
class Summary:
    sessions: int
    minutes: int
    stopped: int  # sessions stopped early
    first: str | None  # the first and last session's day
    last: str | None
    weeks: list[Week]  # every week from the first session's to the last's
    levels: list[Reached]  # in the order of the course's exercises
    home_sessions: int
    answers: dict[str, int]  # how home sessions went: answer -> sessions (those given)
    notes: list[Note]  # the most recent, oldest first
    notes_all: int

    def to_dict(self) -> dict:
        return asdict(self)


def js_round(x: float) -> int:
    """``Math.round``: to the nearest whole number, a half up."""
    low = math.floor(x)
    return low + 1 if x - low >= 0.5 else low


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _when(text: str, zone: tzinfo) -> tuple[int, date]:
    """An entry's instant (milliseconds, as the browser's Date holds it) and its day on the reader's clock."""
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if when.tzinfo is None:
        return (when.replace(tzinfo=zone) - _EPOCH) // timedelta(milliseconds=1), when.date()
    return (when - _EPOCH) // timedelta(milliseconds=1), when.astimezone(zone).date()


def _average(values: list[int]) -> float | None:
    return js_round(sum(values) * 10 / len(values)) / 10 if values else None


def summary(entries, zone: tzinfo, home: Stored | None = None, notes: int = NOTES, note_chars: int = NOTE_CHARS) -> Summary:
    """The summary of checked diary ``entries`` (any order), on the clock of ``zone``; ``home``: the kept home plan."""
    timed = sorted(((*_when(e["date"], zone), i, e) for i, e in enumerate(entries)), key=lambda t: (t[0], t[2]))
    days = {id(e): day.isoformat() for _, day, _, e in timed}
    ordered = [e for *_, e in timed]
    weeks = []
    first = min((day for _, day, *_ in timed), default=None)
    last = max((day for _, day, *_ in timed), default=None)
    if timed:
        start = first - timedelta(days=first.weekday())
        while start <= last:
            those = [e for _, day, _, e in timed if start <= day < start + timedelta(days=7)]
            weeks.append(Week(start.isoformat(), len(those), js_round(sum(e.get("done_seconds", 0) for e in those) / 60),
                              _average([e["pain_before"] for e in those if "pain_before" in e]),
                              _average([e["pain_after"] for e in those if "pain_after" in e])))
            start += timedelta(days=7)
    # The highest level each exercise reached: course levels named in a session's title, and the home plan's moves.
    best: dict[str, tuple[int, str]] = {}
    for e in ordered:
        for lv in LEVELS:
            if get_routine(lv.name).title in e["session"] and lv.number > best.get(lv.exercise, (0, ""))[0]:
                best[lv.exercise] = (lv.number, days[id(e)])
    now: dict[str, int] = {}
    if home:
        moved = progress(home.plan, entries, home.undone)
        day_of = {e["id"]: days[id(e)] for e in ordered}
        for change in moved.changes:
            now[change.exercise] = moved.levels[change.exercise]
            had = best.get(change.exercise, (0, ""))
            when = day_of[change.entry]
            if change.after > had[0] or (change.after == had[0] and when < had[1]):
                best[change.exercise] = (change.after, when)
    order = list(dict.fromkeys(lv.exercise for lv in LEVELS))
    levels = [Reached(e, *best[e], now[e] if now.get(e, best[e][0]) < best[e][0] else None) for e in order if e in best]
    home_entries = [e for e in ordered if e.get("home_session")]
    answers = {a: n for a in HOW_IT_WENT if (n := sum(e.get("how_it_went") == a for e in home_entries))}
    noted = [e for e in ordered if e.get("note", "").strip()]

    def cut(text: str) -> str:
        return text if len(text) <= note_chars else text[:note_chars - 1] + "\u2026"

    return Summary(len(ordered), js_round(sum(e.get("done_seconds", 0) for e in ordered) / 60),
                   sum(e.get("finished") is False for e in ordered), first and first.isoformat(), last and last.isoformat(),
                   weeks, levels, len(home_entries), answers,
                   [Note(days[id(e)], e["session"], cut(e["note"].strip())) for e in noted[max(0, len(noted) - notes):]],
                   len(noted))
