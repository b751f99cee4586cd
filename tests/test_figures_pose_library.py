"""The named poses (figures/pose_library.py): each has alt text naming its props, the props that carry the body
touch it, every pose is used somewhere, and an unknown name is refused."""
import pytest

from backease.figures import POSES, PoseError, alt_text, draw_named, place
from backease.figures.pose_model import LIFTS, MAT
from conftest import ROOT


@pytest.mark.parametrize("name", list(POSES))
def test_every_catalogue_pose_has_alt_text_that_names_its_props(name):
    scene = POSES[name]
    alt = alt_text(name)
    assert alt == scene.alt and len(alt) > 40 and alt.endswith(".")
    for prop in scene.props:
        assert prop.kind in alt.lower(), (name, prop.kind)
    assert scene.caption


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


def test_an_unknown_pose_name_is_refused_by_name():
    with pytest.raises(PoseError, match="'no-such-pose'"):
        draw_named("no-such-pose")


def test_every_pose_in_the_catalogue_is_drawn_somewhere():
    """A pose no card, level, transfer, walkthrough or page names is dead code."""
    sources = [p for p in (ROOT / "widgets" / "backease").rglob("*.py") if p.name != "pose_library.py"]
    sources += list((ROOT / "widgets" / "backease" / "model" / "technique_data").glob("*.yml"))
    sources += list((ROOT / "book").rglob("*.md"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    unused = [name for name in POSES if f'"{name}"' not in text and f"'{name}'" not in text
              and f"pose: {name}" not in text and f" {name}\n" not in text]
    assert not unused, unused
