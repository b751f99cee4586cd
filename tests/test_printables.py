"""Printables in headless Chromium: each prints on A4 to the pages it promises, with no navigation or
buttons; handouts print from the picker and from the plan builder; the course page's timers tick."""
import re

import pytest
from playwright.sync_api import expect

from backease import PLANS
from backease.model.course import COURSE
from backease.model.techniques import all_techniques

from conftest import LAY_OUT_EVERY_PART, open_built, site_context, watched_page
from phone import PHONE

PRINTABLES = ["technique-sheets", "screening-form", "outcome-sheet", "course-overview"]
# Anything that is navigation or a control must not show on paper.
CHROME = ("nav, button, select, input, .bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .prev-next-area,"
          " .bd-footer, .be-timer, .be-builder, .be-picker")


@pytest.fixture(scope="module")
def page(browser, server):
    """One offline page shared by this module's tests (a fresh one per module keeps the suite fast)."""
    context = site_context(browser, viewport={"width": 1280, "height": 900})
    page, watch = watched_page(context)
    page.base = server
    yield page
    context.close()
    assert not watch.problems(), watch.problems()


def pdf_pages(page) -> int:
    pdf = page.pdf(format="A4", print_background=False)
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def shown_on_paper(page, selector: str) -> list[str]:
    """What of ``selector`` would print: elements with a box, in print media."""
    return page.evaluate("""sel => [...document.querySelectorAll(sel)].filter(e => {
        const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 &&
        getComputedStyle(e).visibility !== 'hidden'; }).map(e => e.tagName + '.' + e.className)""", selector)


@pytest.mark.parametrize("name", PRINTABLES)
def test_printable_prints_on_the_a4_pages_it_promises_with_no_navigation(page, name):
    open_built(page, f"{page.base}/book/class/{name}.html")
    promised = int(page.get_attribute(".be-printable", "data-pages"))
    page.emulate_media(media="print")
    try:
        assert shown_on_paper(page, CHROME) == []
        assert page.evaluate("[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]") \
            == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
        assert pdf_pages(page) == promised
    finally:
        page.emulate_media(media="screen")
    if name == "technique-sheets":
        assert promised == len(all_techniques())


def test_screening_form_has_every_red_flag_and_condition_with_a_tick_box_and_a_signature(page):
    from backease.model.conditions import CONDITIONS
    from backease.model.red_flags import ADVICE, LEVELS, RED_FLAGS

    open_built(page, f"{page.base}/book/class/screening-form.html")
    form = page.locator(".be-printable")
    text = form.inner_text()
    assert all(f.text in text for f in RED_FLAGS) and all(c.name in text for c in CONDITIONS)
    assert all(ADVICE[level].action in text for level in LEVELS)
    assert form.locator(".be-tick").count() == len(RED_FLAGS) + len(CONDITIONS)
    assert "Signature:" in text


def _stub_print(page):
    """window.print counts its calls and the print area's figures not yet loaded when it was called."""
    page.evaluate("""window.printed = 0; window.print = () => {
      window.printed += 1;
      window.unloaded = [...document.querySelectorAll('#be-print-area img')]
        .filter((i) => !(i.complete && i.naturalWidth > 0)).length;
    }; null""")


def _printed(page):
    page.wait_for_function("window.printed > 0")
    assert page.evaluate("[window.printed, window.unloaded]") == [1, 0]


def _print_preview(page):
    """Print media, as after the print button: what shows, and the page count."""
    page.emulate_media(media="print")
    try:
        return shown_on_paper(page, CHROME), pdf_pages(page), page.locator("#be-print-area").inner_text()
    finally:
        page.emulate_media(media="screen")


def test_picker_prints_a_course_sessions_handout_alone(page):
    open_built(page, f"{page.base}/book/class/handout.html")
    picker = page.locator(".be-picker")
    w, s = 3, 2
    plan = COURSE.plan(w, s)
    picker.get_by_role("combobox").select_option(label=plan.title)
    assert picker.locator(".be-print-item").count() == len(plan.routines())
    _stub_print(page)
    picker.get_by_role("button", name="Print this handout").click()
    _printed(page)
    chrome, pages, text = _print_preview(page)
    assert chrome == [] and pages >= 2
    assert plan.title in text and "Red flags" in text and "Equipment for 8 people" in text
    for routine in plan.routines():
        assert routine.title in text
    assert page.locator("#be-print-area img[data-pose]").count() >= len(plan.routines())


def _longest_sessions_plan():
    """The session with the most exercises; of those, the latest (its levels are the longest)."""
    return max((COURSE.plan(w, s) for w, s, _ in reversed(COURSE.sessions())), key=lambda p: len(p.routines()))


# The ready-made plans and the course session with the most exercises (printing all fifteen handouts
# would cost a minute).
SAMPLED = {**{p.title: p for p in PLANS.values()}, "longest session": _longest_sessions_plan()}


@pytest.mark.parametrize("plan", SAMPLED.values(), ids=SAMPLED.keys())
def test_a_handout_prints_each_exercise_on_one_a4_page(page, plan):
    """The picker's handout prints on its head's pages and one more per exercise (no sheet runs over)."""
    open_built(page, f"{page.base}/book/class/handout.html")
    picker = page.locator(".be-picker")
    picker.get_by_role("combobox").select_option(label=plan.title)
    _stub_print(page)
    picker.get_by_role("button", name="Print this handout").click()
    _printed(page)
    page.emulate_media(media="print")
    try:
        pages = pdf_pages(page)
        # The head alone (printing ended the print mode: the PDF fired afterprint).
        page.evaluate("""document.querySelectorAll('#be-print-area .be-print-item').forEach((e) => e.remove());
          document.documentElement.classList.add('be-printing')""")
        head = pdf_pages(page)
    finally:
        page.emulate_media(media="screen")
    assert 2 <= head and pages <= head + len(plan.routines()), (head, pages)


