"""The guided checks on the BUILT pages, with no kernel: every path, Back, Start over, the
summary, copy and print, the red-flag messages, and keyboard-only use."""
import pytest

import random

from backease import LEG_LENGTH, GuidedCheck, read_mm, walk_paths
from backease.model.red_flags import ADVICE, EMERGENCY, LEVELS, RED_FLAGS, URGENT, flags_at, level_for
from backease.model.walkthroughs import WalkthroughError

from conftest import open_built, watched_page, widget_page, widget_view

LEG = "book/checks/leg-length.html"
SAFETY = "book/start/safety.html"
ROUTES = walk_paths(LEG_LENGTH)
FOCUSED = "document.activeElement"


def open_page(server, reused_page, rel, widget_class, viewport=None):
    page, watch = reused_page
    if viewport:
        page.set_viewport_size(viewport)
    open_built(page, f"{server}/{rel}")
    widget = page.locator(widget_class)
    widget.wait_for()
    return page, watch, widget


@pytest.fixture
def check(server, reused_page):
    page, watch, widget = open_page(server, reused_page, LEG, ".be-check")
    yield page, widget
    assert not watch.problems(), watch.problems()


@pytest.fixture
def screen(server, reused_page):
    page, watch, widget = open_page(server, reused_page, SAFETY, ".be-flags")
    yield page, widget
    assert not watch.problems(), watch.problems()


def answer(widget, label):
    widget.get_by_role("button", name=label, exact=True).click()


def walk(widget, choices):
    for step_id, label in choices:
        assert widget.get_attribute("data-node") == step_id
        assert widget.locator("h4").inner_text() == LEG_LENGTH.step(step_id).question
        answer(widget, label)


def summary(widget):
    return widget.locator(".be-summary-text").inner_text()


def rows(widget):
    return [p.inner_text() for p in widget.locator(".be-summary-text p").all()]


def enter_mm(widget, typed):
    widget.locator(".be-measure input").fill(typed)
    widget.get_by_role("button", name="Add to summary").click()


def route_to(outcome_id):
    return next(r for r in ROUTES if r.outcome == outcome_id)


# --- the leg-length walkthrough ---------------------------------------------------------

def start_over(widget):
    restart = widget.get_by_role("button", name="Start over")
    if restart.is_enabled():
        restart.click()
    assert widget.get_attribute("data-node") == LEG_LENGTH.start


def test_every_path_reaches_its_outcome(check):
    page, widget = check  # one page for all paths: Start over between them
    for route in ROUTES:
        start_over(widget)
        walk(widget, route.choices)
        outcome = LEG_LENGTH.outcome(route.outcome)
        assert widget.get_attribute("data-node") == route.outcome
        assert widget.locator("h4").inner_text() == f"Result: {outcome.title}"
        assert widget.locator(".be-live").inner_text().startswith(f"Result: {outcome.title}")
        text = summary(widget)
        assert f"Result: {outcome.title}" in text and outcome.found in text and outcome.advice in text
        if outcome.measure:
            assert f"Lower side: {outcome.lower_side}" in text
            assert "Estimated difference: not entered yet" in text
            widget.get_by_label(outcome.measure.prompt, exact=True).fill("12,5")
            widget.get_by_role("button", name="Add to summary").click()
            text = summary(widget)
            assert f"Estimated difference: about 12.5 mm (the books under the {outcome.lower_side} foot)" in text
            assert outcome.measure.note_for(12.5) in text
            assert rows(widget)[1:] == [f"{k}: {v}" for k, v in outcome.summary(12.5)]  # after the date
        else:
            assert widget.locator(".be-measure").count() == 0
            assert "Estimated difference" not in text
            assert rows(widget)[1:] == [f"{k}: {v}" for k, v in outcome.summary()]


