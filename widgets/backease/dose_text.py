"""A routine's doses as text for a chapter, so the page shows exactly what the timer counts."""
from .routines import Routine, format_duration


def dose_markdown(routine: Routine) -> str:
    """A numbered Markdown list of the steps with their doses, the total time, and the routine's notes."""
    lines = [f"{i}. **{step.label}**: {step.dose()}" for i, step in enumerate(routine.steps, 1)]
    extras = ["time to get ready"]
    if any(s.side == "each" for s in routine.steps):
        extras.append("to switch sides")
    if any(s.rest for s in routine.steps[:-1]):
        extras.append("to rest between steps")
    said = extras[0] if len(extras) == 1 else ", ".join(extras[:-1]) + " and " + extras[-1]
    lines.append(f"\nOn the timer the whole session takes {format_duration(routine.total_seconds)}, with {said}.")
    if routine.notes:
        lines.append(f"\n{routine.notes}")
    return "\n".join(lines)
