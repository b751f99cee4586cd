"""The session timer widget: a routine or a class plan in, a countdown view out.

The browser keeps the time (``static/timer.js``); Python owns the session and, when a
kernel is connected, sees progress in ``completed`` (segments done) and ``finished``.
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from .library import ROUTINES
from .plans import PLANS, Plan
from .routines import Routine, RoutineError

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

    def __init__(self, session: Routine | Plan | str, **kwargs):
        if isinstance(session, str):
            session = _by_name(session)
        if not isinstance(session, (Routine, Plan)):
            raise RoutineError(f"SessionTimer needs a Routine, a Plan or a name, got {session!r}")
        self.session = session
        super().__init__(title=session.title, segments=[s.to_dict() for s in session.segments()], **kwargs)

    @property
    def completed_steps(self) -> list[str]:
        """Labels of the segments finished so far, for a log of the session."""
        return [s["label"] for s in self.segments[: self.completed]]
