"""Interactive pieces of the guide "Easing a Tight Back": routines, timers, checks, figures."""
from .library import ROUTINES, get_routine
from .routine_files import load_routine, routine_from_dict, save_routine
from .routines import Breathing, Routine, RoutineError, Step, format_duration
from .timer import SessionTimer

__all__ = [
    "Breathing", "ROUTINES", "Routine", "RoutineError", "SessionTimer", "Step",
    "format_duration", "get_routine", "load_routine", "routine_from_dict", "save_routine",
]
