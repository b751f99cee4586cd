"""The session timer widget: a routine or a class plan in, a countdown view out.

The browser keeps the time (``static/timer.js``); Python owns the session and, when a
kernel is connected, sees progress in the traits ``completed`` (segments done) and
``finished``, which can be watched the ipywidgets way with ``timer.observe``.
"""
from __future__ import annotations

import hashlib
import json

import anywidget
import traitlets

from .diary_view import browser_spec
from .static_modules import css_module, esm_module
from ..model.library import ROUTINES
from ..model.plans import PLANS, Plan, plan_from_dict
from ..model.routine_files import routine_from_dict
from ..model.routines import Routine, RoutineError
from ..model.timer_cues import cues



def _by_name(name: str) -> Routine | Plan:
    found = ROUTINES.get(name) or PLANS.get(name)
    if found is None:
        raise RoutineError(f"no routine or class plan called {name!r}; routines: {', '.join(sorted(ROUTINES))};"
                           f" class plans: {', '.join(PLANS)}")
    return found


def as_session(session) -> Routine | Plan:
    """A Routine or a Plan from what a reader may hand the timer: one of those, a library name, or a dict.

    A dict with ``blocks`` is read as a class plan, any other as a routine, with the same checks
    and messages as a routine or plan file.
    """
    if isinstance(session, (Routine, Plan)):
        return session
    if isinstance(session, str):
        return _by_name(session)
    if isinstance(session, dict):
        return plan_from_dict(session) if "blocks" in session else routine_from_dict(session)
    raise RoutineError(f"SessionTimer needs a Routine, a Plan, a dict or a name, got {session!r}")


class SessionTimer(anywidget.AnyWidget):
    """A countdown for a routine or a class plan; its last line in a cell shows it.

    ``session`` is a library name (see ``backease.list_routines()``), a ``Routine``, a ``Plan``
    or a plain dict in the shape of a routine file::

        from backease import SessionTimer
        SessionTimer("hamstring-stretch")
        timer = SessionTimer({
            "name": "desk-break", "title": "Desk break",
            "steps": [{"label": "Shoulder rolls", "seconds": 30},
                      {"label": "Knee hug", "seconds": 20, "side": "each"}],
        })
        timer

    When a kernel is connected, the timer reports back: ``completed`` (segments done so far)
    changes at every step and ``finished`` becomes True at the end. Watch them as with any
    widget::

        def done(change):
            if change["new"]:
                print("Finished:", timer.completed_steps)

        timer.observe(done, names="finished")
    """

    _esm = esm_module("timer_machine.js", "timer_device.js", "timer_resume.js", "timer.js")
    _css = css_module("timer.css")

    title = traitlets.Unicode().tag(sync=True)
    segments = traitlets.List().tag(sync=True)
    completed = traitlets.Int(0).tag(sync=True)
    finished = traitlets.Bool(False).tag(sync=True)
    # Tones, fixed texts and language (timer_cues), the diary's description, and the key
    # under which an interrupted session is kept for resuming.
    cues = traitlets.Dict().tag(sync=True)
    diary = traitlets.Dict().tag(sync=True)
    session_id = traitlets.Unicode().tag(sync=True)
    # The diary's description (with its entry form's module) is read only when a session ends: the built book
    # keeps it in a file the page loads then (book/_ext/widget_state.py), so a first view downloads less.
    _on_demand = traitlets.List(["diary"]).tag(sync=True)

    def __init__(self, session: Routine | Plan | dict | str, **kwargs):
        self.session = as_session(session)
        segments = [s.to_dict() for s in self.session.segments()]
        super().__init__(title=self.session.title, segments=segments,
                         session_id=session_key(self.session.title, segments), **timer_state(), **kwargs)

    @traitlets.observe("title", "segments")
    def _new_session(self, _change) -> None:
        """A session set from Python gets its own key, so a saved place is never misapplied."""
        self.session_id = session_key(self.title, self.segments)

    @property
    def current_step(self) -> str | None:
        """What the timer shows now (e.g. "Hamstring stretch, left side"), or None once finished."""
        if self.finished or self.completed >= len(self.segments):
            return None
        return _describe(self.segments[self.completed])

    @property
    def completed_steps(self) -> list[str]:
        """The exercises done so far, in order, e.g. ``["Hamstring stretch, left side"]``.

        Getting ready, switching sides, rests and talks are not counted.
        """
        return [_describe(s) for s in self.segments[: self.completed] if s["kind"] == "work"]


def _describe(segment: dict) -> str:
    return segment["label"] + (f", {segment['side']} side" if segment.get("side") else "")


def timer_state() -> dict:
    """The timer's state besides its session: for any view that runs the timer module itself."""
    return {"cues": cues(), "diary": browser_spec()}


TIMER_ON_DEMAND = ["timer_esm", "timer_css", "timer_state"]


class TimerHost(anywidget.AnyWidget):
    """A widget whose view runs session timers inside itself (My routine, the plan builder).

    It carries the timer's module, styles and state; its view starts a session with
    ``embeddedTimer(model, host).run({title, segments, session_id})`` (``static/_shared.js``),
    which hands them to the timer module's ``embed``.
    """

    timer_esm = traitlets.Unicode().tag(sync=True)
    timer_css = traitlets.Unicode().tag(sync=True)
    timer_state = traitlets.Dict().tag(sync=True)  # the timer's cues and diary
    # Read only when the reader starts a session: the built book keeps them in a file the page loads then
    # (book/_ext/widget_state.py), so a first view downloads less. A subclass adds its own: TIMER_ON_DEMAND + [...].
    _on_demand = traitlets.List(TIMER_ON_DEMAND).tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(timer_esm=str(SessionTimer._esm), timer_css=str(SessionTimer._css), timer_state=timer_state(),
                         **kwargs)


def session_key(title: str, segments: list[dict]) -> str:
    """A short key that changes whenever the session does (so a saved place is never misapplied)."""
    text = json.dumps([title, segments], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
