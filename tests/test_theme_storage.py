"""The theme's and Sphinx's scripts keep their settings through backeaseThemeStorage (book/_ext/theme_storage.py).
In the browser, with storage blocked or full, the menus still work: test_site_menu.py taps them."""
import re
import sys

import pytest
from sphinx.errors import ExtensionError

from conftest import ROOT, built_pages

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import theme_storage  # noqa: E402

SCRIPT = 'var t=localStorage.getItem("mode");sessionStorage.setItem("x",1);window.localStorage.clear();my_localStorage=1'


def test_each_store_named_as_a_variable_is_made_safe_and_nothing_else():
    safe = theme_storage.made_safe(SCRIPT, {"localStorage": 1, "sessionStorage": 1}, "a.js")
    assert safe == ('var t=backeaseThemeStorage.local.getItem("mode");backeaseThemeStorage.session.setItem("x",1);'
                    "window.localStorage.clear();my_localStorage=1")
    assert theme_storage.made_safe(safe, {"localStorage": 1, "sessionStorage": 1}, "a.js") == safe  # a rebuild


def test_a_script_that_names_the_stores_otherwise_stops_the_build_by_name():
    with pytest.raises(ExtensionError, match=r"a\.js names the browser's storage \{'localStorage': 1, "
                                             r"'sessionStorage': 1\}, not \{'localStorage': 2\}"):
        theme_storage.made_safe(SCRIPT, {"localStorage": 2}, "a.js")


def test_the_built_scripts_name_no_store_but_the_safe_one(site):
    for rel, expected in theme_storage.SCRIPTS.items():
        text = (site / rel).read_text(encoding="utf-8")
        assert not theme_storage.uses(text), rel
        assert {store: text.count(safe) for store, safe in theme_storage.STORES.items() if store in expected} == expected


def test_every_page_that_runs_them_defines_the_safe_store_first(site):
    scripts = [rel.rsplit("/", 1)[-1] for rel in theme_storage.SCRIPTS]
    for rel in built_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        named = [m.start() for name in scripts for m in re.finditer(re.escape(name), html)]
        if named:
            defined = html.find("window.backeaseThemeStorage =")
            assert 0 <= defined < min(named), rel
