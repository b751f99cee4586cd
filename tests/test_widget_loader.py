"""book/_assets/widget-loader.js, on a page made here: the widgets it can show render in page order, each once its
turn comes; a widget it cannot show (not an anywidget, or a broken view tag) is reported in its turn, by name,
and the others still render; the long texts a widget needs start loading with its module. (Every built page's
widgets: test_crawl.py; two views of one widget: test_checks_pages.py.)"""
import json

from backease import LEG_LENGTH, GuidedCheck

from conftest import (VIEW_TYPE, WIDGET_VIEWS, build_widget_state, serve_folder, watched_page, widget_page,
                      widget_view)

BROKEN = f'<script type="{VIEW_TYPE}">{{"model_id": </script>'


def test_a_widget_that_cannot_be_shown_is_named_and_the_others_render(browser, tmp_path):
    check = {"model_name": "AnyModel", "model_module": "anywidget", "state": GuidedCheck(LEG_LENGTH).get_state()}
    slider = {"model_name": "IntSliderModel", "model_module": "@jupyter-widgets/controls", "state": {"value": 3}}
    body = widget_view("check") + widget_view("slider") + BROKEN + widget_view("gone") + widget_view("check")
    context = browser.new_context()
    page, watch = watched_page(context)
    page.goto(widget_page(tmp_path, {"check": check, "slider": slider}, body))
    page.wait_for_function("document.querySelectorAll('.be-check').length === 2")
    page.wait_for_function(f"document.querySelectorAll('{WIDGET_VIEWS}').length === 3")  # the three it could not show
    errors = watch.console_errors
    assert len(errors) == 3, errors
    assert errors[0].startswith("Widget failed to render: Error: widget slider cannot be shown offline:"), errors
    assert errors[1].startswith("Widget failed to render: SyntaxError:"), errors
    assert errors[2].startswith("Widget failed to render: Error: widget gone cannot be shown offline:"), errors
    assert not watch.page_errors and not watch.http_errors, watch.problems()
    context.close()


def long_texts(value) -> set[str]:
    """The texts in ``value``, at any depth, that the build keeps in files."""
    if isinstance(value, dict):
        return set().union(*map(long_texts, value.values()))
    if isinstance(value, list):
        return set().union(*map(long_texts, value))
    return {value} if isinstance(value, str) and len(value) >= build_widget_state().TEXT_FILE_FROM else set()


def test_texts_kept_in_files_are_loaded_before_each_widget_renders(browser, tmp_path):
    """As the build sends them: each long text (a module, its styles) a file beside the page, named by its content
    and loaded with a <script> tag over file://, and the values the widgets repeat stored once. Both checks render
    from one module file; a check whose module file is missing is named in its turn, and the others still render."""
    state = GuidedCheck(LEG_LENGTH).get_state()
    other = {**state, "_esm": state["_esm"] + "\n// another module\n"}
    check = lambda s: {"model_name": "AnyModel", "model_module": "anywidget", "state": s}  # noqa: E731
    body = widget_view("one") + widget_view("lost") + widget_view("two")
    url = widget_page(tmp_path, {"one": check(state), "lost": check(other), "two": check(state)}, body, as_built=True)
    build = build_widget_state()
    files = {build.file_value(f): f for f in (tmp_path / build.IMAGE_FOLDER).iterdir()}
    assert set(files) == long_texts(state) | {other["_esm"]}, "one file for each long text"
    html = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert not [text for text in files if json.dumps(text)[1:-1] in html]
    lost = files[other["_esm"]]
    lost.unlink()
    context = browser.new_context()
    page, watch = watched_page(context)
    page.goto(url)
    page.wait_for_function("document.querySelectorAll('.be-check').length === 2")
    page.wait_for_function(f"document.querySelectorAll('{WIDGET_VIEWS}').length === 1")
    assert [e.split("\n")[0].split(" (")[0] for e in watch.console_errors] == [
        "Failed to load resource: net::ERR_FILE_NOT_FOUND",
        f"Widget failed to render: Error: could not load _images/widget/{lost.name}"], watch.problems()
    titles = page.locator(".be-check .be-title").all_inner_texts()
    assert titles == [state["walkthrough"]["title"]] * 2, titles
    assert page.locator(".be-card").first.evaluate("e => getComputedStyle(e).boxSizing") == "border-box"  # its styles
    context.close()


