"""Where to start: the welcome page's two buttons, above the fold on a phone, lead to the routines' timers."""
import pytest

from backease import get_routine

from conftest import WIDGETS_SHOWN, site_context, watched_page

PHONE = {"width": 360, "height": 640}
BUTTONS = {"starter": "Start a gentle first session", "flare-up": "The flare-up session"}


@pytest.fixture(scope="module")
def phone(browser):
    context = site_context(browser, viewport=PHONE)
    yield watched_page(context)
    context.close()


@pytest.mark.parametrize("routine", BUTTONS)
def test_welcome_button_is_above_the_fold_and_opens_the_routine_timer(server, phone, routine):
    page, watch = phone
    page.goto(f"{server}/book/start/welcome.html")
    link = page.get_by_role("link", name=BUTTONS[routine])
    box = link.bounding_box()
    assert page.evaluate("window.scrollY") == 0
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"{routine} button at {box}"
    assert box["width"] >= 200 and box["height"] >= 44, f"{routine} button is smaller than a 44 px tap target: {box}"

    link.click()
    page.wait_for_url(f"**/book/start/what-to-expect.html#{routine}-routine")
    page.wait_for_function(WIDGETS_SHOWN)
    section = page.locator(f"section:has(> span#{routine}-routine)")
    timer = section.locator(".be-timer")
    assert timer.count() == 1
    assert timer.locator(".be-title").inner_text() == get_routine(routine).title
    timer.scroll_into_view_if_needed()
    assert timer.get_by_role("button", name="Start", exact=True).is_visible()
    assert not watch.problems(), watch.problems()
