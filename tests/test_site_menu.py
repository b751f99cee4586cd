"""The site menu (☰) and "on this page" on a phone, tapped as a finger taps them: every kind of page,
both panels, and the two ways to close them (a tap outside, Escape); the ☰ on a tablet and a laptop;
the download menu, whose script loads on the first tap (book/_templates/static/webpack-macros.html);
and the landing page, which links to every part of the guide."""
import os
from pathlib import Path

import pytest
import yaml

from conftest import (FILL, ROOT, STORAGE_OFF, colours_settled, keep, open_built, parsed_page, settled_problems,
                      site_context, watched_page)
from phone import PANELS, PHONE, panel_link, wait_closed

PAGES = {  # a page of each kind: a heading its "on this page" panel lists, and a page its menu leads to
    "text": ("book/start/safety.html", "Stop rules for every technique", "What to expect"),
    "technique": ("book/techniques/psoas.html", "Who should not do it", "Spinal anatomy"),
    "class": ("book/class/course.html", "The course at a glance", "Class plans"),
    "search": ("search.html", None, "Safety first"),
}
MENU, CONTENTS = PANELS["menu"][1], PANELS["contents"][1]


@pytest.fixture(scope="module")
def phone(browser):
    """One phone tab (360×640, touch) for the module; returns (page, watch)."""
    context = site_context(browser, **PHONE)
    yield watched_page(context)
    context.close()


def open_fresh(page, watch, url: str) -> None:
    """Open ``url`` in the module's tab with a clean record: the last test's page, left mid-load, is gone first."""
    page.goto("about:blank")
    watch.__init__()
    open_built(page, url)


def is_open(page, panel: str) -> bool:
    return page.evaluate("s => document.querySelector(s).open", panel)


def open_and_close(page, panel: str, text: str, check) -> None:
    """Open ``panel`` twice by a tap, see its link ``text`` and what ``check`` checks, and close it: once with a
    tap on the dimmed page beside it, once with Escape."""
    dialog = PANELS[panel][1]
    for close in ("outside", "Escape"):
        link = panel_link(page, panel, text)
        assert is_open(page, dialog)
        assert check()
        if close == "outside":
            box = page.locator(dialog).bounding_box()
            right = box["x"] + box["width"] + 10
            page.touchscreen.tap(right if right < page.viewport_size["width"] else box["x"] - 10, 320)
        else:
            page.keyboard.press("Escape")
        wait_closed(page, panel)
        link.wait_for(state="hidden")


@pytest.mark.parametrize("kind", PAGES)
def test_a_tap_on_the_menu_button_shows_the_books_navigation(server, phone, kind):
    page, watch = phone
    rel, _, target = PAGES[kind]
    open_fresh(page, watch, f"{server}/{rel}")
    open_and_close(page, "menu", target, lambda: page.locator(MENU).get_by_text("Start here").is_visible())
    assert not watch.problems()  # before leaving: leaving cancels what the page still loads (the menu's logo)
    panel_link(page, "menu", target).tap()
    page.wait_for_url(lambda url: url.split("#")[0] != f"{server}/{rel}")
    assert target.lower() in page.locator("article h1").first.inner_text().lower()


@pytest.mark.parametrize("kind", [k for k in PAGES if PAGES[k][1]])
def test_a_tap_on_this_pages_contents_button_shows_its_headings(server, phone, kind):
    page, watch = phone
    rel, heading, _ = PAGES[kind]
    open_fresh(page, watch, f"{server}/{rel}")
    open_and_close(page, "contents", heading, lambda: page.locator("h2", has_text=heading).count())  # this page's
    panel_link(page, "contents", heading).tap()
    wait_closed(page, "contents")
    assert page.url.split("#")[0] == f"{server}/{rel}" and "#" in page.url
    assert page.evaluate("h => document.getElementById(location.hash.slice(1)).textContent.includes(h)", heading)
    assert not watch.problems()


def test_the_menu_button_works_on_a_tablet_and_a_laptop(server, browser):
    """At 800 px the ☰ opens the menu as a panel; at 1280 px, where the menu is beside the page, it hides it and shows it again."""
    for width, touch in ((800, True), (1280, False)):
        context = site_context(browser, viewport={"width": width, "height": 800}, has_touch=touch)
        page, watch = watched_page(context)
        open_built(page, f"{server}/book/start/safety.html")
        button = page.locator(".primary-toggle:visible")
        sidebar = page.locator("#pst-primary-sidebar")
        if width < 992:
            button.tap()
            page.locator(f"{MENU} a", has_text="What to expect").first.wait_for(state="visible")
            page.keyboard.press("Escape")
            page.wait_for_function("s => !document.querySelector(s).open", arg=MENU)
        else:
            assert sidebar.is_visible()
            button.click()
            page.wait_for_function("() => getComputedStyle(document.getElementById('pst-primary-sidebar')).visibility === 'hidden'")
            button.click()
            page.wait_for_function("() => getComputedStyle(document.getElementById('pst-primary-sidebar')).visibility === 'visible'")
            assert not is_open(page, MENU)
        assert not watch.problems(), width
        context.close()


