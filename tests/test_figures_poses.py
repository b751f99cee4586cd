"""Exercise figures: forward kinematics, validation, props and arrows, the catalogue, SVG size."""
import io
import math
import xml.etree.ElementTree as ET

import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from backease import BackeaseError
from backease.figures import (POSES, Arrow, Pose, PoseError, Prop, Side, TopPose, alt_text, draw_named, draw_pose,
                              draw_scene, place, reach, settle, setup)
from backease.figures.pose_model import LENGTH, LIFTS, MAT, SCALE

SIDE_VIEWS = [name for name, scene in POSES.items() if isinstance(scene.pose, Pose)]


def close(p, q, tol=1e-6):
    return math.dist(p, q) < tol


# --- forward kinematics ---------------------------------------------------------------------------
def test_a_straight_leg_reaches_thigh_plus_shin_below_the_hip():
    marks = place(Pose("standing")).landmarks
    hip, knee, ankle = marks["hip"], marks["near_knee"], marks["near_ankle"]
    assert close(knee, (hip[0], hip[1] - LENGTH["thigh"]))
    assert close(ankle, (hip[0], hip[1] - LENGTH["thigh"] - LENGTH["shin"]))


def test_hip_knee_and_shoulder_angles_turn_the_limbs_where_they_should():
    marks = place(Pose("standing", near=Side(hip=90.0, knee=90.0, shoulder=90.0), far=Side())).landmarks
    hip, knee, ankle = marks["hip"], marks["near_knee"], marks["near_ankle"]
    assert close(knee, (hip[0] + LENGTH["thigh"], hip[1]))  # thigh straight forward
    assert close(ankle, (knee[0], knee[1] - LENGTH["shin"]))  # shin hangs straight down
    shoulder, elbow = marks["shoulder"], marks["near_elbow"]
    assert close(elbow, (shoulder[0] + LENGTH["upper_arm"], shoulder[1]))  # arm straight forward
    far = marks["far_knee"]
    assert close(far, (hip[0], hip[1] - LENGTH["thigh"]))  # the far side keeps its own angles


def test_elbow_bends_the_forearm_forward_and_ankle_lifts_the_toes():
    bent = place(Pose("standing", near=Side(elbow=90.0, ankle=20.0))).landmarks
    assert bent["near_wrist"][0] > bent["near_elbow"][0] + 20  # forearm points forward
    flat = place(Pose("standing")).landmarks
    assert bent["near_toe"][1] > flat["near_toe"][1] + 3  # toes pulled up


def test_lying_on_the_back_puts_the_head_beside_the_hips_and_facing_left_mirrors():
    marks = place(Pose("supine", trunk=-90.0)).landmarks
    assert marks["head"][0] < marks["hip"][0] - 60 and abs(marks["head"][1] - marks["hip"][1]) < 5
    mirrored = place(Pose("supine", trunk=-90.0, facing="left")).landmarks
    assert mirrored["head"][0] > mirrored["hip"][0] + 60


def test_a_curved_spine_bends_the_trunk_and_a_straight_one_keeps_it_in_line():
    straight = place(Pose("standing")).landmarks
    assert straight["shoulder"][0] == pytest.approx(straight["hip"][0])
    rounded = place(Pose("standing", spine=40.0)).landmarks
    assert rounded["low_back"][0] < straight["low_back"][0] - 3  # the low back bulges backwards
    assert rounded["head"][0] > straight["head"][0] + 5  # and the head comes forward


def test_the_body_is_lowered_onto_the_floor_or_onto_the_prop_that_carries_it():
    standing = place(Pose("standing"))
    assert standing.lowest("near_foot")[1] == pytest.approx(0.0)
    on_mat = place(Pose("supine", trunk=-90.0), [Prop("mat")])
    assert min(c.bottom for c in on_mat.capsules) == pytest.approx(MAT)
    on_table = place(Pose("supine", trunk=-90.0, near=Side(hip=10.0, knee=80.0)), [Prop("table")])
    assert on_table.lowest("pelvis")[1] == pytest.approx(LIFTS["table"])
    assert on_table.lowest("near_foot")[1] > 10  # the hanging leg is far above the floor


