"""Getting down to the floor and up again, and onto and off a table or a bed: short steps, each
with its drawn pose where one can be drawn from the side.

The sources describe no way of doing this: these steps are the guide's own general advice. A
transfer has the same shape as a technique's steps (``TechniqueStep``), so ``StepsView`` shows it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import DataError
from .techniques import TechniqueStep


@dataclass(frozen=True)
class Transfer:
    name: str
    title: str
    steps: tuple[TechniqueStep, ...]


def _steps(*items: tuple[str, str] | str) -> tuple[TechniqueStep, ...]:
    return tuple(TechniqueStep(*item) if isinstance(item, tuple) else TechniqueStep(item) for item in items)


TRANSFERS: dict[str, Transfer] = {t.name: t for t in (
    Transfer("floor-down", "Getting down to the floor, holding on to a chair", _steps(
        "Put your mat on the floor. Stand a sturdy chair that cannot slide at one end of it, seat towards the"
        " mat. Stand on the mat, facing the chair.",
        ("Put both hands on the seat. Step one foot back, bend your knees, and lower the back knee gently to"
         " the floor.", "floor-half-kneel"),
        ("Bring the other knee down beside it. Keep your hands on the chair.", "floor-kneel"),
        ("Move your hands to the floor, one at a time. Now you are on your hands and knees.", "floor-hands-down"),
        ("Lower your hips to one side and sit on the floor. Bring your knees up, feet flat.", "floor-sit-beside"),
        ("Lean back slowly onto one elbow, then onto both.", "floor-onto-elbows"),
        ("Slide your elbows away and lie down on your back, knees bent. Rest here for a few breaths.",
         "floor-lie-down"),
    )),
    Transfer("floor-up", "Getting up from the floor, holding on to a chair", _steps(
        "Bend your knees, feet flat. Roll onto your side, turning your knees and shoulders together.",
        ("Push up with your arms onto your hands and knees.", "floor-up-hands-knees"),
        ("Move your hands to the chair seat, one at a time. Bring one foot forward, flat on the floor.",
         "floor-up-half-kneel"),
        ("Lean forward a little. Push up through your front foot, helped by your hands, and stand up slowly.",
         "floor-up-rise"),
        "Stand still for a moment before you walk away, above all if you feel light-headed.",
    )),
    Transfer("table-on", "Onto a table, from its end", _steps(
        ("Back up to the end of the table and sit on it, hands beside your hips.", "table-sit-end"),
        ("Lean back slowly onto one elbow, then onto both.", "table-onto-elbows"),
        ("Lie back. Your legs hang over the end, which is where the psoas stretch starts.", "table-lie"),
    )),
    Transfer("table-off", "Off a table", _steps(
        ("Bring your arms in beside you and push up onto your elbows.", "table-up-elbows"),
        ("Push with your hands until you sit up. Sit for a moment.", "table-up-sit"),
        "Slide forward until both feet are on the floor, then stand up.",
    )),
    Transfer("bed-on", "Lying down on a bed", _steps(
        "Sit on the edge of the bed, about where your hips will be when you lie down.",
        "Lower yourself onto your side, leaning on your elbow, while you lift both legs onto the bed together.",
        "Roll onto your back, knees bent.",
    )),
    Transfer("bed-off", "Getting out of bed", _steps(
        "Bend your knees, feet flat on the bed.",
        "Roll onto your side, facing the edge of the bed, turning your knees and shoulders together.",
        "Let your feet slide over the edge while you push up with your arms, so that you come up to sitting.",
        "Sit for a moment. Then stand up, pushing through your legs.",
    )),
)}


def get_transfer(name: str) -> Transfer:
    """The transfer called ``name``, e.g. ``get_transfer("floor-down")``."""
    try:
        return TRANSFERS[name]
    except (KeyError, TypeError):
        raise DataError(f"no transfer called {name!r}; known: {', '.join(TRANSFERS)}") from None
