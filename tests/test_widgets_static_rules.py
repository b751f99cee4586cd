"""The browser's rules (static/rules.js) held to Python's over generated cases, in node, on the module text the
widgets send. In three parts, as rules.js is:
- what the browser accepts (a diary, its dates, an entry, a shared routine, a typed length) Python accepts, and
  the other way round; durations, numbers and a check's summary are said in Python's words;
- the home programme (homeProgress, homeSession, homeDates, homeCalendar, checkHomeStore, readHomeStore), held to
  backease.model.home and backease.text.calendar over generated plans and diaries;
- the diary file and the clinician's summary (readDiaryFile, diarySummary), held to backease.model.diary_file and
  backease.model.diary_summary over generated files and diaries, on the clocks of several time zones."""
from __future__ import annotations

import base64
import json
import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from backease.errors import DataError, HomePlanError, RoutineError
from backease.model import diary
from backease.model.conditions import CONDITIONS
from backease.model.diary import DATE_TIME, FORMAT, check_entry
from backease.model.diary_file import PARTS as FILE_PARTS, VERSION, read_file
from backease.model.diary_summary import summary
from backease.model.home import ANSWERS, WEEKS, HomePlan, Stored, progress, stored_from_dict
from backease.model.leg_length import LEG_LENGTH
from backease.model.levels import LEVELS, levels_of
from backease.model.library import ROUTINES, get_routine
from backease.model.logistics import class_routines
from backease.model.plans import MAX_REPEAT, REPEAT_NOTE, Block
from backease.model.routines import DURATION_UNITS, MAX_TOTAL_SECONDS, in_words
from backease.model.walkthroughs import WalkthroughError, mm_rules, read_mm
from backease.text.calendar import calendar_file
from backease.widgets.diary_view import DiaryView
from backease.widgets.home_programme import HomeProgramme
from backease.widgets.my_routine import MyRoutine, check_payload, from_fragment, payload, to_fragment
from backease.widgets.plan_builder import _library
from node_module import Given, JSError, Kept, NodeModule
from conftest import cases
CASES = settings(max_examples=cases(300), suppress_health_check=[HealthCheck.function_scoped_fixture])


def python_accepts(check, *args) -> bool:
    try:
        check(*args)
    except DataError:
        return False
    return True


def js_accepts(rules, name, *args) -> bool:
    try:
        rules(name, *args)
    except JSError:
        return False
    return True


@CASES
@given(st.one_of(st.integers(0, MAX_TOTAL_SECONDS + 60), st.integers(0, 400).map(lambda i: i + 0.5),
                 st.floats(0, MAX_TOTAL_SECONDS, allow_nan=False)), st.sampled_from(sorted(DURATION_UNITS)))
def test_durations_are_said_in_pythons_words(rules, seconds, kind):
    units = DURATION_UNITS[kind]
    assert rules("duration", seconds, units) == in_words(seconds, units)


def two(low, high):
    return st.integers(low, high).map(lambda n: f"{n:02d}")


# Dates near the edge of what Python reads: every part in and out of range, fractions of any
# length, zones with odd offsets, other separators, and now and then any text at all.
DATES = st.one_of(
    st.builds(
        lambda y, mo, d, sep, h, mi, sec, zone: f"{y}-{mo}-{d}{sep}{h}:{mi}{sec}{zone}",
        st.one_of(st.sampled_from(["0000", "0001", "1900", "2000", "2024", "2026", "2100", "9999"]),
                  st.integers(0, 9999).map(lambda n: f"{n:04d}"), st.sampled_from(["202", "20266", "+2026"])),
        two(0, 13), two(0, 32), st.sampled_from(["T", "T", "T", " ", "t", "X", "_"]), two(0, 25), two(0, 61),
        st.one_of(st.just(""), two(0, 61).map(lambda s: f":{s}"),
                  st.builds(lambda s, f: f":{s}.{f}", two(0, 60), st.text("0123456789", min_size=0, max_size=8)),
                  st.just(":00,5")),
        st.one_of(st.sampled_from(["", "Z", "z", "+00:00", "-00:00", "+0100", "+01", "UTC", "Z+01:00"]),
                  st.builds(lambda sign, h, m: f"{sign}{h}:{m}", st.sampled_from("+-"), two(0, 25), two(0, 99)))),
    st.text(max_size=30),
    st.sampled_from(["2026-01-31", "2026-01-31T09", "20260131T0900", "2026-W05-1T09:00", "2026-01-31T09:00:00\u0662",
                     "\u0662026-01-31T09:00", "2026-02-29T00:00", "2024-02-29T23:59:59.999999-23:59"]),
)


