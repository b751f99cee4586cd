"""A routine's timeline: every segment the timer counts, as coloured blocks along the minutes."""
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..model.routines import Routine, format_duration
from .style import PALETTE

KIND_STYLE = {
    "get-ready": ("Get ready", PALETTE["line"]),
    "work": ("Exercise", PALETTE["accent"]),
    "switch": ("Switch sides", PALETTE["warm"]),
    "rest": ("Rest", PALETTE["accent-light"]),
}


def draw_timeline(routine: Routine, width: float = 7.5) -> Figure:
    """Draw ``routine`` as a bar of segments, one row per step, with minutes along the bottom."""
    segments = routine.segments()
    rows = [s.label if s.kind == "work" else KIND_STYLE[s.kind][0] for s in segments]
    order = list(dict.fromkeys(rows))
    fig = Figure(figsize=(width, 0.55 * len(order) + 1.2))
    ax = fig.subplots()
    start = 0.0
    for seg, row in zip(segments, rows):
        name, colour = KIND_STYLE[seg.kind]
        y = order.index(row)
        ax.barh(y, seg.seconds, left=start, color=colour, edgecolor="white", height=0.6)
        if seg.side and seg.kind == "work":
            ax.text(start + seg.seconds / 2, y, seg.side[0].upper(), ha="center", va="center", color="white",
                    fontweight="bold")
        start += seg.seconds
    ax.set_yticks(range(len(order)), order)
    ax.invert_yaxis()
    ax.set_xlim(0, start)
    step = 60 if start > 240 else 30 if start > 90 else 10
    ticks = list(range(0, int(start) + 1, step))
    ax.set_xticks(ticks, [format_duration(t) if t else "0" for t in ticks])
    ax.set_xlabel(f"Time (total {format_duration(start)})")
    used = [k for k in KIND_STYLE if any(s.kind == k for s in segments)]
    ax.legend(handles=[Patch(color=KIND_STYLE[k][1], label=KIND_STYLE[k][0]) for k in used],
              loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(used), frameon=False)
    return fig
