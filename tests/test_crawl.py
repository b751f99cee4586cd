"""Every built page, crawled twice (see the ``crawl`` fixture): over http on a 320 px phone in the light
theme, and from the files at 200 % zoom in the dark theme. Offline-clean, no sideways scrolling, and
no serious axe-core accessibility violation: every rule on the phone, and again in the dark theme the rules
that depend on its colours (conftest.AXE_RULES); the rest is written to a report per part of each crawl.

Neither crawl shows the menus: at its width they wait closed in panels. A projector shows them beside the
page, and a phone in the panels it opens: ``test_the_menus_read_in_both_themes_on_a_projector_and_a_phone``.

Each crawl comes in parts (conftest.CRAWL_PARTS); one pytest-xdist worker runs all the tests of one part
(conftest.ONE_WORKER), so each page is crawled once per crawl, and the workers share the parts."""
import json

import pytest

from conftest import (AXE_RULES, CRAWL_PARTS, CRAWLS, DARK, ROOT, add_axe, colours_settled, open_built, serve_folder,
                      site_context, watched_page)
from phone import PANELS, PHONE

BLOCKING = {"serious", "critical"}


def test_every_page_makes_no_outside_request_and_no_error(crawl):
    """Over http and over file://: no outside request, no 4xx/5xx, no console or page error."""
    name, part, pages = crawl
    problems = {rel: r["problems"] for rel, r in pages.items() if r["problems"]}
    assert not problems, json.dumps(problems, indent=2)


def test_no_page_scrolls_sideways(crawl):
    """A 320 px phone, and 200 % zoom on a 1280 px screen (a 640 px wide page): nothing may scroll sideways."""
    name, part, pages = crawl
    width = CRAWLS[name]["viewport"]["width"]
    too_wide = {rel: r["width"] for rel, r in pages.items() if r["width"] > width}
    assert not too_wide, f"pages wider than {width} px ({name}): {too_wide}"


def test_no_serious_accessibility_violations(crawl):
    """axe-core on every page: every rule in the light theme on a phone, the colour rules in the dark theme
    zoomed; the rest is reported."""
    name, part, pages = crawl
    theme = CRAWLS[name]["theme"]
    blocking = {}
    lines = [f"# Accessibility report (axe-core, {CRAWLS[name]['axe']} rules): {theme} theme, {name},"
             f" part {part + 1} of {CRAWL_PARTS}", "",
             "| page | impact | rule | nodes |", "|---|---|---|---|"]
    for rel, r in pages.items():
        assert r["theme"] == theme, rel
        for v in r["violations"]:
            lines.append(f"| {rel} | {v['impact']} | {v['id']} | {len(v['nodes'])} |")
            if v["impact"] in BLOCKING:
                where = [n["target"][0] for n in v["nodes"]][:3]
                blocking.setdefault(rel, []).append(f"{v['id']} ({v['impact']}): {v['help']} at {where}")
    (ROOT / "_build" / f"accessibility-report-{theme}-{part + 1}of{CRAWL_PARTS}.md").write_text("\n".join(lines) + "\n",
                                                                                            encoding="utf-8")
    assert not blocking, json.dumps(blocking, indent=2)


# Where the menus show on each screen, with a text each must have among those checked: on a projector the
# regions beside the page; on a phone the panels its buttons open (phone.PANELS), one at a time. Each window is
# as tall as the menu, so that no entry is out of sight, where axe-core cannot decide its colours; colours do
# not depend on the height.
MENUS = {
    "projector": ({"viewport": {"width": 1280, "height": 2400}},
                  {".bd-sidebar-primary": "Safety first", ".bd-sidebar-secondary": "Who should not do it",
                   ".bd-header": "Search"}),
    "phone": ({**PHONE, "viewport": {"width": 360, "height": 3000}},
              {"menu": "Safety first", "contents": "Who should not do it"}),
}
# What axe-core cannot decide, and no other: the colours of a wrapped link in a phone's menu, whose second line
# reaches over the next entry's box (the same colours as the entries it decides).
OVERLAPS = "elmPartiallyObscuring"
OPENED = "s => document.querySelector(s).open"
COLOURS_IN = """([region, options]) => axe.run({include: [[region]]}, options).then((r) => {
  const texts = (kind) => r[kind].flatMap((rule) => rule.nodes.map((n) => ({rule: rule.id, impact: rule.impact,
    text: document.querySelector(n.target[0])?.textContent.trim() ?? n.target[0], why: n.any[0]?.data?.messageKey})));
  return {passes: texts("passes"), violations: texts("violations"), incomplete: texts("incomplete")};
})"""


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(MENUS))
def test_the_menus_read_in_both_themes_on_a_projector_and_a_phone(browser, server, screen, theme):
    """A technique page's menu (its chapter open, the page marked), its contents and the header, where no crawl
    shows them: beside the page on a projector (1280 px), and in the panels a phone opens with a tap; each once
    its colours have settled. axe-core's colour rules find no serious problem in them, in either theme,
    and none they could not decide (but OVERLAPS); each region's text was among those checked."""
    options, regions = MENUS[screen]
    context = site_context(browser, **options)
    if theme == "dark":
        context.add_init_script(DARK)
    add_axe(context)
    page, watch = watched_page(context)
    open_built(page, f"{server}/book/techniques/psoas.html")
    assert page.evaluate("document.documentElement.dataset.theme") == theme
    for region, text in regions.items():
        panel = region in PANELS
        if panel:
            button, region = PANELS[region]
            page.locator(f"{button}:visible").tap()
            page.wait_for_function(OPENED, arg=region)
        assert page.locator(region).first.is_visible(), f"{region} is not shown"
        colours_settled(page)
        found = page.evaluate(COLOURS_IN, [region, {**AXE_RULES["colours"],
                                                   "resultTypes": ["passes", "violations", "incomplete"]}])
        assert not [v for v in found["violations"] if v["impact"] in BLOCKING], found["violations"]
        assert not [i for i in found["incomplete"] if i["why"] != OVERLAPS], found["incomplete"]
        assert text in {p["text"] for p in found["passes"] + found["violations"]}, f"{text!r} not checked in {region}"
        if panel:
            page.keyboard.press("Escape")
            page.wait_for_function("s => !document.querySelector(s).open", arg=region)
    context.close()
    assert not watch.problems(), watch.problems()


