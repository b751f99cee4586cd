"""Lighter pages: the build's CSS cutting, shared widget texts, scripts left out, descriptions, images."""
import json
import re
import sys


from conftest import ROOT, built_pages, open_built, parsed_page

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from css_prune import custom_properties_used, drop_unused_properties, prune_css  # noqa: E402
from page_weight import SHARED_KEY, share_long_texts, shorten  # noqa: E402

WIDGET_STATE = "script[type='application/vnd.jupyter.widget-state+json']"


def test_unused_rules_and_selectors_go_but_used_ones_and_at_rules_stay():
    css = (".a{color:red}.b,.a .c{margin:0}:root{--x:1px}#main:not(.gone){top:0}"
           "@media print{.gone{display:none}.a{display:block}}@font-face{font-family:f}.d\\:e{left:0}")
    out = prune_css(css, {"a", "c", "main"})
    assert ".a{color:red}" in out and ".a .c{margin:0}" in out and ".b" not in out
    assert ":root{--x:1px}" in out and "#main:not(.gone){top:0}" in out  # :not(.gone) needs no .gone
    assert "@media print{.a{display:block}}" in out and ".gone{display" not in out
    assert "@font-face{font-family:f}" in out and ".d\\:e{left:0}" in out  # escaped names are kept


def test_custom_properties_nothing_reads_go():
    css = ":root{--used:1px;--unused:2px;--by-script:3px}.a{margin:var(--used)}"
    used = custom_properties_used([css], ["el.style.getPropertyValue('--by-script')"])
    out = drop_unused_properties(css, used)
    assert "--used:1px" in out and "--by-script:3px" in out and "--unused" not in out


def test_long_texts_are_stored_once_and_short_ones_stay():
    module = "export default {};" * 100
    state = {"state": {
        "a": {"model_name": "AnyModel", "state": {"_esm": module, "title": "A"}},
        "b": {"model_name": "AnyModel", "state": {"_esm": module, "timer_esm": module, "title": "B"}},
        "c": {"model_name": "LayoutModel", "state": {"width": module}},
    }}
    shared = share_long_texts(json.loads(json.dumps(state)))
    assert shared[SHARED_KEY] == [module]
    assert shared["state"]["b"]["state"] == {"_esm": {"$shared": 0}, "timer_esm": {"$shared": 0}, "title": "B"}
    assert shared["state"]["c"] == state["state"]["c"]  # not an anywidget: left alone


def test_descriptions_are_cut_at_a_word():
    assert shorten("short") == "short"
    cut = shorten("word " * 60)
    assert len(cut) <= 155 and cut.endswith("word…")


def page(site, rel):
    return parsed_page(site, rel)


def test_every_page_has_its_own_description_and_only_search_loads_the_index(site):
    descriptions = {}
    for rel in built_pages(site):
        soup = page(site, rel)
        if soup.select_one("meta[http-equiv=Refresh]"):
            continue  # the root index only sends the reader on to the first chapter
        meta = soup.select("meta[name=description]")
        assert len(meta) == 1, rel
        descriptions[rel] = meta[0]["content"]
        assert 40 <= len(descriptions[rel]) <= 155, (rel, descriptions[rel])
        loads_index = any(s.get("src", "").split("?")[0].endswith("searchindex.js") for s in soup.select("script"))
        assert loads_index == (rel == "search.html"), rel
    content = [d for rel, d in descriptions.items() if rel.startswith("book/")]
    assert len(set(content)) == len(content), "two pages share a description"


def test_each_widget_module_is_sent_once_per_page(site):
    soup = page(site, "book/class/plans.html")
    manager = json.loads(soup.select_one(WIDGET_STATE).string)
    texts = manager[SHARED_KEY]
    assert len(texts) == len(set(texts))
    timer_js = (ROOT / "widgets" / "backease" / "static" / "timer.js").read_text(encoding="utf-8")
    assert sum(timer_js in t for t in texts) == 1
    refs = [v["$shared"] for m in manager["state"].values() if m["model_name"] == "AnyModel"
            for v in m["state"].values() if isinstance(v, dict) and "$shared" in v]
    assert len(refs) > len(set(refs)), "the page's timers should share one module text"


def test_step_figures_are_inline_svg_and_images_are_sized(site):
    html = (site / "book" / "class" / "handout.html").read_text(encoding="utf-8")
    assert "data:image/svg+xml;base64" not in html
    for rel in built_pages(site):
        images = page(site, rel).select("article img")
        for n, img in enumerate(images):
            if img["src"].startswith("data:"):
                continue
            assert img.get("width") and img.get("height"), (rel, img["src"])
            assert (img.get("loading") == "lazy") == (n > 0), (rel, img["src"])


def test_theme_stylesheet_is_cut_down(site):
    theme = site / "_static" / "styles" / "pydata-sphinx-theme.css"
    css = theme.read_text(encoding="utf-8")
    assert len(css) < 120_000
    run_time = ("html[data-theme=dark]", "@media print", "#pst-search-dialog", ".bd-sidebar-primary", ".dropdown-menu")
    for kept in run_time:
        assert kept in css, kept
    assert not re.search(r"\.carousel", css)


def test_the_download_menu_opens_on_the_first_click_without_bootstrap_loaded_before(server, offline_page):
    page, watch = offline_page
    open_built(page, f"{server}/book/techniques/psoas.html")
    assert page.evaluate("typeof window.bootstrap") == "undefined"
    page.locator('[data-bs-toggle="dropdown"]').first.click()
    menu = page.locator(".dropdown-menu").first
    menu.wait_for(state="visible")
    assert menu.locator("a[href$='.ipynb']").count() == 1
    page.wait_for_function("typeof window.bootstrap === 'object'")  # loaded by that first click
    assert not watch.problems(), watch.problems()
