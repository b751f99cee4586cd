"""Shared test fixtures: one strict build per test run (begun in the background), a local server,
headless Chromium, the crawl of every page; and the order in which pytest-xdist's workers take tests."""
from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
    # Nothing leaves the machine: every request goes through a proxy that is not there (port 9, "discard", has no
    # listener), except to this machine (127.0.0.1 and localhost, which Chromium never sends through a proxy).
    # The tests hear of each such request when it fails there (watched_page).
    "--proxy-server=http://127.0.0.1:9",
]


BUILD_LOCK = ROOT / "_build" / ".test-build.lock"
BUILD_RESULT = ROOT / "_build" / ".test-build.json"
# One id for the whole test run, shared by pytest-xdist's workers.
RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
_build: threading.Thread | None = None


def _build_site(lock: int) -> None:
    """The strict build (the command of `make book`); its result is kept for every worker, then the lock is freed."""
    try:
        with tempfile.TemporaryFile("w+") as out:
            code = subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT, stdout=out,
                                  stderr=subprocess.STDOUT).returncode
            out.seek(0)
            BUILD_RESULT.write_text(json.dumps({"run": RUN_ID, "code": code, "log": out.read()[-12000:]}))
    finally:
        os.close(lock)  # frees the lock


def _start_build() -> threading.Thread:
    """Start the build in a thread, holding the build lock from now until its result is written."""
    BUILD_LOCK.parent.mkdir(parents=True, exist_ok=True)
    lock = os.open(BUILD_LOCK, os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)
    thread = threading.Thread(target=_build_site, args=(lock,), name="book build")
    thread.start()
    return thread


def _this_runs_build() -> dict | None:
    """The result of this run's build once it has finished (waits for a build under way), or None if none was started."""
    BUILD_LOCK.parent.mkdir(parents=True, exist_ok=True)
    with BUILD_LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_SH)
        result = json.loads(BUILD_RESULT.read_text()) if BUILD_RESULT.is_file() else None
    return result if result and result["run"] == RUN_ID else None


# Modules whose tests share a costly fixture (one part of a crawl of every page; a Jupyter server): one
# pytest-xdist worker runs all of a module's tests that share the fixture's parameter (the crawl's part), or
# the whole module; they start first.
ONE_WORKER = {"test_crawl.py", "test_jupyterlab.py"}
# Modules whose tests are long and share nothing costly: each test is a unit of work of its own. Any other module
# is one unit, so that its module fixtures (a browser tab, a widget whose figures are drawn) are made once.
EACH_TEST = {"test_offline_app.py"}
# The longest tests of the built book (over about 10 s on a quiet machine; `make test` prints the slowest):
# they start first, after the ONE_WORKER units, so that none is left running alone at the end of the run.
LONGEST = {
    "test_home_programme.py::test_six_weeks_of_sessions_move_the_levels_as_pythons_rules_say",
    "test_quality.py::test_internal_links_resolve",
    "test_offline_app.py::test_a_new_build_keeps_the_readers_choice_and_data_and_says_an_update_is_ready",
    "test_offline_app.py::test_a_reader_of_the_worker_before_the_choice_keeps_the_whole_guide",
    "test_offline_app.py::test_the_installed_app_keeps_the_whole_guide_and_every_page_works_offline",
    "test_clinical_wording.py::test_the_outlook_is_worded_as_the_nhs_words_it",
    "test_checks_pages.py::test_every_path_reaches_its_outcome",
}


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        units: dict[str, str] | None = None

        def _split_scope(self, nodeid):
            if self.units is None:  # the collection, in the order pytest_collection_modifyitems set, is known now
                self.units = work_units(self.collection)
            return self.units[nodeid]

    return Scheduling(config, log)


def _unit_of(nodeid: str) -> str:
    module, _, test = nodeid.partition("::")
    if Path(module).name in EACH_TEST:
        return nodeid
    if Path(module).name in ONE_WORKER and "[" in test:
        return module + test[test.index("["):]  # "[phone-1of4]": that part of the crawl's tests
    return module


