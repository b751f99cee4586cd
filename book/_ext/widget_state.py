"""What the build does to a page's widget state and drawn images so a phone downloads less (see page_weight).

- ``images_to_files``: a drawn image sent in widget state as a ``data:`` URI becomes a file in
  ``_images/widget/``, named by its content, and the state holds its URL instead: the browser
  fetches it only when a widget shows it (a handout's figures, when it is printed), and once
  for every page that shows it. In Jupyter the widget keeps its ``data:`` URIs.
- ``body_images_to_files``: likewise for an ``<img>`` in a page's HTML with a ``data:`` URI (the
  printables' poses, which in Jupyter stay in the output): one element each, not an inline SVG
  of dozens, fetched when scrolled near (``page_weight``) and once for every page and sheet.
- ``placeholders_into_body``: what a widget names in its ``_placeholder`` trait (made in Python: the element tree
  its view first draws, as the welcome page's home programme offer; or its start, in a box the view fills, as the
  diary's) goes into the page right after the widget's view tag, with the widget's styles, so the page shows it
  before the view has loaded, and ``widget-loader.js`` draws the view in its place: the text the reader sees does
  not move (no layout shift). In Jupyter the view just draws.
- ``texts_to_files``: each long text of a widget's state (its module, its styles) and each sound (the timer's
  tones) becomes a script in the same folder, named by its content, and the state holds ``{"$text": url}``:
  ``widget-loader.js`` loads it, with a ``<script>`` tag, before the widget renders. A module the guide's pages
  share is one file that the browser keeps and compiles once, not a copy inside every page (a technique page
  carried 96 kB of modules). In Jupyter the texts are in the model.
- ``on_demand_to_files`` (after ``texts_to_files``): a value a widget needs only when the reader acts (a handout's
  sheets, when it is printed; the timer inside My routine, when a session starts), named in the widget's
  ``_on_demand`` trait, becomes a script in the same folder, and the state holds ``{"$file": url, "$key": name}``,
  with ``"$texts": [url, ...]`` naming the text files the value holds (its long texts are ``{"$text": url}``
  already, so a module the page also shows is one file): ``widget-loader.js`` loads the script, and then those
  texts, the first time the view asks for the value, with ``<script>`` tags (so over ``file://`` too); the offline
  app keeps them with the page. In Jupyter the value is in the model.
- ``share_repeated_values``: each value repeated in a page's anywidget states is stored once.
- ``only_what_views_read`` (first): what only Jupyter's widget manager reads goes: the layout model ipywidgets makes
  for every widget (a dozen timers carried 12 kB of empty layouts) and each anywidget's bookkeeping (its module's and
  view's names and versions, its CSS classes, tooltip and layout). ``widget-loader.js`` reads an anywidget's
  ``_esm`` and ``_css``, its view the rest of its values.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from html import escape, unescape
from pathlib import Path
from urllib.parse import unquote

SHARED_KEY = "backease_shared"
SHARE_FROM = 64  # characters of JSON: a shorter value costs little more than the reference to it
IMAGE_FOLDER = "_images/widget"
IMAGE_TYPES = {"data:image/svg+xml": ".svg", "data:image/png": ".png"}
ON_DEMAND = "_on_demand"
FILE_CALL = "backeaseFile"  # what a value's script calls with the value (widget-loader.js defines it)
TEXT_FILE_FROM = 4096  # characters: a shorter text costs more as a request of its own than inside the page
# A sound (the timer's tones) goes to a file whatever its length: a page and a value it keeps for later (the timer
# inside My routine or the plan builder) share it, where each would otherwise carry its own copy.
SOUND = "data:audio/"


# What of a saved widget only Jupyter's widget manager reads: of each model, and of each anywidget's state.
JUPYTER_ONLY_MODEL = ("model_module", "model_module_version")
JUPYTER_ONLY_STATE = ("_anywidget_id", "_dom_classes", "_model_module", "_model_module_version", "_model_name",
                      "_view_count", "_view_module", "_view_module_version", "_view_name", "layout", "tabbable", "tooltip")


def _anywidget_states(manager_state: dict) -> list[dict]:
    return [m for m in manager_state.get("state", {}).values() if m.get("model_name") == "AnyModel"]


def only_what_views_read(manager_state: dict) -> dict:
    """The state with its anywidgets only (a layout model, or any other, is Jupyter's), each without what only
    Jupyter reads (``JUPYTER_ONLY_MODEL``, ``JUPYTER_ONLY_STATE``)."""
    manager_state["state"] = {
        model_id: {**{k: v for k, v in model.items() if k not in JUPYTER_ONLY_MODEL and k != "state"},
                   "state": {k: v for k, v in model["state"].items() if k not in JUPYTER_ONLY_STATE}}
        for model_id, model in manager_state.get("state", {}).items() if model.get("model_name") == "AnyModel"}
    return manager_state


def _image_file(uri: str) -> tuple[bytes, str] | None:
    """The bytes and file suffix of a ``data:image/...`` URI, or None if it is not one we write."""
    head, _, data = uri.partition(",")
    kind, _, encoding = head.partition(";")
    suffix = IMAGE_TYPES.get(kind)
    if suffix is None or encoding not in ("", "base64", "utf8", "charset=utf-8"):
        return None
    return (base64.b64decode(data) if encoding == "base64" else unquote(data).encode("utf-8")), suffix


def image_url(uri: str, outdir: Path, to_root: str) -> str:
    """The URL of a file holding the image of a ``data:image/...`` URI (written once, named by its
    content), or ``uri`` itself if it is not an image we write.

    ``to_root`` is the page's way back to the site root ("../../" for ``book/class/plans.html``).
    """
    image = _image_file(uri) if uri.startswith("data:image/") else None
    return uri if image is None else f"{to_root}{IMAGE_FOLDER}/{_write_named(outdir / IMAGE_FOLDER, *image)}"


_IMG_DATA_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")(data:image/[^"]*)(")')
_PICTURE = re.compile(r"(<picture\b.*?</picture>)", re.S)


def body_images_to_files(html: str, outdir: Path, to_root: str) -> str:
    """A page body with each ``<img src="data:image/...">`` (a printable's drawn poses) a file instead;
    a ``<picture>``, whose sources the browser chooses between, is left as it is."""
    def swap(part: str) -> str:
        return _IMG_DATA_SRC.sub(lambda m: m[1] + escape(image_url(unescape(m[2]), outdir, to_root)) + m[3], part)

    return "".join(part if i % 2 else swap(part) for i, part in enumerate(_PICTURE.split(html)))


def _swap_texts(manager_state: dict, swap) -> dict:
    """The state with each text of its anywidgets, at any depth, replaced by ``swap(text)``."""
    def walk(value):
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return swap(value) if isinstance(value, str) else value

    for model in _anywidget_states(manager_state):
        model["state"] = walk(model["state"])
    return manager_state


def images_to_files(manager_state: dict, outdir: Path, to_root: str) -> dict:
    """The state with each image ``data:`` URI of its anywidgets written to a file and replaced by its URL."""
    return _swap_texts(manager_state, lambda text: image_url(text, outdir, to_root))


PLACEHOLDER = "_placeholder"
VIEW_TAG = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">\s*\{[^<]*?"model_id": "(\w+)"[^<]*</script>')


def placeholders_into_body(body: str, manager_state: dict) -> str:
    """``body`` with each anywidget's ``_placeholder`` (taken out of its state) after each of its view tags, in a
    ``<div class="be-widget" data-placeholder>`` with the widget's ``_css``, which widget-loader.js draws the view
    into."""
    shown = {}
    for model_id, model in manager_state.get("state", {}).items():
        html = model.get("state", {}).pop(PLACEHOLDER, "") if model.get("model_name") == "AnyModel" else ""
        if html:
            css = model["state"].get("_css", "")
            shown[model_id] = (f'<div class="be-widget" data-placeholder="">'
                               f'{f"<style>{css}</style>" if css else ""}{html}</div>')
    return VIEW_TAG.sub(lambda m: m[0] + shown.get(m[1], ""), body) if shown else body


def _write_named(folder: Path, data: bytes, suffix: str) -> str:
    """``data`` written to ``folder`` (once) under a name made from its content; the name."""
    name = hashlib.sha256(data).hexdigest()[:20] + suffix
    if not (folder / name).exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return name


def on_demand_to_files(manager_state: dict, outdir: Path, to_root: str) -> dict:
    """The state with the values an anywidget names in its ``_on_demand`` list written to one script
    that calls ``backeaseFile({name: value, ...})``, each replaced by ``{"$file": url, "$key": name}``, and
    ``"$texts"``: the URLs of the ``{"$text": url}`` files the value holds, if any; the list itself goes."""
    for model in _anywidget_states(manager_state):
        state = model["state"]
        keys = state.pop(ON_DEMAND, [])
        if keys:
            name = _write_named(outdir / IMAGE_FOLDER, _value_script({key: state[key] for key in keys}), ".js")
            for key in keys:
                texts = sorted(_text_urls(state[key]))
                state[key] = {"$file": f"{to_root}{IMAGE_FOLDER}/{name}", "$key": key,
                              **({"$texts": texts} if texts else {})}
    return manager_state


def _text_urls(value) -> set[str]:
    """The URLs of the ``{"$text": url}`` values in ``value``, at any depth."""
    if isinstance(value, dict):
        return {value["$text"]} if list(value) == ["$text"] else set().union(*map(_text_urls, value.values()))
    if isinstance(value, list):
        return set().union(*map(_text_urls, value))
    return set()


def _value_script(value) -> bytes:
    return f"{FILE_CALL}({json.dumps(value, sort_keys=True, separators=(',', ':'))});\n".encode("ascii")


def file_value(path: Path):
    """The value a script written by ``on_demand_to_files`` or ``texts_to_files`` hands to ``backeaseFile``."""
    script = path.read_text(encoding="ascii")
    return json.loads(script[len(FILE_CALL) + 1:script.rindex(");")])


def texts_to_files(manager_state: dict, outdir: Path, to_root: str) -> dict:
    """The state with each text of its anywidgets, at any depth, of ``TEXT_FILE_FROM`` characters or more (or a
    sound) written to a script named by its content that calls ``backeaseFile(text)``, and replaced by
    ``{"$text": url}``."""
    def swap(text: str):
        if len(text) < TEXT_FILE_FROM and not text.startswith(SOUND):
            return text
        return {"$text": f"{to_root}{IMAGE_FOLDER}/{_write_named(outdir / IMAGE_FOLDER, _value_script(text), '.js')}"}

    return _swap_texts(manager_state, swap)


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def share_repeated_values(manager_state: dict) -> dict:
    """The widget-manager state with each value its anywidgets repeat stored once.

    A text, list or dict that occurs twice or more in the page's anywidget states, at any
    depth, and whose JSON is at least ``SHARE_FROM`` characters long, goes once into the
    ``SHARED_KEY`` list and is replaced by ``{"$shared": index}`` wherever it occurs. A shared
    value may itself hold references to shorter shared values.
    """
    models = _anywidget_states(manager_state)
    counts: Counter[str] = Counter()

    def count(value):
        if isinstance(value, (str, list, dict)):
            counts[_json(value)] += 1
        for child in value.values() if isinstance(value, dict) else value if isinstance(value, list) else ():
            count(child)

    for model in models:
        for value in model["state"].values():
            count(value)

    shared: list = []
    index: dict[str, int] = {}

    def inner(value):
        if isinstance(value, dict):
            return {k: ref(v) for k, v in value.items()}
        if isinstance(value, list):
            return [ref(v) for v in value]
        return value

    def ref(value):
        if isinstance(value, (str, list, dict)):
            key = _json(value)
            if counts[key] > 1 and len(key) >= SHARE_FROM:
                if key not in index:
                    index[key] = len(shared)
                    shared.append(None)
                    shared[index[key]] = inner(value)  # its parts are shorter: no reference to itself
                return {"$shared": index[key]}
        return inner(value)

    for model in models:
        model["state"] = {k: ref(v) for k, v in model["state"].items()}
    if shared:
        manager_state[SHARED_KEY] = shared
    return manager_state


def unshared(manager_state: dict, page: Path | None = None) -> dict:
    """The anywidget states of a built page as the widgets see them: every ``{"$shared": i}`` put
    back, and every ``{"$text": url}`` read from its file beside ``page`` (what widget-loader.js does),
    model id -> state. For tools and tests that read built pages."""
    shared = manager_state.get(SHARED_KEY, [])

    def put_back(value):
        if isinstance(value, list):
            return [put_back(v) for v in value]
        if isinstance(value, dict):
            if list(value) == ["$shared"]:
                return put_back(shared[value["$shared"]])
            if list(value) == ["$text"] and page is not None:
                return file_value(page.parent / value["$text"])
            return {k: put_back(v) for k, v in value.items()}
        return value

    return {mid: put_back(m["state"]) for mid, m in manager_state.get("state", {}).items()
            if m.get("model_name") == "AnyModel"}
