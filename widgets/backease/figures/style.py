"""One look for every figure in the book: small SVGs with real text, calm colours."""
import hashlib
import re
from collections import Counter
import xml.etree.ElementTree as ET

import matplotlib

PALETTE = {
    "ink": "#1f2328",
    "muted": "#57606a",
    "accent": "#1d6a5b",
    "accent-light": "#8cc7b5",
    "warm": "#b4562b",
    "paper": "#ffffff",
    "line": "#c9d1d9",
}

RC = {
    "svg.fonttype": "none",  # text stays text: smaller files, selectable, read by screen readers
    "font.family": "sans-serif",
    "font.size": 11,
    "axes.edgecolor": PALETTE["line"],
    "axes.labelcolor": PALETTE["ink"],
    "xtick.color": PALETTE["muted"],
    "ytick.color": PALETTE["muted"],
    "text.color": PALETTE["ink"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.facecolor": PALETTE["paper"],
    "savefig.facecolor": PALETTE["paper"],
    "savefig.bbox": "tight",
    "figure.dpi": 100,
    "svg.hashsalt": "backease",  # clip-path ids from the drawing, not at random: same figure, same bytes
}


def setup() -> None:
    """Apply the book's figure style, and in IPython show figures as SVG."""
    matplotlib.rcParams.update(RC)
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:
        return
    if get_ipython() is not None:
        set_matplotlib_formats("svg")


def to_svg(figure) -> str:
    """``figure`` as SVG text in the book's style, with no date in it (the same figure, the same bytes)."""
    import io

    with matplotlib.rc_context(RC):
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return compact_svg(buffer.getvalue())


def drawn_svg(draw) -> str:
    """The figure ``draw()`` returns, drawn and saved in the book's style (whether or not ``setup()`` ran), as SVG text."""
    with matplotlib.rc_context(RC):
        return to_svg(draw())


_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_AUTO_ID = re.compile(r"[A-Za-z][A-Za-z0-9.]*_\d+")  # matplotlib's own ids (figure_1, patch_3, line2d_7); gids stay
_NUMBER = re.compile(r"-?\d+\.\d{2,}")
_NUMBER_ONLY = re.compile(r"[0-9.]+")
_GEOMETRY = ("d", "transform", "x", "y", "width", "height", "viewBox", "points", "cx", "cy", "r", "x1", "x2", "y1",
             "y2", "style")


def _round(text: str) -> str:
    """Numbers to one decimal: a tenth of a point is finer than any screen shows these drawings."""
    return _NUMBER.sub(lambda m: f"{float(m.group()):.1f}".removesuffix(".0"), text)


def _tidy(name: str, value: str) -> str:
    """An attribute's value with rounded numbers and no space the SVG does not need."""
    value = _round(" ".join(value.split()))
    if name == "d":
        return re.sub(r" ?([A-Za-z]) ?", r"\1", value)  # "M 1 2 L 3 4 z" -> "M1 2L3 4z"
    if name == "style":
        return re.sub(r"\s*([:;])\s*", r"\1", value)
    return value


def compact_svg(text: str) -> str:
    """Matplotlib's SVG text at about a third of its size, drawing the same picture.

    Drops the XML declaration and metadata, matplotlib's automatic ids (the gids figures set
    for tests stay) and the groups they leave empty of meaning, and rounds coordinates to a
    tenth of a point; so the text can be inlined in a page, many times, without clashing ids.
    """
    ET.register_namespace("", _SVG)
    ET.register_namespace("xlink", _XLINK)
    root = ET.fromstring(text[text.index("<svg"):])
    for metadata in root.findall(f"{{{_SVG}}}metadata"):
        root.remove(metadata)
    _simplify(root)
    _styles_to_classes(root)
    for name in ("width", "height", "viewBox"):
        root.set(name, _round(root.get(name, "")))
    root.attrib.pop("version", None)
    for sheet in root.iter(f"{{{_SVG}}}style"):
        sheet.attrib.pop("type", None)  # CSS is the default
    return ET.tostring(root, encoding="unicode").replace(" />", "/>")


def _styles_to_classes(root) -> None:
    """A style written on several shapes becomes one CSS class, named from its text: the same
    name means the same style wherever the SVG is inlined, so figures on one page cannot clash."""
    shapes = [e for e in root.iter() if e.get("style")]
    for shape in shapes:  # a line's width varies shape by shape: an attribute, so the rest can be shared
        rest = []
        for declaration in shape.get("style").split(";"):
            name, _, value = declaration.partition(":")
            if name == "stroke-width" and _NUMBER_ONLY.fullmatch(value):
                shape.set("stroke-width", value)
            else:
                rest.append(declaration)
        shape.set("style", ";".join(rest))
    repeated = [style for style, n in Counter(e.get("style") for e in shapes).items() if n > 1]
    if not repeated:
        return
    names = {style: "f" + hashlib.sha1(style.encode()).hexdigest()[:6] for style in repeated}
    for shape in shapes:
        name = names.get(shape.get("style"))
        if name:
            del shape.attrib["style"]
            shape.set("class", f"{shape.get('class', '')} {name}".strip())
    grouped = _group_runs(root, set(names.values()))
    rules = "".join(f".{name}{',.' + name + ' *' if name in grouped else ''}{{{style}}}" for style, name in names.items())
    sheet = root.find(f"{{{_SVG}}}defs/{{{_SVG}}}style")
    if sheet is None:
        defs = ET.Element(f"{{{_SVG}}}defs")
        sheet = ET.SubElement(defs, f"{{{_SVG}}}style")
        root.insert(0, defs)
    sheet.text = (sheet.text or "") + rules


def _group_runs(root, classes: set[str]) -> set[str]:
    """Shapes side by side with the same style class go into one ``<g>`` of that class, which
    then styles its children (``.f1,.f1 *``): the class is written once per run, and the order
    the shapes are painted in does not change. Returns the classes that were grouped."""
    grouped = set()
    for parent in list(root.iter()):
        children, run = [], []

        def close():
            if len(run) > 1:
                group = ET.Element(f"{{{_SVG}}}g", {"class": run[0].get("class")})
                for shape in run:
                    del shape.attrib["class"]
                group.extend(run)
                children.append(group)
                grouped.add(group.get("class"))
            else:
                children.extend(run)
            run.clear()

        for child in parent:
            name = child.get("class")
            leaf = len(child) == 0 and not (child.text or "").strip() and "id" not in child.attrib
            if leaf and name in classes and (not run or run[0].get("class") == name):
                run.append(child)
                continue
            close()
            if leaf and name in classes:
                run.append(child)
            else:
                children.append(child)
        close()
        if len(children) != len(parent):
            parent[:] = children
    return grouped


def _simplify(parent) -> None:
    children = []
    if parent.text and not parent.text.strip():
        parent.text = None
    for child in parent:
        if child.tail and not child.tail.strip():
            child.tail = None
        if _AUTO_ID.fullmatch(child.get("id", "")):
            del child.attrib["id"]
        for name in _GEOMETRY:
            if name in child.attrib:
                child.set(name, _tidy(name, child.get(name)))
        _simplify(child)
        if child.tag == f"{{{_SVG}}}g" and not child.attrib:
            children.extend(child)  # a group with nothing of its own: keep only what it holds
        else:
            children.append(child)
    parent[:] = children
