"""The session timer widget: a routine in, a countdown view out.

The browser keeps the time (``static/timer.js``); Python owns the routine and, when a
kernel is connected, sees progress in ``completed`` (segments done) and ``finished``.
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from .library import get_routine
from .routines import Routine, RoutineError

_STATIC = Path(__file__).parent / "static"


class SessionTimer(anywidget.AnyWidget):
    """A countdown for a routine: ``SessionTimer(routine)`` or ``SessionTimer("hamstring-stretch")``."""

    _esm = _STATIC / "timer.js"
    _css = _STATIC / "timer.css"

    title = traitlets.Unicode().tag(sync=True)
    segments = traitlets.List().tag(sync=True)
    completed = traitlets.Int(0).tag(sync=True)
    finished = traitlets.Bool(False).tag(sync=True)

    def __init__(self, routine: Routine | str, **kwargs):
        if isinstance(routine, str):
            routine = get_routine(routine)
        if not isinstance(routine, Routine):
            raise RoutineError(f"SessionTimer needs a Routine or a routine name, got {routine!r}")
        self.routine = routine
        super().__init__(
            title=routine.title, segments=[s.to_dict() for s in routine.segments()], **kwargs
        )

    @property
    def completed_steps(self) -> list[str]:
        """Labels of the segments finished so far, for a log of the session."""
        return [s["label"] for s in self.segments[: self.completed]]
