"""The built site's own search finds the right page for the words readers use (tests/search_queries.yml)."""
import importlib.util
from pathlib import Path

import pytest
import yaml

from conftest import WIDGETS_SHOWN, open_built, settled_problems, site_context, watched_page
from phone import PHONE

_EXT = Path(__file__).resolve().parent.parent / "book" / "_ext" / "search_words.py"
_spec = importlib.util.spec_from_file_location("search_words", _EXT)
search_words = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_words)
WORDS_FILE, load_words, load_concepts = search_words.WORDS_FILE, search_words.load_words, search_words.load_concepts

QUERIES = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text(encoding="utf-8"))
# Every word of the words file must find its concept's page too.
WORDS = {word: entry["page"] for entry in load_concepts().values() for word in entry["words"]}
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
    ("pee:\n  kind: red flag\n  page: book/start/safety\n  words: pee\n",
     "'pee' needs a page name and a list of words"),
    ("pee:\n  kind: red flag\n  page: book/start/safety\n  words: [pee; wee]\n", "'pee' has a bad word 'pee; wee'"),
    ("pee:\n  kind: worry\n  page: book/start/safety\n  words: [pee]\n", "'pee' has kind 'worry'; use one of"),
    ("a:\n  kind: task\n  page: x\n  words: [Log]\nb:\n  kind: task\n  page: y\n  words: [log]\n",
     "'log' is in both 'a' and 'b'"),
    ("pee:\n  page: book/start/safety\n  words: [pee]\n", "'pee' needs exactly a kind, a page and words"),
    ("- pee\n", "expected concepts, each with a kind, a page and words"),
])
def test_a_bad_words_file_gets_a_clear_message(tmp_path, bad, message):
    path = tmp_path / "search_words.yml"
    path.write_text(bad)
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        load_words(path)


# Every query through the page's own search (Sphinx's searchtools.js, which the search page runs for
# ?q=...): the pages it lists, best first (it lists the array from the end), each page once.
RANK = """queries => queries.map(q => {
    const [query, terms, excluded, highlight, objects] = Search._parseQuery(q);
    const docs = Search._performSearch(query, terms, excluded, highlight, objects).reverse().map(r => r[0]);
    return docs.filter((doc, i) => docs.indexOf(doc) === i);
})"""


def test_everyday_queries_find_their_page_in_the_top_three(server, reused_page):
    """One load of the search page, then each query and each word of the words file through its search code,
    as the search box sends it (the test below follows one query from the box to the listed results)."""
    page, watch = reused_page
    page.goto(f"{server}/search.html")
    page.wait_for_function("Search.hasIndex()")
    expected = {**WORDS, **QUERIES}
    ranked = dict(zip(expected, page.evaluate(RANK, list(expected))))
    missed = [f"{query!r}: expected {want}, got {ranked[query][:TOP]}"
              for query, want in expected.items() if want not in ranked[query][:TOP]]
    assert not missed, "\n".join(missed)
    assert not watch.problems(), watch.problems()


# What a snippet may not begin with: the page's buttons and side panel, not its words.
NOT_TEXT = (".pdf", ".ipynb", ".md", "Contents", "Download", "Print")


@pytest.mark.parametrize("query", ["pee", "osteoporosis", "how often", "timer", "breathing"])
def test_result_snippets_are_the_pages_words(server, reused_page, query):
    page, watch = reused_page
    page.goto(f"{server}/search.html?q={query}")
    # Each result's snippet is fetched after the result is listed: wait until the search has finished and
    # every listed result has its snippet.
    page.wait_for_function("""() => /finished/i.test(document.querySelector('#search-results .search-summary')?.textContent || '')
        && document.querySelectorAll('#search-results li p.context').length === document.querySelectorAll('#search-results li').length""")
    snippets = page.eval_on_selector_all("#search-results p.context", "ps => ps.map(p => p.textContent)")
    assert snippets, query
    for snippet in snippets:
        start = snippet.removeprefix("...").lstrip()
        assert not start.startswith(NOT_TEXT), f"{query!r}: a snippet begins {start[:60]!r}"
    assert not watch.problems(), watch.problems()