def test_two_views_of_one_check_stay_in_sync(browser, tmp_path):
    """Two views of one widget (as Jupyter shows when a cell displays it twice) share the reader's place."""
    check = {"model_name": "AnyModel", "model_module": "anywidget", "state": GuidedCheck(LEG_LENGTH).get_state()}
    url = widget_page(tmp_path, {"check": check}, widget_view("check") * 2)
    context = browser.new_context()
    page, watch = watched_page(context)
    page.goto(url)
    first, second = page.locator(".be-check").nth(0), page.locator(".be-check").nth(1)
    second.wait_for()
    answer(first, "No, or I do not know")
    assert second.get_attribute("data-node") == "prepare"
    answer(second, "I have no helper")
    assert first.get_attribute("data-node") == "no-helper"
    first.get_by_role("button", name="Back").click()
    assert second.get_attribute("data-node") == "prepare"
    assert not watch.problems(), watch.problems()
    context.close()


def test_each_step_announces_itself(check):
    page, widget = check
    live = widget.locator(".be-live")
    assert live.get_attribute("aria-live") == "polite"
    answer(widget, "No, or I do not know")
    assert live.inner_text() == f"Step 2. {LEG_LENGTH.step('prepare').question}"


def test_a_step_with_a_figure_shows_it_with_words(check):
    page, widget = check
    walk(widget, route_to("level").choices[:2])
    img = widget.locator("img.be-figure")
    assert img.get_attribute("alt") == LEG_LENGTH.step("find-crests").figure_alt
    assert img.evaluate("i => i.complete && i.naturalWidth > 0")


def test_back_and_start_over(check):
    page, widget = check
    back = widget.get_by_role("button", name="Back")
    restart = widget.get_by_role("button", name="Start over")
    assert back.is_disabled() and restart.is_disabled()
    choices = route_to("left-lower").choices
    walk(widget, choices)
    enter_mm(widget, "9")
    back.click()
    assert widget.get_attribute("data-node") == choices[-1][0]
    back.click()
    assert widget.get_attribute("data-node") == choices[-2][0]
    answer(widget, choices[-2][1])
    answer(widget, choices[-1][1])
    assert "not entered yet" in summary(widget), "the measurement is forgotten after going back"
    restart.click()
    assert widget.get_attribute("data-node") == LEG_LENGTH.start
    assert back.is_disabled() and restart.is_disabled()
    assert widget.locator(".be-progress").inner_text() == "Step 1"


BAD_MM = ["-5", "abc", "NaN", "150", "100.5", "1e3", "", "0", "12 cm", "+", "1,2,3"]


def test_bad_millimetres_get_the_same_message_as_in_python(check):
    page, widget = check
    walk(widget, route_to("right-lower").choices)
    max_mm = LEG_LENGTH.outcome("right-lower").measure.max_mm
    for typed in BAD_MM:
        enter_mm(widget, typed)
        with pytest.raises(WalkthroughError) as err:
            read_mm(typed, max_mm)
        assert widget.locator(".be-error").inner_text() == str(err.value), typed
        field = widget.locator(".be-measure input")
        assert field.get_attribute("aria-invalid") == "true"
        assert field.evaluate(f"f => f === {FOCUSED}")
        assert "not entered yet" in summary(widget)
    for typed in ("18", " 7 mm", "12,5", ".5", "100"):
        enter_mm(widget, typed)
        assert widget.locator(".be-error").inner_text() == ""
        assert f"about {read_mm(typed, max_mm):g} mm" in summary(widget), typed
    enter_mm(widget, "abc")
    assert "not entered yet" in summary(widget), "a bad number takes the last good one off the summary"


def test_copy_summary_to_the_clipboard(server, check):
    page, widget = check
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    walk(widget, route_to("left-lower").choices)
    enter_mm(widget, "14")
    widget.get_by_role("button", name="Copy summary").click()
    rows = [p.inner_text() for p in widget.locator(".be-summary-text p").all()]
    expect_text = "\n".join([f"{LEG_LENGTH.title}: summary", *rows])
    assert "Estimated difference: about 14 mm (the books under the left foot)" in rows
    assert page.evaluate("navigator.clipboard.readText()") == expect_text
    assert "Summary copied" in widget.locator(".be-copy-status").inner_text()


