"""The red flags in words: one level's signs as a list, every level as a MyST box (safety page, class chapter)."""
from __future__ import annotations

from ..model.red_flags import ADVICE, EMERGENCY, GP, LEVELS, URGENT, flags_at


def markdown(level: str) -> str:
    """One level's signs as a Markdown bullet list."""
    return "\n".join(f"- {flag.text}" for flag in flags_at(level))


_BOX = {EMERGENCY: "danger", URGENT: "warning", GP: "note"}


def levels_markdown() -> str:
    """Every level as a MyST box: the advice title, the signs, then the action (safety page, class chapter)."""
    return "\n\n".join(
        f":::{{admonition}} {ADVICE[level].title}\n:class: {_BOX[level]} be-red-flags be-red-flags-{level}\n"
        f"If you have back pain with any of these:\n\n{markdown(level)}\n\n{ADVICE[level].action}\n:::"
        for level in LEVELS
    )
