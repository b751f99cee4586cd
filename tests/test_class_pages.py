"""Teaching a class: plan timers, the plan builder, and pages that print as clean handouts."""
import json
import re

import pytest
import yaml

from backease import PLANS, format_duration, get_plan, plan_from_dict
from backease.model.course import COURSE

from conftest import open_built, parsed_page, widget_states

PLANS_PAGE = "book/class/plans.html"


def test_each_plan_runs_as_one_session_on_the_page(site):
    timers = {s["title"]: s["segments"] for s in widget_states(site, PLANS_PAGE) if "segments" in s}
    for plan in PLANS.values():
        assert timers[plan.title] == json.loads(json.dumps([s.to_dict() for s in plan.segments()]))


@pytest.mark.parametrize("rel, words", [
    ("book/class/plans.html", "For a programme of {} with levels and talks"),
    ("book/class/course-file.html", "The class course, of {}, is one course"),
    ("book/class/course-overview.html", "The whole class course, of {}, on two A4 pages"),
])
def test_pages_that_point_to_the_class_course_give_the_length_it_has(site, rel, words):
    text = " ".join(parsed_page(site, rel).select_one("article").get_text(" ").split())
    assert words.format(COURSE.length) in text.replace(" ,", ","), text[:600]


@pytest.fixture
def builder(server, reused_page):
    page, watch = reused_page
    open_built(page, f"{server}/{PLANS_PAGE}")
    root = page.locator(".be-builder")
    root.wait_for()
    yield page, root
    assert not watch.problems(), watch.problems()


def shown_plan(root):
    return plan_from_dict(yaml.safe_load(root.locator(".be-builder-yaml").inner_text()))


def total_text(plan):
    return (f"Total: {format_duration(plan.total_seconds)} in {len(plan.blocks)} parts, with"
            f" {format_duration(plan.transition_seconds)} to move and set up")


def test_builder_starts_from_the_plan_and_its_yaml_is_that_plan(builder):
    _, root = builder
    plan = shown_plan(root)
    assert plan.blocks == get_plan("class-30").blocks
    assert root.locator(".be-builder-total").inner_text() == total_text(plan)


def test_builder_adds_moves_removes_and_keeps_the_total_right(builder):
    page, root = builder
    root.get_by_role("combobox", name="Exercise to add").select_option("dead-bug")
    root.get_by_role("button", name="Add exercise").click()
    root.get_by_role("button", name="Add exercise").click()  # again: repeat, not a new block
    root.get_by_role("textbox", name="Talk: what about").fill("Questions")
    root.get_by_role("spinbutton", name="Talk: minutes").fill("1.5")
    root.get_by_role("button", name="Add talk").click()
    root.get_by_role("button", name="Remove Welcome, how is everyone today, red-flag check").click()
    root.get_by_role("button", name="Move Questions up").click()
    plan = shown_plan(root)
    assert plan.blocks[-1].routine == "dead-bug" and plan.blocks[-1].repeat == 2
    assert plan.blocks[-2].talk == "Questions" and plan.blocks[-2].seconds == 90
    assert root.locator(".be-builder-total").inner_text() == total_text(plan)


def test_builder_rejects_a_bad_talk_with_a_message(builder):
    _, root = builder
    root.get_by_role("textbox", name="Talk: what about").fill("Break")
    root.get_by_role("spinbutton", name="Talk: minutes").fill("-3")
    root.get_by_role("button", name="Add talk").click()
    assert "Minutes must be a number from 0.5 to 60, got \u201c-3\u201d" in root.locator(".be-builder-message").inner_text()
    assert "Break" not in root.locator(".be-builder-yaml").inner_text()


def test_builder_runs_the_plan_in_a_timer(builder):
    page, root = builder
    root.get_by_role("button", name="Run this plan").click()
    timer = root.locator(".be-timer")
    timer.wait_for()
    plan = shown_plan(root)
    assert timer.locator(".be-kind").inner_text() == f"Step 1 of {len(plan.segments())}"
    assert timer.locator(".be-label").inner_text() == plan.segments()[0].label
    timer.get_by_role("button", name="Start", exact=True).click()
    assert timer.get_attribute("data-state") == "running"


def test_technique_page_prints_clean_on_at_most_three_a4_pages(server, reused_page):
    page, _ = reused_page
    open_built(page, f"{server}/book/techniques/hamstring-stretch.html")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.bd-sidebar-primary', '.bd-header-article', '.be-controls', '.be-timer',
        '.prev-next-area', '.bd-sidebar-secondary'].map(s => [...document.querySelectorAll(s)]
        .every(e => getComputedStyle(e).display === 'none' || e.getBoundingClientRect().height === 0))""")
    assert all(hidden), hidden
    colours = page.evaluate("[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 3, pages
