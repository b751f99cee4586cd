"""The session timer widget: a routine or a class plan in, a countdown view out.

The browser keeps the time (``static/timer.js``); Python owns the session and, when a
kernel is connected, sees progress in ``completed`` (segments done) and ``finished``.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import anywidget
import traitlets

from . import diary
from .library import ROUTINES
from .plans import PLANS, Plan
from .routines import Routine, RoutineError
from .timer_cues import cues

_STATIC = Path(__file__).parent / "static"


def _by_name(name: str) -> Routine | Plan:
    found = ROUTINES.get(name) or PLANS.get(name)
    if found is None:
        raise RoutineError(f"no routine or class plan called {name!r}; routines: {', '.join(sorted(ROUTINES))};"
                           f" class plans: {', '.join(PLANS)}")
    return found


class SessionTimer(anywidget.AnyWidget):
    """A countdown: ``SessionTimer(routine_or_plan)``, or by name: ``SessionTimer("hamstring-stretch")``."""

    _esm = _STATIC / "timer.js"
    _css = _STATIC / "timer.css"

    title = traitlets.Unicode().tag(sync=True)
    segments = traitlets.List().tag(sync=True)
    completed = traitlets.Int(0).tag(sync=True)
    finished = traitlets.Bool(False).tag(sync=True)
    # Tones, fixed texts and language (timer_cues), the diary's description, and the key
    # under which an interrupted session is kept for resuming.
    cues = traitlets.Dict().tag(sync=True)
    diary = traitlets.Dict().tag(sync=True)
    session_id = traitlets.Unicode().tag(sync=True)

    def __init__(self, session: Routine | Plan | str, **kwargs):
        if isinstance(session, str):
            session = _by_name(session)
        if not isinstance(session, (Routine, Plan)):
            raise RoutineError(f"SessionTimer needs a Routine, a Plan or a name, got {session!r}")
        self.session = session
        segments = [s.to_dict() for s in session.segments()]
        super().__init__(title=session.title, segments=segments, session_id=session_key(session.title, segments),
                         **timer_state(), **kwargs)

    @property
    def completed_steps(self) -> list[str]:
        """Labels of the segments finished so far, for a log of the session."""
        return [s["label"] for s in self.segments[: self.completed]]


def timer_state() -> dict:
    """The timer's state besides its session: for any view that runs the timer module itself."""
    return {"cues": cues(), "diary": diary.spec()}


def session_key(title: str, segments: list[dict]) -> str:
    """A short key that changes whenever the session does (so a saved place is never misapplied)."""
    text = json.dumps([title, segments], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
