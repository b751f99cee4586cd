"""A technique card in words: the At-a-glance box, "Who should not", the evidence label, bullet lists (MyST).

Chapters glue these in (``glue_technique``), so the box and the advice on every technique
page come from the card and follow one rule, checked by tests rather than typed 15 times.
"""
from __future__ import annotations

from ..model.conditions import ADVICE_KINDS, ADVICE_TITLES, Condition, ConditionAdvice
from ..model.levels import LEVELS, Level
from ..model.library import get_routine
from ..model.routines import format_duration
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


POSITION_WORDS = {
    "lying-back": "lying on your back", "lying-side": "lying on your side", "lying-front": "lying on your front",
    "sitting-floor": "sitting on the floor", "kneeling": "kneeling", "sitting-chair": "sitting on a chair",
    "standing": "standing", "table": "lying on a table",
}


def where_words(positions) -> str:
    """Positions (ids from ``techniques.POSITIONS``) in words: "standing; lying on your back"."""
    return "; ".join(POSITION_WORDS[p] for p in dict.fromkeys(positions))


CONDITIONS_LINK = "To see what every technique in the guide says about your condition, on one page: {ref}`conditions`."


def _name(condition: Condition) -> str:
    """A condition's name, linked to its glossary entry, or followed by its explanation."""
    if condition.term:
        return f"{{term}}`{condition.name} <{condition.term}>`"
    return f"{condition.name} ({condition.explain})"


def answers_by_kind(technique: Technique) -> list[tuple[str, list[ConditionAdvice]]]:
    """The card's answers grouped strictest first (don't, ask first, adapt), leaving out empty groups:
    the page, the sheet, the handout and the conditions page all group them this way."""
    groups = [(kind, [a for a in technique.conditions if a.advice == kind]) for kind in ADVICE_KINDS]
    return [(kind, answers) for kind, answers in groups if answers]


def answer_plain(answer: ConditionAdvice) -> str:
    """One answer in words for paper: the condition, what it means, and the card's text."""
    return f"{answer.about.name} ({answer.about.explain}): {answer.text}"


def who_markdown(technique: Technique) -> str:
    """The card's condition advice grouped don't / ask first / adapt, then its other caveats, then
    where every technique's answers are side by side."""
    parts = []
    for kind, answers in answers_by_kind(technique):
        items = bullets(f"{_name(a.about)}: {a.text}" for a in answers)
        parts.append(f":::{{container}} be-who be-who-{kind}\n**{ADVICE_TITLES[kind]}** if you have:\n\n{items}\n:::")
    if technique.avoid:
        parts.append(f":::{{container}} be-who be-who-other\n**Also take care** if:\n\n{bullets(technique.avoid)}\n:::")
    parts.append(CONDITIONS_LINK)
    return "\n\n".join(parts)


def glance_markdown(technique: Technique, session: str) -> str:
    """The At-a-glance box: what, time with a link to the timer, where (the card's positions; floor
    techniques link to getting down) and the evidence label. The chapter adds its own one-line stop rule."""
    lines = [
        f"- **What:** {technique.purpose}",
        f"- **Time:** about {session} with the timer. {{ref}}`Start the timer <{timer_label(technique)}>`",
    ]
    where = f"- **Where:** {where_words(technique.positions)}."
    if technique.on_floor:
        where += " See {ref}`how to get down to the floor and up again safely <getting-down>`."
    lines.append(where)
    lines.append(f"- **Evidence:** {evidence_heading(technique.evidence)}.")
    return "\n".join(lines)


def technique_levels(technique: Technique) -> list[Level]:
    """The course levels whose who-should-not and stop rules come from ``technique``'s card."""
    return [lv for lv in LEVELS if lv.technique == technique.name]


def technique_levels_markdown(technique: Technique) -> str:
    """The card's course levels, each by the name My routine and the course give it, with its time
    on the timer, where it is done and its short steps (the level's own data), in a dropdown that a
    printed page leaves closed."""
    items = []
    for lv in technique_levels(technique):
        r = get_routine(lv.name)
        items.append(f"- **{r.title}** (about {format_duration(r.total_seconds)} on the timer;"
                     f" {where_words(tuple(s.position for s in r.steps))}): {' '.join(lv.how)}")
    return (f":::{{dropdown}} Its levels in the course and in My routine\nIn the {{ref}}`course <course>` and in"
            f" {{ref}}`My routine <my-routine>`, this technique comes at these levels, from easier to harder:\n\n"
            + "\n".join(items) + "\n:::")


def evidence_table_markdown() -> str:
    """Every technique's evidence label, from its card, as a table for the evidence page."""
    rows = ["| Technique, and where its steps come from | Evidence |", "|---|---|"]
    for t in sorted(all_techniques(), key=lambda t: t.title):
        rows.append(f"| {{doc}}`{t.title} </book/techniques/{t.name}>` {{cite}}`{t.source}` | {evidence_markdown(t.evidence)} |")
    return "\n".join(rows)
