"""My routine and the diary on the built pages, offline: pick, order, share, run; record, chart, export, import."""
import json
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from backease import ROUTINES, format_duration, get_routine, load_diary
from backease.model import diary
from backease.model.diary import FIELDS, check_entry
from backease.widgets.my_routine import PRESETS, check_payload, from_fragment, payload, to_fragment
from backease.model.routines import RoutineError
from backease.text.storage import REFUSED

from conftest import FILL, STORAGE_OFF, keep, open_built, save_and_reload_until, watched_page

MINE = "book/home/my-routine.html"
PROGRESS = "book/home/progress.html"
NOW = datetime(2026, 3, 12, 18, 0, tzinfo=timezone.utc)  # a Thursday


PHONE = {"width": 360, "height": 740}


@pytest.fixture
def page(clocked_page):
    """The module's tab on a phone, its clock at NOW."""
    page, watch = clocked_page
    page.set_viewport_size(PHONE)
    page.clock.install(time=NOW)
    yield page
    assert not watch.problems(), watch.problems()


def mine(page, server, fragment=""):
    open_built(page, f"{server}/{MINE}{fragment}")
    root = page.locator(".be-mine")
    root.wait_for()
    return root


def listed(root):
    return root.locator(".be-mine-name").all_inner_texts()


def message(root):
    return root.locator(".be-mine-message").inner_text()


def test_pick_order_keep_and_run_a_routine(page, server):
    root = mine(page, server)
    assert root.locator("select option").count() == len(ROUTINES)
    for name in ("warm-up", "hamstring-stretch", "breathing"):
        root.locator("select").select_option(name)
        root.get_by_role("button", name="Add", exact=True).click()
    root.get_by_role("button", name=f"Move {get_routine('breathing').title} up").click()
    root.get_by_role("button", name=f"Remove {get_routine('warm-up').title}").click()
    names = ["breathing", "hamstring-stretch"]
    assert listed(root) == [f"{get_routine(n).title}: {format_duration(get_routine(n).total_seconds)}" for n in names]
    total = sum(get_routine(n).total_seconds for n in names)
    assert root.locator(".be-mine-total").inner_text() == f"Total: {format_duration(total)} (2 exercises)"
    page.reload()  # kept in this browser
    root = page.locator(".be-mine")
    root.wait_for()
    assert len(listed(root)) == 2
    root.get_by_role("button", name="Run my routine").click()
    timer = root.locator(".be-timer")
    segments = [s for n in names for s in get_routine(n).segments()]
    assert timer.locator(".be-kind").inner_text() == f"Step 1 of {len(segments)}"
    timer.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(int(sum(s.seconds for s in segments[:4]) * 1000) + 100)
    assert timer.locator(".be-label").inner_text() == segments[4].heading


def test_a_routine_the_browser_has_no_room_for_says_why_and_the_kept_one_stays(page, server):
    root = mine(page, server)
    root.locator("select").select_option("breathing")
    root.get_by_role("button", name="Add", exact=True).click()
    kept = page.evaluate("localStorage.getItem('backease.my-routine')")
    assert json.loads(kept)["routines"] == ["breathing"]
    assert page.evaluate(FILL) > 0
    root.locator("select").select_option("hamstring-stretch")
    root.get_by_role("button", name="Add", exact=True).click()
    assert message(root) == f"Your routine was not kept: {REFUSED['full']} You can still share it as a link or a file."
    assert page.evaluate("localStorage.getItem('backease.my-routine')") == kept
    assert len(listed(root)) == 2 and not root.get_by_role("button", name="Download as a file").is_disabled()


def test_ready_made_routines_are_offered_when_the_library_has_them(page, server):
    root = mine(page, server)
    presets = [n for n in PRESETS if n in ROUTINES]
    buttons = root.locator("[data-preset]")
    assert [buttons.nth(i).get_attribute("data-preset") for i in range(buttons.count())] == presets
    for name in presets:
        root.locator(f"[data-preset='{name}']").click()
        assert listed(root) == [f"{get_routine(name).title}: {format_duration(get_routine(name).total_seconds)}"]


