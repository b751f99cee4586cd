"""A widget's module rendered twice on a blank page, on the stand-in model it exports (as the book's loader
does), for the tests of a widget's views: ``render_twice(page, widget.get_state())`` leaves ``window.widget``
({mod, model, views}) in the page."""
import json

RENDER = """async (state) => {
  const url = URL.createObjectURL(new Blob([state._esm], { type: "text/javascript" }));
  const mod = await import(url);
  const model = mod.standInModel(state);
  const views = [];
  for (const i of [0, 1]) {
    const host = document.createElement("div");
    document.body.append(host);
    await mod.default.render({ model, el: host });
    views.push(host);
  }
  window.widget = { mod, model, views };
}"""


def render_twice(page, state: dict) -> None:
    """Two views of one widget with ``state`` (as Python's ``get_state()`` gives it) on a blank page."""
    page.set_content("<!doctype html><html><body></body></html>")
    page.evaluate(RENDER, json.loads(json.dumps(state)))
