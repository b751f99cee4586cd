"""Named poses as finished SVG text with their alt text, drawn once.

A book build draws the same poses on many pages (a technique's chapter, the exercise sheets,
the handouts, the plan builder), each page in its own kernel. So a drawn pose is kept in
memory and, when the build names a folder in ``BACKEASE_FIGURE_CACHE``, on disk for the
other kernels. The build empties that folder whenever the package changes
(``book/_ext/offline_book.py``), since the drawings come from the package's code.
"""
from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from html import escape
from pathlib import Path
from typing import NamedTuple

from ..errors import PoseError

CACHE_ENV = "BACKEASE_FIGURE_CACHE"
_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class DrawnPose(NamedTuple):
    svg: str  # compact SVG in the book's style (style.to_svg)
    alt: str  # what it shows, in words

    def labelled(self) -> str:
        """The SVG to put in a page: an image whose words are the alt text (role, aria-label, title)."""
        head = self.svg.index(">")
        alt = escape(self.alt)
        return f'{self.svg[:head]} role="img" aria-label="{alt}"><title>{alt}</title>{self.svg[head + 1:]}'


@functools.cache
def drawn_pose(name: str) -> DrawnPose:
    """The named pose drawn in the book's style, and its alt text."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise PoseError(f"no pose called {name!r}: pose names are lower-case words joined by hyphens")
    folder = os.environ.get(CACHE_ENV)
    path = Path(folder) / f"{name}.json" if folder else None
    if path and path.is_file():
        try:
            return DrawnPose(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):  # a record that is not whole: draw it again
            pass
    pose = _draw(name)
    if path:
        _keep(path, pose)
    return pose


def _draw(name: str) -> DrawnPose:
    from .pose_library import alt_text, draw_named
    from .style import drawn_svg

    return DrawnPose(drawn_svg(lambda: draw_named(name)), alt_text(name))


def _keep(path: Path, pose: DrawnPose) -> None:
    """Write the record whole or not at all: other kernels may read the folder at the same time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as out:
        json.dump(pose._asdict(), out)
    os.replace(out.name, path)
