"""The browser's rules (static/rules.js) held to Python's over generated cases, in node, on the module
text the widgets send: what the browser accepts (a diary, its dates, an entry, a shared routine, a typed
length) Python accepts, and the other way round; durations, numbers and a check's summary are said in
Python's words."""
from __future__ import annotations

import base64
import json
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.errors import DataError, RoutineError
from backease.model import diary
from backease.model.leg_length import LEG_LENGTH
from backease.model.library import ROUTINES
from backease.model.logistics import class_routines
from backease.model.plans import MAX_REPEAT, REPEAT_NOTE, Block
from backease.model.routines import DURATION_UNITS, MAX_TOTAL_SECONDS, in_words
from backease.model.walkthroughs import WalkthroughError, mm_rules, read_mm
from backease.widgets.my_routine import MyRoutine, check_payload, from_fragment, payload, to_fragment
from backease.widgets.plan_builder import _library
from node_module import JSError
from conftest import cases

CASES = settings(max_examples=cases(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


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
    assert js_accepts(rules, "checkEntry", diary.spec(), entry) == python_accepts(diary.check_entry, entry), entry


@CASES
@given(st.fixed_dictionaries({}, optional={
    "format": st.sampled_from([diary.FORMAT, "backease-my-routine", None]),
    "version": st.sampled_from([diary.VERSION, 1.0, True, 2, "1", None]),
    "entries": st.one_of(st.lists(ENTRIES, max_size=3), JSON)}) | JSON)
def test_the_browser_opens_a_diary_file_exactly_when_python_does(rules, data):
    data = json.loads(json.dumps(data))
    assert js_accepts(rules, "checkDiary", diary.spec(), data, "This file") == python_accepts(diary.check_diary, data), data


@pytest.fixture(scope="module")
def routine_widget():
    state = MyRoutine().get_state()
    return {"limits": state["limits"], "problems": state["problems"], "units": state["units"],
            "byName": {r["name"]: r for r in state["library"]}}


@CASES
@given(st.fixed_dictionaries({}, optional={
    "format": st.sampled_from(["backease-my-routine", diary.FORMAT]),
    "version": st.sampled_from([1, 1.0, True, 2, None]),
    "title": st.one_of(st.text(max_size=4), st.sampled_from(["\ufeff", "\x1c", "\x85 ", " My routine ", "\u3000"]),
                       st.text("ab\U0001f600", min_size=40, max_size=90), JSON),
    "routines": st.one_of(st.lists(st.sampled_from([*ROUTINES, "no-such", 3]), max_size=4),
                          st.lists(st.sampled_from(sorted(ROUTINES)), min_size=25, max_size=32), JSON)}) | JSON)
def test_the_browser_opens_a_shared_routine_exactly_when_python_does(rules, routine_widget, data):
    data = json.loads(json.dumps(data))
    try:
        check_payload(data, "this link's routine")
        python = None
    except RoutineError as err:
        python = str(err)
    try:
        rules("checkPayload", data, "this link's routine", routine_widget)
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


# --- My routine's link --------------------------------------------------------------------------------
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
    assert "#" + rules("routineFragment", data, routine_widget["limits"]) == fragment
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
