"""The package's errors: ``BackeaseError``, and a subclass per kind of thing that can be wrong.

Every message names the bad value, so a reader or teacher sees what to fix, never a deep
traceback. Catch ``BackeaseError`` for any of them, ``DataError`` for any data that cannot be
used (a routine, a plan, a course, a diary, a card, a file). They are ``ValueError``s too.

    BackeaseError
    ├── DataError            data that cannot be used: equipment lists, transfers, files, and the kinds below
    │   ├── RoutineError     a routine or step (and a link's routine) that cannot be timed
    │   ├── PlanError        a class plan or one of its blocks
    │   ├── CourseError      a course, its sessions, talks, exercises and levels' progression
    │   ├── TechniqueError   a technique card
    │   ├── DiaryError       a diary entry or an exported diary file
    │   ├── HomePlanError    a reader's home programme: its days, start and conditions
    │   ├── ConditionsError  a reader's conditions as kept in the browser
    │   └── WalkthroughError a guided check, its steps and outcomes, or a typed-in value
    └── FigureError          a figure asked for with a value it cannot draw
        └── PoseError        a pose or scene that cannot be drawn
"""


class BackeaseError(ValueError):
    """Something given to backease that it cannot use; the message names it."""


class DataError(BackeaseError):
    """Data that cannot be used (a file, a list, a value in it); the message names the bad value."""


class RoutineError(DataError):
    """A routine, step or routine file that cannot be timed; the message names the bad value."""


class PlanError(DataError):
    """A class plan, block or plan file that cannot be used; the message names the bad value."""


class CourseError(DataError):
    """A course, session, talk, exercise or course file that cannot be used; the message names it."""


class TechniqueError(DataError):
    """A technique card that cannot be used; the message names the file and the bad value."""


class DiaryError(DataError):
    """A diary entry or exported diary that cannot be read; the message names the bad value."""


class HomePlanError(DataError):
    """A home programme that cannot be used (its days, start or conditions); the message names the bad value."""


class ConditionsError(DataError):
    """A reader's conditions, as kept in the browser, that cannot be read; the message says why."""


class WalkthroughError(DataError):
    """A walkthrough, step, outcome or typed-in value that cannot be used; the message names it."""


class FigureError(BackeaseError):
    """A figure asked for with a value it cannot draw (a side, a depth, a size); the message names it."""


class PoseError(FigureError):
    """A pose or scene that cannot be drawn (a limb that cannot reach, an unknown name)."""
