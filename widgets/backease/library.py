"""The routine library: one routine per technique, where every dose in the guide is typed once.

Doses come from the source articles as summarised in the content brief. Where a source
gives no time (a breathing pace, a rest, a get-ready countdown), the value here is the
timer's default, and the chapter says so.
"""
from __future__ import annotations

from .routines import Breathing, Routine, RoutineError, Step

_CALM_BREATH = Breathing(inhale=4, exhale=6)
_SSSS_BREATH = Breathing(inhale=4, exhale=8, sound="Ssss")

_ALL = (
    Routine(
        name="string-exercises",
        title="String exercises",
        get_ready=20,
        steps=(
            Step("Feet swing", seconds=60, at_least=30, rest=10,
                 cue="Let your feet swing gently side to side; the rest of you stays soft."),
            Step("Clasped-hands swing", seconds=60, at_least=30,
                 cue="Hands clasped, swing them gently; let the wave run along your spine."),
        ),
    ),
    Routine(
        name="breathing",
        title="Belly breathing with a long \u201cSsss\u201d",
        get_ready=15,
        steps=(
            Step("Belly breathing", seconds=60, breathing=_CALM_BREATH,
                 cue="Let your belly rise as you breathe in; let it fall as you breathe out."),
            Step("Long \u201cSsss\u201d out-breath", seconds=180, breathing=_SSSS_BREATH,
                 cue="Breathe out slowly through your teeth with a long Ssss."),
        ),
    ),
)

ROUTINES: dict[str, Routine] = {r.name: r for r in _ALL}


def get_routine(name: str) -> Routine:
    """The library routine called ``name``, e.g. ``get_routine("breathing")``."""
    try:
        return ROUTINES[name]
    except (KeyError, TypeError):
        raise RoutineError(f"no routine called {name!r}; the library has: {', '.join(sorted(ROUTINES))}") from None
