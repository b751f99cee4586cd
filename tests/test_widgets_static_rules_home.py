"""The home programme's rules in the browser (static/rules.js: homeProgress, homeSession, homeDates, homeCalendar,
checkHomeStore) held to Python's (backease.model.home, backease.text.calendar) over generated plans and diaries,
in node, on the module text the widget sends."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.errors import HomePlanError
from backease.model.conditions import CONDITIONS
from backease.model.diary import DATE_TIME, check_entry
from backease.model.home import ANSWERS, WEEKS, HomePlan, progress, stored_from_dict
from backease.model.levels import levels_of
from backease.text.calendar import calendar_file
from backease.widgets.home_programme import HomeProgramme
from node_module import JSError
from conftest import cases

CASES = settings(max_examples=cases(100), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WIDGET = HomeProgramme()
HOME, LIBRARY, SHAPES, MOVES = WIDGET.home, WIDGET.library, WIDGET.shapes, WIDGET.moves
MOVE_SHAPES = WIDGET.move_shapes
CONDITION_IDS = [c.id for c in CONDITIONS]


plans = st.builds(lambda days, start, conditions: HomePlan(tuple(days), start, tuple(conditions)),
                  st.sets(st.integers(1, 7), min_size=3, max_size=5), st.dates(date(2020, 1, 1), date(2035, 12, 31)),
                  st.lists(st.sampled_from(CONDITION_IDS), max_size=3, unique=True))


def written(when: datetime, how: str) -> str:
    """A date and time as a diary may hold it: as the browser writes it (UTC), with an offset, or with none."""
    if how == "utc":
        return when.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if how == "offset":
        return when.isoformat(timespec="seconds")
    return when.replace(tzinfo=None).isoformat(timespec="minutes")


@st.composite
def diaries(draw, plan: HomePlan):
    """Entries around the plan's six weeks: its sessions (any week's name, a flare-up, how it went or not) and others."""
    entries = []
    for n in range(draw(st.integers(0, 3 * WEEKS))):
        day = plan.start + timedelta(days=draw(st.integers(-3, WEEKS * 7 + 3)))
        zone = timezone(timedelta(minutes=draw(st.sampled_from([0, 60, -300, 780, -660]))))
        when = datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.integers(0, 59))), zone)
        week = draw(st.integers(1, WEEKS))
        entry = {"id": f"e{n}", "date": written(when, draw(st.sampled_from(["utc", "offset", "none"]))),
                 "session": "Home programme"}
        session = draw(st.sampled_from([f"home-week-{week}", f"home-week-{week}", f"home-week-{week}-flare-up",
                                        "starter", None]))
        if session:
            entry["home_session"] = session
        answer = draw(st.sampled_from([*ANSWERS, *ANSWERS, None]))
        if answer:
            entry["how_it_went"] = answer
        if draw(st.integers(0, 5)) == 0:
            entry["flare_up"] = draw(st.booleans())
        entries.append(check_entry(entry))
    return entries


def as_dicts(result) -> dict:
    return {"levels": result.levels, "flare_up_next": result.flare_up_next, "done": result.done,
            "changes": [{"id": c.id, "exercise": c.exercise, "before": c.before, "after": c.after, "reason": c.reason,
                         "entry": c.entry, "words": c.words} for c in result.changes]}


@CASES
@given(st.data())
def test_the_browser_moves_levels_exactly_as_python_does(rules, data):
    plan = data.draw(plans)
    entries = data.draw(diaries(plan))
    first = progress(plan, entries)
    undone = data.draw(st.lists(st.sampled_from([c.id for c in first.changes] or ["none"]), max_size=3))
    expected = as_dicts(progress(plan, entries, undone))
    assert rules("homeProgress", HOME, plan.to_dict(), entries, undone, DATE_TIME) == expected


@CASES
@given(plans, st.data())
def test_the_browser_assembles_each_session_as_python_does(rules, plan, data):
    week = data.draw(st.integers(1, WEEKS))
    number = data.draw(st.integers(0, 12))
    levels = {e: data.draw(st.integers(1, len(levels_of(e)))) for e in plan.exercises(week)}
    flare_up = data.draw(st.integers(0, 6)) == 0
    session = plan.session(week, number, levels, flare_up)
    got = rules("homeSession", HOME, LIBRARY, MOVES, plan.to_dict(), week, number, levels, flare_up)
    assert (got["name"], got["title"]) == (session.name, session.title)
    assert got["segments"] == [s.to_dict() for s in session.segments()]
    assert got["routines"] == [b.routine for b in session.blocks]
    light = rules("homeSession", HOME, SHAPES, MOVE_SHAPES, plan.to_dict(), week, number, levels, flare_up)
    assert light["seconds"] == session.total_seconds and light["routines"] == got["routines"]


@CASES
@given(plans)
def test_the_browser_lists_the_same_dates(rules, plan):
    assert rules("homeDates", HOME, plan.to_dict()) == [[d.isoformat(), w] for d, w in plan.dates()]
    assert rules("homeLeftOut", HOME, plan.to_dict()) == list(plan.left_out)


URLS = st.sampled_from(["https://example.org/guide/book/home/programme.html",
                        "file:///home/me/My%20guide/book/home/programme.html",
                        "http://127.0.0.1:8000/book/home/programme.html?a=1,2;b=\u00e9t\u00e9"])


@settings(max_examples=cases(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans, URLS, st.times().map(lambda t: t.replace(second=0, microsecond=0)),
       st.datetimes(datetime(2020, 1, 1), datetime(2035, 1, 1), timezones=st.just(timezone.utc)))
def test_the_browser_writes_the_same_calendar_file(rules, plan, url, at, stamp):
    got = rules("homeCalendar", HOME, plan.to_dict(), url, at.strftime("%H:%M"), stamp.isoformat())
    assert got == calendar_file(plan, url, at, stamp)


VALUES = st.one_of(st.none(), st.booleans(), st.integers(-2, 9), st.sampled_from([1.5, "1", "x", "", [], {}]),
                   st.text(max_size=6))
PARTS = {  # a part of the stored value, and values near the edge of what Python accepts for it
    "version": st.one_of(st.just(1), VALUES),
    "undone": st.one_of(st.lists(st.text(max_size=8), max_size=2), st.sampled_from([["a", 3], [None]]), VALUES),
    "reminder": st.one_of(st.sampled_from(["24:00", "7:30", "23:59", "00:00", "12:60", "12:00 ", "\u0661\u0662:00"]),
                          VALUES),
    "days": st.one_of(st.sampled_from([[1, 2], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7], [1, 1, 3], [7, 3, 5]]),
                      st.lists(st.integers(0, 8), max_size=7), st.lists(VALUES, max_size=4), VALUES),
    "start": st.one_of(st.sampled_from(["2027-02-29", "2028-02-29", "0000-01-01", "0001-01-01", "20270104",
                                        "2027-W01-1", "2027-1-4", "2027-01-04T00:00", "\u0662027-01-04",
                                        " 2027-01-04", "2027-13-01", "2027-04-31"]), VALUES),
    "conditions": st.one_of(st.lists(st.sampled_from([*CONDITION_IDS, "flu", 3, None]), max_size=3), VALUES),
}


@st.composite
def stored_values(draw):
    """A good stored value with none, one or two of its parts changed, dropped or added to; now and then not a
    mapping at all."""
    plan = draw(plans)
    value = {"version": 1, "plan": plan.to_dict(), "undone": draw(st.lists(st.text(max_size=8), max_size=2)),
             "reminder": draw(st.times()).strftime("%H:%M")}
    for part in draw(st.lists(st.sampled_from([*PARTS, "drop", "extra"]), max_size=2)):
        into = value.get("plan", {}) if part in ("days", "start", "conditions") else value
        if part in PARTS:
            into[part] = draw(PARTS[part])
        else:
            where = draw(st.sampled_from([value, value.get("plan", {})]))
            key = draw(st.sampled_from(sorted(where) + ["extra"]))
            if part == "drop":
                where.pop(key, None)
            else:
                where[key + "!"] = 1
    return draw(st.one_of(st.just(value), st.just(value), st.just(value), VALUES))


@CASES
@given(stored_values())
def test_the_browser_accepts_a_stored_plan_exactly_when_python_does(rules, value):
    try:
        stored = stored_from_dict(value)
    except HomePlanError:
        stored = None
    try:
        got = rules("checkHomeStore", HOME, value, "The plan kept in this browser", CONDITION_IDS)
    except JSError as err:
        assert stored is None, f"the browser refused what Python accepts: {err}"
        assert str(err).startswith("The plan kept in this browser ")
        return
    assert stored is not None, f"the browser accepted what Python refuses: {value!r}"
    assert got == {"plan": stored.plan.to_dict(), "undone": list(stored.undone), "reminder": stored.reminder}
