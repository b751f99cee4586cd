"""Site search that understands how readers speak: everyday words and abbreviations as index entries.

``search_words.yml`` (beside this file) lists, by page, words readers type that the page itself may not
use ("pee", "QL", "slipped disc", "how often"). Each becomes an invisible index entry at the top of its
page. Sphinx puts index entries in ``searchindex.js``, and the theme's search page ranks an entry that
matches the query (or most of it) above pages that merely contain the words; the entries also appear in
the general index. A page name in the file that is not a page of the book is a build warning, so the
strict build fails.
"""
from pathlib import Path

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

WORDS_FILE = Path(__file__).with_name("search_words.yml")
logger = logging.getLogger(__name__)


def load_words(path: Path = WORDS_FILE) -> dict[str, list[str]]:
    """The file as {page: [words]}; a clear error names the page or the bad word."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: expected page names, each with a list of words, got {data!r}")
    for page, words in data.items():
        if not isinstance(words, list) or not words:
            raise ValueError(f"{path.name}: {page!r} needs a list of words, got {words!r}")
        for word in words:
            if not isinstance(word, str) or not word.strip() or any(c in word for c in ";,!"):
                raise ValueError(f"{path.name}: {page!r} has a bad word {word!r} (non-empty text, no ; , or !)")
    return {page: [" ".join(w.split()) for w in words] for page, words in data.items()}


class AddSearchWords(SphinxTransform):
    """Put the page's everyday words into its doctree as main index entries, before domains read them."""

    default_priority = 800  # before SphinxDomains (850), which hands index entries to the index domain

    def apply(self, **kwargs):
        words = self.app.config.search_words.get(self.env.docname)
        if not words:
            return
        node = addnodes.index(entries=[("single", w, "", "main", None) for w in words], inline=False)
        section = next(iter(self.document.findall(nodes.section)), None)
        (section or self.document).insert(1 if section else 0, node)


def _check_pages(app, env):
    for page in sorted(set(app.config.search_words) - set(env.found_docs)):
        logger.warning(f"{WORDS_FILE.name}: {page!r} is not a page of the book")


def _write_every_page(app, env):
    """Sphinx 7.4 saves its environment before it writes the pages, so on a rebuild a page that is not
    written again loses its index entries (these and the glossary's) from ``searchindex.js``. Writing
    every page again keeps them; nothing is read or executed again, so it costs a few seconds."""
    return sorted(env.found_docs)


def setup(app):
    app.add_config_value("search_words", load_words(), "env")
    app.add_transform(AddSearchWords)
    app.connect("env-check-consistency", _check_pages)
    app.connect("env-get-updated", _write_every_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
