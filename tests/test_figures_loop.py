"""The pain, stress and breathing loop (figures/loop.py) draws what its caption says: every stage once, a closed circle,
and where breathing and relaxing step in."""
import numpy as np

from backease import figures
from backease.figures import loop
from drawn_parts import points, shapes, texts


def distance(path, centre) -> float:
    """How close a drawn path comes to a point."""
    return float(np.hypot(*(path - centre).T).min())


def nearest_stage(path, centres) -> int:
    return int(np.argmin([distance(path, c) for c in centres]))


def test_loop_draws_every_stage_once_and_closes_the_circle():
    fig = figures.draw_tension_loop()
    stages = shapes(fig, "stage:")
    assert len(stages) == len(loop.LOOP) >= 4
    words = texts(fig)
    for stage in loop.LOOP:
        assert stage.replace("\n", " ") in words
    centres = [points(s).mean(axis=0) for s in stages]
    arrows = shapes(fig, "loop-arrow:")
    assert len(arrows) == len(stages)
    for i, arrow in enumerate(arrows):
        path = points(arrow)
        assert nearest_stage(path[:1], centres) == i, f"arrow {i} should start at stage {i}"
        closest_two = sorted(np.argsort([distance(path, c) for c in centres])[:2])
        assert closest_two == sorted([i, (i + 1) % len(stages)]), f"arrow {i} should end at the next stage"


def test_loop_names_pain_stress_tight_muscles_and_shallow_breathing():
    words = texts(figures.draw_tension_loop()).lower()
    for idea in ("pain", "stress", "tighten", "shallow"):
        assert idea in words


def test_loop_shows_where_breathing_and_relaxing_step_in():
    fig = figures.draw_tension_loop()
    centres = [points(s).mean(axis=0) for s in shapes(fig, "stage:")]
    arrows = shapes(fig, "way-in-arrow:")
    assert len(arrows) == len(loop.WAYS_IN) == 2
    for (text, stage, _), arrow in zip(loop.WAYS_IN, arrows):
        assert nearest_stage(points(arrow), centres) == stage, text
    assert "breathing" in loop.LOOP[loop.WAYS_IN[0][1]].lower()
    assert "tighten" in loop.LOOP[loop.WAYS_IN[1][1]].lower()
