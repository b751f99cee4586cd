"""The home programme widget: set up six weeks on the days you choose, then "Today" (the next session, one
Start), the week, its reading, every level change with its reason and an undo, and the calendar file.

Python sends the plan's shape, words and limits (``home_data``), each routine's segments and the moves between
positions; the browser keeps the reader's plan (``model.home.STORE_KEY``) and reads their diary, and decides on
them offline with Python's rules as written once in ``static/rules.js`` (``homeProgress``, ``homeSession``,
``homeCalendar``, ``checkHomeStore``, ``readHomeStore``), which tests/test_widgets_static_rules.py holds to
``model.home`` and ``text.calendar``. The module's parts: ``home_programme_state.js`` (what the view shows for a
kept plan, the diary and a date: no DOM, no storage; tests/test_widgets_static_home_programme_state.py),
``home_programme_store.js`` (the plan kept in the browser, all or nothing when it refuses) and
``home_programme.js`` (the view). ``compact=True`` shows only "Today" (the welcome page).
"""
from __future__ import annotations

from html import escape
from pathlib import Path

import traitlets

from ..model import conditions, diary, home
from ..model.education import get_talk
from ..model.levels import EXERCISES, PROGRESSION, UP_AFTER, levels_of
from ..model.library import get_routine
from ..model.logistics import TALK_POSITION, transition_segments
from ..model.positions import FLOOR_POSITIONS, POSITIONS
from ..text.calendar import CALENDAR
from ..text.storage import REFUSED
from .my_conditions import store_spec
from .static_modules import esm_module
from .timer import TIMER_ON_DEMAND, TimerHost

_STATIC = Path(__file__).parent / "static"


def _exercises() -> list[str]:
    return [e for w in home.PLAN_WEEKS for e in w.adds]


def routine_names() -> list[str]:
    """Every routine a home session may run: each level of the plan's exercises, the calm start and end, the
    flare-up session."""
    return [lv.name for e in _exercises() for lv in levels_of(e)] + [home.CALM_START, home.CALM_END, home.FLARE_UP]


def home_data() -> dict:
    """The plan's shape, rules, words and limits, as the browser reads them."""
    return {
        "store_key": home.STORE_KEY, "store_version": home.STORE_VERSION, "reminder_pattern": home.REMINDER,
        "reminder_at": home.REMINDER_AT, "weeks_count": home.WEEKS, "days_a_week": list(home.DAYS_A_WEEK),
        "minutes": list(home.MINUTES), "per_session": home.PER_SESSION, "weekdays": list(home.WEEKDAYS),
        "length": home.LENGTH, "invite": home.INVITE, "offer_title": home.OFFER_TITLE, "offer_link": home.OFFER_LINK,
        "shape_note": home.SHAPE_NOTE, "rule_note": home.RULE_NOTE,
        "calm_start": home.CALM_START, "calm_end": home.CALM_END,
        "flare_up": home.FLARE_UP, "names": home.NAMES, "reasons": home.REASONS, "answers": home.ANSWERS,
        "verdicts": {a: PROGRESSION[home.AS_CLASS[a]] for a in home.ANSWERS}, "up_after": UP_AFTER,
        "floor_positions": list(FLOOR_POSITIONS), "start_position": TALK_POSITION,
        "starts": {r: home._starts(r) for r in routine_names()},
        "weeks": [{"number": w.number, "adds": list(w.adds), "title": get_talk(w.talk).title,
                   "reading": list(get_talk(w.talk).reading)} for w in home.PLAN_WEEKS],
        # the exercises' order, and their advice as [condition, words] pairs: a built page's widget state has its keys sorted
        "exercise_order": list(_exercises()),
        "exercises": {e: {"title": EXERCISES[e].title, "levels": [lv.name for lv in levels_of(e)],
                          "advice": {k: list(v.items()) for k, v in home.advice_table(e).items()}} for e in _exercises()},
        "calendar": CALENDAR, "conditions_store": store_spec(),
        "conditions": [{"id": c.id, "name": c.name, "explain": c.explain} for c in conditions.CONDITIONS],
        "advice_titles": conditions.ADVICE_TITLES, "refused": REFUSED,
    }


