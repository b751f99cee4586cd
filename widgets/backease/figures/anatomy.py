"""The spine and the muscles around it, drawn from small tables of anatomy.

Every shape that a test or a caption talks about carries a ``gid`` (it becomes the
shape's id in the SVG), such as ``vertebra:<region>``, ``disc``, ``body:upper``,
``arch:lower``, ``facet-joint``, ``deep-muscle``, ``long-muscle``, ``psoas`` or
``quadratus-lumborum``. Side views put the front of the body on the left.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Ellipse, FancyBboxPatch, Polygon

from ..errors import FigureError
from .style import PALETTE


@dataclass(frozen=True)
class Region:
    """One region of the spine, as the side view draws it (lengths in drawing units)."""

    key: str
    name: str
    count: int      # bones drawn: separate vertebrae, or 1 for a bone made of fused vertebrae
    height: float   # height of one bone
    width: float    # front-to-back depth of one bone
    bow: float      # how far the region's curve bows: > 0 towards the back, < 0 towards the front
    fill: str
    fused: bool = False

    @property
    def count_text(self) -> str:
        return "one bone of fused vertebrae" if self.fused else f"{self.count} vertebrae"

    @property
    def curve_text(self) -> str:
        if self.bow == 0:
            return ""
        return "curves towards the back" if self.bow > 0 else "curves towards the front"


REGIONS = (
    Region("cervical", "Cervical (neck)", 7, 0.55, 0.9, -0.6, "#dbe9f6"),
    Region("thoracic", "Thoracic (chest)", 12, 0.72, 1.15, 0.8, "#f6e7cc"),
    Region("lumbar", "Lumbar (low back)", 5, 0.95, 1.55, -0.75, "#d6eee3"),
    Region("sacrum", "Sacrum", 1, 3.2, 1.5, 0.55, "#e9e0f3", fused=True),
    Region("coccyx", "Coccyx (tailbone)", 1, 0.9, 0.45, 0.0, "#f3dddd", fused=True),
)
DISC_GAP = 0.22          # height of a disc between two vertebrae
BONE_EDGE = PALETTE["muted"]
DISC_FILL = PALETTE["accent-light"]
DEEP_FILL = PALETTE["accent"]
LONG_FILL = PALETTE["warm"]
LABEL_SIZE = 10


def _region(key: str) -> Region:
    return next(r for r in REGIONS if r.key == key)


def _blank_axes(fig: Figure):
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _fit(fig: Figure, ax, width: float) -> Figure:
    """Give the figure the shape of its drawing, so that no space is wasted around it."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    fig.set_size_inches(width, width * (y1 - y0) / (x1 - x0))
    return fig


def _spine_layout() -> list[tuple[Region, int, float, float]]:
    """Every bone, top to bottom, as (region, index, top depth, bottom depth)."""
    bones, depth = [], 0.0
    for region in REGIONS:
        for i in range(region.count):
            bones.append((region, i, depth, depth + region.height))
            depth += region.height + (0.0 if region.fused else DISC_GAP)
    return bones


def _region_spans(bones) -> dict[str, tuple[float, float]]:
    return {r.key: (min(t for b, _, t, _ in bones if b is r), max(e for b, _, _, e in bones if b is r))
            for r in REGIONS}


def _centre_x(depth: float, spans) -> float:
    """How far the spine's centre line sits towards the back (+) or front (-) at ``depth``.

    The neck, chest and low back each bow in a half wave; the sacrum sweeps back in a quarter
    wave and the coccyx hooks a little forward at its end.
    """
    for region in REGIONS:
        top, bottom = spans[region.key]
        t = min(max((depth - top) / (bottom - top), 0.0), 1.0)
        if depth <= bottom + DISC_GAP:
            if region.key == "sacrum":
                return region.bow * math.sin(math.pi / 2 * t)
            if region.key == "coccyx":
                return _region("sacrum").bow - 0.25 * t * t
            return region.bow * math.sin(math.pi * t)
    raise FigureError(f"depth {depth!r} is below the spine")


