"""The conditions page: for each shared condition, every technique's answer from its card, grouped by
answer and linked; reachable from the safety page, every "who should not" box and the site's search."""
import importlib.util
from pathlib import Path

import pytest

from backease.model.conditions import ADVICE_KINDS, ADVICE_TITLES, CONDITIONS, STORE_KEY
from backease.model.techniques import all_techniques
from backease.text.conditions import condition_label
from backease.text.storage import REFUSED
from backease.widgets.my_conditions import WORDS
from conftest import FILL, STORAGE_OFF, open_built, parsed_page

PAGE = "book/start/conditions.html"
TECHNIQUES = all_techniques()
_EXT = Path(__file__).resolve().parent.parent / "book" / "_ext" / "search_words.py"


def words(node) -> str:
    """The words of a node as the reader sees them, quotes made straight."""
    text = " ".join(node.get_text(" ").split())
    for curly, straight in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return text.replace(" :", ":").replace(" ,", ",").replace(" .", ".")


def section(soup, condition):
    """The part of the page for ``condition``: from its heading to the next condition's heading."""
    heading = soup.find(id=condition_label(condition)).find_parent(["h2", "section"]) or soup.find(id=condition_label(condition))
    parts = []
    for node in heading.find_next_siblings():
        if node.name == "h2":
            break
        parts.append(node)
    return heading, parts


@pytest.mark.parametrize("condition", CONDITIONS, ids=lambda c: c.id)
def test_each_condition_lists_every_technique_by_its_cards_answer(site, condition):
    soup = parsed_page(site, PAGE)
    heading, parts = section(soup, condition)
    assert words(heading).rstrip("#").strip() == condition.name
    assert condition.explain in " ".join(words(p) for p in parts), "say what the condition means"
    if condition.term:
        assert any(p.select_one("a[href*='glossary.html#term-']") for p in parts), "link its glossary entry"
    answered = {t.name for t in TECHNIQUES for a in t.conditions if a.condition == condition.id}
    seen = set()
    for kind in ADVICE_KINDS:
        group = next((p for p in parts if "be-who-" + kind in p.get("class", [])), None)
        card_answers = [(t.name, t.title, a.text) for t in TECHNIQUES for a in t.conditions
                        if a.condition == condition.id and a.advice == kind]
        assert bool(group) == bool(card_answers), kind
        if not group:
            continue
        assert words(group.p).startswith(ADVICE_TITLES[kind])
        items = group.select("li")
        assert len(items) == len(card_answers)
        for li, (name, title, text) in zip(items, card_answers):
            link = li.select_one("a")
            assert link["href"].endswith(f"techniques/{name}.html") and words(link) == words_of(title)
            assert words(li) == words_of(f"{title}: {text}")
            seen.add(name)
    silent_box = next((p for p in parts if "be-who-none" in p.get("class", [])), None)
    listed = [a["href"].split("/")[-1].removesuffix(".html") for a in silent_box.select("a")] if silent_box else []
    assert listed == [t.name for t in TECHNIQUES if t.name not in answered]
    assert seen | set(listed) == {t.name for t in TECHNIQUES}, "every technique is on the page once per condition"


def words_of(text: str) -> str:
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")


def test_the_page_opens_with_a_link_to_every_condition_and_sits_after_safety_first(site):
    soup = parsed_page(site, PAGE)
    jumps = [a["href"] for a in soup.select("article ul a[href^='#condition-']")]
    assert jumps == [f"#{condition_label(c)}" for c in CONDITIONS]
    toc = (Path(__file__).resolve().parents[1] / "_toc.yml").read_text(encoding="utf-8")
    assert toc.index("book/start/safety\n") < toc.index("book/start/conditions\n") < toc.index("book/start/what-to-expect")


def test_the_safety_page_and_every_who_should_not_box_link_here(site):
    assert parsed_page(site, "book/start/safety.html").select_one("article a[href$='conditions.html#conditions']")
    for t in TECHNIQUES:
        soup = parsed_page(site, f"book/techniques/{t.name}.html")
        heading = next(h for h in soup.select("article h2") if h.get_text(strip=True).rstrip("#") == "Who should not do it")
        assert heading.find_parent("section").select_one("a[href$='conditions.html#conditions']"), t.name


def test_search_has_a_concept_for_each_condition_on_this_page():
    spec = importlib.util.spec_from_file_location("search_words", _EXT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    concepts = module.load_concepts()
    here = {name for name, c in concepts.items() if c["kind"] == "condition" and c["page"] == "book/start/conditions"}
    named = {name.replace(" ", "-") for name in here}  # a condition's concept is named for its id
    assert not {c.id for c in CONDITIONS} - named, sorted({c.id for c in CONDITIONS} - named)


def test_the_page_reads_on_a_360_px_phone_without_sideways_scrolling(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 640}, device_scale_factor=1, has_touch=True)
    try:
        page = context.new_page()
        open_built(page, f"{server}/{PAGE}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert not page.locator("article table").count(), "one section per condition, not a wide table"
        box = page.locator(f"#{condition_label(CONDITIONS[0])}").locator("xpath=..").bounding_box()
        assert box["width"] <= 360
    finally:
        context.close()


def test_ticking_where_the_browser_will_not_keep_it_says_why_and_the_boxes_show_what_is_kept(reused_page, server):
    """Storage really full, then off: the picker says why in Python's words and changes nothing kept; with storage
    off a technique page shows no note (nothing can be kept, so none is), not the browser's error."""
    page, watch = reused_page
    open_built(page, f"{server}/{PAGE}")
    picker = page.locator(".be-conditions")
    message = picker.locator(".be-conditions-message")
    picker.locator("input[value='pregnancy']").check()
    kept = page.evaluate(f"localStorage.getItem({STORE_KEY!r})")
    assert page.evaluate(FILL) > 0
    picker.locator("input[value='osteoporosis']").click()
    assert message.inner_text() == f"{WORDS['not_kept']}: {REFUSED['full']}"
    assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") == kept
    assert [b.get_attribute("value") for b in picker.locator("input:checked").all()] == ["pregnancy"]
    page.evaluate("localStorage.clear()")
    with page.add_init_script(STORAGE_OFF):
        open_built(page, f"{server}/book/techniques/forward-bend.html")
        assert page.locator(".be-cond-note").is_hidden()
        open_built(page, f"{server}/{PAGE}")
        assert message.inner_text() == ""
        picker.locator("input[value='pregnancy']").click()
        assert message.inner_text() == f"{WORDS['not_kept']}: {REFUSED['off']}"
        assert not picker.locator("input:checked").count()
    assert not [e for e in watch.console_errors if "Widget" in e], watch.console_errors
