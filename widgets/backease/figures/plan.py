"""A class plan's timeline: one bar per block, along the minutes of the class."""
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..model.plans import Plan
from ..model.routines import format_duration
from .style import PALETTE

TALK, EXERCISE, MOVE = PALETTE["line"], PALETTE["accent"], PALETTE["muted"]


def draw_plan(plan: Plan, width: float = 7.5) -> Figure:
    """Draw ``plan`` as a chart: a row per block, its bar where it falls in the class, minutes below."""
    fig = Figure(figsize=(width, 0.36 * len(plan.blocks) + 1.3))
    ax = fig.subplots()
    start = 0.0
    for row, block in enumerate(plan.blocks):
        moving = plan.moving_seconds(row) / 60
        if moving:
            ax.barh(row, moving, left=start, height=0.3, color=MOVE)
            start += moving
        minutes = block.total_seconds / 60
        ax.barh(row, minutes, left=start, height=0.7, color=TALK if block.talk else EXERCISE)
        ax.text(start + minutes + 0.4, row, format_duration(block.total_seconds), va="center", fontsize=9,
                color=PALETTE["muted"])
        start += minutes
    ax.set_yticks(range(len(plan.blocks)), [b.title for b in plan.blocks], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, start * 1.12)
    ax.set_xticks(range(0, int(start) + 1, 5))
    ax.set_xlabel(f"Minutes (total {format_duration(plan.total_seconds)})")
    ax.legend(handles=[Patch(color=EXERCISE, label="Exercise (timed)"), Patch(color=TALK, label="Talk"),
                       Patch(color=MOVE, label="Getting down or up, handing out")],
              loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False)
    return fig