def _band(top: float, bottom: float, width_top: float, width_bottom: float, spans, samples: int = 2):
    """Outline of a slice of the spine between two depths: front edge down, back edge up."""
    depths = np.linspace(top, bottom, samples)
    widths = np.linspace(width_top, width_bottom, samples)
    xs = np.array([_centre_x(d, spans) for d in depths])
    eps = 1e-3
    slopes = np.array([(_centre_x(d + eps, spans) - _centre_x(d - eps, spans)) / (2 * eps) for d in depths])
    norm = np.hypot(1.0, slopes)
    across = np.column_stack((1.0 / norm, slopes / norm))  # unit vector towards the back
    centre = np.column_stack((xs, -depths))
    front = centre - across * widths[:, None] / 2
    back = centre + across * widths[:, None] / 2
    return np.vstack((front, back[::-1])), centre, across


def draw_spine(height: float = 7.0) -> Figure:
    """The whole spine from the side: every vertebra by region, the discs, and each region's curve."""
    fig = Figure(figsize=(height * 0.62, height))
    ax = _blank_axes(fig)
    bones = _spine_layout()
    spans = _region_spans(bones)
    for region, i, top, bottom in bones:
        w = region.width
        w_bottom = {"sacrum": 0.45 * w, "coccyx": 0.3 * w}.get(region.key, w)
        outline, centre, across = _band(top, bottom, w, w_bottom, spans, samples=8 if region.fused else 2)
        ax.add_patch(Polygon(outline, closed=True, facecolor=region.fill, edgecolor=BONE_EDGE, lw=0.8,
                             gid=f"vertebra:{region.key}"))
        if not region.fused:  # a spinous process pointing back and down
            mid, back = centre.mean(axis=0), across.mean(axis=0)
            down = np.array((back[1], -back[0]))
            h = region.height
            spike = [mid + back * (w / 2 + 0.08) - down * 0.3 * h,
                     mid + back * (w / 2 + 0.08 + 0.55 * w) + down * 0.75 * h,
                     mid + back * (w / 2 + 0.08) + down * 0.2 * h]
            ax.add_patch(Polygon(spike, closed=True, facecolor=region.fill, edgecolor=BONE_EDGE, lw=0.8,
                                 gid="spinous-process"))
    # A disc sits below every mobile vertebra except the first (the top two neck bones meet
    # at joints, not a disc), down to the one between the last lumbar vertebra and the sacrum.
    for (upper, i, _, gap_top), (_, _, gap_bottom, _) in zip(bones, bones[1:]):
        if upper.fused or (upper.key == "cervical" and i == 0):
            continue
        outline, _, _ = _band(gap_top, gap_bottom, upper.width * 0.96, upper.width * 0.96, spans)
        ax.add_patch(Polygon(outline, closed=True, facecolor=DISC_FILL, edgecolor="none", gid="disc"))

    right = max(_centre_x(d, spans) for d in np.linspace(0, bones[-1][3], 200)) + 1.6
    for region in REGIONS:
        top, bottom = spans[region.key]
        ax.plot([right, right], [-top - 0.05, -bottom + 0.05], color=PALETTE["ink"], lw=1.2)
        lines = [region.name] if region.key == "coccyx" else [region.name, region.count_text, region.curve_text]
        ax.text(right + 0.25, -(top + bottom) / 2, "\n".join(lines), va="center", ha="left",
                fontsize=LABEL_SIZE, linespacing=1.25, gid=f"label:{region.key}")
    ax.text(-1.0, 0.6, "\u2190 front", va="center", ha="right", fontsize=LABEL_SIZE, color=PALETTE["muted"])
    ax.text(1.1, 0.6, "back \u2192", va="center", ha="left", fontsize=LABEL_SIZE, color=PALETTE["muted"])
    ax.set_xlim(-3.6, right + 4.6)
    ax.set_ylim(-bones[-1][3] - 0.5, 1.5)
    return fig


