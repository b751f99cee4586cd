"""Getting down to the floor and up again, and onto and off a table or a bed: short steps, each
with its drawn pose where one can be drawn from the side. A table and a bed share one method
(by way of your side); the getting-down page, the psoas page and the bed section all read it here.

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


# A table and a bed are got onto and off the same way: by way of your side, never sitting straight up
# from lying flat. A table is higher than a chair, so a step takes the feet.
_ONTO_SIDE = "Lower yourself onto your side, leaning on your elbow, while you lift both legs onto {where} together."
_ONTO_BACK = "Roll onto your back, knees bent."
_ONTO_EDGE = "Roll onto your side, facing {where}, turning your knees and shoulders together."
_SIT_UP = "Let your feet slide {feet} while you push up with your arms, so that you come up to sitting."

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
    Transfer("table-on", "Onto a table, with a step, by way of your side", _steps(
        "Put a sturdy step that cannot slide beside the table, near its end. Your helper holds the table steady.",
        "Stand on the step with your back to the table and sit on its edge, near the end, feet flat on the step.",
        _ONTO_SIDE.format(where="the table"),
        _ONTO_BACK,
        ("Shuffle along, knees bent, until your tailbone is at the end of the table. Let your legs hang over the"
         " end: this is where the psoas stretch starts.", "table-lie"),
    )),
    Transfer("table-off", "Off a table, with a step, by way of your side", _steps(
        "Bring your feet up onto the table, knees bent, and shuffle back until your legs are on the table.",
        _ONTO_EDGE.format(where="the side of the table where the step is"),
        _SIT_UP.format(feet="onto the step"),
        "Sit for a moment with your feet flat on the step. Then step down to the floor, one foot at a time,"
        " holding the table.",
    )),
    Transfer("bed-on", "Lying down on a bed", _steps(
        "Sit on the edge of the bed, about where your hips will be when you lie down.",
        _ONTO_SIDE.format(where="the bed"),
        _ONTO_BACK,
    )),
    Transfer("bed-off", "Getting out of bed", _steps(
        "Bend your knees, feet flat on the bed.",
        _ONTO_EDGE.format(where="the edge of the bed"),
        _SIT_UP.format(feet="over the edge"),
        "Sit for a moment. Then stand up, pushing through your legs.",
    )),
)}


def get_transfer(name: str) -> Transfer:
    """The transfer called ``name``, e.g. ``get_transfer("floor-down")``."""
    try:
        return TRANSFERS[name]
    except (KeyError, TypeError):
        raise DataError(f"no transfer called {name!r}; known: {', '.join(TRANSFERS)}") from None
