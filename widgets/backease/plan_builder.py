"""The class-plan builder widget: a teacher puts routines and talks in order, sees the total,
saves the plan as YAML, runs it at once in a session timer and prints its handout (offline,
with no kernel).

Python computes everything the browser shows about a routine (its time as words, where it
is done, what it needs, its printed sheet), the transitions between any two positions, and
the limits; the browser only adds them up in the teacher's order. With a kernel, Python sees
the blocks as they are edited: ``builder.plan`` is the validated Plan, ``builder.yaml`` its
file text, ``builder.save("my-class.yaml")`` writes it.
"""
from __future__ import annotations

import re
from pathlib import Path

import anywidget
import traitlets
import yaml

from .static_modules import esm_module
from .equipment import EQUIPMENT
from .library import ROUTINES
from .logistics import TALK_POSITION, TRANSITIONS, class_routines, hand_out_ids, need_of, positions_of, transition_segments
from .plans import Plan, plan_from_dict, save_plan
from .printables import red_flags_box, sheet_pieces
from .techniques import POSITIONS
from .routines import MAX_TOTAL_SECONDS, format_duration
from .timer import SessionTimer, timer_state

_STATIC = Path(__file__).parent / "static"
LIMITS = {"max_seconds": MAX_TOTAL_SECONDS, "max_repeat": 10, "talk_min_minutes": 0.5, "talk_max_minutes": 60,
          "max_text": f"{MAX_TOTAL_SECONDS // 3600} hours"}


def slug(title: str) -> str:
    """A plan's file name from its title: "Tuesday class" -> "tuesday-class"."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "my-class"


def _library() -> list[dict]:
    out = []
    for r in (ROUTINES[name] for name in class_routines()):
        start, end = positions_of(r.name)
        out.append({"name": r.name, "title": r.title, "seconds": r.total_seconds, "duration": format_duration(r.total_seconds),
                    "segments": [s.to_dict() for s in r.segments()], "start": start, "end": end,
                    "hand_out": hand_out_ids(r.name, set())})
    return out


def _moves() -> dict:
    """For every pair of positions, the transition segments between them (as the Python plan adds them)."""
    return {a: {b: [s.to_dict() for s in transition_segments(a, b, [])] for b in POSITIONS} for a in POSITIONS}


class PlanBuilder(anywidget.AnyWidget):
    """Compose a class plan from the routine library: ``PlanBuilder()``, or start from a Plan."""

    _esm = esm_module("plan_builder.js")
    _css = _STATIC / "plan_builder.css"

    title = traitlets.Unicode("My class").tag(sync=True)
    blocks = traitlets.List().tag(sync=True)
    name = traitlets.Unicode().tag(sync=True)
    yaml = traitlets.Unicode().tag(sync=True)
    library = traitlets.List().tag(sync=True)
    limits = traitlets.Dict().tag(sync=True)
    moves = traitlets.Dict().tag(sync=True)
    start_position = traitlets.Unicode(TALK_POSITION).tag(sync=True)
    hand_out = traitlets.Dict().tag(sync=True)
    equipment = traitlets.Dict().tag(sync=True)
    sheets = traitlets.Dict().tag(sync=True)
    poses = traitlets.Dict().tag(sync=True)
    red_flags_html = traitlets.Unicode().tag(sync=True)
    timer_esm = traitlets.Unicode().tag(sync=True)
    timer_css = traitlets.Unicode().tag(sync=True)
    timer_state = traitlets.Dict().tag(sync=True)  # the timer's cues and diary
    handout_esm = traitlets.Unicode().tag(sync=True)

    def __init__(self, start: Plan | None = None, **kwargs):
        if start is not None:
            kwargs.setdefault("title", start.title)
            kwargs.setdefault("blocks", start.to_dict()["blocks"])
        sheets, poses = sheet_pieces(class_routines())
        hand = TRANSITIONS["hand-out"]
        super().__init__(
            library=_library(), limits=LIMITS, moves=_moves(), sheets=sheets, poses=poses,
            hand_out={"label": hand.label, "seconds": hand.seconds, "cue": "Take one each. Ask if you need help.",
                      "names": {k: many for k, (_, many) in EQUIPMENT.items()}},
            equipment={r: _per_person(r) for r in class_routines()}, red_flags_html=red_flags_box(),
            timer_esm=str(SessionTimer._esm), timer_css=str(SessionTimer._css), timer_state=timer_state(),
            handout_esm=(_STATIC / "handout.js").read_text(encoding="utf-8"), **kwargs)
        self._refresh()
        self.observe(lambda _change: self._refresh(), names=["title", "blocks"])

    def _refresh(self) -> None:
        """Recompute the file name and the YAML text from the title and the blocks (the view shows them)."""
        self.name = slug(self.title)
        data = {"name": self.name, "title": self.title, "blocks": self.blocks}
        self.yaml = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)

    @property
    def plan(self) -> Plan:
        """The plan as built so far, validated (a RoutineError names the bad block)."""
        return plan_from_dict({"name": self.name, "title": self.title, "blocks": self.blocks}, source="the plan builder")

    def save(self, path) -> Path:
        return save_plan(self.plan, path)


def _per_person(routine: str) -> dict:
    """What one person needs for ``routine``: equipment id -> (how many, the words for it)."""
    out = {}
    for item in need_of(routine):
        if item.id and not item.per_room:
            n = max(1, round(item.per_person))
            one, many = EQUIPMENT[item.id]
            if n > out.get(item.id, {"count": 0})["count"]:
                out[item.id] = {"count": n, "words": f"{n} {one if n == 1 else many}"
                                                      + (" (if wanted)" if item.optional else "")}
    return out

