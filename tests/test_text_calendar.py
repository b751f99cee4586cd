"""The home programme's calendar file, read back by a real calendar library (icalendar): one event per session
on the chosen days, each linking to its session, in a file any calendar can import."""
from datetime import date, datetime, time, timezone

import icalendar
from hypothesis import given, settings, strategies as st

from backease.model.home import MINUTES, HomePlan
from backease.text.calendar import calendar_file, plan_key
from conftest import cases

URL = "https://example.org/guide/book/home/programme.html"
STAMP = datetime(2027, 1, 1, 12, 0, tzinfo=timezone.utc)


@settings(max_examples=cases(40))
@given(days=st.sets(st.integers(1, 7), min_size=3, max_size=5),
       start=st.dates(date(2026, 1, 1), date(2030, 12, 31)),
       at=st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_every_session_is_an_event_on_its_day_linking_to_it(days, start, at):
    plan = HomePlan(tuple(days), start)
    text = calendar_file(plan, URL, at, STAMP)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n")), "lines are folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == len(plan.dates()) == 6 * len(days)
    for n, (event, (day, week)) in enumerate(zip(events, plan.dates()), 1):
        assert event.decoded("DTSTART") == datetime.combine(day, at)
        assert event.decoded("DTSTART").isoweekday() in days
        assert event.decoded("DURATION").total_seconds() == MINUTES[1] * 60
        assert str(event["URL"]) == f"{URL}#{plan_key(plan)}-{n}" and str(event["URL"]) in str(event["DESCRIPTION"])
        assert str(event["SUMMARY"]).startswith(f"Back exercises: week {week}, session ")
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_the_same_plan_gives_the_same_events_again():
    plan = HomePlan((1, 3, 5), date(2027, 1, 4))
    assert calendar_file(plan, URL, time(7, 30), STAMP) == calendar_file(plan, URL, time(7, 30), STAMP)
    assert "PRODID:-//Easing a Tight Back//Home programme//EN" in calendar_file(plan, URL, stamp=STAMP)