def work_units(nodeids: list[str]) -> dict[str, str]:
    """The unit of work (pytest-xdist's scope) of each test, given in the order tests run: its module (or part of
    a crawl, or the test alone: ``_unit_of``), cut where the order leaves it. A module's tests that need no
    build and those that do are apart in the order, so they are two units: the first runs while the book builds,
    and does not hold a worker waiting for the build with the module's other tests."""
    units, seen, last = {}, {}, None
    for nodeid in nodeids:
        unit = _unit_of(nodeid)
        if unit != last:
            seen[unit] = seen.get(unit, 0) + 1
            last = unit
        units[nodeid] = unit if seen[unit] == 1 else f"{unit} (part {seen[unit]})"
    return units


# Generated cases (Hypothesis): a property test names its whole count n (``cases(n)``). `make test`, which CI runs,
# gives `--hypothesis-profile=full` and runs 60 % of it, so that the whole suite keeps within 4 minutes on 2 cores (each
# CI run draws new cases); `--hypothesis-profile=long` runs all n, to search harder; a run without a profile
# (`pytest`, `make unit`: the quick check while you work) a third. No case has a time limit (Hypothesis's deadline,
# 200 ms by default): how long a case takes says how busy the machine is (the tests run behind the build, beside
# other workers), not whether the code is right; `make bench` measures times.
settings.register_profile("long", max_examples=100, deadline=None)
settings.register_profile("full", max_examples=60, deadline=None)
settings.register_profile("quick", max_examples=34, deadline=None)


def cases(n: int) -> int:
    """How many generated cases a property test runs: ``n`` in the long profile, a share of it in the others."""
    return max(10, round(n * settings.default.max_examples / 100))


def pytest_configure(config):
    if not config.getoption("hypothesis_profile", None):
        settings.load_profile("quick")


def pytest_addoption(parser):
    parser.addoption("--shuffle", metavar="SEED", help="run the tests in an order shuffled with SEED, or"
                     " 'reverse': no test may depend on the order (the tests that need the build still come last)")


def pytest_itemcollected(item):
    """Each test's kind, from the fixtures it uses, so that no test can forget it (pyproject registers them):
    ``site`` (the built book), ``browser`` (Chromium), both, or else ``unit``. A test as costly without these
    fixtures (a build, a kernel) is marked ``site`` by hand: test_build.py, test_notebooks.py."""
    kinds = [kind for kind in ("site", "browser") if kind in item.fixturenames]
    for kind in kinds:
        item.add_marker(kind)
    if not kinds and not item.get_closest_marker("site"):
        item.add_marker("unit")


def _shuffled(items, how: str | None):
    if how == "reverse":
        items.reverse()
    elif how is not None:
        random.Random(how).shuffle(items)  # the same order in every pytest-xdist worker


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected
def pytest_collection_modifyitems(config, items):
    """Start the build in the background and first run the tests that do not need it, meanwhile; of
    the others, first the ONE_WORKER modules, then the LONGEST tests (the longest work first). With pytest-xdist
    (which keeps this order: --no-loadscope-reorder) every worker collects the same tests and only the first
    one builds."""
    global _build
    _shuffled(items, config.getoption("shuffle"))
    stray = [item.nodeid for item in items if "crawl" in item.fixturenames and item.path.name != "test_crawl.py"]
    if stray:
        raise pytest.UsageError(f"tests that use the crawl belong in test_crawl.py, or each worker crawls: {stray}")
    items.sort(key=lambda item: ("site" in item.fixturenames, item.path.name not in ONE_WORKER,
                                 f"{item.path.name}::{item.originalname}" not in LONGEST))
    if any("site" in item.fixturenames for item in items):
        if os.environ.get("PYTEST_XDIST_WORKER", "gw0") == "gw0":
            _build = _start_build()
        os.nice(TESTS_BEHIND_BUILD)