@pytest.mark.parametrize("store", ["off", "full"])
def test_the_menus_and_the_theme_work_when_the_browser_keeps_nothing(server, browser, store):
    """With site data blocked (both of the browser's stores refuse), or its store full, the theme's and Sphinx's
    scripts keep their settings in the page's memory (book/_ext/theme_storage.py), and carry on: on a phone the
    menu and the contents open with a tap, the page takes its theme, a tap on the theme button changes it, and
    nothing fails."""
    context = site_context(browser, **PHONE)
    page, watch = watched_page(context)
    if store == "off":
        context.add_init_script(STORAGE_OFF)
    else:
        keep(page, server, {})  # a page of the site's origin
        assert page.evaluate(FILL) > 0
    open_built(page, f"{server}/book/techniques/psoas.html")
    assert page.evaluate("document.documentElement.dataset.theme") in ("light", "dark")
    open_and_close(page, "menu", "Spinal anatomy", lambda: page.locator(MENU).get_by_text("Start here").is_visible())
    open_and_close(page, "contents", "Who should not do it", lambda: page.locator("h2", has_text="Who should not").count())
    mode = page.evaluate("document.documentElement.dataset.mode")
    page.locator(".theme-switch-button:visible").tap()
    page.wait_for_function("m => document.documentElement.dataset.mode !== m", arg=mode)
    assert not watch.problems(), watch.problems()
    context.close()


# Every CSS transition that starts in the page, from the first moment of its document: what faded, where.
TRANSITIONS = """window.transitionsRun = [];
addEventListener("transitionrun", (e) => transitionsRun.push(`${e.propertyName} of ${e.target.tagName}.${e.target.className}`),
                 true);"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_first_visit_shows_the_systems_theme_from_the_start_with_nothing_fading_in(server, browser, scheme):
    """With nothing kept yet (a first visit), each page is drawn from the start in the theme the system prefers:
    the page's head sets it before anything is drawn, as the theme's script decides it later, so no colour fades
    from one value to another as the page loads. A tap on the theme button then changes it, as before."""
    context = site_context(browser, **PHONE, color_scheme=scheme)
    context.add_init_script(TRANSITIONS)
    page, watch = watched_page(context)
    for rel in ("index.html", "book/techniques/psoas.html"):
        if page.url.startswith(server):
            page.evaluate("localStorage.clear()")  # the theme's script kept the mode and theme: a first visit again
        open_built(page, f"{server}/{rel}")
        colours_settled(page)
        assert page.evaluate("[document.documentElement.dataset.mode, document.documentElement.dataset.theme]") == [
            "auto", scheme], rel
        assert page.evaluate("transitionsRun") == [], rel
    page.locator(".theme-switch-button:visible").tap()
    page.wait_for_function("() => document.documentElement.dataset.mode !== 'auto'")
    assert not settled_problems(watch), watch.problems()
    context.close()


def test_the_download_menu_opens_on_the_first_tap(server, phone):
    """Bootstrap, which draws the download menu, is fetched on the first tap; that same tap opens the menu."""
    page, watch = phone
    open_fresh(page, watch, f"{server}/book/techniques/psoas.html")
    assert not page.evaluate("!!window.bootstrap")
    page.locator("button[aria-label='Download this page']").tap()
    page.locator(".dropdown-menu a", has_text=".ipynb").first.wait_for(state="visible")
    page.keyboard.press("Escape")
    panel_link(page, "menu", "Spinal anatomy")  # the site menu still opens with Bootstrap loaded
    page.keyboard.press("Escape")
    assert not watch.problems()


def test_the_landing_page_links_to_every_part_of_the_guide(site):
    """Someone who cannot find the menu still reaches every part from the first page: each chapter of
    every part, but of the techniques one, and the table of techniques, which lists them all."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    welcome = parsed_page(site, "book/start/welcome.html").select_one("article")
    linked = {os.path.normpath(Path("book/start") / a["href"].split("#")[0]).removesuffix(".html")
              for a in welcome.select("a[href]") if ".html" in a["href"]}
    for part in toc["parts"]:
        chapters = {c["file"] for c in part["chapters"]}
        if part["caption"] == "Techniques":
            assert chapters & linked and welcome.select_one("a[href*='#evidence-table']"), part["caption"]
        else:
            assert chapters <= linked, f"{part['caption']}: no link to {sorted(chapters - linked)}"