def test_a_widgets_texts_start_loading_with_its_module_not_after_it(browser, tmp_path):
    """Over http, as a web host sends the built pages: the check's module file is held back until the browser has
    asked for its styles (a text kept in a file), so the two load together; a loader that asked for the texts
    only once the module had arrived would never ask, and the check would not render."""
    state = GuidedCheck(LEG_LENGTH).get_state()
    widget_page(tmp_path, {"check": {"model_name": "AnyModel", "model_module": "anywidget", "state": state}},
                widget_view("check"), as_built=True)
    build = build_widget_state()
    file_of = {build.file_value(f): f.name for f in (tmp_path / build.IMAGE_FOLDER).iterdir()}
    module, styles = file_of[state["_esm"]], file_of[state["_css"]]
    httpd = serve_folder(tmp_path)
    context = browser.new_context()
    page, watch = watched_page(context)
    held = []
    page.route(f"**/{module}", lambda route: held.append(route))
    with page.expect_request(f"**/{styles}", timeout=5000):  # the held module keeps the page from its load event
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/page.html", wait_until="commit")
    for _ in range(250):  # the module's request, held: its event may come just after the styles'
        if held:
            break
        page.wait_for_timeout(20)  # handles the events on their way
    assert len(held) == 1, "the module was not asked for"
    held[0].continue_()
    page.locator(".be-check").wait_for()
    context.close()
    httpd.shutdown()
    assert not watch.problems(), watch.problems()


# A widget whose view reads a value only when the reader taps: the stand-in model every module exports gives the
# loader's ``read`` its say (static/_shared.js standInModel).
LATER_ESM = """export function standInModel(values, read) { return { get: (name) => read(values[name]) }; }
export default { render({ model, el }) {
  const tap = document.createElement("button");
  tap.textContent = "Start";
  tap.onclick = async () => { const text = await model.get("later"); el.dataset.got = `${text.length} ${text.slice(0, 9)}`; };
  el.append(tap);
} };"""


def test_a_value_needed_on_demand_comes_with_its_long_texts_only_when_the_view_asks(browser, tmp_path):
    """As the build sends a widget's ``_on_demand`` value that is a long text (the timer module inside My routine):
    a script file naming the text's file; neither is loaded with the page, both when the view first asks (over http,
    where the browser lists what it loaded), and the view gets the text itself."""
    later = "// a module\n" * (build_widget_state().TEXT_FILE_FROM // 10)
    state = {"_esm": LATER_ESM, "_on_demand": ["later"], "later": later}
    widget_page(tmp_path, {"w": {"model_name": "AnyModel", "model_module": "anywidget", "state": state}},
                widget_view("w"), as_built=True)
    html = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert later[:40] not in html and '"$texts":' in html
    httpd = serve_folder(tmp_path)
    context = browser.new_context()
    page, watch = watched_page(context)
    page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/page.html")
    tap = page.get_by_role("button", name="Start")
    tap.wait_for()
    loaded = "performance.getEntriesByType('resource').map(e => e.name.split('/').pop())"
    files = {f.name for f in (tmp_path / build_widget_state().IMAGE_FOLDER).iterdir()}
    assert len(files) == 2 and not files & set(page.evaluate(loaded)), "loaded before the view asked"
    tap.click()
    page.wait_for_function("document.querySelector('.be-widget').dataset.got")
    assert page.locator(".be-widget").get_attribute("data-got") == f"{len(later)} // a modu"
    assert files <= set(page.evaluate(loaded))
    context.close()
    httpd.shutdown()
    assert not watch.problems(), watch.problems()
