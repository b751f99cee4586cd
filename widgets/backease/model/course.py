"""A course: weeks of sessions, each an education talk and a plan of exercises at their levels.

A course is data, like a plan, and loads from and saves to JSON or YAML with messages that
name the file, the session, the block and the bad value. A session opens with its talk (the
first session of a topic) or a shorter check-in on it (a later one), then runs its blocks:
an ``exercise`` at a ``level``, a plain library ``routine``, or a ``talk`` with its seconds.
``make_course`` builds a course of any number of weeks, sessions per week and session length;
``COURSE`` is the ready-made one: six weeks, two sessions a week.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .education import TALKS, get_talk
from .equipment import Count, counts
from .levels import Level, find_level, level_name, levels_of
from .logistics import on_floor
from .number_words import counted
from .positions import TRANSITIONS
from .plans import Block, Plan
from .routine_files import check_fields, read_data, write_data
from ..errors import CourseError, DataError
from .routines import format_duration
from .validation import Validator

_check = Validator(CourseError)
_number, _text = _check.number, _check.text

TALK_KINDS = ("talk", "check-in")
# The first session of a topic talks for 15 minutes: the low end of ESCAPE-pain's 15–20 minutes of
# group discussion (content brief). The check-in minutes, and the opening and closing, are the guide's own.
TALK_MINUTES = {"talk": 15, "check-in": 10}
OPENING = {"talk": "Welcome, how was your week, red-flag check", "seconds": 180}
CLOSING = {"talk": "Closing: how did each exercise feel? Note your levels for next time", "seconds": 240}
# The first session shows everyone how to get down to the floor and up again (book/start/getting-down.md),
# just before the class first gets down: the guide's own time, as long as getting down and up once takes.
TEACH_GETTING_DOWN = {"talk": "Getting down to the floor and up again: watch it shown once, then try it",
                      "seconds": TRANSITIONS["down"].seconds + TRANSITIONS["up"].seconds}


@dataclass(frozen=True)
class Session:
    """One session: its topic (talked about or checked in on), then its blocks."""

    topic: str
    kind: str
    minutes: float
    blocks: tuple[Block, ...]

    @property
    def talk_title(self) -> str:
        title = get_talk(self.topic).title
        return title if self.kind == "talk" else f"Check-in: {title[0].lower()}{title[1:]}"

    def plan(self, name: str, title: str) -> Plan:
        """The session as a plan: its opening talks (a welcome), then the topic's talk, then the rest."""
        opening = next((i for i, b in enumerate(self.blocks) if not b.talk), len(self.blocks))
        topic = Block(talk=self.talk_title, seconds=self.minutes * 60)
        return Plan(name, title, (*self.blocks[:opening], topic, *self.blocks[opening:]))

    def levels(self) -> list[Level]:
        """The level of each exercise block, in order."""
        return [lv for lv in map(find_level, (b.routine for b in self.blocks)) if lv]


@dataclass(frozen=True)
class Course:
    """Weeks of sessions; every session lasts at most ``session_minutes``, transitions included."""

    name: str
    title: str
    session_minutes: float
    weeks: tuple[tuple[Session, ...], ...]

    def __post_init__(self):
        name = _text(self.name, "course 'name'", required=True)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "title", _text(self.title, f"course {name!r}: 'title'", required=True))
        minutes = _number(self.session_minutes, f"course {name!r}: 'session_minutes'")
        if not 15 <= minutes <= 120:
            raise CourseError(f"course {name!r}: 'session_minutes' must be from 15 to 120, got {self.session_minutes!r}")
        if not self.weeks:
            raise CourseError(f"course {name!r} has no weeks: give at least one week with a session")
        for w, week in enumerate(self.weeks, 1):
            if not week:
                raise CourseError(f"course {name!r}, week {w} has no sessions")
            for s, _ in enumerate(week, 1):
                plan = self.plan(w, s)
                if plan.total_seconds > minutes * 60:
                    raise CourseError(f"course {name!r}, {self.where(w, s)} lasts {format_duration(plan.total_seconds)}"
                                       f" with its transitions: more than the course's {minutes:g}-minute sessions")

    @staticmethod
    def where(week: int, number: int) -> str:
        return f"week {week}, session {number}"

    def sessions(self) -> list[tuple[int, int, Session]]:
        """(week, number in the week, session) for every session, in order."""
        return [(w, s, sess) for w, week in enumerate(self.weeks, 1) for s, sess in enumerate(week, 1)]

    def plan(self, week: int, number: int) -> Plan:
        """The session as a class plan: its talk first, transitions counted."""
        session = self.weeks[week - 1][number - 1]
        try:
            return session.plan(f"{self.name}-week-{week}-session-{number}",
                                f"{self.title}: {self.where(week, number).capitalize()}")
        except DataError as err:
            raise CourseError(f"course {self.name!r}, {self.where(week, number)}: {err}") from None

    @property
    def length(self) -> str:
        """The course's length in words, for sentences: "six weeks"."""
        return counted(len(self.weeks), "week")

    @property
    def total_seconds(self) -> float:
        return sum(self.plan(w, s).total_seconds for w, s, _ in self.sessions())

    def equipment(self, participants: int) -> list[Count]:
        """What the whole course needs for ``participants`` people (the most any session needs)."""
        return counts([i for w, s, _ in self.sessions() for i in self.plan(w, s).needs()], participants)

    def to_dict(self) -> dict:
        weeks = []
        for week in self.weeks:
            sessions = []
            for sess in week:
                blocks = []
                for b in sess.blocks:
                    level = find_level(b.routine)
                    blocks.append({"exercise": level.exercise, "level": level.number} if level else b.to_dict())
                sessions.append({"topic": sess.topic, "kind": sess.kind, "minutes": sess.minutes, "blocks": blocks})
            weeks.append({"sessions": sessions})
        return {"name": self.name, "title": self.title, "session_minutes": self.session_minutes, "weeks": weeks}