def test_copy_summary_without_a_clipboard_selects_the_text(check):
    page, widget = check
    page.evaluate("() => { Object.defineProperty(navigator, 'clipboard', {get: () => undefined}); }")
    walk(widget, route_to("level").choices)
    widget.get_by_role("button", name="Copy summary").click()
    selected = page.evaluate("window.getSelection().toString()")
    assert LEG_LENGTH.outcome("level").advice in selected and "Result:" in selected
    assert "selected" in widget.locator(".be-copy-status").inner_text()


def test_print_prints_only_the_summary(check):
    page, widget = check
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    walk(widget, route_to("unsure").choices)
    widget.get_by_role("button", name="Print").click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    visibility = "e => getComputedStyle(e).visibility"
    assert widget.locator(".be-summary-text p").first.evaluate(visibility) == "visible"
    assert page.locator("article h1").evaluate(visibility) == "hidden"
    assert not widget.locator(".be-copy").is_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("html").get_attribute("data-be-print") is None
    assert page.locator("article h1").evaluate(visibility) == "visible"


def test_the_summary_fits_a_small_phone(server, reused_page):
    page, watch, widget = open_page(server, reused_page, LEG, ".be-check", {"width": 320, "height": 640})
    walk(widget, route_to("left-lower").choices)
    enter_mm(widget, "150")
    enter_mm(widget, "22")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert not watch.problems(), watch.problems()


# --- keyboard only ----------------------------------------------------------------------

def tab_to(page, selector, limit=200):
    """Press Tab until the focused element matches ``selector``; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"{FOCUSED}.matches({selector!r})"):
            return
    pytest.fail(f"Tab never reached {selector}")


def tab_to_text(page, text, limit=10):
    """Press Tab until the focused element's text is ``text``; fail if it never is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"{FOCUSED}.textContent") == text:
            return
    pytest.fail(f"Tab never reached {text!r}")


def assert_focus_ring(page):
    ring = page.evaluate(f"(() => {{ const s = getComputedStyle({FOCUSED}); return [s.outlineStyle, s.outlineWidth]; }})()")
    assert ring[0] != "none" and float(ring[1].removesuffix("px")) >= 2, ring


def test_the_walkthrough_works_with_the_keyboard_alone(check):
    page, widget = check
    route = route_to("left-lower")
    tab_to(page, ".be-check .be-answer")
    page.keyboard.press("Shift+Tab")  # back to just before the first answer
    for n, (step_id, label) in enumerate(route.choices):
        assert widget.get_attribute("data-node") == step_id
        if n:  # after an answer, focus is at the start of the new step, before its answers
            assert page.evaluate(f"{FOCUSED}.textContent") == f"Step {n + 1}"
        tab_to_text(page, label)
        assert_focus_ring(page)
        page.keyboard.press("Enter" if n % 2 else "Space")  # both keys press a button
    assert widget.get_attribute("data-node") == "left-lower"
    assert page.evaluate(f"{FOCUSED}.textContent") == "Result: Your left side is lower"
    tab_to(page, ".be-measure input")
    page.keyboard.type("16")
    page.keyboard.press("Enter")
    assert "about 16 mm" in summary(widget)
    tab_to(page, ".be-back")
    assert_focus_ring(page)
    page.keyboard.press("Enter")
    assert widget.get_attribute("data-node") == route.choices[-1][0]


def test_the_red_flag_screen_works_with_the_keyboard_alone(screen):
    page, widget = screen
    tab_to(page, ".be-flags input[type=checkbox]")
    assert_focus_ring(page)
    page.keyboard.press("Space")
    assert widget.locator(".be-alert").get_attribute("data-level") == RED_FLAGS[0].level
    page.keyboard.press("Space")
    assert widget.locator(".be-alert").inner_text() == ""
    urgent = next(i for i, f in enumerate(RED_FLAGS) if f.level == URGENT)
    for _ in range(urgent):
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert widget.locator(".be-alert").get_attribute("data-level") == URGENT


# --- the red-flag screen ----------------------------------------------------------------

