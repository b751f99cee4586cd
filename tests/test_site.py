"""The built site: its pages, widget code only where widgets are, the notebook behind each chapter
(every page offline-clean and readable on a phone: test_crawl.py)."""
import json

from conftest import VIEW_TYPE, built_pages


def test_book_has_pages(site):
    pages = built_pages(site)
    assert "index.html" in pages and "book/start/welcome.html" in pages and "book/start/timers.html" in pages


def test_widget_code_loads_only_on_widget_pages(site):
    for rel in built_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        has_widget = VIEW_TYPE in html
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