_COURSE_KEYS = {"name", "title", "session_minutes", "weeks"}
_WEEK_KEYS = {"sessions"}
_SESSION_KEYS = {"topic", "kind", "minutes", "blocks"}
_BLOCK_KEYS = {"exercise", "level", "routine", "repeat", "talk", "seconds"}


def _block(data, where: str) -> Block:
    check_fields(data, _BLOCK_KEYS, where, CourseError)
    if "exercise" in data or "level" in data:
        if set(data) != {"exercise", "level"}:
            raise CourseError(f"{where}: an exercise block has 'exercise' and 'level' and nothing else, got"
                               f" {', '.join(sorted(map(str, data)))}")
        levels = levels_of(data["exercise"])
        level = data["level"]
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= len(levels):
            raise CourseError(f"{where}: 'level' must be a whole number from 1 to {len(levels)}"
                               f" for {data['exercise']!r}, got {level!r}")
        return Block(routine=level_name(data["exercise"], level))
    return Block(**data)


def _session(data, where: str) -> Session:
    check_fields(data, _SESSION_KEYS, where, CourseError)
    for key in ("topic", "blocks"):
        if key not in data:
            raise CourseError(f"{where}: missing {key!r}")
    topic = data["topic"]
    get_talk(topic)
    kind = data.get("kind", "talk")
    if kind not in TALK_KINDS:
        raise CourseError(f"{where}: 'kind' must be one of {', '.join(TALK_KINDS)}, got {kind!r}")
    minutes = _number(data.get("minutes", TALK_MINUTES[kind]), "'minutes'")
    if not isinstance(data["blocks"], list):
        raise CourseError(f"{where}: 'blocks' must be a list, got {data['blocks']!r}")
    blocks = []
    for i, item in enumerate(data["blocks"], 1):
        what = next((item[k] for k in ("exercise", "routine", "talk") if k in item), None) if isinstance(item, dict) else None
        at = f"{where}, block {i}" + (f" ({what!r})" if isinstance(what, str) and what else "")
        try:
            blocks.append(_block(item, at))
        except DataError as err:
            raise CourseError(str(err) if str(err).startswith(at) else f"{at}: {err}") from None
        except TypeError as err:
            raise CourseError(f"{at}: {err}") from None
    return Session(topic, kind, minutes, tuple(blocks))


