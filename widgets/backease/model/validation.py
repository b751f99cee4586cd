"""The one way to check a text or a number given to backease, raising the caller's kind of error."""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import BackeaseError


@dataclass(frozen=True)
class Validator:
    """``text`` and ``number`` checks that raise ``error`` (a ``BackeaseError`` subclass) naming the value."""

    error: type[BackeaseError] = BackeaseError

    def text(self, value, what: str, *, required: bool = True) -> str:
        """``value`` as one line of text (runs of white space, line breaks included, become one space)."""
        if not isinstance(value, str):
            raise self.error(f"{what} must be text, got {value!r}")
        if required and not value.strip():
            raise self.error(f"{what} must not be empty, got {value!r}")
        return " ".join(value.split())

    def number(self, value, what: str, *, allow_zero: bool = False) -> float:
        """``value`` as a finite positive float (or zero, if allowed)."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(f"{what} must be a number of seconds, got {value!r}")
        if not math.isfinite(value):
            raise self.error(f"{what} must be a finite number, got {value!r}")
        if value < 0 or (value == 0 and not allow_zero):
            bound = "zero or more" if allow_zero else "more than zero"
            raise self.error(f"{what} must be {bound}, got {value!r}")
        return float(value)
