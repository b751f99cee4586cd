"""Sphinx's search marks leave alone what a reader does not see as text (book/_ext/search_highlight.py). In the
browser, test_search.py follows a search result on a phone and checks the marks and the figures."""
import sys

import pytest
from sphinx.errors import ExtensionError

from conftest import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import search_highlight  # noqa: E402

SCRIPT = 'if (x) {} else if (node.matches && !node.matches("button, select, textarea")) { walk(node); }'


def test_the_script_is_told_to_skip_the_hidden_texts_and_a_rebuild_changes_nothing():
    told = search_highlight.marks_only_shown_text(SCRIPT)
    assert told == ('if (x) {} else if (node.matches && !node.matches("button, select, textarea, script, style, '
                    'template, noscript, title, desc, metadata")) { walk(node); }')
    assert search_highlight.marks_only_shown_text(told) == told


@pytest.mark.parametrize("script", ["walk(node);", SCRIPT + SCRIPT])
def test_a_script_that_skips_otherwise_stops_the_build_by_name(script):
    with pytest.raises(ExtensionError, match=r"sphinx_highlight\.js names the elements it skips [02] times"):
        search_highlight.marks_only_shown_text(script)


def test_the_built_script_skips_the_hidden_texts(site):
    text = (site / search_highlight.SCRIPT).read_text(encoding="utf-8")
    assert text.count(search_highlight.SKIPS) == 1 and search_highlight.SKIPPED not in text
