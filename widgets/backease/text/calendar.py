"""A home programme's days as a calendar file (iCalendar, RFC 5545) that phone and desktop calendars import:
one event per session, each linking to the page where that session starts. Nothing is sent anywhere: the
reader saves the file and opens it. The browser writes the same file offline (``homeCalendar`` in
``widgets/static/rules.js``, held to this by tests) from the words here (``CALENDAR``).
"""
from __future__ import annotations

from datetime import datetime, time, timezone

from ..model.home import MINUTES, REMINDER_AT, HomePlan

CALENDAR = {
    "product": "-//Easing a Tight Back//Home programme//EN",
    "name": "Back exercises",
    "summary": "Back exercises: week {week}, session {number}",
    "description": "Your home programme, about {low} to {high} minutes. Open the session: {url}",
    "minutes": MINUTES[1],
}
DEFAULT_TIME = time.fromisoformat(REMINDER_AT)  # the reminders' time of day until the reader picks one


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """A content line folded at 75 octets, as RFC 5545 asks (a fold never splits a character)."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74  # a continuation line starts with a space
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def plan_key(plan: HomePlan) -> str:
    """A name for the plan that stays the same when it is exported again (its start and days)."""
    return f"home-{plan.start:%Y%m%d}-{''.join(map(str, plan.days))}"


def calendar_file(plan: HomePlan, page_url: str, at: time = DEFAULT_TIME, stamp: datetime | None = None) -> str:
    """The plan's sessions as an .ics text: each on its day at ``at`` (the reader's own clock), linking to
    ``page_url#<plan key>-<session number>``."""
    stamp = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc)
    key, lines = plan_key(plan), []
    per_week: dict[int, int] = {}
    for n, (day, week) in enumerate(plan.dates(), 1):
        per_week[week] = per_week.get(week, 0) + 1
        url = f"{page_url}#{key}-{n}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{key}-{n}@easing-a-tight-back",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"DTSTART:{datetime.combine(day, at):%Y%m%dT%H%M%S}",
            f"DURATION:PT{CALENDAR['minutes']}M",
            f"SUMMARY:{_escape(CALENDAR['summary'].format(week=week, number=per_week[week]))}",
            f"DESCRIPTION:{_escape(CALENDAR['description'].format(low=MINUTES[0], high=MINUTES[1], url=url))}",
            f"URL:{url}",
            "END:VEVENT",
        ]
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{CALENDAR['product']}", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", f"X-WR-CALNAME:{_escape(CALENDAR['name'])}"]
    return "".join(_fold(line) + "\r\n" for line in [*head, *lines, "END:VCALENDAR"])
