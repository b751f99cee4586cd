"""Forward kinematics and the solvers of the pose figures (figures/pose_solver.py): where the limbs go,
how the body is lowered onto the floor or a prop, ``settle``, ``reach`` and the view from above."""
import math

import pytest

from backease.figures import Pose, PoseError, Prop, Side, TopPose, place, reach, settle
from backease.figures.pose_model import LENGTH, LIFTS, MAT


def close(p, q, tol=1e-6):
    return math.dist(p, q) < tol


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