@CASES
@given(DATES)
def test_the_browser_reads_a_diary_date_exactly_when_python_does(rules, text):
    entry = {"id": "a", "date": text, "session": "Breathing"}
    spec = diary.spec()
    accepted = python_accepts(diary.check_entry, entry)
    assert js_accepts(rules, "checkEntry", spec, entry) == accepted, text
    got = rules("dateTime", text, spec["date_pattern"])
    assert (got is not None) == accepted, text
    when = datetime.fromisoformat(text.replace("Z", "+00:00")) if accepted else None
    if when and when.tzinfo and (when.year, when.month) > (1, 1):  # the same instant, to the millisecond
        utc = when.astimezone(timezone.utc)
        assert got == f"{utc.year:04d}-{utc:%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z", text


JSON = st.recursive(st.none() | st.booleans() | st.integers(-20, 8000) | st.floats(-1, 8000, allow_nan=False)
                    | st.text(max_size=8), lambda inner: st.lists(inner, max_size=2)
                    | st.dictionaries(st.text(max_size=3), inner, max_size=2), max_leaves=4)
NAMES = [f.name for f in diary.FIELDS]
VALUES = {  # values a field may be given: good ones, and bad ones of every kind
    "text": st.one_of(st.text(max_size=6), st.text("\U0001f600a", min_size=60, max_size=130), JSON),
    "datetime": st.one_of(st.just("2026-01-31T09:00:00.000Z"), DATES, JSON),
    "bool": st.one_of(st.booleans(), JSON),
    "choice": st.one_of(st.sampled_from([*diary.FEELINGS, "Better", [*diary.FEELINGS][:1]]), JSON),
    "int": st.one_of(st.integers(-2, 12), st.sampled_from([3.0, 2.5, 1e20, -0.0]), JSON),
    "number": st.one_of(st.integers(-2, 7300), st.floats(-10, 7300, allow_nan=False), JSON),
}
ENTRIES = st.one_of(
    st.fixed_dictionaries({}, optional={f.name: VALUES[f.kind] for f in diary.FIELDS}).flatmap(
        lambda e: st.sampled_from([e, {**e, "id": "x", "date": "2026-01-31T09:00Z", "session": "s"}])),
    st.dictionaries(st.sampled_from([*NAMES, "pain", "Date"]), JSON, max_size=4),
    JSON,
)


@CASES
@given(ENTRIES)
def test_the_browser_accepts_a_diary_entry_exactly_when_python_does(rules, entry):
    entry = json.loads(json.dumps(entry))  # as it arrives in either: through JSON
    assert js_accepts(rules, "checkEntry", diary.spec(), Given(entry)) == python_accepts(diary.check_entry, entry), entry


@CASES
@given(st.fixed_dictionaries({}, optional={
    "format": st.sampled_from([diary.FORMAT, "backease-my-routine", None]),
    "version": st.sampled_from([diary.VERSION, 1.0, True, 2, "1", None]),
    "entries": st.one_of(st.lists(ENTRIES, max_size=3), JSON)}) | JSON)
def test_the_browser_opens_a_diary_file_exactly_when_python_does(rules, data):
    data = json.loads(json.dumps(data))
    assert js_accepts(rules, "checkDiary", diary.spec(), Given(data), "This file") == python_accepts(diary.check_diary, data), data


@pytest.fixture(scope="module")
def routine_widget():
    state = MyRoutine().get_state()
    return Kept({"limits": state["limits"], "problems": state["problems"], "units": state["units"],
                 "byName": {r["name"]: r for r in state["library"]}})


