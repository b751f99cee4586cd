"""The progress page's summary for a clinician (widgets/diary_view.py CLINICIAN, static/diary_charts.js): from a
seeded diary and home plan it prints alone on one A4 page, with the numbers of Python's summary
(model/diary_summary.py) on the browser's clock: dates, totals, pain by week, the levels reached in sessions and in
the home plan, the home programme's answers and the most recent notes; nothing leaves the device."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from backease.model import diary
from backease.model.diary_summary import NOTE_CHARS, NOTES, summary
from backease.model.home import STORE_KEY, HomePlan, Stored
from backease.model.levels import EXERCISES, LEVELS
from backease.model.library import get_routine
from backease.widgets.diary_view import CLINICIAN
from conftest import keep, open_built, settled_problems

MONDAY = datetime(2026, 1, 5, 12, tzinfo=timezone.utc)  # noon: the same day in any nearby time zone
TRUNK = [lv for lv in LEVELS if lv.exercise == "trunk-control"]


def entry(n: int, days: int, **fields) -> dict:
    when = MONDAY + timedelta(days=days)
    return diary.check_entry({"id": f"e{n}", "date": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "session": "Belly breathing",
                              **fields})


def seeded(weeks: int, note_length: int) -> list[dict]:
    """Sessions on Mondays and Thursdays (none in week 3), pain mostly rated, a note now and then, course levels."""
    entries = []
    for w in range(weeks):
        for d in (0, 3):
            n = len(entries)
            if w == 2:
                continue
            fields = {"done_seconds": 300 + 37 * n, "planned_seconds": 600, "finished": n % 5 != 4}
            if n % 4 != 3:
                fields |= {"pain_before": (n * 3) % 11, "pain_after": (n * 7) % 11}
            if n % 3 == 0:
                fields["note"] = (f"Note {n}: " + "the left side felt easier today " * 20)[:note_length]
            if n in (1, 5, 9):
                fields["session"] = get_routine(TRUNK[min(n // 4, len(TRUNK) - 1)].name).title
            if n in (6, 7):  # two home sessions that felt too easy: the plan moves their exercises up
                fields |= {"home_session": "home-week-5", "how_it_went": "too-easy"}
            entries.append(entry(n, 7 * w + d, **fields))
    return entries


PLAN = Stored(HomePlan((1, 3, 4), MONDAY.date()))  # from the diary's first week


def print_summary(page, server, entries):
    keep(page, server, {diary.KEY: json.dumps({"format": diary.FORMAT, "version": diary.VERSION, "entries": entries}),
                        STORE_KEY: json.dumps(PLAN.to_dict())})
    open_built(page, f"{server}/book/home/progress.html")
    page.evaluate("window.printed = 0; window.print = () => { window.printed += 1; }; null")  # the dialog
    page.get_by_role("button", name=CLINICIAN["button"]).click()
    page.wait_for_function("window.printed === 1")
    page.emulate_media(media="print")
    alone = page.locator("#be-print-area").is_visible() and not page.locator("article.bd-article").is_visible()
    summary = page.locator("#be-print-area .be-summary")
    pdf = page.pdf(format="A4", print_background=False)  # its "afterprint" shows the page again
    return summary, len(re.findall(rb"/Type\s*/Page(?!s)", pdf)), alone


@pytest.mark.parametrize("weeks, note_length", [(8, 80), (30, 500)])
def test_the_summary_prints_alone_on_one_a4_page_with_the_diarys_totals(reused_page, server, weeks, note_length):
    page, watch = reused_page
    entries = seeded(weeks, note_length)
    summary_box, pages, alone = print_summary(page, server, entries)
    assert pages == 1 and alone, pages
    zone = ZoneInfo(page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone"))
    numbers = summary(entries, zone, PLAN)
    totals = summary_box.locator("[data-total]").all_inner_texts()
    assert totals == [str(numbers.sessions), str(numbers.minutes), str(numbers.stopped)]
    assert numbers.sessions == len(entries)
    rows = summary_box.locator(".be-summary-weeks tbody tr").evaluate_all(
        "rs => rs.map(r => [...r.cells].slice(1).map(c => c.textContent))")
    shown = lambda x: "\u2013" if x is None else f"{x:g}"  # noqa: E731
    assert rows == [[str(w.sessions), str(w.minutes), shown(w.pain_before), shown(w.pain_after)]
                    for w in numbers.weeks[-CLINICIAN["weeks"]:]]
    text = summary_box.inner_text()
    assert CLINICIAN["privacy"] in text and CLINICIAN["title"] in text
    assert (CLINICIAN["weeks_more"].format(shown=CLINICIAN["weeks"], all=weeks) in text) == (weeks > CLINICIAN["weeks"])
    # The highest level of trunk control the sessions name, and the home plan's moves up.
    top = max((lv for lv in TRUNK if any(get_routine(lv.name).title == e["session"] for e in entries)), key=lambda lv: lv.number)
    home = {lv.exercise for lv in numbers.levels} - {"trunk-control"}
    assert home, "the home plan moved exercises up"
    items = summary_box.locator("li", has_text=", first on ").all_inner_texts()
    assert [t.split(", first on")[0] for t in items] == [f"{EXERCISES[lv.exercise].title}: level {lv.number}" for lv in numbers.levels]
    assert f"{EXERCISES['trunk-control'].title}: level {top.number}" in [t.split(", first on")[0] for t in items]
    assert CLINICIAN["home"].format(count=2, answers="too easy 2") in text
    notes = [e for e in entries if "note" in e]
    noted = summary_box.locator(".be-summary-notes li").all_inner_texts()
    assert len(noted) == len(numbers.notes) == min(len(notes), NOTES)
    assert all(t.endswith(f", {n.session}: {n.text}") and len(n.text) <= NOTE_CHARS for t, n in zip(noted, numbers.notes))
    assert numbers.notes[-1].text.startswith(notes[-1]["note"][:40])
    # Black on white.
    colours = summary_box.evaluate("s => [getComputedStyle(s).color, getComputedStyle(s).backgroundColor]")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    page.emulate_media(media="screen")
    assert not settled_problems(watch)


def test_an_empty_diary_cannot_print_a_summary(reused_page, server):
    page, watch = reused_page
    open_built(page, f"{server}/book/home/progress.html")
    assert page.get_by_role("button", name=CLINICIAN["button"]).is_disabled()
    assert not settled_problems(watch)
