"""The progress page's widget: the reader's diary, drawn in the page, with export, import and delete.

The entries never reach Python: they stay in the browser (see ``diary``). Python sends the
diary's description, what the charts show, and the words and layout of the one-page summary a reader
prints for a clinician (``CLINICIAN``; the view fills in the numbers from the diary).
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from .static_modules import esm_module, plain_module
from ..model import diary
from ..model.levels import EXERCISES, LEVELS
from ..model.library import get_routine

_STATIC = Path(__file__).parent / "static"
WEEKS = 8  # sessions per week: this many weeks, up to this one
LAST = 30  # pain before and after: this many most recent sessions
# The clinician's summary: its words, and how much of the diary fits on one A4 page.
CLINICIAN = {
    "button": "Print a summary for your clinician",
    "title": "Back exercise diary: a summary for your clinician",
    "range": "Sessions from {first} to {last}.",
    "privacy": "Printed from a diary kept on the reader's own device; nothing in it was sent anywhere.",
    "totals": ["Sessions done", "Minutes practised", "Stopped early"],
    "weeks_heading": "Week by week",
    "weeks_columns": ["Week starting", "Sessions", "Minutes", "Pain before (average)", "Pain after (average)"],
    "weeks_note": "Pain is rated from {low} (none) to {high} (the worst imaginable); each average is over the"
                  " sessions rated that week, and a dash means none was rated.",
    "weeks_more": "The last {shown} weeks of {all}.",
    "levels_heading": "Course levels named in the diary",
    "levels_none": "No session in the diary names a course level.",
    "level": "{exercise}: level {number}, first on {date}",
    "home": "Home programme sessions: {count}. How the exercises went: {answers}.",
    "notes_heading": "Notes",
    "notes_none": "No notes.",
    "notes_more": "The {shown} most recent notes of {all}.",
    "empty": "Your diary is empty: there is nothing to summarise yet.",
    "weeks": 12, "notes": 6, "note_chars": 240,
}


def browser_spec() -> dict:
    """The diary's description (``model.diary.spec()``) with the module and styles its browser views share
    (the timer's diary form and this view)."""
    return {**diary.spec(), "esm": esm_module("rules.js", "diary_core.js"), "css": (_STATIC / "diary.css").read_text(encoding="utf-8")}


class DiaryView(anywidget.AnyWidget):
    """Your practice diary and progress: ``DiaryView()``. Nothing you enter leaves the browser."""

    _esm = esm_module("diary_view.js")
    _css = _STATIC / "diary_view.css"

    spec = traitlets.Dict().tag(sync=True)
    charts = traitlets.Dict().tag(sync=True)
    clinician = traitlets.Dict().tag(sync=True)  # CLINICIAN, the course levels and how-it-went words
    print_esm = traitlets.Unicode().tag(sync=True)  # static/handout.js: prints the summary alone

    def __init__(self, **kwargs):
        pain = next(f for f in diary.FIELDS if f.name == "pain_before")  # the scale both ratings share
        super().__init__(spec=browser_spec(), charts={
            "weeks": WEEKS, "last": LAST, "manual": "Practice (added by hand)", "pain_low": pain.low, "pain_high": pain.high,
            "pain_caption": f"Pain before and after each session ({pain.low} = none, {pain.high} = worst)"},
            clinician={**CLINICIAN, "weeks_note": CLINICIAN["weeks_note"].format(low=pain.low, high=pain.high),
                       "how_it_went": diary.HOW_IT_WENT,
                       "levels": [{"title": get_routine(lv.name).title, "exercise": EXERCISES[lv.exercise].title,
                                   "number": lv.number} for lv in LEVELS]},
            print_esm=plain_module("handout.js"), **kwargs)