@CASES
@given(st.fixed_dictionaries({}, optional={
    "format": st.sampled_from(["backease-my-routine", diary.FORMAT]),
    "version": st.sampled_from([1, 1.0, True, 2, None]),
    "title": st.one_of(st.text(max_size=4), st.sampled_from(["\ufeff", "\x1c", "\x85 ", " My routine ", "\u3000"]),
                       st.text("ab\U0001f600", min_size=40, max_size=90), JSON),
    "routines": st.one_of(st.lists(st.sampled_from([*ROUTINES, "no-such", 3]), max_size=4),
                          st.lists(st.sampled_from(sorted(ROUTINES)), min_size=25, max_size=32), JSON)}) | JSON)
# A routine quoted in an error in the link's own key order, in either (node once had it sorted):
@example({"version": 1, "routines": [{":": None, "": None}], "format": "backease-my-routine", "title": "0"})
def test_the_browser_opens_a_shared_routine_exactly_when_python_does(rules, routine_widget, data):
    data = json.loads(json.dumps(data))
    try:
        check_payload(data, "this link's routine")
        python = None
    except RoutineError as err:
        python = str(err)
    try:
        rules("checkPayload", Given(data), "this link's routine", routine_widget)
        js = None
    except JSError as err:
        js = str(err)
    assert js == python, data  # the same verdict, in the same words


# --- guided checks ----------------------------------------------------------------------------------
# What a reader may type for a length: numbers as the pattern reads them (any digits, a comma or a point, a
# sign, "mm"), near the limits, and any text at all.
TYPED_MM = st.one_of(
    st.builds(lambda sign, whole, sep, frac, unit, pad: f"{pad}{sign}{whole}{sep}{frac}{unit}{pad}",
              st.sampled_from(["", "", "+", "-"]), st.text("0123456789", max_size=4), st.sampled_from(["", ".", ","]),
              st.text("0123456789", max_size=12), st.sampled_from(["", " mm", "mm", "MM", " cm", "  mm"]),
              st.sampled_from(["", " ", "\t"])),
    st.floats(0, 120).map(str), st.integers(-5, 150).map(str),
    st.sampled_from(["", "0", "0.0", "100", "100.0000001", "99.9999999", "1e3", "NaN", "Infinity", "٣", "1,2,3"]),
    st.text(max_size=8))


@CASES
@given(TYPED_MM, st.sampled_from([100.0, 100, 12.5, 0.001]))
def test_a_typed_length_is_read_exactly_as_python_reads_it(rules, typed, max_mm):
    try:
        python = {"mm": read_mm(typed, max_mm)}
    except WalkthroughError as err:
        python = {"error": str(err)}
    assert rules("readNumber", typed, mm_rules(max_mm)) == python, typed


@CASES
@given(st.sampled_from([o for o in LEG_LENGTH.outcomes]), st.one_of(
    st.none(), st.floats(1e-9, 100, exclude_min=True), st.integers(1, 100).map(float),
    st.builds(lambda k, places: round(k / 2 ** 20, places), st.integers(1, 100 * 2 ** 20), st.integers(0, 8)).filter(bool)))
def test_a_result_is_summed_up_in_pythons_rows(rules, outcome, mm):
    mm = None if outcome.measure is None else mm
    assert rules("summaryRows", json.loads(json.dumps(outcome.to_dict())), mm) == outcome.summary(mm)


@CASES
@given(st.one_of(st.floats(min_value=5e-324, allow_infinity=False), st.integers(1, 10 ** 9).map(lambda k: k / 2 ** 20),
                 st.integers(1, 10 ** 7).map(lambda k: k * 10.0 ** -6)))
def test_numbers_are_written_as_pythons_g_format(rules, x):
    assert rules("formatG", x) == f"{x:g}"


# --- class plans ------------------------------------------------------------------------------------
LIBRARY = {r["name"]: r for r in _library()}  # the plan builder's library entries


