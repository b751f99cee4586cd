"""Drawing the pose figures (figures/pose_drawing.py): every catalogue pose with its props and arrows, nothing
below the floor line, into a given axes, as a small SVG without raster images; bad anchors refused by name."""
import functools
import io
import xml.etree.ElementTree as ET

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from backease.figures import POSES, Arrow, Pose, PoseError, Prop, TopPose, draw_pose, draw_scene
from backease.figures.pose_model import SCALE
from backease.figures.style import RC


@functools.cache
def drawn(name) -> Figure:
    """The catalogue pose ``name`` drawn once for this module's tests, which only read it."""
    return draw_scene(POSES[name])


def labelled(fig, prefix):
    return [a for ax in fig.axes for a in ax.get_children() if str(a.get_label()).startswith(prefix)]


@pytest.mark.parametrize("name", list(POSES))
def test_every_catalogue_pose_draws_its_props_and_arrows(name):
    scene = POSES[name]
    fig = drawn(name)
    assert isinstance(fig, Figure)
    assert labelled(fig, "body:head")
    for kind in {p.kind for p in scene.props}:
        drawn_props = [a for a in labelled(fig, f"prop:{kind}") if a.get_label() == f"prop:{kind}"]
        assert len(drawn_props) >= sum(p.kind == kind for p in scene.props), kind
    arrows = [a for a in labelled(fig, "arrow") if isinstance(a, FancyArrowPatch)]
    assert len(arrows) == len(scene.arrows)
    texts = [t.get_text() for t in labelled(fig, "arrow-label")]
    assert texts == [a.label for a in scene.arrows if a.label]


def test_no_drawn_body_shape_goes_below_the_floor_line():
    """In every side view (seen from above, there is no floor); the scenes are posed here, not when the tests are
    collected (POSES poses a scene when it is first asked for)."""
    pt_per_cm = SCALE * 72
    below = {}
    for name, scene in POSES.items():
        if isinstance(scene.pose, Pose):
            lowest = min(min(line.get_ydata()) - line.get_linewidth() / 2 / pt_per_cm
                         for line in labelled(drawn(name), "body:") if isinstance(line, Line2D))
            if lowest < -0.01:  # outline included: the floor line is at 0
                below[name] = lowest
    assert not below, below


def test_draw_pose_can_draw_into_a_given_axes():
    fig = Figure()
    ax = fig.add_subplot()
    assert draw_pose(Pose("standing"), arrows=[Arrow("head", ("head", 0, 20))], ax=ax) is fig
    assert labelled(fig, "body:") and len(labelled(fig, "arrow")) == 1


def test_props_and_arrows_at_no_landmark_and_props_a_top_view_cannot_show_are_refused_clearly():
    with pytest.raises(PoseError, match="'elbow_of_doom'"):
        draw_pose(Pose("standing"), [Prop("towel", "elbow_of_doom")])
    with pytest.raises(PoseError, match="'nowhere'"):
        draw_pose(Pose("standing"), arrows=[Arrow("nowhere", "head")])
    with pytest.raises(PoseError, match="mat or a level line"):
        draw_pose(TopPose(), [Prop("ball")])


def svg_of(fig) -> bytes:
    """``fig`` saved as SVG in the book's style (``style.RC``), leaving matplotlib's settings as they were."""
    buf = io.BytesIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buf, format="svg")
    return buf.getvalue()


def test_figures_are_small_svgs_without_raster_images():
    sizes = {}
    for name in POSES:
        data = svg_of(drawn(name))
        root = ET.fromstring(data)
        assert not root.findall(".//{http://www.w3.org/2000/svg}image"), name
        sizes[name] = len(data)
    assert max(sizes[n] for n in POSES) < 15_000, sizes
