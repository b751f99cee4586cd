"""The pain, tension and shallow-breathing loop that one source article describes, as a cycle diagram."""
from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from .style import PALETTE

# Each stage leads to the next; the last leads back to the first.
LOOP = ("Pain", "Stress\nand worry", "Muscles\ntighten", "Breathing gets\nshallow")
# Where the gentle techniques of this guide try to step in: text, the stage it points at, where it sits.
WAYS_IN = (("Slow belly\nbreathing", 3, (-1.9, -2.8)), ("Letting\nmuscles relax", 2, (1.9, -2.8)))
RADIUS = 1.65
BOX = (1.85, 0.72)  # width, height of a stage's box


def stage_centres() -> list[tuple[float, float]]:
    """Centre of each stage, clockwise from the top."""
    n = len(LOOP)
    return [(RADIUS * math.sin(2 * math.pi * i / n), RADIUS * math.cos(2 * math.pi * i / n)) for i in range(n)]


def _box(ax, centre, text, *, colour, face, gid, dashed=False):
    w, h = BOX
    ax.add_patch(FancyBboxPatch((centre[0] - w / 2, centre[1] - h / 2), w, h, gid=gid,
                                boxstyle="round,pad=0,rounding_size=0.18", facecolor=face, edgecolor=colour,
                                lw=1.4, linestyle="--" if dashed else "-"))
    ax.text(*centre, text, ha="center", va="center", fontsize=11, color=PALETTE["ink"], linespacing=1.15)


def draw_tension_loop(width: float = 4.2) -> Figure:
    """The loop as boxes joined by arrows, with the two places where this guide's techniques step in."""
    fig = Figure(figsize=(width, width * 0.92))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_aspect("equal")
    ax.axis("off")
    centres = stage_centres()
    for i, (centre, text) in enumerate(zip(centres, LOOP)):
        _box(ax, centre, text, colour=PALETTE["warm"], face="#fbeee7", gid=f"stage:{i}")
    for i, start in enumerate(centres):
        end = centres[(i + 1) % len(centres)]
        ax.add_patch(FancyArrowPatch(start, end, connectionstyle="arc3,rad=-0.32", arrowstyle="-|>",
                                     mutation_scale=16, lw=1.8, color=PALETTE["warm"], shrinkA=30, shrinkB=30,
                                     gid=f"loop-arrow:{i}"))
    ax.text(0, 0, "each step\nfeeds the next", ha="center", va="center", fontsize=9, color=PALETTE["muted"],
            style="italic")
    for text, stage, where in WAYS_IN:
        target = centres[stage]
        _box(ax, where, text, colour=PALETTE["accent"], face="#e6f3ee", gid=f"way-in:{stage}", dashed=True)
        ax.add_patch(FancyArrowPatch(where, target, arrowstyle="-|>", mutation_scale=14, lw=1.4,
                                     linestyle="--", color=PALETTE["accent"], shrinkA=18, shrinkB=20,
                                     gid=f"way-in-arrow:{stage}"))
    ax.set_xlim(-2.95, 2.95)
    ax.set_ylim(-3.25, RADIUS + 0.45)
    return fig
