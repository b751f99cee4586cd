"""The home programme on the built pages, on a 360 px touch phone with a fake clock: a plan made, six weeks of
sessions run and answered, the levels moving as Python's rules say (backease.model.home.progress on the entries
the page wrote), an undo, a flare-up; the calendar file; the welcome page's "Today"; a damaged stored plan; and
nothing sent anywhere."""
import json
from datetime import datetime, time, timedelta, timezone

import icalendar
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError, expect

from backease.model.diary import FORMAT as DIARY_FORMAT, HOW_IT_WENT, KEY as DIARY_KEY, VERSION as DIARY_VERSION, check_entry
from backease.model.conditions import CONDITIONS, STORE_KEY as CONDITIONS_KEY
from backease.model.course import COURSE
from backease.model.home import INVITE, LENGTH, RULE_NOTE, STORE_KEY, HomePlan, progress, stored_from_dict
from backease.text.calendar import calendar_file
from backease.text.storage import REFUSED
from conftest import (FILL, FREE, READ_BACK_S, STORAGE_OFF, another_tab, keep, open_built, reload_built,
                      save_and_reload_until, settled_problems, site_context, watched_page)

PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True, "timezone_id": "Pacific/Auckland"}
PAGE = "book/home/programme.html"
WELCOME = "book/start/welcome.html"
NZ = timezone(timedelta(hours=13))  # the phone's zone in January (Pacific/Auckland)
START = datetime(2027, 1, 4, 7, 30, tzinfo=NZ)  # a Monday morning on the phone's clock: Sunday in UTC


@pytest.fixture
def phone(browser, server):
    """A new phone with nothing kept, its clock at START; returns (page, watch) and checks nothing went wrong."""
    context = site_context(browser, **PHONE, accept_downloads=True)
    page, watch = watched_page(context)
    page.clock.install(time=START)
    yield page, watch
    watch.failed = [f for f in watch.failed if "ERR_ABORTED" not in f]  # a reload cuts short the images still loading
    assert not watch.problems(), watch.problems()
    context.close()


def make_plan(page, days=("Monday", "Wednesday", "Friday"), reminder="07:30"):
    setup = page.locator("form.be-home-setup")
    for day in days:
        setup.get_by_label(day, exact=True).tap()
    setup.get_by_label("Reminder time").fill(reminder)
    setup.get_by_role("button", name="Make my plan").tap()
    page.locator(".be-home-today .be-home-start").wait_for()


def make_plan_kept(page) -> None:
    """Make the plan of ``make_plan``, and see it in the page's storage at once."""
    make_plan(page)
    assert kept(page)[0].plan.days == (1, 3, 5)


def kept(page) -> tuple:
    """The plan and the diary as the page keeps them."""
    store = page.evaluate(f"localStorage.getItem({STORE_KEY!r})")
    diary = json.loads(page.evaluate(f"localStorage.getItem({DIARY_KEY!r})") or '{"entries": []}')["entries"]
    return stored_from_dict(json.loads(store)), [check_entry(e) for e in diary]


def run_session(page, answer: str | None, flare_up: bool = False):
    """Start today's session, let the fake clock finish it, and write how it went in the diary."""
    today = page.locator(".be-home-today")
    today.get_by_role("button", name="Start", exact=True).tap()
    timer = page.locator(".be-home-timer .be-timer")
    timer.wait_for()
    timer.get_by_role("button", name="Start", exact=True).tap()
    page.clock.run_for(1000)
    page.clock.fast_forward(25 * 60 * 1000)
    page.clock.run_for(1000)
    assert timer.get_attribute("data-state") == "done"
    timer.get_by_role("button", name="Record this session in your diary").tap()
    form = timer.locator("form.be-diary-form")
    expect(form.locator(".be-diary-how label:not(.be-diary-flare)")).to_have_text(list(HOW_IT_WENT.values()))
    if answer:
        form.get_by_label(HOW_IT_WENT[answer], exact=True).tap()
    if flare_up:
        form.get_by_label("I'm in a flare-up").tap()
    form.get_by_role("button", name="Save in my diary").tap()
    timer.locator(".be-diary-saved").wait_for()


def shown_changes(page) -> list[str]:
    return [" ".join(t.split()).removesuffix(" Undo").removesuffix(".") for t in page.locator(".be-home-change-list li").all_inner_texts()]


