"""The plan builder (widgets/plan_builder.py): in Python, its YAML and plan; its views on a stand-in model in
Chromium, held to Python. For many generated plans, what the view computes offline (segments, moves, times
in words, totals, YAML, file name, the printed outline) is what ``Plan``, ``PlanBuilder`` and ``outline_table``
say for the same blocks. Two views of one widget stay in step, and a trait Python sets shows in both. The
rules themselves are held to Python in tests/test_widgets_static_rules.py, the plan's edits in
tests/test_widgets_static_plan_builder_state.py."""
import random

import pytest
import yaml

from backease.model.logistics import class_routines
from backease.widgets.plan_builder import PlanBuilder, plan_yaml
from backease.model.plans import MAX_REPEAT, plan_from_dict
from backease.printables.handouts import outline_table
from backease.model.routines import MAX_TOTAL_SECONDS, format_duration
from stand_in import render_twice

TEXTS = ["Welcome and check-in", 'The "why" of breathing', "Pause \u2014 caf\u00e9, na\u00efve, \u2713", "Back\\slash: {talk}"]
TITLES = ["Tuesday class", 'A "gentle" class: week 2', "\u00c9cole du dos \u2014 {name}", "x"]


def generated_plans(n: int = 40, seed: int = 15) -> list[dict]:
    """Plans a teacher could build: routines (some repeated, some twice in a row), talks of any half minute."""
    rng, routines, plans = random.Random(seed), class_routines(), []
    while len(plans) < n:
        blocks = []
        for _ in range(rng.randint(1, 9)):
            if rng.random() < 0.3:
                blocks.append({"talk": rng.choice(TEXTS), "seconds": 30 * rng.randint(1, 20)})
            else:
                blocks.append({"routine": rng.choice(routines), "repeat": rng.choice([1, 1, 1, 2, 3, MAX_REPEAT])})
        data = {"name": "my-class", "title": rng.choice(TITLES), "blocks": blocks}
        if plan_from_dict_or_none(data):
            plans.append(data)
    return plans


def plan_from_dict_or_none(data):
    try:
        return plan_from_dict(data)
    except Exception:  # too long: generate another
        return None


SHOW = """({ blocks, title }) => {
  const { mod, model, views } = window.widget;
  model.set("title", title);
  model.set("blocks", blocks);  // as Python sets them, with a kernel
  const shown = (v) => ({ items: [...v.querySelectorAll(".be-builder-name")].map((e) => e.textContent),
    total: v.querySelector(".be-builder-total").textContent, yaml: v.querySelector(".be-builder-yaml").textContent,
    title: v.querySelector(".be-builder-title").value });
  return { parts: mod.planParts(blocks, (k) => model.get(k)), views: views.map(shown) };
}"""


@pytest.fixture(scope="module")
def builder():
    """One builder, as Python makes it (drawing its handout's figures takes a moment)."""
    return PlanBuilder()


@pytest.fixture(scope="module")
def builder_page(browser, builder):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    render_twice(page, builder.get_state())
    page.evaluate("window.print = () => {}")  # the handout goes to #be-print-area; no dialog
    yield page
    context.close()
    assert not errors, errors


def test_python_builder_shows_the_yaml_of_its_blocks(builder):
    builder.title, builder.blocks = "Tuesday", [{"routine": "dead-bug", "repeat": 2}]
    assert builder.yaml == plan_yaml("my-class", "Tuesday", builder.blocks)
    assert plan_from_dict(yaml.safe_load(builder.yaml)) == builder.plan
    assert builder.plan.name == builder.name == "my-class"