def test_a_link_from_a_teacher_opens_the_routine_ready_to_run(page, server):
    names = ["warm-up", "psoas", "breathing"]
    root = mine(page, server, to_fragment("After work", names))
    assert "Opened “After work” from the link" in message(root)
    assert len(listed(root)) == 3
    timer = root.locator(".be-timer")
    assert timer.locator(".be-title").inner_text() == "After work"
    segments = [s for n in names for s in get_routine(n).segments()]
    assert timer.locator(".be-kind").inner_text() == f"Step 1 of {len(segments)}"
    # The link the page makes opens the same routine.
    root.get_by_role("button", name="Make a link").click()
    made = root.locator(".be-mine-url").input_value()
    assert made.endswith(to_fragment("After work", names))


@pytest.mark.parametrize("fragment, says", [
    ("#routine=not-base64-at-all!", "damaged"),
    (to_fragment("x", ["breathing"])[:-6], "damaged"),
    ("#routine=" + __import__("base64").urlsafe_b64encode(json.dumps(
        {"format": "backease-my-routine", "version": 1, "title": "Odd", "routines": ["breathing", "cartwheel"]}
    ).encode()).decode(), "does not have: “cartwheel”"),
    ("#routine=" + __import__("base64").urlsafe_b64encode(b'{"format": "other-app", "version": 1}').decode(),
     "not a routine made with this guide"),
    ("#routine=" + __import__("base64").urlsafe_b64encode(b'{"format": "backease-my-routine", "version": 2}').decode(),
     "has version 2"),
])
def test_a_bad_link_says_so_in_pythons_words_and_changes_nothing(page, server, fragment, says):
    root = mine(page, server)
    root.locator("select").select_option("dead-bug")
    root.get_by_role("button", name="Add", exact=True).click()
    before = page.evaluate("localStorage.getItem('backease.my-routine')")
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")
    root = mine(page, server, fragment)
    with pytest.raises(RoutineError) as python:
        from_fragment(fragment)
    assert says in message(root) and message(root) == f"{python.value} Nothing was changed."
    assert page.evaluate("localStorage.getItem('backease.my-routine')") == before
    assert listed(root) == [f"{get_routine('dead-bug').title}: {format_duration(get_routine('dead-bug').total_seconds)}"]
    assert root.locator(".be-timer").count() == 0


def test_routine_files_round_trip_and_bad_files_change_nothing(page, server, tmp_path):
    root = mine(page, server)
    good = tmp_path / "class-homework.json"
    good.write_text(json.dumps(payload("Homework", ["hamstring-stretch", "hip-flexor-stretch"])))
    root.get_by_label("Open a routine file").set_input_files(good)
    expect(root.locator(".be-mine-message")).to_contain_text("Opened")
    assert "Opened “Homework” from the file" in message(root) and len(listed(root)) == 2
    with page.expect_download() as download:
        root.get_by_role("button", name="Download as a file").click()
    saved = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert check_payload(saved) == payload("Homework", ["hamstring-stretch", "hip-flexor-stretch"])
    for name, text, says in [("notes.json", "{not json", "it is not JSON"),
                             ("diary.json", json.dumps({"format": "backease-diary", "version": 1, "entries": []}),
                              "not a routine made with this guide"),
                             ("long.json", json.dumps(payload("Long", ["breathing"]) | {"routines": ["ball-release"] * 31}),
                              "must list 1 to 30 exercises")]:
        bad = tmp_path / name
        bad.write_text(text)
        root.get_by_label("Open a routine file").set_input_files(bad)
        expect(root.locator(".be-mine-message")).to_contain_text(says)
        assert "Nothing was changed" in message(root)
        assert len(listed(root)) == 2


# --- the diary ------------------------------------------------------------------------

def entry(days_ago, before, after, **extra):
    when = (NOW - timedelta(days=days_ago)).isoformat().replace("+00:00", "Z")
    return check_entry({"id": f"e{days_ago}", "date": when, "session": "Belly breathing", "planned_seconds": 255,
                        "done_seconds": 255, "finished": True, "pain_before": before, "pain_after": after,
                        "feeling": "better", **extra})


