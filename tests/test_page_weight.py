"""Lighter pages: the build's CSS cutting, shared widget texts, scripts left out, descriptions, images; and widgets' first views
in the page before their views load (placeholders)."""
import json
import re
import sys
from html import escape

import pytest
from playwright.sync_api import expect

import backease.model.timer_cues
import backease.widgets.timer
from backease.model.diary import PRIVACY
from backease.model.home import INVITE, OFFER_LINK, OFFER_TITLE
from backease.model.techniques import all_techniques
from backease.widgets.static_modules import STATIC

from conftest import ROOT, built_pages, open_built, parsed_page, site_context, watched_page
from phone import PHONE

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from css_prune import custom_properties_used, drop_unused_properties, prune_css  # noqa: E402
from meta_description import shorten  # noqa: E402
from page_weight import WHEN_NEAR, drop_unused_widget_files  # noqa: E402
from widget_state import (FILE_CALL, IMAGE_FOLDER, JUPYTER_ONLY_MODEL, JUPYTER_ONLY_STATE, SHARED_KEY,  # noqa: E402
                          TEXT_FILE_FROM, body_images_to_files, file_value, images_to_files, on_demand_to_files,
                          only_what_views_read, placeholders_into_body, share_repeated_values, texts_to_files, unshared)

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


def test_repeated_values_at_any_depth_are_stored_once_and_put_back_whole():
    module = "export default {};" * 100
    step = {"label": "Belly breathing", "seconds": 60, "cue": "Breathe in slowly through your nose."}
    cues = {"tones": {"step": "data:audio/wav;base64," + "A" * 600}, "lang": "en-GB"}
    state = {"state": {
        "a": {"model_name": "AnyModel", "state": {"_esm": module, "segments": [step, step], "cues": cues, "title": "A"}},
        "b": {"model_name": "AnyModel", "state": {"_esm": module, "segments": [step], "cues": cues, "title": "B",
                                                  "once": "x" * 700}},
        "c": {"model_name": "LayoutModel", "state": {"width": module}},
    }}
    shared = share_repeated_values(json.loads(json.dumps(state)))
    texts = shared[SHARED_KEY]
    a, b = shared["state"]["a"]["state"], shared["state"]["b"]["state"]
    assert a["_esm"] == b["_esm"] and texts[a["_esm"]["$shared"]] == module
    assert a["segments"][0] == a["segments"][1] == b["segments"][0] and "$shared" in a["segments"][0]
    assert a["cues"] == b["cues"] and "$shared" in a["cues"]
    assert a["title"] == "A" and b["once"] == "x" * 700  # short, or said once: left where it is
    assert shared["state"]["c"] == state["state"]["c"]  # not an anywidget: left alone
    assert len(json.dumps(shared)) < len(json.dumps(state)) - len(module) - 600
    assert unshared(shared) == {name: state["state"][name]["state"] for name in ("a", "b")}


def test_what_only_jupyter_reads_goes_and_the_views_values_stay():
    layout = {"_model_name": "LayoutModel", "_view_name": "LayoutView", "width": None, "height": None}
    state = {"state": {
        "t": {"model_name": "AnyModel", "model_module": "anywidget", "model_module_version": "~0.11.*",
              "state": {"_anywidget_id": "backease.widgets.timer.SessionTimer", "_css": "p{}", "_dom_classes": [],
                        "_esm": "export default {};", "_model_module": "anywidget", "_model_module_version": "~0.11.*",
                        "_model_name": "AnyModel", "_on_demand": ["diary"], "_placeholder": "<p>Timer</p>",
                        "_view_count": None, "_view_module": "anywidget", "_view_module_version": "~0.11.*",
                        "_view_name": "AnyView", "layout": "IPY_MODEL_l", "tabbable": None, "tooltip": None,
                        "title": "Breathing", "diary": {"format": "d"}}},
        "l": {"model_name": "LayoutModel", "model_module": "@jupyter-widgets/base", "state": layout},
    }, "version_major": 2}
    assert only_what_views_read(state) == {"state": {"t": {"model_name": "AnyModel", "state": {
        "_css": "p{}", "_esm": "export default {};", "_on_demand": ["diary"], "_placeholder": "<p>Timer</p>",
        "title": "Breathing", "diary": {"format": "d"}}}}, "version_major": 2}


