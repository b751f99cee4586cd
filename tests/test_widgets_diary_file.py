"""The diary file on the built pages (widgets/diary_view.py, static/diary_store.js, diary_state.js): on a phone, by
taps, a plan with its undo list and reminder, diary entries and ticked conditions go out in one file and come back
whole into a cleared browser; a damaged, foreign or too-new file changes nothing and says why; a file whose plan
differs from the browser's asks first; an old diary-only file still imports; storage that is full changes nothing."""
from __future__ import annotations

import json
from datetime import datetime, time

import pytest
from playwright.sync_api import expect

from backease.model.conditions import STORE_KEY as CONDITIONS_KEY, STORE_PROBLEMS as CONDITION_PROBLEMS
from backease.model.diary import FORMAT, KEY as DIARY_KEY, check_entry
from backease.model.diary_file import DiaryFile, load_diary_file
from backease.model.home import STORE_KEY as PLAN_KEY, HomePlan, Stored
from backease.text.storage import REFUSED
from backease.widgets.diary_view import WORDS
from conftest import FILL, FREE, keep, open_built, reload_built, settled_problems
from test_home_programme import NZ, PAGE, kept, make_plan, phone, run_session  # noqa: F401 (phone: a fixture)

PROGRESS = "book/home/progress.html"
KEYS = (DIARY_KEY, PLAN_KEY, CONDITIONS_KEY)


def everything(page) -> dict:
    """What the site keeps in this browser: each key's text (None when nothing is kept)."""
    return page.evaluate("keys => Object.fromEntries(keys.map(k => [k, localStorage.getItem(k)]))", list(KEYS))


def import_file(page, path):
    root = page.locator(".be-progress")
    root.get_by_label("Import a JSON diary").set_input_files(path)
    return root


def message(page) -> str:
    return page.locator(".be-progress-message").inner_text()


def test_export_clear_and_import_bring_back_the_plan_the_diary_and_the_conditions(phone, server, tmp_path):
    page, watch = phone
    open_built(page, f"{server}/book/start/conditions.html")
    page.locator(".be-conditions input[value='osteoporosis']").tap()
    open_built(page, f"{server}/{PAGE}")
    make_plan(page, reminder="06:45")
    plan = kept(page)[0].plan
    assert plan.conditions == ("osteoporosis",)
    for day, _ in plan.dates()[:2]:  # two sessions that felt too easy: a level moves up; take it back
        page.clock.set_system_time(datetime.combine(day, time(7, 30), NZ))
        reload_built(page)
        run_session(page, "too-easy")
    reload_built(page)
    page.locator(".be-home-undo").first.tap()
    open_built(page, f"{server}/{PROGRESS}")
    root = page.locator(".be-progress")
    root.get_by_role("button", name="Add a session by hand").tap()
    root.get_by_label("Pain before").select_option("5")
    root.get_by_role("button", name="Save in my diary").tap()
    before = everything(page)
    stored, entries = kept(page)
    assert stored.undone and stored.reminder == "06:45" and len(entries) == 3

    with page.expect_download() as download:
        root.get_by_role("button", name="Export JSON").tap()
    path = tmp_path / "back-diary.json"
    path.write_bytes(open(download.value.path(), "rb").read())
    assert load_diary_file(path) == DiaryFile(entries, stored, ("osteoporosis",))  # Python reads what the page wrote

    page.evaluate("localStorage.clear()")
    reload_built(page)
    assert root.get_by_role("button", name="Export JSON").is_disabled()
    import_file(page, path)
    expect(page.locator(".be-progress-message")).to_contain_text("Imported 3 sessions.")
    said = message(page)
    assert all(WORDS["restored"].format(part=WORDS[p]) in said for p in ("plan", "conditions")), said
    assert everything(page) == before
    assert root.get_attribute("data-entries") == "3"
    open_built(page, f"{server}/{PAGE}")
    assert page.locator(".be-home-redo").is_visible(), "the change taken back stays taken back"
    assert "Reminders at 06:45" in page.locator(".be-home-tools").inner_text()
    open_built(page, f"{server}/book/start/conditions.html")
    assert page.locator(".be-conditions input[value='osteoporosis']").is_checked()


GOOD_PLAN = Stored(HomePlan((2, 4, 6), datetime(2027, 1, 5).date()), (), "18:00")
ENTRY = check_entry({"id": "f1", "date": "2027-01-05T09:00:00.000Z", "session": "Belly breathing", "pain_before": 3})


def seeded(page, server):
    """A browser that keeps a diary, a plan and conditions; the progress page open."""
    keep(page, server, {
        DIARY_KEY: json.dumps({"format": FORMAT, "version": 1, "entries": [
            check_entry({"id": "m1", "date": "2027-01-04T08:00:00.000Z", "session": "Belly breathing"})]}),
        PLAN_KEY: json.dumps(Stored(HomePlan((1, 3, 5), datetime(2027, 1, 4).date()), ("x:y",), "07:00").to_dict()),
        CONDITIONS_KEY: json.dumps({"version": 1, "conditions": ["pregnancy"]})})
    open_built(page, f"{server}/{PROGRESS}")
    return everything(page)


def file_text(**change) -> str:
    return json.dumps({**DiaryFile([ENTRY], GOOD_PLAN, ("pregnancy",)).to_dict(), **change})


