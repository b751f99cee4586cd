"""Named poses drawn once per build: kept in memory, and in the folder the build names for its kernels."""
import json

import pytest

from backease import PoseError
from backease.figures import POSES, drawn_pose
from backease.figures.drawn_poses import CACHE_ENV, DrawnPose

POSE = "ql-start"
draw_afresh = drawn_pose.__wrapped__  # past the in-memory cache, so each call looks at the folder


def test_a_drawn_pose_is_svg_with_the_scenes_alt_text(monkeypatch):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    pose = draw_afresh(POSE)
    assert pose.svg.startswith("<svg") and pose.svg.endswith("</svg>")
    assert pose.alt == POSES[POSE].alt


def test_a_labelled_pose_is_an_image_named_by_its_alt_text():
    pose = DrawnPose('<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>', 'Knees "bent" & feet flat')
    assert pose.labelled() == ('<svg viewBox="0 0 1 1" role="img" aria-label="Knees &quot;bent&quot; &amp; feet flat">'
                               '<title>Knees &quot;bent&quot; &amp; feet flat</title><path d="M0 0"/></svg>')


def test_the_build_folder_keeps_a_drawing_for_the_next_kernel(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    drawn = draw_afresh(POSE)
    record = tmp_path / f"{POSE}.json"
    assert json.loads(record.read_text()) == drawn._asdict()
    assert not list(tmp_path.glob("*.tmp")), "the temporary file was left behind"
    record.write_text(json.dumps({"svg": "<svg>kept</svg>", "alt": "kept"}))
    assert draw_afresh(POSE).svg == "<svg>kept</svg>", "the next kernel drew the pose again instead of reading it"


@pytest.mark.parametrize("damage", ['{"svg": "<svg', '{"svg": "<svg/>"}', "[1, 2]"])
def test_a_damaged_record_is_drawn_again_and_replaced(monkeypatch, tmp_path, damage):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    (tmp_path / f"{POSE}.json").write_text(damage)
    pose = draw_afresh(POSE)
    assert pose.alt == POSES[POSE].alt
    assert json.loads((tmp_path / f"{POSE}.json").read_text()) == pose._asdict()


@pytest.mark.parametrize("name", ["../secrets", "QL-start", "", 7])
def test_a_bad_pose_name_is_refused_by_name(name):
    with pytest.raises(PoseError, match=repr(name).replace("(", r"\(").replace(".", r"\.")):
        drawn_pose(name)