def test_settle_turns_a_joint_until_the_foot_rests_on_the_floor():
    pose = settle(Pose("supine", trunk=-90.0, near=Side(hip=50.0, knee=90.0)), "near.knee", (60.0, 150.0),
                  "near_foot", flat=True)
    body = place(pose)
    assert body.lowest("near_foot")[1] == pytest.approx(0.0, abs=0.05)
    assert body.lowest("pelvis")[1] == pytest.approx(0.0, abs=0.05)  # still lying on the back
    with pytest.raises(PoseError, match="near.knee"):
        settle(Pose("supine", trunk=-90.0, near=Side(hip=50.0)), "near.knee", (0.0, 1.0), "near_foot")


def test_reach_puts_the_hand_on_the_target():
    pose = reach(Pose("standing"), "near", ("hip", 20.0, 10.0))
    marks = place(pose).landmarks
    target = (marks["hip"][0] + 20.0, marks["hip"][1] + 10.0)
    hand_centre = (marks["near_wrist"][0] + (marks["near_hand"][0] - marks["near_wrist"][0]) / 2,
                   marks["near_wrist"][1] + (marks["near_hand"][1] - marks["near_wrist"][1]) / 2)
    assert math.dist(hand_centre, target) < 0.5


def test_top_view_moves_hips_and_shoulders_sideways_while_the_feet_stay():
    straight, bent = place(TopPose()).landmarks, place(TopPose(shift=10.0)).landmarks
    assert bent["pelvis"][1] == pytest.approx(straight["pelvis"][1] + 10.0)
    assert bent["shoulders"][1] == pytest.approx(straight["shoulders"][1] + 10.0)
    assert bent["left_foot"] == pytest.approx(straight["left_foot"])


# --- validation ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, words", [
    (dict(near=Side(knee=float("nan"))), ["near knee", "nan"]),
    (dict(far=Side(hip=200.0)), ["far hip", "200", "-40 to 160"]),
    (dict(trunk=float("inf")), ["trunk", "inf"]),
    (dict(neck="up"), ["neck", "'up'"]),
    (dict(spine=True), ["spine", "True"]),
    (dict(rest="floating"), ["'floating'", "standing"]),
    (dict(facing="up"), ["'up'", "right"]),
])
def test_bad_poses_are_refused_with_a_message_naming_the_value(kwargs, words):
    with pytest.raises(PoseError) as err:
        Pose(**({"rest": "standing"} | kwargs))
    for word in words:
        assert word in str(err.value)


def test_bad_props_arrows_and_top_views_are_refused_clearly():
    with pytest.raises(PoseError, match="'pillow'"):
        Prop("pillow")
    with pytest.raises(PoseError, match="'elbow_of_doom'"):
        draw_pose(Pose("standing"), [Prop("towel", "elbow_of_doom")])
    with pytest.raises(PoseError, match="'nowhere'"):
        draw_pose(Pose("standing"), arrows=[Arrow("nowhere", "head")])
    with pytest.raises(PoseError, match="start"):
        Arrow(("head", 1.0), "head")
    with pytest.raises(PoseError, match="shift = 40"):
        TopPose(shift=40.0)
    with pytest.raises(PoseError, match="mat or a level line"):
        draw_pose(TopPose(), [Prop("ball")])
    with pytest.raises(PoseError, match="'no-such-pose'"):
        draw_named("no-such-pose")
    assert issubclass(PoseError, BackeaseError)


# --- drawing ----------------------------------------------------------------------------------------
def labelled(fig, prefix):
    return [a for ax in fig.axes for a in ax.get_children() if str(a.get_label()).startswith(prefix)]


