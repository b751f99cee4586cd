"""The progress page's state (static/diary_state.js), without a DOM or storage: the page's own module run in node
over generated diaries, plans and conditions. The charts count each session in its week on the device's clock; an
export is a file Python reads back whole; an import loses nothing kept, writes the file's plan or conditions only
where the browser keeps none or the reader chose the file's, and asks exactly when they differ."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.model.diary import KEY as DIARY_KEY
from backease.model.diary_file import read_file
from backease.model.home import STORE_KEY as PLAN_KEY, Stored
from backease.model.conditions import STORE_KEY as CONDITIONS_KEY
from backease.widgets.diary_view import WORDS, DiaryView
from node_module import NodeModule
from test_widgets_static_rules import CONDITION_IDS, diaries, plans
from conftest import cases

CASES = settings(max_examples=cases(40), suppress_health_check=[HealthCheck.function_scoped_fixture])
VIEW = DiaryView()
SPEC, FILE, HOME, STORE, CHARTS = VIEW.spec, VIEW.file, VIEW.home, VIEW.conditions_store, VIEW.charts
ZONE = "America/New_York"


@pytest.fixture(scope="module")
def state():
    module = NodeModule(DiaryView._esm, ZONE)  # the module the page gets, on a clock with summer time
    yield module
    module.close()


def local(text: str) -> datetime:
    """An entry's time on the device's clock."""
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return when.astimezone(ZoneInfo(ZONE)) if when.tzinfo else when


def instant(text: str) -> int:
    """An entry's time in milliseconds, as the browser's Date holds it."""
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    when = when if when.tzinfo else when.replace(tzinfo=ZoneInfo(ZONE))
    return (when - datetime(1970, 1, 1, tzinfo=timezone.utc)) // timedelta(milliseconds=1)


@CASES
@given(st.data())
def test_the_charts_count_each_session_in_its_week_on_the_devices_clock(state, data):
    entries = data.draw(diaries(data.draw(plans)))
    now = data.draw(st.datetimes(datetime(2020, 1, 1), datetime(2036, 1, 1), timezones=st.just(timezone.utc)))
    got = state("diaryState", SPEC, CHARTS, entries, now.timestamp() * 1000)
    monday = now.astimezone(ZoneInfo(ZONE)).date()
    monday -= timedelta(days=monday.weekday())
    weeks = [monday - timedelta(weeks=CHARTS["weeks"] - 1 - i) for i in range(CHARTS["weeks"])]
    days = [local(e["date"]).date() for e in entries]
    assert got["weeks"] == [{"start": w.isoformat(), "n": sum(w <= d < w + timedelta(days=7) for d in days)} for w in weeks]
    assert got["recent"] == got["weeks"][-1]["n"] and got["count"] == len(entries)
    assert got["line"] == (f"{len(entries)} session{'' if len(entries) == 1 else 's'} in your diary; {got['recent']} this week."
                           if entries else got["line"])
    assert [row[1] for row in got["rows"]] == [e["session"] for e in reversed(entries)]


@st.composite
def kept_and_file(draw):
    """What a browser keeps (a diary, maybe a plan and conditions) and a file read by readDiaryFile, sharing some
    entries and maybe the plan or the conditions."""
    plan, other = draw(plans), draw(plans)
    mine, theirs = draw(diaries(plan)), draw(diaries(other))
    theirs = [{**e, "id": f"f{e['id']}"} for e in theirs] + draw(st.lists(st.sampled_from(mine), max_size=3) if mine else st.just([]))
    home = {"none": None, "same": Stored(plan).to_dict(), "other": Stored(other).to_dict()}
    ticked = st.one_of(st.none(), st.lists(st.sampled_from(CONDITION_IDS), min_size=1, max_size=3, unique=True).map(
        lambda ids: [c for c in CONDITION_IDS if c in ids]))
    kept = {"entries": mine, "home_plan": draw(st.sampled_from([None, home["same"]])), "conditions": draw(ticked), "problems": {}}
    incoming = {"entries": theirs, "home_plan": home[draw(st.sampled_from(list(home)))],
                "conditions": draw(st.one_of(ticked, st.just(kept["conditions"])))}
    return kept, incoming


@CASES
@given(kept_and_file(), st.sampled_from(["theirs", "mine"]))
def test_an_import_loses_nothing_kept_and_asks_when_the_plan_or_conditions_differ(state, case, choice):
    kept, incoming = case
    plan = state("importPlan", SPEC, kept, incoming)
    ids = [e["id"] for e in plan["entries"]]
    assert len(ids) == len(set(ids)) and set(ids) == {e["id"] for e in kept["entries"] + incoming["entries"]}
    assert all(e in plan["entries"] for e in kept["entries"]), "every kept entry stays as it was"
    instants = [instant(e["date"]) for e in plan["entries"]]
    assert instants == sorted(instants)
    assert plan["added"] + plan["skipped"] == len(incoming["entries"])
    for part, key in (("plan", "home_plan"), ("conditions", "conditions")):
        mine, theirs = kept[key], incoming[key]
        assert plan[part] == ("none" if theirs is None else "new" if mine is None else "same" if mine == theirs else "differs")
    question = state("importQuestion", HOME, STORE, WORDS, plan, kept, incoming)
    differ = [p for p in ("plan", "conditions") if plan[p] == "differs"]
    assert [line[0] for line in question["lines"]] == [WORDS[p] for p in differ]
    done = state("importWrites", SPEC, HOME, STORE, WORDS, plan, incoming, choice)
    writes = done["writes"]
    assert json.loads(writes[DIARY_KEY])["entries"] == plan["entries"]
    for part, key, store_key in (("plan", "home_plan", PLAN_KEY), ("conditions", "conditions", CONDITIONS_KEY)):
        written = plan[part] == "new" or (plan[part] == "differs" and choice == "theirs")
        assert (store_key in writes) == written, part
        if written:
            value = json.loads(writes[store_key])
            assert value == (incoming[key] if part == "plan" else {"version": STORE["version"], "conditions": incoming[key]})
    assert done["message"].startswith(f"Imported {plan['added']} session")


DAMAGED = "The home plan kept in this browser is damaged: it is not JSON."  # as rules.js's readHomeStore says


@CASES
@given(st.data())
def test_an_export_is_a_file_python_reads_back_whole(state, data):
    plan = data.draw(plans)
    kept = {"entries": data.draw(diaries(plan)), "home_plan": data.draw(st.sampled_from([None, Stored(plan).to_dict()])),
            "conditions": data.draw(st.sampled_from([None, ["pregnancy"], ["osteoporosis", "knees"]])),
            "problems": data.draw(st.sampled_from([{}, {"plan": DAMAGED}]))}
    out = state("exportFile", SPEC, FILE, WORDS, kept)
    read = read_file(out["text"])
    assert read.entries == kept["entries"]
    assert (read.home and read.home.to_dict()) == kept["home_plan"]
    assert (read.conditions and list(read.conditions)) == kept["conditions"]
    assert out["notes"] == ([WORDS["left_out"].format(part=WORDS["plan"], why=DAMAGED)] if kept["problems"] else [])