def course_from_dict(data, source: str = "course") -> Course:
    """Build and validate a Course from plain data; errors start with ``source`` and name the session and block."""
    check_fields(data, _COURSE_KEYS, source, CourseError)
    for key in ("name", "title", "session_minutes", "weeks"):
        if key not in data:
            raise CourseError(f"{source}: missing {key!r}")
    if not isinstance(data["weeks"], list):
        raise CourseError(f"{source}: 'weeks' must be a list of weeks, got {data['weeks']!r}")
    weeks = []
    for w, week in enumerate(data["weeks"], 1):
        check_fields(week, _WEEK_KEYS, f"{source}, week {w}", CourseError)
        if not isinstance(week.get("sessions"), list):
            raise CourseError(f"{source}, week {w}: 'sessions' must be a list, got {week.get('sessions')!r}")
        sessions = []
        for s, item in enumerate(week["sessions"], 1):
            where = f"{source}, {Course.where(w, s)}"
            try:
                sessions.append(_session(item, where))
            except DataError as err:
                raise CourseError(str(err) if str(err).startswith(where) else f"{where}: {err}") from None
        weeks.append(tuple(sessions))
    try:
        return Course(data["name"], data["title"], data["session_minutes"], tuple(weeks))
    except DataError as err:
        raise CourseError(str(err) if str(err).startswith(source) else f"{source}: {err}") from None


def load_course(path) -> Course:
    """Read a course from a .json, .yaml or .yml file."""
    path, data = read_data(path, CourseError)
    return course_from_dict(data, source=str(path))


def save_course(course: Course, path) -> Path:
    """Write a course to a .json, .yaml or .yml file; returns the path."""
    return write_data(course.to_dict(), path, CourseError)


# The ready-made course's exercises, in class order: standing first, then the floor. A course too
# short for all of them leaves out the ones at the end of DROP_ORDER first.
EXERCISE_ORDER = ("front-of-hip", "forward-bend", "string", "back-of-thigh", "trunk-control", "side-bend",
                  "pandiculation", "ball")
DROP_ORDER = ("pandiculation", "side-bend", "string", "forward-bend", "ball", "front-of-hip", "back-of-thigh")
CLOSERS = ("progressive-muscle-relaxation", "breathing")  # turn about, one per session


def _session_blocks(body: list[Block], closer: str, first: bool) -> tuple[Block, ...]:
    """A session's blocks: the march and the upright exercises, then down to the floor once (the first
    session learns how first), the knee rocking, the floor exercises and the closer, then up to close."""
    upright = [b for b in body if not on_floor(b.routine)]
    floor = [b for b in body if on_floor(b.routine)]
    teach = (Block(**TEACH_GETTING_DOWN),) if first else ()
    return (Block(**OPENING), Block(routine="warm-up-standing"), *upright, *teach, Block(routine="warm-up-on-the-mat"),
            *floor, Block(routine=closer), Block(**CLOSING))


def make_course(weeks: int = 6, per_week: int = 2, minutes: float = 60, name: str | None = None,
                title: str | None = None) -> Course:
    """A course of ``weeks`` × ``per_week`` sessions of at most ``minutes`` each, named for its length unless
    ``name`` and ``title`` are given ("six-weeks", "Six weeks for a tight back").

    Topics follow one another across the sessions; each exercise climbs its levels evenly from
    level 1 (the planned level: each person moves by the progression rules). Exercises are left
    out, in ``DROP_ORDER``, until a session fits its minutes.
    """
    for value, what, top in ((weeks, "weeks", 26), (per_week, "sessions per week", 5)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
            raise CourseError(f"the number of {what} must be a whole number from 1 to {top}, got {value!r}")
    length = counted(weeks, "week")
    name = name or length.replace(" ", "-")
    title = title or f"{length.capitalize()} for a tight back"
    total = weeks * per_week
    topics = list(TALKS)
    if total < len(topics):
        raise CourseError(f"a course needs at least {len(topics)} sessions for its {len(topics)} talks;"
                           f" {weeks} weeks of {per_week} give {total}")
    seen, out = set(), []
    for i in range(total):
        topic = topics[i * len(topics) // total]
        kind = "check-in" if topic in seen else "talk"
        seen.add(topic)
        chosen = list(EXERCISE_ORDER)
        while True:
            body = [Block(routine=level_name(ex, 1 + i * len(levels_of(ex)) // total)) for ex in chosen]
            blocks = _session_blocks(body, CLOSERS[i % 2], first=i == 0)
            session = Session(topic, kind, TALK_MINUTES[kind], blocks)
            if session.plan("trial", "Trial").total_seconds <= minutes * 60:
                break
            drop = next((ex for ex in DROP_ORDER if ex in chosen), None)
            if drop is None:
                raise CourseError(f"sessions of {minutes:g} minutes are too short for the talk, the warm-up and"
                                   " one exercise; give more minutes")
            chosen.remove(drop)
        out.append(session)
    return Course(name, title, minutes, tuple(tuple(out[w * per_week:(w + 1) * per_week]) for w in range(weeks)))


COURSE = make_course()
