"""One look for every figure in the book: small SVGs with real text, calm colours."""
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
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML declaration and doctype
