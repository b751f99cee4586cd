"""Routines as plain data: steps, validation, and the timed segments a timer runs.

A routine is an ordered list of steps. A step is held for some seconds or done as a
number of repetitions at a tempo, optionally on one side or on each side in turn, with
a short cue and an optional breathing pattern. ``Routine.segments()`` flattens it into
what a timer counts: a get-ready countdown, the work, switch-sides pauses and rests.

Nothing here imports a user interface, so all of it is testable without a browser.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..errors import RoutineError
from .positions import POSITIONS
from .validation import Validator

SIDES = ("left", "right", "each")
MAX_TOTAL_SECONDS = 2 * 60 * 60


_check = Validator(RoutineError)
_number, _text = _check.number, _check.text


@dataclass(frozen=True)
class Breathing:
    """A breathing pattern in seconds: breathe in, hold, breathe out (optionally with a sound)."""

    inhale: float
    exhale: float
    hold: float = 0.0
    sound: str = ""

    def __post_init__(self):
        object.__setattr__(self, "inhale", _number(self.inhale, "breathing 'inhale'"))
        object.__setattr__(self, "exhale", _number(self.exhale, "breathing 'exhale'"))
        object.__setattr__(self, "hold", _number(self.hold, "breathing 'hold'", allow_zero=True))
        object.__setattr__(self, "sound", _text(self.sound, "breathing 'sound'", required=False))

    @property
    def cycle(self) -> float:
        """Seconds for one whole breath."""
        return self.inhale + self.hold + self.exhale


@dataclass(frozen=True)
class Step:
    """One exercise in a routine.

    Give either ``seconds`` (a hold) or ``reps`` with ``tempo`` (seconds per repetition).
    ``at_least`` is the low end of a dose range ("20-30 s", "15-20 repetitions"): the timer
    counts the full ``seconds`` or ``reps``, the text shows the range. ``side`` is
    "left", "right" or "each" (both sides in turn, with a switch between them).
    ``until`` names the sign a step is done when the sources give no time ("the stretched
    side eases"); the timer then counts ``seconds`` as an upper bound. ``rest`` is a pause
    after the step. ``position`` is where the step is done (one of ``positions.POSITIONS``);
    ``start`` is where it begins, for a step that is itself a move ("Stand up"). A class plan
    adds the time to move wherever one step ends in another position than the next begins.
    """

    label: str
    seconds: float | None = None
    reps: int | None = None
    tempo: float | None = None
    at_least: float | None = None
    side: str | None = None
    cue: str = ""
    until: str = ""
    breathing: Breathing | None = None
    rest: float = 0.0
    position: str | None = None
    start: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "label", _text(self.label, "'label'", required=True))
        for attr in ("position", "start"):
            value = getattr(self, attr)
            if value is not None and value not in POSITIONS:
                raise RoutineError(f"step {self.label!r}: {attr!r} must be one of {', '.join(POSITIONS)}"
                                   f" (or left out), got {value!r}")
        if self.start is not None and self.position is None:
            raise RoutineError(f"step {self.label!r}: 'start' goes with a 'position' (start={self.start!r})")
        object.__setattr__(self, "cue", _text(self.cue, "'cue'", required=False))
        object.__setattr__(self, "until", _text(self.until, "'until'", required=False))
        if (self.seconds is None) == (self.reps is None):
            raise RoutineError(
                f"give either 'seconds' or 'reps', not {'both' if self.reps is not None else 'neither'}"
                f" (seconds={self.seconds!r}, reps={self.reps!r})"
            )
        if self.seconds is not None:
            object.__setattr__(self, "seconds", _number(self.seconds, "'seconds'"))
            if self.tempo is not None:
                raise RoutineError(f"'tempo' goes with 'reps', not 'seconds' (tempo={self.tempo!r})")
            top = self.seconds
        else:
            if isinstance(self.reps, bool) or not isinstance(self.reps, int) or self.reps < 1:
                raise RoutineError(f"'reps' must be a whole number of 1 or more, got {self.reps!r}")
            if self.tempo is None:
                raise RoutineError(f"'reps' needs a 'tempo' in seconds per repetition (reps={self.reps!r})")
            object.__setattr__(self, "tempo", _number(self.tempo, "'tempo'"))
            top = self.reps
        if self.at_least is not None:
            low = _number(self.at_least, "'at_least'")
            if low > top:
                raise RoutineError(f"'at_least' ({self.at_least!r}) must not be more than the dose ({_fmt(top)})")
            if self.reps is not None and low != int(low):
                raise RoutineError(f"'at_least' must be a whole number of repetitions, got {self.at_least!r}")
            object.__setattr__(self, "at_least", low)
        if self.side is not None and self.side not in SIDES:
            raise RoutineError(f"'side' must be one of {', '.join(SIDES)} (or left out), got {self.side!r}")
        if self.breathing is not None and not isinstance(self.breathing, Breathing):
            raise RoutineError(f"'breathing' must be a Breathing pattern, got {self.breathing!r}")
        object.__setattr__(self, "rest", _number(self.rest, "'rest'", allow_zero=True))

    @property
    def starts_in(self) -> str | None:
        """Where the step begins: its ``start``, else its ``position``."""
        return self.start or self.position

    @property
    def work_seconds(self) -> float:
        """Seconds of work on one side."""
        return self.seconds if self.seconds is not None else self.reps * self.tempo

    def dose(self) -> str:
        """The dose in words, e.g. "20–30 s each side" or "15–20 slow repetitions"."""
        if self.seconds is None:
            amount = f"{_fmt_range(self.at_least, self.reps)} repetitions"
        elif self.at_least is None or self.at_least == self.seconds:
            amount = format_duration(self.seconds)
        elif self.seconds <= 60:
            amount = f"{_fmt_range(self.at_least, self.seconds)} s"
        else:
            amount = f"{format_duration(self.at_least)} to {format_duration(self.seconds)}"
        if self.side == "each":
            amount += " each side"
        elif self.side:
            amount += f" on the {self.side} side"
        return f"until {self.until} (the timer allows {amount})" if self.until else amount


@dataclass(frozen=True)
class Segment:
    """One stretch of time the timer counts down."""

    kind: str  # "get-ready", "work", "switch", "rest"; in a plan also "talk" and "transition"
    label: str
    seconds: float
    cue: str = ""
    side: str | None = None
    reps: int | None = None
    breathing: Breathing | None = None
    step: int | None = None  # index of the routine step this belongs to
    position: str | None = None  # where the body is during the segment (its step's position)
    start: str | None = None  # where it begins, if not in ``position`` (a step that is itself a move)

    @property
    def starts_in(self) -> str | None:
        return self.start or self.position

    @property
    def heading(self) -> str:
        """What the timer shows as the step's name, e.g. "Hamstring stretch, left side"."""
        side = f", {self.side} side" if self.side else ""
        reps = f", {self.reps} repetitions" if self.reps else ""
        return f"{self.label}{side}{reps}"

    @property
    def spoken(self) -> str:
        """What a voice cue says when the segment starts."""
        return f"{self.heading}. {spoken_duration(self.seconds)}." + (f" {self.cue}" if self.cue else "")

    def to_dict(self) -> dict:
        """Plain data for the timer view, with the texts it shows and says."""
        return {**asdict(self), "heading": self.heading, "spoken": self.spoken}


@dataclass(frozen=True)
class Routine:
    """An ordered list of steps with a get-ready countdown and a pause to switch sides."""

    name: str
    title: str
    steps: tuple[Step, ...]
    get_ready: float = 10.0
    switch: float = 5.0
    notes: str = ""
    _segments: tuple[Segment, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        name = _text(self.name, "routine 'name'", required=True)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "title", _text(self.title, f"routine {name!r}: 'title'", required=True))
        object.__setattr__(self, "notes", _text(self.notes, f"routine {name!r}: 'notes'", required=False))
        steps = tuple(self.steps) if isinstance(self.steps, (list, tuple)) else None
        if not steps:
            raise RoutineError(f"routine {name!r} has no steps: give at least one step")
        for i, step in enumerate(steps, 1):
            if not isinstance(step, Step):
                raise RoutineError(f"routine {name!r}, step {i}: expected a Step, got {step!r}")
        object.__setattr__(self, "steps", steps)
        for attr in ("get_ready", "switch"):
            value = _number(getattr(self, attr), f"routine {name!r}: {attr!r}", allow_zero=True)
            object.__setattr__(self, attr, value)
        object.__setattr__(self, "_segments", self._build_segments())
        total = self.total_seconds
        if total > MAX_TOTAL_SECONDS:
            raise RoutineError(
                f"routine {name!r} lasts {total / 60:.0f} minutes: more than the"
                f" {MAX_TOTAL_SECONDS // 60} minutes a session may last; check the durations"
            )

    def _build_segments(self) -> tuple[Segment, ...]:
        out: list[Segment] = []
        if self.get_ready:
            first = self.steps[0]
            out.append(Segment("get-ready", "Get ready", self.get_ready, f"Get into position for: {first.label}",
                               position=first.starts_in))
        for i, step in enumerate(self.steps):
            sides = ("left", "right") if step.side == "each" else (step.side,)
            for n, side in enumerate(sides):
                if n and self.switch:
                    out.append(Segment("switch", "Switch sides", self.switch, f"Now the {side} side", side, step=i,
                                       position=step.position))
                out.append(Segment("work", step.label, step.work_seconds, step.cue, side, step.reps, step.breathing, i,
                                   step.position, step.start if n == 0 else None))
            if step.rest and i < len(self.steps) - 1:
                out.append(Segment("rest", "Rest", step.rest, f"Next: {self.steps[i + 1].label}", step=i,
                                   position=step.position))
        return tuple(out)

    def segments(self) -> list[Segment]:
        """Everything the timer counts, in order."""
        return list(self._segments)

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self._segments)

    def step(self, label: str) -> Step:
        """The step with this label (for a chapter that quotes one dose)."""
        for s in self.steps:
            if s.label == label:
                return s
        raise KeyError(f"routine {self.name!r} has no step {label!r}; its steps: {[s.label for s in self.steps]}")

    def to_dict(self) -> dict:
        """Plain data for JSON or YAML; ``routine_from_dict`` reads it back."""
        steps = []
        for s in self.steps:
            d = {k: v for k, v in asdict(s).items() if v not in (None, "", 0.0) or k == "label"}
            if s.breathing is not None:
                d["breathing"] = {k: v for k, v in asdict(s.breathing).items() if v not in ("", 0.0)}
            steps.append(d)
        out = {"name": self.name, "title": self.title, "get_ready": self.get_ready, "switch": self.switch}
        if self.notes:
            out["notes"] = self.notes
        out["steps"] = steps
        return out


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _fmt_range(low, high) -> str:
    return _fmt(high) if low is None or low == high else f"{_fmt(low)}–{_fmt(high)}"


# The words for minutes and seconds, (one, many): written for a reader, spoken by a voice cue.
# A browser view that adds up times says them with the same words (``duration`` in static/_shared.js).
DURATION_UNITS = {"written": (("min", "min"), ("s", "s")), "spoken": (("minute", "minutes"), ("second", "seconds"))}


def in_words(seconds: float, units) -> str:
    """Whole seconds as minutes and seconds in ``units`` (a value of DURATION_UNITS); no zero part but "0 s"."""
    minute, second = units
    minutes, rest = divmod(round(seconds), 60)
    parts = [(minutes, minute)] if minutes else []
    if rest or not minutes:
        parts.append((rest, second))
    return " ".join(f"{n} {one if n == 1 else many}" for n, (one, many) in parts)


def format_duration(seconds: float) -> str:
    """Seconds as words for a reader: "45 s", "2 min", "5 min 30 s"."""
    return in_words(seconds, DURATION_UNITS["written"])


def spoken_duration(seconds: float) -> str:
    """Seconds as a voice would say them: "1 minute 30 seconds"."""
    return in_words(seconds, DURATION_UNITS["spoken"])
