"""Every technique chapter follows the one template, and shows the doses its timer counts."""
import json

import pytest
from bs4 import BeautifulSoup

from backease.figures import POSES, alt_text, draw_named
from backease.figures.style import to_svg
from backease.techniques import all_techniques
from backease.technique_view import StepsView

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
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


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


@pytest.mark.parametrize("technique", TECHNIQUES, ids=NAMES)
def test_page_shows_the_card(site, technique):
    soup = page(site, technique.name)
    for title, items in (("Who should not do it", technique.avoid), ("What you need", technique.need),
                         ("When to stop", technique.stop)):
        listed = [li.get_text(" ", strip=True) for li in section(soup, title).select("li")]
        assert listed == list(items), title
    assert technique.evidence in section(soup, "Evidence").get_text(" ", strip=True)


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
    state = json.loads(soup.select_one("script[type='application/vnd.jupyter.widget-state+json']").string)["state"]
    timers = [m["state"] for m in state.values() if m["model_name"] == "AnyModel" and "segments" in m["state"]]
    assert len(timers) == 1
    assert timers[0]["title"] == technique.session.title
    assert timers[0]["segments"] == json.loads(json.dumps([s.to_dict() for s in technique.session.segments()]))
    assert section(soup, "Session timer").select("script[type='application/vnd.jupyter.widget-view+json']")


def test_steps_view_without_a_browser():
    technique = TECHNIQUES[0]
    html = StepsView(technique)._repr_html_()
    assert html.count("<li class=\"be-step\">") == len(technique.steps)
    assert repr(StepsView(technique)).startswith("1. ")