@pytest.mark.parametrize("name, text, says", [
    ("funday.json", file_text(home_plan={**GOOD_PLAN.to_dict(), "plan": {"days": [1, "Funday", 3], "start": "2027-01-04"}}),
     "This file's home plan has a day that is not a weekday from 1 (Monday) to 7 (Sunday): \"Funday\". " + WORDS["nothing"]),
    ("future.json", file_text(version=3), "This file was made by a newer version of this guide"),
    ("routine.json", json.dumps({"format": "backease-my-routine", "version": 1}), "This file is not a diary exported from this guide"),
    ("photo.json", "\x89PNG", "it is not JSON"),
    ("gout.json", file_text(conditions=["gout"]), "This file's conditions name one this guide does not know: \u201cgout\u201d"),
    ("entry.json", file_text(entries=[ENTRY, {**ENTRY, "id": "f2", "pain_after": 11}]),
     "This file's diary, entry 2: \u201cpain_after\u201d must be from 0 to 10, got 11. " + WORDS["nothing"]),
])
def test_a_damaged_foreign_or_too_new_file_changes_nothing_and_says_why(reused_page, server, tmp_path, name, text, says):
    page, watch = reused_page
    before = seeded(page, server)
    path = tmp_path / name
    path.write_text(text)
    import_file(page, path)
    expect(page.locator(".be-progress-message")).to_contain_text(WORDS["nothing"])
    assert says in message(page)
    assert everything(page) == before
    assert not settled_problems(watch)


def test_an_old_diary_only_file_imports_and_leaves_the_plan_and_conditions(reused_page, server, tmp_path):
    page, watch = reused_page
    before = seeded(page, server)
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": FORMAT, "version": 1, "entries": [ENTRY]}))
    import_file(page, path)
    expect(page.locator(".be-progress-message")).to_have_text("Imported 1 session.")
    now = everything(page)
    assert [e["id"] for e in json.loads(now[DIARY_KEY])["entries"]] == ["m1", "f1"]
    assert (now[PLAN_KEY], now[CONDITIONS_KEY]) == (before[PLAN_KEY], before[CONDITIONS_KEY])
    assert not settled_problems(watch)


def test_a_file_whose_plan_differs_asks_which_to_keep(reused_page, server, tmp_path):
    page, watch = reused_page
    before = seeded(page, server)
    path = tmp_path / "other.json"
    path.write_text(file_text(conditions=["pregnancy"]))
    ask = page.locator(".be-progress-ask")
    import_file(page, path)
    expect(ask).to_contain_text(WORDS["ask"].format(parts=WORDS["plan"]))
    assert "Monday, Wednesday, Friday" in ask.inner_text() and "Tuesday, Thursday, Saturday" in ask.inner_text()
    assert everything(page) == before, "nothing is written while the reader chooses"
    ask.get_by_role("button", name=WORDS["cancel"]).click()
    assert message(page) == WORDS["nothing"] and everything(page) == before
    import_file(page, path)
    ask.get_by_role("button", name=WORDS["keep_mine"]).click()
    assert WORDS["kept"].format(part=WORDS["plan"]) in message(page)
    now = everything(page)
    assert now[PLAN_KEY] == before[PLAN_KEY] and len(json.loads(now[DIARY_KEY])["entries"]) == 2
    import_file(page, path)
    ask.get_by_role("button", name=WORDS["use_theirs"]).click()
    assert message(page).startswith("Imported 0 sessions (1 already in your diary).")
    assert json.loads(everything(page)[PLAN_KEY]) == GOOD_PLAN.to_dict()
    assert not settled_problems(watch)




@pytest.mark.parametrize("key, text, why", [
    (PLAN_KEY, "{not json", "The home plan kept in this browser is damaged: it is not JSON."),
    (PLAN_KEY, json.dumps({**GOOD_PLAN.to_dict(), "version": 7}),
     "The home plan kept in this browser has version 7; this guide reads version 1."),
    (CONDITIONS_KEY, "{not json", CONDITION_PROBLEMS["damaged"]),
], ids=["plan-not-json", "plan-version", "conditions-not-json"])
def test_an_export_leaves_out_a_kept_part_it_cannot_read_and_says_why(reused_page, server, tmp_path, key, text, why):
    """A kept plan or conditions that are damaged or from another version do not stop the diary going out: the
    file holds the rest and the page says what it left out and why, as the page that keeps that part says it."""
    page, watch = reused_page
    seeded(page, server)
    keep(page, server, {key: text})
    open_built(page, f"{server}/{PROGRESS}")
    with page.expect_download() as download:
        page.locator(".be-progress").get_by_role("button", name="Export JSON").click()
    path = tmp_path / "diary.json"
    path.write_bytes(open(download.value.path(), "rb").read())
    out = load_diary_file(path)
    part = "plan" if key == PLAN_KEY else "conditions"
    assert [e["id"] for e in out.entries] == ["m1"]
    assert (out.home is None, out.conditions is None) == (part == "plan", part == "conditions")
    assert message(page) == WORDS["left_out"].format(part=WORDS[part], why=why)
    assert everything(page)[key] == text, "the export changes nothing kept"
    assert not settled_problems(watch)


@pytest.mark.parametrize("room", [0, len(json.dumps(ENTRY, separators=(",", ":"))) + 40])
def test_storage_that_is_full_changes_nothing(reused_page, server, tmp_path, room):
    """Storage filled to the browser's own limit, with no room left, or room for the larger diary but not the plan
    (which is then taken back out)."""
    page, watch = reused_page
    seeded(page, server)
    page.evaluate(f"localStorage.removeItem({PLAN_KEY!r})")  # the file's plan is then new here: it is written too
    before = everything(page)
    page.evaluate(FILL, room)
    path = tmp_path / "diary.json"
    path.write_text(json.dumps(DiaryFile([ENTRY], GOOD_PLAN, ("pregnancy",)).to_dict()))
    import_file(page, path)
    expect(page.locator(".be-progress-message")).to_have_text(f"{WORDS['not_imported']}: {REFUSED['full']}")
    assert everything(page) == before
    page.evaluate(FREE)
    assert not settled_problems(watch)
