"""book/_assets/widget-loader.js, on a page made here: the widgets it can show render in page order, each once its
turn comes; a widget it cannot show (not an anywidget, or a broken view tag) is reported in its turn, by name,
and the others still render. (Every built page's widgets: test_crawl.py; two views of one widget:
test_checks_pages.py.)"""
from backease import LEG_LENGTH, GuidedCheck

from conftest import VIEW_TYPE, WIDGET_VIEWS, watched_page, widget_page, widget_view

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