# While the book builds, every worker runs its tests at a lower priority (a higher nice value): the build has the
# cores first and is done sooner, and the tests take what it leaves (while its kernels start, in its parts that
# run in one process). Else the workers ran every test that needs no build first, then waited for the build's end
# with a core idle. Linux keeps a nice value for each thread: the build's thread, started before, keeps its own, as
# do the build's processes. Once the build is done, every test and what it starts (a browser, a kernel) has the
# same priority, so that none runs ahead of another.
TESTS_BEHIND_BUILD = 5


def pytest_sessionfinish():
    if _build:
        _build.join()


@pytest.fixture(scope="session")
def site() -> Path:
    """The built HTML, built once per test run with the same strict command as `make book`."""
    global _build
    result = _this_runs_build()
    if result is None:  # no collected test named the fixture, so no build was started
        _build = _start_build()
        result = _this_runs_build()
    if result["code"]:
        pytest.fail(f"the strict book build failed:\n{result['log']}", pytrace=False)
    return SITE


@pytest.fixture(scope="session")
def server(site):
    """Base URL of the built site served on 127.0.0.1, as ``make serve`` serves it (tools/serve.py)."""
    httpd = serve_folder(site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def serve_folder(folder: Path):
    """``folder`` served on a free port of 127.0.0.1 by the guide's own server, in a thread."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from serve import serve_in_thread

    return serve_in_thread(folder)


def chromium_path(program: str = "chromium-headless-shell") -> str:
    """The browser's program: $CHROMIUM if set, else Debian's ``program``. The tests run Chromium's headless
    shell (Debian's ``chromium-headless-shell``: Chromium's engine, source and version, without the desktop
    browser around it; Playwright's own default for headless tests): the suite took a quarter less time than in
    the whole browser, whose main process did twice the work. The benchmarks measure in ``chromium``."""
    path = os.environ.get("CHROMIUM") or shutil.which(program)
    if not path:
        pytest.fail(f"{program} not found: install Debian's '{program}' package (make test does this"
                    " when it can) or set CHROMIUM=/path/to/chromium", pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class PageWatch:
    """Records what a page did wrong: outside requests, HTTP errors, console and page errors."""

    def __init__(self):
        self.outside: list[str] = []
        self.http_errors: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.failed: list[str] = []

    def problems(self) -> list[str]:
        return ([f"outside request: {u}" for u in self.outside] + self.http_errors
                + [f"console error: {m}" for m in self.console_errors]
                + [f"page error: {m}" for m in self.page_errors] + self.failed)


def settled_problems(watch: PageWatch) -> list[str]:
    """What a page did wrong, less the requests a test's own quick navigation cut short (net::ERR_ABORTED)."""
    return [p for p in watch.problems() if not (p.startswith("failed: ") and p.endswith("(net::ERR_ABORTED)"))]


def _is_local(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("file", "data", "blob", "about") or parts.hostname == "127.0.0.1"


# Chromium tells a page's console of each response with an HTTP error status (4xx, 5xx) it gets: its document, what
# it loads, what it fetches. The watch hears of those errors there, not from Playwright's "request" and "response"
# events, which would send Python three messages for every request of a page (about 18 a page), error or not.
HTTP_ERROR = re.compile(r"Failed to load resource: the server responded with a status of (\d+)")


def watched_page(context):
    """A new page in ``context`` and what it did wrong; any request of the context (its pages, its service
    worker) to anywhere but 127.0.0.1 or local files is an outside request: CHROMIUM_FLAGS make each fail, at a
    proxy that is not there, so the watch hears of it without hearing of every request."""
    watch = PageWatch()
    context.on("requestfailed", lambda r: _is_local(r.url) or watch.outside.append(r.url))
    return _watch(context.new_page(), watch), watch


@contextlib.contextmanager
def another_tab(page, watch: PageWatch):
    """A second tab beside ``page`` (from ``watched_page``), in its browser context (the same site data), whose
    problems go to the same ``watch``; closed at the end of the ``with`` block."""
    tab = _watch(page.context.new_page(), watch)
    try:
        yield tab
    finally:
        tab.close()


def _heard(watch: PageWatch, message) -> None:
    if message.type == "error":
        url = message.location.get("url")
        status = HTTP_ERROR.match(message.text)
        if status:
            watch.http_errors.append(f"HTTP {status[1]}: {url}")
        else:
            watch.console_errors.append(f"{message.text} ({url})")


def _watch(page, watch: PageWatch):
    page.on("console", lambda m: _heard(watch, m))
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: _is_local(r.url) and watch.failed.append(f"failed: {r.url} ({r.failure})"))
    return page


# Fill this origin's storage until the browser refuses even one more character, leaving ``room`` characters free
# first; returns how many it kept. Pieces of a megabyte and less, each under a key of its own, then a short value
# grown to the last character: growing one long value instead copies it again at each step (seconds of CPU).
# FREE gives the room back.
FILL = """(room = 0) => {
  if (room) localStorage.setItem("room", "x".repeat(room));
  localStorage.setItem("filler-tail", "");
  let chunk = "x".repeat(1 << 20), n = 0;
  while (chunk.length) {
    try { localStorage.setItem(`filler-${n}`, chunk); n += 1; } catch (err) { chunk = chunk.slice(0, chunk.length >> 1); }
  }
  try { for (;;) localStorage.setItem("filler-tail", localStorage.getItem("filler-tail") + "x"); } catch (err) {}
  localStorage.removeItem("room");
  return Object.keys(localStorage).filter((k) => k.startsWith("filler-")).reduce((sum, k) => sum + localStorage.getItem(k).length, 0);
}"""
FREE = "() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k))"
# Storage off (site data blocked, some private windows): the browser refuses access to both its stores, as Chromium
# does ("Access is denied for this document"). An init script.
STORAGE_OFF = """for (const name of ["localStorage", "sessionStorage"]) Object.defineProperty(window, name, {get() {
  throw new DOMException("Access is denied for this document.", "SecurityError"); }});"""


def site_context(browser, **options):
    """A new browser context for the built pages, with service workers blocked: in a new context, the offline
    app's worker would download the whole site in the background of every test. The tests of the offline
    app (test_offline_app.py, test_serve.py) and the phone crawl let it install."""
    return browser.new_context(service_workers="block", **options)


@pytest.fixture
def offline_page(browser):
    """A fresh offline page; returns (page, watch)."""
    context = site_context(browser)
    yield watched_page(context)
    context.close()


def _module_tab(browser):
    context = site_context(browser)
    page, watch = watched_page(context)
    page.goto("about:blank")  # a blank document navigated to, as each test after it finds the tab
    yield page, watch
    context.close()


@pytest.fixture(scope="module")
def module_tab(browser):
    """One offline tab for a module's tests of the built pages, through ``reused_page``: a new tab
    (a new renderer process) costs more CPU than most of those tests."""
    yield from _module_tab(browser)


@pytest.fixture(scope="module")
def module_clock_tab(browser):
    """The module's other offline tab, through ``clocked_page``: the one whose pages have a fake clock."""
    yield from _module_tab(browser)


@contextlib.contextmanager
def _as_new(tab, server):
    """The tab as good as new for one test: a blank document, nothing stored for the served site, and
    what the test set (window size, print media, permissions) put back after it. Between tests the tab
    waits on a blank document: one navigation a test (a navigation costs a fifth of a page's load)."""
    page, watch = tab
    viewport = page.viewport_size
    if page.url != "about:blank":
        page.goto("about:blank")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Storage.clearDataForOrigin", {"origin": server, "storageTypes": "all"})
    cdp.detach()
    watch.__init__()
    yield page, watch
    if page.url.startswith(server):  # this tab's own store for the site, which the storage above leaves
        if not page.evaluate("() => { try { sessionStorage.clear(); return true; } catch (err) { return false; } }"):
            page.goto(f"{server}/manifest.webmanifest")  # the test's page refused storage (STORAGE_OFF): a page that does not
            page.evaluate("sessionStorage.clear()")
    page.goto("about:blank")  # a document that stays (the test's may be on its way to another), with nothing to redo
    page.set_viewport_size(viewport)  # for the settings put back
    page.emulate_media(media="null")
    page.context.clear_permissions()


def _has_fake_clock(page) -> bool:
    """Whether the tab's blank document (where ``_as_new`` leaves it) has the fake clock of Playwright's
    ``page.clock``, as every document after it would."""
    return page.evaluate("'__pwClock' in window")


@pytest.fixture
def reused_page(module_tab, server):
    """The module's tab as good as new for one test (``_as_new``), with the page's own clock: a fake clock
    cannot be taken off a page, so a test that needs one uses ``clocked_page``, and one that installs it
    here fails. Init scripts a test adds it takes off (``with page.add_init_script(...)``). Returns (page, watch)."""
    with _as_new(module_tab, server) as (page, watch):
        if _has_fake_clock(page):
            pytest.fail("an earlier test of this module installed a fake clock on reused_page", pytrace=False)
        yield page, watch
    assert not _has_fake_clock(page), "this test installed a fake clock: it uses clocked_page, not reused_page"


@pytest.fixture
def clocked_page(module_clock_tab, server):
    """``reused_page`` with a fake clock, on the module's other tab: installed and running (not paused
    where the last test left it: the loader renders each widget in a task of its own). The test sets its
    time (``page.clock.install(time=...)``). Returns (page, watch)."""
    with _as_new(module_clock_tab, server) as (page, watch):
        page.clock.install()
        page.clock.resume()
        yield page, watch


def build_widget_state():
    """The build's module that makes a page's widget state light (book/_ext/widget_state.py)."""
    import sys

    if str(ROOT / "book" / "_ext") not in sys.path:
        sys.path.insert(0, str(ROOT / "book" / "_ext"))
    import widget_state

    return widget_state


@functools.cache
def widget_states(site: Path, rel: str) -> list[dict]:
    """The anywidget states saved in built page ``rel``, as its widgets see them (shared values put back, texts
    read from their files), read once per test worker: tests share them, so they only read them."""
    tag = parsed_page(site, rel).select_one("script[type='application/vnd.jupyter.widget-state+json']")
    return list(build_widget_state().unshared(json.loads(tag.string), site / rel).values()) if tag else []


def built_pages(site: Path) -> list[str]:
    """Every page of the book, as a path relative to the site root."""
    skip = ("_static", "_sources", "_images")
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in skip)


@functools.cache
def _parsed(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def parsed_page(site: Path, rel: str):
    """A built page parsed by BeautifulSoup, once per test worker (``rel`` may name it through "..", as a link does):
    tests share it, so they only read it."""
    return _parsed(Path(os.path.normpath(site / rel)))


VIEW_TYPE = "application/vnd.jupyter.widget-view+json"  # where myst-nb puts a widget, until the loader shows it
WIDGET_VIEWS = f'script[type="{VIEW_TYPE}"]'  # the widgets of a page not (yet) shown
WIDGETS_SHOWN = f"!document.querySelector('{WIDGET_VIEWS}')"


def open_built(page, url: str) -> None:
    """Load a built page and wait until every widget on it has rendered (or failed to)."""
    page.goto(url, wait_until="load")
    page.wait_for_function(WIDGETS_SHOWN)


def widget_view(model_id: str) -> str:
    """Where a page shows widget ``model_id``, as myst-nb marks it."""
    return f'<script type="{VIEW_TYPE}">{{"model_id": "{model_id}"}}</script>'


def widget_page(folder: Path, states: dict[str, dict], body: str, as_built: bool = False) -> str:
    """A page of ``body`` (its widgets marked by ``widget_view``) with widget ``states`` (model id: its model's
    name, module and state), shown by the book's widget-loader.js as on a built page; written in ``folder``,
    returns its file:// URL. ``as_built``: the states made light as the build makes them (long texts, then the
    values needed on demand, in files beside the page; repeated values stored once)."""
    manager = {"version_major": 2, "version_minor": 0, "state": states}
    if as_built:
        build = build_widget_state()
        build.share_repeated_values(build.on_demand_to_files(build.texts_to_files(manager, folder, ""), folder, ""))
    shutil.copy(ROOT / "book" / "_assets" / "widget-loader.js", folder)
    (folder / "page.html").write_text(
        f'<!doctype html><html lang="en"><title>widgets</title><main>{body}</main>'
        f'<script type="application/vnd.jupyter.widget-state+json">{json.dumps(manager)}</script>'
        '<script src="widget-loader.js"></script></html>', encoding="utf-8")
    return (folder / "page.html").as_uri()


def keep(page, server: str, values: dict[str, str]) -> None:
    """Put ``values`` in the served site's local storage, as a browser that kept them has them before a page
    opens: written from a file of the site with nothing to load (its manifest), not from a page of it."""
    page.goto(f"{server}/manifest.webmanifest")
    page.evaluate("values => Object.entries(values).forEach(([k, v]) => localStorage.setItem(k, v))", values)


def reload_built(page) -> None:
    """Load the built page again, as the reader's reload does, and wait as ``open_built`` does."""
    page.reload(wait_until="load")
    page.wait_for_function(WIDGETS_SHOWN)


# A page writes to the browser's storage in the task that saves (the tests check it). Over file://, Chromium sometimes
# gives a reloaded page a store of its own, empty, for that one load: the next load has the real one again. Seen in
# a loop of save-and-reload with the cores busy (14 loads in 1,500 over file://, none in 600 over http), and in 3 of
# about 12 runs of the whole suite (the diary and the home plan), never a test alone. And three times, in a whole
# suite from a fresh clone, what the page saved never reached the store: every reload for 10 s found only the keys
# it wrote itself (the theme's). So a test that saves in a page of the files and reloads it to see what it saved
# reloads until it shows it, for up to READ_BACK_S, and if it never does, saves once more and reloads again; a page
# that does not show what it saved fails both, and the test says what each load found in the store.
READ_BACK_S = 10
SAVES = 2


def save_and_reload_until(page, save, shown):
    """``save(page)``, then reload the built page (``reload_built``) until ``shown(page)`` is true, for up to
    ``READ_BACK_S``, and return its value; if it never is, the same again, ``SAVES`` times in all (see above).
    Fails, naming the keys each load found kept, if it is never shown."""
    found = []
    for _ in range(SAVES):
        save(page)
        deadline = time.monotonic() + READ_BACK_S
        while time.monotonic() < deadline:
            reload_built(page)
            result = shown(page)
            if result:
                return result
            found.append(page.evaluate("Object.keys(localStorage).sort()"))
    pytest.fail(f"not shown after {SAVES} saves, in {len(found)} loads; the keys each found kept: {found}")


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DARK = "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');"


# The axe-core rules a crawl runs: every rule of AXE_TAGS, or those whose result depends on the theme's colours.
# Neither fetches the page's stylesheets again ("preload"): only css-orientation-lock reads them, and
# test_quality.py checks instead that nothing in the built site names the screen's orientation.
AXE_RULES = {
    "all": {"runOnly": {"type": "tag", "values": AXE_TAGS}, "rules": {"css-orientation-lock": {"enabled": False}},
            "preload": False},
    "colours": {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}, "preload": False},
}
CRAWLS = {  # name: how its tab is set up, where it loads each page from, the theme it should show, the axe rules
    "phone": {"viewport": {"width": 320, "height": 640}, "over": "http", "theme": "light", "axe": "all"},
    "zoomed": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2, "dark": True, "over": "file",
               "theme": "dark", "axe": "colours"},
}
# Each crawl is cut into parts, each a unit of work for pytest-xdist: the workers share every crawl
# to its end, rather than one worker crawling while the others wait at the end of the run. Page k goes to
# part k % CRAWL_PARTS, so that the longest pages (a class's course, its technique sheets) fall apart.
CRAWL_PARTS = 4


