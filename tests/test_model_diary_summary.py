"""The clinician's summary's numbers (model/diary_summary.py), worked by hand: the reader's days and weeks, the
browser's rounding, the levels reached in sessions and in the home plan, the notes cut to fit."""
from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from backease.model.diary import check_entry
from backease.model.diary_summary import Note, Reached, Week, js_round, summary
from backease.model.home import HomePlan, Stored, progress
from backease.model.levels import EXERCISES, LEVELS
from backease.model.library import get_routine

AUCKLAND = ZoneInfo("Pacific/Auckland")  # UTC+13 in January
TRUNK = [lv for lv in LEVELS if lv.exercise == "trunk-control"]


def entry(n, when, **fields):
    return check_entry({"id": f"e{n}", "date": when, "session": "Belly breathing", **fields})


def test_the_browsers_rounding():
    assert [js_round(x) for x in (2.5, 3.5, -2.5, 22.5, 0.49)] == [3, 4, -2, 23, 0]


def test_days_and_weeks_are_the_readers():
    entries = [
        entry(1, "2027-01-03T11:30:00.000Z", pain_before=2, done_seconds=90),  # Monday 4 Jan, 00:30 in Auckland
        entry(2, "2027-01-10T09:00", pain_before=3, pain_after=1, done_seconds=30),  # no zone: Sunday 10 Jan as written
        entry(3, "2027-01-10T12:00:00+00:00", pain_before=2, finished=False),  # Monday 11 Jan in Auckland
        entry(4, "2027-01-11T08:00:00+13:00", pain_before=2, pain_after=4),
        entry(5, "2027-01-25T08:00:00+13:00", note="  \u3000Easier \n"),
    ]
    got = summary(list(reversed(entries)), AUCKLAND)
    assert (got.sessions, got.minutes, got.stopped, got.first, got.last) == (5, 2, 1, "2027-01-04", "2027-01-25")
    assert got.weeks == [Week("2027-01-04", 2, 2, 2.5, 1.0), Week("2027-01-11", 2, 0, 2.0, 4.0),
                         Week("2027-01-18", 0, 0, None, None), Week("2027-01-25", 1, 0, None, None)]
    assert got.notes == [Note("2027-01-25", "Belly breathing", "Easier")] and got.notes_all == 1
    assert summary(entries, ZoneInfo("UTC")).weeks[0] == Week("2026-12-28", 1, 2, 2.0, None)  # Sunday 3 Jan in UTC


def test_averages_round_as_the_browser_does():
    entries = [entry(n, f"2027-01-0{4 + n}T09:00Z", pain_before=v) for n, v in enumerate([2, 2, 3, 2])]  # 2.25
    assert summary(entries, AUCKLAND).weeks[0].pain_before == 2.3


def test_notes_are_the_most_recent_cut_to_fit():
    entries = [entry(n, f"2027-01-{10 + n}T09:00Z", note=f"{n} " + "\U0001f600" * 300) for n in range(8)]
    got = summary(entries, AUCKLAND, notes=3, note_chars=10)
    assert [n.text for n in got.notes] == [f"{n} " + "\U0001f600" * 7 + "\u2026" for n in (5, 6, 7)]
    assert got.notes_all == 8


def test_levels_reached_in_sessions_and_in_the_home_plan():
    plan = HomePlan((1, 3, 5), date(2027, 1, 4))
    easy = [entry(n, f"2027-01-{4 + 2 * n:02d}T09:00:00+13:00", session="Home programme", home_session="home-week-1",
                  how_it_went="too-easy") for n in range(3)]
    course = entry(9, "2027-01-05T09:00:00+13:00", session=f"Class: {get_routine(TRUNK[1].name).title}")
    moved = progress(plan, easy)
    assert moved.changes, "two easy sessions in a row move the first exercises up"
    got = summary([*easy, course], AUCKLAND, Stored(plan))
    up = {c.exercise: c for c in moved.changes}
    expected = {c.exercise: Reached(c.exercise, c.after, "2027-01-06", None) for c in up.values()}
    expected["trunk-control"] = Reached("trunk-control", TRUNK[1].number, "2027-01-05", None)
    assert got.levels == [expected[e] for e in EXERCISES if e in expected]
    assert (got.home_sessions, got.answers) == (3, {"too-easy": 3})
    # A session that hurt steps the plan's exercises down: the highest level stays, with the level now.
    hurt = entry(7, "2027-01-11T09:00:00+13:00", session="Home programme", home_session="home-week-2", how_it_went="hurt")
    after = summary([*easy, hurt], AUCKLAND, Stored(plan))
    now = progress(plan, [*easy, hurt]).levels
    stepped = [lv for lv in after.levels if lv.now is not None]
    assert stepped and all(lv.now == now[lv.exercise] < lv.number for lv in stepped)
    # Taken back (undone), a change is not a level reached.
    assert summary(easy, AUCKLAND, Stored(plan, tuple(c.id for c in moved.changes))).levels == []
    assert summary(easy, AUCKLAND).levels == []  # no plan kept: the home sessions name no level