def write_entry(tab, entry: dict):
    """Add ``entry`` to the diary from ``tab``, another tab of the guide: the programme's page hears of it as the
    browser tells it (a storage event) and draws itself again."""
    diary = json.loads(tab.evaluate(f"localStorage.getItem({DIARY_KEY!r})") or
                       json.dumps({"format": DIARY_FORMAT, "version": DIARY_VERSION, "entries": []}))
    diary["entries"].append(check_entry(entry))
    tab.evaluate("([k, v]) => localStorage.setItem(k, v)", [DIARY_KEY, json.dumps(diary)])


def test_six_weeks_of_sessions_move_the_levels_as_pythons_rules_say(phone, server):
    """Every session's Today and changes are checked on the page. The last session of each week is run on the
    timer and written in the diary through its form; the others are written from another tab, on the day after
    (the page draws itself again then); the page is reloaded at each new week."""
    page, watch = phone
    open_built(page, f"{server}/{PAGE}")
    make_plan(page)
    other = page.context.new_page()
    other.goto(f"{server}/_static/offline-app.css")  # a small file of the guide: its origin, and its storage
    page.bring_to_front()  # a tab behind another draws slowly (a tap waits for its frames)
    answers = ["too-easy", "too-easy", "about-right", "too-easy", "too-easy", "hurt", ("too-hard", True), "about-right",
               "too-easy", "too-easy", "too-hard", "too-easy", "too-easy", "too-easy", "about-right", "too-easy",
               "too-easy", "too-easy"]
    stored, _ = kept(page)
    plan = stored.plan
    assert plan == HomePlan((1, 3, 5), START.date()), "the plan starts on the reader's today"
    dates = plan.dates()
    undone = False
    for n, ((day, week), said) in enumerate(zip(dates, answers)):
        what = page.locator(".be-home-today .be-home-what:not([data-seen])")
        what.wait_for()  # drawn again: the entry written from the other tab has reached this one
        stored, entries = kept(page)
        expected = progress(plan, entries, stored.undone)
        session = plan.session(week, expected.done, expected.levels, expected.flare_up_next)
        assert f"{session.title}: session {expected.done + 1} of {len(dates)}," in what.inner_text(), n
        assert "Planned for today." in what.inner_text(), "the page's day follows the clock"
        what.evaluate("e => { e.dataset.seen = 1; }")  # the next check waits for the page to draw itself again
        assert [li for li in page.locator(".be-home-list li").all_inner_texts()] == [b.title for b in session.blocks]
        assert shown_changes(page) == [c.words for c in expected.changes]
        last_of_week = n + 1 == len(dates) or dates[n + 1][1] != week
        answer, flare = said if isinstance(said, tuple) else (said, False)
        if expected.changes and not undone and n > 8 and last_of_week:  # take one change back, once
            page.locator(".be-home-undo").last.tap()
            undone = True
            stored, entries = kept(page)
            assert shown_changes(page) == [c.words for c in progress(plan, entries, stored.undone).changes]
        elif last_of_week:
            run_session(page, answer, flare)
        if n + 1 == len(dates):
            break
        page.clock.set_system_time(datetime.combine(dates[n + 1][0], time(7, 30), NZ))
        if last_of_week:
            reload_built(page)
        else:
            write_entry(other, {"id": f"entry-{n}", "date": datetime.combine(day, time(7, 50), NZ).isoformat(),
                                "session": session.title, "home_session": session.name, "how_it_went": answer,
                                **({"flare_up": True} if flare else {})})
    stored, entries = kept(page)
    result = progress(plan, entries, stored.undone)
    assert len(entries) >= 15 and all(e["home_session"].startswith("home-week-") for e in entries)
    run = [e for e in entries if not e["id"].startswith("entry-")]
    assert len(run) == 5 and all(e["date"].endswith("+13:00") for e in run), "a session counts on the reader's own day"
    assert max(result.levels.values()) >= 3 and stored.undone, result
    assert any(c.reason == "after a flare-up" for c in result.changes)
    reload_built(page)
    assert shown_changes(page) == [c.words for c in result.changes], "the plan and its undo survive a reload"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_calendar_file_lists_the_chosen_days_and_links_to_each_session(phone, server):
    page, watch = phone
    open_built(page, f"{server}/{PAGE}")
    make_plan(page, ("Tuesday", "Thursday", "Saturday", "Sunday"), "18:15")
    with page.expect_download() as download:
        page.get_by_role("button", name="Save reminders to your calendar").tap()
    text = download.value.path().read_bytes().decode("utf-8")
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == 6 * 4 and {e.decoded("DTSTART").isoweekday() for e in events} == {2, 4, 6, 7}
    assert all(e.decoded("DTSTART").time() == time(18, 15) for e in events)
    plan = kept(page)[0].plan
    stamp = icalendar.Calendar.from_ical(text).walk("VEVENT")[0].decoded("DTSTAMP")  # when the button was tapped
    assert abs(stamp - START) < timedelta(minutes=1)
    assert text == calendar_file(plan, f"{server}/{PAGE}", time(18, 15), stamp)
    assert not watch.outside


