"""The theme's and Sphinx's scripts keep working when the browser refuses to keep anything.

pydata-sphinx-theme keeps a few settings in the browser's storage: light or dark, where the menu was scrolled,
a dismissed banner. Sphinx keeps the words of the last search there. When a reader has blocked site data, as some
privacy settings and private windows do, reading ``localStorage`` or ``sessionStorage`` throws. The theme's script
then stopped half way, before it set up the menu buttons, so on a phone the menu (☰) did nothing. A full store
throws the same way on a write.

The build points those scripts at ``backeaseThemeStorage`` instead. It is defined in every page's head
(book/_templates/layout.html): the browser's storage when it answers, otherwise a memory that lasts as long as
the page. The guide's own widgets (the diary, the plan, My routine) keep using the browser's storage directly.
When it refuses, they tell the reader what was not kept.
"""
from __future__ import annotations

import re
from pathlib import Path

from sphinx.errors import ExtensionError

# Each rewritten script, with how often it names each store: the pinned pydata-sphinx-theme and Sphinx. A new
# version that names them a different number of times stops the build, to be looked at.
SCRIPTS = {
    "_static/scripts/pydata-sphinx-theme.js": {"localStorage": 9, "sessionStorage": 2},
    "_static/sphinx_highlight.js": {"localStorage": 3},
    "_static/searchtools.js": {"localStorage": 1},
}
SAFE = "backeaseThemeStorage"
STORES = {"localStorage": f"{SAFE}.local", "sessionStorage": f"{SAFE}.session"}
# A store named as a variable: not a property (window.localStorage) nor part of a longer name.
_NAMED = re.compile(r"(?<![\w$.])(localStorage|sessionStorage)(?![\w$])")


def uses(text: str) -> dict[str, int]:
    """How many times ``text`` names each store as a variable."""
    found = {name: 0 for name in STORES}
    for match in _NAMED.finditer(text):
        found[match.group(1)] += 1
    return {name: n for name, n in found.items() if n}


def made_safe(text: str, expected: dict[str, int], name: str) -> str:
    """``text`` with each store it names as a variable replaced by the safe one. ``expected`` gives how often it names
    each; a script already made safe (an unchanged static file kept by a rebuild) is returned as it is."""
    found = uses(text)
    if not found and all(text.count(STORES[store]) == n for store, n in expected.items()):
        return text
    if found != expected:
        raise ExtensionError(f"theme_storage: {name} names the browser's storage {found}, not {expected} as the pinned "
                             "theme's did: check what it keeps, then update SCRIPTS in book/_ext/theme_storage.py")
    return _NAMED.sub(lambda m: STORES[m.group(1)], text)


def _rewrite(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for rel, expected in SCRIPTS.items():
        path = Path(app.outdir) / rel
        text = path.read_text(encoding="utf-8")
        safe = made_safe(text, expected, rel)
        if safe != text:
            path.write_text(safe, encoding="utf-8")


def setup(app):
    # Before page_weight (800) and offline_app (900), which read the static files.
    app.connect("build-finished", _rewrite, priority=700)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
