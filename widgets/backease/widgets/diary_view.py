"""The progress page's widget: the reader's diary, drawn in the page, with export, import and delete.

The entries never reach Python: they stay in the browser (see ``diary``). Python sends the
diary's description, what the charts show, the diary file's format (``model.diary_file``: the diary with the
home plan and the conditions), and the words and layout of the one-page summary a reader prints for a
clinician (``CLINICIAN``; its numbers are ``model.diary_summary``'s, computed in the browser by rules.js).
"""
from __future__ import annotations

from html import escape
from pathlib import Path

import anywidget
import traitlets

from .my_conditions import store_spec
from .static_modules import esm_module, plain_module
from ..model import diary, diary_file, diary_summary
from ..model.levels import EXERCISES, LEVELS
from ..model.library import get_routine
from ..text.storage import REFUSED

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
    "levels_heading": "Levels reached",
    "levels_none": "No session in the diary names a course level, and the home programme has moved none.",
    "level": "{exercise}: level {number}, first on {date}",
    "level_now": "{exercise}: level {number}, first on {date}; now level {now} in the home programme",
    "home": "Home programme sessions: {count}. How the exercises went: {answers}.",
    "notes_heading": "Notes",
    "notes_none": "No notes.",
    "notes_more": "The {shown} most recent notes of {all}.",
    "empty": "Your diary is empty: there is nothing to summarise yet.",
    "weeks": 12,
}
# What the view says about the diary file: exporting it, and importing one (all or nothing).
NOT_IMPORTED = "Nothing was imported"  # before why: the file's problem, or the browser's refusal (text.storage)
WORDS = {
    "not_imported": NOT_IMPORTED,
    "nothing": f"{NOT_IMPORTED}: your diary, home plan and conditions are as they were.",
    "left_out": "The file leaves out your {part}. {why}",  # why: a sentence saying why the kept one cannot be used
    "plan": "home plan", "conditions": "conditions",
    "restored": "Your {part} from the file is kept now.",
    "replaced": "The file's {part} replaced the one this browser had.",
    "kept": "Your {part} in this browser stays as it was; the file's was left out.",
    "ask": "This file and this browser hold different versions of your {parts}. Which do you want to keep? Either way,"
           " the file's diary sessions are added. Export first if you want a copy of what this browser has.",
    "mine": "In this browser: {what}.", "theirs": "In the file: {what}.",
    "plan_what": "{days}, from {start}; reminders at {reminder}",
    "none": "none",
    "use_theirs": "Use the file's", "keep_mine": "Keep this browser's", "cancel": "Cancel the import",
}
HOME_KEYS = ("store_key", "store_version", "reminder_pattern", "reminder_at", "days_a_week", "weekdays", "weeks_count",
             "per_session", "names", "reasons", "answers", "verdicts", "up_after", "exercise_order")


def diary_spec() -> dict:
    """The diary's description (``model.diary.spec()``) with the styles of its entry form and the words for a browser
    that refuses to keep an entry (``text.storage.REFUSED``)."""
    return {**diary.spec(), "css": (_STATIC / "diary.css").read_text(encoding="utf-8"), "refused": REFUSED}


def browser_spec() -> dict:
    """``diary_spec()`` with the module the timer's diary form imports."""
    return {**diary_spec(), "esm": esm_module("rules.js", "diary_core.js")}


def home_rules() -> dict:
    """What the view needs of the home programme's data (``home_data``) to check a kept plan and follow its levels."""
    from .home_programme import home_data  # here: the home programme's timer imports this module

    data = home_data()
    return {**{k: data[k] for k in HOME_KEYS}, "weeks": [{"number": w["number"], "adds": w["adds"]} for w in data["weeks"]],
            "exercises": {e: {"title": x["title"], "levels": x["levels"], "advice": {"dont": x["advice"]["dont"]}}
                          for e, x in data["exercises"].items()}}


def summary_data() -> dict:
    """What rules.js's ``diarySummary`` reads (``model.diary_summary``): the dates, the course levels' titles, the
    order of exercises and answers, and how many notes of how many characters fit."""
    return {"date_pattern": diary.DATE_TIME, "exercises": list(dict.fromkeys(lv.exercise for lv in LEVELS)),
            "levels": [{"title": get_routine(lv.name).title, "exercise": lv.exercise, "number": lv.number} for lv in LEVELS],
            "answers": list(diary.HOW_IT_WENT), "notes": diary_summary.NOTES, "note_chars": diary_summary.NOTE_CHARS}


# What the built page shows until the view has loaded (book/_ext/widget_state.py): the view's first line, where the
# view draws it, in a box as tall as the screen (diary_view.css), which the empty diary's view (840 px or more at
# any width) fills: the text below is out of sight when the view takes its place, so nothing the reader sees moves.
PLACEHOLDER = f'<section class="be-progress be-progress-reserve"><p class="be-diary-privacy">{escape(diary.PRIVACY)}</p></section>'


class DiaryView(anywidget.AnyWidget):
    """Your practice diary and progress: ``DiaryView()``. Nothing you enter leaves the browser."""

    _esm = esm_module("rules.js", "conditions_store.js", "diary_core.js", "diary_store.js", "diary_state.js", "diary_charts.js",
                      "diary_view.js")
    _css = _STATIC / "diary_view.css"

    spec = traitlets.Dict().tag(sync=True)
    charts = traitlets.Dict().tag(sync=True)
    file = traitlets.Dict().tag(sync=True)  # the diary file's format: model.diary_file
    words = traitlets.Dict().tag(sync=True)  # WORDS
    home = traitlets.Dict().tag(sync=True)  # home_rules()
    conditions_store = traitlets.Dict().tag(sync=True)  # the reader's conditions: my_conditions.store_spec()
    summary = traitlets.Dict().tag(sync=True)  # summary_data()
    clinician = traitlets.Dict().tag(sync=True)  # CLINICIAN, the exercises' titles and how-it-went words
    print_esm = traitlets.Unicode().tag(sync=True)  # static/handout.js: prints the summary alone
    _placeholder = traitlets.Unicode(PLACEHOLDER).tag(sync=True)

    def __init__(self, **kwargs):
        pain = next(f for f in diary.FIELDS if f.name == "pain_before")  # the scale both ratings share
        super().__init__(spec=diary_spec(), charts={
            "weeks": WEEKS, "last": LAST, "manual": "Practice (added by hand)", "pain_low": pain.low, "pain_high": pain.high,
            "pain_caption": f"Pain before and after each session ({pain.low} = none, {pain.high} = worst)"},
            clinician={**CLINICIAN, "weeks_note": CLINICIAN["weeks_note"].format(low=pain.low, high=pain.high),
                       "how_it_went": diary.HOW_IT_WENT, "exercises": {e: x.title for e, x in EXERCISES.items()}},
            file={"version": diary_file.VERSION, "parts": list(diary_file.PARTS), "problems": diary_file.PROBLEMS},
            words=WORDS, home=home_rules(), conditions_store=store_spec(), summary=summary_data(),
            print_esm=plain_module("handout.js"), **kwargs)
