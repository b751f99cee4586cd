"""Every built page, crawled twice (see the ``crawl`` fixture): over http on a 320 px phone in the light
theme, and from the files at 200 % zoom in the dark theme. Offline-clean, no sideways scrolling, and
no serious axe-core accessibility violation: every rule on the phone, and again in the dark theme the rules
that depend on its colours (conftest.AXE_RULES); the rest is written to a report per part of each crawl.

Each crawl comes in parts (conftest.CRAWL_PARTS); one pytest-xdist worker runs all the tests of one part
(conftest.ONE_WORKER), so each page is crawled once per crawl, and the two workers share the parts."""
import json

from conftest import CRAWL_PARTS, CRAWLS, ROOT, serve_folder, watched_page

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