def offer_html(page: str) -> str:
    """The compact view's first view for a reader with no plan kept (the welcome page's, on a first visit): the
    element tree home_programme.js draws then, so that the built page shows it before the view has loaded
    (``_placeholder``) and nothing below it moves when the view takes its place. Its parts are on lines of their
    own, which changes nothing drawn, so that the page's text, as search results quote it, keeps its words apart."""
    return (f'<section class="be-home be-home-compact" aria-label="{escape(home.OFFER_TITLE)}">\n'
            '<p class="be-home-message" role="alert"></p>\n<div class="be-home-today">\n'
            f'<h2>{escape(home.OFFER_TITLE)}</h2>\n<p>{escape(home.INVITE)}</p>\n'
            f'<a href="{escape(page)}" class="be-home-make">{escape(home.OFFER_LINK)}</a>\n</div>\n'
            '<div class="be-home-timer"></div>\n</section>')


def _shape(segment: dict, full: bool) -> dict:
    """A segment in full, to run, or only where and how long (to name and time a session)."""
    return segment if full else {k: segment[k] for k in ("position", "start", "seconds") if segment.get(k) is not None}


def _routines(full: bool) -> list[dict]:
    """Each routine's title and segments."""
    return [{"name": r.name, "title": r.title, "hand_out": [], "segments": [_shape(s.to_dict(), full) for s in r.segments()]}
            for r in map(get_routine, routine_names())]


def _moves(full: bool) -> dict:
    """For every pair of positions, the moves between them at home (as ``Plan`` adds them)."""
    return {a: {b: [_shape(s.to_dict(), full) for s in transition_segments(a, b, [], "home")] for b in POSITIONS}
            for a in POSITIONS}


class HomeProgramme(TimerHost):
    """Your six-week home programme: ``HomeProgramme()``; ``HomeProgramme(compact=True)`` shows only "Today".

    The plan is kept in the browser. From Python, set ``plan`` to a ``HomePlan``'s dict to give the view a plan
    (``HomeProgramme(plan=HomePlan((1, 3, 5), date.today()).to_dict())``); ``home_plan`` is the reader's plan
    as a ``HomePlan`` once they have made one (None before).
    """

    _esm = esm_module("rules.js", "conditions_store.js", "diary_core.js", "home_programme_state.js",
                      "home_programme_store.js", "home_programme.js")
    _css = _STATIC / "home_programme.css"

    home = traitlets.Dict().tag(sync=True)
    shapes = traitlets.List().tag(sync=True)  # each routine's segments: where and how long
    library = traitlets.List().tag(sync=True)  # each routine's segments in full, to run
    move_shapes = traitlets.Dict().tag(sync=True)  # the moves between positions: where and how long
    moves = traitlets.Dict().tag(sync=True)  # in full, to run
    diary = traitlets.Dict().tag(sync=True)
    compact = traitlets.Bool(False).tag(sync=True)
    page = traitlets.Unicode("").tag(sync=True)  # the programme's page, for the compact view's link
    plan = traitlets.Dict().tag(sync=True)  # the reader's plan (HomePlan.to_dict()), {} before they make one
    # Needed only when the reader starts a session: the built book loads them then (book/_ext/widget_state.py).
    _on_demand = traitlets.List(TIMER_ON_DEMAND + ["library", "moves"]).tag(sync=True)
    # What the built page shows until the view has loaded (book/_ext/widget_state.py): compact, the offer.
    _placeholder = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs):
        if isinstance(kwargs.get("plan"), home.HomePlan):
            kwargs["plan"] = kwargs["plan"].to_dict()
        if kwargs.get("compact") and not kwargs.get("plan"):
            kwargs["_placeholder"] = offer_html(kwargs.get("page", ""))
        super().__init__(home=home_data(), shapes=_routines(False), library=_routines(True),
                         move_shapes=_moves(False), moves=_moves(True),
                         diary={k: v for k, v in diary.spec().items()}, **kwargs)

    @traitlets.validate("plan")
    def _check_plan(self, proposal):
        value = proposal["value"]
        if value:
            home.plan_from_dict(value, "HomeProgramme's plan")  # a bad plan from Python is refused by name
        return value

    @property
    def home_plan(self) -> home.HomePlan | None:
        """The reader's plan, or None before they make one."""
        return home.plan_from_dict(self.plan) if self.plan else None
