"""The anatomy figures (figures/anatomy.py) draw what their captions say: the right bones, muscles and labels; every
drawn figure is a small vector file, described in its chapter."""
import io
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import yaml
from matplotlib.path import Path as MplPath

from backease import figures
from backease.figures import anatomy
from drawn_parts import outline, points, shapes, texts


BOOK = Path(__file__).resolve().parent.parent / "book"


# --- The whole spine, from the side -------------------------------------------------------------

def test_spine_draws_the_right_number_of_bones_in_each_region():
    fig = figures.draw_spine()
    counts = Counter(p.get_gid().split(":")[1] for p in shapes(fig, "vertebra:"))
    assert counts == {"cervical": 7, "thoracic": 12, "lumbar": 5, "sacrum": 1, "coccyx": 1}


def test_spine_labels_each_region_with_its_count_and_curve():
    words = texts(figures.draw_spine())
    for label in ("Cervical (neck) 7 vertebrae curves towards the front",
                  "Thoracic (chest) 12 vertebrae curves towards the back",
                  "Lumbar (low back) 5 vertebrae curves towards the front",
                  "Sacrum one bone of fused vertebrae", "Coccyx (tailbone)", "front", "back"):
        assert label in words


def test_spine_runs_from_neck_to_tailbone_without_bones_overlapping():
    bones = shapes(figures.draw_spine(), "vertebra:")
    assert [b.get_gid() for b in bones][0] == "vertebra:cervical"
    assert [b.get_gid() for b in bones][-1] == "vertebra:coccyx"
    middles = [points(b)[:, 1].mean() for b in bones]
    assert all(a > b for a, b in zip(middles, middles[1:]))
    for upper, lower in zip(bones, bones[1:]):
        if upper.get_gid() != "vertebra:sacrum":  # the coccyx joins the sacrum directly
            assert not outline(upper).intersects_path(outline(lower), filled=True), upper.get_gid()


