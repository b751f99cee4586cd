"""A technique's steps, each with its drawn pose, as one block of HTML for a page or a notebook."""
from __future__ import annotations

from html import escape

from .techniques import Technique


class StepsView:
    """Display object: numbered steps with a figure under each step that has a pose.

    Figures are inline SVG (role="img", labelled with the pose's alt text): no base64, so a
    handout of many steps stays light, and the drawings' words stay text.
    """

    def __init__(self, technique: Technique):
        self.technique = technique

    def _repr_html_(self) -> str:
        from .figures import alt_text, draw_named  # matplotlib only when shown
        from .figures.style import labelled_svg

        items = []
        for step in self.technique.steps:
            figure = ""
            if step.pose:
                svg = labelled_svg(draw_named(step.pose), alt_text(step.pose))
                figure = f'<figure class="be-step-figure">{svg}</figure>'
            items.append(f'<li class="be-step"><p>{escape(step.text)}</p>{figure}</li>')
        return f'<ol class="be-steps">{"".join(items)}</ol>'

    def __repr__(self) -> str:
        return "\n".join(f"{i}. {s.text}" for i, s in enumerate(self.technique.steps, 1))


def glue_technique(technique: Technique) -> None:
    """Give a chapter its standard pieces by name: purpose, avoid, need, stop, evidence, dose, session."""
    from .dose_text import dose_markdown
    from .glue import glue_text
    from .routines import format_duration
    from .techniques import bullets

    glue_text("purpose", technique.purpose)
    glue_text("avoid", bullets(technique.avoid))
    glue_text("need", bullets(technique.need))
    glue_text("stop", bullets(technique.stop))
    glue_text("evidence", technique.evidence)
    glue_text("dose", dose_markdown(technique.session))
    glue_text("session", format_duration(technique.session.total_seconds))


class HandoutView:
    """Display object: a printable handout for a class plan, each exercise with its dose, steps and stop rules."""

    def __init__(self, plan):
        self.plan = plan

    def _repr_html_(self) -> str:
        from .techniques import technique_for_routine

        parts = []
        for routine in self.plan.routines():
            technique = technique_for_routine(routine.name)
            doses = "".join(f"<li>{escape(s.label)}: {escape(s.dose())}</li>" for s in routine.steps)
            stops = "".join(f"<li>{escape(s)}</li>" for s in technique.stop)
            parts.append(
                f'<section class="be-handout-item"><h3>{escape(technique.title)}</h3>'
                f"<p>{escape(technique.purpose)}</p>"
                f'<p class="be-handout-label">How much</p><ul>{doses}</ul>'
                f"{StepsView(technique)._repr_html_()}"
                f'<p class="be-handout-label">Stop if</p><ul class="be-handout-stop">{stops}</ul></section>'
            )
        return f'<div class="be-handout">{"".join(parts)}</div>'

    def __repr__(self) -> str:
        return f"Handout for {self.plan.title}: " + ", ".join(r.title for r in self.plan.routines())