# Two lumbar vertebrae from the side, in local units: front on the left, up is up.
# Each vertebra is drawn from these outlines, moved down by SEGMENT_STEP for the lower one.
BODY = (0.0, 0.0, 3.0, 2.0)                        # x, y, width, height of the vertebral body
# The bony arch behind the body: a bridge back from the body, a process rising to meet the
# vertebra above, the spinous process pointing back and down, and a process hanging down
# behind the vertebra below. The two processes that touch form a facet joint.
ARCH = [(2.9, 1.95), (4.0, 1.95), (4.15, 2.75), (4.55, 2.95), (4.9, 2.8), (4.95, 1.85), (7.3, 1.15),
        (7.6, 0.75), (7.45, 0.35), (5.75, 0.5), (5.65, -0.55), (5.35, -0.75), (5.02, -0.5), (4.95, 0.9),
        (4.3, 1.15), (2.9, 1.15)]
FACET_X = 4.96                                     # where the two processes meet
DISC_HEIGHT = 0.75
SEGMENT_STEP = BODY[3] + DISC_HEIGHT


def draw_vertebra_pair(width: float = 4.4) -> Figure:
    """Two vertebrae and the disc between them, from the side, with the parts named."""
    fig = Figure()
    ax = _blank_axes(fig)
    style = dict(facecolor=_region("lumbar").fill, edgecolor=BONE_EDGE, lw=1.0)
    for level, dy in (("upper", 0.0), ("lower", -SEGMENT_STEP)):
        x, y, w, h = BODY
        ax.add_patch(FancyBboxPatch((x, y + dy), w, h, boxstyle="round,pad=0,rounding_size=0.25",
                                    gid=f"body:{level}", **style))
        ax.add_patch(Polygon([(px, py + dy) for px, py in ARCH], gid=f"arch:{level}", **style))
    # The disc fills the gap between the two bodies: a tough ring around a soft centre.
    ax.add_patch(FancyBboxPatch((0.08, -DISC_HEIGHT), 2.84, DISC_HEIGHT, gid="disc",
                                boxstyle="round,pad=0,rounding_size=0.2", facecolor=DISC_FILL,
                                edgecolor=PALETTE["accent"], lw=1.0))
    ax.add_patch(Ellipse((1.5, -DISC_HEIGHT / 2), 1.3, 0.4, facecolor="#c6e4d9", edgecolor="none", gid="soft-centre"))
    # The facet joint: where the upper vertebra's lower process meets the lower one's upper process.
    joint_top = max(y for _, y in ARCH) - SEGMENT_STEP     # top of the lower vertebra's rising process
    joint_bottom = min(y for _, y in ARCH)                 # tip of the upper vertebra's hanging process
    ax.plot([FACET_X, FACET_X], [joint_bottom + 0.1, joint_top - 0.1], color=PALETTE["warm"], lw=3.5,
            solid_capstyle="round", gid="facet-joint")
    for dy in (0.0, -SEGMENT_STEP):
        ax.text(BODY[0] + BODY[2] / 2, BODY[1] + BODY[3] / 2 + dy, "vertebral\nbody", ha="center", va="center",
                fontsize=LABEL_SIZE + 1, linespacing=1.1)
    labels = [  # text, where it points, where the text sits
        ("disc", (0.6, -DISC_HEIGHT / 2), (-0.5, -DISC_HEIGHT / 2)),
        ("spinous\nprocess", (7.35, 0.75), (8.0, 1.9)),
        ("facet\njoint", (FACET_X, -0.3), (8.0, -1.1)),
        ("opening for a nerve", (3.7, 0.2), (3.7, -4.4)),
    ]
    for text, point, where in labels:
        ax.annotate(text, xy=point, xytext=where, fontsize=LABEL_SIZE + 1, va="center", linespacing=1.1,
                    ha="right" if where[0] < 0 else ("left" if where[0] > 7 else "center"),
                    arrowprops=dict(arrowstyle="-", color=PALETTE["ink"], lw=0.8, shrinkA=2, shrinkB=0))
    ax.text(0.0, 3.6, "\u2190 front", color=PALETTE["muted"], ha="left", fontsize=LABEL_SIZE)
    ax.text(7.6, 3.6, "back \u2192", color=PALETTE["muted"], ha="right", fontsize=LABEL_SIZE)
    ax.set_xlim(-1.9, 10.1)
    ax.set_ylim(-4.9, 4.1)
    return _fit(fig, ax, width)


