"""The pose figures' model (figures/pose_model.py): a bad pose, prop, arrow or view from above is refused
with a message naming the value."""
import pytest

from backease import BackeaseError
from backease.figures import Arrow, Pose, PoseError, Prop, Side, TopPose


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
    with pytest.raises(PoseError, match="start"):
        Arrow(("head", 1.0), "head")
    with pytest.raises(PoseError, match="shift = 40"):
        TopPose(shift=40.0)
    assert issubclass(PoseError, BackeaseError)