# Every result of a run of axe-core, node by node, with what each check measured (colours, ratios, sizes).
EVERY_RESULT = """options => axe.run(document, options).then(r => ['violations', 'passes', 'incomplete'].map(kind =>
  r[kind].map(rule => [rule.id, rule.nodes.map(n => [n.target, ...['any', 'all', 'none'].map(k =>
    n[k].map(c => [c.id, c.data, c.message]))])])))"""
PARSE = "axe.commons.color.Color.prototype.parseString.toString()"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_colour_cache_changes_no_result(browser, server, theme):
    """tests/js/axe_colour_cache.js (in the crawls and the menus' test) leaves axe-core's colour rules as they were:
    on a technique page (its menus, notes, a timer, links in text), every result, node for node with the
    colours and ratios measured, is the same with and without it; and with it, its parsing is in place."""
    found = {}
    for cached in (False, True):
        context = site_context(browser, viewport={"width": 1280, "height": 800})
        if theme == "dark":
            context.add_init_script(DARK)
        add_axe(context, cached=cached)
        page, watch = watched_page(context)
        open_built(page, f"{server}/book/techniques/psoas.html")
        colours_settled(page)
        found[cached] = page.evaluate(EVERY_RESULT, {**AXE_RULES["colours"],
                                                    "resultTypes": ["violations", "passes", "incomplete"]})
        found[cached, "parse"] = page.evaluate(PARSE)
        context.close()
        assert not watch.problems(), watch.problems()
    assert found[True, "parse"] != found[False, "parse"], "the cache is not in place"
    assert sum(len(rule[1]) for kind in found[False] for rule in kind) > 100, found[False]
    assert found[True] == found[False]


def test_an_outside_request_is_caught(browser, tmp_path):
    """The crawl's watch is real: an outside image, over file:// and over http, is reported, and never leaves
    (it fails at the proxy that CHROMIUM_FLAGS name)."""
    (tmp_path / "page.html").write_text('<!doctype html><html lang="en"><title>t</title>'
                                        '<img src="https://example.org/x.png" alt="x"></html>', encoding="utf-8")
    httpd = serve_folder(tmp_path)
    for url in ((tmp_path / "page.html").as_uri(), f"http://127.0.0.1:{httpd.server_address[1]}/page.html"):
        context = browser.new_context()
        page, watch = watched_page(context)
        with page.expect_event("requestfailed") as failed:
            page.goto(url)
        context.close()
        assert "outside request: https://example.org/x.png" in watch.problems(), url
        assert failed.value.url == "https://example.org/x.png" and "ERR_PROXY" in failed.value.failure, url
    httpd.shutdown()


def test_a_service_workers_outside_request_and_every_http_error_are_caught(browser, tmp_path):
    """The watch hears of what a page's service worker asks of the outside, and of each response with an HTTP error
    status: an image, a fetch and a page that are not there, each once."""
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><img src="missing.png" alt="x"><script>'
        'navigator.serviceWorker.register("sw.js"); fetch("gone.json").then((r) => r.text()).then(() => document.title = "fetched");'
        '</script></html>', encoding="utf-8")
    (tmp_path / "sw.js").write_text('self.addEventListener("install", (e) => e.waitUntil('
                                    'fetch("https://example.org/w.json").catch(() => null)));', encoding="utf-8")
    httpd = serve_folder(tmp_path)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    context = browser.new_context()
    page, watch = watched_page(context)
    page.goto(f"{base}/page.html")
    page.wait_for_function("document.title === 'fetched'")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(f"{base}/nowhere.html")
    context.close()
    httpd.shutdown()
    assert sorted(watch.problems()) == [f"HTTP 404: {base}/{name}" for name in ("gone.json", "missing.png", "nowhere.html")
                                        ] + ["outside request: https://example.org/w.json"]
