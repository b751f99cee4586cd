"""The installable offline app: manifest, icons and service worker, checked in the built site and in Chromium.

Each browser test serves its own copy of the built site, so a test can play "a new build", and records the
paths its server was asked for (what left the browser, the worker's requests included). Save-Data is emulated
by an init script that sets ``navigator.connection.saveData``: the page reads it and tells the worker (the
``Save-Data`` request header is not visible to a worker, and an init script does not run in one). The installed
app likewise, by an init script that makes ``matchMedia("(display-mode: standalone)")`` match (Chromium's media
emulation has no display-mode).
"""
import functools
import hashlib
import json
import re
import shutil
import sys
from datetime import datetime

import time

import pytest
from matplotlib.image import imread

from conftest import ROOT, built_pages, open_built, serve_folder

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import offline_app  # noqa: E402

NEVER_OPENED = ["book/start/timers.html", "book/home/my-routine.html", "book/home/progress.html",
                "book/techniques/breathing.html", "book/reference/glossary.html"]


def worker_value(site, name):
    """A constant of the built sw.js (VERSION, FILES, CORE, SIZES), read as JSON."""
    return json.loads(re.search(rf"const {name} = (.*?);", (site / "sw.js").read_text(encoding="utf-8"))[1])


def precached(site):
    return worker_value(site, "VERSION"), worker_value(site, "FILES")


def core_list(site):
    return worker_value(site, "CORE"), worker_value(site, "SIZES")


# The paths this origin's worker holds, in every cache but the reader's choice.
CACHED = """async () => {
  const out = [];
  for (const name of await caches.keys()) {
    if (name === "backease-choice") continue;
    for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname.slice(1));
  }
  return out;
}"""


def cached(page) -> set[str]:
    return set(page.evaluate(CACHED))


def test_the_core_holds_its_pages_and_what_they_use_within_budget(site):
    _, files = precached(site)
    core, sizes = core_list(site)
    assert set(core) <= dict(files).keys()
    pages = {rel for rel in core if rel.endswith(".html")}
    assert pages == {rel for rel in offline_app.CORE_PAGES if (site / rel).is_file()}  # a page not built is left out
    assert "book/start/what-to-expect.html" in pages and "manifest.webmanifest" in core
    for rel in pages:
        html = (site / rel).read_text(encoding="utf-8")
        used = set(re.findall(r"_(?:static|images)/[\w/.-]+\.\w+", html))
        assert not used - set(core), (rel, used - set(core))  # stylesheets, scripts, figures (shown or printed)
    size = sum((site / rel).stat().st_size for rel in core)
    assert size <= offline_app.CORE_BUDGET_MB * 1e6, f"the core is {size / 1e6:.2f} MB"
    assert sizes == {"core": offline_app.megabytes(size),
                     "whole": offline_app.megabytes(sum((site / rel).stat().st_size for rel, _ in files))}


def test_the_root_has_a_favicon_for_pages_that_name_none(site):
    from PIL import Image

    with Image.open(site / "favicon.ico") as icon:
        assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]


def test_the_worker_lists_every_page_with_its_content_hash(site):
    version, files = precached(site)
    listed = dict(files)
    for rel in built_pages(site):
        assert rel in listed, rel
        used = re.findall(r"_images/((?:widget/)?[\w.-]+)", (site / rel).read_text(encoding="utf-8"))
        assert not [u for u in used if f"_images/{u}" not in listed], rel  # every figure a page shows or prints
    for rel, digest in files:
        assert hashlib.sha256((site / rel).read_bytes()).hexdigest()[:12] == digest, rel
    assert not [r for r in listed if r.endswith(".map") or r == "sw.js"]
    assert "_static/widget-loader.js" in listed and "manifest.webmanifest" in listed


