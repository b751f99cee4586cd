"""The class-plan builder widget: a teacher puts routines and talks in order, sees the total,
saves the plan as YAML, and runs it at once in a session timer (offline, with no kernel).

With a kernel, Python sees the blocks as they are edited: ``builder.plan`` is the validated
Plan, ``builder.save("my-class.yaml")`` writes it.
"""
from __future__ import annotations

import re
from pathlib import Path

import anywidget
import traitlets

from .library import ROUTINES
from .plans import Plan, plan_from_dict, save_plan
from .timer import SessionTimer, timer_state

_STATIC = Path(__file__).parent / "static"


class PlanBuilder(anywidget.AnyWidget):
    """Compose a class plan from the routine library: ``PlanBuilder()``, or start from a Plan."""

    _esm = _STATIC / "plan_builder.js"
    _css = _STATIC / "plan_builder.css"

    title = traitlets.Unicode("My class").tag(sync=True)
    blocks = traitlets.List().tag(sync=True)
    library = traitlets.List().tag(sync=True)
    timer_esm = traitlets.Unicode().tag(sync=True)
    timer_css = traitlets.Unicode().tag(sync=True)
    timer_state = traitlets.Dict().tag(sync=True)  # the timer's cues and diary

    def __init__(self, start: Plan | None = None, **kwargs):
        library = [{"name": r.name, "title": r.title, "seconds": r.total_seconds,
                    "segments": [s.to_dict() for s in r.segments()]} for r in ROUTINES.values()]
        if start is not None:
            kwargs.setdefault("title", start.title)
            kwargs.setdefault("blocks", start.to_dict()["blocks"])
        super().__init__(library=library, timer_esm=str(SessionTimer._esm), timer_css=str(SessionTimer._css),
                         timer_state=timer_state(), **kwargs)

    @property
    def plan(self) -> Plan:
        """The plan as built so far, validated (a RoutineError names the bad block)."""
        name = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-") or "my-class"
        return plan_from_dict({"name": name, "title": self.title, "blocks": self.blocks}, source="the plan builder")

    def save(self, path) -> Path:
        return save_plan(self.plan, path)

