"""The installable offline app: manifest, icons and service worker, checked in the built site and in Chromium.

Each browser test serves its own copy of the built site, so a test can play "a new build".
"""
import hashlib
import json
import re
import shutil
import sys
from datetime import datetime

import pytest
from matplotlib.image import imread

from conftest import ROOT, built_pages, open_built, serve_folder

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import offline_app  # noqa: E402

NEVER_OPENED = ["book/start/timers.html", "book/home/my-routine.html", "book/home/progress.html",
                "book/techniques/breathing.html", "book/reference/glossary.html"]


def precached(site):
    text = (site / "sw.js").read_text(encoding="utf-8")
    return re.search(r'const VERSION = "(\w+)"', text)[1], json.loads(re.search(r"const FILES = (\[.*?\]);", text)[1])


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
    """A copy of the built site, served on 127.0.0.1; returns (folder, base URL)."""
    copy = tmp_path / "html"
    shutil.copytree(site, copy)
    httpd = serve_folder(copy)
    yield copy, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def install(browser, base):
    """A fresh browser context that visited the guide once and whose service worker now controls it."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    open_built(page, f"{base}/book/start/welcome.html")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    return context, page


def test_after_one_visit_every_page_works_offline(browser, app_site):
    folder, base = app_site
    context, first = install(browser, base)
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


def test_a_new_build_replaces_the_cache_and_says_an_update_is_ready(browser, app_site, site):
    folder, base = app_site
    context, page = install(browser, base)
    old = page.evaluate("caches.keys()")
    assert old == [f"backease-{precached(folder)[0]}"]
    assert page.locator(".be-update").count() == 0  # a first install is not an update
    welcome = folder / "book/start/welcome.html"
    welcome.write_text(welcome.read_text().replace("</body>", "<p id='new-build'>New</p></body>"))
    summary = offline_app.write_app(folder, site.parent / ".icons")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.locator(".be-update").wait_for(timeout=30_000)
    assert "A new version of this guide is ready" in page.locator(".be-update").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Reload").click()
    page.wait_for_function(f"caches.keys().then(k => k.join() === 'backease-{summary['version']}')")
    assert page.locator("#new-build").count() == 1
    context.set_offline(True)
    page.reload()
    assert page.locator("#new-build").count() == 1  # the new page, from the new cache
    context.close()


def test_opened_from_a_file_nothing_is_registered(browser, site):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    open_built(page, (site / "book/start/welcome.html").as_uri())
    assert page.locator("link[rel=manifest]").count() == 0 and not errors
    context.close()
