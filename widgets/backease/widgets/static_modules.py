"""The browser side of each widget: its ES module from ``static/``, with the shared helpers joined on.

``static/_shared.js`` holds the helpers every view needs (``el``, ``fill``, ``listen``, ``importText``,
``embeddedTimer``, ``refusal``, ``standInModel``…), and ``static/_shared.css`` the card every timer and check is drawn in. A
widget class sets ``_esm = esm_module("red_flags.js")``: the module's text with
``_shared.js`` in front. Jupyter (anywidget's front end) and the built book (the offline
loader) both run one module text, so the helpers are written once and work in both; and a
module that declares one of them again fails to load (a duplicate declaration is a
SyntaxError), so a copy cannot creep back. Whole-line ``//`` comments stay in the files and
are left out of the module sent (every widget on a page carries it; no module has a
template literal across lines, which a test checks). ``static/rules.js``, the browser's copy of Python's
rules, is a library: a module sends only the declarations its other parts name (and those name in turn),
so a view that checks one thing does not carry every rule.
"""
from __future__ import annotations

import re
from pathlib import Path

STATIC = Path(__file__).parent / "static"
SHARED = STATIC / "_shared.js"
LIBRARY = "rules.js"
# A top-level declaration begins a line; its name. Any other line at the margin closes one, or is a comment.
_DECLARES = re.compile(r"(?:export\s+)?(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)")
_NAME = re.compile(r"[A-Za-z_$][\w$]*")


def _without_comment_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")) + "\n"


def declarations(text: str, name: str = LIBRARY) -> list[tuple[str, str]]:
    """The top-level declarations of a library file, in order: (the name each declares, its text). Each begins at
    the margin with ``function``, ``const``, ``let`` or ``class`` (``export``, ``async`` before it); comment lines
    before the first are left out. A line at the margin that is none of these stops with the line."""
    found: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        declared = _DECLARES.match(line)
        if declared:
            found.append((declared[1], line))
        elif found and (line[:1] in ("", " ", "\n", "}", ")", "]") or line.startswith("//")):
            found[-1] = (found[-1][0], found[-1][1] + line)
        elif not (line.startswith("//") or not line.strip()):
            raise ValueError(f"{name} line {number} is at the margin but declares nothing: {line.strip()!r}")
    return found


def named_only(library: str, rest: str) -> str:
    """The declarations of ``library`` that ``rest`` names, and those they name in turn, in the library's order."""
    parts = declarations(library)
    wanted, kept = set(_NAME.findall(rest)), set()
    while grown := [(name, text) for name, text in parts if name in wanted and name not in kept]:
        for name, text in grown:
            kept.add(name)
            wanted.update(_NAME.findall(text))
    return "".join(text for name, text in parts if name in kept)


def esm_module(*names: str) -> str:
    """One ES module: the shared helpers, then the files ``static/<name>`` in order, whole-line comments left out.

    A widget made of parts lists them before its view (the timer: its state machine, its device
    parts, its resume part, then ``timer.js``); a view that applies the browser's rules lists
    ``rules.js`` first, and gets only the rules its parts use (``named_only``). Alone, ``rules.js`` is whole.
    """
    texts = {name: (STATIC / name).read_text(encoding="utf-8") for name in ("_shared.js", *names)}
    if LIBRARY in names and len(names) > 1:
        texts[LIBRARY] = named_only(texts[LIBRARY], "".join(t for n, t in texts.items() if n != LIBRARY))
    return _without_comment_lines("\n".join(texts.values()))


def plain_module(name: str) -> str:
    """The ES module ``static/<name>`` as it is (no shared helpers), whole-line comments left out."""
    return _without_comment_lines((STATIC / name).read_text(encoding="utf-8"))


def css_module(name: str) -> str:
    """The styles ``static/<name>`` with the shared card styles (``static/_shared.css``) in front."""
    return f"{(STATIC / '_shared.css').read_text(encoding='utf-8')}\n{(STATIC / name).read_text(encoding='utf-8')}"