# The back seen from behind: a column of vertebrae with the deep layer drawn on the left
# and the outer (superficial) layer on the right, so neither hides the other.
COLUMN = 9                       # vertebrae drawn, top to bottom
PITCH = 0.9                      # distance between vertebra centres
DEEP_SPANS = (1, 2, 3)           # each deep bundle climbs this many vertebrae
LONG_MUSCLES = (                 # distance from the midline and width of each erector spinae
    (0.8, 0.5),                  #   column: spinalis, longissimus, iliocostalis
    (1.45, 0.65),
    (2.25, 0.7),
)


def _strip(start, end, half_width: float) -> np.ndarray:
    """A thin band from ``start`` to ``end``: one muscle bundle."""
    (x0, y0), (x1, y1) = start, end
    n = math.hypot(x1 - x0, y1 - y0)
    side = half_width * np.array([-(y1 - y0) / n, (x1 - x0) / n])
    a, b = np.array(start), np.array(end)
    return np.array([a + side, b + side, b - side, a - side])


def vertebra_centres() -> list[float]:
    """Heights of the vertebra centres in the back view, top first."""
    return [-i * PITCH for i in range(COLUMN)]


def draw_muscle_layers(width: float = 4.0) -> Figure:
    """The back from behind: short deep bundles (left half) and long outer columns (right half)."""
    fig = Figure()
    ax = _blank_axes(fig)
    ys = vertebra_centres()
    bone = dict(facecolor=_region("thoracic").fill, edgecolor=BONE_EDGE, lw=0.8)
    for y in ys:
        ax.add_patch(FancyBboxPatch((-0.4, y - 0.26), 0.8, 0.52, boxstyle="round,pad=0,rounding_size=0.12",
                                    gid="vertebra", **bone))
        for side in (-1, 1):  # transverse processes, one each side
            ax.add_patch(Polygon([(side * 0.4, y + 0.1), (side * 1.15, y + 0.05), (side * 1.15, y - 0.08),
                                  (side * 0.4, y - 0.1)], gid="transverse-process", **bone))
    # Deep layer (multifidus): from a transverse process up and in to the spinous process 1-3 levels up.
    for low in range(COLUMN - 1, 0, -1):
        for span in DEEP_SPANS:
            high = low - span
            if high >= 0:
                ax.add_patch(Polygon(_strip((-0.45 - 0.22 * span, ys[low]), (-0.12, ys[high] - 0.1), 0.05),
                                     facecolor=DEEP_FILL, alpha=0.6, edgecolor="none", gid="deep-muscle",
                                     zorder=3))
    # Outer layer (erector spinae): long spindles from the pelvis, past many vertebrae.
    pelvis = ys[-1] - 0.9
    for n, (offset, w) in enumerate(LONG_MUSCLES):
        top = ys[0] + 0.25 * n
        t = np.linspace(0, 1, 24)
        half = w / 2 * (0.45 + 0.55 * np.sqrt(np.sin(np.pi * t)))
        mid = offset + w / 2 + 0.12 * n * t
        y = pelvis + (top - pelvis) * t
        ax.add_patch(Polygon(np.vstack((np.column_stack((mid - half, y)), np.column_stack((mid + half, y))[::-1])),
                             facecolor=LONG_FILL, alpha=0.55, edgecolor=LONG_FILL, lw=0.8, gid="long-muscle"))
    ax.add_patch(Polygon([(-3.0, pelvis), (3.4, pelvis), (2.8, pelvis - 0.6), (-2.4, pelvis - 0.6)],
                         facecolor=_region("sacrum").fill, edgecolor=BONE_EDGE, lw=0.8, gid="pelvis"))
    ax.text(0.2, pelvis - 0.3, "pelvis", ha="center", va="center", fontsize=LABEL_SIZE + 1, color=PALETTE["ink"])
    ax.text(-1.65, ys[0] + 0.6, "Deep layer:\nshort bundles\nover 1 to 3\nvertebrae\n(multifidus)", ha="center",
            va="bottom", fontsize=LABEL_SIZE + 1, color=DEEP_FILL, linespacing=1.2)
    ax.text(2.0, ys[0] + 0.95, "Outer layer:\nlong columns\nover many\nvertebrae\n(erector spinae)", ha="center",
            va="bottom", fontsize=LABEL_SIZE + 1, color=LONG_FILL, linespacing=1.2)
    ax.text(0, ys[0] + 0.35, "spine", ha="center", va="bottom", fontsize=LABEL_SIZE - 1, color=PALETTE["muted"])
    ax.set_xlim(-3.1, 3.5)
    ax.set_ylim(pelvis - 0.75, ys[0] + 3.1)
    return _fit(fig, ax, width)


