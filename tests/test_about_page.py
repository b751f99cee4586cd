"""The About page tells a reader who made the guide, when it was reviewed, what it rests on, how to report a
mistake and its licences, from the facts typed once in _config.yml; the build's own figures stay off it."""
import calendar
import sys
from types import SimpleNamespace

import pytest
import yaml
from sphinx.errors import ConfigError

from conftest import ROOT, built_pages, parsed_page

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
REPOSITORY = CONFIG["html_theme_options"]["repository_url"]
ISSUES = REPOSITORY.rstrip("/") + "/issues"


def _month(value: str) -> str:
    year, month = value.split("-")
    return f"{calendar.month_name[int(month)]} {year}"


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_the_about_page_answers_a_readers_questions(site):
    page = parsed_page(site, "book/reference/about.html")
    article = page.select_one("article")
    text = _text(article)
    headings = [_text(h).rstrip(" #") for h in article.select("h2")]
    for heading in ("Who made it", "When it was checked", "What it is based on", "Tell us about a mistake", "Licences"):
        assert heading in headings, headings
    assert f"last reviewed in {_month(CONFIG['guide_reviewed'])}" in text
    assert f"next review is due by {_month(CONFIG['guide_next_review'])}" in text
    assert yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["author"] in text
    assert [a["href"] for a in article.select("a") if "issue tracker" in _text(a)] == [ISSUES]
    assert "CC BY 4.0" in text and "MIT licence" in text
    assert article.select_one('a[href$="evidence.html#sources"]'), "it points to the list of source articles"


def test_build_and_benchmark_figures_are_for_contributors_not_readers(site):
    text = _text(parsed_page(site, "book/reference/about.html").select_one("article"))
    for developer_word in ("load average", "Lighthouse", "gzip", "make bench", "cold full build", "x86_64"):
        assert developer_word not in text
    assert "bench/results.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_page_footer_gives_the_review_months_and_the_feedback_link(site):
    expected = (f"Last reviewed {_month(CONFIG['guide_reviewed'])}; next review due"
                f" {_month(CONFIG['guide_next_review'])}.")
    for rel in built_pages(site):
        if rel == "index.html":  # only a redirect to the first page
            continue
        footer = parsed_page(site, rel).select_one(".be-review")
        assert footer is not None, f"{rel}: no review line in the footer"
        assert _text(footer).startswith(expected), (rel, _text(footer))
        assert [a["href"] for a in footer.select("a")] == [ISSUES], rel


@pytest.fixture(scope="module")
def guide_facts():
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    import guide_facts

    return guide_facts


def _config(**changes):
    values = {"html_theme_options": {"repository_url": REPOSITORY}, "author": "someone",
              "guide_reviewed": "2026-12", "guide_next_review": "2027-12"}
    return SimpleNamespace(**{**values, **changes})


def test_the_facts_are_read_from_the_config(guide_facts):
    known = guide_facts.facts(_config())
    assert known["feedback_url"] == ISSUES
    assert known["readme_url"] == REPOSITORY.rstrip("/") + "/blob/main/README.md"
    assert (known["reviewed"], known["next_review"]) == ("December 2026", "December 2027")


@pytest.mark.parametrize("changes, named", [
    ({"guide_reviewed": "2026-13"}, "'2026-13'"),
    ({"guide_next_review": "Dec 2027"}, "'Dec 2027'"),
    ({"guide_next_review": "2026-11"}, "'2026-11'"),
    ({"guide_reviewed": ""}, "guide_reviewed"),
    ({"html_theme_options": {"repository_url": "github.com/x/y"}}, "'github.com/x/y'"),
])
def test_a_bad_fact_is_a_clear_error_naming_it(guide_facts, changes, named):
    with pytest.raises(ConfigError, match=named):
        guide_facts.facts(_config(**changes))
