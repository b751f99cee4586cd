"""Forward kinematics for the pose figures: a :class:`~.pose_model.Pose` becomes rounded body
segments (``Body``), lowered until it rests on the floor or on the props that carry it; and the
small solvers that aim a limb (``reach``), level a foot (``level_foot``) or bend a joint until a
part touches (``settle``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Sequence

from .pose_model import (LENGTH, LIFTS, MAT, OUTLINE_CM, PARTS_ON, RADIUS, JOINTS, Anchor, Point, Pose, PoseError,
                         Prop, Side, TopPose)


def unit(theta: float) -> Point:
    """Unit vector at ``theta`` degrees from straight up, turning towards the front (+x)."""
    t = math.radians(theta)
    return (math.sin(t), math.cos(t))


def offset(p: Point, *terms: tuple[float, Point]) -> Point:
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


def side_body(pose: Pose) -> Body:
    """Forward kinematics from the hip joint at the origin, facing +x."""
    L, R = LENGTH, RADIUS
    t0, t1, t2 = (pose.trunk + pose.spine * k for k in (-0.5, 0.0, 0.5))
    hip = (0.0, 0.0)
    waist = offset(hip, (L["lumbar"], unit(t0)))
    chest = offset(waist, (L["lower_chest"], unit(t1)))
    shoulder = offset(chest, (L["upper_chest"], unit(t2)))
    back0, back1 = unit(t0 - 90), unit(t1 - 90)  # towards the back
    caps: list[Capsule] = [
        Capsule("pelvis", "body", (offset(hip, (2.5, back0), (2.0, unit(t0))), offset(waist, (1.0, back0))), R["pelvis"]),
        Capsule("waist", "body", (waist, chest), R["waist"]),
        Capsule("chest", "body", (offset(chest, (-4.0, unit(t1)), (1.5, unit(t1 + 90))),
                                  offset(shoulder, (-7.0, unit(t2)), (1.0, unit(t2 + 90)))), R["chest"]),
    ]
    tn = t2 + pose.neck
    head = offset(shoulder, (L["neck"], unit(tn)))
    caps += [
        Capsule("neck", "body", (offset(shoulder, (-3.0, unit(tn))), offset(shoulder, (9.0, unit(tn)))), R["neck"]),
        Capsule("head", "body", (offset(head, (-1.0, unit(tn))), offset(head, (1.0, unit(tn)))), R["head"]),
        Capsule("head", "body", (offset(head, (R["head"] - 1.5, unit(tn + 90)), (-0.5, unit(tn))),
                                 offset(head, (R["head"] + 0.3, unit(tn + 90)), (-2.5, unit(tn)))), R["nose"]),
        Capsule("head", "face", (offset(head, (5.2, unit(tn + 90)), (2.2, unit(tn))),
                                 offset(head, (5.4, unit(tn + 90)), (2.6, unit(tn)))), R["eye"]),
    ]
    marks = {
        "hip": hip, "shoulder": shoulder, "head": head,
        "head_top": offset(head, (R["head"], unit(tn))),
        "face": offset(head, (R["head"], unit(tn + 90))),
        "back_of_head": offset(head, (R["head"], unit(tn - 90))),
        "neck": offset(shoulder, (7.0, unit(tn)), (R["neck"], unit(tn - 90))),
        "low_back": offset(waist, (R["waist"], back0)),
        "mid_back": offset(chest, (R["chest"], back1), (3.0, unit(t1))),
        "tailbone": offset(hip, (2.5, back0), (2.0, unit(t0)), (R["pelvis"], unit(t0 - 150))),
        "belly": offset(waist, (R["waist"], unit(t0 + 90))),
        "chest": offset(chest, (5.0, unit(t1)), (R["chest"], unit(t1 + 90))),
    }
    for side in ("near", "far"):
        s: Side = getattr(pose, side)
        arm_layer = "near_arm" if side == "near" else "far"
        leg_layer = "near_leg" if side == "near" else "far"
        ua = t2 + 180 - s.shoulder
        fa = ua - s.elbow
        elbow = offset(shoulder, (L["upper_arm"], unit(ua)))
        wrist = offset(elbow, (L["forearm"], unit(fa)))
        hand = offset(wrist, (L["hand"], unit(fa)))
        th = t0 + 180 - s.hip
        sh = th + s.knee
        ft = sh - 90 - s.ankle
        knee = offset(hip, (L["thigh"], unit(th)))
        ankle = offset(knee, (L["shin"], unit(sh)))
        heel = offset(ankle, (L["ankle_height"], unit(sh)), (-L["heel"], unit(ft)))
        toe = offset(ankle, (L["ankle_height"], unit(sh)), (L["toe"], unit(ft)))
        caps += [
            Capsule(f"{side}_arm", arm_layer, (shoulder, elbow), R["upper_arm"]),
            Capsule(f"{side}_arm", arm_layer, (elbow, hand), R["forearm"]),
            Capsule(f"{side}_thigh", leg_layer, (hip, knee), R["thigh"]),
            Capsule(f"{side}_shin", leg_layer, (knee, ankle), R["shin"]),
            Capsule(f"{side}_foot", leg_layer, (heel, toe), R["foot"]),
        ]
        sole = unit(sh)  # the sole faces away from the shin
        marks.update({
            f"{side}_elbow": elbow, f"{side}_wrist": wrist, f"{side}_hand": hand,
            f"{side}_knee": knee, f"{side}_ankle": ankle,
            f"{side}_thigh": offset(hip, (0.5 * L["thigh"], unit(th))),
            f"{side}_thigh_back": offset(hip, (0.5 * L["thigh"], unit(th)), (R["thigh"], unit(th - 90))),
            f"{side}_shin": offset(knee, (0.5 * L["shin"], unit(sh))),
            f"{side}_heel": offset(heel, (R["foot"], sole)),
            f"{side}_toe": offset(toe, (R["foot"], unit(ft))),
            f"{side}_sole": offset(ankle, (L["ankle_height"] + R["foot"], sole), (0.45 * L["toe"], unit(ft))),
        })
    return Body(caps, marks)


def surfaces(props: Sequence[Prop]) -> tuple[float, dict[str, float]]:
    """The floor height and, per body part, the height of a prop it rests on."""
    floor = MAT if any(p.kind == "mat" for p in props) else 0.0
    tops: dict[str, float] = {}
    for p in props:
        if p.kind not in LIFTS:
            continue
        if p.kind in ("table", "chair") and p.at.endswith("hand"):
            continue  # a table or chair in front, to lean on, carries nothing
        parts = PARTS_ON.get(p.kind) or (part_of(p.at),)
        if p.kind == "roller" and parts[0].endswith("_thigh"):
            parts = ("near_thigh", "far_thigh")  # a roller is wide enough for both legs
        for part in parts:
            tops[part] = floor + LIFTS[p.kind]
    return floor, tops


def part_of(landmark: str) -> str:
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


def anchor_point(a: Anchor, body: Body, facing: int) -> Point:
    """Where an anchor (a landmark, or a landmark with an offset in cm) is on the solved body."""
    name, dx, dy = (a, 0.0, 0.0) if isinstance(a, str) else a
    if name not in body.landmarks:
        raise PoseError(f"arrow anchor {name!r} is not a landmark; use one of {', '.join(sorted(body.landmarks))}")
    x, y = body.landmarks[name]
    return (x + facing * dx, y + dy)


def place(pose: Pose | TopPose, props: Sequence[Prop] = ()) -> Body:
    """The posed body lowered onto the floor or onto the props that carry it; hip joint at x = 0.

    A TopPose (seen from above) lies on the floor already: its waist is at the origin.
    """
    if isinstance(pose, TopPose):
        return top_body(pose)
    return lowered(pose, props)


def _side_view(pose) -> Pose:
    if not isinstance(pose, Pose):
        raise PoseError(f"expected a side-view Pose, got {type(pose).__name__}")
    return pose


def lowered(pose: Pose, props: Sequence[Prop], ignore: tuple[str, ...] = ()) -> Body:
    """The side-view body lowered onto its supports, leaving out the parts in ``ignore``."""
    body = side_body(_side_view(pose))
    for p in props:
        if p.at not in body.landmarks:
            raise PoseError(f"prop {p.kind!r} is placed at {p.at!r}, which is not a landmark; "
                            f"use one of {', '.join(sorted(body.landmarks))}")
    floor, tops = surfaces(props)
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
    body = side_body(_side_view(pose))
    tx, ty = anchor_point(target, body, 1)
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
    floor, tops = surfaces(props)

    def posed(angle: float) -> Pose:
        p = pose if sides else replace(pose, **{name: angle})
        for sd in sides:
            p = replace(p, **{sd: replace(getattr(p, sd), **{name: angle})})
            p = level_foot(p, sd) if flat else p
        return p

    def gap(angle: float) -> float:
        body = lowered(posed(angle), props, ignore=parts)
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


def top_body(pose: TopPose) -> Body:
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
    head = offset(shoulders, (19.0, (math.cos(a_head), math.sin(a_head))))
    caps = [
        Capsule("pelvis", "body", (offset(pelvis, (8.0, left0)), offset(pelvis, (-8.0, left0))), 11.0),
        Capsule("waist", "body", tuple(reversed(lower)) + tuple(upper[1:2]), 13.0),
        Capsule("chest", "body", tuple(upper[1:]), 14.5),
        Capsule("chest", "body", (offset(shoulders, (-4.0, up_end), (12.0, left_end)),
                                  offset(shoulders, (-4.0, up_end), (-12.0, left_end))), 7.5),
        Capsule("neck", "body", (shoulders, offset(shoulders, (9.0, up_end))), RADIUS["neck"]),
        Capsule("head", "body", (offset(head, (-1.5, (1.0, 0.0))), offset(head, (1.5, (1.0, 0.0)))), 9.5),
    ]
    marks = {"pelvis": pelvis, "waist": waist, "shoulders": shoulders, "head": head}
    reach_x = 58.0 if pose.knees_up else 86.0  # hip to ankle, seen from above
    a = math.radians(pose.arms)
    for name, sign in (("left", 1.0), ("right", -1.0)):
        hip = offset(pelvis, (9.0 * sign, left0))
        ankle = (25.0 + reach_x, 11.0 * sign)  # the feet stay where they were
        knee = ((hip[0] + ankle[0]) / 2, (hip[1] + ankle[1]) / 2)
        toe = offset(ankle, (15.0 if pose.knees_up else 3.0, (1.0, 0.0)))
        sh = offset(shoulders, (-4.0, up_end), (17.0 * sign, left_end))
        arm = (-up_end[0] * math.cos(a) + sign * left_end[0] * math.sin(a),  # along the sides of the chest
               -up_end[1] * math.cos(a) + sign * left_end[1] * math.sin(a))
        elbow = offset(sh, (29.0, arm))
        hand = offset(elbow, (28.0, arm))
        caps += [
            Capsule(f"{name}_thigh", "near_leg", (hip, knee), 8.0),
            Capsule(f"{name}_shin", "near_leg", (knee, ankle), 6.0),
            Capsule(f"{name}_foot", "near_leg", (ankle, toe), 4.5),
            Capsule(f"{name}_arm", "near_arm", (sh, elbow), 5.0),
            Capsule(f"{name}_arm", "near_arm", (elbow, hand), 4.0),
        ]
        marks.update({f"{name}_hip": hip, f"{name}_knee": knee, f"{name}_foot": toe,
                      f"{name}_shoulder": sh, f"{name}_hand": hand,
                      f"{name}_waist": offset(waist, (14.0 * sign, left0))})
    return Body(caps, marks)