# The low back seen from the front: the last rib, the lumbar vertebrae and the pelvis.
# Coordinates are for the picture's right-hand side; the left-hand side is the mirror image.
LUMBAR_PITCH = 1.2
RIB = [(0.75, 0.3), (2.0, 0.05), (3.0, -0.6), (3.6, -1.5)]            # the last rib, from its vertebra
CREST = [(1.1, -6.6), (1.7, -5.7), (2.5, -5.25), (3.4, -5.2), (4.1, -5.55), (4.45, -6.3)]
HIP_BONE = CREST + [(4.3, -7.2), (3.9, -7.9), (3.2, -9.6), (1.9, -10.0), (0.2, -10.1), (0.2, -9.6),
                    (1.3, -9.1), (1.2, -7.6)]
HIP_JOINT = (3.35, -8.65)           # centre of the ball of the thigh bone in its socket
THIGH = [(3.25, -9.0), (4.1, -9.45), (4.4, -10.1), (4.1, -13.0), (3.3, -13.0), (3.45, -10.4)]
LESSER_TROCHANTER = (3.4, -10.5)    # the knob on the inner thigh bone where psoas ends
QL_INNER_X = 1.55                   # tips of the transverse processes, the muscle's inner edge


def lumbar_centres() -> list[float]:
    """Heights of the five lumbar vertebra centres in the front view, top first."""
    return [-(i + 1) * LUMBAR_PITCH for i in range(_region("lumbar").count)]


def _mirror(points, side: int) -> list[tuple[float, float]]:
    return [(side * x, y) for x, y in points]


