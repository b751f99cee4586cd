"""The leg-length check, drawn: a person seen from behind with a helper's hands on the hip bones.

Seen from behind, the person's left is on the left of the picture. A shorter leg lowers
its side of the pelvis, and the helper's hands, resting on the tops of the hip bones (the
iliac crests), show it: one hand sits lower. Books under the shorter leg's foot level them.
The difference is drawn larger than life so it can be seen.

Shapes that tests look for carry a gid: "hand-left", "hand-right", "foot-left",
"foot-right", "book" (each layer of the pile).
"""
from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.patches import Circle, Polygon, Rectangle

from ..errors import FigureError
from .style import PALETTE

SIDES = ("left", "right")
_X = {"left": -1, "right": 1}  # seen from behind, the person's left is on the left
_LEG = 62.0  # hip joint to floor, drawing units
_SHORT = 5.5  # how much shorter the short leg is drawn (exaggerated)
_HIP_HALF = 9.0  # hip joint to middle of the pelvis
_FOOT = (7.0, 5.0)  # width, height of a heel seen from behind
# The right iliac wing (x > 0), from the sacrum up over the crest and down to the hip joint.
_WING = ((3.5, 14), (5, 19), (8, 22), (12, 23), (15.5, 21), (17, 17), (13, 8), (10.5, 2.5), (7, 5), (4, 9))
_BOOKS = ("#c98a5a", PALETTE["warm"])  # two layers in the pile


def _check_side(side, what: str, *, allow_none: bool) -> None:
    allowed = SIDES + ((None,) if allow_none else ())
    if side not in allowed:
        names = ", ".join(repr(s) for s in allowed)
        raise FigureError(f"{what} must be one of {names}, got {side!r}")


def _draw_person(ax, hips: dict[str, float], feet: dict[str, float]) -> None:
    """Legs from each hip joint (height in ``hips``) to a heel standing at height ``feet``."""
    # The pelvis turns by the difference in hip heights; the torso turns with it.
    angle = math.atan2(hips["right"] - hips["left"], 2 * _HIP_HALF)
    centre_y = (hips["left"] + hips["right"]) / 2

    def turn(points):
        c, s = math.cos(angle), math.sin(angle)
        return [(x * c - y * s, centre_y + x * s + y * c) for x, y in points]

    for side, sx in _X.items():
        (hip_x, hip_y), heel_top = turn([(sx * _HIP_HALF, 0)])[0], feet[side] + _FOOT[1]
        ax.add_patch(Polygon(
            [(hip_x - sx * 4.5, hip_y + 3), (hip_x + sx * 5.5, hip_y + 1), (sx * 12.5, heel_top + 2),
             (sx * 8.0, heel_top + 2)],
            closed=True, facecolor=PALETTE["accent-light"], edgecolor=PALETTE["accent"], lw=1.2, alpha=0.55,
        ))
        foot = Rectangle((sx * 10.25 - _FOOT[0] / 2, feet[side]), _FOOT[0], _FOOT[1],
                         facecolor=PALETTE["accent"], edgecolor="none")
        foot.set_gid(f"foot-{side}")
        ax.add_patch(foot)
    ax.add_patch(Polygon(turn([(-16, -2), (-18, 14), (-15, 28), (-16, 40), (16, 40), (15, 28), (18, 14),
                               (16, -2), (0, -5)]),
                         closed=True, facecolor=PALETTE["accent-light"], edgecolor=PALETTE["accent"],
                         lw=1.2, alpha=0.4))
    bone = dict(closed=True, facecolor=PALETTE["paper"], edgecolor=PALETTE["muted"], lw=1.4)
    for sx in (-1, 1):  # iliac wings: their top edge is the crest
        ax.add_patch(Polygon(turn([(sx * x, y) for x, y in _WING]), **bone))
        ax.add_patch(Circle(turn([(sx * _HIP_HALF, 0)])[0], 2.2, facecolor=PALETTE["paper"],
                            edgecolor=PALETTE["muted"], lw=1.2))
    ax.add_patch(Polygon(turn([(-3.5, 19), (3.5, 19), (0, 3)]), **bone))  # sacrum
    ax.plot(*zip(*turn([(0, 19), (0, 40)])), color=PALETTE["muted"], lw=1.2, ls=(0, (2, 2)))  # spine
    for side, sx in _X.items():  # the helper's hands, resting on the crests, fingers pointing in
        hand = Polygon(turn([(sx * 9, 23), (sx * 22, 23), (sx * 24, 25.5), (sx * 22, 28), (sx * 9, 28),
                             (sx * 7.5, 25.5)]), closed=True, facecolor=PALETTE["warm"],
                       edgecolor=PALETTE["ink"], lw=0.8, alpha=0.9)
        hand.set_gid(f"hand-{side}")
        ax.add_patch(hand)


