"""The practice diary: what one entry holds, and the checks an imported diary file must pass.

Entries live only in the reader's browser (localStorage, under ``KEY``); the browser
views read this description (``spec()``) to build the form, the CSV columns and the
import checks, so a field is described once, here. ``check_diary`` checks the diary as the browser keeps
it; an exported file (the diary with the home plan and conditions) is read by ``diary_file``.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime

from ..errors import DiaryError

KEY = "backease.diary"
FORMAT = "backease-diary"
VERSION = 1
PRIVACY = ("Your diary stays on this device. It is kept in this browser only and is never sent anywhere;"
           " export it to keep a copy or to show your clinician.")
SAVED = "Saved in your diary, on this device only."
# An entry's date and time, as the browser writes it (Date.toISOString) or close to it: a date,
# "T", hours and minutes, maybe seconds and their fraction, maybe "Z" or an offset; then it must
# be a real time (datetime.fromisoformat). The browser's check (dateTime in static/rules.js)
# reads the groups in this order: year, month, day, hour, minute, second, fraction, zone.
DATE_TIME = (r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?"
             r"(Z|[+-][0-9]{2}:[0-9]{2})?")
FEELINGS = {"better": "Better than before", "same": "About the same", "worse": "Worse than before"}
# How a home-programme session went (backease.model.home reads each as the class course's progression does).
HOW_IT_WENT = {"too-easy": "Too easy", "about-right": "About right", "too-hard": "Too hard", "hurt": "It hurt"}
FLARE_UP_ASK = "I'm in a flare-up"  # the box a home session's entry offers (its field: flare_up)


@dataclass(frozen=True)
class Field:
    """One value of a diary entry. ``kind``: text, datetime, int, number, bool or choice (of ``choices``)."""

    name: str
    kind: str
    label: str
    required: bool = False
    low: float | None = None
    high: float | None = None
    max_length: int | None = None
    choices: dict[str, str] | None = None


FIELDS = (
    Field("id", "text", "Entry id", required=True, max_length=64),
    Field("date", "datetime", "When", required=True),
    Field("session", "text", "Session", required=True, max_length=120),
    Field("planned_seconds", "number", "Planned length (seconds)", low=0, high=7200),
    Field("done_seconds", "number", "Time practised (seconds)", low=0, high=7200),
    Field("finished", "bool", "Finished"),
    Field("pain_before", "int", "Pain before (0 to 10)", low=0, high=10),
    Field("pain_after", "int", "Pain after (0 to 10)", low=0, high=10),
    Field("feeling", "choice", "How it felt", choices=FEELINGS),
    Field("note", "text", "Note", max_length=500),
    # A session of the reader's home programme: which (its plan name), how it went, or a flare-up.
    Field("home_session", "text", "Home programme session", max_length=60),
    Field("how_it_went", "choice", "How the exercises went", choices=HOW_IT_WENT),
    Field("flare_up", "bool", "A flare-up"),
)


def spec() -> dict:
    """The diary's description for the browser views (``widgets.diary_view.browser_spec`` adds their shared
    module). Choices go as [value, words] pairs in their order: a built page's widget state has its keys sorted."""
    fields = [{**asdict(f), "choices": list(f.choices.items()) if f.choices else None} for f in FIELDS]
    return {"key": KEY, "format": FORMAT, "version": VERSION, "privacy": PRIVACY, "saved": SAVED,
            "feelings": list(FEELINGS.items()), "fields": fields, "date_pattern": DATE_TIME, "flare_up_ask": FLARE_UP_ASK}


def _check(field: Field, value, where: str):
    bad = f"{where}: {field.name!r} "
    if field.kind in ("text", "datetime"):
        if not isinstance(value, str):
            raise DiaryError(f"{bad}must be text, got {value!r}")
        if field.max_length and len(value) > field.max_length:
            raise DiaryError(f"{bad}must be at most {field.max_length} characters long")
        if field.kind == "datetime":
            try:
                if not re.fullmatch(DATE_TIME, value):
                    raise ValueError(value)
                datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise DiaryError(f"{bad}must be a date and time like 2026-01-31T09:00:00Z, got {value!r}") from None
    elif field.kind == "bool":
        if not isinstance(value, bool):
            raise DiaryError(f"{bad}must be true or false, got {value!r}")
    elif field.kind == "choice":
        if not isinstance(value, str) or value not in field.choices:
            raise DiaryError(f"{bad}must be one of {', '.join(field.choices)}, got {value!r}")
    else:
        whole = field.kind == "int"  # 3.0 is whole: JSON in the browser cannot tell it from 3
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not float(value).is_integer()):
            raise DiaryError(f"{bad}must be a {'whole ' if whole else ''}number, got {value!r}")
        if not field.low <= value <= field.high:
            raise DiaryError(f"{bad}must be from {field.low:g} to {field.high:g}, got {value!r}")


def check_entry(entry, where: str = "entry") -> dict:
    """``entry`` if it is a valid diary entry, else a DiaryError naming the bad value."""
    if not isinstance(entry, dict):
        raise DiaryError(f"{where}: expected a mapping of fields, got {entry!r}")
    known = {f.name for f in FIELDS}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise DiaryError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}")
    for field in FIELDS:
        value = entry.get(field.name)
        if value is None:
            if field.required:
                raise DiaryError(f"{where}: missing {field.name!r}")
            continue
        _check(field, value, where)
    return entry


def check_diary(data, source: str = "diary") -> list[dict]:
    """The entries of the diary as the browser keeps it (``{"format", "version", "entries"}``), checked."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DiaryError(f"{source}: not a diary exported from this guide (no \"format\": {FORMAT!r})")
    if isinstance(data.get("version"), bool) or data.get("version") != VERSION:
        raise DiaryError(f"{source}: diary version {data.get('version')!r}; this guide reads version {VERSION}")
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise DiaryError(f"{source}: 'entries' must be a list, got {entries!r}")
    return [check_entry(e, f"{source}, entry {i}") for i, e in enumerate(entries, 1)]