@pytest.mark.parametrize("region, towards", [("cervical", "front"), ("thoracic", "back"), ("lumbar", "front")])
def test_spine_curves_bow_the_way_the_label_says(region, towards):
    xs = [points(b)[:, 0].mean() for b in shapes(figures.draw_spine(), f"vertebra:{region}")]
    chord = (xs[0] + xs[-1]) / 2
    middle = xs[len(xs) // 2]
    # Side views put the front of the body on the left (smaller x).
    assert (middle < chord - 0.1) if towards == "front" else (middle > chord + 0.1)


def test_spine_has_a_disc_between_each_pair_of_moving_vertebrae_below_the_second():
    fig = figures.draw_spine()
    discs = shapes(fig, "disc")
    # 24 separate vertebrae; the top two meet without a disc; one more disc sits on the sacrum.
    assert len(discs) == 23
    bones = shapes(fig, "vertebra:")
    tops = [points(b)[:, 1].max() for b in bones]
    for disc in discs:
        centre = points(disc).mean(axis=0)
        assert tops[-2] < centre[1] < tops[1], "each disc lies between the second neck vertebra and the sacrum"
        assert not any(outline(b).contains_point(centre) for b in bones), "a disc lies between bones"


def test_spine_regions_come_from_the_regions_table():
    assert [r.key for r in anatomy.REGIONS] == ["cervical", "thoracic", "lumbar", "sacrum", "coccyx"]
    assert [r.count for r in anatomy.REGIONS] == [7, 12, 5, 1, 1]


# --- Two vertebrae and a disc --------------------------------------------------------------------

def test_vertebra_pair_has_a_disc_between_two_bodies():
    fig = figures.draw_vertebra_pair()
    upper, lower = (points(shapes(fig, f"body:{level}")[0]) for level in ("upper", "lower"))
    disc = points(shapes(fig, "disc")[0])
    assert len(shapes(fig, "body:")) == 2 and len(shapes(fig, "disc")) == 1
    assert disc[:, 1].max() <= upper[:, 1].min() + 0.01
    assert disc[:, 1].min() >= lower[:, 1].max() - 0.01
    assert upper[:, 0].min() - 0.1 <= disc[:, 0].min() and disc[:, 0].max() <= upper[:, 0].max() + 0.1
    centre = points(shapes(fig, "soft-centre")[0])
    assert all(MplPath(disc).contains_point(p) for p in centre), "the disc's soft centre lies inside its ring"


def test_vertebra_pair_puts_spinous_processes_and_the_facet_joint_behind_the_bodies():
    fig = figures.draw_vertebra_pair()
    body_back = max(points(b)[:, 0].max() for b in shapes(fig, "body:"))
    arches = shapes(fig, "arch:")
    assert len(arches) == 2
    assert all(points(a)[:, 0].max() > body_back + 2 for a in arches), "spinous processes point back"
    joint = points(shapes(fig, "facet-joint")[0])
    assert joint[:, 0].min() > body_back
    upper_body, lower_body = (points(shapes(fig, f"body:{level}")[0]) for level in ("upper", "lower"))
    # The joint sits at the level of the gap between the two vertebrae, where they meet.
    assert lower_body[:, 1].max() - 0.5 < joint[:, 1].mean() < upper_body[:, 1].min() + 0.5


def test_vertebra_pair_names_each_part():
    words = texts(figures.draw_vertebra_pair())
    for label in ("vertebral body", "disc", "spinous process", "facet joint", "opening for a nerve", "front",
                  "back"):
        assert label in words


# --- Muscle layers, from behind ------------------------------------------------------------------

def levels_spanned(muscle) -> int:
    ys = points(muscle)[:, 1]
    return round((ys.max() - ys.min()) / anatomy.PITCH)


def test_deep_bundles_are_short_and_outer_columns_are_long():
    fig = figures.draw_muscle_layers()
    deep, long_ = shapes(fig, "deep-muscle"), shapes(fig, "long-muscle")
    assert len(shapes(fig, "vertebra")) == anatomy.COLUMN
    assert deep and long_
    assert {levels_spanned(m) for m in deep} == {1, 2, 3}
    centres = anatomy.vertebra_centres()
    for muscle in long_:
        ys = points(muscle)[:, 1]
        assert sum(ys.min() <= c <= ys.max() for c in centres) >= len(centres) - 1


def test_deep_bundles_hug_the_spine_and_the_layers_sit_on_opposite_halves():
    fig = figures.draw_muscle_layers()
    processes = [points(p) for p in shapes(fig, "transverse-process")]
    reach = max(abs(p[:, 0]).max() for p in processes)
    for m in shapes(fig, "deep-muscle"):
        xs = points(m)[:, 0]
        assert xs.max() <= 0 and xs.min() >= -reach - 0.05
    assert all(points(m)[:, 0].min() >= 0 for m in shapes(fig, "long-muscle"))


def test_muscle_layers_are_named():
    words = texts(figures.draw_muscle_layers())
    for label in ("Deep layer", "multifidus", "1 to 3 vertebrae", "Outer layer", "erector spinae", "pelvis"):
        assert label in words


# --- Psoas and quadratus lumborum, from the front -------------------------------------------------

def test_psoas_runs_from_the_lumbar_spine_past_the_hip_to_the_thigh_bone():
    fig = figures.draw_psoas_and_ql()
    psoas = points(shapes(fig, "psoas")[0])
    bodies = [points(b) for b in shapes(fig, "vertebra:")]
    assert len(shapes(fig, "vertebra:lumbar")) == 5
    top_lumbar = max(points(b)[:, 1].max() for b in shapes(fig, "vertebra:lumbar"))
    assert psoas[:, 1].max() >= top_lumbar, "psoas starts at or above the first lumbar vertebra"
    body_edge = max(abs(b[:, 0]).max() for b in bodies)
    assert abs(psoas[:, 0]).min() <= body_edge + 0.15, "psoas is attached to the sides of the vertebrae"
    joint = [j for j in shapes(fig, "hip-joint") if j.center[0] < 0][0]
    assert psoas[:, 1].min() < joint.center[1] - joint.radius, "psoas reaches below the hip joint"
    thigh = [points(t) for t in shapes(fig, "thigh-bone") if points(t)[:, 0].mean() < 0][0]
    assert thigh[:, 0].min() <= psoas[np.argmin(psoas[:, 1]), 0] <= thigh[:, 0].max()
    in_front = min(p.get_zorder() for p in shapes(fig, "psoas"))
    assert all(t.get_zorder() < in_front for t in shapes(fig, "transverse-process"))


def test_quadratus_lumborum_fills_the_gap_from_the_last_rib_to_the_iliac_crest():
    fig = figures.draw_psoas_and_ql()
    ql = points(shapes(fig, "quadratus-lumborum")[0])
    rib = [points(r) for r in shapes(fig, "last-rib") if points(r)[:, 0].mean() > 0][0]
    crest_top = max(y for x, y in anatomy.CREST)
    assert abs(ql[:, 1].max() - rib[:, 1].max()) < 0.3, "its top edge follows the last rib"
    assert ql[:, 1].min() <= crest_top and ql[:, 1].min() >= min(y for _, y in anatomy.CREST) - 0.1
    bodies = [points(b) for b in shapes(fig, "vertebra:")]
    assert ql[:, 0].min() >= max(b[:, 0].max() for b in bodies), "it lies out to the side of the spine"


def test_psoas_figure_names_the_muscles_and_landmarks():
    words = texts(figures.draw_psoas_and_ql())
    for label in ("psoas", "quadratus lumborum", "last rib", "iliac crest", "transverse process", "hip joint",
                  "thigh bone"):
        assert label in words



# --- All figures: small vector files, and described in the chapters ------------------------------

DRAWINGS = [figures.draw_spine, figures.draw_vertebra_pair, figures.draw_muscle_layers,
            figures.draw_psoas_and_ql, figures.draw_tension_loop]


@pytest.mark.parametrize("draw", DRAWINGS, ids=lambda d: d.__name__)
def test_figures_are_small_vector_svgs_with_real_text(draw):
    figures.setup()
    out = io.StringIO()
    draw().savefig(out, format="svg")
    svg = out.getvalue()
    assert "<image" not in svg, "no raster images inside the SVG"
    assert "<text" in svg, "labels stay text, for screen readers and search"
    assert len(svg.encode()) < 40_000


FIGURE_CELL = re.compile(r"```\{code-cell\}[^\n]*\n---\n(?P<meta>.*?)\n---\n(?P<code>.*?)```", re.S)


def figure_cells():
    for page in sorted(BOOK.rglob("*.md")):
        for cell in FIGURE_CELL.finditer(page.read_text(encoding="utf-8")):
            if "figures.draw_" in cell["code"]:
                yield page.relative_to(BOOK).as_posix(), yaml.safe_load(cell["meta"]), cell["code"]


def test_every_drawn_figure_in_the_book_has_alt_text_a_caption_and_a_name():
    cells = list(figure_cells())
    drawn = {re.search(r"figures\.(draw_\w+)", code)[1] for _, _, code in cells}
    assert {d.__name__ for d in DRAWINGS} <= drawn, "every figure is used in a chapter"
    for page, meta, code in cells:
        mystnb = meta["mystnb"]
        assert "remove-input" in meta["tags"], page
        assert len(mystnb["image"]["alt"].split()) >= 15, f"{page}: {code.strip()} needs a real description"
        assert mystnb["figure"]["caption"].strip() and mystnb["figure"]["name"].startswith("fig-"), page
