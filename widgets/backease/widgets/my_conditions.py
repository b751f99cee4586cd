"""The reader's conditions, remembered in their browser: ticked once on the conditions page (``MyConditions``),
then shown on each technique page (``ConditionsNote``) and by My routine.

The ids stay in the browser (``model.conditions.STORE_KEY``); Python sends the shared list, each card's
answers (strictest first) and the words, and the views pick the answers to the reader's conditions.
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from ..model.conditions import ADVICE_KINDS, ADVICE_TITLES, CONDITIONS, STORE_KEY, STORE_PROBLEMS, STORE_VERSION
from ..model.techniques import Technique
from ..text.storage import REFUSED
from .static_modules import esm_module

_STATIC = Path(__file__).parent / "static"
PICKER = "my-conditions"  # the label of the picker's section on the conditions page
PAGE = f"book/start/conditions.html#{PICKER}"  # from the site's root
TITLES = {**ADVICE_TITLES, "dont": "Do not do this technique"}  # on a technique page, about that technique
WORDS = {
    "privacy": "Kept on this device only: in this browser, never sent anywhere. You can change or clear them at any time.",
    "intro": "Tick the conditions that apply to you. Each technique page and My routine then show what their cards say"
             " for them.",
    "saved": "Saved on this device only.",
    "cleared": "Cleared: no conditions are kept on this device.",
    "clear": "Clear my conditions",
    "not_kept": "Your conditions were not kept",  # before why (text.storage)
    "keep_problem": "Nothing was changed. Tick your conditions again to replace it, or clear it.",
    "note_problem": "Nothing was changed. You can tick your conditions again on the conditions page.",
    "heading": "For your conditions",
    "no_advice": "This technique's card gives no special advice for your conditions ({names}). Its steps, its other"
                 " cautions and the stop rules still apply.",
    "change": "Change your conditions",
    "left_out": "Left out for your conditions:",
    "why": "Why: what their cards say",
    "ask_mark": "ask a clinician first",
}


def store_spec() -> dict:
    """What a view needs to read and keep the reader's conditions (static/conditions_store.js, with the check in static/rules.js):
    ``ids`` gives the shared list's order (a built page's widget state has its keys sorted), ``names`` each one's name."""
    return {"key": STORE_KEY, "version": STORE_VERSION, "problems": STORE_PROBLEMS, "page": PAGE,
            "ids": [c.id for c in CONDITIONS], "names": {c.id: c.name for c in CONDITIONS}, "titles": TITLES,
            "words": WORDS, "refused": REFUSED}


def answers_data(cards: tuple[Technique, ...]) -> list[dict]:
    """The cards' answers as data, strictest first: condition id, advice kind, the card's text, the card's title."""
    return [{"condition": a.condition, "advice": kind, "text": a.text, "technique": card.title}
            for kind in ADVICE_KINDS for card in cards for a in card.conditions if a.advice == kind]


class MyConditions(anywidget.AnyWidget):
    """Tick the conditions that apply to you, kept in this browser only: ``MyConditions()``."""

    _esm = esm_module("rules.js", "conditions_store.js", "my_conditions.js")
    _css = _STATIC / "my_conditions.css"

    store = traitlets.Dict().tag(sync=True)
    conditions = traitlets.List().tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(store=store_spec(), conditions=[{"id": c.id, "name": c.name, "explain": c.explain}
                                                          for c in CONDITIONS], **kwargs)


class ConditionsNote(anywidget.AnyWidget):
    """What ``technique``'s card says for the conditions the reader ticked: ``ConditionsNote(technique)``."""

    _esm = esm_module("rules.js", "conditions_store.js", "conditions_note.js")
    _css = _STATIC / "my_conditions.css"

    store = traitlets.Dict().tag(sync=True)
    answers = traitlets.List().tag(sync=True)

    def __init__(self, technique: Technique, **kwargs):
        super().__init__(store=store_spec(), answers=answers_data((technique,)), **kwargs)
