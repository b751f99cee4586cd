"""Figures drawn by code for the guide. Each drawing function returns a matplotlib Figure."""
from .anatomy import draw_muscle_layers, draw_psoas_and_ql, draw_spine, draw_vertebra_pair
from .loop import draw_tension_loop
from .plan import draw_plan
from .pelvis import draw_book_under_foot, draw_hands_on_crests
from .poses import (Arrow, Pose, PoseError, Prop, Scene, Side, TopPose, draw_pose, draw_scene, level_foot, place,
                    reach, settle)
from .style import setup
from .timeline import draw_timeline
from .wave import WavePicture, wave_svg

# The pose library solves every named scene when it is imported (about half a second): only
# on first use, so a page that draws no named pose does not pay for it.
_POSE_LIBRARY = ("POSES", "alt_text", "draw_named")


def __getattr__(name):
    if name in _POSE_LIBRARY:
        from . import pose_library

        return getattr(pose_library, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Arrow", "POSES", "Pose", "PoseError", "Prop", "Scene", "Side", "TopPose", "WavePicture",
    "alt_text", "draw_book_under_foot", "draw_hands_on_crests", "draw_muscle_layers", "draw_named",
    "draw_plan", "draw_pose", "draw_psoas_and_ql", "draw_scene", "draw_spine", "draw_tension_loop",
    "draw_timeline", "draw_vertebra_pair", "level_foot", "place", "reach", "settle", "setup", "wave_svg",
]
