"""Lighter pages: what a reader's phone downloads on a first view, and what search engines read.

- Widget modules once per page: myst-nb saves each widget's whole state, so a page with
  four timers carried ``timer.js`` four times. Every long text in a page's anywidget states
  (``_esm``, ``_css``, figures, a module embedded in another widget's state) is stored once
  in the state's ``SHARED_KEY`` list and replaced by ``{"$shared": index}``;
  ``widget-loader.js`` puts the texts back before a widget renders. Still one inline
  script, so it works over ``file://`` as over http.
- Stylesheets cut down to the rules the built site can use (``css_prune``): the theme's
  311 kB stylesheet is mostly Bootstrap components the guide never shows.
- Scripts a page does not use are left out of it: Sphinx's search index and tools (only
  the search page searches, unless the theme searches as you type), the copy button on
  pages without code, sphinx-design's tabs on pages without tabs.
- A ``<meta name="description">`` on every page, from its first paragraph.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from docutils import nodes

from css_prune import prune_css, site_words

SHARED_KEY = "backease_shared"
SHARE_FROM = 512  # characters: shorter texts cost less than the reference would save
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
OUR_CSS = ("guide.css", "icons-subset.css")
DESCRIPTION_CHARS = 155


def share_long_texts(manager_state: dict) -> dict:
    """The widget-manager state with each long text of an anywidget's state stored once."""
    shared: list[str] = []
    index: dict[str, int] = {}

    def ref(value):
        if isinstance(value, str) and len(value) >= SHARE_FROM:
            if value not in index:
                index[value] = len(shared)
                shared.append(value)
            return {"$shared": index[value]}
        return value

    for model in manager_state.get("state", {}).values():
        if model.get("model_name") == "AnyModel":
            model["state"] = {k: ref(v) for k, v in model["state"].items()}
    if shared:
        manager_state[SHARED_KEY] = shared
    return manager_state


def _share_widget_modules(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files") or []
    for i, js in enumerate(scripts):
        if js.attributes.get("type") == WIDGET_STATE and "body" in js.attributes:
            state = share_long_texts(json.loads(js.attributes["body"]))
            attributes = {**js.attributes, "body": json.dumps(state).replace("</", "<\\/")}
            scripts[i] = type(js)(js.filename, priority=js.priority, **attributes)


# Scripts that do nothing on a page without what they look for: (file name, needed when the body has).
_OPTIONAL_SCRIPTS = (
    ("clipboard.min.js", 'class="highlight'),
    ("copybutton.js", 'class="highlight'),
    ("design-tabs.js", "sd-tab-set"),
)


def _drop_idle_scripts(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    scripts = context.get("script_files")
    if scripts is None:
        return
    scripts[:] = [js for js in scripts
                  if not any(str(js.filename).endswith(name) and marker not in body
                             for name, marker in _OPTIONAL_SCRIPTS)]


_SEARCH_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>')


def _searches_as_you_type(app) -> bool:
    return bool((app.config.html_theme_options or {}).get("search_as_you_type"))


def _drop_search_scripts(outdir: Path) -> None:
    """The theme loads Sphinx's search index on every page; only the search page uses it."""
    for page in outdir.rglob("*.html"):
        if page.relative_to(outdir).parts[0] in ("_static", "_sources") or page.name == "search.html":
            continue
        text = page.read_text(encoding="utf-8")
        lighter = _SEARCH_SCRIPTS.sub("", text)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")


def _prune_stylesheets(outdir: Path) -> None:
    static = outdir / "_static"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in outdir.rglob("*")
             if p.suffix in (".html", ".js") and p.is_file() and "vendor" not in p.parts]
    words = site_words(texts)
    for sheet in static.rglob("*.css"):
        if sheet.name not in OUR_CSS:
            sheet.write_text(prune_css(sheet.read_text(encoding="utf-8"), words), encoding="utf-8")
    for source_map in static.rglob("*.css.map"):
        source_map.unlink()  # maps the full stylesheet, no longer the one served


def _lighten_site(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    if not _searches_as_you_type(app):
        _drop_search_scripts(outdir)
    _prune_stylesheets(outdir)


_NOT_PROSE = (nodes.Admonition, nodes.footer, nodes.citation, nodes.table, nodes.sidebar)


def first_paragraph(doctree) -> str:
    """The page's first paragraph of prose as one line of plain text ('' if it has none)."""
    for paragraph in doctree.findall(nodes.paragraph):
        if not any(isinstance(a, _NOT_PROSE) for a in _ancestors(paragraph)):
            text = " ".join(paragraph.astext().split())
            if len(text) >= 40:
                return text
    return ""


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _describe_page(app, pagename, templatename, context, doctree):
    text = first_paragraph(doctree) if doctree is not None else ""
    if not text:
        text = f"{context.get('title') or pagename}: part of {app.config.project}, a guide to easing a tight back."
    description = shorten(re.sub(r"<[^>]+>", "", text))
    escaped = description.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{escaped}" />'


def setup(app):
    # After myst-nb has added the page's widget state and scripts (priority 500).
    app.connect("html-page-context", _share_widget_modules, priority=600)
    app.connect("html-page-context", _drop_idle_scripts, priority=600)
    app.connect("html-page-context", _describe_page, priority=600)
    # After offline_book has cut the icon rules (default priority 500).
    app.connect("build-finished", _lighten_site, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