def test_the_welcome_page_offers_a_plan_then_shows_today_with_one_start(phone, server):
    page, watch = phone
    open_built(page, f"{server}/{WELCOME}")
    # the lengths of the home plan and of the class course, as the data has them, in the page's text and the offer
    text = " ".join(page.locator("article").inner_text().split())
    assert f"({LENGTH} that grow with you)" in text
    assert f"the class course of {COURSE.length} (or your own" in text
    offer = page.locator(".be-home-compact")
    assert INVITE in " ".join(offer.inner_text().split())
    offer.get_by_role("link", name="Make your home plan").tap()
    page.wait_for_url(f"**/{PAGE}")
    open_built(page, page.url)
    assert page.locator("article p").first.inner_text().startswith(f"{LENGTH.capitalize()} of short sessions at home")
    make_plan(page)
    expect(page.get_by_role("heading", name=f"Your {LENGTH}")).to_be_visible()
    # the rule for moving levels: in the page's text (its apostrophes made typographic), and again beside the
    # plan's changes (none yet)
    said = " ".join(page.locator("article li", has_text="Say how it went.").inner_text().split())
    assert RULE_NOTE in said.replace("\u2019", "'")
    assert RULE_NOTE in page.locator(".be-home-changes").inner_text()
    open_built(page, f"{server}/{WELCOME}")
    today = page.locator(".be-home-compact .be-home-today")
    assert "Home programme, week 1: session 1 of 18" in " ".join(today.inner_text().split())
    assert today.get_by_role("button").count() == 1
    today.get_by_role("button", name="Start").tap()
    timer = page.locator(".be-home-compact .be-timer")
    timer.wait_for()
    assert "Home programme, week 1" in timer.inner_text()


def test_a_damaged_or_foreign_stored_plan_changes_nothing_and_says_why(phone, server, site):
    page, watch = phone
    for value, says in [("{not json", "is damaged: it is not JSON"),
                        (json.dumps({"version": 2, "plan": {"days": [1, 3, 5], "start": "2027-01-04"}}), "has version 2"),
                        (json.dumps({"version": 1, "plan": {"days": [1, 3], "start": "2027-01-04"}}), "has 2 days a week")]:
        keep(page, server, {STORE_KEY: value})
        open_built(page, f"{server}/{PAGE}")
        message = page.locator(".be-home-message").inner_text()
        assert says in message and "Nothing was changed" in message, message
        assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") == value
        assert page.locator("form.be-home-setup").is_visible()
    # from the files, offline, a good plan is kept (this new phone has nothing kept for the files): in the page's
    # storage at once, and shown when the page is opened again (``save_and_reload_until``)
    open_built(page, (site / PAGE).as_uri())
    today = "Home programme, week 1: session 1 of 18"
    assert save_and_reload_until(page, make_plan_kept,
                                 lambda p: today in " ".join(p.locator(".be-home-today").inner_text().split()))
    # the page open in another tab shows a plan kept in this one as the browser's store gets it (the "storage"
    # event), here over http: over file://, Chromium at times gives a page a store of its own (conftest.save_and_reload_until)
    with another_tab(page, watch) as tab:
        open_built(tab, f"{server}/{PAGE}")
        assert "Nothing was changed" in tab.locator(".be-home-message").inner_text()  # the damaged plan, still kept
        open_built(page, f"{server}/{PAGE}")
        make_plan(page)
        try:
            tab.locator(".be-home-today", has_text=today).wait_for(timeout=READ_BACK_S * 1000)
        except PlaywrightTimeoutError:
            pytest.fail(f"another tab did not show the plan in {READ_BACK_S} s; the keys it found kept:"
                        f" {tab.evaluate('Object.keys(localStorage).sort()')}")


# The browser refuses to keep the reader's conditions, as a full storage would (a QuotaExceededError).
REFUSE_CONDITIONS = """const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (key === %r) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  return setItem.call(this, key, value);
};"""


