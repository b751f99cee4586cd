"""The journeys people take through the guide, on a 360×640 touch phone, with taps only (a choice in a list is
made as the phone's picker makes it), checking what a person sees: its visible words, not only its markup.

- A reader: the landing page, the menu, What to expect, the flare-up session, Start, the end (the page's clock
  is driven by the test), an entry in the diary, and the progress page showing it.
- A teacher: the landing page, the menu, the course, week 1 session 1, its handout printed (pages counted),
  then the screening form.
"""
import re
from datetime import datetime, timedelta

import pytest

from backease.model.course import COURSE
from backease.model.library import get_routine
from backease.model.timer_cues import TEXTS
from conftest import site_context, watched_page
from phone import PHONE, panel_link, wait_closed

START = datetime(2026, 3, 2, 9, 0, 0)


@pytest.fixture
def phone(browser):
    """A new phone (its own storage: a journey starts with nothing kept); returns (page, watch)."""
    context = site_context(browser, **PHONE)
    yield watched_page(context)
    context.close()


def menu_to(page, title: str) -> None:
    """Open the site menu with a tap and tap the chapter ``title`` in it; returns once the new page has loaded
    (its scripts run), as a reader's next tap needs: waiting for the old page's load state, or for the new
    page's heading, can return while the new page is still being read, before its buttons work."""
    before = page.url
    panel_link(page, "menu", title).tap()
    page.wait_for_url(lambda url: url != before)  # the new page, to its load event
    page.locator("article h1", has_text=title).first.wait_for()


def contents_to(page, heading: str) -> None:
    """Open "on this page" with a tap and tap ``heading`` in it."""
    panel_link(page, "contents", heading).tap()
    wait_closed(page, "contents")


def visible_text(locator) -> str:
    return " ".join(locator.inner_text().split())


def test_a_reader_goes_from_the_first_page_to_a_finished_session_in_the_diary(server, phone):
    page, watch = phone
    flare = get_routine("flare-up")
    page.clock.install(time=START)
    page.goto(f"{server}/index.html")
    page.wait_for_url("**/book/start/welcome.html")
    assert "Welcome" in visible_text(page.locator("article"))

    menu_to(page, "What to expect")
    contents_to(page, "In a flare-up")
    timer = page.locator(".be-timer", has=page.get_by_text(flare.title)).first
    timer.scroll_into_view_if_needed()
    assert timer.is_visible() and flare.title in visible_text(timer)
    timer.get_by_role("button", name="Start", exact=True).tap()
    page.clock.run_for(1000)
    assert timer.get_attribute("data-state") == "running"
    page.clock.fast_forward(int((flare.total_seconds + 5) * 1000))
    page.clock.run_for(1000)
    assert timer.get_attribute("data-state") == "done"
    assert TEXTS["done_label"] in visible_text(timer)

    timer.get_by_role("button", name="Record this session in your diary").tap()
    form = timer.locator("form.be-diary-form")
    form.wait_for(state="visible")
    form.get_by_label("Pain before").tap()
    form.get_by_label("Pain before").select_option("5")
    form.get_by_label("Pain after").tap()
    form.get_by_label("Pain after").select_option("3")
    form.get_by_label("Better than before").tap()
    form.get_by_role("button", name="Save in my diary").tap()
    assert "Saved in your diary" in visible_text(timer.locator(".be-diary-saved"))

    menu_to(page, "Your diary and progress")
    diary = page.locator(".be-progress-summary")
    diary.wait_for(state="visible")
    assert visible_text(diary).startswith("1 session in your diary")
    shown = page.locator(".be-progress-table summary")
    shown.scroll_into_view_if_needed()
    shown.tap()
    row = page.locator(".be-progress-table tbody tr").first
    row.wait_for(state="visible")
    assert flare.title in visible_text(row) and "5" in visible_text(row) and "3" in visible_text(row)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert not watch.problems(), watch.problems()


def test_a_teacher_goes_from_the_first_page_to_a_printed_handout_and_the_screening_form(server, phone):
    page, watch = phone
    plan = COURSE.plan(1, 1)
    page.goto(f"{server}/book/start/welcome.html")

    menu_to(page, "The class course")
    contents_to(page, "The course at a glance")
    page.locator("article table a[href='#course-week-1-session-1']").tap()  # "1.1" in the table
    session = page.locator("section#week-1-session-1")
    page.wait_for_function("() => location.hash === '#course-week-1-session-1'")
    assert "Week 1, session 1" in visible_text(session.locator("h4"))
    link = session.get_by_role("link", name=re.compile("Print this session.s handout"))
    link.scroll_into_view_if_needed()
    link.tap()
    page.wait_for_url(f"**/book/class/handout.html#handout={plan.name}")
    picker = page.locator(".be-picker")
    picker.wait_for(state="visible")
    assert picker.locator("select").evaluate("s => s.selectedOptions[0].textContent") == plan.title
    preview = visible_text(picker.locator(".be-picker-preview"))
    assert plan.title in preview and all(r.title in preview for r in plan.routines())

    page.evaluate("window.printed = 0; window.print = () => { window.printed += 1; }; null")
    picker.get_by_role("button", name="Print this handout").tap()
    page.wait_for_function("window.printed === 1")
    page.emulate_media(media="print")
    printed = visible_text(page.locator("#be-print-area"))
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4", print_background=False)))
    page.emulate_media(media="screen")
    assert plan.title in printed and "Red flags" in printed
    assert 2 <= pages <= 2 + len(plan.routines()), pages

    menu_to(page, "Screening and consent form")
    form = page.locator(".be-printable")
    form.wait_for(state="visible")
    assert "Signature" in visible_text(form)
    assert not watch.problems(), watch.problems()
