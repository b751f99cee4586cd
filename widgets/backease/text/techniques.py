"""A technique card in words: the At-a-glance box, "Who should not", the evidence label, bullet lists (MyST).

Chapters glue these in (``glue_technique``), so the box and the advice on every technique
page come from the card and follow one rule, checked by tests rather than typed 15 times.
"""
from __future__ import annotations

from ..model.conditions import ADVICE_KINDS, ADVICE_TITLES, Condition
from ..model.techniques import Evidence, Technique, all_techniques


def bullets(items) -> str:
    """Sentences as a Markdown bullet list."""
    return "\n".join(f"- {item}" for item in items)


def evidence_heading(evidence: Evidence) -> str:
    """The label, with what it covers when the card teaches more than the evidence tested."""
    return f"{evidence.label}, for {evidence.covers}" if evidence.covers else evidence.label


def evidence_markdown(evidence: Evidence) -> str:
    """The evidence label as MyST: bold label, the sentence, the certainty, and the citation."""
    return (f"**{evidence_heading(evidence)}.** {evidence.text} Certainty, as the source grades it: {evidence.certainty}."
            f" {{cite}}`{evidence.keys()}`")


def evidence_plain(evidence: Evidence) -> str:
    """The same words without markup, as a page shows them."""
    return f"{evidence_heading(evidence)}. {evidence.text} Certainty, as the source grades it: {evidence.certainty}."


def timer_label(technique: Technique) -> str:
    """The page label of the chapter's "Session timer" section."""
    return f"{technique.name}-timer"


def _name(condition: Condition) -> str:
    """A condition's name, linked to its glossary entry, or followed by its explanation."""
    if condition.term:
        return f"{{term}}`{condition.name} <{condition.term}>`"
    return f"{condition.name} ({condition.explain})"


def who_markdown(technique: Technique) -> str:
    """The card's condition advice grouped don't / ask first / adapt, then its other caveats."""
    parts = []
    for kind in ADVICE_KINDS:
        answers = [a for a in technique.conditions if a.advice == kind]
        if answers:
            items = bullets(f"{_name(a.about)}: {a.text}" for a in answers)
            parts.append(f":::{{container}} be-who be-who-{kind}\n**{ADVICE_TITLES[kind]}** if you have:\n\n{items}\n:::")
    if technique.avoid:
        parts.append(f":::{{container}} be-who be-who-other\n**Also take care** if:\n\n{bullets(technique.avoid)}\n:::")
    return "\n\n".join(parts)


def glance_markdown(technique: Technique, session: str) -> str:
    """The At-a-glance box: what, time with a link to the timer, where (floor techniques link
    to getting down) and the evidence label. The chapter adds its own one-line stop rule."""
    lines = [
        f"- **What:** {technique.purpose}",
        f"- **Time:** about {session} with the timer. {{ref}}`Start the timer <{timer_label(technique)}>`",
    ]
    if technique.on_floor:
        lines.append("- **On the floor:** see {ref}`how to get down to the floor and up again safely <getting-down>`.")
    lines.append(f"- **Evidence:** {evidence_heading(technique.evidence)}.")
    return "\n".join(lines)


def evidence_table_markdown() -> str:
    """Every technique's evidence label, from its card, as a table for the evidence page."""
    rows = ["| Technique, and where its steps come from | Evidence |", "|---|---|"]
    for t in sorted(all_techniques(), key=lambda t: t.title):
        rows.append(f"| {{doc}}`{t.title} </book/techniques/{t.name}>` {{cite}}`{t.source}` | {evidence_markdown(t.evidence)} |")
    return "\n".join(rows)
