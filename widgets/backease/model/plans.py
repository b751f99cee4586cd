"""Class plans: routines from the library (and talking time) in order, run as one session.

A plan is a list of blocks. A block is either a library routine, done ``repeat`` times, or
a talk: time for the teacher to explain, check in or set up, with no exercise. Every step
names its position (a talk is on a chair): wherever one segment ends in another position
than the next begins, the plan adds the time to get there (getting down or up, changing
position: ``logistics.TRANSITIONS``), and before a block it adds handing out what the block
needs, so the total is the real length of the class. Plans load from
and save to JSON or YAML like routines, with the same kind of messages.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .levels import OVER_DOSE, find_level
from .library import get_routine
from .equipment import Count, NeedItem, counts
from .logistics import CHAIR_ITEM, TALK_POSITION, TRANSITIONS, hand_out_ids, need_of, transition_segments
from .routine_files import check_fields, read_data, write_data
from ..errors import DataError, PlanError
from .routines import MAX_TOTAL_SECONDS, Routine, Segment
from .validation import Validator

_check = Validator(PlanError)
_number, _text = _check.number, _check.text
MAX_REPEAT = 10  # times a block may repeat its routine
TALK_CUE = "Listen, ask, and get ready for what comes next."
REPEAT_NOTE = OVER_DOSE.format(amount="{repeat} times", whom="a class") + " Do it once if you are unsure."


@dataclass(frozen=True)
class Block:
    """One part of a class: a routine (by library name) done ``repeat`` times, or a talk."""

    routine: str = ""
    repeat: int = 1
    talk: str = ""
    seconds: float | None = None

    def __post_init__(self):
        object.__setattr__(self, "routine", _text(self.routine, "'routine'", required=False))
        object.__setattr__(self, "talk", _text(self.talk, "'talk'", required=False))
        if bool(self.routine) == bool(self.talk):
            raise PlanError(f"a block is either a 'routine' or a 'talk', not {'both' if self.routine else 'neither'}")
        if self.routine:
            get_routine(self.routine)  # an unknown name lists the library
            if isinstance(self.repeat, bool) or not isinstance(self.repeat, int) or not 1 <= self.repeat <= MAX_REPEAT:
                raise PlanError(f"'repeat' must be a whole number from 1 to {MAX_REPEAT}, got {self.repeat!r}")
            if self.seconds is not None:
                raise PlanError(f"'seconds' goes with a 'talk'; a routine has its own times (seconds={self.seconds!r})")
        else:
            object.__setattr__(self, "seconds", _number(self.seconds, "'seconds'"))
            if self.repeat != 1:
                raise PlanError(f"'repeat' goes with a 'routine', not a 'talk' (repeat={self.repeat!r})")

    @property
    def title(self) -> str:
        if self.talk:
            return self.talk
        name = get_routine(self.routine).title
        return f"{name} \u00d7 {self.repeat}" if self.repeat > 1 else name

    def segments(self) -> list[Segment]:
        if self.talk:
            return [Segment("talk", self.talk, self.seconds, TALK_CUE, position=TALK_POSITION)]
        one = get_routine(self.routine).segments()
        return [seg for _ in range(self.repeat) for seg in one]

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.segments())

    def to_dict(self) -> dict:
        if self.talk:
            return {"talk": self.talk, "seconds": self.seconds}
        return {"routine": self.routine, **({"repeat": self.repeat} if self.repeat > 1 else {})}

    @property
    def over_dose(self) -> str:
        """A sentence when the block does more than the technique page's dose, else ""."""
        if self.repeat > 1:
            return REPEAT_NOTE.format(repeat=self.repeat)
        level = find_level(self.routine)
        if level and level.rounds > 1:
            return OVER_DOSE.format(amount=f"{level.rounds} rounds", whom="this level")
        return ""


