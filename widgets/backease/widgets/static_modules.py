"""The browser side of each widget: its ES module from ``static/``, with the shared helpers joined on.

``static/_shared.js`` holds the helpers every view needs (``el``, ``fill``, ``listen``, ``importText``,
``embeddedTimer``, ``refusal``, ``standInModel``…), and ``static/_shared.css`` the card every timer and check is drawn in. A
widget class sets ``_esm = esm_module("red_flags.js")``: the module's text with
``_shared.js`` in front. Jupyter (anywidget's front end) and the built book (the offline
loader) both run one module text, so the helpers are written once and work in both; and a
module that declares one of them again fails to load (a duplicate declaration is a
SyntaxError), so a copy cannot creep back. Whole-line ``//`` comments stay in the files and
are left out of the module sent (every widget on a page carries it; no module has a
template literal across lines, which a test checks).
"""
from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).parent / "static"
SHARED = STATIC / "_shared.js"


def _without_comment_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")) + "\n"


def esm_module(*names: str) -> str:
    """One ES module: the shared helpers, then the files ``static/<name>`` in order, whole-line comments left out.

    A widget made of parts lists them before its view (the timer: its state machine, its device
    parts, its resume part, then ``timer.js``); a view that applies the browser's rules lists
    ``rules.js`` first.
    """
    return _without_comment_lines("\n".join((STATIC / name).read_text(encoding="utf-8") for name in ("_shared.js", *names)))


def plain_module(name: str) -> str:
    """The ES module ``static/<name>`` as it is (no shared helpers), whole-line comments left out."""
    return _without_comment_lines((STATIC / name).read_text(encoding="utf-8"))


def css_module(name: str) -> str:
    """The styles ``static/<name>`` with the shared card styles (``static/_shared.css``) in front."""
    return f"{(STATIC / '_shared.css').read_text(encoding='utf-8')}\n{(STATIC / name).read_text(encoding='utf-8')}"
