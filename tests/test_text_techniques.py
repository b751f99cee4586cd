"""A card in words (text/techniques.py) and the phrases a card shares with the timer and the levels."""
import pytest
import yaml

from backease import TechniqueError
from backease.model.card_phrases import phrase
from backease.model.library import ROUTINES
from backease.model.techniques import DATA, POSITIONS, all_techniques, get_technique, technique_from_dict
from backease.text.techniques import (POSITION_WORDS, answer_plain, answers_by_kind, glance_markdown,
                                      technique_levels, technique_levels_markdown, where_words, who_markdown)


def test_every_position_has_words():
    assert set(POSITION_WORDS) == set(POSITIONS)
    assert where_words(("standing", "lying-back", "standing")) == "standing; lying on your back"


def test_answers_are_grouped_strictest_first_and_told_once():
    for t in all_techniques():
        kinds = [kind for kind, _ in answers_by_kind(t)]
        assert kinds == sorted(kinds, key=("dont", "ask", "adapt").index)
        assert sum(len(a) for _, a in answers_by_kind(t)) == len(t.conditions)
        for _, group in answers_by_kind(t):
            for a in group:
                line = answer_plain(a)
                assert line.count(a.text) == 1 and line.startswith(a.about.name)


def test_the_who_box_links_the_conditions_page():
    assert "{ref}`conditions`" in who_markdown(get_technique("dead-bug"))


def test_the_glance_names_where_from_the_card():
    psoas = glance_markdown(get_technique("psoas"), "5 min")
    assert "**Where:** lying on a table; standing." in psoas and "getting-down" not in psoas
    ball = glance_markdown(get_technique("ball-release"), "5 min")
    assert "**Where:** lying on your back." in ball and "getting-down" in ball


def test_a_chapter_lists_its_levels_by_the_names_my_routine_shows():
    hamstring = get_technique("hamstring-stretch")
    text = technique_levels_markdown(hamstring)
    for level in technique_levels(hamstring):
        assert f"**{ROUTINES[level.name].title}**" in text and " ".join(level.how) in text
    assert "On a chair" in text and "sitting on a chair" in text


def test_cards_come_in_the_routine_librarys_order():
    assert [t.routine for t in all_techniques()] == [r for r in ROUTINES if r in {t.routine for t in all_techniques()}]


def test_a_phrase_the_card_does_not_have_is_named():
    with pytest.raises(TechniqueError, match=r"ball-release.yml: no phrase 'roll_of'; it has: roll_off"):
        phrase("ball-release", "roll_of")
    data = yaml.safe_load((DATA / "ball-release.yml").read_text(encoding="utf-8"))
    with pytest.raises(TechniqueError, match=r"ball-release.yml, step 6: .* uses a phrase card_phrases.py does not have"):
        technique_from_dict(data, "ball-release.yml", {})