def test_manifest_and_icons(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Easing a Tight Back" and manifest["display"] == "standalone"
    assert (site / manifest["start_url"]).is_file() and manifest["theme_color"] == offline_app.THEME
    for icon in manifest["icons"]:
        size = int(icon["sizes"].split("x")[0])
        assert imread(site / icon["src"]).shape[:2] == (size, size)
    assert {i["purpose"] for i in manifest["icons"]} == {"any", "maskable"}
    assert imread(site / "icons" / "apple-touch-icon.png").shape[:2] == (180, 180)
    page = (site / "book/start/welcome.html").read_text()
    assert 'rel="apple-touch-icon" href="../../icons/apple-touch-icon.png"' in page


@pytest.fixture
def app_site(site, tmp_path):
    """A copy of the built site, served on 127.0.0.1; returns (folder, base URL, the paths asked for so far)."""
    copy = tmp_path / "html"
    shutil.copytree(site, copy)
    httpd = serve_folder(copy)
    asked: list[str] = []
    handler = httpd.RequestHandlerClass

    class Recorded(handler.func):
        def send_head(self):
            asked.append(self.path.split("?")[0].lstrip("/") or "index.html")
            return super().send_head()

    httpd.RequestHandlerClass = functools.partial(Recorded, *handler.args, **handler.keywords)
    yield copy, f"http://127.0.0.1:{httpd.server_address[1]}", asked
    httpd.shutdown()


STANDALONE = """const matchMedia = window.matchMedia.bind(window);
window.matchMedia = (query) => matchMedia(query.includes("display-mode: standalone") ? "all" : query);"""


def install(browser, base, site, save_data=False, app=False):
    """A fresh browser context that visited the guide once, whose service worker controls it and has kept what a
    first visit keeps (the core; with Save-Data the page read; in the installed app the whole guide)."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    if save_data:
        context.add_init_script("Object.defineProperty(navigator.connection, 'saveData', {get: () => true})")
    if app:
        context.add_init_script(STANDALONE)
    page = context.new_page()
    open_built(page, f"{base}/book/start/welcome.html")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    expected = ({rel for rel, _ in precached(site)[1]} if app else {"book/start/welcome.html"} if save_data
                else set(core_list(site)[0]))
    deadline = time.monotonic() + 60
    while not expected <= cached(page) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    return context, page


def keep_whole_guide(page, base, site):
    """Press "Keep the whole guide" on the offline-app page and wait until it says the guide is kept."""
    open_built(page, f"{base}/book/home/offline-app.html")
    button = page.get_by_role("button", name=f"Keep the whole guide on this device ({core_list(site)[1]['whole']})")
    button.click()
    page.get_by_text("The whole guide is kept on this device").wait_for(timeout=60_000)
    assert button.is_hidden()


def change_page(folder, rel):
    """Change a page of the served copy, as a new version of the guide would (it gains ``#new-build``)."""
    page = folder / rel
    page.write_text(page.read_text().replace("</body>", "<p id='new-build'>New</p></body>"))


def deploy_and_update(page, folder, site) -> dict:
    """Deploy the changed copy (its service worker written again), let the open page find the new version and
    press the update bar's Reload; returns the new version's summary once its cache has replaced the old one."""
    summary = offline_app.write_app(folder, site.parent / ".icons")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.locator(".be-update").wait_for(timeout=30_000)
    assert "A new version of this guide is ready" in page.locator(".be-update").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Reload").click()
    page.wait_for_function(f"caches.keys().then(k => k.length === 2 && k.includes('backease-{summary['version']}'))")
    return summary


def test_a_first_visit_keeps_the_core_and_nothing_else(browser, app_site):
    folder, base, asked = app_site
    context, page = install(browser, base, folder)
    core = set(core_list(folder)[0])
    assert cached(page) == core  # welcome is a core page: it used nothing else
    assert set(asked) <= core | {"book/start/welcome.html", "sw.js"}, set(asked) - core
    context.set_offline(True)
    offline = context.new_page()
    open_built(offline, f"{base}/book/start/safety.html")  # a core page never opened
    assert offline.locator("article h1").first.inner_text().strip()
    offline.goto(f"{base}/book/reference/glossary.html")  # not part of the core: the worker says so
    assert offline.locator("h1").inner_text() == "This page is not on this device yet"
    offline.get_by_role("link", name="Go to the start of the guide").click()
    offline.locator("article h1").first.wait_for()
    assert offline.url == f"{base}/book/start/welcome.html"
    assert "book/reference/glossary.html" not in cached(offline)
    context.close()


def test_with_save_data_only_the_page_read_is_kept(browser, app_site):
    folder, base, asked = app_site
    context, page = install(browser, base, folder, save_data=True)
    open_built(page, f"{base}/book/home/offline-app.html")
    page.get_by_text("Your data saver is on").wait_for()
    kept = cached(page)
    assert {"book/start/welcome.html", "book/home/offline-app.html"} <= kept
    never = {"book/start/safety.html", "book/start/timers.html", "book/start/what-to-expect.html"}
    assert not kept & never and not set(asked) & never, (kept, asked)
    # One tap still keeps the whole guide.
    keep_whole_guide(page, base, folder)
    assert len(cached(page)) == len(precached(folder)[1])
    context.close()


def on_demand_files(html: str) -> set[str]:
    """The files a built page's widgets load only when the reader acts, from the site's root: each ``{"$file": url}``
    in its widget state and the text files it names (``"$texts"``), as book/_ext/widget_state.py writes them."""
    state = json.loads(re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', html,
                                 re.S)[1])
    urls = set()

    def find(value):
        if isinstance(value, dict):
            if "$file" in value:
                urls.update([value["$file"], *value.get("$texts", [])])
            for v in value.values():
                find(v)
        elif isinstance(value, list):
            for v in value:
                find(v)

    find(state)
    return {re.sub(r"^(\.\./)*", "", url) for url in urls}


def test_with_save_data_a_page_read_keeps_what_its_widgets_load_later(browser, app_site):
    """A reader whose browser saves data keeps only the pages they read, and with each the files its widgets load
    only when the reader acts: the timer's diary form, which the page does not download until a session ends. So,
    offline, a session finished on that page still goes in the diary."""
    folder, base, asked = app_site
    rel = "book/start/timers.html"
    later = on_demand_files((folder / rel).read_text(encoding="utf-8"))
    assert later, f"{rel} names no file its widgets load later"
    context, page = install(browser, base, folder, save_data=True)
    open_built(page, f"{base}/{rel}")
    loaded = {r.split(base + "/")[-1] for r in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")}
    assert not later & loaded, "the page downloaded on its first view what its widgets need only later"
    deadline = time.monotonic() + 30
    while not {rel, *later} <= cached(page) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert {rel, *later} <= cached(page), {rel, *later} - cached(page)
    context.set_offline(True)
    offline = context.new_page()
    problems = []
    offline.on("console", lambda m: m.type == "error" and problems.append(m.text))
    offline.on("pageerror", lambda e: problems.append(str(e)))
    open_built(offline, f"{base}/{rel}")
    timer = offline.locator(".be-timer").first
    record = timer.get_by_role("button", name="Record this session in your diary")
    for _ in range(40):  # more steps than the page's timer has
        if record.is_visible():
            break
        timer.get_by_role("button", name="Skip").click()
    record.click()
    timer.get_by_label("Pain before").select_option("5")
    timer.get_by_role("button", name="Save in my diary").click()
    assert "Saved in your diary" in timer.locator(".be-diary-saved").inner_text()
    assert len(offline.evaluate("JSON.parse(localStorage.getItem('backease.diary'))")["entries"]) == 1
    assert not problems, problems
    context.close()


def test_the_installed_app_keeps_the_whole_guide_and_every_page_works_offline(browser, app_site):
    folder, base, _ = app_site
    context, first = install(browser, base, folder, app=True)
    assert cached(first) == {rel for rel, _ in precached(folder)[1]}
    open_built(first, f"{base}/book/home/offline-app.html")
    first.get_by_text("The whole guide is kept on this device").wait_for()
    problems, served = [], []
    context.set_offline(True)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    # A request the next page cancels (the menu's logo, mid-load as the test moves on) is not a failure offline.
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and problems.append(f"failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: served.append((r.url, r.status, r.from_service_worker)))
    page.clock.install(time=datetime(2026, 1, 1, 9, 0))
    for rel in NEVER_OPENED:
        open_built(page, f"{base}/{rel}")
        assert page.locator("article h1").first.inner_text().strip(), rel
    assert not problems, problems
    assert served and all(status == 200 and by_worker for _, status, by_worker in served if not _.startswith("blob:")), served
    # A timer ticks, offline.
    open_built(page, f"{base}/book/start/timers.html")
    timer = page.locator(".be-timer").first
    timer.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(3000)
    assert timer.locator(".be-clock").inner_text() == "00:12"
    # The diary works, offline.
    open_built(page, f"{base}/book/home/progress.html")
    page.get_by_role("button", name="Add a session by hand").click()
    page.get_by_label("Pain before").select_option("5")
    page.get_by_role("button", name="Save in my diary").click()
    assert page.locator(".be-progress").get_attribute("data-entries") == "1"
    assert not problems, problems
    context.close()


def test_a_new_build_keeps_the_readers_choice_and_data_and_says_an_update_is_ready(browser, app_site, site):
    folder, base, asked = app_site
    context, page = install(browser, base, folder)
    keep_whole_guide(page, base, folder)
    open_built(page, f"{base}/book/start/welcome.html")
    assert set(page.evaluate("caches.keys()")) == {"backease-choice", f"backease-{precached(folder)[0]}"}
    assert page.locator(".be-update").count() == 0  # a first install is not an update
    page.evaluate("localStorage.setItem('backease-test', 'kept')")
    stored = page.evaluate("JSON.stringify(localStorage)")
    change_page(folder, "book/start/welcome.html")
    asked.clear()
    summary = deploy_and_update(page, folder, site)
    assert page.locator("#new-build").count() == 1
    assert set(asked) == {"sw.js", "book/start/welcome.html"}  # the files that did not change were copied
    assert len(cached(page)) == summary["files"]  # still the whole guide
    assert page.evaluate("JSON.stringify(localStorage)") == stored
    context.set_offline(True)
    page.reload()
    assert page.locator("#new-build").count() == 1  # the new page, from the new cache
    open_built(page, f"{base}/book/reference/glossary.html")  # a page never opened
    assert page.locator("article h1").first.inner_text().strip()
    context.close()


def test_opened_from_a_file_nothing_is_registered(browser, site):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    open_built(page, (site / "book/start/welcome.html").as_uri())
    assert page.locator("link[rel=manifest]").count() == 0 and not errors
    context.close()


def test_a_reader_of_the_worker_before_the_choice_keeps_the_whole_guide(browser, app_site, site):
    """The worker before this one kept every file and no choice: its first update keeps the whole guide (a teacher
    who relied on it must not find the guide gone in a room with no internet)."""
    folder, base, asked = app_site
    context, page = install(browser, base, folder)
    page.evaluate("caches.delete('backease-choice')")  # as the older worker left it: a cache of files, no choice
    change_page(folder, "book/start/welcome.html")
    summary = deploy_and_update(page, folder, site)
    page.wait_for_function(f"caches.open('backease-choice').then(c => c.match('{base}/choice')).then(r => r && r.text())"
                           ".then(t => t === 'whole')", timeout=30_000)
    deadline = time.monotonic() + 60
    while len(cached(page)) < summary["files"] and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert len(cached(page)) == summary["files"]
    context.close()


def read_through(page, url):
    """Open a page and scroll down it to the end, as a reader does (its figures load as they come into view)."""
    open_built(page, url)
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height, 600):  # a frame at each place: the browser decides there which figures to load
        page.evaluate("y => new Promise((done) => { scrollTo(0, y); requestAnimationFrame(() => requestAnimationFrame(done)); })", y)
    page.wait_for_function("[...document.images].every(i => i.complete)")


def test_a_reader_of_the_core_keeps_the_pages_they_read_across_an_update(browser, app_site, site):
    """A reader who never asked for the whole guide (the core only) reads two pages outside it; a new version is
    deployed, changing one of them and a core page; after the update, offline, both pages open, in their new
    version, with their figures, and so does the core; a page never read still is not on the device."""
    folder, base, asked = app_site
    context, page = install(browser, base, folder)
    read = ["book/understand/anatomy.html", "book/reference/glossary.html"]  # the first has figures
    for rel in reversed(read):
        read_through(page, f"{base}/{rel}")
    used = set(page.evaluate("performance.getEntriesByType('resource').map(e => new URL(e.name).pathname.slice(1))"))
    figures = {u for u in used if u.startswith("_images/")}
    assert figures and not figures & set(core_list(folder)[0]), "the page read uses figures outside the core"
    deadline = time.monotonic() + 30
    while not {*read, *figures} <= cached(page) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    choice = f"caches.open('backease-choice').then(c => c.match('{base}/choice')).then(r => r.text())"
    assert page.evaluate(choice) == "core"
    for rel in (read[0], "book/start/safety.html"):  # a page read and a core page change; the glossary does not
        change_page(folder, rel)
    deploy_and_update(page, folder, site)
    assert {*read, *figures, *core_list(folder)[0]} <= cached(page) and page.evaluate(choice) == "core"
    context.set_offline(True)
    offline = context.new_page()
    problems = []
    offline.on("console", lambda m: m.type == "error" and problems.append(m.text))
    offline.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and problems.append(f"failed: {r.url} ({r.failure})"))
    for rel, new in [(read[0], True), (read[1], False), ("book/start/safety.html", True),
                     ("book/start/what-to-expect.html", False)]:
        read_through(offline, f"{base}/{rel}")
        assert offline.locator("article h1").first.inner_text().strip(), rel
        assert offline.locator("#new-build").count() == int(new), rel
        assert offline.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)"), rel
    assert not problems, problems
    offline.goto(f"{base}/book/reference/evidence.html")  # never read, outside the core
    assert offline.locator("h1").inner_text() == "This page is not on this device yet"
    context.close()
