"""Who should not (model/conditions.py): the shared conditions, each explained or in the glossary."""
import re
from pathlib import Path

import pytest

from backease.model.conditions import ADVICE_KINDS, CONDITIONS, get_condition

GLOSSARY = Path(__file__).parents[1] / "book" / "reference" / "glossary.md"


def test_the_vocabulary_has_the_agreed_conditions():
    ids = [c.id for c in CONDITIONS]
    assert set(ids) >= {"pregnancy", "osteoporosis", "recent-surgery", "hip-replacement", "hypermobility",
                        "blood-thinners", "hernia", "nerve-pain", "dizziness"}
    assert len(set(ids)) == len(ids)
    assert ADVICE_KINDS == ("dont", "ask", "adapt")


def test_an_unknown_condition_is_named():
    with pytest.raises(KeyError, match="'pregnant'.*known: pregnancy"):
        get_condition("pregnant")


@pytest.mark.parametrize("condition", CONDITIONS, ids=lambda c: c.id)
def test_each_condition_is_explained_or_in_the_glossary(condition):
    assert condition.explain
    if condition.term:
        entries = re.findall(r"^([^\s:].*)$", GLOSSARY.read_text(encoding="utf-8"), flags=re.M)
        assert condition.term in entries, f"add {condition.term!r} to the glossary"
