"""The diary file and the clinician's summary in the browser (static/rules.js: readDiaryFile, diarySummary) held to
Python's (backease.model.diary_file, backease.model.diary_summary) over generated files and diaries, in node, on
the module text the progress page gets; the summary on the clocks of several time zones."""
from __future__ import annotations

import json
import re
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.errors import DataError
from backease.model.diary import FORMAT, check_entry
from backease.model.diary_file import PARTS, VERSION, read_file
from backease.model.diary_summary import summary
from backease.model.home import Stored, progress, stored_from_dict
from backease.model.levels import LEVELS
from backease.model.library import get_routine
from backease.widgets.diary_view import DiaryView
from node_module import JSError, NodeModule
from test_widgets_static_rules import ENTRIES
from test_widgets_static_rules_home import CONDITION_IDS, diaries, plans, stored_values
from conftest import cases

CASES = settings(max_examples=cases(120), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
VIEW = DiaryView()
SPEC, FILE, HOME, SUMMARY = VIEW.spec, VIEW.file, VIEW.home, VIEW.summary
ZONES = ["Pacific/Auckland", "America/New_York", "Pacific/Kiritimati"]


@pytest.fixture(scope="module", params=ZONES)
def zoned(request):
    """The progress page's module in node, its clock in one of ZONES; and that zone."""
    module = NodeModule(DiaryView._esm, request.param)
    yield module, ZoneInfo(request.param)
    module.close()


@pytest.fixture(scope="module")
def page_module():
    module = NodeModule(DiaryView._esm)
    yield module
    module.close()


@st.composite
def files(draw):
    """A file as the page exports it, then now and then one part changed, dropped or added to; or another text."""
    plan = draw(plans)
    data = {"format": FORMAT, "version": VERSION, "entries": draw(diaries(plan)),
            "home_plan": draw(st.sampled_from([None, Stored(plan).to_dict(), Stored(plan).to_dict()]) | stored_values()),
            "conditions": draw(st.one_of(st.none(), st.lists(st.sampled_from(CONDITION_IDS), max_size=4)))}
    changes = ["format", "version", "drop", "extra", "entry", "entry", "entries", "conditions", "conditions"]
    for change in draw(st.lists(st.sampled_from(changes), max_size=2)) if draw(st.booleans()) else []:
        if change == "format":
            data["format"] = draw(st.sampled_from(["backease-my-routine", None, 2]))
        elif change == "version":
            data["version"] = draw(st.sampled_from([1, 1.0, 2.0, 3, 17, 0, -1, 1.5, "2", True, None, [2]]))
        elif change == "drop":
            data.pop(draw(st.sampled_from(PARTS)), None)
        elif change == "extra":
            data[draw(st.sampled_from(["photos", "Entries", "home-plan"]))] = draw(st.sampled_from([None, [], 1]))
        elif change == "entry":
            kept = data.get("entries")
            data["entries"] = [*(kept if isinstance(kept, list) else []), draw(ENTRIES)]
        elif change == "entries":
            data["entries"] = draw(st.sampled_from([None, {}, "x", 3]))
        else:
            data["conditions"] = draw(st.one_of(st.lists(st.sampled_from([*CONDITION_IDS, "gout", "", 3, None]), max_size=3),
                                                st.sampled_from(["pregnancy", {}, 1, True])))
    text = json.dumps([data] if draw(st.integers(0, 9)) == 0 else data)
    kind = draw(st.integers(0, 9))
    return text if kind > 1 else text[:-1] if kind else draw(
        st.sampled_from(["", "NaN", '{"format":"backease-diary","version":Infinity,"entries":[]}']))


PART = re.compile(r"^This file's (diary, entry \d+|home plan)")


@CASES
@given(files())
def test_the_browser_reads_a_diary_file_exactly_as_python_does(page_module, text):
    try:
        read = read_file(text)
        expected = {"entries": read.entries, "home_plan": read.home.to_dict() if read.home else None,
                    "conditions": None if read.conditions is None else list(read.conditions)}
    except DataError as err:
        expected = str(err)
    try:
        got = page_module("readDiaryFile", SPEC, FILE, HOME, CONDITION_IDS, text, "This file")
    except JSError as err:
        got = str(err)
    if isinstance(expected, str) and isinstance(got, str) and PART.match(expected):
        # An entry's or the plan's own check has its words in each language; both name the same part.
        assert PART.match(got) and PART.match(got)[0] == PART.match(expected)[0], (got, expected)
    else:
        assert got == expected, text


@st.composite
def summary_cases(draw):
    """A plan kept (or none, or changes taken back) and a diary around it, with times, ratings, notes and sessions
    that name course levels."""
    plan = draw(plans)
    entries = []
    for entry in draw(diaries(plan)):
        extra = draw(st.fixed_dictionaries({}, optional={
            "done_seconds": st.one_of(st.integers(0, 7200), st.floats(0, 7200)), "finished": st.booleans(),
            "pain_before": st.integers(0, 10), "pain_after": st.integers(0, 10),
            "note": st.sampled_from(["Easier", "  \u3000stiff\n", "\x1c", "\ufeff", " ", "a\U0001f600" * 130, "x" * 239]),
            "session": st.sampled_from([get_routine(lv.name).title for lv in LEVELS] + ["Belly breathing"])}))
        entries.append(check_entry({**entry, **extra}))
    kept = draw(st.one_of(st.none(), st.just(Stored(plan)), st.just("undone")))
    if kept == "undone":
        changes = [c.id for c in progress(plan, entries).changes]
        kept = Stored(plan, tuple(draw(st.lists(st.sampled_from(changes), max_size=2))) if changes else ())
    return entries, kept


@settings(CASES, max_examples=cases(50))
@given(summary_cases(), st.integers(1, 8), st.integers(2, 300))
def test_the_browser_sums_a_diary_up_exactly_as_python_does(zoned, case, notes, note_chars):
    module, zone = zoned
    entries, kept = case
    expected = summary(entries, zone, kept, notes, note_chars).to_dict()
    data = {**SUMMARY, "notes": notes, "note_chars": note_chars}
    stored = kept and stored_from_dict(kept.to_dict())
    got = module("diarySummary", data, HOME, stored and stored.to_dict(), entries)
    assert got == expected


def test_an_entry_late_in_the_evening_counts_on_the_readers_day(zoned):
    module, zone = zoned
    entry = check_entry({"id": "a", "date": "2027-01-03T11:30:00.000Z", "session": "Belly breathing"})
    day = summary([entry], zone).first
    assert module("diarySummary", SUMMARY, HOME, None, [entry])["first"] == day
    assert day == ("2027-01-03" if zone.key == "America/New_York" else "2027-01-04")
