"""Shared test fixtures: one strict build per test session, a local server, headless Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]


@pytest.fixture(scope="session")
def site() -> Path:
    """The built HTML, built once per test session with the same strict command as `make book`."""
    run = subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT, capture_output=True, text=True)
    if run.returncode:
        pytest.fail(f"the strict book build failed:\n{run.stdout[-6000:]}\n{run.stderr[-6000:]}", pytrace=False)
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """Base URL of the built site served on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium not found: install Debian's 'chromium' package (make test does this"
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


def _is_local(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("file", "data", "blob", "about") or parts.hostname == "127.0.0.1"


def watched_page(context):
    """A new page in ``context`` that can reach only 127.0.0.1 and local files, and what it did wrong."""
    watch = PageWatch()

    def route(r):
        if _is_local(r.request.url):
            r.continue_()
        else:
            watch.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and watch.console_errors.append(f"{m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("response", lambda r: r.status >= 400 and watch.http_errors.append(f"HTTP {r.status}: {r.url}"))
    page.on("requestfailed", lambda r: _is_local(r.url) and watch.failed.append(f"failed: {r.url} ({r.failure})"))
    return page, watch


@pytest.fixture
def offline_page(browser):
    """A fresh offline page; returns (page, watch)."""
    context = browser.new_context()
    yield watched_page(context)
    context.close()


def widget_states(site: Path, rel: str) -> list[dict]:
    """The anywidget states saved in built page ``rel``, as its widgets see them (shared values put back)."""
    import json
    import sys

    from bs4 import BeautifulSoup

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from widget_state import unshared

    tag = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser").select_one(
        "script[type='application/vnd.jupyter.widget-state+json']")
    return list(unshared(json.loads(tag.string)).values()) if tag else []


def built_pages(site: Path) -> list[str]:
    """Every page of the book, as a path relative to the site root."""
    skip = ("_static", "_sources", "_images")
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in skip)


def open_built(page, url: str) -> None:
    """Load a built page and wait until every widget on it has rendered (or failed to)."""
    page.goto(url, wait_until="load")
    page.wait_for_function("!document.querySelector('script[type=\"application/vnd.jupyter.widget-view+json\"]')")


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DARK = "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');"


def _crawl(browser, site, url_of, viewport, dark=False, device_scale_factor=1):
    """Visit every built page once, offline, and record for each: problems, page width, axe-core violations."""
    import axe_playwright_python

    axe = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    context = browser.new_context(viewport=viewport, device_scale_factor=device_scale_factor)
    if dark:
        context.add_init_script(DARK)
    page, watch = watched_page(context)
    results = {}
    for rel in built_pages(site):
        open_built(page, url_of(rel))
        page.evaluate("document.fonts.ready.then(() => true)")  # late requests: the icon font
        problems = watch.problems()  # before axe runs: it fetches stylesheets its own way
        page.add_script_tag(path=str(axe))
        violations = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        results[rel] = {
            "problems": problems,
            "width": page.evaluate("document.documentElement.scrollWidth"),
            "theme": page.evaluate("document.documentElement.dataset.theme"),
            "violations": violations["violations"],
        }
        watch.__init__()
    context.close()
    return results


@pytest.fixture(scope="session")
def crawl_phone(browser, site, server):
    """Every page over http, on a 320 px phone, in the light theme."""
    return _crawl(browser, site, lambda rel: f"{server}/{rel}", {"width": 320, "height": 640})


@pytest.fixture(scope="session")
def crawl_zoomed(browser, site):
    """Every page from the files (file://), at 200 % zoom of a 1280 px screen, in the dark theme."""
    return _crawl(browser, site, lambda rel: (site / rel).as_uri(), {"width": 640, "height": 400}, dark=True,
                  device_scale_factor=2)
