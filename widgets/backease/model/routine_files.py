"""Routines (and the files that hold them) in and out of JSON and YAML, so a teacher can write their own.

Files get the same validation as routines built in Python; a message names the file,
the step (number and label) and the bad value.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import DataError
from .routines import Breathing, Routine, RoutineError, Step

_ROUTINE_KEYS = {"name", "title", "steps", "get_ready", "switch", "notes"}
_STEP_KEYS = {"label", "seconds", "reps", "tempo", "at_least", "side", "cue", "until", "breathing", "rest", "position",
              "start"}
_BREATHING_KEYS = {"inhale", "exhale", "hold", "sound"}
_FORMATS = {".json": "JSON", ".yaml": "YAML", ".yml": "YAML"}


def check_fields(data, allowed: set[str], where: str, error: type[DataError] = RoutineError) -> None:
    """``data`` must be a mapping with no field outside ``allowed``, else ``error`` naming the bad field."""
    if not isinstance(data, dict):
        raise error(f"{where}: expected a mapping of fields, got {data!r}")
    unknown = sorted(set(map(str, data)) - allowed)
    if unknown:
        raise error(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}; known: {', '.join(sorted(allowed))}")


def _step_from_dict(data, where: str) -> Step:
    check_fields(data, _STEP_KEYS, where)
    data = dict(data)
    if isinstance(data.get("breathing"), dict):
        check_fields(data["breathing"], _BREATHING_KEYS, f"{where}, breathing")
        data["breathing"] = Breathing(**data["breathing"])
    if "label" not in data:
        raise RoutineError(f"{where}: missing 'label'")
    return Step(**data)


def routine_from_dict(data, source: str = "routine") -> Routine:
    """Build and validate a Routine from plain data; errors start with ``source``."""
    check_fields(data, _ROUTINE_KEYS, source)
    for key in ("name", "title", "steps"):
        if key not in data:
            raise RoutineError(f"{source}: missing {key!r}")
    steps_data = data["steps"]
    if not isinstance(steps_data, list):
        raise RoutineError(f"{source}: 'steps' must be a list of steps, got {steps_data!r}")
    steps = []
    for i, item in enumerate(steps_data, 1):
        label = item.get("label") if isinstance(item, dict) else None
        where = f"{source}, step {i}" + (f" ({label!r})" if label else "")
        try:
            steps.append(_step_from_dict(item, where))
        except RoutineError as err:
            raise RoutineError(str(err) if str(err).startswith(where) else f"{where}: {err}") from None
        except TypeError as err:  # e.g. a field given twice in odd ways
            raise RoutineError(f"{where}: {err}") from None
    try:
        return Routine(**{**data, "steps": steps})
    except RoutineError as err:
        raise RoutineError(f"{source}: {err}") from None


def _format(path: Path, error: type[DataError]) -> str:
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        raise error(f"{path}: unknown file type {path.suffix!r}; use .json, .yaml or .yml") from None


def read_data(path, error: type[DataError] = RoutineError) -> tuple[Path, object]:
    """The parsed contents of a .json, .yaml or .yml file, or ``error`` (the caller's kind) naming the file."""
    import yaml  # here, not at the top: ``import backease`` stays quick

    path = Path(path)
    fmt = _format(path, error)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise error(f"{path}: cannot read the file ({err.strerror})") from None
    try:
        # libyaml's loader when PyYAML has it: the same safe subset, ten times faster
        return path, json.loads(text) if fmt == "JSON" else yaml.load(text, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (json.JSONDecodeError, yaml.YAMLError) as err:
        raise error(f"{path}: not valid {fmt}: {err}") from None


def write_data(data: dict, path, error: type[DataError] = RoutineError) -> Path:
    """Write plain data as JSON or YAML, chosen by the file's ending; returns the path."""
    import yaml

    path = Path(path)
    if _format(path, error) == "JSON":
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def load_routine(path) -> Routine:
    """Read a routine from a .json, .yaml or .yml file."""
    path, data = read_data(path)
    return routine_from_dict(data, source=str(path))


def save_routine(routine: Routine, path) -> Path:
    """Write a routine to a .json, .yaml or .yml file; returns the path."""
    return write_data(routine.to_dict(), path)
