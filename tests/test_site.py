"""The built site: every page offline-clean, readable on a phone, widgets without a kernel."""
import json

import pytest

from conftest import CRAWLS, built_pages

PHONE = {"width": 320, "height": 640}


def test_book_has_pages(site):
    pages = built_pages(site)
    assert "index.html" in pages and "book/start/welcome.html" in pages and "book/start/timers.html" in pages


@pytest.mark.xdist_group("crawl")
@pytest.mark.parametrize("name", CRAWLS)
def test_every_page_makes_no_outside_request_and_no_error(crawl, name):
    """Over http and over file://: no outside request, no 4xx/5xx, no console or page error."""
    problems = {rel: r["problems"] for rel, r in crawl[name].items() if r["problems"]}
    assert not problems, json.dumps(problems, indent=2)


@pytest.mark.xdist_group("crawl")
def test_pages_fit_a_small_phone(crawl_phone):
    too_wide = {rel: r["width"] for rel, r in crawl_phone.items() if r["width"] > PHONE["width"]}
    assert not too_wide, f"pages wider than {PHONE['width']} px: {too_wide}"


def test_widget_code_loads_only_on_widget_pages(site):
    for rel in built_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        has_widget = "application/vnd.jupyter.widget-view+json" in html
        assert ("widget-loader.js" in html) == has_widget, rel
        assert "require.js" not in html and "embed-amd" not in html, rel


def test_each_notebook_page_offers_its_executed_notebook(site, server, offline_page):
    page, _ = offline_page
    page.goto(f"{server}/book/start/timers.html")
    link = page.locator("a[href$='timers.ipynb']")
    assert link.count() == 1
    nb = json.loads((site / "_sources/book/start/timers.ipynb").read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert any("SessionTimer" in "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
