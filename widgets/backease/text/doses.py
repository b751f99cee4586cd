"""A routine's doses as text for a chapter, so the page shows exactly what the timer counts."""
import re
from itertools import groupby

from ..model.routines import Routine, format_duration

_ROUND = re.compile(r"Round (\d+): (.+)")


def _total_and_notes(routine: Routine) -> list[str]:
    extras = ["time to get ready"]
    if any(s.side == "each" for s in routine.steps):
        extras.append("to switch sides")
    if any(s.rest for s in routine.steps[:-1]):
        extras.append("to rest between steps")
    said = extras[0] if len(extras) == 1 else ", ".join(extras[:-1]) + " and " + extras[-1]
    lines = [f"\nOn the timer the whole session takes {format_duration(routine.total_seconds)}, with {said}."]
    if routine.notes:
        lines.append(f"\n{routine.notes}")
    return lines


def dose_markdown(routine: Routine) -> str:
    """A numbered Markdown list of the steps with their doses, the total time, and the routine's notes."""
    lines = [f"{i}. **{step.label}**: {step.dose()}" for i, step in enumerate(routine.steps, 1)]
    return "\n".join(lines + _total_and_notes(routine))


def techniques_markdown(routine: Routine) -> str:
    """A routine made of technique steps (``starter``, ``flare-up``) as MyST: one numbered item per
    technique, linking its chapter, with its steps and doses; then the total time and the notes.
    Steps called "Round 1: …", "Round 2: …" are told once, as "3 rounds of …"."""
    from ..model.library import technique_of

    lines = []
    for i, (name, group) in enumerate(groupby(routine.steps, key=technique_of), 1):
        steps = list(group)
        rounds = [_ROUND.fullmatch(s.label) for s in steps]
        if all(rounds):
            kinds = dict.fromkeys((m.group(2), s.dose()) for m, s in zip(rounds, steps))
            said = f"{len({m.group(1) for m in rounds})} rounds of " + ", then ".join(
                f"{what} ({dose})" for what, dose in kinds)
        else:
            said = "; ".join(f"{s.label} ({s.dose()})" for s in steps)
        lines.append(f"{i}. {{ref}}`{name}`: {said}" if name else f"{i}. {said}")
    return "\n".join(lines + _total_and_notes(routine))
