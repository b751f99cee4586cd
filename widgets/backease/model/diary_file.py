"""The file the progress page exports and imports: the reader's diary, with their home plan and their conditions.

Version 2, as the browser writes it::

    {"format": "backease-diary", "version": 2,
     "entries": [diary entries],
     "home_plan": the value kept under home.STORE_KEY ({"version", "plan", "undone", "reminder"}) or null,
     "conditions": [condition ids] or null}

A version 1 file (the diary alone: format, version, entries) still reads, as a file with no plan and no
conditions. ``read_file`` checks the whole file before anything is used, with the diary's, the home plan's and
the conditions' own checks, and its error names the part and the bad value; the browser's twin is
``readDiaryFile`` in ``widgets/static/rules.js`` (tests/test_widgets_static_rules.py holds them together).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConditionsError, DiaryError
from . import diary
from .conditions import CONDITIONS
from .home import Stored, stored_from_dict

VERSION = 2  # files of version 1 hold the diary alone
# Why a file cannot be imported, by part ("{source}": "This file"; "{got}": the bad value). The parts' own checks
# (an entry, the home plan) say the rest, after "{source}'s diary, entry N" or "{source}'s home plan".
PROBLEMS = {
    "not_json": "{source} is not a diary exported from this guide: it is not JSON",
    "foreign": "{source} is not a diary exported from this guide",
    "version": "{source} has no diary version this guide knows",
    "newer": "{source} was made by a newer version of this guide, which this one cannot read: open this guide"
             " online to update it, then import the file again",
    "part": "{source} holds a part this guide does not know: \u201c{got}\u201d",
    "entries": "{source} has no list of diary entries",
    "conditions": "{source}'s conditions are not a list of condition names",
    "condition": "{source}'s conditions name one this guide does not know: \u201c{got}\u201d",
}
PARTS = ("format", "version", "entries", "home_plan", "conditions")


@dataclass(frozen=True)
class DiaryFile:
    """What a file holds: the diary's entries, the home plan as kept (or None), the ticked conditions (or None)."""

    entries: list[dict]
    home: Stored | None = None
    conditions: tuple[str, ...] | None = None

    def to_dict(self) -> dict:
        """The file, as the browser writes it."""
        return {"format": diary.FORMAT, "version": VERSION, "entries": self.entries,
                "home_plan": self.home.to_dict() if self.home else None,
                "conditions": None if self.conditions is None else list(self.conditions)}


def _problem(kind: str, source: str, got: str = "", error=DiaryError):
    return error(PROBLEMS[kind].format(source=source, got=got))


def _version(value):
    """The file's version if it is a whole number (JSON's 2.0 is 2), else None."""
    whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    return int(value) if whole and not isinstance(value, bool) else None


def _conditions(value, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise _problem("conditions", source, error=ConditionsError)
    known = [c.id for c in CONDITIONS]
    unknown = next((c for c in value if c not in known), None)
    if unknown is not None:
        raise _problem("condition", source, unknown, ConditionsError)
    return tuple(c for c in known if c in value)  # the shared list's order, each once


def read_data(data, source: str = "This file") -> DiaryFile:
    """A file's parsed JSON, checked whole: a DiaryError, HomePlanError or ConditionsError names the bad part."""
    if not isinstance(data, dict) or data.get("format") != diary.FORMAT:
        raise _problem("foreign", source)
    version = _version(data.get("version"))
    if version is None or version < 1:
        raise _problem("version", source)
    if version > VERSION:
        raise _problem("newer", source)
    if version == 2:
        unknown = next((k for k in data if k not in PARTS), None)
        if unknown is not None:
            raise _problem("part", source, unknown)
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise _problem("entries", source)
    checked = [diary.check_entry(e, f"{source}'s diary, entry {i}") for i, e in enumerate(entries, 1)]
    if version == 1:
        return DiaryFile(checked)
    plan, conditions = data.get("home_plan"), data.get("conditions")
    return DiaryFile(checked, None if plan is None else stored_from_dict(plan, f"{source}'s home plan"),
                     None if conditions is None else _conditions(conditions, source))


def _no_constant(name: str):
    raise ValueError(name)  # NaN and Infinity: JSON in the browser has neither


def read_file(text: str, source: str = "This file") -> DiaryFile:
    """A file's text, read and checked whole (``read_data``)."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except ValueError:
        raise _problem("not_json", source) from None
    return read_data(data, source)


def load_diary_file(path) -> DiaryFile:
    """The diary, home plan and conditions in a file exported from the progress page (any version)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError) as err:
        raise DiaryError(f"{path}: cannot read it ({err})") from None
    return read_file(text, str(path))


def load_diary(path) -> list[dict]:
    """The diary entries in a file exported from the progress page (any version)."""
    return load_diary_file(path).entries
