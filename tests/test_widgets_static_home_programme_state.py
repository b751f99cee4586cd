"""What the home programme shows (static/home_programme_state.js: homeView, homeUndo, homePutBack, homeFollow), without a DOM
or storage: the widget's own module text run in node over generated plans, diaries, changes taken back and days,
held to Python's plan and progression (backease.model.home)."""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.model.diary import DATE_TIME
from backease.model.home import NAMES, REMINDER_AT, WEEKS, WEEKDAYS, PLAN_WEEKS, Stored, progress
from backease.model.levels import EXERCISES
from backease.widgets.home_programme import HomeProgramme
from node_module import NodeModule
from test_widgets_static_rules import CONDITION_IDS, diaries, plans
from conftest import cases

CASES = settings(max_examples=cases(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
WIDGET = HomeProgramme()
HOME, SHAPES, MOVE_SHAPES = WIDGET.home, WIDGET.shapes, WIDGET.move_shapes


@pytest.fixture(scope="module")
def state():
    module = NodeModule(HomeProgramme._esm)  # the module the page gets: the rules, the state, the store, the view
    yield module
    module.close()


def written_day(entry) -> date:
    """The day an entry counts on: its date as written."""
    return datetime.fromisoformat(entry["date"].replace("Z", "+00:00")).date()


@st.composite
def cases(draw):
    """A kept plan (some of its changes taken back), its diary, and a day from before its start to after its end."""
    plan = draw(plans)
    entries = draw(diaries(plan))
    ids = [c.id for c in progress(plan, entries).changes]
    undone = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []
    reminder = draw(st.sampled_from([REMINDER_AT, "06:05", "23:59"]))
    now = plan.start + timedelta(days=draw(st.integers(-9, WEEKS * 7 + 9)))
    return Stored(plan, tuple(undone), reminder), entries, now


def view(state, kept: Stored | dict, entries, now: date) -> dict:
    kept = kept.to_dict() if isinstance(kept, Stored) else kept
    return state("homeView", HOME, SHAPES, MOVE_SHAPES, kept, entries, now.isoformat(), DATE_TIME)


@CASES
@given(cases())
def test_today_is_the_session_pythons_plan_gives(state, case):
    kept, entries, now = case
    plan = kept.plan
    today = view(state, kept, entries, now)["today"]
    expected = progress(plan, entries, kept.undone)
    week = plan.week_of(now)
    assert today["phase"] == ("on" if week else "before" if now < plan.start else "after")
    assert today["week"] == (week or WEEKS) and today["start"] == plan.start.isoformat()
    assert (today["done"], today["number"], today["total"]) == (expected.done, expected.done + 1, len(plan.dates()))
    assert (today["levels"], today["flare_up"]) == (expected.levels, expected.flare_up_next)
    assert today["planned"] == next((d.isoformat() for d, _ in plan.dates() if d >= now), None)
    if today["phase"] == "before":
        assert "session" not in today
        return
    session = plan.session(today["week"], expected.done, expected.levels, expected.flare_up_next)
    assert today["session"] == {"name": session.name, "title": session.title,
                                "routines": [b.routine for b in session.blocks],
                                "minutes": math.floor(session.total_seconds / 60 + 0.5)}


@CASES
@given(cases())
def test_the_changes_weeks_reading_and_notes_are_pythons(state, case):
    kept, entries, now = case
    plan = kept.plan
    shown = view(state, kept, entries, now)
    assert shown["changes"] == [{"id": c.id, "words": c.words} for c in progress(plan, entries, kept.undone).changes]
    assert shown["taken_back"] == len(kept.undone) and shown["reminder"] == kept.reminder
    assert shown["days"] == [WEEKDAYS[d - 1] for d in plan.days]
    prefix = NAMES["name"].split("{")[0]
    counted = [plan.week_of(written_day(e)) for e in entries
               if e.get("home_session", "").startswith(prefix) and not e.get("flare_up")]
    current = plan.week_of(now)
    for w, row in zip(PLAN_WEEKS, shown["weeks"], strict=True):
        assert row["number"] == w.number and row["current"] == (w.number == current)
        assert row["done"] == counted.count(w.number)
        assert row["planned"] == sum(1 for _, n in plan.dates() if n == w.number)
        assert row["adds"] == [EXERCISES[e].title for e in w.adds if e in plan.exercises(w.number)]
    reading = HOME["weeks"][(current or WEEKS) - 1]
    assert shown["reading"] == {"title": reading["title"], "paragraphs": reading["reading"]}
    notes = shown["notes"]
    if plan.left_out:
        assert notes.pop(0) == (f"Left out of your plan, because of a condition you ticked: "
                                f"{', '.join(EXERCISES[e].title for e in plan.left_out)}.")
    advised = [(EXERCISES[e].title, name, text) for e in HOME["exercise_order"] for kind in ("ask", "adapt")
               for name, text in plan.advice(e, kind)]
    assert len(notes) == len(advised)
    assert all(n.startswith(f"{title}: ") and f"({name}). {text}" in n for n, (title, name, text) in zip(notes, advised))


@CASES
@given(cases(), st.data())
def test_an_undo_takes_back_that_change_and_put_back_restores_them_all(state, case, data):
    kept, entries, now = case
    changes = view(state, kept, entries, now)["changes"]
    if not changes:
        return
    change = data.draw(st.sampled_from(changes))
    after = state("homeUndo", kept.to_dict(), change["id"])
    assert after == {**kept.to_dict(), "undone": [*kept.undone, change["id"]]}
    expected = progress(kept.plan, entries, (*kept.undone, change["id"]))
    assert view(state, after, entries, now)["changes"] == [{"id": c.id, "words": c.words} for c in expected.changes]
    assert change not in view(state, after, entries, now)["changes"]
    back = state("homePutBack", after)
    assert back == {**kept.to_dict(), "undone": []}
    assert view(state, back, entries, now)["changes"] == [{"id": c.id, "words": c.words}
                                                          for c in progress(kept.plan, entries).changes]


@CASES
@given(plans, st.lists(st.sampled_from(CONDITION_IDS), unique=True, max_size=4))
def test_the_plan_follows_the_conditions_ticked_only_when_they_differ(state, plan, ticked):
    kept = Stored(plan).to_dict()
    follow = state("homeFollow", kept, ticked or None)
    if not ticked or set(ticked) == set(plan.conditions):
        assert follow is None
    else:
        assert follow == {**kept, "plan": {**kept["plan"], "conditions": ticked}}
