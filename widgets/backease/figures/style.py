"""One look for every figure in the book: small SVGs with real text, calm colours."""
import re
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


_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_AUTO_ID = re.compile(r"[A-Za-z][A-Za-z0-9.]*_\d+")  # matplotlib's own ids (figure_1, patch_3, line2d_7); gids stay
_NUMBER = re.compile(r"-?\d+\.\d{2,}")
_GEOMETRY = ("d", "transform", "x", "y", "width", "height", "viewBox", "points", "cx", "cy", "r", "x1", "x2", "y1",
             "y2", "style")


def labelled_svg(figure, label: str) -> str:
    """``figure`` as SVG to put in a page: an image whose words are ``label`` (role, aria-label, title)."""
    from html import escape

    svg = to_svg(figure)
    head = svg.index(">")
    return (f'{svg[:head]} role="img" aria-label="{escape(label)}">'
            f"<title>{escape(label)}</title>{svg[head + 1:]}")


def _round(text: str) -> str:
    """Numbers to one decimal: a tenth of a point is finer than any screen shows these drawings."""
    return _NUMBER.sub(lambda m: f"{float(m.group()):.1f}".removesuffix(".0"), text)


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
    for name in ("width", "height", "viewBox"):
        root.set(name, _round(root.get(name, "")))
    return ET.tostring(root, encoding="unicode")


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
                child.set(name, _round(" ".join(child.get(name).split())))
        _simplify(child)
        if child.tag == f"{{{_SVG}}}g" and not child.attrib:
            children.extend(child)  # a group with nothing of its own: keep only what it holds
        else:
            children.append(child)
    parent[:] = children
