"""Interactive pieces of the guide "Easing a Tight Back": routines, timers, checks, figures."""
from .checks import GuidedCheck, RedFlagScreen
from .errors import BackeaseError, FigureError, PoseError
from .leg_length import LEG_LENGTH
from .library import ROUTINES, get_routine
from .plan_builder import PlanBuilder
from .plans import PLANS, Block, Plan, get_plan, load_plan, plan_from_dict, save_plan
from .routine_files import load_routine, routine_from_dict, save_routine
from .routines import Breathing, Routine, RoutineError, Step, format_duration
from .timer import SessionTimer
from .walkthroughs import Walkthrough, WalkthroughError, read_mm, walk_paths

__all__ = [
    "BackeaseError", "Block", "Breathing", "FigureError", "GuidedCheck", "LEG_LENGTH", "PLANS", "Plan", "PlanBuilder",
    "PoseError", "ROUTINES", "RedFlagScreen", "Routine", "RoutineError", "SessionTimer", "Step", "Walkthrough",
    "WalkthroughError", "format_duration", "get_plan", "get_routine", "load_plan", "load_routine", "plan_from_dict",
    "read_mm", "routine_from_dict", "save_plan", "save_routine", "walk_paths",
]