@dataclass(frozen=True)
class Plan:
    """A class: blocks in order, run by one timer as one continuous session."""

    name: str
    title: str
    blocks: tuple[Block, ...]
    notes: str = ""
    in_class: bool = True  # a class hands out equipment; at home there is nothing to hand out
    moves: bool = True  # a move wherever the position changes (My routine runs a reader's own list as it is)
    _segments: tuple[Segment, ...] = field(init=False, repr=False, compare=False)
    _moves: tuple[tuple[Segment, ...], ...] = field(init=False, repr=False, compare=False)
    _runs: tuple[tuple[Segment, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        name = _text(self.name, "plan 'name'", required=True)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "title", _text(self.title, f"plan {name!r}: 'title'", required=True))
        object.__setattr__(self, "notes", _text(self.notes, f"plan {name!r}: 'notes'", required=False))
        blocks = tuple(self.blocks) if isinstance(self.blocks, (list, tuple)) else ()
        if not blocks:
            raise PlanError(f"plan {name!r} has no blocks: give at least one routine or talk")
        for i, block in enumerate(blocks, 1):
            if not isinstance(block, Block):
                raise PlanError(f"plan {name!r}, block {i}: expected a Block, got {block!r}")
        object.__setattr__(self, "blocks", blocks)
        moves, runs, where, out = [], [], TALK_POSITION, set()
        place = "class" if self.in_class else "home"
        for block in blocks:
            own = block.segments()
            if not self.moves:
                moves.append(())
                runs.append(tuple(own))
                continue
            new = hand_out_ids(block.routine, out) if block.routine and self.in_class else []
            out.update(new)
            moves.append(tuple(transition_segments(where, own[0].starts_in, new, place)))
            run = []
            for seg in own:
                run += transition_segments(where, seg.starts_in, [], place) if run else []
                run.append(seg)
                where = seg.position
            runs.append(tuple(run))
        object.__setattr__(self, "_moves", tuple(moves))
        object.__setattr__(self, "_runs", tuple(runs))
        object.__setattr__(self, "_segments", tuple(s for m, r in zip(moves, runs) for s in (*m, *r)))
        if self.total_seconds > MAX_TOTAL_SECONDS:
            raise PlanError(f"plan {name!r} lasts {self.total_seconds / 60:.0f} minutes: more than the"
                               f" {MAX_TOTAL_SECONDS // 60} minutes a session may last")

    def segments(self) -> list[Segment]:
        return list(self._segments)

    def transitions(self, i: int) -> list[Segment]:
        """The transitions before block ``i`` (0-based): getting down or up, handing out equipment."""
        return list(self._moves[i])

    def run(self, i: int) -> list[Segment]:
        """Block ``i`` as the plan runs it: its segments, with a move wherever its steps change position."""
        return list(self._runs[i])

    def moves_within(self, i: int) -> list[Segment]:
        """The moves between the steps of block ``i`` (a warm-up that stands, then lies down)."""
        return [s for s in self._runs[i] if s.kind == "transition"]

    def moving_seconds(self, i: int) -> float:
        """The seconds block ``i`` spends moving and setting up, before it and within it."""
        return sum(s.seconds for s in (*self._moves[i], *self.moves_within(i)))

    def count_moves(self, transition: str) -> int:
        """How many times the class makes a move: ``count_moves("down")`` is how often it gets down to the floor."""
        label = TRANSITIONS[transition].label
        return sum(s.kind == "transition" and s.label.split(":")[0] == label for s in self._segments)

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self._segments)

    @property
    def transition_seconds(self) -> float:
        return sum(s.seconds for s in self._segments if s.kind == "transition")

    def routines(self) -> list[Routine]:
        """The distinct routines the plan uses, in order of first use (for a handout)."""
        names = dict.fromkeys(b.routine for b in self.blocks if b.routine)
        return [get_routine(n) for n in names]

    def needs(self) -> list[tuple[NeedItem, ...]]:
        """What each routine needs, and a chair for everyone: for the talks and the chair versions."""
        return [need_of(r.name) for r in self.routines()] + [(CHAIR_ITEM,)]

    def equipment(self, participants: int) -> list[Count]:
        """The equipment for the plan, for ``participants`` people."""
        return counts(self.needs(), participants)

    def per_person(self) -> list[Count]:
        """What each person needs for the plan's routines (a handout's list): the room's things left out."""
        return counts([personal_needs(r.name) for r in self.routines()], 1)

    def to_dict(self) -> dict:
        blocks = [b.to_dict() for b in self.blocks]
        return {"name": self.name, "title": self.title, **({"notes": self.notes} if self.notes else {}), "blocks": blocks}


def personal_needs(routine: str) -> tuple[NeedItem, ...]:
    """What one person needs for ``routine``: its items, without the room's (a speaker, a wall)."""
    return tuple(item for item in need_of(routine) if not item.per_room)


_PLAN_KEYS = {"name", "title", "notes", "blocks"}
_BLOCK_KEYS = {"routine", "repeat", "talk", "seconds"}