def test_built_pages_keep_only_what_their_views_read(site):
    models = [model for rel in built_pages(site) if (tag := parsed_page(site, rel).select_one(WIDGET_STATE))
              for model in json.loads(tag.string)["state"].values()]
    assert len(models) > 50
    for model in models:
        assert model["model_name"] == "AnyModel" and not set(model) & set(JUPYTER_ONLY_MODEL), model
        assert not set(model["state"]) & set(JUPYTER_ONLY_STATE), model["state"].keys()


def test_drawn_images_in_widget_state_become_files_named_by_content(tmp_path):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0 0L10 10"/></svg>'
    uri = "data:image/svg+xml," + svg.replace('"', "%22").replace("#", "%23")
    png = "data:image/png;base64,iVBORw0KGgo="
    state = {"state": {"a": {"model_name": "AnyModel", "state": {
        "poses": {"one": uri, "two": uri}, "icon": png, "tone": "data:audio/wav;base64,UklGRg=="}}}}
    out = images_to_files(state, tmp_path, "../../")["state"]["a"]["state"]
    url = out["poses"]["one"]
    assert url == out["poses"]["two"] and url.startswith(f"../../{IMAGE_FOLDER}/") and url.endswith(".svg")
    assert (tmp_path / url.removeprefix("../../")).read_text() == svg
    assert (tmp_path / out["icon"].removeprefix("../../")).read_bytes() == b"\x89PNG\r\n\x1a\n"
    assert out["tone"] == "data:audio/wav;base64,UklGRg=="  # only images become files
    assert len(list((tmp_path / IMAGE_FOLDER).iterdir())) == 2


def test_images_in_a_page_body_become_files_and_keep_their_tag(tmp_path):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0 0L10 10"/></svg>'
    uri = "data:image/svg+xml," + svg.replace("<", "%3C")
    body = f'<p>Two poses</p><img class="f" src="{escape(uri)}" alt="A pose"><img src="{escape(uri)}" alt="Again">'
    out = body_images_to_files(body, tmp_path, "../")
    url = f"../{IMAGE_FOLDER}/{next((tmp_path / IMAGE_FOLDER).iterdir()).name}"
    assert out == f'<p>Two poses</p><img class="f" src="{url}" alt="A pose"><img src="{url}" alt="Again">'
    picture = f'<picture><source srcset="{escape(uri)}"><img src="{escape(uri)}" alt="Moving"></picture>'
    assert body_images_to_files(picture + body, tmp_path, "../") == picture + out  # the browser picks its source
    assert (tmp_path / url.removeprefix("../")).read_text() == svg


def test_values_needed_on_demand_become_scripts_that_hand_them_over(tmp_path):
    sheets = {"psoas": ["<section>", "A sheet \u2014 with </script> in it", "</section>"]}
    state = {"state": {"a": {"model_name": "AnyModel", "state": {
        "_on_demand": ["sheets", "poses"], "sheets": sheets, "poses": {"a": "x.svg"}, "library": [1, 2]}}}}
    out = on_demand_to_files(state, tmp_path, "../../")["state"]["a"]["state"]
    assert set(out) == {"sheets", "poses", "library"} and out["library"] == [1, 2]  # the list goes, the rest stays
    url = out["sheets"]["$file"]
    assert out == {"sheets": {"$file": url, "$key": "sheets"}, "poses": {"$file": url, "$key": "poses"}, "library": [1, 2]}
    assert url.startswith(f"../../{IMAGE_FOLDER}/") and url.endswith(".js")
    script = (tmp_path / url.removeprefix("../../")).read_text(encoding="ascii")
    assert script.startswith(f"{FILE_CALL}(") and script.endswith(");\n")
    assert json.loads(script[len(FILE_CALL) + 1:-3]) == {"sheets": sheets, "poses": {"a": "x.svg"}}


