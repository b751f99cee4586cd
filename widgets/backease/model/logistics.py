"""The room side of a class: where each routine is done, what it needs, and the time to move between.

A class loses time that no exercise timer counts: getting down to the floor and up again,
and handing out equipment. Plans add these transitions to their total. The times are the
guide's own (the sources give none); ``TRANSITIONS`` holds them, typed once.
"""
from __future__ import annotations

from functools import cache

from .equipment import EQUIPMENT, NeedItem
from .levels import find_level
from .routines import RoutineError, Segment
from .library import PART_OF, ROUTINES, technique_of
from .positions import FLOOR_POSITIONS, TRANSITIONS, group
from .techniques import Technique, all_techniques, get_technique, technique_for_routine

TALK_POSITION = "sitting-chair"  # people sit on chairs to talk and listen, and arrive sitting


CHAIR_ITEM = NeedItem("A sturdy chair without wheels.", "chair", 1.0)


@cache
def card_for(routine: str) -> Technique:
    """The technique card whose who-should-not, stop rules and chair version apply to ``routine``."""
    level = find_level(routine)
    return get_technique(level.technique) if level else technique_for_routine(PART_OF.get(routine, routine))


def cards_in(routine: str) -> tuple[Technique, ...]:
    """Every card whose who-should-not applies to library routine ``routine``: ``card_for`` a class routine, or
    for the starter and flare-up routines the cards of the techniques their steps are taken from."""
    if routine in class_routines():
        return (card_for(routine),)
    return tuple(dict.fromkeys(technique_for_routine(name) for name in map(technique_of, ROUTINES[routine].steps)
                               if name))  # a step that only changes position comes from no card


def class_routines() -> list[str]:
    """The library routines a class plan can use: each technique's own routine, its levels and the warm-up's
    two parts, in library order.

    The starter and flare-up routines put steps of several techniques together for a reader at home;
    a class uses the techniques themselves.
    """
    own = {t.routine for t in all_techniques()} | set(PART_OF)
    return [name for name in ROUTINES if name in own or find_level(name)]


def positions_of(routine: str) -> tuple[str, str]:
    """Where ``routine`` starts (its first step) and where it ends (its last step)."""
    steps = ROUTINES[routine].steps
    return steps[0].starts_in, steps[-1].position


def on_floor(routine: str) -> bool:
    """Whether any step of ``routine`` is done on the floor."""
    return any(s.position in FLOOR_POSITIONS for s in ROUTINES[routine].steps)


@cache
def need_of(routine: str) -> tuple[NeedItem, ...]:
    """What ``routine`` needs: its card's items (a level keeps those it names), and a chair to sit on."""
    level = find_level(routine)
    items = card_for(routine).need
    if level and level.need is not None:
        known = {i.id for i in items if i.id}
        unknown = sorted(set(level.need) - known)
        if unknown:
            raise RoutineError(f"level {routine!r} needs {', '.join(unknown)}, which its card"
                               f" {card_for(routine).name!r} does not list; it lists {', '.join(sorted(known))}")
        items = tuple(i for i in items if not i.id or i.id in level.need)
    if any("sitting-chair" in (s.position, s.start) for s in ROUTINES[routine].steps) and not any(i.id == "chair" for i in items):
        items += (CHAIR_ITEM,)
    return items


def transition_ids(before: str, after: str) -> list[str]:
    """Transitions to go from position ``before`` to position ``after``."""
    if before == after:
        return []
    a, b = group(before), group(after)
    if a == b:
        return ["change"]
    out = ["up"] if a != "upright" else []
    return out + (["down"] if b != "upright" else [])


def hand_out_ids(routine: str, out: set[str]) -> list[str]:
    """Equipment ids ``routine`` needs that are not out yet.

    Chairs and the room's own things are there already; optional things (a pillow "if that is
    more comfortable") wait in a pile that people help themselves from when they fetch a mat.
    """
    return [i.id for i in need_of(routine)
            if i.id and i.id != "chair" and not i.per_room and not i.optional and i.id not in out]


MOVE_CUES = {"class": "Take your time. Help each other.", "home": "Take your time."}


def transition_segments(before: str, after: str, new_items: list[str], where: str = "class") -> list[Segment]:
    """The segments to move from ``before`` to ``after`` and hand out ``new_items``, in a class or at home."""
    ids = transition_ids(before, after)
    stops = [before, *(["standing"] * (len(ids) - 1)), after]  # up from the floor, then onto a table: standing between
    segs = [Segment("transition", TRANSITIONS[t].label, TRANSITIONS[t].seconds, MOVE_CUES[where],
                    position=stops[n + 1], start=stops[n]) for n, t in enumerate(ids)]
    if new_items:
        segs.append(hand_out_segment(", ".join(dict.fromkeys(EQUIPMENT[i][1] for i in new_items)), after))
    return segs


def hand_out_segment(names: str, where: str | None = None) -> Segment:
    """The segment to hand out ``names`` ("exercise mats, tennis balls") to a class in position ``where``."""
    hand = TRANSITIONS["hand-out"]
    return Segment("transition", f"{hand.label}: {names}", hand.seconds, "Take one each. Ask if you need help.",
                   position=where)