def test_nothing_ticked_shows_nothing(screen):
    page, widget = screen
    banner = widget.locator(".be-alert")
    assert banner.get_attribute("role") == "alert"
    assert banner.inner_text() == "" and banner.get_attribute("data-level") is None
    assert banner.evaluate("b => b.getBoundingClientRect().height") == 0


def test_the_page_and_the_widget_list_exactly_the_red_flags(screen):
    """One data source: the safety page's boxes and the widget's checklist equal RED_FLAGS (text and level)."""
    page, widget = screen
    for level in LEVELS:
        box = page.locator(f".be-red-flags-{level}")
        assert box.locator("li").all_inner_texts() == [f.text for f in flags_at(level)], level
        assert box.locator(".admonition-title").inner_text() == ADVICE[level].title
        assert ADVICE[level].action in box.inner_text()
        listed = widget.locator(f"ul[data-level='{level}'] label").all_inner_texts()
        assert listed == [f.text for f in flags_at(level)], level
    ticks = widget.locator("input[type=checkbox]")
    assert [ticks.nth(i).get_attribute("value") for i in range(ticks.count())] == [f.id for f in RED_FLAGS]


def test_each_flag_shows_its_level_and_advice(screen):
    page, widget = screen
    banner = widget.locator(".be-alert")
    for flag in RED_FLAGS:
        box = widget.get_by_label(flag.text, exact=True)
        widget.locator("label", has_text=flag.text).click()  # the label ticks its box
        assert box.is_checked()
        assert banner.get_attribute("data-level") == flag.level, flag.id
        assert banner.locator(".be-alert-title").inner_text() == ADVICE[flag.level].title
        assert ADVICE[flag.level].action in banner.inner_text()
        box.uncheck()
        assert banner.inner_text() == ""


def test_the_banner_agrees_with_python_for_any_ticks(screen):
    page, widget = screen
    banner = widget.locator(".be-alert")
    rng = random.Random(11)
    for _ in range(8):
        ticked = rng.sample([f.id for f in RED_FLAGS], rng.randint(1, 4))
        for flag_id in ticked:
            widget.locator(f"input[value='{flag_id}']").check()
        assert banner.get_attribute("data-level") == level_for(ticked), ticked
        for flag_id in ticked:
            widget.locator(f"input[value='{flag_id}']").uncheck()
    assert banner.get_attribute("data-level") is None


def test_emergency_wins_over_urgent(screen):
    page, widget = screen
    urgent = next(f for f in RED_FLAGS if f.level == URGENT)
    emergency = next(f for f in RED_FLAGS if f.level == EMERGENCY)
    banner = widget.locator(".be-alert")
    widget.get_by_label(urgent.text, exact=True).check()
    assert banner.get_attribute("data-level") == URGENT
    widget.get_by_label(emergency.text, exact=True).check()
    assert banner.get_attribute("data-level") == EMERGENCY
    assert ADVICE[URGENT].title not in banner.inner_text()
    widget.get_by_label(emergency.text, exact=True).uncheck()
    assert banner.get_attribute("data-level") == URGENT


def test_the_emergency_message_fits_a_small_phone(server, reused_page):
    page, watch, widget = open_page(server, reused_page, SAFETY, ".be-flags", {"width": 320, "height": 640})
    banner = widget.locator(".be-alert")
    first = widget.get_by_label(RED_FLAGS[0].text, exact=True)
    first.evaluate("b => b.scrollIntoView({block: 'start'})")
    first.check()  # the top of a long list: the message must still be in sight
    top, bottom = banner.evaluate("b => [b.getBoundingClientRect().top, b.getBoundingClientRect().bottom]")
    assert 0 <= top and bottom <= 640, (top, bottom)
    for flag in RED_FLAGS:
        box = widget.get_by_label(flag.text, exact=True)
        box.evaluate("b => b.scrollIntoView({block: 'center'})")  # as a reader scrolls to it
        box.check()  # the message at the foot of the screen leaves the middle free
    assert banner.get_attribute("data-level") == EMERGENCY
    assert banner.evaluate("b => b.getBoundingClientRect().height") < 640 / 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert not watch.problems(), watch.problems()
