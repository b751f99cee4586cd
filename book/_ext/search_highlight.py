"""A search result opens its page with the searched words marked in what the reader sees, and nowhere else.

Sphinx's ``sphinx_highlight.js`` marks each searched word in every text of the page's body. It went into the texts
a reader never sees: a figure's title and styles (inline SVG), a widget's saved state (JSON in a script) and the
styles of a widget's placeholder. Marking a figure's title threw ("getBBox is not a function") and stopped the
marking at the first figure; a mark in a style cut a word out of its rules.

The build tells the script to leave those elements alone, as it already leaves buttons and form fields.
"""
from __future__ import annotations

from pathlib import Path

from sphinx.errors import ExtensionError

SCRIPT = "_static/sphinx_highlight.js"
# What Sphinx 7.4's script leaves alone, and what it also must: elements whose text is not shown as text.
SKIPPED = '!node.matches("button, select, textarea")'
HIDDEN_TEXT = "script, style, template, noscript, title, desc, metadata"
SKIPS = f'!node.matches("button, select, textarea, {HIDDEN_TEXT}")'


def marks_only_shown_text(text: str) -> str:
    """``text`` (the script) told to skip the elements whose text is not shown; a script already told so (a
    static file kept by a rebuild) is returned as it is."""
    if text.count(SKIPS) == 1 and SKIPPED not in text:
        return text
    if text.count(SKIPPED) != 1:
        raise ExtensionError(f"search_highlight: {SCRIPT} names the elements it skips {text.count(SKIPPED)} times"
                             f" as {SKIPPED}, not once as the pinned Sphinx's did: check how it marks the searched"
                             " words, then update book/_ext/search_highlight.py")
    return text.replace(SKIPPED, SKIPS)


def _rewrite(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / SCRIPT
    text = path.read_text(encoding="utf-8")
    told = marks_only_shown_text(text)
    if told != text:
        path.write_text(told, encoding="utf-8")


def setup(app):
    # Before page_weight (800) and offline_app (900), which read the static files.
    app.connect("build-finished", _rewrite, priority=700)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
