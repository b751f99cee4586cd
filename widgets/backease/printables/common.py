"""What every printable shares: drawn poses as images, a bullet list, the red flags, the page wrapper.

Everything printed reads the same objects the pages and timers read (routines, levels, cards,
red flags, conditions, the course), so a printed dose or red flag cannot differ from the
screen. ``book/_assets/print.css`` lays them out on A4; each printable says how many pages
it prints on (``data-pages``), and the tests hold it to that.
"""
from __future__ import annotations

from html import escape

from ..model.red_flags import ADVICE, LEVELS, flags_at


def pose_uri(pose: str) -> str:
    """A drawn pose as an SVG data URI (percent-encoded text, not base64), for a browser-filled slot."""
    from urllib.parse import quote

    from ..figures import drawn_pose

    return "data:image/svg+xml," + quote(drawn_pose(pose).svg, safe=" :=/\"'<>.,;-")


def pose_img(pose: str) -> str:
    """A drawn pose as an image with its alt text: one element, not the dozens of an inline SVG (a
    page of sheets stays light to lay out); the built book makes its data URI a file (book/_ext/widget_state.py)."""
    from ..figures import drawn_pose

    return f'<img class="be-print-figure" src="{escape(pose_uri(pose))}" alt="{escape(drawn_pose(pose).alt)}">'


def pose_slot(pose: str) -> str:
    """A placeholder for a pose that the browser fills from a shared set of drawings (static/handout.js), fetched when
    the reader scrolls near it (a handout shown in a page), or when it prints."""
    from ..figures import drawn_pose

    return (f'<img class="be-print-figure" data-pose="{escape(pose)}" alt="{escape(drawn_pose(pose).alt)}"'
            ' loading="lazy">')


def bullet_list(items, cls: str = "") -> str:
    """Items as an HTML list, each escaped (``cls``: the list's class)."""
    return f'<ul{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}>{"".join(f"<li>{escape(str(i))}</li>" for i in items)}</ul>'


def red_flag_line() -> str:
    """The red flags in a line: the emergency signs and what to do, then where the other signs are."""
    emergency, urgent = LEVELS[:2]
    texts = "; ".join(f.text[0].lower() + f.text[1:] for f in flags_at(emergency))
    return (f'<p class="be-red-flag-line"><strong>Red flags. {escape(ADVICE[emergency].title)}</strong> if you have'
            f" back pain with: {escape(texts)}. {escape(ADVICE[urgent].title)} for the other red flags in the"
            " guide (the chapter \u201cSafety first\u201d).</p>")


def red_flags_box() -> str:
    """Every red-flag level with its signs and its action, for the top of a handout or a form."""
    parts = [f'<div class="be-print-flags be-print-flags-{level}"><p class="be-print-label">{escape(ADVICE[level].title)}'
             f"</p>{bullet_list(f.text for f in flags_at(level))}<p>{escape(ADVICE[level].action)}</p></div>" for level in LEVELS]
    return f'<section class="be-print-redflags"><h3>Red flags: stop and get help</h3>{"".join(parts)}</section>'


def printable(html: str, pages: int, cls: str) -> str:
    """A printable's wrapper: its class and the number of A4 pages it prints on."""
    return f'<div class="be-printable {cls}" data-pages="{pages}">{html}</div>'