def colours_settled(page) -> None:
    """Wait until no colour is on its way from one value to another: the theme's transitions (150-250 ms, as a page
    takes on its theme when it loads, or a button its state) have ended, so that what axe-core reads next is the
    page's own colours, not a moment of a fade. Endless animations (a spinner) do not count."""
    page.wait_for_function("document.getAnimations().every(a => a.effect.getTiming().iterations === Infinity)")


# axe-core reads the colours only of what the browser has laid out; a part of a long page far from the screen
# (content-visibility: auto, the course's weeks) is laid out when the reader comes near it. In the pages axe checks,
# every part is laid out at once, so that it checks them all.
LAY_OUT_EVERY_PART = "* { content-visibility: visible !important; }"
EVERY_PART_LAID_OUT = f"""addEventListener("DOMContentLoaded", () => document.head.append(Object.assign(
  document.createElement("style"), {{textContent: "{LAY_OUT_EVERY_PART}"}})));"""


def add_axe(context, cached: bool = True) -> None:
    """Load axe-core (as the package axe-playwright-python holds it, pinned in requirements.txt) in every page of
    ``context``: sent to the browser once, not with each page; and lay out every part of each page
    (``EVERY_PART_LAID_OUT``). ``cached``: with tests/js/axe_colour_cache.js, which parses each CSS colour once,
    for half the time of the colour rules and the same results."""
    import axe_playwright_python

    context.add_init_script(EVERY_PART_LAID_OUT)
    context.add_init_script(path=Path(axe_playwright_python.__file__).parent / "axe.min.js")
    if cached:
        context.add_init_script(path=ROOT / "tests" / "js" / "axe_colour_cache.js")


