"""Every technique chapter follows the one template, and shows the doses its timer counts."""
import json

import pytest

from backease.model.conditions import ADVICE_KINDS, ADVICE_TITLES
from backease.figures import POSES, alt_text, draw_named
from backease.figures.style import to_svg
from backease.text.techniques import evidence_plain, timer_label
from backease.model.techniques import all_techniques
from conftest import WIDGET_VIEWS, parsed_page, widget_states


TEMPLATE = [
    "What it is for", "Who should not do it", "What you need", "Steps", "How much",
    "What you should feel", "When to stop", "Easier and harder", "Session timer",
    "Common mistakes", "For teachers", "Evidence", "Sources",
]
TECHNIQUES = all_techniques()
NAMES = [t.name for t in TECHNIQUES]


def page(site, name):
    path = site / "book" / "techniques" / f"{name}.html"
    assert path.is_file(), f"no built page for technique {name!r}: add book/techniques/{name}.md to _toc.yml"
    return parsed_page(site, path.relative_to(site).as_posix())


def section(soup, title):
    heading = next(h for h in soup.select("article h2") if h.get_text(strip=True).rstrip("#") == title)
    return heading.find_parent("section")


def test_there_is_a_card_for_every_technique_chapter():
    assert len(TECHNIQUES) == 15, NAMES


@pytest.mark.parametrize("technique", TECHNIQUES, ids=NAMES)
def test_page_follows_the_template(site, technique):
    soup = page(site, technique.name)
    headings = [h.get_text(strip=True).rstrip("#") for h in soup.select("article h2")]
    assert headings == TEMPLATE
    assert soup.select_one("article h1").get_text(strip=True).rstrip("#") == technique.title
    assert section(soup, "For teachers").select_one("details.sd-dropdown"), "teacher notes must be collapsed"
    assert section(soup, "Who should not do it").select_one("a[href*='safety.html#red-flags']")


def straight(words: str) -> str:
    """Curly quotes made straight: Sphinx curls them on the page, the cards use both."""
    return words.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


def text(node):
    """The words of a node as the reader sees them."""
    return straight(" ".join(node.get_text().split()))


@pytest.mark.parametrize("technique", TECHNIQUES, ids=NAMES)
def test_page_shows_the_card(site, technique):
    soup = page(site, technique.name)
    for title, items in (("What you need", [i.text for i in technique.need]), ("When to stop", technique.stop)):
        listed = [li.get_text(" ", strip=True) for li in section(soup, title).select("li")]
        assert listed == list(items), title
    evidence = section(soup, "Evidence")
    assert evidence_plain(technique.evidence) in text(evidence)
    cited = evidence.select_one("p .bibtex-citation").select("a[href*='evidence.html#']")
    assert len(cited) == len(technique.evidence.cite), "each cited key links to the bibliography"


@pytest.mark.parametrize("technique", TECHNIQUES, ids=NAMES)
def test_who_should_not_is_grouped_dont_ask_adapt(site, technique):
    who = section(page(site, technique.name), "Who should not do it")
    for kind in ADVICE_KINDS:
        answers = [a for a in technique.conditions if a.advice == kind]
        group = who.select_one(f".be-who-{kind}")
        assert bool(group) == bool(answers), kind
        if not answers:
            continue
        assert text(group.p) == f"{ADVICE_TITLES[kind]} if you have:"
        items = group.select("li")
        assert [text(li) for li in items] == [
            f"{a.about.name}{'' if a.about.term else f' ({a.about.explain})'}: {a.text}" for a in answers]
        for li, answer in zip(items, answers):
            link = li.select_one("a[href*='glossary.html#term-']")
            assert bool(link) == bool(answer.about.term), f"{answer.condition}: link the glossary or explain"
    other = who.select_one(".be-who-other")
    assert ([text(li) for li in other.select("li")] if other else []) == list(technique.avoid)


@pytest.mark.parametrize("technique", TECHNIQUES, ids=NAMES)
def test_at_a_glance_starts_the_timer_and_floor_techniques_link_getting_down(site, technique):
    soup = page(site, technique.name)
    glance = next(a for a in soup.select("article .admonition") if a.select_one(".admonition-title").get_text() == "At a glance")
    start = next(a for a in glance.select("a") if text(a) == "Start the timer")
    assert start["href"] == f"#{timer_label(technique)}"
    target = soup.find(id=timer_label(technique))
    assert target.find_next("h2").get_text(strip=True).rstrip("#") == "Session timer"
    assert target.find_parent("section") is section(soup, "Session timer")
    floor = glance.select("a[href*='getting-down.html#getting-down']")
    assert bool(floor) == technique.on_floor, technique.positions
    assert technique.evidence.label in text(glance)


@pytest.mark.parametrize("technique", TECHNIQUES, ids=NAMES)
def test_steps_each_have_their_drawn_pose_with_alt_text(site, technique):
    steps = section(page(site, technique.name), "Steps").select("li.be-step")
    assert [li.p.get_text(strip=True) for li in steps] == [s.text for s in technique.steps]
    for li, step in zip(steps, technique.steps):
        svg = li.select_one("figure svg")
        assert bool(svg) == bool(step.pose)
        if step.pose:
            assert step.pose in POSES, f"unknown pose {step.pose!r}"
            alt = alt_text(step.pose)
            assert svg["role"] == "img" and svg["aria-label"] == alt and svg.title.get_text() == alt
            assert len(alt.split()) >= 8
            drawn = to_svg(draw_named(step.pose))  # the page shows this pose's drawing, not another
            assert len(svg.select("path")) == drawn.count("<path ") and svg["viewbox"] in drawn
    assert any(s.pose for s in technique.steps), "a technique needs at least one drawn step"


@pytest.mark.parametrize("technique", TECHNIQUES, ids=NAMES)
def test_dose_on_the_page_is_the_dose_the_timer_counts(site, technique):
    soup = page(site, technique.name)
    listed = [li.get_text(" ", strip=True) for li in section(soup, "How much").select("li")]
    assert listed == [f"{step.label} : {step.dose()}" for step in technique.session.steps]
    timers = [state for state in widget_states(site, f"book/techniques/{technique.name}.html") if "segments" in state]
    assert len(timers) == 1
    assert timers[0]["title"] == technique.session.title
    assert timers[0]["segments"] == json.loads(json.dumps([s.to_dict() for s in technique.session.segments()]))
    assert section(soup, "Session timer").select(WIDGET_VIEWS)


def test_the_evidence_page_shows_every_card_label_and_defines_it(site):
    from backease.model.techniques import EVIDENCE_LABELS

    soup = parsed_page(site, "book/reference/evidence.html")
    defined = [text(dt) for dt in soup.select("section#how-to-read-the-labels dt")]
    assert sorted(defined) == sorted(EVIDENCE_LABELS)
    rows = soup.select("section#technique-by-technique table tbody tr")
    by_title = {text(row.select_one("td a")): row for row in rows}
    assert sorted(by_title) == sorted(straight(t.title) for t in TECHNIQUES)
    for technique in TECHNIQUES:
        row = by_title[straight(technique.title)]
        assert row.select_one("td a")["href"].endswith(f"techniques/{technique.name}.html")
        assert evidence_plain(technique.evidence) in text(row)