def test_the_view_computes_what_python_computes_for_every_generated_plan(builder_page):
    # some generated plans move within a block (the warm-up stands, then lies down)
    assert any(plan_from_dict(d).moves_within(i) for d in generated_plans() for i in range(len(d["blocks"])))
    for data in generated_plans():
        plan = plan_from_dict(data)
        got = builder_page.evaluate(SHOW, {"blocks": data["blocks"], "title": data["title"]})
        parts = got["parts"]
        assert [s for p in parts for s in (*p["moves"], *p["own"])] == [s.to_dict() for s in plan.segments()], data
        for i, (part, block) in enumerate(zip(parts, plan.blocks)):
            assert part["moves"] == [s.to_dict() for s in plan.transitions(i)], (data, i)
            assert part["own"] == [s.to_dict() for s in plan.run(i)], (data, i)
            assert part["moving"] == plan.moving_seconds(i), (data, i)
        items = []
        for i, b in enumerate(plan.blocks):
            moving = plan.moving_seconds(i)
            items.append(f"{b.title}: {format_duration(b.total_seconds)}"
                         + (f" (+ {format_duration(moving)} to move and set up)" if moving else ""))
        text = plan_yaml(data["name"], data["title"], data["blocks"])  # PlanBuilder.yaml
        for view in got["views"]:  # both views of the one model show the plan
            assert view["items"] == items
            assert view["total"] == (f"Total: {format_duration(plan.total_seconds)} in {len(plan.blocks)} parts,"
                                     f" with {format_duration(plan.transition_seconds)} to move and set up")
            assert view["yaml"] == text
            assert view["title"] == data["title"]
        assert plan_from_dict(yaml.safe_load(text)) == plan
        assert printed_outline(builder_page) == printed_outline(builder_page, outline_table(plan)), data
        assert builder_page.evaluate(PRINTED_NEEDS) == [c.words for c in plan.per_person()], data


# The handout's list of what each person needs, as the builder printed it.
PRINTED_NEEDS = """() => [...document.querySelectorAll('#be-print-area .be-print-label')]
    .find((p) => p.textContent === 'What each person needs').nextElementSibling.innerText.split('\\n')
    .filter(Boolean)"""


def printed_outline(page, python_html=None):
    """The handout's outline (table, then total line) as the builder prints it, or as Python's HTML reads."""
    if python_html is None:
        page.evaluate("document.getElementById('be-print-area')?.replaceChildren()")
        page.locator(".be-builder").first.get_by_role("button", name="Print handout").click()
        page.wait_for_function("document.querySelector('#be-print-area table')")
        return page.evaluate("""() => { const t = document.querySelector('#be-print-area table');
            return [t.outerHTML, t.nextElementSibling.textContent]; }""")
    return page.evaluate("""html => { const d = document.createElement('div'); d.innerHTML = html;
        return [d.querySelector('table').outerHTML, d.querySelector('table').nextElementSibling.textContent]; }""",
                         python_html)


def test_an_edit_in_one_view_shows_in_the_other_and_reaches_the_model(builder_page):
    page = builder_page
    page.evaluate(SHOW, {"blocks": [{"routine": "breathing"}], "title": "Before"})
    first, second = page.locator(".be-builder").nth(0), page.locator(".be-builder").nth(1)
    first.get_by_role("combobox", name="Exercise to add").select_option("dead-bug")
    first.get_by_role("button", name="Add exercise").click()
    first.get_by_role("textbox", name="Talk: what about").fill("Questions")
    first.get_by_role("spinbutton", name="Talk: minutes").fill("1.5")
    first.get_by_role("button", name="Add talk").click()
    first.locator(".be-builder-title").fill("After")
    blocks = [{"routine": "breathing"}, {"routine": "dead-bug", "repeat": 1}, {"talk": "Questions", "seconds": 90}]
    assert page.evaluate("window.widget.model.get('blocks')") == blocks
    assert page.evaluate("window.widget.model.get('title')") == "After"
    expected = plan_yaml("my-class", "After", blocks)
    for view in (first, second):
        assert view.locator(".be-builder-yaml").text_content() == expected
        assert view.locator(".be-builder-title").input_value() == "After"
    with page.expect_download() as download:
        second.get_by_role("button", name="Download YAML").click()
    assert download.value.suggested_filename == "my-class.yaml"
    assert open(download.value.path(), encoding="utf-8").read() == expected


def test_a_plan_over_the_limit_says_so_and_cannot_run(builder_page):
    routine = class_routines()[0]
    blocks = [{"routine": routine, "repeat": MAX_REPEAT}] * 40
    got = builder_page.evaluate(SHOW, {"blocks": blocks, "title": "Too long"})
    seconds = sum(s["seconds"] for p in got["parts"] for s in (*p["moves"], *p["own"]))
    assert seconds > MAX_TOTAL_SECONDS
    root = builder_page.locator(".be-builder").first
    assert f"This plan lasts {format_duration(seconds)}" in root.locator(".be-builder-message").inner_text()
    assert root.get_by_role("button", name="Run this plan").is_disabled()