def test_the_search_icon_leaves_the_first_letter_clear_on_a_phone(server, reused_page):
    page, _ = reused_page
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(f"{server}/search.html")
    box = page.locator(".bd-search-container input[name=q], #search-results ~ * input[name=q], article input[name=q]").first
    if not box.count():
        box = page.locator("input[name=q]:visible").first
    box.fill("W")
    gap = page.evaluate("""input => {
        const icon = input.closest('form').querySelector('.fa-magnifying-glass').getBoundingClientRect();
        const text = input.getBoundingClientRect().left + parseFloat(getComputedStyle(input).paddingLeft);
        return text - icon.right; }""", box.element_handle())
    assert gap >= 0, f"the icon covers the first {-gap:.0f} px of the text"


def test_the_search_box_sends_a_query_to_the_search_page(server, reused_page):
    page, watch = reused_page
    page.goto(f"{server}/book/start/welcome.html")
    page.keyboard.press("Control+k")
    box = page.locator("#pst-search-dialog input[name=q]")
    box.fill("pee")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=pee*")
    page.wait_for_function(SETTLED)
    assert result_pages(page)[0] == "book/start/safety"
    assert not watch.problems(), watch.problems()


# What a reader does not see as text: a figure (its title, styles and shapes), a widget's saved state, any script
# or style. Its markup after a search must be as it was before.
UNSEEN = """() => [...document.querySelectorAll('svg[role=img], script, style')].map(e => e.outerHTML)"""
# Each block of the page's text that has the word, and whether it is marked there. A widget draws its own text
# after the marking (and redraws it as it runs): it is left unmarked.
MARKED = """word => [...document.querySelectorAll('article :is(p, li, h1, h2, h3, h4, td, th, dd, dt)')]
    .filter(e => !e.closest('.be-widget') && ![...e.children].some(c => c.matches('p, ul, ol, dl, table')))
    .filter(e => e.textContent.toLowerCase().includes(word))
    .map(e => [e.textContent.trim().slice(0, 60), e.querySelectorAll('span.highlighted').length > 0])"""


def test_a_phone_reader_taps_a_search_result_and_sees_the_words_marked_in_its_text(browser, server):
    """On a 360 px touch phone, by taps: the search button, the words typed, Go, the technique's result. Its page opens
    with no error, and the word is marked in every block of its text that has it, after the figures too (marking a
    figure's title threw and stopped the marking there: book/_ext/search_highlight.py); what the reader does not
    see as text (figures, the widgets' state, styles) is exactly as without the search, and the timer works. A tap
    on "Hide Search Matches" takes the marks away."""
    word, rel = "psoas", "book/techniques/psoas.html"
    context = site_context(browser, **PHONE)
    page, watch = watched_page(context)
    open_built(page, f"{server}/{rel}")
    unseen = page.evaluate(UNSEEN)
    assert any("<title>" in markup for markup in unseen), "the page has no figure with a title"
    open_built(page, f"{server}/book/start/welcome.html")
    page.locator(".search-button:visible").tap()
    box = page.locator("#pst-search-dialog input[name=q]")
    box.wait_for(state="visible")
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/search.html?q={word}*")
    page.wait_for_function(SETTLED)
    assert rel.removesuffix(".html") in result_pages(page)[:TOP]
    page.locator(f"{RESULTS}[href^='{rel}']").first.tap()
    page.wait_for_url(f"**/{rel}*")
    page.wait_for_function(WIDGETS_SHOWN)
    page.wait_for_selector("article span.highlighted")
    blocks = page.evaluate(MARKED, word)
    assert len(blocks) > 5 and all(marked for _, marked in blocks), [b for b in blocks if not b[1]]
    assert page.evaluate(UNSEEN) == unseen
    start = page.locator(".be-timer button", has_text="Start").first
    start.scroll_into_view_if_needed()
    start.tap()
    page.wait_for_function("() => document.querySelector('.be-timer .be-status').textContent === 'Running'")
    hide = page.locator("#searchbox .highlight-link a")
    hide.scroll_into_view_if_needed()
    hide.tap()
    page.wait_for_function("() => !document.querySelector('span.highlighted')")
    context.close()
    assert not settled_problems(watch), watch.problems()


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
