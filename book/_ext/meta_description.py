"""A ``<meta name="description">`` on every page, from its first paragraph of prose, for search engines
and link previews (a page with no such paragraph is described by its title)."""
from __future__ import annotations

import re

from docutils import nodes

DESCRIPTION_CHARS = 155


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
    app.connect("html-page-context", _describe_page, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