ENTRIES = [entry(20, 7, 5), entry(9, 6, 4), entry(8, 6, 3), entry(3, 5, 3), entry(2, 4, 2, note="Slept better"),
           entry(1, 4, 2)]


def progress(page, server, entries=None):
    if entries is not None:  # a reader who already keeps a diary: it is in the site's storage before the page opens
        keep(page, server, {"backease.diary": json.dumps({"format": "backease-diary", "version": 1, "entries": entries})})
    open_built(page, f"{server}/{PROGRESS}")
    root = page.locator(".be-progress")
    root.wait_for()
    return root


def stored(page):
    return json.loads(page.evaluate("localStorage.getItem('backease.diary')") or "null")


def test_progress_page_charts_sessions_and_pain(page, server):
    root = progress(page, server, ENTRIES)
    assert "stays on this device" in root.locator(".be-diary-privacy").inner_text()
    assert root.locator(".be-progress-summary").inner_text() == "6 sessions in your diary; 3 this week."
    weeks, pain = root.locator("svg.be-chart").all()
    bars = weeks.locator("rect.be-bar")
    assert bars.count() == 8
    heights = [float(bars.nth(i).get_attribute("height")) for i in range(8)]
    assert heights[-1] > heights[-2] > heights[-4] > 0 and heights[-3] == 0 and heights[:4] == [0] * 4
    assert "3" in weeks.get_attribute("aria-label")
    assert pain.locator("circle.be-before").count() == 6 + 1  # one more in the legend
    assert pain.locator("rect.be-after").count() == 6 + 1
    assert "before 7, after 5" in pain.get_attribute("aria-label")
    rows = root.locator(".be-progress-table tbody tr")
    assert rows.count() == 6 and "Slept better" in rows.nth(1).text_content()
    box = pain.bounding_box()
    assert box["width"] <= 360 and page.evaluate("document.documentElement.scrollWidth") <= 360


def test_with_storage_off_the_progress_page_says_why_in_pythons_words(offline_page, server):
    page, watch = offline_page
    page.context.add_init_script(STORAGE_OFF)
    open_built(page, f"{server}/{PROGRESS}")
    expect(page.get_by_role("alert").filter(has_text="The diary cannot be opened")).to_have_text(
        f"The diary cannot be opened in this browser: {REFUSED['off']}")
    assert not [e for e in watch.console_errors if "Widget" in e], watch.console_errors


def test_export_then_import_and_refuse_foreign_files(page, server, tmp_path):
    root = progress(page, server, ENTRIES)
    with page.expect_download() as csv_download:
        root.get_by_role("button", name="Export CSV").click()
    lines = open(csv_download.value.path(), encoding="utf-8").read().splitlines()
    assert lines[0] == ",".join(f.name for f in FIELDS) and len(lines) == 7
    with page.expect_download() as json_download:
        root.get_by_role("button", name="Export JSON").click()
    exported = tmp_path / "diary.json"
    exported.write_bytes(open(json_download.value.path(), "rb").read())
    assert load_diary(exported) == sorted(ENTRIES, key=lambda e: e["date"])  # Python reads what the page wrote
    keep = stored(page)
    for name, text, says in [
        ("routine.json", json.dumps(payload("Mine", ["breathing"])), "is not a diary exported from this guide"),
        ("photo.json", "\x89PNG", "it is not JSON"),
        ("future.json", json.dumps({"format": "backease-diary", "version": 3, "entries": []}), "a newer version of this guide"),
        ("bad.json", json.dumps({"format": "backease-diary", "version": 1,
                                 "entries": [ENTRIES[0] | {"id": "new"}, ENTRIES[1] | {"id": "x", "pain_after": 11}]}),
         "entry 2: “pain_after” must be from 0 to 10, got 11"),
    ]:
        bad = tmp_path / name
        bad.write_text(text)
        root.get_by_label("Import a JSON diary").set_input_files(bad)
        expect(root.locator(".be-progress-message")).to_contain_text(says)
        shown = root.locator(".be-progress-message").inner_text()
        assert says in shown and "Nothing was imported" in shown
        assert stored(page) == keep
    root.get_by_role("button", name="Delete everything").click()
    root.get_by_role("button", name="Yes, delete everything").click()
    assert stored(page) is None and root.get_attribute("data-entries") == "0"
    root.get_by_label("Import a JSON diary").set_input_files(exported)
    expect(root.locator(".be-progress-message")).to_have_text("Imported 6 sessions.")
    root.get_by_label("Import a JSON diary").set_input_files(exported)
    expect(root.locator(".be-progress-message")).to_have_text("Imported 0 sessions (6 already in your diary).")
    assert len(stored(page)["entries"]) == 6


