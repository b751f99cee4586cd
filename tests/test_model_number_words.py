"""Counts as words (model/number_words.py): the words the pages, the plan and the course say for their lengths."""
import pytest

from backease.model.number_words import counted, number_word


def test_small_counts_are_words_and_larger_ones_figures():
    assert [number_word(n) for n in (0, 1, 6, 12, 13, 26)] == ["no", "one", "six", "twelve", "13", "26"]


def test_a_count_of_things_agrees_with_its_number():
    assert counted(6, "week") == "six weeks"
    assert counted(1, "week") == "one week"
    assert counted(2, "person", "people") == "two people"
    assert counted(26, "week") == "26 weeks"


@pytest.mark.parametrize("bad", [-1, 2.0, True, "6", None])
def test_a_count_that_is_not_a_whole_number_from_0_says_so(bad):
    with pytest.raises(ValueError, match=f"a count must be a whole number from 0, got {bad!r}"):
        number_word(bad)
