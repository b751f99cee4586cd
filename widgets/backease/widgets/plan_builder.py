"""The class-plan builder widget: a teacher puts routines and talks in order, sees the total,
saves the plan as YAML, runs it at once in a session timer and prints its handout (offline,
with no kernel).

Python sends every value the browser shows or runs: each routine's segments, time in words,
positions and equipment; the transitions between any two positions; a talk's and a hand-out's
segment with blanks for their words; the words for durations; the YAML lines; the limits. The
browser only looks them up, fills the blanks and adds them up in the teacher's order
(``planParts`` and the other rules in ``static/rules.js``; tests/test_widgets_static_rules.py holds them to ``Plan``);
the plan and its edits are a pure state module, ``static/plan_builder_state.js``.
With a kernel, Python sees the blocks as they are edited: ``builder.plan`` is the validated
Plan, ``builder.yaml`` the text the page shows, ``builder.save("my-class.yaml")`` writes it.
"""
from __future__ import annotations

import json
from pathlib import Path

import traitlets

from .static_modules import esm_module, plain_module
from ..model.equipment import EQUIPMENT, Count, counts
from ..model.library import ROUTINES
from ..model.logistics import TALK_POSITION, class_routines, hand_out_ids, hand_out_segment, transition_segments
from ..model.plans import MAX_REPEAT, REPEAT_NOTE, Block, Plan, personal_needs, plan_from_dict, save_plan
from ..printables.handouts import OUTLINE_HEAD, OUTLINE_TOTAL, handout_tail
from ..printables.sheets import sheet_pieces
from ..model.positions import POSITIONS
from ..model.routines import DURATION_UNITS, MAX_TOTAL_SECONDS, format_duration, spoken_duration
from .timer import TIMER_ON_DEMAND, TimerHost

_STATIC = Path(__file__).parent / "static"
LIMITS = {"max_seconds": MAX_TOTAL_SECONDS, "max_repeat": MAX_REPEAT, "talk_min_minutes": 0.5, "talk_max_minutes": 60,
          "max_text": f"{MAX_TOTAL_SECONDS // 3600} hours"}
# The plan as YAML, a template a line kind; texts go in as JSON strings (which YAML reads as they are).
YAML_LINES = {"head": "name: {name}\ntitle: {title}\nblocks:\n", "routine": "  - routine: {routine}\n",
              "repeat": "    repeat: {repeat}\n", "talk": "  - talk: {talk}\n    seconds: {seconds}\n"}


def plan_yaml(name: str, title: str, blocks: list[dict]) -> str:
    """The plan as the builder shows and downloads it: YAML_LINES filled, as the browser fills them."""
    quote = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731
    number = lambda x: json.dumps(int(x) if float(x).is_integer() else x)  # noqa: E731  JavaScript's String(x)
    lines = [YAML_LINES["head"].format(name=quote(name), title=quote(title))]
    for b in blocks:
        if b.get("talk"):
            lines.append(YAML_LINES["talk"].format(talk=quote(b["talk"]), seconds=number(b["seconds"])))
        else:
            lines.append(YAML_LINES["routine"].format(routine=b["routine"]))
            if b.get("repeat", 1) > 1:
                lines.append(YAML_LINES["repeat"].format(repeat=b["repeat"]))
    return "".join(lines)


def _library() -> list[dict]:
    out = []
    for r in (ROUTINES[name] for name in class_routines()):
        out.append({"name": r.name, "title": r.title, "duration": format_duration(r.total_seconds),
                    "segments": [s.to_dict() for s in r.segments()],
                    "hand_out": hand_out_ids(r.name, set()), "over_dose": Block(routine=r.name).over_dose})
    return out


def _moves() -> dict:
    """For every pair of positions, the transition segments between them (as the Python plan adds them)."""
    return {a: {b: [s.to_dict() for s in transition_segments(a, b, [])] for b in POSITIONS} for a in POSITIONS}


