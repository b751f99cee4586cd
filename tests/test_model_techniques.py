"""The technique cards (model/techniques.py with technique_data/): the rules every card must follow, the
evidence each cites, and a bad card refused with a message naming the file, the condition and the bad value."""
import re
from pathlib import Path

import pytest
import yaml

from backease import TechniqueError
from backease.model.techniques import DATA, MOVES, POSITIONS, all_techniques, technique_from_dict
from backease.text.techniques import evidence_plain

TECHNIQUES = all_techniques()
NAMES = [t.name for t in TECHNIQUES]
BIB = Path(__file__).parents[1] / "book" / "reference" / "references.bib"

# Rules checked over every card: (why, which techniques, the condition each must answer).
RULES = [
    ("lies on the back", lambda t: "lying-back" in t.positions, "pregnancy"),
    ("lies on a table", lambda t: "table" in t.positions, "pregnancy"),
    ("is a loaded forward bend", lambda t: "forward-bend" in t.moves, "osteoporosis"),
    ("rolls or presses on the body", lambda t: "pressure" in t.moves, "blood-thinners"),
    ("stretches or bends the leg or back", lambda t: {"leg-stretch", "forward-bend", "back-bend", "side-bend"} & set(t.moves),
     "nerve-pain"),
    ("takes the hip to the end of its range", lambda t: "hip-stretch" in t.moves, "hip-replacement"),
    ("strains the belly", lambda t: "strain" in t.moves, "hernia"),
    ("can make you faint (head down, heat, deep breathing, a table)",
     lambda t: {"head-down", "heat", "deep-breathing"} & set(t.moves) or "table" in t.positions, "dizziness"),
    ("is any technique", lambda t: True, "hypermobility"),
    ("is any technique", lambda t: True, "recent-surgery"),
]
CASES = [(t, why, condition) for t in TECHNIQUES for why, applies, condition in RULES if applies(t)]


def card_data(name):
    return yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))


def bib_keys():
    return set(re.findall(r"^@\w+\{([^,\s]+),", BIB.read_text(encoding="utf-8"), flags=re.M))


@pytest.mark.parametrize(("technique", "why", "condition"), CASES,
                         ids=[f"{t.name}-{c}" for t, _, c in CASES])
def test_rule(technique, why, condition):
    assert condition in {a.condition for a in technique.conditions}, f"{technique.name} {why}, so its card must answer {condition!r}"


def test_the_rules_cover_every_move_and_the_positions_they_name():
    assert set(MOVES) == {"forward-bend", "head-down", "back-bend", "side-bend", "leg-stretch", "hip-stretch",
                          "pressure", "strain", "deep-breathing", "heat"}
    assert {"lying-back", "table"} <= set(POSITIONS)


@pytest.mark.parametrize("technique", TECHNIQUES, ids=NAMES)
def test_evidence_cites_known_references(technique):
    evidence = technique.evidence
    assert evidence.cite, f"{technique.name}: an evidence label must cite a reference"
    unknown = set(evidence.cite) - bib_keys()
    assert not unknown, f"{technique.name}: evidence cites {sorted(unknown)}, not in references.bib"
    assert evidence.certainty and evidence.certainty in evidence_plain(evidence)


# --- card validation: messages name the file, the condition and the bad value -------------

def broken(name, **changes):
    data = card_data(name)
    for key, value in changes.items():
        data[key] = value
    return data


@pytest.mark.parametrize(("changes", "message"), [
    ({"conditions": {"pregnant": {"advice": "ask", "text": "Ask first."}}},
     r"dead-bug.yml: conditions: no condition called 'pregnant'"),
    ({"conditions": {"pregnancy": {"advice": "maybe", "text": "Ask first."}}},
     r"dead-bug.yml: conditions: pregnancy: advice 'maybe' is not one of dont, ask, adapt"),
    ({"conditions": {"pregnancy": {"advice": "ask", "text": " "}}},
     r"dead-bug.yml: conditions: pregnancy: 'text' must be non-empty text"),
    ({"conditions": {"pregnancy": {"advice": "ask", "txt": "Ask"}}},
     r"dead-bug.yml: conditions: pregnancy: unknown field\(s\) 'txt'"),
    ({"positions": ["lying-down"]}, r"dead-bug.yml: positions: 'lying-down' is not one of lying-back"),
    ({"moves": ["twist"]}, r"dead-bug.yml: moves: 'twist' is not one of forward-bend"),
    ({"evidence": {"label": "Promising", "certainty": "low", "text": "x", "cite": ["owen2020"]}},
     r"dead-bug.yml: 'evidence': label 'Promising' is not one of the evidence page's labels"),
    ({"evidence": {"label": "Case series only", "certainty": "low", "text": "x", "cite": []}},
     r"dead-bug.yml: 'evidence': 'cite' must be a non-empty list of reference keys"),
    ({"evidence": "Among the better options."}, r"dead-bug.yml: 'evidence': expected a mapping"),
])
def test_bad_cards_are_refused_with_a_clear_message(changes, message):
    with pytest.raises(TechniqueError, match=message):
        technique_from_dict(broken("dead-bug", **changes), "dead-bug.yml")
