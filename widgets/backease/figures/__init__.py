"""Figures drawn by code for the guide. Each drawing function returns a matplotlib Figure.

Every name loads its module on first use, so importing the package costs nothing and a page
that draws nothing never imports matplotlib (about half a second), nor solves the pose
library (another half second). ``drawn_pose`` gives a named pose's finished SVG, drawn once.
"""
from ..lazy import lazy_names

_WHERE = {  # name -> the module that holds it
    **dict.fromkeys(("draw_muscle_layers", "draw_psoas_and_ql", "draw_spine", "draw_vertebra_pair"), "anatomy"),
    "draw_tension_loop": "loop",
    "draw_plan": "plan",
    **dict.fromkeys(("draw_book_under_foot", "draw_hands_on_crests"), "pelvis"),
    **dict.fromkeys(("Arrow", "Pose", "PoseError", "Prop", "Scene", "Side", "TopPose", "draw_pose", "draw_scene",
                     "level_foot", "place", "reach", "settle"), "poses"),
    **dict.fromkeys(("POSES", "alt_text", "draw_named"), "pose_library"),
    **dict.fromkeys(("DrawnPose", "drawn_pose"), "drawn_poses"),
    "setup": "style",
    "draw_timeline": "timeline",
    **dict.fromkeys(("WavePicture", "wave_svg"), "wave"),
}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())