def _hand_top(ax, side: str) -> float:
    hand = next(p for p in ax.patches if p.get_gid() == f"hand-{side}")
    return max(y for _, y in hand.get_xy())


def _level_line(ax, top: float, *, label: bool) -> None:
    """A dashed line level with the higher hand, labelled "level" when both hands are on it."""
    ax.axhline(top, xmin=0.1, xmax=0.9, color=PALETTE["ink"], lw=1, ls="--")
    if label:
        ax.text(29, top + 1.5, "level", ha="center", va="bottom", fontweight="bold")


def _frame(ax, top: float) -> None:
    ax.axhline(0, color=PALETTE["ink"], lw=1.5)
    for side, sx in _X.items():
        ax.text(sx * 11, -5, side.capitalize(), ha="center", va="top", fontweight="bold")
    ax.text(0, -14, "Seen from behind", ha="center", va="top", color=PALETTE["muted"], fontsize=9)
    ax.set_xlim(-36, 36)
    ax.set_ylim(-20, top)
    ax.set_aspect("equal")
    ax.axis("off")


def draw_hands_on_crests(lower: str | None = None, width: float = 4.2) -> Figure:
    """A person from behind with a helper's hands on the tops of both hip bones.

    ``lower`` is None (level hips) or the side ("left"/"right") whose leg is shorter, so that
    its hip bone and the helper's hand on it sit lower.
    """
    _check_side(lower, "lower", allow_none=True)
    hips = {side: _LEG - (_SHORT if side == lower else 0.0) for side in SIDES}
    fig = Figure(figsize=(width, width * 1.35))
    ax = fig.subplots()
    _draw_person(ax, hips, {side: 0.0 for side in SIDES})
    top = max(_hand_top(ax, s) for s in SIDES)
    _level_line(ax, top, label=lower is None)
    if lower:
        low_top = _hand_top(ax, lower)
        x = _X[lower] * 29
        ax.annotate("", xy=(x, low_top), xytext=(x, top),
                    arrowprops=dict(arrowstyle="|-|,widthA=0.3,widthB=0.3", color=PALETTE["ink"], lw=1.5))
        ax.text(x, top + 1.5, "lower", ha="center", va="bottom", fontweight="bold")
    _frame(ax, top + 10)
    return fig


def draw_book_under_foot(side: str, width: float = 4.2) -> Figure:
    """The same person, shorter leg on ``side``, standing with a pile of books under that foot.

    The books make up the difference, so the hips and the helper's hands are level.
    """
    _check_side(side, "side", allow_none=False)
    feet = {s: (_SHORT if s == side else 0.0) for s in SIDES}
    hips = {s: _LEG for s in SIDES}
    fig = Figure(figsize=(width, width * 1.35))
    ax = fig.subplots()
    sx = _X[side]
    layer = _SHORT / len(_BOOKS)
    for i, colour in enumerate(_BOOKS):
        book = Rectangle((sx * 10.25 - 7.5, i * layer), 15, layer, facecolor=colour, edgecolor=PALETTE["ink"],
                         lw=0.6)
        book.set_gid("book")
        ax.add_patch(book)
    _draw_person(ax, hips, feet)
    top = max(_hand_top(ax, s) for s in SIDES)
    _level_line(ax, top, label=True)
    ax.annotate("books", xy=(sx * 18, _SHORT / 2), xytext=(sx * 27, 20), ha="center",
                arrowprops=dict(arrowstyle="->", color=PALETTE["ink"], lw=1))
    _frame(ax, top + 10)
    return fig


# The drawings a walkthrough step can name in its ``figure``.
CHECK_FIGURES = {
    "hands-level": lambda: draw_hands_on_crests(None),
    "left-lower": lambda: draw_hands_on_crests("left"),
    "right-lower": lambda: draw_hands_on_crests("right"),
    "book-under-left": lambda: draw_book_under_foot("left"),
    "book-under-right": lambda: draw_book_under_foot("right"),
}
