"""What a technique needs, as countable items, and the equipment a class needs for N people.

A technique card's ``need:`` is a list of items. An item is a sentence for the reader
(``text``); an item that is a thing a teacher hands out also has an ``id`` from
``EQUIPMENT`` and says how many each person needs (``per_person``, 1 if not given) or how
many the room needs (``per_room``). ``optional: true`` marks "if that is more comfortable".
Items of a card with the same id are one thing said two ways: a card needs the largest count.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import DataError

# id: (one, many): the words a list for the room uses
EQUIPMENT: dict[str, tuple[str, str]] = {
    "mat": ("exercise mat", "exercise mats"),
    "pillow": ("small pillow or folded towel for the head", "small pillows or folded towels for the head"),
    "cushion": ("cushion", "cushions"),
    "towel-roll": ("small hand towel, to roll up", "small hand towels, to roll up"),
    "strap": ("strap, belt or long towel", "straps, belts or long towels"),
    "ball": ("small soft ball (softball size, squeezable)", "small soft balls (softball size, squeezable)"),
    "roller": ("firm foam roller", "firm foam rollers"),
    "oil": ("bottle of massage oil or plain cooking oil", "bottles of massage oil or plain cooking oil"),
    "chair": ("sturdy chair without wheels", "sturdy chairs without wheels"),
    "table": ("sturdy table or treatment couch", "sturdy tables or treatment couches"),
    "blanket": ("folded blanket or towel", "folded blankets or towels"),
    "box": ("light empty box", "light empty boxes"),
}

_ITEM_KEYS = {"text", "id", "per_person", "per_room", "optional"}


@dataclass(frozen=True)
class NeedItem:
    """One line of "what you need"; ``id`` is empty for things that are not handed out (a quiet place)."""

    text: str
    id: str = ""
    per_person: float = 0.0
    per_room: int = 0
    optional: bool = False

    def __str__(self) -> str:  # a card's bullet list shows the sentence
        return self.text


def need_from_data(items, where: str) -> tuple[NeedItem, ...]:
    """A card's ``need:`` list as NeedItems; a DataError names the file, the item and the bad value."""
    if not isinstance(items, list) or not items:
        raise DataError(f"{where}: 'need' must be a non-empty list of items, got {items!r}")
    out = []
    for i, item in enumerate(items, 1):
        at = f"{where}, need {i}"
        if not isinstance(item, dict):
            raise DataError(f"{at}: expected a mapping with 'text' (and 'id', 'per_person'), got {item!r}")
        unknown = sorted(set(map(str, item)) - _ITEM_KEYS)
        if unknown:
            raise DataError(f"{at}: unknown field(s) {', '.join(map(repr, unknown))}; known: {', '.join(sorted(_ITEM_KEYS))}")
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{at}: 'text' must be a non-empty sentence, got {text!r}")
        kind = item.get("id", "")
        if kind and kind not in EQUIPMENT:
            raise DataError(f"{at}: 'id' {kind!r} is not known equipment; known: {', '.join(EQUIPMENT)}")
        per_person, per_room = item.get("per_person"), item.get("per_room")
        if not kind and (per_person is not None or per_room is not None):
            raise DataError(f"{at}: a count needs an 'id' saying what is counted ({text!r})")
        if per_person is not None and per_room is not None:
            raise DataError(f"{at}: give 'per_person' or 'per_room', not both")
        if kind and per_room is None:
            per_person = 1 if per_person is None else per_person
            if isinstance(per_person, bool) or not isinstance(per_person, (int, float)) or not 0 < per_person <= 4:
                raise DataError(f"{at}: 'per_person' must be a number from more than 0 to 4, got {per_person!r}")
        if per_room is not None and (isinstance(per_room, bool) or not isinstance(per_room, int) or per_room < 1):
            raise DataError(f"{at}: 'per_room' must be a whole number of 1 or more, got {per_room!r}")
        optional = item.get("optional", False)
        if not isinstance(optional, bool):
            raise DataError(f"{at}: 'optional' must be true or false, got {optional!r}")
        out.append(NeedItem(" ".join(text.split()), kind, float(per_person or 0), per_room or 0, optional))
    return tuple(out)


@dataclass(frozen=True)
class Count:
    """How many of one piece of equipment a class needs."""

    id: str
    count: int
    optional: bool

    @property
    def words(self) -> str:
        one, many = EQUIPMENT[self.id]
        return f"{self.count} {one if self.count == 1 else many}" + (" (if people want them)" if self.optional else "")


def counts(items_per_routine, participants: int) -> list[Count]:
    """The equipment for ``participants`` people doing routines whose items are given, one group per routine.

    People keep their things for the whole class, so a piece counts once, at the largest
    number any routine needs. An item is optional only if every routine that uses it says so.
    """
    if isinstance(participants, bool) or not isinstance(participants, int) or not 1 <= participants <= 60:
        raise DataError(f"the number of participants must be a whole number from 1 to 60, got {participants!r}")
    need: dict[str, tuple[int, bool]] = {}
    for items in items_per_routine:
        for item in items:
            if not item.id:
                continue
            n = item.per_room or math.ceil(item.per_person * participants)
            old, was_optional = need.get(item.id, (0, True))
            need[item.id] = (max(old, n), was_optional and item.optional)
    order = list(EQUIPMENT)
    return [Count(k, n, opt) for k, (n, opt) in sorted(need.items(), key=lambda kv: order.index(kv[0]))]
