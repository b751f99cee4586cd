"""The routine library as a table for a notebook: ``list_routines()``."""
from __future__ import annotations

from html import escape

from ..model.library import ROUTINES
from ..model.routines import Routine, format_duration


class RoutineList(list):
    """A list of routines that shows as a table of name, title and time in a notebook."""

    def _rows(self) -> list[tuple[str, str, str]]:
        return [(r.name, r.title, format_duration(r.total_seconds)) for r in self]

    def __repr__(self) -> str:
        rows = [("name", "title", "time"), *self._rows()]
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        return "\n".join(f"{n:<{widths[0]}}  {t:<{widths[1]}}  {d}" for n, t, d in rows)

    def _repr_html_(self) -> str:
        body = "".join(f"<tr><td><code>{escape(n)}</code></td><td>{escape(t)}</td><td>{escape(d)}</td></tr>"
                       for n, t, d in self._rows())
        return f"<table><thead><tr><th>name</th><th>title</th><th>time</th></tr></thead><tbody>{body}</tbody></table>"


def list_routines() -> RoutineList:
    """Every routine in the library, in the book's order; each name works in ``SessionTimer(name)``.

    >>> routines = list_routines()
    >>> "breathing" in [r.name for r in routines]
    True
    """
    return RoutineList(ROUTINES.values())


__all__ = ["Routine", "RoutineList", "list_routines"]
