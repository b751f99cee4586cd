"""A drawn matplotlib figure read back, for the figure tests: its shapes by gid, their points, its words."""
import numpy as np
from matplotlib.path import Path as MplPath


def shapes(fig, prefix):
    """Patches and lines whose gid starts with ``prefix``, in drawing order."""
    ax = fig.axes[0]
    return [a for a in list(ax.patches) + list(ax.lines) if (a.get_gid() or "").startswith(prefix)]


def points(artist):
    """The outline of a patch or line, in data coordinates."""
    if hasattr(artist, "get_xydata"):
        return np.asarray(artist.get_xydata())
    ax = artist.axes
    return artist.get_path().transformed(artist.get_transform() - ax.transData).vertices


def outline(artist) -> MplPath:
    return MplPath(points(artist))


def texts(fig):
    return " ".join(t.get_text().replace("\n", " ") for t in fig.axes[0].texts)