def test_delete_asks_first(page, server):
    root = progress(page, server, ENTRIES)
    root.get_by_role("button", name="Delete everything").click()
    assert "Delete all 6 sessions" in root.locator(".be-progress-confirm").inner_text()
    root.get_by_role("button", name="Keep my diary").click()
    assert len(stored(page)["entries"]) == 6 and root.locator(".be-progress-confirm").inner_text() == ""


def test_no_diary_data_ever_leaves_the_page(browser, server, tmp_path):
    """Every request while the diary is used, the offline app's service worker's too: all to 127.0.0.1,
    none carrying what was written."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    requests = []
    context.on("request", lambda r: requests.append((r.url, r.method, r.post_data or "", dict(r.headers))))
    page, watch = watched_page(context)
    secret = "knee-twinge-after-gardening"
    open_built(page, f"{server}/book/start/timers.html")
    timer = page.locator(".be-timer").first
    timer.get_by_role("button", name="Start", exact=True).click()
    timer.get_by_role("button", name="Pause", exact=True).click()
    timer.get_by_role("button", name="Stopping here? Record it in your diary").click()
    timer.get_by_label("Pain before").select_option("8")
    timer.get_by_label("Note").fill(secret)
    timer.get_by_role("button", name="Save in my diary").click()
    root = progress(page, server)
    root.get_by_role("button", name="Add a session by hand").click()
    root.get_by_label("Pain after").select_option("2")
    root.get_by_role("button", name="Save in my diary").click()
    with page.expect_download() as download:
        root.get_by_role("button", name="Export JSON").click()
    again = tmp_path / "again.json"
    again.write_bytes(open(download.value.path(), "rb").read())
    root.get_by_label("Import a JSON diary").set_input_files(again)
    expect(root.locator(".be-progress-message")).to_contain_text("Imported 0 sessions")
    assert root.get_attribute("data-entries") == "2" and secret in again.read_text()
    assert requests and not watch.problems(), watch.problems()
    for url, method, body, headers in requests:
        assert url.startswith(("http://127.0.0.1:", "blob:", "data:")), url
        assert method == "GET", (method, url)
        assert secret not in url + body + json.dumps(headers) and "pain_" not in url + body, url
    context.close()


def entries(page) -> str:
    """How many entries the progress page's diary shows, once it has drawn them."""
    page.locator(".be-progress[data-entries]").wait_for()
    return page.locator(".be-progress").get_attribute("data-entries")


def test_the_diary_works_from_the_files_too(browser, site):
    """Opened from disk (file://): a saved entry is in the browser's storage at once, and the diary, opened
    again, shows it (``save_and_reload_until``)."""
    context = browser.new_context(viewport=PHONE)  # no service worker from a file to block
    page, watch = watched_page(context)
    open_built(page, (site / PROGRESS).as_uri())

    def save(page):
        page.get_by_role("button", name="Add a session by hand").click()
        page.get_by_label("Pain before").select_option("3")
        page.get_by_role("button", name="Save in my diary").click()
        expect(page.locator(".be-progress")).to_have_attribute("data-entries", "1")
        kept = page.evaluate("key => localStorage.getItem(key)", diary.KEY)
        assert [e["pain_before"] for e in json.loads(kept)["entries"]] == [3]

    assert save_and_reload_until(page, save, lambda p: entries(p) == "1")
    assert not watch.problems(), watch.problems()
    context.close()
