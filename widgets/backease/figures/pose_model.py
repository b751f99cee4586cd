"""The pose figures' model: a person as joint angles, props, arrows and scenes, checked as data.

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
from dataclasses import dataclass, field, fields
from typing import Union

from ..errors import PoseError

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

# Sane ranges (degrees): anything outside is almost certainly a typo.
RANGES = {
    "trunk": (-180.0, 180.0), "spine": (-45.0, 70.0), "neck": (-70.0, 70.0),
    "shoulder": (-90.0, 200.0), "elbow": (0.0, 160.0),
    "hip": (-40.0, 160.0), "knee": (0.0, 165.0), "ankle": (-60.0, 40.0),
}

# --- scale ---------------------------------------------------------------------------------------
SCALE = 0.019  # inches of figure per centimetre of body: a standing person is about 3.3 in tall
OUTLINE_PT = 1.3  # outline width around each body shape, in points
OUTLINE_CM = OUTLINE_PT / (SCALE * 72)  # the same in centimetres at the standard scale
FONT_PT = 9.5


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
    """Joint angles of one side of the body (degrees; see the module notes)."""

    shoulder: float = 0.0
    elbow: float = 0.0
    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0


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
                _check_angle(f"{side} {f.name}", getattr(limbs, f.name), f.name, "degrees")


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
    "box": ("box", "near_hand"),
    "strap": ("strap", "near_sole"),
    "mat": ("mat", "hip"),
    "level": ("level line", "hip"),
}
LIFTS = {  # props that carry the body: how high their top is (cm)
    "ball": 9.0, "roller": 15.0, "table": 74.0, "chair": 41.0,
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