def test_a_change_the_browser_refuses_to_keep_leaves_the_plan_as_it_was_and_says_why(phone, server):
    page, watch = phone
    open_built(page, f"{server}/{PAGE}")
    make_plan(page, reminder="07:30")
    stored, _ = kept(page)
    for n, day in enumerate(d for d, _ in stored.plan.dates()[:2]):  # two easy sessions: a level moves up
        session = stored.plan.session(1, n, progress(stored.plan, kept(page)[1]).levels)
        write_entry(page, {"id": f"e{n}", "date": datetime.combine(day, time(8), NZ).isoformat(), "session": session.title,
                           "home_session": session.name, "how_it_went": "too-easy"})
    reload_built(page)
    before = page.evaluate(f"localStorage.getItem({STORE_KEY!r})")
    changes = shown_changes(page)
    assert changes
    assert page.evaluate(FILL) > 0
    message = page.locator(".be-home-message")
    page.locator(".be-home-undo").first.tap()  # a longer list of changes taken back: refused
    assert message.inner_text() == f"Your change was not kept: {REFUSED['full']}"
    assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") == before and shown_changes(page) == changes
    diary = page.evaluate(f"localStorage.getItem({DIARY_KEY!r})")
    page.get_by_role("button", name="I'm in a flare-up").tap()  # a diary entry: refused too, in the same words
    assert message.inner_text() == f"Your flare-up was not saved: {REFUSED['full']}"
    assert page.evaluate(f"localStorage.getItem({DIARY_KEY!r})") == diary
    page.get_by_role("button", name="Change your plan").tap()
    setup = page.locator("form.be-home-setup")
    setup.get_by_label("Reminder time").fill("06:45")
    setup.get_by_label("Thursday", exact=True).tap()
    setup.get_by_role("button", name="Save the changes").tap()
    assert setup.locator(".be-home-problem").inner_text() == f"Your change was not kept: {REFUSED['full']}"
    assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") == before
    assert setup.get_by_label("Reminder time").input_value() == "06:45", "what the reader typed is still there"
    page.evaluate(FREE)  # space again: the same tap keeps the change
    setup.get_by_role("button", name="Save the changes").tap()
    assert message.inner_text() == "Your plan is changed."
    assert kept(page)[0].reminder == "06:45" and kept(page)[0].plan.days == (1, 3, 4, 5)
    page.locator(".be-home-undo").first.tap()
    assert kept(page)[0].undone


def test_a_plan_the_browser_refuses_to_keep_is_not_half_kept(browser, server):
    """A new plan with the storage full, or with the reader's conditions refused (the plan is taken back), or with
    storage off: nothing is kept, the reader is told why, and the page goes on working."""
    context = site_context(browser, **PHONE)
    page, watch = watched_page(context)
    open_built(page, f"{server}/{PAGE}")
    page.evaluate(FILL)
    setup = page.locator("form.be-home-setup")
    problem = setup.locator(".be-home-problem")
    for day in ("Monday", "Wednesday", "Friday"):
        setup.get_by_label(day, exact=True).tap()
    setup.get_by_role("button", name="Make my plan").tap()
    assert problem.inner_text() == f"Your plan was not kept: {REFUSED['full']}"
    assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") is None and setup.is_visible()
    page.evaluate(FREE)
    context.add_init_script(REFUSE_CONDITIONS % CONDITIONS_KEY)
    reload_built(page)
    for day in ("Monday", "Wednesday", "Friday"):
        setup.get_by_label(day, exact=True).tap()
    setup.get_by_label(CONDITIONS[0].name, exact=True).tap()
    setup.get_by_role("button", name="Make my plan").tap()
    assert problem.inner_text() == f"Your plan was not kept: {REFUSED['full']}"
    assert page.evaluate(f"[localStorage.getItem({STORE_KEY!r}), localStorage.getItem({CONDITIONS_KEY!r})]") == [None, None]
    assert not page.locator(".be-home-today .be-home-start").count()
    assert not settled_problems(watch), settled_problems(watch)  # less what the reload cut short
    context.close()

    context = site_context(browser, **PHONE)
    context.add_init_script(STORAGE_OFF)
    page, watch = watched_page(context)
    open_built(page, f"{server}/{PAGE}")
    assert page.locator(".be-home-message").inner_text() == f"Your plan cannot be kept: {REFUSED['off']}"
    assert not [e for e in watch.console_errors if "Widget" in e], watch.console_errors
    theme = len(watch.page_errors)  # the theme's own script reads its colour mode from storage, and throws
    setup = page.locator("form.be-home-setup")
    for day in ("Monday", "Wednesday", "Friday"):
        setup.get_by_label(day, exact=True).tap()
    setup.get_by_role("button", name="Make my plan").tap()
    assert setup.locator(".be-home-problem").inner_text() == f"Your plan was not kept: {REFUSED['off']}"
    assert setup.is_visible() and len(watch.page_errors) == theme, watch.page_errors
    context.close()
