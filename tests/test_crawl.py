"""Every built page, crawled twice (see the ``crawl`` fixture): over http on a 320 px phone in the light
theme, and from the files at 200 % zoom in the dark theme. Offline-clean, no sideways scrolling, and
no serious axe-core accessibility violation; the rest is written to a report.

One pytest-xdist worker runs this whole module (conftest.ONE_WORKER), so the crawl happens once."""
import json

import pytest

from conftest import CRAWLS, ROOT

PHONE = {"width": 320, "height": 640}
BLOCKING = {"serious", "critical"}
REPORT = ROOT / "_build" / "accessibility-report.md"


@pytest.mark.parametrize("name", CRAWLS)
def test_every_page_makes_no_outside_request_and_no_error(crawl, name):
    """Over http and over file://: no outside request, no 4xx/5xx, no console or page error."""
    problems = {rel: r["problems"] for rel, r in crawl[name].items() if r["problems"]}
    assert not problems, json.dumps(problems, indent=2)


def test_pages_fit_a_small_phone(crawl_phone):
    too_wide = {rel: r["width"] for rel, r in crawl_phone.items() if r["width"] > PHONE["width"]}
    assert not too_wide, f"pages wider than {PHONE['width']} px: {too_wide}"


def test_no_serious_accessibility_violations(crawl_phone, crawl_zoomed):
    """axe-core on every page: light theme on a phone, dark theme zoomed; the rest is reported."""
    blocking, lines = {}, ["# Accessibility report (axe-core)", ""]
    for theme, results in (("light", crawl_phone), ("dark", crawl_zoomed)):
        lines += [f"## {theme} theme", "", "| page | impact | rule | nodes |", "|---|---|---|---|"]
        for rel, r in results.items():
            assert r["theme"] == theme, rel
            for v in r["violations"]:
                lines.append(f"| {rel} | {v['impact']} | {v['id']} | {len(v['nodes'])} |")
                if v["impact"] in BLOCKING:
                    where = [n["target"][0] for n in v["nodes"]][:3]
                    blocking.setdefault(f"{rel} ({theme})", []).append(f"{v['id']} ({v['impact']}): {v['help']} at {where}")
        lines.append("")
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    assert not blocking, json.dumps(blocking, indent=2)


def test_pages_work_at_200_percent_zoom(crawl_zoomed):
    """200 % zoom on a 1280 px screen leaves a 640 px wide page: nothing may scroll sideways."""
    too_wide = {rel: r["width"] for rel, r in crawl_zoomed.items() if r["width"] > 640}
    assert not too_wide, too_wide
