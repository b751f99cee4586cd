"""The built site's own search finds the right page for the words readers use (tests/search_queries.yml)."""
import importlib.util
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

_EXT = Path(__file__).resolve().parent.parent / "book" / "_ext" / "search_words.py"
_spec = importlib.util.spec_from_file_location("search_words", _EXT)
search_words = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_words)
WORDS_FILE, load_words = search_words.WORDS_FILE, search_words.load_words

QUERIES = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text(encoding="utf-8"))
TOP = 3
RESULTS = "#search-results ul.search li > a"
# Done once at least TOP results are listed (they are listed best first) or the search has finished.
SETTLED = f"""() => document.querySelectorAll('{RESULTS}').length >= {TOP}
    || /finished|did not match/i.test(document.querySelector('#search-results .search-summary')?.textContent || '')"""


def result_pages(page) -> list[str]:
    """The pages listed on the search page, best first, each once (a page can be listed for two anchors)."""
    pages = []
    for href in page.eval_on_selector_all(RESULTS, "links => links.map(a => a.getAttribute('href'))"):
        name = href.split("#")[0].removesuffix(".html")
        if name not in pages:
            pages.append(name)
    return pages


def test_the_query_list_is_long_enough_and_names_real_pages(site):
    assert len(QUERIES) >= 30
    for query, page in QUERIES.items():
        assert (site / f"{page}.html").is_file(), f"{query!r} expects {page!r}, which is not a built page"


def test_every_page_in_the_words_file_is_a_page(site):
    for page in load_words():
        assert (site / f"{page}.html").is_file(), f"{WORDS_FILE.name} names {page!r}, which is not a built page"


@pytest.mark.parametrize("bad, message", [
    ("book/start/safety: pee\n", "'book/start/safety' needs a list of words, got 'pee'"),
    ("book/start/safety: [pee; wee]\n", "'book/start/safety' has a bad word 'pee; wee'"),
    ("- pee\n", "expected page names, each with a list of words"),
])
def test_a_bad_words_file_gets_a_clear_message(tmp_path, bad, message):
    path = tmp_path / "search_words.yml"
    path.write_text(bad)
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        load_words(path)


@pytest.fixture
def search_page(browser, server):
    """A page for many searches, watched by listeners rather than a catch-all route, which would
    stop every request in Python; the summaries the results page fetches for each listed page are
    not needed for the ranking, so they come back empty (only those requests are routed)."""
    context = browser.new_context()
    page = context.new_page()
    seen, errors = [], []
    page.on("request", lambda r: seen.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.route(f"{server}/**/*.html", lambda r: r.fulfill(body="") if r.request.resource_type == "fetch" else r.fallback())
    yield page
    context.close()
    outside = [u for u in seen if not u.startswith(server)]
    assert not outside + errors, outside + errors


def test_everyday_queries_find_their_page_in_the_top_three(server, search_page):
    """Each query goes through the theme's search page, as the search box sends it, in one browser page."""
    page = search_page
    missed, ranks = [], {}
    for query, expected in QUERIES.items():
        page.goto(f"{server}/search.html?q={quote(query)}", wait_until="commit")
        page.wait_for_function(SETTLED)
        pages = result_pages(page)
        ranks[query] = pages.index(expected) + 1 if expected in pages else None
        if expected not in pages[:TOP]:
            missed.append(f"{query!r}: expected {expected}, got {pages[:TOP]}")
    assert not missed, "\n".join(missed)


def test_the_search_box_sends_a_query_to_the_search_page(server, offline_page):
    page, watch = offline_page
    page.goto(f"{server}/book/start/welcome.html")
    page.keyboard.press("Control+k")
    box = page.locator("#pst-search-dialog input[name=q]")
    box.fill("pee")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=pee*")
    page.wait_for_function(SETTLED)
    assert result_pages(page)[0] == "book/start/safety"
    assert not watch.problems(), watch.problems()


def test_a_rebuild_keeps_the_index_entries_of_pages_it_does_not_write_again():
    """Sphinx 7.4 reloads the last search index for the pages a rebuild leaves alone, without their index entries."""
    import io
    from types import SimpleNamespace

    from sphinx.environment import ENV_VERSION
    from sphinx.search import IndexBuilder, js_index

    search_words.keep_index_entries()
    env = SimpleNamespace(version=ENV_VERSION, domains={}, **{f"_search_index_{k}": {} for k in (
        "titles", "filenames", "mapping", "title_mapping", "all_titles", "index_entries", "objtypes", "objnames")})
    last = {"envversion": ENV_VERSION, "docnames": ["kept", "rewritten"], "filenames": ["kept.md", "rewritten.md"],
            "titles": ["Kept", "Rewritten"], "terms": {}, "titleterms": {}, "alltitles": {}, "objects": {},
            "indexentries": {"pee": [[0, "index-0", True]], "ql": [[1, "index-0", True]]}}
    index = IndexBuilder(env, "en", {}, None)
    index.load(io.StringIO(js_index.dumps(last)), js_index)
    index.prune({"kept"})  # "rewritten" is written again, so fed again; "kept" is not
    assert index.freeze()["indexentries"] == {"pee": [(0, "index-0", True)]}