@pytest.mark.parametrize("over", ["http", "file"])
def test_plan_builders_own_plan_prints_a_handout_whose_sheets_load_only_then(page, site, over):
    """The sheets, drawings and texts only a handout needs arrive when it is printed (a script, so from disk too)."""
    asked = []
    note = lambda r: asked.append(r.url)  # noqa: E731
    page.on("request", note)
    open_built(page, f"{page.base}/book/class/plans.html" if over == "http" else (site / "book/class/plans.html").as_uri())
    files = set(re.findall(r'"\$file":"[./]*(_images/widget/\w+\.js)"', (site / "book/class/plans.html").read_text()))
    on_demand = lambda: [u for u in asked if u.endswith(tuple(files))]  # noqa: E731
    assert files and on_demand() == []
    root = page.locator(".be-builder")
    for name in list(root.locator(".be-builder-list li").all_inner_texts()):
        root.get_by_role("button", name=re.compile(r"^Remove ")).first.click()
    root.get_by_role("textbox", name="Talk: what about").fill("Hello")
    root.get_by_role("button", name="Add talk").click()
    root.get_by_role("combobox", name="Exercise to add").select_option("trunk-control-level-2")
    root.get_by_role("button", name="Add exercise").click()
    root.get_by_role("combobox", name="Exercise to add").select_option("front-of-hip-level-1")
    root.get_by_role("button", name="Add exercise").click()
    _stub_print(page)
    root.get_by_role("button", name="Print handout").click()
    _printed(page)
    chrome, pages, text = _print_preview(page)
    assert chrome == [] and pages >= 1
    assert "Trunk control (dead bug), level 2" in text and "Front-of-hip stretch, level 1" in text
    assert "Get down onto the mat" in text and "Get up from the mat" in text
    assert "If you cannot get down to the floor" in text and "Who should not" in text and "Red flags" in text
    assert "exercise mat" in text
    assert len(on_demand()) == 1
    page.remove_listener("request", note)


def test_ready_made_plans_are_in_the_picker(page):
    open_built(page, f"{page.base}/book/class/handout.html")
    options = page.locator(".be-picker select option").all_inner_texts()
    assert options[:3] == [p.title for p in PLANS.values()] and len(options) == 3 + len(COURSE.sessions())


def test_course_page_timers_tick(browser, server):
    context = site_context(browser)
    page, watch = watched_page(context)
    page.clock.install()
    open_built(page, f"{server}/book/class/course.html")
    timers = page.locator(".be-timer")
    assert timers.count() == len(COURSE.sessions())
    timer = timers.nth(3)
    timer.scroll_into_view_if_needed()  # a week far down is laid out as the reader comes near it (guide.css)
    plan = COURSE.plan(2, 2)
    expect(timer.locator(".be-kind")).to_have_text(f"Step 1 of {len(plan.segments())}")
    before = timer.locator(".be-clock").inner_text()
    timer.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(5000)
    after = timer.locator(".be-clock").inner_text()
    assert timer.get_attribute("data-state") == "running" and after != before
    context.close()
    assert not watch.problems(), watch.problems()


LAID_OUT = "s => document.querySelector(s).checkVisibility({contentVisibilityAuto: true})"


def test_the_course_lays_out_a_week_as_the_reader_comes_near_it_and_prints_whole(browser, server):
    """On a phone the course page lays out its later weeks only as the reader comes near them (guide.css). A tap on
    a session in the table at a glance shows that session's heading, laid out, and its timer starts with a tap;
    the page's height is about its height once every week is laid out; on paper every week is there."""
    context = site_context(browser, **PHONE)
    page, watch = watched_page(context)
    open_built(page, f"{server}/book/class/course.html")
    assert not page.evaluate(LAID_OUT, "#week-6-session-2 h4"), "the last week is laid out as the page loads"
    estimated = page.evaluate("document.documentElement.scrollHeight")
    page.locator('a[href="#course-week-5-session-2"]').tap()
    page.wait_for_function("location.hash === '#course-week-5-session-2'")
    heading = page.locator("#week-5-session-2 h4")
    page.wait_for_function("s => { const r = document.querySelector(s).getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }", arg="#week-5-session-2 h4")
    assert page.evaluate(LAID_OUT, "#week-5-session-2 h4") and heading.inner_text().startswith("Week 5, session 2")
    timer = page.locator("#week-5-session-2 .be-timer")
    timer.get_by_role("button", name="Start", exact=True).tap()
    page.wait_for_function("e => e.dataset.state === 'running'", arg=timer.element_handle())
    page.emulate_media(media="print")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => done()))")  # laid out for paper
    assert all(page.evaluate(LAID_OUT, f"#week-{w}-session-{s} h4") for w in range(1, 7) for s in (1, 2))
    page.emulate_media(media="screen")
    page.add_style_tag(content=LAY_OUT_EVERY_PART)
    whole = page.evaluate("document.documentElement.scrollHeight")
    assert abs(estimated - whole) < 0.05 * whole, (estimated, whole)
    context.close()
    assert not watch.problems(), watch.problems()