def test_a_widgets_placeholder_goes_after_each_of_its_view_tags_with_its_styles():
    """Out of the state, into the page: after each view tag of its widget (in either key order), with its styles;
    a widget with none, or not an anywidget, is left as it was."""
    def tag(model_id, first=True):
        keys = [f'"model_id": "{model_id}"', '"version_major": 2']
        return f'<script type="application/vnd.jupyter.widget-view+json">{{{", ".join(keys if first else keys[::-1])}}}</script>'

    state = {"state": {"a": {"model_name": "AnyModel", "state": {"_placeholder": "<p>Hi</p>", "_css": "p{}", "n": 1}},
                       "b": {"model_name": "AnyModel", "state": {"_placeholder": "", "n": 2}},
                       "c": {"model_name": "LayoutModel", "state": {"_placeholder": "<p>No</p>"}}}}
    body = tag("a") + "<p>text</p>" + tag("b") + tag("a", first=False) + tag("c")
    shown = '<div class="be-widget" data-placeholder=""><style>p{}</style><p>Hi</p></div>'
    assert placeholders_into_body(body, state) == tag("a") + shown + "<p>text</p>" + tag("b") + tag("a", False) + shown + tag("c")
    assert state["state"]["a"]["state"] == {"_css": "p{}", "n": 1} and "_placeholder" not in state["state"]["b"]["state"]
    assert state["state"]["c"]["state"] == {"_placeholder": "<p>No</p>"}


# The layout shifts of a page's text (its article) as the browser reports them (Lighthouse counts those the reader
# did not cause; the test taps nothing).
SHIFTS = """window.__shifts = []; new PerformanceObserver((list) => list.getEntries().forEach((e) => e.sources.some((s) =>
  (s.node?.nodeType === 1 ? s.node : s.node?.parentElement)?.closest("article")) && window.__shifts.push(e.value)))
  .observe({type: "layout-shift", buffered: true});"""
FRAMES_PAINTED = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))"
LIGHTHOUSE_PHONE = {"width": 412, "height": 823}  # the phone Lighthouse's mobile run emulates: taller, it sees more
FIRST_VIEWS = {  # a page whose widget names a placeholder: the page, the view's root, and its first text
    "welcome": ("book/start/welcome.html", ".be-home-compact", f"{OFFER_TITLE} {INVITE} {OFFER_LINK}"),
    "diary": ("book/home/progress.html", ".be-progress", PRIVACY),
}


@pytest.mark.parametrize("first_view", list(FIRST_VIEWS))
def test_a_widgets_placeholder_shows_until_its_view_draws_there_and_nothing_the_reader_sees_moves(browser, server,
                                                                                               first_view):
    """On a phone's first visit (as Lighthouse's), with the widgets' files held back: the page shows the widget's placeholder (its
    first view, made in Python); then the view draws in its place, and no text the reader can see moves."""
    rel, root, first = FIRST_VIEWS[first_view]
    context = site_context(browser, **{**PHONE, "viewport": LIGHTHOUSE_PHONE})
    page, watch = watched_page(context)
    page.add_init_script(SHIFTS)
    held, released = [], []
    page.route("**/_images/widget/*.js", lambda route: route.continue_() if released else held.append(route))
    page.goto(f"{server}/{rel}", wait_until="domcontentloaded")
    shown = page.locator(f".be-widget[data-placeholder] {root}")
    expect(shown).to_be_visible()
    assert " ".join(shown.inner_text().split()) == first
    where = shown.bounding_box()
    page.evaluate(FRAMES_PAINTED)  # the reader has seen the page: a shift is counted from what was painted
    released.append(True)
    for route in held:
        route.continue_()
    page.wait_for_function(f"!document.querySelector('[data-placeholder]') && document.querySelector('.be-widget {root}')")
    drawn = page.locator(f".be-widget {root}")
    assert " ".join(drawn.inner_text().split()).startswith(first)
    assert {k: drawn.bounding_box()[k] for k in ("x", "y", "width")} == {k: where[k] for k in ("x", "y", "width")}
    page.evaluate(FRAMES_PAINTED)  # and is reported after the frame that showed it
    assert page.evaluate("window.__shifts") == []
    context.close()
    assert not watch.problems(), watch.problems()


