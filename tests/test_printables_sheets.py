"""One card, every rendering: the technique page, its printed sheet and every class handout give the same
condition answers; a level's handout describes that level; sheets come in the book's order."""
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from backease.model.card_phrases import card_phrases
from backease.model.conditions import ADVICE_KINDS, ADVICE_TITLES
from backease.model.levels import LEVELS, MOVES, levels_of
from backease.model.library import get_routine
from backease.model.logistics import card_for, class_routines
from backease.model.routines import format_duration
from backease.model.techniques import all_techniques, get_technique
from backease.text.techniques import POSITION_WORDS
from conftest import parsed_page, widget_states

ROOT = Path(__file__).resolve().parents[1]
TECHNIQUES = all_techniques()
NAMES = [t.name for t in TECHNIQUES]


def words(node) -> str:
    """The words of a node as the reader sees them, quotes made straight."""
    text = " ".join(node.get_text(" ").split())
    for curly, straight in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return re.sub(r" ([:,.;)])", r"\1", text).replace("( ", "(")


def answers(box) -> list[tuple[str, str]]:
    """(kind, answer text) for every condition answer in a who-should-not box, in order; the condition's
    name is left out (a page links it to the glossary, paper explains it in brackets)."""
    out = []
    for kind in ADVICE_KINDS:
        for group in box.select(f".be-who-{kind}"):
            assert words(group.p).startswith(ADVICE_TITLES[kind]), words(group.p)
            out += [(kind, words(li).split(": ", 1)[1]) for li in group.select("li")]
    return out


def card_answers(card) -> list[tuple[str, str]]:
    return [(kind, words(BeautifulSoup(a.text, "html.parser"))) for kind in ADVICE_KINDS
            for a in card.conditions if a.advice == kind]


def page_box(site, name):
    soup = parsed_page(site, f"book/techniques/{name}.html")
    heading = next(h for h in soup.select("article h2") if h.get_text(strip=True).rstrip("#") == "Who should not do it")
    return heading.find_parent("section")


def builder_sheets(site) -> dict[str, str]:
    """Each class routine's handout sheet as the plan builder prints it (pieces joined, from the built page's
    on-demand script): the builder carries every technique's routine and every level."""
    state = next(s for s in widget_states(site, "book/class/plans.html") if "sheets" in s)
    sheets = state["sheets"]
    if "$file" in sheets:
        script = (site / "book" / "class" / sheets["$file"]).resolve().read_text(encoding="utf-8")
        data = json.loads(script[script.index("(") + 1: script.rindex(")")])
        sheets = data[sheets["$key"]]
    return {r: "".join(pieces) for r, pieces in sheets.items()}


@pytest.fixture(scope="module")
def handouts(site):
    return {r: BeautifulSoup(html, "html.parser") for r, html in builder_sheets(site).items()}


@pytest.mark.parametrize("technique", TECHNIQUES, ids=NAMES)
def test_page_sheet_and_handout_give_the_same_condition_answers(site, handouts, technique):
    on_page = answers(page_box(site, technique.name))
    assert on_page == card_answers(technique)
    sheet = parsed_page(site, "book/class/technique-sheets.html").select_one(f"#sheet-{technique.name}")
    assert answers(sheet) == on_page, "the sheet"
    assert answers(handouts[technique.routine]) == on_page, "the handout"
    adapt = [text for kind, text in on_page if kind == "adapt"]
    assert all(text in words(sheet) for text in adapt), "the sheet keeps every adaptation"


@pytest.mark.parametrize("level", LEVELS, ids=[lv.name for lv in LEVELS])
def test_each_levels_handout_describes_that_level(site, handouts, level):
    sheet = handouts[level.name]
    text = words(sheet)
    routine = get_routine(level.name)
    assert words(sheet.select_one("h3")) == words(BeautifulSoup(routine.title, "html.parser"))
    assert [words(li) for li in sheet.select(".be-print-steps li")] == [words(BeautifulSoup(h, "html.parser")) for h in level.how]
    assert f"Where: {POSITION_WORDS[level.position]}" in text
    card = card_for(level.name)
    assert answers(sheet) == answers(page_box(site, card.name)), "the answers of the level's own card"
    for other in TECHNIQUES:
        for step in other.steps:
            assert words(BeautifulSoup(step.text, "html.parser")) not in text, f"a step of {other.name} on a level's handout"
    listed = [words(li) for li in sheet.select(".be-print-levels li")]
    assert sheet.select_one("ol.be-print-levels"), "numbered as the levels are"
    assert listed == [f"{lv.title}: about {format_duration(get_routine(lv.name).total_seconds)}"
                      for lv in levels_of(level.exercise)], "the times of the other levels too"


def test_the_standing_back_bend_level_is_not_the_table_stretch(handouts):
    text = words(handouts["front-of-hip-level-1"]).lower()
    assert "table" not in text and "helper" not in text and "lying" not in text


def test_every_class_routine_has_a_handout_sheet(handouts):
    assert set(handouts) == set(class_routines())


def test_sheets_come_in_the_books_order(site):
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["caption"] == "Techniques")
    in_book = [c["file"].split("/")[-1] for c in part["chapters"]]
    assert NAMES == in_book
    sheets = parsed_page(site, "book/class/technique-sheets.html").select("article.be-sheet")
    assert [s["id"].removeprefix("sheet-") for s in sheets] == in_book


def test_the_psoas_glance_says_table_not_floor(site):
    soup = parsed_page(site, "book/techniques/psoas.html")
    glance = next(a for a in soup.select("article .admonition") if a.select_one(".admonition-title").get_text() == "At a glance")
    text = words(glance)
    assert "On the floor" not in text and f"Where: {POSITION_WORDS['table']}" in text


def test_the_sheet_has_no_repeated_sentences(site):
    for sheet in parsed_page(site, "book/class/technique-sheets.html").select("article.be-sheet"):
        for li in sheet.select("li"):
            sentences = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", words(li)) if s.strip()]
            assert len(sentences) == len(set(sentences)), words(li)


def test_getting_off_the_ball_is_said_once_in_the_cards_words(site):
    phrase = card_phrases("ball-release")["roll_off"]
    assert "quickly but gently" in phrase, "as the source says: fast, so the back does not tense, but gently"
    assert sum(phrase in s.text for s in get_technique("ball-release").steps) == 1
    assert phrase in get_routine("ball-release").steps[-1].cue
    assert phrase in " ".join(levels_of("ball")[0].how)
    for rel in ("book/techniques/ball-release.html", "book/class/technique-sheets.html"):
        page_text = words(parsed_page(site, rel).select_one("article"))
        assert phrase in page_text, rel
        assert "smooth, unhurried" not in page_text and "roll off quickly" not in page_text.lower(), rel


def test_the_printed_course_overview_states_the_rule_for_moving_up(site):
    text = words(parsed_page(site, "book/class/course-overview.html").select_one(".be-course-overview"))
    for move in MOVES.values():
        assert f"{move.title}: {move.advice}" in text
