"""A class plan in words: its outline as a numbered Markdown list with times and the total."""
from __future__ import annotations

from ..model.plans import Plan
from ..model.routines import format_duration


def outline_markdown(plan: Plan) -> str:
    """The plan as a numbered list with each block's time, the moves before it, and the total."""
    lines = []
    for i, b in enumerate(plan.blocks):
        moves = plan.transitions(i)
        line = f"{i + 1}. **{b.title}**: {format_duration(b.total_seconds)}"
        if moves:
            said = ", ".join(m.label[0].lower() + m.label[1:] for m in moves)
            line += f" (first {said}: {format_duration(sum(m.seconds for m in moves))})"
        if b.over_dose:
            line += f". {b.over_dose}"
        lines.append(line)
    lines.append(f"\nTotal: {format_duration(plan.total_seconds)}, of which"
                 f" {format_duration(plan.transition_seconds)} is for getting down and up and handing out"
                 " equipment.")
    return "\n".join(lines)