def test_a_long_text_needed_on_demand_stays_one_file_the_page_names(tmp_path):
    """As the build runs them, long texts first: a module a widget needs on demand that another widget of the page
    shows up front is one file, which the on-demand script refers to and the page names (for the offline app)."""
    module = "export default {};\n" * (TEXT_FILE_FROM // 10)
    state = {"state": {
        "timer": {"model_name": "AnyModel", "state": {"_esm": module}},
        "host": {"model_name": "AnyModel", "state": {"_on_demand": ["timer_esm", "tones"], "timer_esm": module,
                                                     "tones": {"short": "x"}, "title": "Plan"}}}}
    out = on_demand_to_files(texts_to_files(state, tmp_path, "../"), tmp_path, "../")["state"]
    text = out["timer"]["state"]["_esm"]
    assert list(text) == ["$text"] and len(list((tmp_path / IMAGE_FOLDER).glob("*.js"))) == 2  # the module, the script
    host = out["host"]["state"]
    assert host["timer_esm"] == {"$file": host["timer_esm"]["$file"], "$key": "timer_esm", "$texts": [text["$text"]]}
    assert host["tones"] == {"$file": host["timer_esm"]["$file"], "$key": "tones"}  # no text file in it
    script = tmp_path / host["timer_esm"]["$file"].removeprefix("../")
    assert file_value(script) == {"timer_esm": text, "tones": {"short": "x"}}


def test_long_texts_at_any_depth_become_one_script_each_that_pages_share(tmp_path):
    module = "export default {};\n" * (TEXT_FILE_FROM // 10)
    tone = "data:audio/wav;base64,AAAA"  # a sound, however short
    short = "x" * (TEXT_FILE_FROM - 1)
    page = lambda title: {"state": {"a": {"model_name": "AnyModel", "state": {  # noqa: E731
        "_esm": module, "cues": {"tones": [tone]}, "title": title, "note": short}},
        "b": {"model_name": "LayoutModel", "state": {"width": module}}}}
    first = texts_to_files(page("One"), tmp_path / "site", "../../")
    second = texts_to_files(page("Two"), tmp_path / "site", "../")
    a = first["state"]["a"]["state"]
    assert list(a["_esm"]) == ["$text"] and a["_esm"]["$text"].startswith(f"../../{IMAGE_FOLDER}/")
    assert a["_esm"]["$text"].endswith(".js") and a["_esm"]["$text"] != a["cues"]["tones"][0]["$text"]
    assert second["state"]["a"]["state"]["_esm"]["$text"] == a["_esm"]["$text"].removeprefix("../")  # one file, both pages
    assert a["title"] == "One" and a["note"] == short  # shorter than TEXT_FILE_FROM: left in the page
    assert first["state"]["b"]["state"]["width"] == module  # not an anywidget: left alone
    assert len(list((tmp_path / "site" / IMAGE_FOLDER).iterdir())) == 2
    where = tmp_path / "site" / "book" / "class" / "page.html"
    where.parent.mkdir(parents=True)
    assert file_value(where.parent / a["_esm"]["$text"]) == module
    assert unshared(share_repeated_values(first), where) == {"a": page("One")["state"]["a"]["state"]}


def test_widget_files_no_page_reaches_go(tmp_path):
    folder = tmp_path / IMAGE_FOLDER
    folder.mkdir(parents=True)
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "plans.html").write_text(f'<img src="../{IMAGE_FOLDER}/a.svg"> {{"$file":"../{IMAGE_FOLDER}/v.js"}}')
    (folder / "v.js").write_text(f'{FILE_CALL}({{"poses":{{"x":"../{IMAGE_FOLDER}/b.svg"}}}});', encoding="ascii")
    for name in ("a.svg", "b.svg", "old.svg", "old.js"):
        (folder / name).write_text("<svg/>")
    drop_unused_widget_files(tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["a.svg", "b.svg", "v.js"]


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


def widget_manager(site, rel):
    return json.loads(page(site, rel).select_one(WIDGET_STATE).string)


def test_each_widget_module_and_the_timer_tones_are_sent_once_and_pages_share_them(site):
    """The timer's module is in one file that every page with a timer names (the browser keeps it once), in none of
    their pages; each of the timer's tones is sent once per page, in the page or in a file it names."""
    timer_js = backease.widgets.timer.SessionTimer._esm
    modules = [f for f in (site / IMAGE_FOLDER).glob("*.js") if file_value(f) == timer_js]
    assert len(modules) == 1
    for rel in ("book/class/plans.html", "book/class/course.html", "book/techniques/psoas.html"):
        html = (site / rel).read_text(encoding="utf-8")
        assert f"/{IMAGE_FOLDER}/{modules[0].name}" in html and json.dumps(timer_js)[1:40] not in html, rel
        texts = [html] + [f.read_text(encoding="ascii") for f in (site / IMAGE_FOLDER).glob("*.js")
                          if f"/{IMAGE_FOLDER}/{f.name}" in html]
        assert sum(t.count("data:audio/wav;base64,") for t in texts) == len(backease.model.timer_cues.TONES), rel


def on_demand_files(site, rel, manager) -> list[str]:
    """The texts of the files page ``rel`` loads when the reader acts: ``{"$file": url}`` values in its state."""
    urls = set(re.findall(r'\{"\$file": "([^"]+)"', json.dumps(manager)))
    return [((site / rel).parent / url).resolve().read_text(encoding="ascii") for url in urls]


def test_widget_images_are_files_that_exist(site):
    for rel in ("book/class/plans.html", "book/class/handout.html"):
        manager = widget_manager(site, rel)
        text = json.dumps(manager) + "".join(on_demand_files(site, rel, manager))
        assert "data:image/" not in text, rel
        urls = set(re.findall(r'"(\.\./\.\./%s/[^"]+)"' % IMAGE_FOLDER, text))
        assert len(urls) >= 10, rel
        for url in urls:
            assert (site / "book" / "class" / url).resolve().is_file(), (rel, url)


def test_printed_figures_are_image_files_and_images_are_sized(site):
    for rel in ("book/class/handout.html", "book/class/technique-sheets.html"):
        html = (site / rel).read_text(encoding="utf-8")
        assert "data:image/" not in html and not page(site, rel).select("article figure svg"), rel
    sheets = page(site, "book/class/technique-sheets.html").select("article .be-print-figure")
    assert len(sheets) >= len(all_techniques()) and all(img["src"].startswith(f"../../{IMAGE_FOLDER}/") and img["alt"] for img in sheets)
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


def test_the_copy_button_loads_when_a_code_block_comes_near_and_copies_it(browser, server):
    """On the class plans page on a phone: no copy-button script is fetched while no code block is near the screen;
    scrolled to the example plan (YAML), they load, the block gets its copy button, and a tap copies the plan."""
    context = site_context(browser, **PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page, watch = watched_page(context)
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.split("?")[0].rsplit("/", 1)[-1]))
    open_built(page, f"{server}/book/class/plans.html")
    page.wait_for_load_state("networkidle")
    assert not set(WHEN_NEAR) & set(fetched), fetched
    block = page.locator("div.highlight-yaml div.highlight").first
    block.scroll_into_view_if_needed()
    button = block.locator("button.copybtn")
    button.wait_for(state="attached")
    assert [name for name in fetched if name in WHEN_NEAR] == list(WHEN_NEAR)
    block.locator("pre").tap()  # the button shows when its block is touched
    button.tap()
    expect(button).to_have_attribute("data-tooltip", "Copied!")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("name: ") and copied.strip() == block.locator("pre").inner_text().strip()
    context.close()
    assert not watch.problems(), watch.problems()


def test_modules_are_sent_without_their_comment_lines_and_still_load():
    """Whole-line comments may be left out only if no template literal spans lines (its text would change)."""
    for path in STATIC.glob("*.js"):
        code = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")]
        assert all(line.count("`") % 2 == 0 for line in code), path.name
    module = backease.widgets.timer.SessionTimer._esm
    assert "\n//" not in module and "export default" in module
