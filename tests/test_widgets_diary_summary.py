"""The progress page's summary for a clinician (widgets/diary_view.py CLINICIAN, static/diary_view.js): from a
seeded diary it prints alone on one A4 page, with the diary's dates, totals, pain by week, the course levels
its sessions name, the home programme's answers and the most recent notes; nothing leaves the device."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from backease.model import diary
from backease.model.levels import EXERCISES, LEVELS
from backease.model.library import get_routine
from backease.widgets.diary_view import CLINICIAN
from conftest import open_built, settled_problems

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
            if n in (6, 7):
                fields |= {"home_session": "home-week-2", "how_it_went": ["too-easy", "about-right"][n - 6]}
            entries.append(entry(n, 7 * w + d, **fields))
    return entries


def expected_weeks(entries) -> list[list[str]]:
    """Each week's sessions, minutes and average pain before and after (a dash when none was rated)."""
    def average(values):
        return "\u2013" if not values else f"{round(sum(values) * 10 / len(values)) / 10:g}"

    first = min(datetime.fromisoformat(e["date"].replace("Z", "+00:00")) for e in entries)
    last = max(datetime.fromisoformat(e["date"].replace("Z", "+00:00")) for e in entries)
    rows = []
    for w in range((last - first).days // 7 + 1):
        those = [e for e in entries if (datetime.fromisoformat(e["date"].replace("Z", "+00:00")) - first).days // 7 == w]
        rows.append([str(len(those)), str(round(sum(e.get("done_seconds", 0) for e in those) / 60)),
                     average([e["pain_before"] for e in those if "pain_before" in e]),
                     average([e["pain_after"] for e in those if "pain_after" in e])])
    return rows[-CLINICIAN["weeks"]:]


def print_summary(page, server, entries):
    open_built(page, f"{server}/book/home/progress.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [diary.KEY, json.dumps({"format": diary.FORMAT, "version": diary.VERSION, "entries": entries})])
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
    summary, pages, alone = print_summary(page, server, entries)
    assert pages == 1 and alone, pages
    totals = summary.locator("[data-total]").all_inner_texts()
    assert totals == [str(len(entries)), str(round(sum(e["done_seconds"] for e in entries) / 60)),
                      str(sum(e["finished"] is False for e in entries))]
    rows = summary.locator(".be-summary-weeks tbody tr").evaluate_all(
        "rs => rs.map(r => [...r.cells].slice(1).map(c => c.textContent))")
    assert rows == expected_weeks(entries)
    text = summary.inner_text()
    assert CLINICIAN["privacy"] in text and CLINICIAN["title"] in text
    assert (CLINICIAN["weeks_more"].format(shown=CLINICIAN["weeks"], all=weeks) in text) == (weeks > CLINICIAN["weeks"])
    # The highest level of trunk control the sessions name; the home programme's two answers.
    top = max((lv for lv in TRUNK if any(get_routine(lv.name).title == e["session"] for e in entries)), key=lambda lv: lv.number)
    assert summary.locator("li", has_text=f"{EXERCISES['trunk-control'].title}: level {top.number},").count() == 1
    assert CLINICIAN["home"].format(count=2, answers="too easy 1, about right 1") in text
    notes = [e for e in entries if "note" in e]
    shown = summary.locator(".be-summary-notes li").all_inner_texts()
    assert len(shown) == min(len(notes), CLINICIAN["notes"])
    assert all(len(t.split(": ", 1)[1]) <= CLINICIAN["note_chars"] for t in shown)
    assert shown[-1].split(": ", 1)[1].startswith(notes[-1]["note"][:40])
    # Black on white.
    colours = summary.evaluate("s => [getComputedStyle(s).color, getComputedStyle(s).backgroundColor]")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    page.emulate_media(media="screen")
    assert not settled_problems(watch)


def test_an_empty_diary_cannot_print_a_summary(reused_page, server):
    page, watch = reused_page
    open_built(page, f"{server}/book/home/progress.html")
    assert page.get_by_role("button", name=CLINICIAN["button"]).is_disabled()
    assert not settled_problems(watch)
