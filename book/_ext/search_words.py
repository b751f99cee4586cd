"""Site search that understands how readers speak: everyday words and abbreviations as index entries.

``search_words.yml`` (beside this file) lists, by concept (a red flag, a symptom, a task such as "keeping a
record"), the words readers type that the guide itself may not use ("pee", "QL", "how often"), and the page
that answers it. Each becomes an invisible index entry at the top of its
page. Sphinx puts index entries in ``searchindex.js``, and the theme's search page ranks an entry that
matches the query (or most of it) above pages that merely contain the words; the entries also appear in
the general index. A page name in the file that is not a page of the book is a build warning, so the
strict build fails.
"""
from pathlib import Path

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.search import IndexBuilder
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

WORDS_FILE = Path(__file__).with_name("search_words.yml")
logger = logging.getLogger(__name__)


KINDS = ("red flag", "condition", "symptom", "body", "task", "technique", "check", "evidence")


def load_concepts(path: Path = WORDS_FILE) -> dict[str, dict]:
    """The file as {concept: {"kind", "page", "words"}}; a clear error names the concept and the bad value."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: expected concepts, each with a kind, a page and words, got {data!r}")
    seen: dict[str, str] = {}
    for concept, entry in data.items():
        if not isinstance(entry, dict) or set(entry) != {"kind", "page", "words"}:
            raise ValueError(f"{path.name}: {concept!r} needs exactly a kind, a page and words, got {entry!r}")
        if entry["kind"] not in KINDS:
            raise ValueError(f"{path.name}: {concept!r} has kind {entry['kind']!r}; use one of {', '.join(KINDS)}")
        if not isinstance(entry["page"], str) or not isinstance(entry["words"], list) or not entry["words"]:
            raise ValueError(f"{path.name}: {concept!r} needs a page name and a list of words, got {entry!r}")
        for word in entry["words"]:
            if not isinstance(word, str) or not word.strip() or any(c in word for c in ";,!"):
                raise ValueError(f"{path.name}: {concept!r} has a bad word {word!r} (non-empty text, no ; , or !)")
            key = " ".join(word.lower().split())
            if key in seen:
                raise ValueError(f"{path.name}: {word!r} is in both {seen[key]!r} and {concept!r}; a word means one thing")
            seen[key] = concept
        entry["words"] = [" ".join(w.split()) for w in entry["words"]]
    return data


def load_words(path: Path = WORDS_FILE) -> dict[str, list[str]]:
    """Every page's words, {page: [words]}, from the concepts in ``path``."""
    words: dict[str, list[str]] = {}
    for entry in load_concepts(path).values():
        words.setdefault(entry["page"], []).extend(entry["words"])
    return words


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


class _Frozen:
    """A search-index format whose ``load`` hands back index data already read."""

    def __init__(self, data):
        self.data = data

    def load(self, stream):
        return self.data


_sphinx_load, _sphinx_prune = IndexBuilder.load, IndexBuilder.prune


def _load_with_index_entries(self, stream, format):
    """Sphinx 7.4's ``IndexBuilder.load``, which also takes back the index entries of the pages not
    written again: Sphinx saves its environment before it writes the pages, so without this a rebuild
    loses every other page's index entries (these and the glossary's) from ``searchindex.js``."""
    frozen = (self.formats[format] if isinstance(format, str) else format).load(stream)
    _sphinx_load(self, stream, _Frozen(frozen))
    names, entries = frozen["docnames"], {}
    for term, places in frozen.get("indexentries", {}).items():
        for number, target, main in places:
            entries.setdefault(names[number], []).append((term, target, "main" if main else ""))
    self._index_entries.clear()
    self._index_entries.update({doc: sorted(found) for doc, found in entries.items()})


def _prune_with_index_entries(self, docnames):
    """``IndexBuilder.prune``, which also drops the index entries of the pages not kept."""
    _sphinx_prune(self, docnames)
    keep = set(docnames)
    for doc in [d for d in self._index_entries if d not in keep]:
        del self._index_entries[doc]


def keep_index_entries():
    """Make Sphinx's search index keep the index entries of pages a rebuild does not write again."""
    IndexBuilder.load, IndexBuilder.prune = _load_with_index_entries, _prune_with_index_entries


def setup(app):
    app.add_config_value("search_words", load_words(), "env")
    app.add_transform(AddSearchWords)
    app.connect("env-check-consistency", _check_pages)
    keep_index_entries()
    return {"parallel_read_safe": True, "parallel_write_safe": True}
