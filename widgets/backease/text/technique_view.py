"""A technique's steps, each with its drawn pose, as one block of HTML for a page or a notebook."""
from __future__ import annotations

from html import escape

from ..model.techniques import Technique


class StepsView:
    """Display object: numbered steps with a figure under each step that has a pose.

    Figures are inline SVG (role="img", labelled with the pose's alt text): no base64, so a
    handout of many steps stays light, and the drawings' words stay text.
    """

    def __init__(self, technique: Technique):
        self.technique = technique

    def _repr_html_(self) -> str:
        from ..figures import drawn_pose

        items = []
        for step in self.technique.steps:
            figure = ""
            if step.pose:
                svg = drawn_pose(step.pose).labelled()
                figure = f'<figure class="be-step-figure">{svg}</figure>'
            items.append(f'<li class="be-step"><p>{escape(step.text)}</p>{figure}</li>')
        return f'<ol class="be-steps">{"".join(items)}</ol>'

    def __repr__(self) -> str:
        return "\n".join(f"{i}. {s.text}" for i, s in enumerate(self.technique.steps, 1))


def glue_technique(technique: Technique) -> None:
    """Give a chapter its standard pieces by name: glance, who, need, stop, evidence, dose, session,
    switch (the pause to switch sides), and levels (its course levels, for a card that has them)."""
    from .doses import dose_markdown
    from .glue import glue_text
    from ..model.routines import format_duration
    from .techniques import (bullets, evidence_markdown, glance_markdown, technique_levels,
                             technique_levels_markdown, who_markdown)

    session = format_duration(technique.session.total_seconds)
    glue_text("glance", glance_markdown(technique, session))
    glue_text("who", who_markdown(technique))
    glue_text("need", bullets(technique.need))
    glue_text("stop", bullets(technique.stop))
    glue_text("evidence", evidence_markdown(technique.evidence))
    glue_text("dose", dose_markdown(technique.session))
    glue_text("session", session)
    glue_text("switch", format_duration(technique.session.switch))
    if technique_levels(technique):
        glue_text("levels", technique_levels_markdown(technique))

