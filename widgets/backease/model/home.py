"""A home programme for one person: six weeks of short sessions on the days the reader chooses, each
exercise at a level that the reader's diary moves up, keeps or steps down.

It uses the class course's exercises, levels and progression table (``levels``), not doses of its own.
Its shape (how many weeks, days and minutes, which exercise joins in which week, the reading for each week)
is the guide's own suggestion, and says so (``SHAPE_NOTE``). Everything here is plain data: the same plan and
progression run in Python (``progress(plan, entries)``) and, as tables Python computes, in the browser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..errors import HomePlanError
from .conditions import ADVICE_KINDS, get_condition
from .diary import HOW_IT_WENT
from .education import get_talk
from .levels import EXERCISES, PROGRESSION, UP_AFTER, level_name, levels_of
from .library import get_routine
from .number_words import counted, number_word
from .plans import Block, Plan
from .positions import FLOOR_POSITIONS, group
from .techniques import get_technique

# Where the reader's plan is kept, in their browser only: {"version": 1, "plan": HomePlan.to_dict(), "undone": [ids],
# "reminder": "18:00"} (the ids of the changes the reader took back; the time of day for the calendar's reminders).
STORE_KEY = "backease.home-programme"
STORE_VERSION = 1
WEEKS = 6
DAYS_A_WEEK = (3, 5)  # fewest and most sessions a week
MINUTES = (10, 20)  # about how long a session lasts
PER_SESSION = 4  # most exercises in one session; when a week has more, they take turns
SHAPE_NOTE = (f"This plan's shape ({WEEKS} weeks, {DAYS_A_WEEK[0]} to {DAYS_A_WEEK[1]} sessions a week of about"
              f" {MINUTES[0]} to {MINUTES[1]} minutes, at most {PER_SESSION} exercises a session, and which exercise"
              " joins in which week) is the guide's own suggestion: the sources give none.")
LENGTH = counted(WEEKS, "week")  # "six weeks", for sentences
INVITE = (f"Make a {number_word(WEEKS)}-week plan of short sessions on the days you choose. It grows with you, from"
          " what you note in your diary, and stays on this device.")
OFFER_TITLE = "Your home programme"  # what the welcome page shows a reader who has no plan yet: INVITE, then a link
OFFER_LINK = "Make your home plan"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # ISO 1 to 7
CALM_START = "breathing"  # every session opens with the belly-breathing routine
CALM_END = "progressive-muscle-relaxation"  # and ends with it when the session stays within MINUTES
FLARE_UP = "flare-up"  # the library's flare-up session
# A session's plan name and title ("{week}": its week); the diary keeps the name (``home_session``).
NAMES = {"name": "home-week-{week}", "title": "Home programme, week {week}", "flare_up": "-flare-up",
         "flare_up_title": ": {flare_up}"}


@dataclass(frozen=True)
class HomeWeek:
    """One week: the education talk its reading comes from, and the exercises added this week."""

    number: int
    talk: str
    adds: tuple[str, ...]


# Week 1 starts from the starter session's exercises (string swings, slow tighten and release, the back of
# the thigh); each week adds one; the small-ball release (8 minutes, two balls) stays a class exercise.
PLAN_WEEKS = (
    HomeWeek(1, "what-pain-is", ("string", "pandiculation", "back-of-thigh")),
    HomeWeek(2, "staying-active", ("trunk-control",)),
    HomeWeek(3, "pacing-and-flare-ups", ("side-bend",)),
    HomeWeek(4, "breathing-and-stress", ("forward-bend",)),
    HomeWeek(5, "sleep-and-sitting", ("front-of-hip",)),
    HomeWeek(6, "keeping-going", ()),
)

# How a session went, in the reader's words (the diary asks it); each is read as the class course's
# (how it felt, the next day), so one table, levels.PROGRESSION, decides for both.
ANSWERS = HOW_IT_WENT
AS_CLASS = {"too-easy": ("easy", "same"), "about-right": ("effort", "same"), "too-hard": ("hard", "same"),
            "hurt": ("hard", "worse")}
# How the levels move (``progress``), in words: the programme's page says it, and the plan's view repeats it.
RULE_NOTE = (f"After {UP_AFTER} sessions in a row that felt {ANSWERS['too-easy'].lower()}, an exercise moves up a"
             f" level. A session that felt {ANSWERS['too-hard'].lower()} or hurt steps its exercises down a level."
             f" These rules, and the number {UP_AFTER}, are the guide's own: the sources give none.")


def advice_table(exercise: str) -> dict[str, dict[str, str]]:
    """What the cards of the exercise's levels say, by kind of advice and condition id: the first level's words
    where several levels answer the same condition."""
    found: dict[str, dict[str, str]] = {kind: {} for kind in ADVICE_KINDS}
    for level in levels_of(exercise):
        for answer in get_technique(level.technique).conditions:
            found[answer.advice].setdefault(answer.condition, answer.text)
    return found


def _starts(routine: str) -> str:
    """The position a library routine starts in."""
    return get_routine(routine).steps[0].position


def _check_days(days) -> tuple[int, ...]:
    if not isinstance(days, (list, tuple)) or any(isinstance(d, bool) or not isinstance(d, int) for d in days):
        raise HomePlanError(f"the days must be a list of weekday numbers (1 = Monday to 7 = Sunday), got {days!r}")
    chosen = tuple(sorted(set(days)))
    if len(chosen) != len(days) or any(not 1 <= d <= 7 for d in chosen):
        raise HomePlanError(f"each day must be a different weekday number from 1 (Monday) to 7 (Sunday), got {days!r}")
    low, high = DAYS_A_WEEK
    if not low <= len(chosen) <= high:
        raise HomePlanError(f"choose {low} to {high} days a week, got {len(chosen)}: {list(days)!r}")
    return chosen


@dataclass(frozen=True)
class HomePlan:
    """``HomePlan(days=(1, 3, 5), start=date(2027, 1, 4))``: six weeks on those weekdays from ``start``.
    ``conditions`` are ids from the shared list (``conditions.CONDITIONS``) that apply to the reader."""

    days: tuple[int, ...]
    start: date
    conditions: tuple[str, ...] = ()
    _left_out: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "days", _check_days(self.days))
        if not isinstance(self.start, date) or isinstance(self.start, datetime):
            raise HomePlanError(f"the plan's start must be a date, got {self.start!r}")
        if not isinstance(self.conditions, (list, tuple)):
            raise HomePlanError(f"the conditions must be a list of condition ids, got {self.conditions!r}")
        for condition in self.conditions:
            try:
                get_condition(condition)
            except KeyError as err:
                raise HomePlanError(err.args[0]) from None
        object.__setattr__(self, "conditions", tuple(dict.fromkeys(self.conditions)))
        object.__setattr__(self, "_left_out", tuple(e for e in EXERCISES if self.advice(e, "dont")))

    def advice(self, exercise: str, kind: str) -> list[tuple[str, str]]:
        """(condition name, what the card says) for each of the reader's conditions the exercise's card answers
        with ``kind`` ("dont", "ask" or "adapt"), at any of the exercise's levels."""
        return [(get_condition(c).name, text) for c, text in advice_table(exercise)[kind].items() if c in self.conditions]

    @property
    def left_out(self) -> tuple[str, ...]:
        """The exercises a card says not to do with one of the reader's conditions."""
        return self._left_out

    def exercises(self, week: int) -> tuple[str, ...]:
        """The exercises of week ``week`` (1 to 6): those added that week and before, less any left out."""
        if isinstance(week, bool) or not isinstance(week, int) or not 1 <= week <= WEEKS:
            raise HomePlanError(f"the week must be a whole number from 1 to {WEEKS}, got {week!r}")
        return tuple(e for w in PLAN_WEEKS[:week] for e in w.adds if e not in self._left_out)

    def dates(self) -> list[tuple[date, int]]:
        """Every session's date and its week, in order."""
        out = []
        for day in range(WEEKS * 7):
            when = self.start + timedelta(days=day)
            if when.isoweekday() in self.days:
                out.append((when, day // 7 + 1))
        return out

    def week_of(self, when: date) -> int | None:
        """The week of the plan that ``when`` falls in, or None before or after it."""
        day = (when - self.start).days
        return day // 7 + 1 if 0 <= day < WEEKS * 7 else None

    def turn(self, week: int, number: int) -> tuple[str, ...]:
        """The exercises of the reader's session ``number`` (0 for the first session done), in week ``week``:
        all of the week's, or ``PER_SESSION`` of them taking turns."""
        every = self.exercises(week)
        if len(every) <= PER_SESSION:
            return every
        first = number * PER_SESSION % len(every)
        return tuple(every[(first + i) % len(every)] for i in range(PER_SESSION))

    def session(self, week: int, number: int, levels: dict[str, int], flare_up: bool = False) -> Plan:
        """Session ``number`` (0 for the first done) in ``week``, its exercises at ``levels``; the flare-up
        session instead on a flare-up. Upright exercises come first, then, once down on the floor, the calm
        start and the floor exercises, ending lying down: one move down and none back up in between."""
        name, title = NAMES["name"].format(week=week), NAMES["title"].format(week=week)
        if flare_up:
            return Plan(name + NAMES["flare_up"], title + NAMES["flare_up_title"].format(flare_up=get_routine(FLARE_UP).title),
                        (Block(routine=FLARE_UP),), notes=SHAPE_NOTE, in_class=False)
        chosen = [level_name(e, levels.get(e, 1)) for e in self.turn(week, number)]
        upright = [r for r in chosen if group(_starts(r)) != "floor"]
        floor = sorted((r for r in chosen if r not in upright), key=lambda r: FLOOR_POSITIONS.index(_starts(r)))
        blocks = tuple(Block(routine=r) for r in (*upright, CALM_START, *floor))
        plan = Plan(name, title, (*blocks, Block(routine=CALM_END)), notes=SHAPE_NOTE, in_class=False)
        return plan if plan.total_seconds <= MINUTES[1] * 60 else Plan(name, title, blocks, SHAPE_NOTE, in_class=False)

    def to_dict(self) -> dict:
        return {"days": list(self.days), "start": self.start.isoformat(), "conditions": list(self.conditions)}


def plan_from_dict(data, source: str = "home plan") -> HomePlan:
    """A plan kept by the browser or exported with the diary; a clear error names the bad value."""
    if not isinstance(data, dict) or set(data) - {"days", "start", "conditions"} or "days" not in data:
        raise HomePlanError(f"{source}: expected days, start and conditions, got {data!r}")
    try:
        start = data.get("start")
        if isinstance(start, str):
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", start):
                raise ValueError(start)
            start = date.fromisoformat(start)
    except ValueError:
        raise HomePlanError(f"{source}: 'start' must be a date like 2027-01-04, got {data.get('start')!r}") from None
    try:
        conditions = data.get("conditions", [])
        return HomePlan(tuple(data["days"]) if isinstance(data["days"], list) else data["days"], start,
                        tuple(conditions) if isinstance(conditions, list) else conditions)
    except HomePlanError as err:
        raise HomePlanError(f"{source}: {err}") from None


REMINDER = r"([01][0-9]|2[0-3]):([0-5][0-9])"  # a reminder's time of day, on the reader's clock
REMINDER_AT = "18:00"  # until the reader picks one: the guide's own


@dataclass(frozen=True)
class Stored:
    """What the browser keeps under ``STORE_KEY``: the plan, the changes taken back, the reminders' time."""

    plan: HomePlan
    undone: tuple[str, ...] = ()
    reminder: str = REMINDER_AT

    def to_dict(self) -> dict:
        return {"version": STORE_VERSION, "plan": self.plan.to_dict(), "undone": list(self.undone),
                "reminder": self.reminder}


def stored_from_dict(data, source: str = "the stored plan") -> Stored:
    """The value kept under ``STORE_KEY``, checked as the browser checks it (``checkHomeStore`` in
    ``widgets/static/rules.js``): a clear error names the bad value."""
    if not isinstance(data, dict) or "plan" not in data or set(data) - {"version", "plan", "undone", "reminder"}:
        raise HomePlanError(f"{source} is not a home plan made with this guide")
    if isinstance(data.get("version"), bool) or data.get("version") != STORE_VERSION:
        raise HomePlanError(f"{source} has version {data.get('version')!r}; this guide reads version {STORE_VERSION}")
    undone = data.get("undone", [])
    if not isinstance(undone, list) or not all(isinstance(u, str) for u in undone):
        raise HomePlanError(f"{source}: 'undone' must be a list of change ids, got {undone!r}")
    reminder = data.get("reminder", REMINDER_AT)
    if not isinstance(reminder, str) or not re.fullmatch(REMINDER, reminder):
        raise HomePlanError(f"{source}: 'reminder' must be a time of day like 18:00, got {reminder!r}")
    return Stored(plan_from_dict(data["plan"], source), tuple(undone), reminder)


@dataclass(frozen=True)
class Change:
    """A level moved by the diary: which, from and to, why, and the entry that moved it."""

    id: str
    exercise: str
    before: int
    after: int
    reason: str
    entry: str

    @property
    def words(self) -> str:
        return REASONS["change"].format(title=EXERCISES[self.exercise].title, before=self.before, after=self.after,
                                        reason=self.reason)


@dataclass(frozen=True)
class Progress:
    """Where the reader is: each exercise's level, every change with its reason, and whether the next
    session is the flare-up session."""

    levels: dict[str, int]
    changes: tuple[Change, ...]
    flare_up_next: bool
    done: int  # home sessions done (flare-up sessions not counted)


# Why a level moved, in words ("{word}": the answer, lower case; "{count}": sessions in a row).
REASONS = {"change": "{title}: level {before} \u2192 {after} {reason}",
           "up": "after {count} sessions in a row that felt {word}", "down": "after a session that felt {word}",
           "hurt": "after a session that hurt", "flare_up": "after a flare-up"}


def _reason(answer: str, move: str, count: int) -> str:
    kind = "up" if move == "up" else "hurt" if answer == "hurt" else "down"
    return REASONS[kind].format(count=count, word=ANSWERS[answer].lower())


def progress(plan: HomePlan, entries, undone=()) -> Progress:
    """The levels after the diary's ``entries`` (dicts as the diary keeps them, any order), by the class
    course's rules (``levels.PROGRESSION``): an exercise moves up after ``UP_AFTER`` sessions in a row whose move
    is "up", and down one level after any whose move is "down".

    Only entries of this plan's sessions count: an entry names its session (``home_session``, a session's plan
    name) and says ``how_it_went`` (one of ``ANSWERS``), which applies to each exercise of that session. An entry
    marked ``flare_up`` steps every exercise of its week down and makes the next session the flare-up session,
    until the reader has done that one or another. A change whose id is in ``undone`` is not made (the reader took it back);
    it still starts the count of sessions in a row again."""
    levels = {e: 1 for w in PLAN_WEEKS for e in w.adds if e not in plan.left_out}
    top = {e: len(levels_of(e)) for e in levels}
    streak = dict.fromkeys(levels, 0)
    changes, flare, done = [], False, 0
    undone = set(undone)

    def move(exercise, to, reason, entry):
        change = Change(f"{entry}:{exercise}", exercise, levels[exercise], to, reason, entry)
        streak[exercise] = 0
        if change.id not in undone:
            levels[exercise] = to
            changes.append(change)

    for entry in sorted(entries, key=lambda e: e["date"]):
        week = plan.week_of(datetime.fromisoformat(entry["date"].replace("Z", "+00:00")).date())
        session = entry.get("home_session") or ""
        if week is None or not session.startswith(NAMES["name"].split("{")[0]):
            continue
        if entry.get("flare_up"):
            flare = True
            for exercise in plan.exercises(week):
                if levels[exercise] > 1:
                    move(exercise, levels[exercise] - 1, REASONS["flare_up"], entry["id"])
            continue
        if session.endswith(NAMES["flare_up"]):
            flare = False
            continue
        answer = entry.get("how_it_went")
        if answer not in ANSWERS:
            continue
        flare = False
        verdict = PROGRESSION[AS_CLASS[answer]]
        for exercise in plan.turn(week, done):
            if verdict == "down" and levels[exercise] > 1:
                move(exercise, levels[exercise] - 1, _reason(answer, "down", 1), entry["id"])
            elif verdict == "up" and streak[exercise] + 1 >= UP_AFTER and levels[exercise] < top[exercise]:
                move(exercise, levels[exercise] + 1, _reason(answer, "up", UP_AFTER), entry["id"])
            else:
                streak[exercise] = streak[exercise] + 1 if verdict == "up" else 0
        done += 1
    return Progress(levels, tuple(changes), flare, done)
