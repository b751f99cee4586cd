"""Technique cards as data: what a chapter and a class handout both show, typed once.

Each technique has a YAML file in ``technique_data/``: its title, the routine that holds its
dose, who should not do it, what you need, the steps (each with a drawn pose), the stop
rules and its evidence label. The chapter shows these from here and adds its own prose;
the class handout prints the same steps and stop rules.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .equipment import NeedItem, need_from_data
from .library import ROUTINES
from .routine_files import check_fields, read_data
from .routines import Routine, RoutineError

DATA = Path(__file__).parent / "technique_data"

_KEYS = {"name", "title", "routine", "purpose", "avoid", "need", "steps", "stop", "evidence"}
_OPTIONAL_KEYS = {"chair"}
_STEP_KEYS = {"text", "pose"}


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
    evidence: str
    chair: str = ""  # how to do it in a chair, for a technique done on the floor

    @property
    def session(self) -> Routine:
        return ROUTINES[self.routine]


def _lines(data, key: str, where: str) -> tuple[str, ...]:
    items = data.get(key)
    if not isinstance(items, list) or not items or not all(isinstance(x, str) and x.strip() for x in items):
        raise RoutineError(f"{where}: {key!r} must be a non-empty list of sentences, got {items!r}")
    return tuple(" ".join(x.split()) for x in items)


def technique_from_dict(data, source: str) -> Technique:
    """Build and validate a Technique; messages name the file and the field or step."""
    check_fields(data, _KEYS | _OPTIONAL_KEYS, source)
    missing = sorted(_KEYS - set(data))
    if missing:
        raise RoutineError(f"{source}: missing {', '.join(map(repr, missing))}")
    for key in ("name", "title", "purpose", "evidence"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise RoutineError(f"{source}: {key!r} must be non-empty text, got {data[key]!r}")
    if data["routine"] not in ROUTINES:
        raise RoutineError(f"{source}: 'routine' {data['routine']!r} is not in the routine library")
    if not isinstance(data["steps"], list) or not data["steps"]:
        raise RoutineError(f"{source}: 'steps' must be a non-empty list, got {data['steps']!r}")
    steps = []
    for i, step in enumerate(data["steps"], 1):
        where = f"{source}, step {i}"
        check_fields(step, _STEP_KEYS, where)
        if not isinstance(step.get("text"), str) or not step["text"].strip():
            raise RoutineError(f"{where}: 'text' must be non-empty text, got {step.get('text')!r}")
        steps.append(TechniqueStep(" ".join(step["text"].split()), step.get("pose", "")))
    return Technique(
        name=data["name"], title=data["title"], routine=data["routine"], purpose=data["purpose"].strip(),
        avoid=_lines(data, "avoid", source), need=need_from_data(data["need"], source), steps=tuple(steps),
        stop=_lines(data, "stop", source), evidence=" ".join(data["evidence"].split()),
        chair=" ".join(str(data.get("chair", "")).split()),
    )


@cache
def get_technique(name: str) -> Technique:
    """The technique card called ``name`` (the chapter's page name, e.g. "dead-bug")."""
    path = DATA / f"{name}.yml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in DATA.glob("*.yml")))
        raise RoutineError(f"no technique called {name!r}; known: {known}")
    path, data = read_data(path)
    technique = technique_from_dict(data, str(path.name))
    if technique.name != name:
        raise RoutineError(f"{path.name}: 'name' is {technique.name!r} but the file is called {name!r}")
    return technique


def all_techniques() -> list[Technique]:
    return [get_technique(p.stem) for p in sorted(DATA.glob("*.yml"))]


def bullets(items) -> str:
    """Sentences as a Markdown bullet list."""
    return "\n".join(f"- {item}" for item in items)


def technique_for_routine(routine: str) -> Technique:
    """The technique card whose timer runs ``routine``."""
    for technique in all_techniques():
        if technique.routine == routine:
            return technique
    raise RoutineError(f"no technique card uses the routine {routine!r}")