def _talk_segment() -> dict:
    """A talk's segment with blanks: "{talk}" for what it is about, "{spoken}" for its length said aloud."""
    segment = Block(talk="{talk}", seconds=1).segments()[0]
    return {**segment.to_dict(), "seconds": None, "spoken": segment.spoken.replace(spoken_duration(1), "{spoken}")}


class PlanBuilder(TimerHost):
    """Compose a class plan from the routine library: ``PlanBuilder()``, or start from a Plan.

    The plan's ``name`` (its file name) is "my-class" unless given: editing the title leaves it be.
    """

    _esm = esm_module("rules.js", "plan_builder_state.js", "plan_builder_print.js", "plan_builder.js")
    _css = _STATIC / "plan_builder.css"

    title = traitlets.Unicode("My class").tag(sync=True)
    blocks = traitlets.List().tag(sync=True)
    name = traitlets.Unicode("my-class").tag(sync=True)
    library = traitlets.List().tag(sync=True)
    limits = traitlets.Dict().tag(sync=True)
    moves = traitlets.Dict().tag(sync=True)
    start_position = traitlets.Unicode(TALK_POSITION).tag(sync=True)
    talk = traitlets.Dict().tag(sync=True)
    hand_out = traitlets.Dict().tag(sync=True)
    units = traitlets.Dict().tag(sync=True)
    yaml_lines = traitlets.Dict().tag(sync=True)
    equipment = traitlets.Dict().tag(sync=True)
    sheets = traitlets.Dict().tag(sync=True)
    poses = traitlets.Dict().tag(sync=True)
    handout_texts = traitlets.Dict().tag(sync=True)  # the outline's head, note for a repeat and total; then the red flags
    handout_esm = traitlets.Unicode().tag(sync=True)
    # Read only when the teacher prints, or runs the plan (the view awaits them): the built book keeps them in a
    # file the page loads then (book/_ext/widget_state.py), so a first view downloads less.
    _on_demand = traitlets.List(TIMER_ON_DEMAND + ["sheets", "poses", "equipment", "handout_texts", "handout_esm"]
                                ).tag(sync=True)

    def __init__(self, start: Plan | None = None, **kwargs):
        if start is not None:
            kwargs.setdefault("title", start.title)
            kwargs.setdefault("blocks", start.to_dict()["blocks"])
        sheets, poses = sheet_pieces(class_routines())
        super().__init__(
            library=_library(), limits=LIMITS, moves=_moves(), sheets=sheets, poses=poses, talk=_talk_segment(),
            hand_out={"segment": hand_out_segment("{names}").to_dict(), "names": {k: many for k, (_, many) in EQUIPMENT.items()}},
            units=DURATION_UNITS, yaml_lines=YAML_LINES,
            equipment=_per_person(),
            handout_texts={"head": OUTLINE_HEAD, "repeat_note": REPEAT_NOTE, "total": OUTLINE_TOTAL, "tail": handout_tail()},
            handout_esm=plain_module("handout.js"), **kwargs)

    @property
    def yaml(self) -> str:
        """The plan as YAML, as the page shows it."""
        return plan_yaml(self.name, self.title, self.blocks)

    @property
    def plan(self) -> Plan:
        """The plan as built so far, validated (a RoutineError names the bad block)."""
        return plan_from_dict({"name": self.name, "title": self.title, "blocks": self.blocks}, source="the plan builder")

    def save(self, path) -> Path:
        return save_plan(self.plan, path)


def _per_person() -> dict:
    """What one person needs, for the browser to add up as ``Plan.per_person`` does: for each routine,
    each piece's count and whether it is optional, with Python's words for it (optional or not);
    and the order the pieces are listed in."""
    def pieces(routine: str) -> dict:
        return {c.id: {"count": c.count, "optional": c.optional,
                       "words": [Count(c.id, c.count, False).words, Count(c.id, c.count, True).words]}
                for c in counts([personal_needs(routine)], 1)}

    return {"order": list(EQUIPMENT), "routines": {r: pieces(r) for r in class_routines()}}
