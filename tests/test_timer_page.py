"""The session timer on the built page, offline, with the page's clock driven by the test."""
import math
from datetime import datetime, timedelta

import pytest

from backease import get_routine
from backease.model.diary import FEELINGS
from backease.text.storage import REFUSED

from conftest import FILL, FREE, open_built, settled_problems

PAGE = "book/start/timers.html"
START = datetime(2026, 1, 1, 9, 0, 0)
BREATHING = get_routine("breathing")
HAMSTRING = get_routine("hamstring-stretch")

# Records every tone the timer plays (through its <audio> elements; a muted play is the iOS unlock).
TONE_RECORDER = """
window.__tones = [];
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () {
  if (!this.muted && this.dataset.tone) window.__tones.push(this.dataset.tone);
  return play.call(this);
};
"""

def mmss(seconds):
    total = max(0, math.ceil(seconds))
    return f"{total // 60:02d}:{total % 60:02d}"


@pytest.fixture
def timers(server, clocked_page):
    """The timers page with a paused fake clock; returns (page, [breathing timer, hamstring timer], watch).

    The clock moves only when a test moves it, so a busy machine cannot change what a test reads."""
    page, watch = clocked_page
    with page.add_init_script(TONE_RECORDER):
        page.clock.install(time=START)
        open_built(page, f"{server}/{PAGE}")
        page.clock.pause_at(START + timedelta(minutes=1))
        found = page.locator(".be-timer")
        found.first.wait_for()
        assert found.count() == 2
        yield page, [found.nth(0), found.nth(1)], watch
        # A test that reloads may cut short what the page was loading (pausing brings the diary form's file).
        assert not settled_problems(watch), watch.problems()


def button(timer, name):
    return timer.get_by_role("button", name=name, exact=True)


def text(timer, part):
    return timer.locator(f".be-{part}").inner_text()


def tones(page):
    return page.evaluate("window.__tones")


def test_a_whole_routine_counts_down_in_step_with_the_clock(timers):
    page, (timer, _), _ = timers
    button(timer, "Start").click()
    elapsed = 0.0
    for i, seg in enumerate(BREATHING.segments()):
        page.clock.run_for(500)
        assert text(timer, "label") == seg.label
        assert text(timer, "clock") == mmss(seg.seconds - 0.5)
        assert timer.get_attribute("data-index") == str(i)
        page.clock.run_for(int(seg.seconds * 1000) - 1000)
        assert text(timer, "clock") == mmss(0.5)
        assert timer.get_attribute("data-index") == str(i)
        page.clock.run_for(500)
        elapsed += seg.seconds
    assert timer.get_attribute("data-state") == "done"
    assert text(timer, "clock") == "00:00"
    assert "Session complete" in text(timer, "live")
    assert tones(page)[-1:] == ["end"]


def test_pause_holds_and_resume_carries_on(timers):
    page, (timer, _), _ = timers
    button(timer, "Start").click()
    page.clock.run_for(3000)
    button(timer, "Pause").click()
    assert text(timer, "clock") == "00:12" and timer.get_attribute("data-state") == "paused"
    page.clock.run_for(60_000)
    assert text(timer, "clock") == "00:12" and "Paused" in text(timer, "live")
    button(timer, "Resume").click()
    page.clock.run_for(2000)
    assert text(timer, "clock") == "00:10" and timer.get_attribute("data-state") == "running"


def test_skip_and_back_at_both_ends(timers):
    page, (timer, _), _ = timers
    last = len(BREATHING.segments()) - 1
    assert button(timer, "Back").is_disabled()
    button(timer, "Start").click()
    button(timer, "Skip").click()
    assert text(timer, "label") == BREATHING.segments()[1].label
    assert text(timer, "clock") == mmss(BREATHING.segments()[1].seconds)
    button(timer, "Back").click()
    assert timer.get_attribute("data-index") == "0" and button(timer, "Back").is_disabled()
    for _ in range(last):
        button(timer, "Skip").click()
    assert timer.get_attribute("data-index") == str(last)
    button(timer, "Skip").click()
    assert timer.get_attribute("data-state") == "done" and button(timer, "Skip").is_disabled()
    button(timer, "Back").click()
    assert timer.get_attribute("data-index") == str(last) and timer.get_attribute("data-state") == "paused"
    button(timer, "Restart").click()
    assert timer.get_attribute("data-state") == "ready" and text(timer, "clock") == mmss(BREATHING.get_ready)


