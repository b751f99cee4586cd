"""The progress page's widget: the reader's diary, drawn in the page, with export, import and delete.

The entries never reach Python: they stay in the browser (see ``diary``). Python sends the
diary's description and what the charts show.
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from .static_modules import esm_module
from ..model import diary

_STATIC = Path(__file__).parent / "static"
WEEKS = 8  # sessions per week: this many weeks, up to this one
LAST = 30  # pain before and after: this many most recent sessions


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

    def __init__(self, **kwargs):
        pain = next(f for f in diary.FIELDS if f.name == "pain_before")  # the scale both ratings share
        super().__init__(spec=browser_spec(), charts={
            "weeks": WEEKS, "last": LAST, "manual": "Practice (added by hand)", "pain_low": pain.low, "pain_high": pain.high,
            "pain_caption": f"Pain before and after each session ({pain.low} = none, {pain.high} = worst)"}, **kwargs)