@pytest.mark.parametrize("name", list(POSES))
def test_every_catalogue_pose_draws_its_props_and_arrows(name):
    scene = POSES[name]
    fig = draw_scene(scene)
    assert isinstance(fig, Figure)
    assert labelled(fig, "body:head")
    for kind in {p.kind for p in scene.props}:
        drawn = [a for a in labelled(fig, f"prop:{kind}") if a.get_label() == f"prop:{kind}"]
        assert len(drawn) >= sum(p.kind == kind for p in scene.props), kind
    arrows = [a for a in labelled(fig, "arrow") if isinstance(a, FancyArrowPatch)]
    assert len(arrows) == len(scene.arrows)
    texts = [t.get_text() for t in labelled(fig, "arrow-label")]
    assert texts == [a.label for a in scene.arrows if a.label]


@pytest.mark.parametrize("name", list(POSES))
def test_every_catalogue_pose_has_alt_text_that_names_its_props(name):
    scene = POSES[name]
    alt = alt_text(name)
    assert alt == scene.alt and len(alt) > 40 and alt.endswith(".")
    for prop in scene.props:
        assert prop.kind in alt.lower(), (name, prop.kind)
    assert scene.caption


@pytest.mark.parametrize("name", SIDE_VIEWS)
def test_no_drawn_body_shape_goes_below_the_floor_line(name):
    fig = draw_scene(POSES[name])
    pt_per_cm = SCALE * 72
    lowest = min(min(line.get_ydata()) - line.get_linewidth() / 2 / pt_per_cm
                 for line in labelled(fig, "body:") if isinstance(line, Line2D))
    assert lowest >= -0.01  # outline included: the floor line is at 0


def test_props_that_carry_the_body_touch_it():
    for name, part, prop in (("ball-under-tailbone", "pelvis", "ball"), ("roller-upper-back", "chest", "roller"),
                             ("roller-thigh", "near_thigh", "roller"), ("sitting-upright", "pelvis", "chair"),
                             ("psoas-table-tight", "pelvis", "table")):
        scene = POSES[name]
        floor = MAT if any(p.kind == "mat" for p in scene.props) else 0.0
        assert place(scene.pose, scene.props).lowest(part)[1] == pytest.approx(floor + LIFTS[prop], abs=0.05), name
    for name in ("relax-knees-bent", "ball-under-tailbone", "sitting-upright", "hip-flexor-kneeling", "lift-knees"):
        scene = POSES[name]
        floor = MAT if any(p.kind == "mat" for p in scene.props) else 0.0
        body = place(scene.pose, scene.props)
        assert body.lowest("far_foot")[1] == pytest.approx(floor, abs=0.1), name  # feet flat on the floor


def test_draw_pose_can_draw_into_a_given_axes():
    fig = Figure()
    ax = fig.add_subplot()
    assert draw_pose(Pose("standing"), arrows=[Arrow("head", ("head", 0, 20))], ax=ax) is fig
    assert labelled(fig, "body:") and len(labelled(fig, "arrow")) == 1


def svg_of(fig) -> bytes:
    setup()
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    return buf.getvalue()


def test_figures_are_small_svgs_without_raster_images():
    sizes = {}
    for name in POSES:
        data = svg_of(draw_named(name))
        root = ET.fromstring(data)
        assert not root.findall(".//{http://www.w3.org/2000/svg}image"), name
        sizes[name] = len(data)
    assert max(sizes[n] for n in POSES) < 15_000, sizes


def test_every_pose_in_the_catalogue_is_drawn_somewhere():
    """A pose no card, level, transfer, walkthrough or page names is dead code."""
    from conftest import ROOT

    sources = [p for p in (ROOT / "widgets" / "backease").rglob("*.py") if p.name != "pose_library.py"]
    sources += list((ROOT / "widgets" / "backease" / "model" / "technique_data").glob("*.yml"))
    sources += list((ROOT / "book").rglob("*.md"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    unused = [name for name in POSES if f'"{name}"' not in text and f"'{name}'" not in text
              and f"pose: {name}" not in text and f" {name}\n" not in text]
    assert not unused, unused
