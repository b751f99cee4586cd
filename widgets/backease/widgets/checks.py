"""The guided-check widgets: a walkthrough, one step at a time, and the red-flag screen.

Both run entirely in the browser (``static/walkthrough.js``, ``static/red_flags.js``):
answers, ticks and typed numbers are never sent back to the kernel, so nothing a reader
enters leaves their device, even with a remote Jupyter server.
"""
from __future__ import annotations

import anywidget
import traitlets

from ..model import red_flags
from .static_modules import css_module, esm_module
from ..model.walkthroughs import Walkthrough, WalkthroughError



def _svg(name: str, where: str) -> str:
    """The drawing ``name`` as inline SVG text, in the book's figure style."""
    from ..figures.pelvis import CHECK_FIGURES  # matplotlib only for a check with drawings
    from ..figures.style import drawn_svg

    if name not in CHECK_FIGURES:
        raise WalkthroughError(f"{where}: no figure called {name!r}; known: {', '.join(CHECK_FIGURES)}")
    return drawn_svg(CHECK_FIGURES[name])


class GuidedCheck(anywidget.AnyWidget):
    """A walkthrough as a widget: ``GuidedCheck(LEG_LENGTH)``.

    Setting ``walkthrough`` or ``figures`` from Python redraws every view; the views of one
    widget show the same step (the reader's place is kept in the front end only).
    """

    _esm = esm_module("rules.js", "walkthrough_state.js", "walkthrough_summary.js", "walkthrough.js")
    _css = css_module("checks.css")

    walkthrough = traitlets.Dict().tag(sync=True)
    figures = traitlets.Dict().tag(sync=True)
    # Where the reader is ({"at", "trail", "mm"}; None: at the start), set by the views so that every
    # view of the widget shows the same step. The views never send it, so Python always sees None.
    progress = traitlets.Dict(allow_none=True, default_value=None).tag(sync=True)

    def __init__(self, walkthrough: Walkthrough, **kwargs):
        if not isinstance(walkthrough, Walkthrough):
            raise WalkthroughError(f"GuidedCheck needs a Walkthrough, got {walkthrough!r}")
        self.check = walkthrough
        figures = {s.figure: _svg(s.figure, f"walkthrough {walkthrough.name!r}, step {s.id!r}")
                   for s in walkthrough.steps if s.figure}
        super().__init__(walkthrough=walkthrough.to_dict(), figures=figures, **kwargs)


class RedFlagScreen(anywidget.AnyWidget):
    """A checklist of red flags that shows, at once, how urgently to get help."""

    _esm = esm_module("red_flags.js")
    _css = css_module("checks.css")

    screen = traitlets.Dict().tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(screen=red_flags.to_dict(), **kwargs)
