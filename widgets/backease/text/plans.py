"""A class plan in words: its outline as a numbered Markdown list with times and the total, and
what a set of plans asks of people's bodies (how often they get down and up), counted from the plans."""
from __future__ import annotations

from ..model.logistics import TRANSITIONS
from ..model.positions import group
from ..model.plans import Plan
from ..model.routines import format_duration


def _said(moves) -> str:
    return ", ".join(m.label[0].lower() + m.label[1:] for m in moves)


def outline_markdown(plan: Plan) -> str:
    """The plan as a numbered list with each block's time, the moves before and within it, and the total."""
    lines = []
    for i, b in enumerate(plan.blocks):
        moves, within = plan.transitions(i), plan.moves_within(i)
        line = f"{i + 1}. **{b.title}**: {format_duration(b.total_seconds)}"
        if moves:
            line += f" (first {_said(moves)}: {format_duration(sum(m.seconds for m in moves))})"
        if within:
            line += f" (and partway, {_said(within)}: {format_duration(sum(m.seconds for m in within))})"
        if b.over_dose:
            line += f". {b.over_dose}"
        lines.append(line)
    lines.append(f"\nTotal: {format_duration(plan.total_seconds)}, of which"
                 f" {format_duration(plan.transition_seconds)} is for {moving_words(plan)}.")
    return "\n".join(lines)


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def moving_words(plan: Plan) -> str:
    """What the plan's moving time is for, counted: "getting down once, getting up once, changing position
    3 times and handing out equipment 2 times"."""
    doing = {"down": "getting down to the floor", "up": "getting up from the floor", "change": "changing position",
             "hand-out": "handing out equipment"}
    parts = [f"{doing[t]} {_times(n)}" for t in TRANSITIONS if (n := plan.count_moves(t))]
    return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts) or "nothing"


def down_and_up_sentence(plans: list[Plan]) -> str:
    """How often the class gets down to the floor and up again in ``plans``, counted from their segments."""
    counts = {(p.count_moves("down"), p.count_moves("up")) for p in plans}
    if len(counts) == 1:
        down, up = counts.pop()
        return f"In each of them people get down to the floor {_times(down)} and up {_times(up)}."
    return " ".join(f"In {p.title[0].lower()}{p.title[1:]} people get down to the floor"
                    f" {_times(p.count_moves('down'))} and up {_times(p.count_moves('up'))}." for p in plans)


def class_shape_markdown(plan: Plan) -> str:
    """The shape of ``plan`` as a numbered list: its parts in order, grouped by where people are, with getting
    down and up (the smaller moves and the hand-outs are in its outline)."""
    names = {"floor": "On the mats", "upright": "Standing or on a chair", "table": "At the table"}
    big = {TRANSITIONS[t].label for t in ("down", "up")}
    lines, last = [], None
    for i, block in enumerate(plan.blocks):
        for move in (*plan.transitions(i), *plan.moves_within(i)):
            if move.label in big:
                lines.append(f"**{move.label}**")
                last = None
        if block.talk:
            lines.append(f"**Talk:** {block.title[0].lower()}{block.title[1:]}")
            last = None
            continue
        where = group(plan.run(i)[-1].position)
        title = block.title[0].lower() + block.title[1:]
        if where == last:
            lines[-1] += f", {title}"
        else:
            lines.append(f"**{names[where]}:** {title}")
        last = where
    return "\n".join(f"{n}. {line}." for n, line in enumerate(lines, 1))
