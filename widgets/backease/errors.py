"""The package's one error type, ``BackeaseError``, and a subclass per kind of thing that can be wrong.

Every message names the bad value, so a reader or teacher sees what to fix, never a deep
traceback. Catch ``BackeaseError`` for any of them. They are ``ValueError``s too.
"""


class BackeaseError(ValueError):
    """Something given to backease that it cannot use; the message names it."""


class RoutineError(BackeaseError):
    """A routine, step, plan or file that cannot be timed; the message names the bad value."""


class WalkthroughError(BackeaseError):
    """A walkthrough, step, outcome or typed-in value that cannot be used; the message names it."""


class FigureError(BackeaseError):
    """A figure asked for with a value it cannot draw (a side, a depth, a size); the message names it."""


class PoseError(FigureError):
    """A pose or scene that cannot be drawn (a limb that cannot reach, an unknown name)."""
