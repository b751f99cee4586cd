"""Exercise figures drawn from joint angles: a friendly rounded person, props and movement arrows.

A :class:`Pose` is pure data: joint angles in degrees for the trunk, spine, neck and, for the
near and the far side, shoulder, elbow, hip, knee and ankle, plus how the body rests. Forward
kinematics turns it into rounded segments (side view, the person faces right unless told
otherwise; the far limbs are drawn lighter, behind the body). The body is then lowered until it
rests on the floor or on the props that carry it (a table, a chair, a ball, a foam roller, a book).

A :class:`TopPose` is the same person lying on the back, seen from above, for movements that
happen sideways (bending at the waist); it is drawn on a mat, without a floor line.

Angles (side view; "forward" is the way the person faces):

- ``trunk``: lean of the hip-to-shoulder line from upright; 90 = lying face down, -90 = on the back.
- ``spine``: how much the spine rounds forward (negative arches it back); the bend is spread along it.
- ``neck``: chin towards the chest (negative: looking up).
- ``shoulder``: 0 = arm along the trunk, 90 = forward at right angles, 180 = overhead, negative = behind.
- ``elbow``, ``knee``: 0 = straight. ``hip``: 0 = thigh in line with the trunk, 90 = thigh forward
  at right angles (sitting), negative = thigh behind. ``ankle``: 0 = foot at right angles to the
  shin, positive = toes pulled up, negative = toes pointed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import Sequence, Union

from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.text import Text

from .style import PALETTE

Point = tuple[float, float]

# --- the body: lengths and half-thicknesses in centimetres (a person of about 1.75 m) -----------
LENGTH = {
    "lumbar": 17.0, "lower_chest": 17.0, "upper_chest": 18.0,  # hip joint to shoulder joint: 52
    "neck": 19.0,  # shoulder joint to the centre of the head
    "upper_arm": 29.0, "forearm": 25.0, "hand": 6.0,
    "thigh": 43.0, "shin": 43.0,
    "heel": 4.0, "toe": 15.0, "ankle_height": 3.8,  # foot centre line below and around the ankle
}
RADIUS = {
    "pelvis": 12.0, "waist": 10.0, "chest": 13.0, "neck": 5.0, "head": 10.5, "nose": 2.3, "eye": 1.1,
    "upper_arm": 4.6, "forearm": 3.8,
    "thigh": 7.5, "shin": 5.5, "foot": 3.3,
}

RESTS = {
    "standing": "standing",
    "supine": "lying on the back",
    "prone": "lying face down",
    "seated": "sitting",
    "kneeling": "kneeling",
}
FACINGS = ("right", "left")

# Sane ranges (degrees; "shorter" in cm): anything outside is almost certainly a typo.
RANGES = {
    "trunk": (-180.0, 180.0), "spine": (-45.0, 70.0), "neck": (-70.0, 70.0),
    "shoulder": (-90.0, 200.0), "elbow": (0.0, 160.0),
    "hip": (-40.0, 160.0), "knee": (0.0, 165.0), "ankle": (-60.0, 40.0), "shorter": (0.0, 6.0),
}

# --- drawing: scale, colours -------------------------------------------------------------------
SCALE = 0.019  # inches of figure per centimetre of body: a standing person is about 3.3 in tall
OUTLINE_PT = 1.3  # outline width around each body shape, in points
OUTLINE_CM = OUTLINE_PT / (SCALE * 72)  # the same in centimetres at the standard scale
FONT_PT = 9.5


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


class PoseError(ValueError):
    """A pose, prop or arrow that cannot be drawn; the message names the bad value."""


def _check_angle(where: str, value, kind: str, unit: str = "degrees") -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PoseError(f"{where} must be a number of {unit}, got {value!r}")
    if not math.isfinite(value):
        raise PoseError(f"{where} must be a finite number of {unit}, got {value!r}")
    lo, hi = RANGES[kind]
    if not lo <= value <= hi:
        raise PoseError(f"{where} = {value:g} {unit} is outside the sane range {lo:g} to {hi:g}")


@dataclass(frozen=True)
class Side:
    """Joint angles of one side of the body (degrees; see the module notes).

    ``shorter``: how many centimetres shorter this leg is than a typical one (a true short leg).
    """

    shoulder: float = 0.0
    elbow: float = 0.0
    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    shorter: float = 0.0


JOINTS = ("shoulder", "elbow", "hip", "knee", "ankle")


@dataclass(frozen=True)
class Pose:
    """A side-view pose: how the body rests and its joint angles. ``far`` defaults to ``near``."""

    rest: str
    trunk: float = 0.0
    spine: float = 0.0
    neck: float = 0.0
    near: Side = field(default_factory=Side)
    far: Side | None = None
    facing: str = "right"

    def __post_init__(self):
        if self.rest not in RESTS:
            raise PoseError(f"rest = {self.rest!r} is not one of {', '.join(RESTS)}")
        if self.facing not in FACINGS:
            raise PoseError(f"facing = {self.facing!r} must be 'right' or 'left'")
        for name in ("trunk", "spine", "neck"):
            _check_angle(name, getattr(self, name), name)
        if self.far is None:
            object.__setattr__(self, "far", self.near)
        for side in ("near", "far"):
            limbs = getattr(self, side)
            if not isinstance(limbs, Side):
                raise PoseError(f"{side} must be a Side(...), got {limbs!r}")
            for f in fields(Side):
                _check_angle(f"{side} {f.name}", getattr(limbs, f.name), f.name,
                             "cm" if f.name == "shorter" else "degrees")


@dataclass(frozen=True)
class TopPose:
    """The person lying on the back seen from above (head on the left, the left side at the top).

    ``shift``: sideways bend at the waist, as how far (cm) the hips and the shoulders have both
    moved up the picture (towards the person's left; negative: right) while the feet stay put, so
    the body curves like a banana and the other side of the waist is stretched.
    ``arms``: how far both arms are out from the sides, in degrees. ``knees_up``: knees bent, feet
    on the floor.
    """

    shift: float = 0.0
    arms: float = 15.0
    knees_up: bool = True

    def __post_init__(self):
        for name, unit, (lo, hi) in (("shift", "cm", (-20.0, 20.0)), ("arms", "degrees", (0.0, 120.0))):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise PoseError(f"{name} must be a finite number of {unit}, got {value!r}")
            if not lo <= value <= hi:
                raise PoseError(f"{name} = {value:g} {unit} is outside the sane range {lo:g} to {hi:g}")
        if not isinstance(self.knees_up, bool):
            raise PoseError(f"knees_up must be True or False, got {self.knees_up!r}")


# --- props and arrows ---------------------------------------------------------------------------
PROP_KINDS = {  # kind: (noun used in alt text, where it goes by default)
    "towel": ("small towel roll", "low_back"),
    "ball": ("small soft ball", "tailbone"),
    "roller": ("foam roller", "mid_back"),
    "table": ("table", "tailbone"),
    "chair": ("chair", "tailbone"),
    "book": ("book", "near_sole"),
    "box": ("box", "near_hand"),
    "strap": ("strap", "near_sole"),
    "mat": ("mat", "hip"),
    "level": ("level line", "hip"),
}
LIFTS = {  # props that carry the body: how high their top is (cm)
    "ball": 9.0, "roller": 15.0, "table": 74.0, "chair": 41.0, "book": 3.0,
}
PARTS_ON = {  # the body parts that rest on them (other props carry the part at their landmark)
    "ball": ("pelvis",),
    "table": ("pelvis", "waist", "chest", "neck", "head"),
    "chair": ("pelvis",),
}
MAT = 2.2  # thickness of an exercise mat


@dataclass(frozen=True)
class Prop:
    """Something in the picture: ``kind`` from PROP_KINDS, placed at a body landmark (``at``)."""

    kind: str
    at: str = ""

    def __post_init__(self):
        if self.kind not in PROP_KINDS:
            raise PoseError(f"prop kind {self.kind!r} is not one of {', '.join(PROP_KINDS)}")
        if not self.at:
            object.__setattr__(self, "at", PROP_KINDS[self.kind][1])


Anchor = Union[str, tuple[str, float, float]]


@dataclass(frozen=True)
class Arrow:
    """A movement arrow from ``start`` to ``end``: each a landmark name or (landmark, dx, dy) in cm.

    ``bend`` curves it (0 = straight; about 0.3-0.6 for a gentle arc, the sign picks the side);
    ``both`` puts heads on both ends (a swing); ``label`` is a short instruction shown beside it,
    or centred on ``label_at`` (an anchor like ``start``) when given.
    """

    start: Anchor
    end: Anchor
    bend: float = 0.0
    both: bool = False
    label: str = ""
    label_at: Anchor | None = None

    def __post_init__(self):
        for name in ("start", "end", "label_at"):
            a = getattr(self, name)
            if name == "label_at" and a is None:
                continue
            ok = isinstance(a, str) or (
                isinstance(a, tuple) and len(a) == 3 and isinstance(a[0], str)
                and all(isinstance(v, (int, float)) and math.isfinite(v) for v in a[1:]))
            if not ok:
                raise PoseError(f"arrow {name} must be a landmark name or (name, dx, dy), got {a!r}")
        if not (isinstance(self.bend, (int, float)) and math.isfinite(self.bend) and abs(self.bend) <= 1.5):
            raise PoseError(f"arrow bend must be a number between -1.5 and 1.5, got {self.bend!r}")


@dataclass(frozen=True)
class Scene:
    """One picture: a pose with its props and arrows, a short caption and its alt text."""

    pose: Pose | TopPose
    props: tuple[Prop, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    caption: str = ""
    alt: str = ""


# --- geometry ------------------------------------------------------------------------------------
def _u(theta: float) -> Point:
    """Unit vector at ``theta`` degrees from straight up, turning towards the front (+x)."""
    t = math.radians(theta)
    return (math.sin(t), math.cos(t))


def _add(p: Point, *terms: tuple[float, Point]) -> Point:
    x, y = p
    for k, v in terms:
        x, y = x + k * v[0], y + k * v[1]
    return (x, y)


@dataclass(frozen=True)
class Capsule:
    """A rounded body shape: a thick line through ``points`` with radius ``r`` (cm)."""

    part: str
    layer: str
    points: tuple[Point, ...]
    r: float

    @property
    def bottom(self) -> float:
        """The lowest point of the drawn shape, its outline included."""
        return min(y for _, y in self.points) - self.r - OUTLINE_CM


@dataclass
class Body:
    """A posed body: its rounded shapes and named points (landmarks) to hang props and arrows on."""

    capsules: list[Capsule]
    landmarks: dict[str, Point]

    def shifted(self, dy: float, mirror: bool = False) -> "Body":
        """The body moved up by ``dy``, and mirrored left to right if ``mirror``."""
        def move(p: Point) -> Point:
            return (-p[0] if mirror else p[0], p[1] + dy)
        caps = [replace(c, points=tuple(move(p) for p in c.points)) for c in self.capsules]
        return Body(caps, {k: move(v) for k, v in self.landmarks.items()})

    def lowest(self, part: str) -> tuple[float, float]:
        """(x, y) of the lowest point of a body part."""
        caps = [c for c in self.capsules if c.part == part]
        if not caps:
            raise PoseError(f"no body part called {part!r}; parts are "
                            f"{', '.join(sorted({c.part for c in self.capsules}))}")
        cap = min(caps, key=lambda c: c.bottom)
        x = min(cap.points, key=lambda p: p[1])[0]
        return x, cap.bottom


def _side_body(pose: Pose) -> Body:
    """Forward kinematics from the hip joint at the origin, facing +x."""
    L, R = LENGTH, RADIUS
    t0, t1, t2 = (pose.trunk + pose.spine * k for k in (-0.5, 0.0, 0.5))
    hip = (0.0, 0.0)
    waist = _add(hip, (L["lumbar"], _u(t0)))
    chest = _add(waist, (L["lower_chest"], _u(t1)))
    shoulder = _add(chest, (L["upper_chest"], _u(t2)))
    back0, back1 = _u(t0 - 90), _u(t1 - 90)  # towards the back
    caps: list[Capsule] = [
        Capsule("pelvis", "body", (_add(hip, (2.5, back0), (2.0, _u(t0))), _add(waist, (1.0, back0))), R["pelvis"]),
        Capsule("waist", "body", (waist, chest), R["waist"]),
        Capsule("chest", "body", (_add(chest, (-4.0, _u(t1)), (1.5, _u(t1 + 90))),
                                  _add(shoulder, (-7.0, _u(t2)), (1.0, _u(t2 + 90)))), R["chest"]),
    ]
    tn = t2 + pose.neck
    head = _add(shoulder, (L["neck"], _u(tn)))
    caps += [
        Capsule("neck", "body", (_add(shoulder, (-3.0, _u(tn))), _add(shoulder, (9.0, _u(tn)))), R["neck"]),
        Capsule("head", "body", (_add(head, (-1.0, _u(tn))), _add(head, (1.0, _u(tn)))), R["head"]),
        Capsule("head", "body", (_add(head, (R["head"] - 1.5, _u(tn + 90)), (-0.5, _u(tn))),
                                 _add(head, (R["head"] + 0.3, _u(tn + 90)), (-2.5, _u(tn)))), R["nose"]),
        Capsule("head", "face", (_add(head, (5.2, _u(tn + 90)), (2.2, _u(tn))),
                                 _add(head, (5.4, _u(tn + 90)), (2.6, _u(tn)))), R["eye"]),
    ]
    marks = {
        "hip": hip, "shoulder": shoulder, "head": head,
        "head_top": _add(head, (R["head"], _u(tn))),
        "face": _add(head, (R["head"], _u(tn + 90))),
        "back_of_head": _add(head, (R["head"], _u(tn - 90))),
        "neck": _add(shoulder, (7.0, _u(tn)), (R["neck"], _u(tn - 90))),
        "low_back": _add(waist, (R["waist"], back0)),
        "mid_back": _add(chest, (R["chest"], back1), (3.0, _u(t1))),
        "tailbone": _add(hip, (2.5, back0), (2.0, _u(t0)), (R["pelvis"], _u(t0 - 150))),
        "belly": _add(waist, (R["waist"], _u(t0 + 90))),
        "chest": _add(chest, (5.0, _u(t1)), (R["chest"], _u(t1 + 90))),
    }
    for side in ("near", "far"):
        s: Side = getattr(pose, side)
        arm_layer = "near_arm" if side == "near" else "far"
        leg_layer = "near_leg" if side == "near" else "far"
        ua = t2 + 180 - s.shoulder
        fa = ua - s.elbow
        elbow = _add(shoulder, (L["upper_arm"], _u(ua)))
        wrist = _add(elbow, (L["forearm"], _u(fa)))
        hand = _add(wrist, (L["hand"], _u(fa)))
        th = t0 + 180 - s.hip
        sh = th + s.knee
        ft = sh - 90 - s.ankle
        knee = _add(hip, (L["thigh"], _u(th)))
        ankle = _add(knee, (L["shin"] - s.shorter, _u(sh)))
        heel = _add(ankle, (L["ankle_height"], _u(sh)), (-L["heel"], _u(ft)))
        toe = _add(ankle, (L["ankle_height"], _u(sh)), (L["toe"], _u(ft)))
        caps += [
            Capsule(f"{side}_arm", arm_layer, (shoulder, elbow), R["upper_arm"]),
            Capsule(f"{side}_arm", arm_layer, (elbow, hand), R["forearm"]),
            Capsule(f"{side}_thigh", leg_layer, (hip, knee), R["thigh"]),
            Capsule(f"{side}_shin", leg_layer, (knee, ankle), R["shin"]),
            Capsule(f"{side}_foot", leg_layer, (heel, toe), R["foot"]),
        ]
        sole = _u(sh)  # the sole faces away from the shin
        marks.update({
            f"{side}_elbow": elbow, f"{side}_wrist": wrist, f"{side}_hand": hand,
            f"{side}_knee": knee, f"{side}_ankle": ankle,
            f"{side}_thigh": _add(hip, (0.5 * L["thigh"], _u(th))),
            f"{side}_thigh_back": _add(hip, (0.5 * L["thigh"], _u(th)), (R["thigh"], _u(th - 90))),
            f"{side}_shin": _add(knee, (0.5 * (L["shin"] - s.shorter), _u(sh))),
            f"{side}_heel": _add(heel, (R["foot"], sole)),
            f"{side}_toe": _add(toe, (R["foot"], _u(ft))),
            f"{side}_sole": _add(ankle, (L["ankle_height"] + R["foot"], sole), (0.45 * L["toe"], _u(ft))),
        })
    return Body(caps, marks)


def _surfaces(props: Sequence[Prop]) -> tuple[float, dict[str, float]]:
    """The floor height and, per body part, the height of a prop it rests on."""
    floor = MAT if any(p.kind == "mat" for p in props) else 0.0
    tops: dict[str, float] = {}
    for p in props:
        if p.kind not in LIFTS:
            continue
        if p.kind in ("table", "chair") and p.at.endswith("hand"):
            continue  # a table or chair in front, to lean on, carries nothing
        parts = PARTS_ON.get(p.kind) or (_part_of(p.at),)
        if p.kind == "roller" and parts[0].endswith("_thigh"):
            parts = ("near_thigh", "far_thigh")  # a roller is wide enough for both legs
        for part in parts:
            tops[part] = floor + LIFTS[p.kind]
    return floor, tops


def _part_of(landmark: str) -> str:
    """The body part a landmark belongs to (for props that lift that part)."""
    for side in ("near", "far"):
        if landmark.startswith(side):
            rest = landmark[len(side) + 1:]
            if rest in ("heel", "toe", "sole", "ankle"):
                return f"{side}_foot"
            if rest in ("thigh", "thigh_back", "knee"):
                return f"{side}_thigh"
            if rest == "shin":
                return f"{side}_shin"
            return f"{side}_arm"
    return {"low_back": "waist", "mid_back": "chest", "chest": "chest", "belly": "waist",
            "tailbone": "pelvis", "hip": "pelvis", "neck": "neck"}.get(landmark, "head")


def place(pose: Pose | TopPose, props: Sequence[Prop] = ()) -> Body:
    """The posed body lowered onto the floor or onto the props that carry it; hip joint at x = 0.

    A TopPose (seen from above) lies on the floor already: its waist is at the origin.
    """
    if isinstance(pose, TopPose):
        return _top_body(pose)
    return _lowered(pose, props)


def _side_view(pose) -> Pose:
    if not isinstance(pose, Pose):
        raise PoseError(f"expected a side-view Pose, got {type(pose).__name__}")
    return pose


def _lowered(pose: Pose, props: Sequence[Prop], ignore: tuple[str, ...] = ()) -> Body:
    """The side-view body lowered onto its supports, leaving out the parts in ``ignore``."""
    body = _side_body(_side_view(pose))
    for p in props:
        if p.at not in body.landmarks:
            raise PoseError(f"prop {p.kind!r} is placed at {p.at!r}, which is not a landmark; "
                            f"use one of {', '.join(sorted(body.landmarks))}")
    floor, tops = _surfaces(props)
    dy = max(tops.get(c.part, floor) - c.bottom for c in body.capsules if c.part not in ignore)
    return body.shifted(dy, mirror=pose.facing == "left")


def reach(pose: Pose, side: str, target: "Anchor") -> Pose:
    """``pose`` with the arm on ``side`` ("near", "far" or "both") reaching for ``target``.

    ``target`` is a landmark name or (landmark, dx, dy) with dx towards the way the person faces.
    The shoulder and elbow are solved (elbow bending the natural way); a target out of reach gets
    a straight arm pointing at it.
    """
    if side not in ("near", "far", "both"):
        raise PoseError(f"reach needs side 'near', 'far' or 'both', got {side!r}")
    body = _side_body(_side_view(pose))
    tx, ty = _anchor(target, body, 1)
    sx, sy = body.landmarks["shoulder"]
    l1, l2 = LENGTH["upper_arm"], LENGTH["forearm"] + LENGTH["hand"] / 2
    d = min(max(math.hypot(tx - sx, ty - sy), abs(l1 - l2) + 0.5), l1 + l2 - 0.01)
    phi = math.degrees(math.atan2(tx - sx, ty - sy))  # direction, degrees from up towards the front
    alpha = math.degrees(math.acos((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)))
    elbow = 180.0 - math.degrees(math.acos((l1 * l1 + l2 * l2 - d * d) / (2 * l1 * l2)))
    t2 = pose.trunk + pose.spine / 2
    shoulder = (t2 + 180.0 - (phi + alpha) + 160.0) % 360.0 - 160.0
    for sd in ("near", "far") if side == "both" else (side,):
        pose = replace(pose, **{sd: replace(getattr(pose, sd), shoulder=round(shoulder, 2), elbow=round(elbow, 2))})
    return pose


def level_foot(pose: Pose, side: str) -> Pose:
    """``pose`` with the ankle on ``side`` turned so that the sole is level (flat on the floor)."""
    if side not in ("near", "far"):
        raise PoseError(f"level_foot needs side 'near' or 'far', got {side!r}")
    s: Side = getattr(_side_view(pose), side)
    ankle = (pose.trunk - pose.spine / 2 - s.hip + s.knee + 180.0) % 360.0 - 180.0
    return replace(pose, **{side: replace(s, ankle=round(ankle, 2))})


def settle(pose: Pose, joint: str, between: tuple[float, float], touch: str | tuple[str, ...],
           props: Sequence[Prop] = (), flat: bool = False) -> Pose:
    """``pose`` with one angle solved (within ``between``) so that body part ``touch`` rests on its support.

    ``joint`` is "trunk", "spine", "neck" or "<near|far|both>.<joint>", e.g. "near.knee"; ``touch`` is a
    body part such as "near_foot" or "chest", or several parts of which the lowest should touch;
    ``flat`` keeps the sole of that side's foot level while solving (a foot standing flat). The body
    is placed by whatever else carries it; this turns the joint until ``touch`` just reaches the
    floor or its prop. Raises PoseError if no angle in the range fits.
    """
    side, _, name = joint.rpartition(".")
    if (side, name) not in {("", n) for n in ("trunk", "spine", "neck")} | {
            (s, j) for s in ("near", "far", "both") for j in JOINTS}:
        raise PoseError(f"settle cannot turn {joint!r}; use trunk, spine, neck or e.g. 'near.knee', 'both.hip'")
    parts = (touch,) if isinstance(touch, str) else tuple(touch)
    if flat and not side:
        raise PoseError("flat=True needs a limb joint (near, far or both), whose foot is kept level")
    sides = ("near", "far") if side == "both" else (side,) if side else ()
    floor, tops = _surfaces(props)

    def posed(angle: float) -> Pose:
        p = pose if sides else replace(pose, **{name: angle})
        for sd in sides:
            p = replace(p, **{sd: replace(getattr(p, sd), **{name: angle})})
            p = level_foot(p, sd) if flat else p
        return p

    def gap(angle: float) -> float:
        body = _lowered(posed(angle), props, ignore=parts)
        return min(body.lowest(part)[1] - tops.get(part, floor) for part in parts)

    lo, hi = between
    steps = [lo + (hi - lo) * k / 24 for k in range(25)]  # scan for the first crossing, then bisect
    gaps = []
    for a in steps:
        try:
            gaps.append(gap(a))
        except PoseError:  # e.g. the level foot would need an impossible ankle: skip that angle
            gaps.append(None)
    crossing = next((k for k in range(24) if None not in gaps[k:k + 2] and gaps[k] * gaps[k + 1] <= 0), None)
    if crossing is None:
        best = min((g for g in gaps if g is not None), key=abs, default=float("nan"))
        raise PoseError(f"no {joint} angle between {lo:g} and {hi:g} brings the "
                        f"{' or '.join(parts).replace('_', ' ')} onto its support (gap {best:.1f} cm at best)")
    lo, hi, g_lo = steps[crossing], steps[crossing + 1], gaps[crossing]
    for _ in range(30):
        mid = (lo + hi) / 2
        g_mid = gap(mid)
        if (g_mid > 0) == (g_lo > 0):
            lo, g_lo = mid, g_mid
        else:
            hi = mid
    return posed(round((lo + hi) / 2, 2))


def _top_body(pose: TopPose) -> Body:
    """The person on the back seen from above: head to the left (-x), the left side up (+y).

    The spine bends at the waist: a shift lifts both ends (hips and shoulders) up the picture
    while the feet stay where they were, so the body curves like a banana.
    """
    tilt = math.degrees(math.asin(pose.shift / 25.0))  # each half of the trunk turns by this much

    def walk(angle: float) -> list[Point]:
        a = math.radians(angle)
        return [(k * 25.0 / 3 * math.cos(a), k * 25.0 / 3 * math.sin(a)) for k in range(4)]

    upper = walk(180.0 - tilt)  # waist to shoulders, heading left
    lower = walk(tilt)  # waist to pelvis, heading right
    waist, shoulders, pelvis = upper[0], upper[-1], lower[-1]
    a_up = math.radians(180.0 - tilt)
    up_end = (math.cos(a_up), math.sin(a_up))  # towards the head at the shoulders
    left_end = (up_end[1], -up_end[0])
    a_down = math.radians(tilt)
    left0 = (-math.sin(a_down), math.cos(a_down))  # the person's left at the hips
    a_head = math.radians(180.0 - 0.6 * tilt)  # the neck takes back some of the bend
    head = _add(shoulders, (19.0, (math.cos(a_head), math.sin(a_head))))
    caps = [
        Capsule("pelvis", "body", (_add(pelvis, (8.0, left0)), _add(pelvis, (-8.0, left0))), 11.0),
        Capsule("waist", "body", tuple(reversed(lower)) + tuple(upper[1:2]), 13.0),
        Capsule("chest", "body", tuple(upper[1:]), 14.5),
        Capsule("chest", "body", (_add(shoulders, (-4.0, up_end), (12.0, left_end)),
                                  _add(shoulders, (-4.0, up_end), (-12.0, left_end))), 7.5),
        Capsule("neck", "body", (shoulders, _add(shoulders, (9.0, up_end))), RADIUS["neck"]),
        Capsule("head", "body", (_add(head, (-1.5, (1.0, 0.0))), _add(head, (1.5, (1.0, 0.0)))), 9.5),
    ]
    marks = {"pelvis": pelvis, "waist": waist, "shoulders": shoulders, "head": head}
    reach_x = 58.0 if pose.knees_up else 86.0  # hip to ankle, seen from above
    a = math.radians(pose.arms)
    for name, sign in (("left", 1.0), ("right", -1.0)):
        hip = _add(pelvis, (9.0 * sign, left0))
        ankle = (25.0 + reach_x, 11.0 * sign)  # the feet stay where they were
        knee = ((hip[0] + ankle[0]) / 2, (hip[1] + ankle[1]) / 2)
        toe = _add(ankle, (15.0 if pose.knees_up else 3.0, (1.0, 0.0)))
        sh = _add(shoulders, (-4.0, up_end), (17.0 * sign, left_end))
        arm = (-up_end[0] * math.cos(a) + sign * left_end[0] * math.sin(a),  # along the sides of the chest
               -up_end[1] * math.cos(a) + sign * left_end[1] * math.sin(a))
        elbow = _add(sh, (29.0, arm))
        hand = _add(elbow, (28.0, arm))
        caps += [
            Capsule(f"{name}_thigh", "near_leg", (hip, knee), 8.0),
            Capsule(f"{name}_shin", "near_leg", (knee, ankle), 6.0),
            Capsule(f"{name}_foot", "near_leg", (ankle, toe), 4.5),
            Capsule(f"{name}_arm", "near_arm", (sh, elbow), 5.0),
            Capsule(f"{name}_arm", "near_arm", (elbow, hand), 4.0),
        ]
        marks.update({f"{name}_hip": hip, f"{name}_knee": knee, f"{name}_foot": toe,
                      f"{name}_shoulder": sh, f"{name}_hand": hand,
                      f"{name}_waist": _add(waist, (14.0 * sign, left0))})
    return Body(caps, marks)


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
        part = _part_of(prop.at)
        x, _ = body.lowest(part)
        r = LIFTS[kind] / 2
        shapes = [_circle(x, floor + r, r, TOOL, label, z=0.5)]
        if kind == "roller":
            shapes.append(_circle(x, floor + r, r * 0.35, TOOL, label + ":detail", z=0.6))
        return shapes
    if kind == "book":
        x, _ = body.lowest(_part_of(prop.at))
        return [_rect(x - 16, floor, x + 16, floor + LIFTS["book"], TOOL, label, z=2.65)]
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
def _anchor(a: Anchor, body: Body, facing: int) -> Point:
    name, dx, dy = (a, 0.0, 0.0) if isinstance(a, str) else a
    if name not in body.landmarks:
        raise PoseError(f"arrow anchor {name!r} is not a landmark; use one of {', '.join(sorted(body.landmarks))}")
    x, y = body.landmarks[name]
    return (x + facing * dx, y + dy)


def _arrow_shapes(arrow: Arrow, body: Body, facing: int) -> list[Shape]:
    (x1, y1), (x2, y2) = _anchor(arrow.start, body, facing), _anchor(arrow.end, body, facing)
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
            (tx, ty), ha, va = _anchor(arrow.label_at, body, facing), "center", "center"
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
        floor_h, tops = _surfaces(props)
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


def draw_sequence(scenes: Sequence[Scene], per_row: int | None = None) -> Figure:
    """Several scenes side by side at the same scale, each with its caption, joined by arrows.

    ``per_row``: how many panels in a row (default: as many as fit in about 7.5 inches).
    """
    if not scenes:
        raise PoseError("draw_sequence needs at least one scene")
    lays = []
    for s in scenes:
        lay = _layout(s.pose, s.props, s.arrows)
        x0, y0, x1, y1 = lay.extent
        spare = (len(s.caption) * 0.56 * (FONT_PT + 0.5) / 72 + 0.1) / SCALE - (x1 - x0)
        if spare > 0:  # widen the panel so that its caption fits under it
            lay = replace(lay, extent=(x0 - spare / 2, y0, x1 + spare / 2, y1))
        lays.append(lay)
    widths = [(lay.extent[2] - lay.extent[0]) * SCALE for lay in lays]
    gap, cap_h = 0.45, 0.32
    if per_row is None:
        per_row, total = 0, 0.0
        for w in widths:
            if per_row and total + gap + w > 7.5:
                break
            total += (gap if per_row else 0.0) + w
            per_row += 1
    if not isinstance(per_row, int) or per_row < 1:
        raise PoseError(f"per_row must be a whole number of at least 1, got {per_row!r}")
    rows = [list(range(i, min(i + per_row, len(scenes)))) for i in range(0, len(scenes), per_row)]
    row_h = []
    for row in rows:
        row_h.append(max((lays[i].extent[3] - lays[i].extent[1]) * SCALE for i in row) + cap_h)
    fig_w = max(sum(widths[i] for i in row) + gap * (len(row) - 1) for row in rows)
    fig_h = sum(row_h)
    fig = Figure(figsize=(fig_w, fig_h))
    top = fig_h
    for row, h in zip(rows, row_h):
        x = (fig_w - sum(widths[i] for i in row) - gap * (len(row) - 1)) / 2  # rows are centred
        for k, i in enumerate(row):
            lay = lays[i]
            ex = lay.extent
            ph = (ex[3] - ex[1]) * SCALE
            ax = fig.add_axes((x / fig_w, (top - h + cap_h) / fig_h, widths[i] / fig_w, ph / fig_h))
            _render(ax, lay, SCALE * 72)
            if scenes[i].caption:
                fig.text((x + widths[i] / 2) / fig_w, (top - h + cap_h * 0.55) / fig_h, scenes[i].caption,
                         ha="center", va="center", fontsize=FONT_PT + 0.5, color=PALETTE["ink"],
                         label="caption")
            x += widths[i]
            if k < len(row) - 1:
                fig.text((x + gap / 2) / fig_w, (top - h + cap_h + ph * 0.45) / fig_h, "\u2192", ha="center",
                         va="center", fontsize=18, color=PALETTE["muted"], label="step-arrow")
                x += gap
        top -= h
    return fig


# --- alt text --------------------------------------------------------------------------------------
_PLACES = {
    "neck": "the neck", "low_back": "the low back", "mid_back": "the upper back", "tailbone": "the tailbone",
    "hip": "the hips", "waist": "the waist", "near_thigh": "the thighs", "near_thigh_back": "the thighs",
    "near_sole": "a foot", "far_sole": "a foot", "near_hand": "the hands",
}
_RESTING_ON = {"chair": "on a chair", "mat": "on a mat", "table": "on a table, the end of the spine at its edge"}


def _prop_phrase(p: Prop) -> str:
    noun = PROP_KINDS[p.kind][0]
    where = _PLACES.get(p.at, p.at.replace("_", " "))
    return {
        "towel": f"a {noun} under {where}",
        "ball": f"a {noun} under {where}",
        "roller": f"a {noun} under {where}",
        "table": f"the hands resting on a {noun}",
        "chair": f"the hands on the seat of a {noun}",
        "book": f"a {noun} under {where}",
        "box": f"a {noun} held in the hands",
        "strap": f"a {noun} around {where}, held in the hands",
        "level": f"a dotted line level with {where}",
    }[p.kind]


def _posture(pose: Pose | TopPose) -> list[str]:
    """Short phrases for what the body is doing."""
    if isinstance(pose, TopPose):
        words = ["knees bent" if pose.knees_up else "legs straight"]
        if abs(pose.shift) >= 3:
            words.append("the body curved sideways at the waist, hips and shoulders moved to the same side")
        return words
    words = []
    knees = [s.knee for s in (pose.near, pose.far)]
    if pose.rest == "standing" and pose.trunk >= 20:
        words.append("bending forward")
    elif pose.rest == "standing" and pose.trunk <= -8:
        words.append("leaning back")
    if min(knees) >= 45:
        words.append("knees bent")
    elif max(knees) >= 45:
        words.append("one knee bent")
    if pose.rest in ("supine", "prone") and max(s.hip for s in (pose.near, pose.far)) >= 45 and min(knees) < 20:
        words.append("one leg raised")
    return words


def describe(pose: Pose | TopPose, props: Sequence[Prop] = (), arrows: Sequence[Arrow] = ()) -> str:
    """A plain-words alt text built from the pose, its props and its arrows."""
    if isinstance(pose, TopPose):
        start = "Seen from above, a person lying on their back"
    else:
        start = f"A person {RESTS[pose.rest]}"
    on = [p for p in props if p.kind in _RESTING_ON and not (p.kind in ("table", "chair") and p.at.endswith("hand"))]
    parts = [" ".join([start] + [_RESTING_ON[p.kind] for p in on])] + _posture(pose)
    extras = [_prop_phrase(p) for p in props if p not in on]
    if extras:
        parts.append("with " + (", ".join(extras[:-1]) + " and " + extras[-1] if len(extras) > 1 else extras[0]))
    text = ", ".join(parts) + "."
    labels = [a.label.replace("\n", " ") for a in arrows if a.label]
    if labels:
        text += " Arrows: " + "; ".join(labels) + "."
    return text
