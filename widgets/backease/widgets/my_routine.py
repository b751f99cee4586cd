"""My routine: the reader's own list of library routines, run as one session, kept in the browser.

A routine travels as a small JSON payload, ``{"format", "version", "title", "routines"}``:
as a file, or base64url-encoded in a link's fragment (``…/my-routine.html#routine=…``),
which a browser never sends to a server. ``MyRoutine`` is the widget; the functions here
make and read the same payload in Python, with the same checks.
"""
from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path

import traitlets

from .static_modules import esm_module
from ..model.library import ROUTINES, get_routine
from ..model.logistics import cards_in
from ..model.plans import Block, Plan
from ..model.routines import DURATION_UNITS, MAX_TOTAL_SECONDS, RoutineError, format_duration
from ..text.storage import REFUSED
from .my_conditions import answers_data, store_spec
from .timer import TimerHost

FORMAT = "backease-my-routine"
VERSION = 1
FRAGMENT = "routine="
MAX_ITEMS = 30
MAX_TITLE = 80
PRESETS = ("starter", "flare-up")  # offered as starting points when the library has them
LIMITS = {"format": FORMAT, "version": VERSION, "fragment": FRAGMENT, "max_items": MAX_ITEMS, "max_title": MAX_TITLE,
          "max_seconds": MAX_TOTAL_SECONDS, "max_total": format_duration(MAX_TOTAL_SECONDS)}
LINK = "this link's routine"  # how a message names the routine in a link
_STATIC = Path(__file__).parent / "static"
# What a check says about a routine that cannot be opened, here and in the browser (the view fills
# the same texts): "{source}" names the routine, "{got}" the bad value (a version, or a name that is not text, as JSON).
PROBLEMS = {
    "format": "{source} is not a routine made with this guide.",
    "version": "{source} has version {got}; this guide reads version {version}.",
    "title": "{source}: the title must be text of 1 to {max_title} characters.",
    "routines": "{source} must list 1 to {max_items} exercises.",
    "unknown": "{source} names an exercise this guide does not have: \u201c{got}\u201d.",
    "too_long": "{source} lasts {got}: a session may last at most {max_total}.",
    "damaged": "{source} is damaged: it may have been cut short when it was copied.",
    "not_json": "{source} is not a routine file: it is not JSON.",
}


def _as_js_json(value) -> str:
    """``value`` as JavaScript's JSON.stringify writes it (a whole float without its ".0")."""
    def plain(v):
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, list):
            return [plain(x) for x in v]
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        return v
    return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))


def _problem(kind: str, source: str, got=None) -> RoutineError:
    """The error for a routine that fails check ``kind``, in the words of ``PROBLEMS``: a bad version, or a
    name that is not text, shown as JSON."""
    if kind == "version" or (kind == "unknown" and not isinstance(got, str)):
        got = _as_js_json(got)
    text = PROBLEMS[kind].format(source=source, got=got, **LIMITS)
    return RoutineError(text[:1].upper() + text[1:])


def payload(title: str, names: list[str]) -> dict:
    """The routine as shared: checked, so a link or file made here always opens."""
    return check_payload({"format": FORMAT, "version": VERSION, "title": title, "routines": list(names)})


def check_payload(data, source: str = "this routine") -> dict:
    """``data`` if it is a routine this guide can run, else a RoutineError naming the bad value."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _problem("format", source)
    if isinstance(data.get("version"), bool) or data.get("version") != VERSION:
        raise _problem("version", source, data.get("version"))
    title, names = data.get("title"), data.get("routines")
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
        raise _problem("title", source)
    if not isinstance(names, list) or not 1 <= len(names) <= MAX_ITEMS:
        raise _problem("routines", source)
    for name in names:
        if not isinstance(name, str) or name not in ROUTINES:
            raise _problem("unknown", source, name)
    seconds = sum(get_routine(n).total_seconds for n in names)
    if seconds > MAX_TOTAL_SECONDS:
        raise _problem("too_long", source, format_duration(seconds))
    return data


def to_fragment(title: str, names: list[str]) -> str:
    """The fragment of a link that opens this routine, ready to run: ``#routine=…``."""
    text = json.dumps(payload(title, names), ensure_ascii=False, separators=(",", ":"))
    return "#" + FRAGMENT + base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def from_fragment(fragment: str) -> dict:
    """The payload in a link's fragment (with or without the ``#``), checked."""
    body = fragment.lstrip("#")
    if not body.startswith(FRAGMENT):
        raise RoutineError(f"this link holds no routine (it should contain #{FRAGMENT}…)")
    code = body[len(FRAGMENT):]
    try:
        data = json.loads(base64.urlsafe_b64decode(code + "=" * (-len(code) % 4)).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise _problem("damaged", LINK) from None
    return check_payload(data, LINK)


def as_plan(data: dict) -> Plan:
    """A checked payload as a Plan, for ``SessionTimer(as_plan(...))`` in Jupyter."""
    data = check_payload(data)
    return Plan(name="my-routine", title=data["title"], blocks=tuple(Block(routine=n) for n in data["routines"]),
                in_class=False, moves=False)


def library_entries() -> list[dict]:
    """Every library routine as the widget offers it: name, title, total time in words, segments, and what the
    cards it is taken from answer for each condition (strictest first)."""
    return [{"name": r.name, "title": r.title, "seconds": r.total_seconds, "total": format_duration(r.total_seconds),
             "segments": [s.to_dict() for s in r.segments()], "answers": answers_data(cards_in(r.name))}
            for r in ROUTINES.values()]


class MyRoutine(TimerHost):
    """Pick, order and run your own routine: ``MyRoutine()``; ``MyRoutine(names=[...])`` to start with some."""

    _esm = esm_module("rules.js", "conditions_store.js", "my_routine_state.js", "my_routine_store.js",
                      "my_routine_conditions.js", "my_routine.js")
    _css = _STATIC / "my_routine.css"

    title = traitlets.Unicode("My routine").tag(sync=True)
    names = traitlets.List(traitlets.Unicode()).tag(sync=True)
    library = traitlets.List().tag(sync=True)
    presets = traitlets.List().tag(sync=True)
    limits = traitlets.Dict().tag(sync=True)
    units = traitlets.Dict().tag(sync=True)  # the words for minutes and seconds

    problems = traitlets.Dict().tag(sync=True)  # PROBLEMS, the link's name for its routine, and text.storage.REFUSED
    conditions = traitlets.Dict().tag(sync=True)  # where the reader's conditions are kept, and their words

    def __init__(self, **kwargs):
        super().__init__(
            library=library_entries(), presets=[n for n in PRESETS if n in ROUTINES], limits=LIMITS,
            problems={**PROBLEMS, "link": LINK, "refused": REFUSED}, units=DURATION_UNITS,
            conditions=store_spec(), **kwargs)

    @property
    def plan(self) -> Plan:
        """The routine as chosen so far, as a Plan (a RoutineError names what is wrong)."""
        return as_plan({"format": FORMAT, "version": VERSION, "title": self.title, "routines": self.names})
