"""Drawing the pose figures with matplotlib: the solved body, its props and arrows, in the book's colours."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.text import Text

from ..errors import PoseError
from .pose_model import FONT_PT, LIFTS, MAT, OUTLINE_PT, RADIUS, SCALE, Arrow, Pose, Prop, Scene, TopPose
from .pose_solver import Body, anchor_point, part_of, place, surfaces
from .style import PALETTE


def _mix(colour: str, amount: float) -> str:
    """``colour`` faded towards the paper colour by ``amount`` (0 = unchanged, 1 = paper)."""
    c, p = to_rgb(colour), to_rgb(PALETTE["paper"])
    return to_hex(tuple(a + (b - a) * amount for a, b in zip(c, p)))


LAYER_COLOURS = {  # (outline, fill), drawn in this order: far limbs behind, near limbs in front
    "far": (_mix(PALETTE["accent"], 0.5), _mix(PALETTE["accent-light"], 0.55)),
    "body": (PALETTE["accent"], PALETTE["accent-light"]),
    "face": (PALETTE["accent"], PALETTE["accent"]),
    "near_leg": (PALETTE["accent"], PALETTE["accent-light"]),
    "near_arm": (PALETTE["accent"], PALETTE["accent-light"]),
}
TOOL = (PALETTE["warm"], _mix(PALETTE["warm"], 0.6))  # small things you use: ball, towel, roller, book
FURNITURE = (PALETTE["muted"], _mix(PALETTE["line"], 0.45))  # table, chair, box
MAT_COLOURS = (PALETTE["muted"], _mix(PALETTE["muted"], 0.8))


# --- props -----------------------------------------------------------------------------------------
@dataclass
class Shape:
    """A drawn prop or arrow piece, with its extent for sizing the figure."""

    artist: object
    extent: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax in cm


def _rect(x0, y0, x1, y1, colours, label, z=1.0) -> Shape:
    edge, face = colours
    r = Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=face, edgecolor=edge, linewidth=1.2, zorder=z,
                  label=label)
    return Shape(r, (x0, y0, x1, y1))


@dataclass(frozen=True)
class _Disc:
    """A round prop (ball, roller end, towel roll), drawn as a dot with an outline: tiny in SVG."""

    x: float
    y: float
    r: float
    colours: tuple[str, str]
    label: str
    z: float


def _circle(cx, cy, r, colours, label, z=1.0) -> Shape:
    return Shape(_Disc(cx, cy, r, colours, label, z), (cx - r, cy - r, cx + r, cy + r))


def _line(xs, ys, colour, width_pt, label, z=1.0, style="-") -> Shape:
    ln = Line2D(xs, ys, color=colour, linewidth=width_pt, linestyle=style, solid_capstyle="round",
                solid_joinstyle="round", zorder=z, label=label)
    return Shape(ln, (min(xs), min(ys), max(xs), max(ys)))


def _prop_shapes(prop: Prop, body: Body, floor: float, tops: dict[str, float], facing: int) -> list[Shape]:
    """The shapes of one prop, placed against the body. ``facing`` is +1 (right) or -1 (left)."""
    label = f"prop:{prop.kind}"
    mark = body.landmarks[prop.at]
    xs = [x for c in body.capsules for x, _ in c.points]
    kind = prop.kind
    if kind == "towel":  # its end sticks out beside the body, so it is drawn in front of the trunk
        r = min(max((mark[1] - floor) / 2, 3.0), 4.5)
        return [_circle(mark[0], floor + r, r, TOOL, label, z=2.35),
                _circle(mark[0], floor + r, r * 0.45, TOOL, label + ":detail", z=2.36)]
    if kind in ("ball", "roller"):
        part = part_of(prop.at)
        x, _ = body.lowest(part)
        r = LIFTS[kind] / 2
        shapes = [_circle(x, floor + r, r, TOOL, label, z=0.5)]
        if kind == "roller":
            shapes.append(_circle(x, floor + r, r * 0.35, TOOL, label + ":detail", z=0.6))
        return shapes
    if kind == "strap":
        near, far = body.landmarks["near_hand"], body.landmarks["far_hand"]
        return [_line([near[0], mark[0], far[0]], [near[1], mark[1], far[1]], PALETTE["warm"], 2.2, label, z=6)]
    if kind == "level":
        x, y = mark
        return [_line([x, x + facing * 75], [y, y], PALETTE["muted"], 1.1, label, z=0.4, style=(0, (4, 3)))]
    if kind == "mat":
        return [_rect(min(xs) - 22, 0.0, max(xs) + 22, MAT, MAT_COLOURS, label, z=0.3)]
    if kind == "box":  # held in the hands, between the legs: in front of the far leg, behind the near one
        x, y = mark
        return [_rect(x - 15, floor, x + 15, y + 6, FURNITURE, label, z=2.15)]
    if kind == "table":
        if prop.at.endswith("hand"):
            x, y = mark
            top = y - RADIUS["forearm"]
            x0, x1 = sorted((x - facing * 12, x + facing * 55))
        else:
            top = tops["pelvis"]
            edge = mark[0]
            far_end = min(min(xs) - 15, edge - 100) if facing > 0 else max(max(xs) + 15, edge + 100)
            x0, x1 = sorted((edge, far_end))
        return [_rect(x0, top - 4, x1, top, FURNITURE, label, z=0.5),
                _rect(x0 + 5, floor, x0 + 9, top - 4, FURNITURE, label + ":detail", z=0.4),
                _rect(x1 - 9, floor, x1 - 5, top - 4, FURNITURE, label + ":detail", z=0.4)]
    if kind == "chair" and prop.at.endswith("hand"):  # in front, seat towards the person, to hold on to
        x, y = mark
        top, near_x = y - RADIUS["forearm"], x - facing * 10
        far_x = near_x + facing * 46
        x0, x1 = sorted((near_x, far_x))
        return [_rect(x0, top - 4, x1, top, FURNITURE, label, z=0.5),
                _rect(near_x - (0 if facing > 0 else 4), floor, near_x + (4 if facing > 0 else 0), top - 4,
                      FURNITURE, label + ":detail", z=0.4),
                _rect(far_x - (4 if facing > 0 else 0), floor, far_x + (0 if facing > 0 else 4), top + 42,
                      FURNITURE, label + ":detail", z=0.4)]
    if kind == "chair":
        top = tops["pelvis"]
        trunk_xs = [x for c in body.capsules if c.part in ("pelvis", "waist") for x, _ in c.points]
        r = RADIUS["pelvis"]
        back_x = (min(trunk_xs) - r) if facing > 0 else (max(trunk_xs) + r)
        front_x = back_x + facing * 46
        x0, x1 = sorted((back_x, front_x))
        return [_rect(x0, top - 4, x1, top, FURNITURE, label, z=0.5),
                _rect(front_x - (4 if facing > 0 else 0), floor, front_x + (0 if facing > 0 else 4), top - 4,
                      FURNITURE, label + ":detail", z=0.4),
                _rect(back_x - (4 if facing > 0 else 0), floor, back_x + (0 if facing > 0 else 4), top + 42,
                      FURNITURE, label + ":detail", z=0.4)]
    raise PoseError(f"no drawing for prop kind {kind!r}")


def _top_prop_shapes(prop: Prop, body: Body) -> list[Shape]:
    """A mat under the body, or a dashed level line (the straight line the body started on)."""
    xs = [x for c in body.capsules for x, _ in c.points]
    ys = [y for c in body.capsules for _, y in c.points]
    if prop.kind == "mat":
        return [_rect(min(xs) - 20, min(ys) - 26, max(xs) + 20, max(ys) + 26, MAT_COLOURS, "prop:mat", z=0.3)]
    if prop.kind == "level":
        if prop.at not in body.landmarks:
            raise PoseError(f"prop 'level' is placed at {prop.at!r}, which is not a landmark; "
                            f"use one of {', '.join(sorted(body.landmarks))}")
        y = body.landmarks[prop.at][1]
        return [_line([min(xs) - 14, max(xs) + 14], [y, y], PALETTE["muted"], 1.1, "prop:level", z=0.4,
                      style=(0, (4, 3)))]
    raise PoseError(f"a view from above can show a mat or a level line, not a {prop.kind!r}")


# --- arrows ----------------------------------------------------------------------------------------
def _arrow_shapes(arrow: Arrow, body: Body, facing: int) -> list[Shape]:
    (x1, y1), (x2, y2) = anchor_point(arrow.start, body, facing), anchor_point(arrow.end, body, facing)
    rad = arrow.bend * facing
    style = "<|-|>" if arrow.both else "-|>"
    patch = FancyArrowPatch((x1, y1), (x2, y2), arrowstyle=f"{style},head_length=5,head_width=3.2",
                            connectionstyle=f"arc3,rad={rad}", color=PALETTE["warm"], linewidth=1.8,
                            shrinkA=0, shrinkB=0, zorder=8, label="arrow")
    dx, dy = x2 - x1, y2 - y1
    mx, my = (x1 + x2) / 2 + 0.5 * rad * dy, (y1 + y2) / 2 - 0.5 * rad * dx
    shapes = [Shape(patch, (min(x1, x2, mx), min(y1, y2, my), max(x1, x2, mx), max(y1, y2, my)))]
    if arrow.label:
        n = math.hypot(dx, dy) or 1.0
        ox, oy = dy / n, -dx / n  # the outside of the curve (or the right-hand side if straight)
        if rad < 0:
            ox, oy = -ox, -oy
        ha = "left" if ox > 0.35 else "right" if ox < -0.35 else "center"
        va = "bottom" if oy > 0.35 else "top" if oy < -0.35 else "center"
        tx, ty = mx + 3.5 * ox, my + 3.5 * oy
        if arrow.label_at is not None:
            (tx, ty), ha, va = anchor_point(arrow.label_at, body, facing), "center", "center"
        text = Text(tx, ty, arrow.label, ha=ha, va=va, fontsize=FONT_PT, color=PALETTE["ink"], zorder=9,
                    label="arrow-label", linespacing=1.1)
        lines = arrow.label.split("\n")
        w = max(len(s) for s in lines) * 0.56 * FONT_PT / 72 / SCALE
        h = len(lines) * 1.25 * FONT_PT / 72 / SCALE
        x0 = tx if ha == "left" else tx - w if ha == "right" else tx - w / 2
        y0 = ty if va == "bottom" else ty - h if va == "top" else ty - h / 2
        shapes.append(Shape(text, (x0, y0, x0 + w, y0 + h)))
    return shapes


# --- drawing ---------------------------------------------------------------------------------------
@dataclass
class _Layout:
    body: Body
    shapes: list[Shape]
    floor: float | None  # None for a view from above
    extent: tuple[float, float, float, float]


def _layout(pose: Pose | TopPose, props: Sequence[Prop], arrows: Sequence[Arrow]) -> _Layout:
    for p in props:
        if not isinstance(p, Prop):
            raise PoseError(f"props must be Prop(...) items, got {p!r}")
    for a in arrows:
        if not isinstance(a, Arrow):
            raise PoseError(f"arrows must be Arrow(...) items, got {a!r}")
    body = place(pose, props)
    if isinstance(pose, TopPose):
        floor = None
        facing = 1
        shapes = [s for p in props for s in _top_prop_shapes(p, body)]
    else:
        floor_h, tops = surfaces(props)
        floor = 0.0
        facing = -1 if pose.facing == "left" else 1
        shapes = [s for p in props for s in _prop_shapes(p, body, floor_h, tops, facing)]
    shapes += [s for a in arrows for s in _arrow_shapes(a, body, facing)]
    boxes = [(min(x for x, _ in c.points) - c.r, min(y for _, y in c.points) - c.r,
              max(x for x, _ in c.points) + c.r, max(y for _, y in c.points) + c.r) for c in body.capsules]
    boxes += [s.extent for s in shapes]
    pad = 6.0
    x0 = min(b[0] for b in boxes) - pad
    x1 = max(b[2] for b in boxes) + pad
    y0 = (min(b[1] for b in boxes) - pad) if floor is None else floor - 4.0
    y1 = max(b[3] for b in boxes) + pad
    return _Layout(body, shapes, floor, (x0, y0, x1, y1))


def _render(ax, lay: _Layout, scale_pt: float) -> None:
    """Draw a laid-out scene into ``ax``; ``scale_pt`` is points per centimetre."""
    x0, y0, x1, y1 = lay.extent
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_axis_off()
    if lay.floor is not None:
        ax.add_patch(Rectangle((x0, y0), x1 - x0, lay.floor - y0, facecolor=_mix(PALETTE["line"], 0.6),
                               edgecolor="none", zorder=0.1, label="floor"))
        ax.add_line(Line2D([x0, x1], [lay.floor] * 2, color=PALETTE["muted"], linewidth=1.4, zorder=0.2,
                           label="floor"))
    for s in lay.shapes:
        if isinstance(s.artist, _Disc):
            d = s.artist
            for colour, extra, z in ((d.colours[0], 2.4, d.z), (d.colours[1], 0.0, d.z + 0.001)):
                ax.add_line(Line2D([d.x - 0.05 * d.r, d.x + 0.05 * d.r], [d.y, d.y], color=colour, zorder=z,
                                   linewidth=2 * d.r * scale_pt - 2.4 + extra, solid_capstyle="round",
                                   clip_on=False, label=d.label))
        elif isinstance(s.artist, Line2D):
            ax.add_line(s.artist)
        elif isinstance(s.artist, Text):
            ax.add_artist(s.artist)
            s.artist.set_clip_on(False)
        else:
            ax.add_patch(s.artist)
    z = 2.0
    for layer in LAYER_COLOURS:
        caps = [c for c in lay.body.capsules if c.layer == layer]
        edge, face = LAYER_COLOURS[layer]
        passes = ((face, 0.0),) if edge == face else ((edge, 2 * OUTLINE_PT), (face, 0.0))
        for colour, extra in passes:
            for c in caps:
                ax.add_line(Line2D([p[0] for p in c.points], [p[1] for p in c.points], color=colour,
                                   linewidth=2 * c.r * scale_pt + extra, solid_capstyle="round",
                                   solid_joinstyle="round", zorder=z, clip_on=False, label=f"body:{c.part}"))
            z += 0.1


def _new_figure(width_cm: float, height_cm: float) -> Figure:
    return Figure(figsize=(width_cm * SCALE, height_cm * SCALE))


def draw_pose(pose: Pose | TopPose, props: Sequence[Prop] = (), arrows: Sequence[Arrow] = (), ax=None) -> Figure:
    """Draw one pose with its props and arrows; returns the Figure (a new one unless ``ax`` is given)."""
    lay = _layout(pose, tuple(props), tuple(arrows))
    x0, y0, x1, y1 = lay.extent
    if ax is None:
        fig = _new_figure(x1 - x0, y1 - y0)
        ax = fig.add_axes((0, 0, 1, 1))
        scale_pt = SCALE * 72
    else:
        fig = ax.figure
        bbox = ax.get_position()
        w_in, h_in = bbox.width * fig.get_figwidth(), bbox.height * fig.get_figheight()
        scale_pt = 72 * min(w_in / (x1 - x0), h_in / (y1 - y0))
    _render(ax, lay, scale_pt)
    return fig


def draw_scene(scene: Scene, ax=None) -> Figure:
    """Draw a :class:`Scene` (its pose, props and arrows)."""
    return draw_pose(scene.pose, scene.props, scene.arrows, ax=ax)