def _crawl(browser, site, server, setup, part: int):
    """Visit every ``CRAWL_PARTS``-th built page from the ``part``-th in one offline tab set up as ``setup``
    (one of ``CRAWLS``) and record for each: problems, page width, theme and axe-core violations (of the crawl's
    ``AXE_RULES``; axe-core gathers only the violations in full, the one result the tests read)."""
    url_of = {"http": lambda rel: f"{server}/{rel}", "file": lambda rel: (site / rel).as_uri()}[setup["over"]]
    context = browser.new_context(viewport=setup["viewport"], device_scale_factor=setup.get("device_scale_factor", 1))
    if setup.get("dark"):
        context.add_init_script(DARK)
    add_axe(context)
    page, watch = watched_page(context)
    results = {}
    for rel in built_pages(site)[part::CRAWL_PARTS]:
        watch.__init__()
        open_built(page, url_of(rel))
        page.evaluate("document.fonts.ready.then(() => true)")  # late requests: the icon font
        results[rel] = {"problems": settled_problems(watch),  # before axe runs; less what the last page left cut short
                        "width": page.evaluate("document.documentElement.scrollWidth"),
                        "theme": page.evaluate("document.documentElement.dataset.theme")}
        colours_settled(page)
        results[rel]["violations"] = page.evaluate("options => axe.run(document, options).then(r => r.violations)",
                                                   {**AXE_RULES[setup["axe"]], "resultTypes": ["violations"]})
    context.close()
    return results


@pytest.fixture(scope="session", params=[(name, part) for name in CRAWLS for part in range(CRAWL_PARTS)],
                ids=lambda p: f"{p[0]}-{p[1] + 1}of{CRAWL_PARTS}")
def crawl(request, browser, site, server):
    """Every page, once per crawl: over http on a 320 px phone in the light theme ("phone"), and from the
    files (file://) at 200 % zoom of a 1280 px screen in the dark theme ("zoomed"). Each crawl comes in
    ``CRAWL_PARTS`` parts; one part is a unit of work of its own for pytest-xdist, which the workers
    share. Returns the crawl's name, the part's number and its record of each of its pages."""
    name, part = request.param
    return name, part, _crawl(browser, site, server, CRAWLS[name], part)


@pytest.fixture(scope="module")
def rules():
    """widgets/static/rules.js whole, as ``esm_module`` joins it (each widget gets the same text of the declarations
    it uses), running in node: ``rules("name", *args)`` calls one of its functions (tests/node_module.py)."""
    from backease.widgets.static_modules import esm_module
    from node_module import NodeModule

    module = NodeModule(esm_module("rules.js"))
    yield module
    module.close()