@CASES
@given(st.one_of(st.text(max_size=12), st.text(" \t\n\x1c\x1f\x85\xa0\u3000\ufeffab", max_size=12)))
def test_text_is_made_one_line_as_python_makes_it(rules, text):
    assert rules("oneLine", text) == " ".join(text.split())


@CASES
@given(st.sampled_from(class_routines()), st.integers(1, MAX_REPEAT))
def test_a_blocks_note_on_the_handout_is_pythons(rules, routine, repeat):
    entry = LIBRARY[routine]
    assert (rules("blockNote", {"routine": routine, "repeat": repeat}, entry, REPEAT_NOTE) or "") \
        == Block(routine=routine, repeat=repeat).over_dose


# --- My routine's link ------------------------------------------------------------------------------
LINK_CASES = settings(CASES, max_examples=cases(100))  # each case encodes, decodes and checks a whole routine twice
LINK_TITLES = st.one_of(st.text(min_size=1, max_size=20).filter(str.strip), st.sampled_from(["Évening calm", "a\u2028b", "\U0001f600 \"q\" \\"]))


@LINK_CASES
@given(LINK_TITLES, st.lists(st.sampled_from(sorted(ROUTINES)), min_size=1, max_size=4), st.integers(0, 400))
def test_a_link_is_made_and_read_as_python_makes_and_reads_it(rules, routine_widget, title, names, cut):
    try:
        fragment = to_fragment(title, names)
    except RoutineError:  # too long to share: Python makes no link
        return
    data = payload(title, names)
    assert "#" + rules("routineFragment", Given(data), routine_widget.value["limits"]) == fragment
    assert rules("routineFromFragment", fragment, routine_widget) == from_fragment(fragment)
    short = fragment[:len("#routine=") + cut]  # a link cut short when it was copied
    if short != fragment:
        with pytest.raises(RoutineError) as python:
            from_fragment(short)
        with pytest.raises(JSError) as js:
            rules("routineFromFragment", short, routine_widget)
        assert str(js.value) == str(python.value)


@LINK_CASES
@given(st.one_of(JSON, st.fixed_dictionaries({"format": st.just("backease-my-routine"), "version": st.just(1),
                                              "title": st.text(max_size=3), "routines": st.lists(st.text(max_size=3))})))
def test_a_link_to_something_else_is_refused_in_pythons_words(rules, routine_widget, data):
    fragment = "#routine=" + base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    with pytest.raises(RoutineError) as python:
        from_fragment(fragment)
    with pytest.raises(JSError) as js:
        rules("routineFromFragment", fragment, routine_widget)
    assert str(js.value) == str(python.value)
    assert rules("routineFromFragment", "#section-2", routine_widget) is None


# --- the home programme -----------------------------------------------------------------------------
HOME_CASES = settings(max_examples=cases(100), suppress_health_check=[HealthCheck.function_scoped_fixture])
WIDGET = HomeProgramme()
HOME, HOME_LIBRARY, SHAPES, MOVES, MOVE_SHAPES = map(Kept, (WIDGET.home, WIDGET.library, WIDGET.shapes, WIDGET.moves,
                                                         WIDGET.move_shapes))
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


@HOME_CASES
@given(st.data())
def test_the_browser_moves_levels_exactly_as_python_does(rules, data):
    plan = data.draw(plans)
    entries = data.draw(diaries(plan))
    first = progress(plan, entries)
    undone = data.draw(st.lists(st.sampled_from([c.id for c in first.changes] or ["none"]), max_size=3))
    expected = as_dicts(progress(plan, entries, undone))
    assert rules("homeProgress", HOME, plan.to_dict(), entries, undone, DATE_TIME) == expected


