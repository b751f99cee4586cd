"""Exercise figures drawn from joint angles: a friendly rounded person, props and movement arrows.

The public names, from the modules that each hold one job:

- ``pose_model``: :class:`Pose`, :class:`TopPose`, :class:`Side`, :class:`Prop`, :class:`Arrow`,
  :class:`Scene` (checked data, with the angle conventions) and the body's measures;
- ``pose_solver``: forward kinematics (``place``) and the solvers ``reach``, ``level_foot``, ``settle``;
- ``pose_drawing``: ``draw_pose`` and ``draw_scene``, with matplotlib, in the book's colours;
- alt text: each named scene carries its own words (``pose_library.alt_text``).
"""
from ..errors import PoseError
from .pose_drawing import draw_pose, draw_scene
from .pose_model import LIFTS, Arrow, Pose, Prop, Scene, Side, TopPose
from .pose_solver import level_foot, place, reach, settle

__all__ = ["LIFTS", "Arrow", "Pose", "PoseError", "Prop", "Scene", "Side", "TopPose", "draw_pose", "draw_scene",
           "level_foot", "place", "reach", "settle"]