def test_switch_sides_has_its_own_cue(timers):
    page, (_, timer), _ = timers
    segs = HAMSTRING.segments()
    assert [s.kind for s in segs] == ["get-ready", "work", "switch", "work"]
    button(timer, "Start").click()
    page.clock.run_for(int((segs[0].seconds + 0.2) * 1000))
    assert text(timer, "label") == "Hamstring stretch, left side"
    assert tones(page)[-1:] == ["step"]
    page.clock.run_for(int(segs[1].seconds * 1000))
    assert text(timer, "label") == "Switch sides, right side"
    assert timer.get_attribute("data-kind") == "switch"
    assert tones(page)[-1:] == ["switch"]
    assert "Switch sides" in text(timer, "live")
    page.clock.run_for(int(segs[2].seconds * 1000))
    assert text(timer, "label") == "Hamstring stretch, right side"


def test_time_stays_right_after_the_screen_was_locked(timers):
    """A sleeping page fires no timers; on waking, the timer must show where it should be."""
    page, (timer, _), _ = timers
    button(timer, "Start").click()
    segs = BREATHING.segments()
    jump = segs[0].seconds + segs[1].seconds + 20  # into the third segment
    page.clock.fast_forward(int(jump * 1000))
    page.clock.run_for(100)
    assert timer.get_attribute("data-index") == "2"
    assert text(timer, "clock") == mmss(segs[2].seconds - 20.1)


def test_keyboard_controls(timers):
    page, (timer, _), _ = timers
    timer.focus()
    page.keyboard.press("Space")
    assert timer.get_attribute("data-state") == "running"
    page.keyboard.press("ArrowRight")
    assert timer.get_attribute("data-index") == "1"
    page.keyboard.press("ArrowLeft")
    assert timer.get_attribute("data-index") == "0"
    page.keyboard.press("Space")
    assert timer.get_attribute("data-state") == "paused"
    page.keyboard.press("Tab")  # onto the first button: Space presses it once, not twice
    assert page.evaluate("document.activeElement.textContent") == "Resume"
    page.keyboard.press("Space")
    assert timer.get_attribute("data-state") == "running"


def test_step_changes_are_announced(timers):
    page, (timer, _), _ = timers
    live = timer.locator("[aria-live]")
    assert live.get_attribute("aria-live") == "polite"
    button(timer, "Start").click()
    first = live.inner_text()
    assert first.startswith("Step 1 of 3: Get ready")
    page.clock.run_for(int(BREATHING.get_ready * 1000) + 100)
    assert live.inner_text().startswith("Step 2 of 3: Belly breathing")


# Each change the timer makes to its texts, by the part it changes (its be-* class).
WRITES = """timer => {
  window.__writes = {};
  new MutationObserver((records) => records.forEach((r) => {
    const node = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
    const part = [...node.closest('[class*="be-"]').classList].find((c) => c.startsWith('be-'));
    window.__writes[part] = (window.__writes[part] || 0) + 1;
  })).observe(timer, {childList: true, characterData: true, subtree: true});
}"""


def test_a_running_step_writes_only_the_clock_once_a_second(timers):
    """A tick comes every 100 ms; a text written again, even unchanged, is laid out again (on a phone, for a
    whole session): within a step, only the clock's text changes, once a second."""
    page, (timer, _), _ = timers
    button(timer, "Start").click()
    page.clock.run_for(500)
    timer.evaluate(WRITES)
    page.clock.run_for(3000)
    assert text(timer, "clock") == mmss(BREATHING.get_ready - 3.5)
    assert page.evaluate("window.__writes") == {"be-clock": 3}


def test_mute_and_voice_are_toggle_buttons(timers):
    page, (timer, _), _ = timers
    mute = button(timer, "Mute")
    assert mute.get_attribute("aria-pressed") == "false"
    mute.click()
    assert mute.get_attribute("aria-pressed") == "true"
    button(timer, "Start").click()
    page.clock.run_for(int(BREATHING.get_ready * 1000) + 100)
    assert tones(page) == []  # muted: no tone at the step change