@HOME_CASES
@given(plans, st.data())
def test_the_browser_assembles_each_session_as_python_does(rules, plan, data):
    week = data.draw(st.integers(1, WEEKS))
    number = data.draw(st.integers(0, 12))
    levels = {e: data.draw(st.integers(1, len(levels_of(e)))) for e in plan.exercises(week)}
    flare_up = data.draw(st.integers(0, 6)) == 0
    session = plan.session(week, number, levels, flare_up)
    got = rules("homeSession", HOME, HOME_LIBRARY, MOVES, plan.to_dict(), week, number, levels, flare_up)
    assert (got["name"], got["title"]) == (session.name, session.title)
    assert got["segments"] == [s.to_dict() for s in session.segments()]
    assert got["routines"] == [b.routine for b in session.blocks]
    light = rules("homeSession", HOME, SHAPES, MOVE_SHAPES, plan.to_dict(), week, number, levels, flare_up)
    assert light["seconds"] == session.total_seconds and light["routines"] == got["routines"]


@HOME_CASES
@given(plans)
def test_the_browser_lists_the_same_dates(rules, plan):
    assert rules("homeDates", HOME, plan.to_dict()) == [[d.isoformat(), w] for d, w in plan.dates()]
    assert rules("homeLeftOut", HOME, plan.to_dict()) == list(plan.left_out)


URLS = st.sampled_from(["https://example.org/guide/book/home/programme.html",
                        "file:///home/me/My%20guide/book/home/programme.html",
                        "http://127.0.0.1:8000/book/home/programme.html?a=1,2;b=\u00e9t\u00e9"])


@settings(max_examples=cases(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans, URLS, st.times().map(lambda t: t.replace(second=0, microsecond=0)),
       st.datetimes(datetime(2020, 1, 1), datetime(2035, 1, 1), timezones=st.just(timezone.utc)))
def test_the_browser_writes_the_same_calendar_file(rules, plan, url, at, stamp):
    got = rules("homeCalendar", HOME, plan.to_dict(), url, at.strftime("%H:%M"), stamp.isoformat())
    assert got == calendar_file(plan, url, at, stamp)


STORE_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-2, 9), st.sampled_from([1.5, "1", "x", "", [], {}]),
                   st.text(max_size=6))
STORE_PARTS = {  # a part of the stored value, and values near the edge of what Python accepts for it
    "version": st.one_of(st.just(1), STORE_VALUES),
    "undone": st.one_of(st.lists(st.text(max_size=8), max_size=2), st.sampled_from([["a", 3], [None]]), STORE_VALUES),
    "reminder": st.one_of(st.sampled_from(["24:00", "7:30", "23:59", "00:00", "12:60", "12:00 ", "\u0661\u0662:00"]),
                          STORE_VALUES),
    "days": st.one_of(st.sampled_from([[1, 2], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7], [1, 1, 3], [7, 3, 5]]),
                      st.lists(st.integers(0, 8), max_size=7), st.lists(STORE_VALUES, max_size=4), STORE_VALUES),
    "start": st.one_of(st.sampled_from(["2027-02-29", "2028-02-29", "0000-01-01", "0001-01-01", "20270104",
                                        "2027-W01-1", "2027-1-4", "2027-01-04T00:00", "\u0662027-01-04",
                                        " 2027-01-04", "2027-13-01", "2027-04-31"]), STORE_VALUES),
    "conditions": st.one_of(st.lists(st.sampled_from([*CONDITION_IDS, "flu", 3, None]), max_size=3), STORE_VALUES),
}


@st.composite
def stored_values(draw):
    """A good stored value with none, one or two of its parts changed, dropped or added to; now and then not a
    mapping at all."""
    plan = draw(plans)
    value = {"version": 1, "plan": plan.to_dict(), "undone": draw(st.lists(st.text(max_size=8), max_size=2)),
             "reminder": draw(st.times()).strftime("%H:%M")}
    for part in draw(st.lists(st.sampled_from([*STORE_PARTS, "drop", "extra"]), max_size=2)):
        into = value.get("plan", {}) if part in ("days", "start", "conditions") else value
        if part in STORE_PARTS:
            into[part] = draw(STORE_PARTS[part])
        else:
            where = draw(st.sampled_from([value, value.get("plan", {})]))
            key = draw(st.sampled_from(sorted(where) + ["extra"]))
            if part == "drop":
                where.pop(key, None)
            else:
                where[key + "!"] = 1
    return draw(st.one_of(st.just(value), st.just(value), st.just(value), STORE_VALUES))


