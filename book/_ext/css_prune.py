"""Drop the CSS rules no built page can use: a stylesheet cut down to the site's own words.

A rule is kept when every class and id its selector needs (outside brackets, where
``:not(.x)`` or ``:is(.a, .b)`` may match without them) is a word found somewhere in the
built site: its HTML (markup, text and the widget modules inside it) and its JavaScript,
where the theme and Bootstrap name the classes they add at run time (dark mode, the search
dialog, the sidebar, dropdowns, tooltips). So a rule goes only when nothing could ever give
an element its class. ``@media`` and ``@supports`` blocks (print included) are cut down
the same way; ``@font-face`` and ``@keyframes`` are kept whole. Then the custom properties
(``--name: value``) that no stylesheet, page or script reads with ``var(--name)`` go too.
"""
from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z_][\w-]*")
_NEEDS = re.compile(r"([.#])(-?[A-Za-z_][\w-]*)")
_NESTED = ("@media", "@supports", "@layer", "@container", "@document")


def site_words(texts) -> set[str]:
    """Every word that could be a class or id in these HTML and JavaScript texts."""
    words: set[str] = set()
    for text in texts:
        words.update(WORD.findall(text))
    return words


def _blocks(css: str):
    """Top-level ``(prelude, body)`` pairs (body None for a statement like ``@charset``)."""
    i, n, start = 0, len(css), 0
    while i < n:
        c = css[i]
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            if css[start:i].lstrip().startswith("/*!"):  # a licence comment stays
                yield css[start:i].strip(), None
            start = i
        elif c in "\"'":
            i = _string_end(css, i)
        elif c == ";":
            yield css[start:i].strip(), None
            i += 1
            start = i
        elif c == "{":
            body_start, depth, i = i + 1, 1, i + 1
            while i < n and depth:
                if css[i] in "\"'":
                    i = _string_end(css, i)
                    continue
                if css.startswith("/*", i):
                    end = css.find("*/", i + 2)
                    i = n if end < 0 else end + 2
                    continue
                depth += {"{": 1, "}": -1}.get(css[i], 0)
                i += 1
            yield css[start:body_start - 1].strip(), css[body_start:i - 1]
            start = i
        else:
            i += 1


def _string_end(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in enumerate(prelude):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(c, 0)
        if c == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def _outside_brackets(selector: str) -> str:
    out, depth = [], 0
    for c in selector:
        depth += {"(": 1, "[": 1}.get(c, 0)
        if depth == 0:
            out.append(c)
        depth -= {")": 1, "]": 1}.get(c, 0)
    return "".join(out)


def selector_used(selector: str, words: set[str]) -> bool:
    """True unless the selector needs a class or id that is not among ``words``."""
    if "\\" in selector:
        return True  # an escaped name: keep it rather than guess
    return all(name in words for _, name in _NEEDS.findall(_outside_brackets(selector)))


_VAR = re.compile(r"--[\w-]+")


def custom_properties_used(styles, scripts=()) -> set[str]:
    """The custom properties that may be read: ``var(--name)`` in ``styles`` (CSS, or HTML with
    inline styles), and any ``--name`` at all in ``scripts`` (which may read one by its name)."""
    used: set[str] = set()
    for text in styles:
        used.update(re.findall(r"var\(\s*(--[\w-]+)", text))
    for text in scripts:
        used.update(_VAR.findall(text))
    return used


def _declarations(body: str) -> list[str]:
    parts, depth, start, quote = [], 0, 0, ""
    for i, c in enumerate(body):
        if quote:
            quote = "" if c == quote and body[i - 1] != "\\" else quote
        elif c in "\"'":
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == ";" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


def drop_unused_properties(css: str, used: set[str]) -> str:
    """``css`` without declarations of custom properties that nothing reads (``used``: the names read)."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude if prelude.startswith("/*") else prelude + ";")
        elif prelude.startswith(_NESTED):
            out.append(f"{prelude}{{{drop_unused_properties(body, used)}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [d for d in _declarations(body) if not (d.startswith("--") and d.split(":")[0].strip() not in used)]
            if kept:
                out.append(f"{prelude}{{{';'.join(kept)}}}")
    return "\n".join(out)


def prune_css(css: str, words: set[str]) -> str:
    """``css`` without the rules and selectors that need a word not in ``words``."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            if prelude:
                out.append(prelude if prelude.startswith("/*") else prelude + ";")
        elif prelude.startswith(_NESTED):
            inner = prune_css(body, words)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")  # @font-face, @keyframes, @page: whole
        else:
            kept = [s for s in _split_selectors(prelude) if selector_used(s, words)]
            if kept:
                out.append(f"{','.join(kept)}{{{body.strip()}}}")
    return "\n".join(out)
