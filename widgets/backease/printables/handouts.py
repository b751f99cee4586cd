"""A class handout: the plan with its times, its equipment, the red flags, then every exercise's sheet."""
from __future__ import annotations

from html import escape

from ..model.positions import TRANSITION_NOTE
from ..model.plans import Plan
from ..model.routines import format_duration
from .common import bullet_list, pose_img, red_flags_box
from .sheets import routine_sheet


OUTLINE_HEAD = "<thead><tr><th>#</th><th>First</th><th>Part</th><th>Time</th></tr></thead>"

OUTLINE_TOTAL = "Total {total}, of which {moving} for moving and handing out equipment. " + TRANSITION_NOTE


def outline_table(plan: Plan) -> str:
    """The plan block by block: the time to move and set up first, then the block's own time."""
    rows = []
    for i, b in enumerate(plan.blocks):
        moves = plan.transitions(i)
        move = "; ".join(f"{m.label} ({format_duration(m.seconds)})" for m in moves)
        note = f'<br><span class="be-print-note">{escape(b.over_dose)}</span>' if b.over_dose else ""
        rows.append(f"<tr><td>{i + 1}</td><td>{escape(move)}</td><td>{escape(b.title)}{note}</td>"
                    f"<td>{format_duration(b.total_seconds)}</td></tr>")
    return (f'<table class="be-print-table">{OUTLINE_HEAD}<tbody>{"".join(rows)}</tbody></table>'
            f"<p>{escape(OUTLINE_TOTAL.format(total=format_duration(plan.total_seconds), moving=format_duration(plan.transition_seconds)))}</p>")


def handout_head(plan: Plan, participants: int = 8) -> list[str]:
    """The start of a class handout as pieces of HTML to join: the plan with its times, its
    equipment, the red flags (a piece every handout shares)."""
    equipment = bullet_list(c.words for c in plan.equipment(participants))
    return [f"<h2>{escape(plan.title)}</h2>{outline_table(plan)}",
            f'<p class="be-print-label">Equipment for {participants} people</p>{equipment}', *handout_tail()]


def handout_tail() -> list[str]:
    """What a handout has between its plan and its exercise sheets, as pieces of HTML to join:
    the red flags and a heading."""
    return [red_flags_box(), "<h3 class=\"be-print-exercises\">The exercises</h3>"]


def handout_html(plan: Plan, participants: int = 8, figure=pose_img) -> str:
    """A whole class handout: the plan, its equipment, the red flags, then every exercise."""
    items = "".join(routine_sheet(r.name, figure) for r in plan.routines())
    return f'<div class="be-handout-print">{"".join(handout_head(plan, participants))}{items}</div>'


class HandoutView:
    """Display object: a printable handout for a class plan."""

    def __init__(self, plan: Plan, participants: int = 8):
        self.plan, self.participants = plan, participants

    def _repr_html_(self) -> str:
        return handout_html(self.plan, self.participants)

    def __repr__(self) -> str:
        return f"Handout for {self.plan.title}: " + ", ".join(r.title for r in self.plan.routines())