def draw_psoas_and_ql(width: float = 4.6) -> Figure:
    """Front view of the low back: psoas on the picture's left, quadratus lumborum on its right."""
    fig = Figure()
    ax = _blank_axes(fig)
    bone = dict(facecolor=_region("lumbar").fill, edgecolor=BONE_EDGE, lw=0.9)
    ax.add_patch(FancyBboxPatch((-0.6, -0.35), 1.2, 0.7, boxstyle="round,pad=0,rounding_size=0.12",
                                gid="vertebra:thoracic", facecolor=_region("thoracic").fill,
                                edgecolor=BONE_EDGE, lw=0.9))
    for y in lumbar_centres():
        ax.add_patch(FancyBboxPatch((-0.7, y - 0.42), 1.4, 0.84, boxstyle="round,pad=0,rounding_size=0.15",
                                    gid="vertebra:lumbar", **bone))
        for side in (-1, 1):
            ax.add_patch(Polygon(_mirror([(0.7, y + 0.15), (QL_INNER_X, y + 0.1), (QL_INNER_X, y - 0.1),
                                          (0.7, y - 0.15)], side), gid="transverse-process", **bone))
    base = lumbar_centres()[-1] - 0.55
    ax.add_patch(Polygon([(-1.1, base), (1.1, base), (0.3, -9.3), (-0.3, -9.3)], gid="sacrum", **bone))
    for side in (-1, 1):
        ax.plot(*zip(*_mirror(RIB, side)), color=BONE_EDGE, lw=4, solid_capstyle="round", gid="last-rib")
        ax.add_patch(Polygon(_mirror(HIP_BONE, side), gid="hip-bone", **bone))
        ax.add_patch(Polygon(_mirror(THIGH, side), gid="thigh-bone", **bone))
        ax.add_patch(Circle((side * HIP_JOINT[0], HIP_JOINT[1]), 0.5, gid="hip-joint", **bone))
    # Psoas: from the sides of the last chest vertebra and every lumbar vertebra, over the rim of
    # the pelvis and in front of the hip joint, to the inner side of the thigh bone.
    psoas = _mirror([(0.6, 0.2), (0.75, lumbar_centres()[0]), (0.8, lumbar_centres()[-1]), (1.2, base - 0.8),
                     (2.6, -8.2), (3.15, -9.6), LESSER_TROCHANTER, (3.9, -9.6), (3.6, -8.2), (2.6, -6.6),
                     (1.85, lumbar_centres()[-1]), (1.5, lumbar_centres()[1]), (0.95, 0.35)], -1)
    ax.add_patch(Polygon(psoas, facecolor=LONG_FILL, alpha=0.6, edgecolor=LONG_FILL, lw=1, gid="psoas",
                         zorder=3))
    # Quadratus lumborum: from the last rib and the transverse processes down to the iliac crest.
    crest_part = [p for p in CREST if p[0] >= 1.6]
    ql = [RIB[1], RIB[2], RIB[3], crest_part[-1]] + crest_part[::-1][1:] + [(QL_INNER_X, lumbar_centres()[-1]),
                                                                          (QL_INNER_X, lumbar_centres()[0])]
    ax.add_patch(Polygon(ql, facecolor=DEEP_FILL, alpha=0.6, edgecolor=DEEP_FILL, lw=1, gid="quadratus-lumborum",
                         zorder=3))
    labels = [  # text, where it points, where the text sits, colour
        ("psoas", (-1.6, -4.0), (-4.8, -3.3), LONG_FILL),
        ("quadratus\nlumborum", (2.5, -3.0), (4.8, -2.9), DEEP_FILL),
        ("last rib", (-2.6, -0.25), (-4.8, 0.8), PALETTE["ink"]),
        ("iliac crest\n(top of the\nhip bone)", CREST[3], (4.8, -5.2), PALETTE["ink"]),
        ("transverse\nprocess", (-1.2, lumbar_centres()[1]), (-4.8, -1.5), PALETTE["ink"]),
        ("hip joint", (-HIP_JOINT[0] - 0.4, HIP_JOINT[1]), (-4.8, -8.0), PALETTE["ink"]),
        ("thigh bone", (3.9, -11.8), (4.8, -11.6), PALETTE["ink"]),
    ]
    for text, point, where, colour in labels:
        ax.annotate(text, xy=point, xytext=where, fontsize=LABEL_SIZE + 1, va="center", color=colour,
                    ha="right" if where[0] < 0 else "left", linespacing=1.15,
                    arrowprops=dict(arrowstyle="-", color=PALETTE["ink"], lw=0.8, shrinkA=2, shrinkB=0))
    ax.set_xlim(-7.3, 7.3)
    ax.set_ylim(-13.3, 1.5)
    return _fit(fig, ax, width)
