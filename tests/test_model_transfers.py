"""Getting down to the floor and up again, onto and off a table or bed: steps and their drawn poses."""
import pytest

from backease import DataError
from backease.figures import POSES, alt_text, place
from backease.model.transfers import TRANSFERS, get_transfer


def test_every_pose_a_transfer_names_exists_and_has_alt_text():
    for transfer in TRANSFERS.values():
        for step in transfer.steps:
            if step.pose:
                assert step.pose in POSES, f"{transfer.name}: no pose {step.pose!r}"
                assert len(alt_text(step.pose)) > 40


def test_the_floor_and_table_transfers_are_drawn_and_the_bed_ones_are_told():
    drawn = {name: sum(bool(s.pose) for s in t.steps) for name, t in TRANSFERS.items()}
    assert all(drawn[n] >= 2 for n in ("floor-down", "floor-up")) and drawn["table-on"] >= 1
    assert set(drawn) == {"floor-down", "floor-up", "table-on", "table-off", "bed-on", "bed-off"}


@pytest.mark.parametrize("name, part, height", [
    ("floor-half-kneel", "far_thigh", 0.0),    # the back knee is on the floor, not held up by the chair
    ("floor-kneel", "near_thigh", 0.0),
    ("floor-hands-down", "near_arm", 0.0),     # hands on the floor (the mat is 2.2 cm)
    ("floor-up-rise", "near_foot", 0.0),
    ("table-lie", "pelvis", 74.0),             # lying on the table top
])
def test_holding_on_to_a_chair_carries_no_weight_and_the_body_rests_where_drawn(name, part, height):
    scene = POSES[name]
    floor = 2.2 if any(p.kind == "mat" for p in scene.props) else 0.0
    body = place(scene.pose, scene.props)
    assert body.lowest(part)[1] == pytest.approx(height + floor, abs=1.0)


def test_an_unknown_transfer_is_named_in_the_error():
    with pytest.raises(DataError, match=r"no transfer called 'floor'; known: floor-down, floor-up"):
        get_transfer("floor")
