"""book/_assets/widget-loader.js, on a page made here: the widgets it can show render in page order, each once its
turn comes; a widget it cannot show (not an anywidget, or a broken view tag) is reported in its turn, by name,
and the others still render. (Every built page's widgets: test_crawl.py; two views of one widget:
test_checks_pages.py.)"""
import json
import shutil

from backease import LEG_LENGTH, GuidedCheck

from conftest import ROOT, watched_page


def view(model_id: str) -> str:
    return f'<script type="application/vnd.jupyter.widget-view+json">{{"model_id": "{model_id}"}}</script>'


def test_a_widget_that_cannot_be_shown_is_named_and_the_others_render(browser, tmp_path):
    check = {"model_name": "AnyModel", "model_module": "anywidget", "state": GuidedCheck(LEG_LENGTH).get_state()}
    slider = {"model_name": "IntSliderModel", "model_module": "@jupyter-widgets/controls", "state": {"value": 3}}
    manager = {"version_major": 2, "version_minor": 0, "state": {"check": check, "slider": slider}}
    broken = '<script type="application/vnd.jupyter.widget-view+json">{"model_id": </script>'
    shutil.copy(ROOT / "book" / "_assets" / "widget-loader.js", tmp_path)
    (tmp_path / "page.html").write_text(
        f'<!doctype html><html lang="en"><title>widgets</title><main>{view("check")}{view("slider")}{broken}'
        f'{view("gone")}{view("check")}</main>'
        f'<script type="application/vnd.jupyter.widget-state+json">{json.dumps(manager)}</script>'
        '<script src="widget-loader.js"></script></html>', encoding="utf-8")
    context = browser.new_context()
    page, watch = watched_page(context)
    page.goto((tmp_path / "page.html").as_uri())
    page.wait_for_function("document.querySelectorAll('.be-check').length === 2")
    page.wait_for_function("document.querySelectorAll('script[type=\"application/vnd.jupyter.widget-view+json\"]')"
                           ".length === 3")  # the three it could not show stay as they were
    errors = watch.console_errors
    assert len(errors) == 3, errors
    assert errors[0].startswith("Widget failed to render: Error: widget slider cannot be shown offline:"), errors
    assert errors[1].startswith("Widget failed to render: SyntaxError:"), errors
    assert errors[2].startswith("Widget failed to render: Error: widget gone cannot be shown offline:"), errors
    assert not watch.page_errors and not watch.http_errors, watch.problems()
    context.close()
