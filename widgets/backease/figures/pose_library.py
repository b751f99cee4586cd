"""Named poses for the technique chapters: one picture per key step, each with its alt text.

``POSES`` maps a name to a :class:`~.poses.Scene`. ``draw_named(name)`` draws one;
``alt_text(name)`` says what it shows. A scene is posed the first time it is asked for, and
so is each pose it shares with others (lying on the back, knees up, ...): solving every pose
took half a second, and a chapter draws a few.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from .poses import Arrow, Pose, PoseError, Prop, Scene, Side, TopPose, draw_scene, level_foot, reach, settle

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_ON_MAT = Prop("mat")
ARMS_BY_SIDES = dict(shoulder=-6.0, elbow=8.0)
STRAIGHT_LEG = dict(hip=0.0, knee=4.0, ankle=-22.0)


def _supine(near: Side = Side(), far: Side | None = None, trunk: float = -90.0, spine: float = -10.0,
            neck: float = 0.0) -> Pose:
    return Pose("supine", trunk=trunk, spine=spine, neck=neck, near=near, far=far)


def _aim_leg(pose: Pose, side: str, thigh: float, shin: float) -> Pose:
    """``pose`` with the leg on ``side`` ("near", "far" or "both") aimed: thigh and shin directions
    in degrees from straight up, turning towards the way the person faces."""
    hip = pose.trunk - pose.spine / 2 + 180.0 - thigh
    for sd in ("near", "far") if side == "both" else (side,):
        pose = replace(pose, **{sd: replace(getattr(pose, sd), hip=hip, knee=shin - thigh)})
    return pose


def _arms(pose: Pose, shoulder: float, elbow: float) -> Pose:
    """``pose`` with both arms set to ``shoulder`` and ``elbow`` degrees."""
    return replace(pose, near=replace(pose.near, shoulder=shoulder, elbow=elbow),
                   far=replace(pose.far, shoulder=shoulder, elbow=elbow))


def _knees_up(pose: Pose, thigh: float = 46.0, props: tuple[Prop, ...] = (_ON_MAT,)) -> Pose:
    """Knees bent with both feet flat on the floor (or the mat), thighs ``thigh`` degrees from upright."""
    pose = _aim_leg(pose, "both", thigh, thigh + 90.0)
    return settle(pose, "both.knee", (125.0 - thigh, 160.0), ("near_foot", "far_foot"), props, flat=True)


def _seated_on_chair(trunk: float, spine: float, neck: float, thigh: float = 92.0) -> Pose:
    """Sitting on a chair, thighs ``thigh`` degrees from upright, feet flat on the floor, arms down."""
    pose = Pose("seated", trunk=trunk, spine=spine, neck=neck, near=Side(shoulder=10.0, elbow=10.0))
    pose = _aim_leg(pose, "both", thigh, 180.0)
    return settle(pose, "both.knee", (50.0, 130.0), ("near_foot", "far_foot"), (Prop("chair"),), flat=True)


def _stand_bent(trunk: float, spine: float, neck: float) -> Pose:
    """Standing on straight legs, the upper body bent forward by ``trunk`` degrees."""
    pose = Pose("standing", trunk=trunk, spine=spine, neck=neck, near=Side(shoulder=trunk, elbow=5.0))
    pose = _aim_leg(pose, "both", 178.0, 181.0)
    return level_foot(level_foot(pose, "near"), "far")


@functools.cache
def _lying() -> Pose:
    """Lying on the back, legs long, arms by the sides."""
    return settle(_supine(Side(**ARMS_BY_SIDES, **STRAIGHT_LEG)), "both.hip", (-20.0, 10.0), ("near_foot", "far_foot"),
                  (_ON_MAT,))


@functools.cache
def _lying_knees_up() -> Pose:
    return _knees_up(_lying())


_STRING_PROPS = (_ON_MAT, Prop("towel", "neck"), Prop("towel", "low_back"))


def _hands_up() -> Pose:
    return replace(_lying(), near=replace(_lying().near, shoulder=88.0, elbow=4.0))


_PIR_PROPS = (_ON_MAT, Prop("strap", "near_sole"))


def _leg_raised(thigh: float) -> Pose:
    pose = _aim_leg(_lying(), "near", thigh, thigh + 2.0)
    pose = replace(pose, near=replace(pose.near, ankle=8.0))
    return reach(pose, "both", ("near_sole", -30.0, -28.0))


def _kneel() -> Pose:
    pose = settle(
        _aim_leg(_aim_leg(Pose("kneeling", trunk=-2.0, spine=-4.0, near=Side(ankle=-45.0)), "near", 195.0, 268.0),
                 "far", 90.0, 180.0),
        "far.hip", (50.0, 120.0), "far_foot", (_ON_MAT,), flat=True)
    return reach(pose, "both", ("far_knee", -8.0, 6.0))


def _seated_fold() -> Pose:
    """Seated on the floor: the near leg straight, the far one folded (drawn behind, its knee up a little)."""
    pose = _aim_leg(Pose("seated", trunk=42.0, spine=36.0, neck=4.0, near=Side(ankle=12.0), far=Side(ankle=40.0)),
                    "far", 47.0, 211.0)
    pose = _aim_leg(pose, "near", 95.0, 96.0)
    return settle(pose, "near.hip", (80.0, 140.0), "near_foot", (_ON_MAT,))


_CHAIR = (Prop("chair"),)

_TABLE = (Prop("table", "tailbone"), Prop("level", "hip"))


def _psoas_table(thigh: float) -> Pose:
    pose = _aim_leg(_aim_leg(_supine(spine=-4.0), "near", thigh, 178.0), "far", -48.0, 84.0)
    pose = replace(pose, near=replace(pose.near, ankle=-15.0), far=replace(pose.far, ankle=-20.0))
    return reach(pose, "both", ("far_knee", -2.0, 4.0))


_BALL = (_ON_MAT, Prop("ball", "tailbone"))


@functools.cache
def _on_ball() -> Pose:
    return _knees_up(settle(replace(_lying(), neck=22.0, spine=4.0), "trunk", (-125.0, -90.0), ("chest", "head"), _BALL),
                     thigh=64.0, props=_BALL)


_ROLLER_BACK = (_ON_MAT, Prop("roller", "mid_back"))


def _on_roller() -> Pose:
    return _knees_up(settle(_supine(Side(shoulder=150.0, elbow=140.0, hip=100.0, knee=100.0), neck=22.0),
                            "trunk", (-90.0, -50.0), "pelvis", _ROLLER_BACK), thigh=40.0, props=_ROLLER_BACK)


_ROLLER_THIGH = (_ON_MAT, Prop("roller", "near_thigh_back"))


def _on_roller_thigh() -> Pose:
    return settle(
        _aim_leg(Pose("seated", trunk=-50.0, spine=10.0, neck=22.0, near=Side(shoulder=-30.0, elbow=6.0, ankle=-10.0)),
                 "both", 100.0, 102.0),
        "both.shoulder", (-90.0, 0.0), ("near_arm", "far_arm"), _ROLLER_THIGH)


def _arch() -> Pose:
    return reach(_knees_up(_supine(Side(**ARMS_BY_SIDES), spine=-40.0, neck=17.0)), "both", ("chest", 0.0, 3.0))


_BUG = dict(hip=90.0, knee=90.0, ankle=-10.0)

_SQUAT = _aim_leg(Pose("standing", trunk=42.0, spine=4.0, neck=-14.0), "both", 105.0, 205.0)
_SQUAT = level_foot(level_foot(_SQUAT, "near"), "far")
_SQUAT = reach(_SQUAT, "both", ("near_knee", 16.0, -26.0))
_STOOP = reach(_stand_bent(95.0, 45.0, -5.0), "both", ("near_ankle", 30.0, 12.0))


# Getting down to the floor and up again, holding on to a chair; onto and off a table
_HOLD_CHAIR = (Prop("chair", "near_hand"),)
_KNEEL_LEG = (180.0, 280.0)  # thigh straight down, the shin back along the floor, rising a little to the toes
_POINTED = -60.0  # the kneeling leg's ankle: toes pointed, so the knee, not the foot, is on the floor


def _half_kneel() -> Pose:
    """One knee on the floor, the other foot flat in front, both hands on the seat of a chair in front."""
    pose = Pose("kneeling", trunk=10.0, spine=4.0, far=Side(ankle=_POINTED))
    pose = _aim_leg(_aim_leg(pose, "near", 95.0, 180.0), "far", *_KNEEL_LEG)
    pose = settle(pose, "near.hip", (40.0, 140.0), "near_foot", _HOLD_CHAIR, flat=True)
    return reach(pose, "both", ("hip", 60.0, -4.0))


def _kneel_at_chair() -> Pose:
    """Both knees on the floor, hands on the seat of a chair in front."""
    pose = _aim_leg(Pose("kneeling", trunk=18.0, spine=6.0, near=Side(ankle=_POINTED)), "both", *_KNEEL_LEG)
    return reach(pose, "both", ("hip", 48.0, -4.0))


def _hands_and_knees() -> Pose:
    """On hands and knees, the arms straight down to the floor."""
    pose = _aim_leg(Pose("kneeling", trunk=85.0, spine=6.0, neck=-30.0, near=Side(ankle=_POINTED)), "both",
                    178.0, 280.0)
    pose = _arms(pose, shoulder=80.0, elbow=4.0)
    return settle(pose, "both.shoulder", (40.0, 120.0), ("near_arm", "far_arm"))


def _sit_knees_up(trunk: float, props: tuple[Prop, ...] = (_ON_MAT,)) -> Pose:
    """Sitting on the floor, knees bent and feet flat; the body leans back by ``-trunk`` degrees."""
    pose = _aim_leg(Pose("seated", trunk=trunk, spine=4.0 if trunk < -30 else 10.0, neck=10.0 if trunk > -30 else 30.0),
                    "both", 40.0, 150.0)
    return settle(pose, "both.knee", (40.0, 160.0), ("near_foot", "far_foot"), props, flat=True)


def _on_elbows(trunk: float, legs: tuple[float, float] | None = None) -> Pose:
    """Leaning back on both elbows, forearms flat; knees bent with feet flat on the mat, or legs
    aimed as ``legs`` (thigh, shin), e.g. hanging over the end of a table."""
    if legs is None:
        pose = _sit_knees_up(trunk)
    else:
        pose = _aim_leg(Pose("seated", trunk=trunk, spine=4.0, neck=30.0, near=Side(ankle=-20.0)), "both", *legs)
    return _arms(pose, shoulder=pose.trunk + pose.spine / 2, elbow=90.0)  # upper arms straight down


def _rise_from_kneeling() -> Pose:
    """Half way up from one knee: the front leg pushes, the back knee has left the floor, hands on the chair."""
    pose = Pose("standing", trunk=40.0, spine=10.0, neck=-10.0, far=Side(ankle=-30.0))
    pose = level_foot(_aim_leg(_aim_leg(pose, "near", 110.0, 175.0), "far", 200.0, 235.0), "near")
    pose = settle(pose, "far.knee", (0.0, 120.0), "far_foot", _HOLD_CHAIR)  # the back toes just on the floor
    return reach(pose, "both", ("hip", 52.0, -10.0))


_TABLE_END = (Prop("table", "tailbone"),)


_LIE_TABLE_END = _aim_leg(_supine(Side(**ARMS_BY_SIDES), spine=-4.0), "both", 90.0, 180.0)

_MAKERS: dict[str, Callable[[], Scene]] = {  # name: how to pose its scene
    # String exercises
    "string-rest": lambda: Scene(
        _lying(), _STRING_PROPS, caption="Lie still, eyes closed",
        alt="A person lying on their back on a mat, legs long and arms by the sides, with a small towel "
            "roll under the neck and another under the low back."),
    "string-feet-swing": lambda: Scene(
        _lying(), _STRING_PROPS,
        (Arrow(("near_toe", -14, 8), ("near_toe", 12, 8), bend=-0.7, both=True, label="swing the feet\nside to side",
               label_at=("near_toe", -1, 30)),),
        caption="Swing the feet",
        alt="A person lying on their back on a mat with small towel rolls under the neck and the low back; "
            "a curved double arrow over the feet shows them swinging gently side to side."),
    "string-hands-swing": lambda: Scene(
        _hands_up(), _STRING_PROPS,
        (Arrow(("near_hand", -14, 8), ("near_hand", 14, 8), bend=-0.7, both=True, label="swing side to side",
               label_at=("near_hand", 0, 26)),),
        caption="Swing the clasped hands",
        alt="A person lying on their back on a mat with small towel rolls under the neck and the low back, "
            "both arms raised towards the ceiling with the hands clasped; a curved double arrow over the "
            "hands shows them swinging side to side."),
    # Post-isometric relaxation of the hamstring
    "pir-hamstring-raise": lambda: Scene(
        _leg_raised(24.0), _PIR_PROPS,
        (Arrow(("near_toe", 22, -22), ("near_toe", 10, -2), bend=-0.3, label="raise to a\ngentle stretch",
               label_at=("near_toe", 48, -26)),),
        caption="1. Raise the leg",
        alt="A person lying on their back on a mat raises one straight leg, a strap around the foot held in "
            "both hands; an arrow shows the leg rising until a gentle stretch is felt."),
    "pir-hamstring-press": lambda: Scene(
        _leg_raised(24.0), _PIR_PROPS,
        (Arrow(("near_toe", 10, -6), ("near_toe", 22, -22), label="press gently into\nthe strap, no\nmovement",
               label_at=("near_toe", 56, -22)),),
        caption="2. Press without moving",
        alt="The same person, lying on a mat, presses the raised leg gently against the strap without "
            "letting it move; a short arrow by the foot shows the direction of the press."),
    "pir-hamstring-relax": lambda: Scene(
        _leg_raised(8.0), _PIR_PROPS,
        (Arrow(("near_toe", 22, -14), ("near_toe", 10, 4), bend=-0.3, label="relax, then\nease further",
               label_at=("near_toe", 46, -18)),),
        caption="3. Relax, ease further",
        alt="The person on the mat relaxes, and the strap eases the straight leg a little further towards "
            "the head."),
    # Warm-up
    "warmup-march": lambda: Scene(
        Pose("standing", trunk=2.0, near=Side(shoulder=-28.0, elbow=40.0, hip=62.0, knee=75.0, ankle=-8.0),
             far=Side(shoulder=30.0, elbow=45.0, hip=0.0, knee=2.0)),
        (), (Arrow(("near_knee", 16, -16), ("near_knee", 16, 12), both=True, label="march\ngently",
                   label_at=("near_knee", 32, -2)),),
        caption="March in place",
        alt="A person standing and marching gently in place, one knee lifted and the opposite arm swinging "
            "forward; an up-and-down arrow beside the knee."),
    "warmup-knee-rock": lambda: Scene(
        _lying_knees_up(), (_ON_MAT,),
        (Arrow(("near_knee", -14, 8), ("near_knee", 14, 8), bend=-0.7, both=True,
               label="let the knees sway\nside to side", label_at=("near_knee", 0, 30)),),
        caption="Rock the knees",
        alt="A person lying on their back on a mat, knees bent and feet flat; a curved double arrow over the "
            "knees shows them swaying gently together from side to side."),
    # Stretches
    "hamstring-seated": lambda: Scene(
        reach(_seated_fold(), "both", ("near_toe", -4.0, 2.0)),
        (_ON_MAT,), (Arrow(("head", 8, 16), ("head", 30, 8), bend=-0.3, label="reach for the foot",
                       label_at=("head", 30, 24)),),
        caption="Seated hamstring stretch",
        alt="A person sitting on a mat with one leg straight in front and the other leg folded so its sole "
            "rests against the inner thigh of the straight leg, leaning forward to reach for the foot of "
            "the straight leg."),
    "hip-flexor-kneeling": lambda: Scene(
        _kneel(), (_ON_MAT,), (Arrow(("hip", -34, 2), ("hip", -16, 2), label="ease the hips\nforward",
                               label_at=("hip", -36, 22)),),
        caption="Kneeling hip-flexor stretch",
        alt="A person kneeling on a mat on one knee, the other foot flat in front with that knee at a right "
            "angle, back upright, hands resting on the front thigh; an arrow shows the hips easing forward."),
    # Gravity-assisted forward bend
    "forward-bend-start": lambda: Scene(
        reach(_stand_bent(26.0, 14.0, 12.0), "both", ("shoulder", 50.0, -40.0)), (Prop("table", "near_hand"),),
        caption="Bend a little, lean on furniture",
        alt="A person standing with straight knees, bending forward a little with both hands resting on a "
            "table in front to support the weight of the upper body."),
    "forward-bend-further": lambda: Scene(
        reach(_stand_bent(58.0, 26.0, 18.0), "both", ("near_knee", 8.0, 14.0)), (),
        (Arrow(("head", 16, -2), ("head", 14, -24), bend=-0.4, label="wait, then\na little further",
               label_at=("head", 26, -42)),),
        caption="Hands on the thighs, go further",
        alt="A person standing with straight knees, bent further forward, hands sliding down the front of "
            "the thighs to take the weight; an arrow shows the head going a little lower after a wait."),
    "forward-bend-hang": lambda: Scene(
        _stand_bent(100.0, 46.0, 28.0), (),
        caption="Hang, let the back relax",
        alt="A person standing with straight knees, folded forward with the upper body and arms hanging "
            "loosely towards the floor."),
    "forward-bend-come-up": lambda: Scene(
        reach(_stand_bent(58.0, 30.0, 18.0), "both", ("near_knee", 8.0, 14.0)), (),
        (Arrow(("head_top", -2, 6), ("head_top", -30, 34), bend=-0.35, label="come up\nslowly",
               label_at=("head_top", 14, 30)),),
        caption="Come up slowly",
        alt="A person half bent forward with straight knees, hands resting on the thighs; a curved arrow "
            "shows the upper body rolling slowly back up to standing."),
    "forward-bend-seated": lambda: Scene(
        _arms(_seated_on_chair(46.0, 50.0, 24.0), shoulder=70.0, elbow=30.0), _CHAIR,
        (Arrow(("mid_back", -4, 10), ("mid_back", 18, 6), bend=-0.4, label="let the upper back round",
               label_at=("mid_back", 6, 26)),),
        caption="Seated forward bend",
        alt="A person sitting on a chair with feet flat, the upper back rounded forward and the arms hanging "
            "down between the knees."),
    # Psoas
    "psoas-table-tight": lambda: Scene(
        _psoas_table(78.0), _TABLE, caption="Thigh stays above level: psoas may be tight",
        alt="A person lying on their back on a table, the end of the spine at the table edge, hugging one "
            "knee to the chest; the other thigh hangs over the edge but stays above a dotted level line, "
            "a rough sign that the psoas may be tight."),
    "psoas-table-sinking": lambda: Scene(
        _psoas_table(108.0), _TABLE,
        (Arrow(("near_knee", 12, 10), ("near_knee", 12, -10), bend=-0.3, label="let the\nthigh sink",
               label_at=("near_knee", 34, -10)),),
        caption="Let the thigh sink below level",
        alt="The same person on the table lets the hanging thigh sink slowly below the dotted level line as "
            "the psoas relaxes; an arrow shows the thigh sinking."),
    "psoas-standing-backbend": lambda: Scene(
        reach(_aim_leg(Pose("standing", trunk=-20.0, spine=-40.0, neck=-14.0), "both", 188.0, 190.0),
              "both", ("low_back", -7.0, -14.0)),
        (), (Arrow(("face", 4, 10), ("head_top", -16, 10), bend=0.5, label="look up and back",
                   label_at=("head_top", -6, 30)),),
        caption="Standing back bend",
        alt="A person standing, hands on the low back, bending gently backwards and looking up at the "
            "ceiling; a curved arrow shows the head going up and back."),
    # Quadratus lumborum, seen from above
    "ql-start": lambda: Scene(
        TopPose(shift=0.0, arms=80.0), (_ON_MAT, Prop("level", "waist")), caption="From above: lie straight, knees up",
        alt="Seen from above, a person lying straight on their back on a mat, knees bent, arms out to the "
            "sides; a dashed level line runs along the middle of the body."),
    "ql-bend": lambda: Scene(
        TopPose(shift=10.0, arms=80.0), (_ON_MAT, Prop("level", "waist")),
        (Arrow(("pelvis", 12, 20), ("pelvis", 12, 38), label="1. hips to\none side", label_at=("pelvis", 22, 48)),
         Arrow(("shoulders", -22, 24), ("shoulders", -22, 42), label="2. then the\nshoulders",
               label_at=("shoulders", -22, 52)),),
        caption="From above: bend sideways at the waist",
        alt="Seen from above, a person lying on their back on a mat, knees bent, curved sideways like a "
            "banana: the hips moved to one side, then the shoulders to the same side, stretching the other "
            "side of the waist. A dashed level line shows where the body lay straight."),
    # Dead bug as the source article describes it: the arms start by the sides
    "dead-bug-arms-down": lambda: Scene(
        _supine(Side(**ARMS_BY_SIDES, **_BUG)), (_ON_MAT,), caption="Start: thighs up, arms by the sides",
        alt="A person lying on their back on a mat, thighs pointing straight up, knees bent at a right angle "
            "so the shins are level, and the arms resting on the mat by the sides."),
    "dead-bug-arms-down-reach": lambda: Scene(
        _supine(Side(shoulder=168.0, elbow=4.0, **_BUG), Side(**ARMS_BY_SIDES, hip=18.0, knee=4.0, ankle=-15.0)),
        (_ON_MAT,),
        (Arrow(("near_hand", 18, 14), ("near_hand", -2, 12), bend=0.3, label="arm back",
               label_at=("near_hand", 8, 26)),
         Arrow(("far_ankle", -16, 16), ("far_ankle", 6, 14), bend=-0.3, label="opposite\nleg out",
               label_at=("far_ankle", -4, 32)),),
        caption="Reach one arm back, the opposite leg out",
        alt="A person lying on their back on a mat reaches one arm back overhead and stretches the opposite "
            "leg out long just above the floor; the other leg stays up with the knee bent and the other arm "
            "rests by the side."),
    "dead-bug-arms-down-easier": lambda: Scene(
        replace(_lying_knees_up(), near=replace(_lying_knees_up().near, shoulder=165.0, elbow=4.0)), (_ON_MAT,),
        (Arrow(("near_hand", 20, 14), ("near_hand", -2, 12), bend=0.3, label="one arm at a time",
               label_at=("near_hand", 10, 26)),),
        caption="Easier: feet down, one arm at a time",
        alt="An easier version: a person lying on their back on a mat, knees bent and both feet on the floor, "
            "reaching one arm back overhead while the other arm rests by the side."),
    # Foam roller and self-massage
    "roller-upper-back": lambda: Scene(
        _on_roller(), _ROLLER_BACK,
        (Arrow(("chest", 14, 18), ("chest", -10, 18), both=True, label="roll slowly", label_at=("chest", 2, 28)),),
        caption="Foam roller under the upper back",
        alt="A person lying with a foam roller across the upper back, hips on the mat, knees bent, feet flat "
            "and hands behind the head; a double arrow shows rolling slowly up and down."),
    "roller-thigh": lambda: Scene(
        _on_roller_thigh(), _ROLLER_THIGH,
        (Arrow(("near_knee", 0, 16), ("near_knee", -26, 16), both=True, label="roll along the thigh",
               label_at=("near_knee", -13, 26)),),
        caption="Foam roller under the thighs",
        alt="A person sitting with hands on the mat behind, legs straight, the backs of the thighs resting "
            "on a foam roller and the hips lifted; a double arrow shows rolling along the thigh."),
    "self-massage": lambda: Scene(
        reach(_aim_leg(Pose("standing", trunk=2.0, neck=4.0), "both", 180.0, 181.0), "both", ("low_back", -2.0, -2.0)),
        (),
        (Arrow(("low_back", -14, 8), ("low_back", -14, -8), bend=1.2, label="firm, slow\ncircles",
               label_at=("low_back", -44, 0)),),
        caption="Self-massage of the low back",
        alt="A person standing upright, reaching behind to press both hands into the muscles of the low "
            "back; a curved arrow shows slow, firm circles."),
    # Relaxation and breathing
    "relax-knees-bent": lambda: Scene(
        _lying_knees_up(), (_ON_MAT,), caption="Lie comfortably, knees bent",
        alt="A person lying comfortably on their back on a mat, knees bent, feet flat, arms resting by the sides."),
    "breathing-belly": lambda: Scene(
        reach(_lying_knees_up(), "near", ("belly", 0.0, 3.0)), (_ON_MAT,),
        (Arrow(("belly", 2, 12), ("belly", 2, 28), label="the belly rises\nas you breathe in",
               label_at=("belly", -34, 30)),),
        caption="Hand on the belly",
        alt="A person lying on their back on a mat, knees bent, one hand resting on the belly; an arrow "
            "shows the belly rising with each breath in."),
    # Small-ball release
    "ball-under-tailbone": lambda: Scene(
        _on_ball(), _BALL, caption="Ball under the tailbone, let go",
        alt="A person lying on their back on a mat, knees bent and feet flat, with a small soft ball under "
            "the tailbone so the hips rest on it."),
    "ball-knees-up": lambda: Scene(
        _aim_leg(_on_ball(), "both", 0.0, 95.0), _BALL,
        caption="Harder: knees above the hips",
        alt="A person lying on their back on a mat with a small soft ball under the tailbone, both knees "
            "lifted so they are above the hips and the shins hang relaxed."),
    "ball-roll-off": lambda: Scene(
        _on_ball(), _BALL,
        (Arrow(("hip", -12, 22), ("hip", 12, 22), bend=-0.8, label="feet down, roll to one side\n"
                                                                      "and slide the ball out",
               label_at=("hip", -6, 44)),),
        caption="Roll off the ball",
        alt="A person lying on their back on a mat with a small soft ball under the tailbone, feet on the "
            "floor; a curved arrow shows rolling to one side to slide the ball out."),
    "ball-lie-flat": lambda: Scene(
        _lying(), (_ON_MAT,), caption="Lie flat, notice the low back",
        alt="A person lying flat on their back on a mat, legs long, resting after the ball has been removed."),
    # Somatic pandiculation
    "pandiculation-arch": lambda: Scene(
        _arch(), (_ON_MAT,),
        (Arrow(("belly", 0, 8), ("belly", 0, 24), label="arch gently", label_at=("belly", -4, 32)),),
        caption="1. Arch the low back",
        alt="A person lying on their back on a mat, knees bent, gently arching the low back up away from "
            "the floor; an arrow shows the arch."),
    "pandiculation-release": lambda: Scene(
        reach(_lying_knees_up(), "both", ("chest", 0.0, 3.0)), (_ON_MAT,),
        (Arrow(("belly", 0, 24), ("belly", 0, 8), label="release very slowly", label_at=("belly", -4, 32)),),
        caption="2. Release very slowly",
        alt="The same person lets the back settle slowly back down onto the mat; an arrow shows the slow "
            "release."),
    # Strength and everyday habits
    "lift-knees": lambda: Scene(
        _SQUAT, (Prop("box", "near_hand"),), caption="Bending the knees (one source's advice)",
        alt="A person lifting a box from the floor by bending the knees and hips, back long and straight, "
            "the box held close to the body."),
    "lift-back": lambda: Scene(
        _STOOP, (Prop("box", "near_hand"),), caption="Straight legs, rounded back",
        alt="A person lifting a box from the floor with straight legs and a rounded back."),
    "sitting-upright": lambda: Scene(
        reach(_seated_on_chair(-2.0, -4.0, 0.0), "both", ("near_knee", -12.0, 8.0)), _CHAIR,
        caption="Sitting upright, supported",
        alt="A person sitting upright on a chair, back against the backrest, feet flat on the floor and hands "
            "resting on the thighs."),
    "sitting-slumped": lambda: Scene(
        reach(_seated_on_chair(8.0, 66.0, -20.0, thigh=96.0), "both", ("near_knee", -10.0, 8.0)), _CHAIR,
        caption="Slumped like a question mark",
        alt="A person slumped on a chair, the back rounded like a question mark and the head pushed forward."),
    # Getting down to the floor, holding on to a chair
    "floor-half-kneel": lambda: Scene(
        _half_kneel(), _HOLD_CHAIR,
        (Arrow(("far_knee", -14, 26), ("far_knee", -14, 6), label="lower one\nknee", label_at=("far_knee", -30, 34)),),
        caption="Hands on the chair, one knee down",
        alt="A person facing a sturdy chair, both hands on its seat, lowering one knee to the floor while the "
            "other foot stays flat in front; an arrow shows the knee going down."),
    "floor-kneel": lambda: Scene(
        _kneel_at_chair(), _HOLD_CHAIR, caption="Both knees down",
        alt="The person kneels on both knees in front of the chair, hands still on its seat, back long."),
    "floor-hands-down": lambda: Scene(
        _hands_and_knees(), (_ON_MAT,), caption="Hands to the floor",
        alt="The person has moved the hands from the chair to the mat, one at a time, and is on hands and knees."),
    "floor-sit-beside": lambda: Scene(
        reach(_sit_knees_up(-10.0), "both", ("hip", -22.0, -8.0)), (_ON_MAT,), caption="Sit down to one side",
        alt="The person has lowered the hips to one side onto the mat and sits with knees bent, feet flat and "
            "hands on the mat behind."),
    "floor-onto-elbows": lambda: Scene(
        _on_elbows(-62.0), (_ON_MAT,),
        (Arrow(("chest", -6, 22), ("chest", -30, 4), bend=0.3, label="lean back\nslowly", label_at=("chest", -8, 34)),),
        caption="Lean back onto the elbows",
        alt="The person leans back slowly onto both elbows, knees still bent and feet flat on the mat."),
    "floor-lie-down": lambda: Scene(
        _lying_knees_up(), (_ON_MAT,), caption="Lie down, knees bent",
        alt="The person lies on their back on the mat, knees bent and feet flat, arms by the sides."),
    # ... and up again
    "floor-up-hands-knees": lambda: Scene(
        _hands_and_knees(), (_ON_MAT,), caption="Push up onto hands and knees",
        alt="After rolling onto one side, the person has pushed up with the arms and is on hands and knees on "
            "the mat."),
    "floor-up-half-kneel": lambda: Scene(
        _half_kneel(), _HOLD_CHAIR, caption="Hands on the chair, one foot forward",
        alt="The person kneels on one knee facing a sturdy chair, both hands on its seat, the other foot flat "
            "on the floor in front."),
    "floor-up-rise": lambda: Scene(
        _rise_from_kneeling(), _HOLD_CHAIR,
        (Arrow(("head_top", 4, 6), ("head_top", -4, 30), bend=-0.3, label="push up\nwith the legs",
               label_at=("head_top", -34, 26)),),
        caption="Push up with the legs",
        alt="The person pushes up with the front leg, hands on the chair seat to help, the back knee lifting "
            "off the floor; an arrow shows the body rising."),
    # Lying on a table, the end of the spine at its end (getting there: model/transfers.py)
    "table-lie": lambda: Scene(
        _LIE_TABLE_END, _TABLE_END, caption="Legs over the end",
        alt="The person lies on their back along the table, the end of the spine at its edge and the legs "
            "hanging over the end."),
}



class _Scenes(Mapping):
    """The named scenes, each posed the first time it is asked for, then kept."""

    def __init__(self, makers: dict[str, Callable[[], Scene]]):
        self._makers = makers
        self._posed: dict[str, Scene] = {}

    def __getitem__(self, name: str) -> Scene:
        if name not in self._posed:
            self._posed[name] = self._makers[name]()
        return self._posed[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


POSES: Mapping[str, Scene] = _Scenes(_MAKERS)


def _scene(name: str) -> Scene:
    try:
        return POSES[name]
    except KeyError:
        raise PoseError(f"no pose called {name!r}; poses: {', '.join(POSES)}") from None


def draw_named(name: str) -> Figure:
    """Draw a named pose."""
    return draw_scene(_scene(name))


def alt_text(name: str) -> str:
    """The alt text of a named pose."""
    return _scene(name).alt


# --- Course levels (the course helper's block): chair versions of floor stretches -----------------
def _chair_leg_out() -> Pose:
    """Sitting on the front of a chair, leaning forward from the hips, the near leg out straight on its heel."""
    pose = _seated_on_chair(34.0, 10.0, 6.0)
    pose = _aim_leg(pose, "near", 120.0, 124.0)
    pose = settle(pose, "near.hip", (40.0, 110.0), "near_foot", _CHAIR)
    return reach(pose, "both", ("near_knee", -6.0, 6.0))


_MAKERS.update({
    "hamstring-chair": lambda: Scene(
        _chair_leg_out(), _CHAIR,
        (Arrow(("head", 8, 16), ("head", 28, 8), bend=-0.3, label="lean forward\nfrom the hips",
               label_at=("head", 30, 26)),),
        caption="On a chair: one leg out, lean forward",
        alt="A person sitting on the front of a chair, one leg stretched out in front with the heel on the floor "
            "and the other foot flat, leaning forward from the hips with the hands resting on the straight leg."),
})
