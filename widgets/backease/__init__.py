"""Interactive pieces of the guide "Easing a Tight Back": routines, timers, checks, figures.

In a notebook::

    import backease
    backease.list_routines()                  # the library: names, titles, times
    backease.SessionTimer("breathing")        # a timer for one of them

Importing the package is quick: the widgets (anywidget) and the figures (matplotlib) load
the first time they are used, so a script that only reads routines never pays for them.
"""
from .text.catalogue import list_routines
from .model.diary_file import load_diary, load_diary_file
from .errors import (BackeaseError, ConditionsError, CourseError, DataError, DiaryError, FigureError, HomePlanError, PlanError, PoseError,
                     RoutineError, TechniqueError, WalkthroughError)
from .model.home import HomePlan
from .lazy import lazy_names
from .model.leg_length import LEG_LENGTH
from .model.library import ROUTINES, get_routine
from .model.plans import PLANS, Block, Plan, get_plan, load_plan, plan_from_dict, save_plan
from .model.routine_files import load_routine, routine_from_dict, save_routine
from .model.routines import Breathing, Routine, Step, format_duration
from .model.walkthroughs import Walkthrough, read_mm, walk_paths

# Widgets, loaded on first use: name -> module. A new widget class goes here, not in an import above.
_LAZY = {"ConditionsNote": "widgets.my_conditions", "DiaryView": "widgets.diary_view", "GuidedCheck": "widgets.checks",
         "HomeProgramme": "widgets.home_programme", "MyConditions": "widgets.my_conditions",
         "MyRoutine": "widgets.my_routine",
         "PlanBuilder": "widgets.plan_builder", "RedFlagScreen": "widgets.checks", "SessionTimer": "widgets.timer"}

__all__ = [
    "BackeaseError", "Block", "Breathing", "ConditionsError", "ConditionsNote", "CourseError", "DataError", "DiaryError",
    "DiaryView", "FigureError", "GuidedCheck", "HomePlan", "HomePlanError", "HomeProgramme", "LEG_LENGTH", "MyConditions",
    "MyRoutine", "PLANS", "Plan", "PlanBuilder", "PlanError", "PoseError", "ROUTINES",
    "RedFlagScreen", "Routine", "RoutineError", "SessionTimer", "Step", "TechniqueError", "Walkthrough",
    "WalkthroughError", "format_duration", "get_plan", "get_routine", "list_routines", "load_diary", "load_diary_file", "load_plan",
    "load_routine", "plan_from_dict", "read_mm", "routine_from_dict", "save_plan", "save_routine", "walk_paths",
]
__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())
