"""The handout picker widget: choose a ready-made plan or a course session, see its handout, print it.
A link to the page may name the handout to show (a plan's name: ``handout.html#handout=class-30``).

Python builds every handout's head (its plan, times, equipment, red flags) and each exercise
sheet once; the browser puts the chosen one together and prints it alone, with no kernel.
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from ..model.plans import Plan
from .static_modules import esm_module, plain_module
from ..printables.handouts import handout_head
from ..printables.sheets import sheet_pieces

_STATIC = Path(__file__).parent / "static"


class HandoutPicker(anywidget.AnyWidget):
    """``HandoutPicker([plan, ...])``: a printable handout for each plan, one shown at a time."""

    _esm = esm_module("handout_picker.js")
    _css = _STATIC / "handout_picker.css"

    handouts = traitlets.List().tag(sync=True)
    sheets = traitlets.Dict().tag(sync=True)
    poses = traitlets.Dict().tag(sync=True)
    selected = traitlets.Int(0).tag(sync=True)
    handout_esm = traitlets.Unicode().tag(sync=True)

    def __init__(self, plans: list[Plan], participants: int = 8, **kwargs):
        routines = list(dict.fromkeys(r.name for p in plans for r in p.routines()))
        sheets, poses = sheet_pieces(routines)
        handouts = [{"name": p.name, "title": p.title, "html": handout_head(p, participants),
                     "routines": [r.name for r in p.routines()]} for p in plans]
        super().__init__(handouts=handouts, sheets=sheets, poses=poses,
                         handout_esm=plain_module("handout.js"), **kwargs)
