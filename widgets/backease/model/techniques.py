"""Technique cards as data: what a chapter and a class handout both show, typed once.

Each technique has a YAML file in ``technique_data/``: its title, the routine that holds its
dose, what you need, the steps (each with a drawn pose), the stop rules, its evidence label
(with its certainty and the references it cites), the positions it is done in, and who
should not do it: an answer (don't / ask first / adapt) for each condition of the shared
vocabulary in ``conditions.py`` that applies, plus any other caveats under ``avoid``.
The chapter shows these from here and adds its own prose; the class handout prints the
same steps and stop rules.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .card_phrases import card_phrases
from .conditions import ADVICE_KINDS, ConditionAdvice, get_condition
from .equipment import NeedItem, need_from_data
from .library import ROUTINES
from .positions import FLOOR_POSITIONS, POSITIONS
from .routine_files import check_fields, read_data
from ..errors import TechniqueError
from .routines import Routine


DATA = Path(__file__).parent / "technique_data"

_KEYS = {"name", "title", "routine", "purpose", "avoid", "need", "steps", "stop", "evidence", "conditions", "positions",
         "moves", "source", "chair"}
_OPTIONAL = {"avoid", "chair"}
_STEP_KEYS = {"text", "pose"}
_EVIDENCE_KEYS = {"label", "certainty", "text", "cite"}
_EVIDENCE_OPTIONAL = {"covers"}
_CONDITION_KEYS = {"advice", "text"}

# What a technique asks of the body, so that tests can check who it must answer
# (e.g. a loaded forward bend answers osteoporosis; pressure answers blood thinners).
MOVES = ("forward-bend", "head-down", "back-bend", "side-bend", "leg-stretch", "hip-stretch", "pressure", "strain",
         "deep-breathing", "heat")

# The plain labels defined on the evidence page (book/reference/evidence.md, "How to read the labels").
EVIDENCE_LABELS = (
    "Moderate certainty", "Among the better options", "Small trials, low certainty", "No better than control",
    "Not tested in back pain", "Case series only", "No trials found", "Not rated",
)


@dataclass(frozen=True)
class Evidence:
    """An evidence label: the plain label, the certainty as the source grades it, a sentence, the bib keys, and
    what the label covers when the card teaches more than the evidence tested (else "")."""

    label: str
    certainty: str
    text: str
    cite: tuple[str, ...]
    covers: str = ""

    def keys(self) -> str:
        return ",".join(self.cite)


@dataclass(frozen=True)
class TechniqueStep:
    text: str
    pose: str = ""  # a name in figures.pose_library, or "" for a step with no figure


@dataclass(frozen=True)
class Technique:
    name: str
    title: str
    routine: str
    purpose: str
    avoid: tuple[str, ...]
    need: tuple[NeedItem, ...]
    steps: tuple[TechniqueStep, ...]
    stop: tuple[str, ...]
    source: str  # the bib key of the source article its steps come from
    evidence: Evidence
    conditions: tuple[ConditionAdvice, ...]
    positions: tuple[str, ...]
    moves: tuple[str, ...]
    chair: str = ""  # how to do it in a chair, for a technique done on the floor

    @property
    def session(self) -> Routine:
        return ROUTINES[self.routine]

    @property
    def on_floor(self) -> bool:
        """Done lying, sitting or kneeling on the floor (so the reader must get down and up)."""
        return any(p in FLOOR_POSITIONS for p in self.positions)


def _lines(data, key: str, where: str) -> tuple[str, ...]:
    items = data.get(key)
    if not isinstance(items, list) or not items or not all(isinstance(x, str) and x.strip() for x in items):
        raise TechniqueError(f"{where}: {key!r} must be a non-empty list of sentences, got {items!r}")
    return tuple(" ".join(x.split()) for x in items)


def _text(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TechniqueError(f"{where} must be non-empty text, got {value!r}")
    return " ".join(value.split())


def _evidence(data, source: str) -> Evidence:
    where = f"{source}: 'evidence'"
    check_fields(data, _EVIDENCE_KEYS | _EVIDENCE_OPTIONAL, where, TechniqueError)
    missing = sorted(_EVIDENCE_KEYS - set(data))
    if missing:
        raise TechniqueError(f"{where}: missing {', '.join(map(repr, missing))}")
    label = _text(data["label"], f"{where}: 'label'")
    if label not in EVIDENCE_LABELS:
        raise TechniqueError(f"{where}: label {label!r} is not one of the evidence page's labels: {', '.join(EVIDENCE_LABELS)}")
    cite = data["cite"]
    if not isinstance(cite, list) or not cite or not all(isinstance(k, str) and k.strip() for k in cite):
        raise TechniqueError(f"{where}: 'cite' must be a non-empty list of reference keys, got {cite!r}")
    covers = _text(data["covers"], f"{where}: 'covers'").rstrip(".") if "covers" in data else ""
    return Evidence(label, _text(data["certainty"], f"{where}: 'certainty'").rstrip("."),
                    _text(data["text"], f"{where}: 'text'"), tuple(k.strip() for k in cite), covers)


def _conditions(data, source: str) -> tuple[ConditionAdvice, ...]:
    if not isinstance(data, dict) or not data:
        raise TechniqueError(f"{source}: 'conditions' must map condition ids to advice, got {data!r}")
    answers = []
    for condition, answer in data.items():
        where = f"{source}: conditions: {condition}"
        try:
            get_condition(condition)
        except KeyError as err:
            raise TechniqueError(f"{source}: conditions: {err.args[0]}") from None
        check_fields(answer, _CONDITION_KEYS, where, TechniqueError)
        if answer.get("advice") not in ADVICE_KINDS:
            raise TechniqueError(f"{where}: advice {answer.get('advice')!r} is not one of {', '.join(ADVICE_KINDS)}")
        answers.append(ConditionAdvice(condition, answer["advice"], _text(answer.get("text"), f"{where}: 'text'")))
    return tuple(answers)


def _choices(data, key: str, known: tuple[str, ...], source: str, empty: bool = False) -> tuple[str, ...]:
    if not isinstance(data, list) or not (data or empty):
        raise TechniqueError(f"{source}: {key!r} must be a {'' if empty else 'non-empty '}list, got {data!r}")
    for value in data:
        if value not in known:
            raise TechniqueError(f"{source}: {key}: {value!r} is not one of {', '.join(known)}")
    return tuple(data)


def _said(text: str, say: dict[str, str], where: str) -> str:
    """A step's text with the card's phrases (``{name}``, from ``card_phrases``) put in."""
    try:
        return text.format_map(say)
    except (KeyError, ValueError, IndexError) as err:
        raise TechniqueError(f"{where}: {text!r} uses a phrase card_phrases.py does not have ({err});"
                             f" it has: {', '.join(say) or 'none'}") from None


def technique_from_dict(data, source: str, say: dict[str, str] | None = None) -> Technique:
    """Build and validate a Technique; messages name the file and the field, step or condition.
    ``say``: the card's phrases (``card_phrases``), put into its steps."""
    check_fields(data, _KEYS, source, TechniqueError)
    missing = sorted(_KEYS - _OPTIONAL - set(data))
    if missing:
        raise TechniqueError(f"{source}: missing {', '.join(map(repr, missing))}")
    for key in ("name", "title", "purpose", "source"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise TechniqueError(f"{source}: {key!r} must be non-empty text, got {data[key]!r}")
    if data["routine"] not in ROUTINES:
        raise TechniqueError(f"{source}: 'routine' {data['routine']!r} is not in the routine library")
    if not isinstance(data["steps"], list) or not data["steps"]:
        raise TechniqueError(f"{source}: 'steps' must be a non-empty list, got {data['steps']!r}")
    steps = []
    for i, step in enumerate(data["steps"], 1):
        where = f"{source}, step {i}"
        check_fields(step, _STEP_KEYS, where, TechniqueError)
        if not isinstance(step.get("text"), str) or not step["text"].strip():
            raise TechniqueError(f"{where}: 'text' must be non-empty text, got {step.get('text')!r}")
        steps.append(TechniqueStep(_said(" ".join(step["text"].split()), say or {}, where), step.get("pose", "")))
    return Technique(
        name=data["name"], title=data["title"], routine=data["routine"], purpose=data["purpose"].strip(),
        avoid=_lines(data, "avoid", source) if "avoid" in data else (), need=need_from_data(data["need"], source),
        steps=tuple(steps), stop=_lines(data, "stop", source), source=data["source"].strip(), evidence=_evidence(data["evidence"], source),
        conditions=_conditions(data["conditions"], source), positions=_choices(data["positions"], "positions", POSITIONS, source),
        moves=_choices(data["moves"], "moves", MOVES, source, empty=True),
        chair=" ".join(str(data.get("chair", "")).split()),
    )


@cache
def get_technique(name: str) -> Technique:
    """The technique card called ``name`` (the chapter's page name, e.g. "dead-bug")."""
    path = DATA / f"{name}.yml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in DATA.glob("*.yml")))
        raise TechniqueError(f"no technique called {name!r}; known: {known}")
    path, data = read_data(path, TechniqueError)
    technique = technique_from_dict(data, str(path.name), card_phrases(name))
    if technique.name != name:
        raise TechniqueError(f"{path.name}: 'name' is {technique.name!r} but the file is called {name!r}")
    return technique


def all_techniques() -> list[Technique]:
    """Every card in the book's order: the routine library lists the technique routines in the
    order of the chapters in ``_toc.yml`` (a test holds the two together)."""
    order = list(ROUTINES)
    return sorted((get_technique(p.stem) for p in DATA.glob("*.yml")), key=lambda t: order.index(t.routine))


def technique_for_routine(routine: str) -> Technique:
    """The technique card whose timer runs ``routine``."""
    for technique in all_techniques():
        if technique.routine == routine:
            return technique
    raise TechniqueError(f"no technique card uses the routine {routine!r}: it is not one technique's own routine"
                       f" (a class plan uses the technique routines or their levels)")