@HOME_CASES
@given(stored_values())
def test_the_browser_accepts_a_stored_plan_exactly_when_python_does(rules, value):
    try:
        stored = stored_from_dict(value)
    except HomePlanError:
        stored = None
    try:
        got = rules("checkHomeStore", HOME, Given(value), "The plan kept in this browser", CONDITION_IDS)
    except JSError as err:
        assert stored is None, f"the browser refused what Python accepts: {err}"
        assert str(err).startswith("The plan kept in this browser ")
        return
    assert stored is not None, f"the browser accepted what Python refuses: {value!r}"
    assert got == {"plan": stored.plan.to_dict(), "undone": list(stored.undone), "reminder": stored.reminder}


NOT_JSON = st.sampled_from(["{not json", "", " ", "{\"version\": 1,", "[1, 2", "undefined", "{'version': 1}"])


@HOME_CASES
@given(st.one_of(st.none(), NOT_JSON, stored_values().map(json.dumps)))
def test_the_browser_reads_a_kept_plan_exactly_as_python_does(rules, text):
    """readHomeStore, through which the home page and the diary's export read the kept plan's text (None: nothing
    kept): it keeps what Python keeps (json.loads, then stored_from_dict) and says why it keeps nothing otherwise."""
    got = rules("readHomeStore", HOME, text, "The plan kept in this browser", CONDITION_IDS)
    if text is None:
        assert got == {"kept": None, "why": ""}
        return
    try:
        data = json.loads(text)
    except ValueError:  # json.JSONDecodeError
        assert got == {"kept": None, "why": "The plan kept in this browser is damaged: it is not JSON."}
        return
    try:
        stored = stored_from_dict(data)
    except HomePlanError:
        assert got["kept"] is None and got["why"].startswith("The plan kept in this browser "), got
        return
    assert got == {"kept": {"plan": stored.plan.to_dict(), "undone": list(stored.undone), "reminder": stored.reminder},
                   "why": ""}


# --- the diary file and the clinician's summary -----------------------------------------------------
FILE_CASES = settings(max_examples=cases(120), suppress_health_check=[HealthCheck.function_scoped_fixture])
VIEW = DiaryView()
SPEC, FILE, FILE_HOME, SUMMARY = VIEW.spec, VIEW.file, VIEW.home, VIEW.summary
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
            data.pop(draw(st.sampled_from(FILE_PARTS)), None)
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


@FILE_CASES
@given(files())
def test_the_browser_reads_a_diary_file_exactly_as_python_does(page_module, text):
    try:
        read = read_file(text)
        expected = {"entries": read.entries, "home_plan": read.home.to_dict() if read.home else None,
                    "conditions": None if read.conditions is None else list(read.conditions)}
    except DataError as err:
        expected = str(err)
    try:
        got = page_module("readDiaryFile", SPEC, FILE, FILE_HOME, CONDITION_IDS, text, "This file")
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


@settings(FILE_CASES, max_examples=cases(50))
@given(summary_cases(), st.integers(1, 8), st.integers(2, 300))
def test_the_browser_sums_a_diary_up_exactly_as_python_does(zoned, case, notes, note_chars):
    module, zone = zoned
    entries, kept = case
    expected = summary(entries, zone, kept, notes, note_chars).to_dict()
    data = {**SUMMARY, "notes": notes, "note_chars": note_chars}
    stored = kept and stored_from_dict(kept.to_dict())
    got = module("diarySummary", data, FILE_HOME, stored and stored.to_dict(), entries)
    assert got == expected


def test_an_entry_late_in_the_evening_counts_on_the_readers_day(zoned):
    module, zone = zoned
    entry = check_entry({"id": "a", "date": "2027-01-03T11:30:00.000Z", "session": "Belly breathing"})
    day = summary([entry], zone).first
    assert module("diarySummary", SUMMARY, FILE_HOME, None, [entry])["first"] == day
    assert day == ("2027-01-03" if zone.key == "America/New_York" else "2027-01-04")
