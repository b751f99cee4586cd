"""The conditions page (book/start/conditions.md): for each shared condition, what every technique's
card answers (do not, ask first, adapt, with the adaptation), so a reader with one condition reads
one section instead of fifteen chapters. Computed from the cards, in the book's order."""
from __future__ import annotations

from ..model.conditions import ADVICE_TITLES, CONDITIONS, Condition
from ..model.techniques import Technique, all_techniques
from .techniques import bullets


def condition_label(condition: Condition) -> str:
    """The page label of a condition's section, e.g. ``condition-pregnancy``."""
    return f"condition-{condition.id}"


def _link(technique: Technique) -> str:
    return f"{{doc}}`{technique.title} </book/techniques/{technique.name}>`"


def answers_for(condition: Condition) -> tuple[dict[str, list[tuple[Technique, str]]], list[Technique]]:
    """Every technique's answer to ``condition``: {kind: [(technique, text)]} strictest first, and the
    techniques whose card gives no answer for it."""
    by_kind: dict[str, list[tuple[Technique, str]]] = {kind: [] for kind in ADVICE_TITLES}
    silent = []
    for technique in all_techniques():
        answer = next((a for a in technique.conditions if a.condition == condition.id), None)
        if answer:
            by_kind[answer.advice].append((technique, answer.text))
        else:
            silent.append(technique)
    return by_kind, silent


def _what(condition: Condition) -> str:
    name = f"{{term}}`{condition.name} <{condition.term}>`" if condition.term else f"**{condition.name}**"
    return f"{name} here means {condition.explain}."


def condition_markdown(condition: Condition) -> str:
    """One condition's section: what it means, then the techniques by answer, each linked."""
    by_kind, silent = answers_for(condition)
    parts = [f"({condition_label(condition)})=\n## {condition.name}", _what(condition)]
    for kind, answers in by_kind.items():
        if answers:
            items = bullets(f"{_link(t)}: {text}" for t, text in answers)
            parts.append(f":::{{container}} be-who be-who-{kind}\n**{ADVICE_TITLES[kind]}:**\n\n{items}\n:::")
    if silent:
        parts.append(":::{container} be-who be-who-none\n**No special advice on the card:** "
                     + ", ".join(_link(t) for t in silent)
                     + ". Their own steps, their other cautions and the stop rules still apply.\n:::")
    return "\n\n".join(parts)


def conditions_markdown() -> str:
    """The whole page body: a list to jump to each condition, then a section for each."""
    jump = bullets(f"{{ref}}`{c.name} <{condition_label(c)}>`" for c in CONDITIONS)
    return "\n\n".join([jump, *(condition_markdown(c) for c in CONDITIONS)])
