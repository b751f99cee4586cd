"""The reader's conditions, kept in the browser (widgets/my_conditions.py, static/conditions_store.js).

In node, over generated values: the browser reads a kept value exactly when Python's ``check_stored`` does,
with the same ids or the same words. In Chromium, on the built pages: ticking on the conditions page makes each
technique page show what its card says (compared to the card), My routine leaves out a "don't", a reload keeps
the choice, a damaged value changes nothing and says why, and no request leaves the device.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backease.errors import ConditionsError
from backease.model.conditions import CONDITIONS, STORE_KEY, STORE_PROBLEMS, check_stored, stored
from backease.model.library import ROUTINES
from backease.model.logistics import cards_in
from backease.model.techniques import all_techniques
from backease.widgets.my_conditions import TITLES, WORDS, store_spec
from conftest import another_tab, cases, keep, open_built, reload_built, settled_problems
from node_module import JSError

CASES = settings(max_examples=cases(300), suppress_health_check=[HealthCheck.function_scoped_fixture])
IDS = [c.id for c in CONDITIONS]


JSON = st.recursive(st.none() | st.booleans() | st.integers(-2, 3) | st.floats(-1, 3, allow_nan=False)
                    | st.text(max_size=6), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=3), inner, max_size=2), max_leaves=5)
KEPT = st.one_of(
    st.fixed_dictionaries({}, optional={
        "version": st.sampled_from([1, 1.0, True, 2, "1", None]),
        "conditions": st.one_of(st.lists(st.sampled_from([*IDS, "Pregnancy", "", "x"]), max_size=4), JSON),
        "extra": JSON}).map(lambda d: json.dumps(d)),
    st.lists(st.sampled_from(IDS), unique=True, max_size=5).map(stored),  # what the picker keeps
    JSON.map(json.dumps),
    st.sampled_from(['{"version":1,"conditions":["pregnancy"]', "", "null", "NaN", '{"version":NaN,"conditions":[]}',
                     '{"version":1,"conditions":[]} x', "\ufeff{}"]),
    st.text(max_size=12),
)


@CASES
@given(KEPT)
def test_the_browser_reads_a_kept_value_exactly_as_python_does(rules, text):
    try:
        expected = list(check_stored(text))
    except ConditionsError as err:
        expected = str(err)
    try:
        got = rules("checkStoredConditions", store_spec(), text)
    except JSError as err:
        got = str(err)
    assert got == expected, text


def test_nothing_kept_is_no_conditions_and_every_problem_has_its_words(rules):
    assert check_stored(None) == () and rules("checkStoredConditions", store_spec(), None) == []
    said = set()
    for text in ("{", '{"version":2,"conditions":[]}', '{"version":1,"conditions":["gout"]}'):
        with pytest.raises(ConditionsError) as err:
            check_stored(text)
        said.add(str(err.value))
    assert said == {STORE_PROBLEMS["damaged"], STORE_PROBLEMS["version"], STORE_PROBLEMS["unknown"].format(got="gout")}


# --- on the built pages ---------------------------------------------------------------------------------

def tick(page, server, ids):
    open_built(page, f"{server}/book/start/conditions.html")
    picker = page.locator(".be-conditions")
    for condition_id in ids:
        picker.locator(f"input[value='{condition_id}']").check()
    return picker


def note(page, server, technique):
    open_built(page, f"{server}/book/techniques/{technique}.html")
    return page.locator(".be-cond-note")


def expected_note(technique, mine) -> tuple[str, list[str]]:
    """The verdict (strictest answer, "none" when the card says nothing) and the lines the note should list."""
    answers = [a for kind in ("dont", "ask", "adapt") for a in technique.conditions if a.advice == kind and a.condition in mine]
    names = {c.id: c.name for c in CONDITIONS}
    return (answers[0].advice if answers else "none"), [f"{names[a.condition]}: {a.text}" for a in answers]


def test_ticked_conditions_show_on_every_technique_page_as_the_card_says(reused_page, server):
    """Three sets of conditions: together, they meet every answer of every card. Each is ticked on the conditions
    page, which keeps it as Python's ``stored`` writes it. Then every technique page, loaded once in a second tab,
    shows what its card says for the set kept when it loads, and for each other set as the first tab keeps it
    (a page follows a change made in another tab)."""
    page, watch = reused_page
    picker = tick(page, server, [])
    assert WORDS["privacy"] in picker.inner_text()
    sets = [IDS[0::3], IDS[1::3], IDS[2::3]]
    for mine in sets:
        picker.locator(".be-conditions-clear").click()
        for condition_id in mine:
            picker.locator(f"input[value='{condition_id}']").check()
        assert picker.locator(".be-conditions-message").inner_text() == WORDS["saved"]
        assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") == stored(mine)
    marks = 0  # each set the first tab keeps is followed by a mark, which the second tab waits for

    def keep_from_first_tab(mine):
        nonlocal marks
        marks += 1
        page.evaluate("([k, v, n]) => { localStorage.setItem(k, v); localStorage.setItem('test-mark', n); }",
                      [STORE_KEY, stored(mine), marks])

    def shows(tab, technique, mine):
        box = tab.locator(".be-cond-note")
        verdict, lines = expected_note(technique, mine)
        assert box.get_attribute("data-verdict") == verdict, (technique.name, mine)
        assert box.locator("li").all_inner_texts() == lines, (technique.name, mine)
        titles = box.locator(".be-cond-title").all_inner_texts()
        assert titles == [f"{TITLES[k]}:" for k in ("dont", "ask", "adapt")
                          if any(a.advice == k and a.condition in mine for a in technique.conditions)]
        return box

    now = 2  # the set kept now (the last ticked): each page loads with another one than the page before
    with another_tab(page, watch) as reader:
        for technique in all_techniques():
            open_built(reader, f"{server}/book/techniques/{technique.name}.html")
            reader.evaluate("() => addEventListener('storage', (e) => {"
                            " if (e.key === 'test-mark') document.documentElement.dataset.mark = e.newValue; })")
            shows(reader, technique, sets[now])
            for _ in range(2):
                now = (now + 1) % 3
                keep_from_first_tab(sets[now])
                # Storage events reach a tab in order: once the mark has, the note has drawn the set before it.
                reader.wait_for_function("n => document.documentElement.dataset.mark === String(n)", arg=marks)
                box = shows(reader, technique, sets[now])
        box.get_by_role("link", name=WORDS["change"]).click()  # from the last page: back to the picker
        reader.wait_for_url("**/conditions.html#my-conditions")
    assert not settled_problems(watch)


def test_no_conditions_ticked_shows_nothing_and_clearing_forgets_them(reused_page, server):
    page, watch = reused_page
    assert not note(page, server, "forward-bend").is_visible()
    picker = tick(page, server, ["osteoporosis"])
    reload_built(page)
    assert page.locator(".be-conditions input[value='osteoporosis']").is_checked()  # a reload keeps the choice
    assert note(page, server, "forward-bend").get_attribute("data-verdict") == "dont"
    picker = tick(page, server, [])
    picker.locator(".be-conditions-clear").click()
    assert picker.locator(".be-conditions-message").inner_text() == WORDS["cleared"]
    assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") is None
    assert not note(page, server, "forward-bend").is_visible()
    assert not settled_problems(watch)


@pytest.mark.parametrize("kept, problem", [
    ('{"version":1,"conditions":["pregnancy"', STORE_PROBLEMS["damaged"]),
    ('{"version":7,"conditions":["pregnancy"]}', STORE_PROBLEMS["version"]),
    ('{"version":1,"conditions":["gout"]}', STORE_PROBLEMS["unknown"].format(got="gout")),
])
def test_a_damaged_kept_value_changes_nothing_and_says_why(reused_page, server, kept, problem):
    page, watch = reused_page
    keep(page, server, {STORE_KEY: kept})
    box = note(page, server, "forward-bend")
    assert box.get_attribute("data-verdict") == "problem"
    assert box.inner_text().count(problem) == 1 and WORDS["note_problem"] in box.inner_text()
    open_built(page, f"{server}/book/home/my-routine.html")
    assert problem in page.locator(".be-mine-conditions").inner_text()
    assert page.locator(".be-mine-add option").count() == len(ROUTINES)  # nothing left out
    open_built(page, f"{server}/book/start/conditions.html")
    assert problem in page.locator(".be-conditions-message").inner_text()
    assert page.locator(".be-conditions input:checked").count() == 0
    assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") == kept  # left as it was until the reader ticks
    page.locator(".be-conditions input[value='pregnancy']").check()
    assert json.loads(page.evaluate(f"localStorage.getItem('{STORE_KEY}')")) == {"version": 1, "conditions": ["pregnancy"]}
    assert not settled_problems(watch)


def routine_verdict(name, mine) -> str:
    answers = [a.advice for card in cards_in(name) for a in card.conditions if a.condition in mine]
    return next((kind for kind in ("dont", "ask", "adapt") if kind in answers), "")


@pytest.mark.parametrize("mine", [["osteoporosis"], ["pregnancy", "recent-surgery"], ["dizziness", "hernia", "hypermobility"]])
def test_my_routine_leaves_out_what_a_card_says_not_to_do(reused_page, server, mine):
    page, watch = reused_page
    tick(page, server, mine)
    open_built(page, f"{server}/book/home/my-routine.html")
    widget = page.locator(".be-mine")
    offered = widget.locator(".be-mine-add option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
    left = [n for n in ROUTINES if routine_verdict(n, mine) == "dont"]
    assert left, mine  # each set leaves something out
    assert [n for n, _ in offered] == [n for n in ROUTINES if n not in left]
    for name, label in offered:
        assert label.endswith(f"({WORDS['ask_mark']})") == (routine_verdict(name, mine) == "ask"), name
    assert widget.locator(".be-mine-left li").all_inner_texts() == [ROUTINES[n].title for n in left]
    why = widget.locator(".be-mine-conditions details p").evaluate_all("ps => ps.map(p => p.textContent)")  # closed
    names = {c.id: c.name for c in CONDITIONS}
    assert sorted(why) == sorted({f"{card.title}, {names[a.condition]}: {a.text}" for n in left for card in cards_in(n)
                                  for a in card.conditions if a.advice == "dont" and a.condition in mine})
    presets = widget.locator("[data-preset]").evaluate_all("bs => bs.map(b => b.dataset.preset)")
    assert presets == [n for n in ("starter", "flare-up") if n not in left]
    # A routine the cards answer: its row shows the answers to the reader's conditions, strictest first.
    shown = next(n for n, _ in offered if routine_verdict(n, mine))
    widget.locator(".be-mine-add select").select_option(shown)
    widget.get_by_role("button", name="Add", exact=True).click()
    kinds = widget.locator(".be-mine-list li").last.locator("[data-kind]").evaluate_all("ps => ps.map(p => p.dataset.kind)")
    assert kinds and kinds[0] == routine_verdict(shown, mine) and kinds == sorted(kinds, key=["dont", "ask", "adapt"].index)
    assert not settled_problems(watch)