def plan_from_dict(data, source: str = "plan") -> Plan:
    """Build and validate a Plan from plain data; errors start with ``source`` and name the block."""
    check_fields(data, _PLAN_KEYS, source, PlanError)
    for key in ("name", "title", "blocks"):
        if key not in data:
            raise PlanError(f"{source}: missing {key!r}")
    if not isinstance(data["blocks"], list):
        raise PlanError(f"{source}: 'blocks' must be a list, got {data['blocks']!r}")
    blocks = []
    for i, item in enumerate(data["blocks"], 1):
        what = (item.get("routine") or item.get("talk")) if isinstance(item, dict) else None
        where = f"{source}, block {i}" + (f" ({what!r})" if isinstance(what, str) and what else "")
        try:
            check_fields(item, _BLOCK_KEYS, where, PlanError)
            blocks.append(Block(**item))
        except DataError as err:
            raise PlanError(str(err) if str(err).startswith(where) else f"{where}: {err}") from None
    try:
        return Plan(**{**data, "blocks": blocks})
    except DataError as err:
        raise PlanError(f"{source}: {err}") from None


def load_plan(path) -> Plan:
    """Read a class plan from a .json, .yaml or .yml file."""
    path, data = read_data(path, PlanError)
    return plan_from_dict(data, source=str(path))


def save_plan(plan: Plan, path) -> Path:
    """Write a class plan to a .json, .yaml or .yml file; returns the path."""
    return write_data(plan.to_dict(), path, PlanError)


def _plan(name: str, title: str, *blocks) -> Plan:
    return Plan(name, title, tuple(Block(**b) if isinstance(b, dict) else Block(routine=b) for b in blocks))


_WELCOME = {"talk": "Welcome, how is everyone today, red-flag check", "seconds": 180}

# Mat classes: the march and the standing work first, then down to the floor once (the knee rocking
# first), and up once at the end. The front of the hip is stretched standing (a level of the course),
# never at a table's edge.
def _ready_made() -> dict[str, Plan]:
    return {p.name: p for p in (
        _plan("class-30", "A 30-minute gentle class",
              _WELCOME, "warm-up-standing", "warm-up-on-the-mat", "breathing", "dead-bug", "ball-release",
              "progressive-muscle-relaxation",
              {"talk": "Closing: how do you feel now? Questions", "seconds": 120}),
        _plan("class-45", "A 45-minute class",
              _WELCOME, "warm-up-standing", "front-of-hip-level-1", "forward-bend", "warm-up-on-the-mat", "breathing", "string-exercises", "quadratus-lumborum", "dead-bug",
              "hamstring-stretch", "hip-flexor-stretch", "ball-release", "somatic-pandiculation",
              "progressive-muscle-relaxation",
              {"talk": "Closing: how do you feel now? What to practise at home", "seconds": 180}),
        _plan("class-60", "A 60-minute class",
              {**_WELCOME, "seconds": 300}, "warm-up-standing", "front-of-hip-level-1", "forward-bend",
              {"talk": "Lifting and sitting: ways that feel easier on your back", "seconds": 120},
              "strength-and-habits", "warm-up-on-the-mat", "breathing", "string-exercises", "post-isometric-relaxation",
              "quadratus-lumborum", {"routine": "dead-bug", "repeat": 2}, "foam-roller-and-self-massage",
              "hamstring-stretch", "hip-flexor-stretch", "ball-release", "somatic-pandiculation",
              "progressive-muscle-relaxation",
              {"talk": "Closing: how do you feel now? What to practise at home", "seconds": 240}),
    )}


class _LazyPlans(Mapping):
    """The ready-made plans, made on first use: they read the technique cards, so ``import backease`` stays quick."""

    @cached_property
    def _plans(self) -> dict[str, Plan]:
        return _ready_made()

    def __getitem__(self, name: str) -> Plan:
        return self._plans[name]

    def __iter__(self):
        return iter(self._plans)

    def __len__(self) -> int:
        return len(self._plans)


PLANS: Mapping[str, Plan] = _LazyPlans()


def get_plan(name: str) -> Plan:
    """The ready-made class plan called ``name``: class-30, class-45 or class-60."""
    try:
        return PLANS[name]
    except (KeyError, TypeError):
        raise PlanError(f"no class plan called {name!r}; ready-made plans: {', '.join(PLANS)}") from None