def test_presenter_view_fills_the_screen_with_large_digits(timers):
    page, (timer, _), _ = timers
    button(timer, "Full screen").click()
    # fullscreenElement is set a moment before the fullscreenchange event: wait for both.
    page.wait_for_function("document.fullscreenElement?.classList.contains('be-presenting')", polling=50)
    viewport = page.viewport_size
    digits = timer.locator(".be-clock").bounding_box()
    assert digits["height"] >= 0.25 * viewport["height"]
    assert digits["width"] >= 0.4 * viewport["width"]
    colours = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.be-presenting'));
        return [s.backgroundColor, s.color]; }""")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    page.keyboard.press("Space")  # the teacher's keys still work
    assert timer.get_attribute("data-state") == "running"
    button(timer, "Exit full screen").click()
    page.wait_for_function("!document.fullscreenElement && !document.querySelector('.be-presenting')", polling=50)


# Speech and vibration differ by device; headless Chromium has no voices, so these scripts stand
# in for a phone's: one network voice (fails offline), local voices, and a vibration motor.
PHONE = """
window.__spoken = []; window.__buzz = [];
const fakeVoices = [
  {name: "Cloud English", lang: "en-GB", localService: false},
  {name: "Phone French", lang: "fr-FR", localService: true},
  {name: "Phone English", lang: "en_US", localService: true},
];
speechSynthesis.getVoices = () => fakeVoices;
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
speechSynthesis.speak = (u) => window.__spoken.push({text: u.text, voice: u.voice.name, lang: u.lang});
navigator.vibrate = (pattern) => { window.__buzz.push(pattern); return true; };
"""


@pytest.fixture
def phone(server, clocked_page):
    """The timers page on a 'phone' with local voices and vibration; returns (page, hamstring timer)."""
    page, watch = clocked_page
    with page.add_init_script(PHONE), page.add_init_script(TONE_RECORDER):
        page.clock.install(time=START)
        open_built(page, f"{server}/{PAGE}")
        page.clock.pause_at(START + timedelta(minutes=1))
        timer = page.locator(".be-timer").nth(1)
        timer.wait_for()
        yield page, timer
        assert not watch.problems(), watch.problems()


def test_voice_cues_use_a_local_voice_in_the_guide_language(phone):
    page, timer = phone
    button(timer, "Speak cues").click()
    assert "Phone English" in text(timer, "note")
    button(timer, "Start").click()
    page.clock.run_for(int(HAMSTRING.get_ready * 1000) + 100)
    spoken = page.evaluate("window.__spoken")
    assert {s["voice"] for s in spoken} == {"Phone English"} and {s["lang"] for s in spoken} == {"en_US"}
    assert spoken[-1]["text"] == HAMSTRING.segments()[1].spoken
    assert tones(page)[-1:] == ["step"]  # the tone still marks the change


def test_without_a_local_voice_the_timer_says_so_and_keeps_to_tones(timers):
    page, (timer, _), _ = timers  # headless Chromium: no voices at all
    button(timer, "Speak cues").click()
    assert button(timer, "Speak cues").get_attribute("aria-pressed") == "false"
    assert "no voice that works offline" in text(timer, "note")
    button(timer, "Start").click()
    page.clock.run_for(int(BREATHING.get_ready * 1000) + 100)
    assert tones(page) == ["step", "step"]


def test_vibration_has_its_own_toggle_for_steps_and_side_switches(phone):
    page, timer = phone
    segs = HAMSTRING.segments()
    button(timer, "Start").click()
    page.clock.run_for(int(segs[0].seconds * 1000) + 100)
    assert page.evaluate("window.__buzz") == []  # off until asked for
    button(timer, "Vibrate").click()
    assert button(timer, "Vibrate").get_attribute("aria-pressed") == "true"
    page.clock.run_for(int(segs[1].seconds * 1000))
    assert page.evaluate("window.__buzz")[-1] == [200, 120, 200, 120, 200]  # the switch pattern
    page.clock.run_for(int(segs[2].seconds * 1000))
    assert page.evaluate("window.__buzz")[-1] == [250]


def test_a_reload_mid_session_offers_to_carry_on(timers):
    page, (timer, _), _ = timers
    segs = BREATHING.segments()
    button(timer, "Start").click()
    page.clock.run_for(int((segs[0].seconds + 7) * 1000))
    page.reload()
    page.locator(".be-timer").first.wait_for()
    timer = page.locator(".be-timer").first
    offer = timer.locator(".be-resume")
    assert f"step 2 of {len(segs)}: Belly breathing, with {mmss(segs[1].seconds - 7)} left" in offer.inner_text()
    button(timer, "Carry on").click()
    assert timer.get_attribute("data-state") == "running" and timer.get_attribute("data-index") == "1"
    assert text(timer, "clock") == mmss(segs[1].seconds - 7)
    button(timer, "Pause").click()
    page.reload()
    timer = page.locator(".be-timer").first
    timer.wait_for()
    button(timer, "Start again").click()
    assert timer.locator(".be-resume").is_hidden()
    page.reload()
    page.locator(".be-timer").first.wait_for()
    assert page.locator(".be-timer").first.locator(".be-resume").is_hidden()  # "start again" forgot the place


def test_a_finished_session_can_go_in_the_diary(timers):
    page, (timer, _), _ = timers
    for _ in BREATHING.segments():
        button(timer, "Skip").click()
    timer.get_by_role("button", name="Record this session in your diary").click()
    form = timer.locator("form.be-diary-form")
    assert "stays on this device" in form.inner_text()
    assert [t.strip() for t in form.locator(".be-diary-feeling label").all_inner_texts()] == list(FEELINGS.values())
    form.get_by_label("Pain before").select_option("6")
    form.get_by_label("Pain after").select_option("3")
    form.get_by_label("Better than before").check()
    form.get_by_label("Note").fill("Easier to breathe out slowly.")
    form.get_by_role("button", name="Save in my diary").click()
    assert "Saved in your diary" in timer.locator(".be-diary-saved").inner_text()
    stored = page.evaluate("JSON.parse(localStorage.getItem('backease.diary'))")
    assert stored["format"] == "backease-diary" and stored["version"] == 1
    [entry] = stored["entries"]
    assert {k: entry[k] for k in ("session", "pain_before", "pain_after", "feeling", "note", "finished")} == {
        "session": BREATHING.title, "pain_before": 6, "pain_after": 3, "feeling": "better",
        "note": "Easier to breathe out slowly.", "finished": True}
    assert entry["done_seconds"] == entry["planned_seconds"] == BREATHING.total_seconds


def test_a_session_stopped_early_can_go_in_the_diary(timers):
    page, (timer, _), _ = timers
    button(timer, "Start").click()
    page.clock.run_for(int((BREATHING.get_ready + 30) * 1000))
    assert timer.locator(".be-diary-offer button").count() == 0  # not while running
    button(timer, "Pause").click()
    timer.get_by_role("button", name="Stopping here? Record it in your diary").click()
    timer.get_by_role("button", name="Save in my diary").click()
    [entry] = page.evaluate("JSON.parse(localStorage.getItem('backease.diary'))")["entries"]
    assert entry["finished"] is False and entry["done_seconds"] == BREATHING.get_ready + 30
    assert "pain_before" not in entry  # every part of an entry is optional


def test_a_diary_entry_the_browser_has_no_room_for_leaves_the_diary_as_it_was(timers):
    """Storage really full: the entry form at the end of a session says so in Python's words, the diary kept before is
    unchanged, and what the reader chose is still in the form; with room again, the same tap saves it."""
    page, (timer, _), _ = timers
    diary = '{"format": "backease-diary", "version": 1, "entries": []}'
    page.evaluate(f"localStorage.setItem('backease.diary', {diary!r})")
    for _ in BREATHING.segments():
        button(timer, "Skip").click()
    timer.get_by_role("button", name="Record this session in your diary").click()
    form = timer.locator("form.be-diary-form")
    form.get_by_label("Pain before").select_option("6")
    form.get_by_label("Note").fill("Stiff this morning.")
    assert page.evaluate(FILL) > 0
    form.get_by_role("button", name="Save in my diary").click()
    assert form.locator(".be-diary-message").inner_text() == f"Your diary entry was not saved: {REFUSED['full']}"
    assert page.evaluate("localStorage.getItem('backease.diary')") == diary
    assert form.get_by_label("Pain before").input_value() == "6" and form.get_by_label("Note").input_value() == "Stiff this morning."
    page.evaluate(FREE)
    form.get_by_role("button", name="Save in my diary").click()
    assert "Saved in your diary" in timer.locator(".be-diary-saved").inner_text()
    [entry] = page.evaluate("JSON.parse(localStorage.getItem('backease.diary'))")["entries"]
    assert entry["pain_before"] == 6 and entry["note"] == "Stiff this morning."
