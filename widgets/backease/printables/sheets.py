"""Technique sheets: one exercise's dose, steps with figures, chair version, who should not and stop rules,
for a sheet, a handout, or a browser that assembles handouts from pieces."""
from __future__ import annotations

from html import escape

from ..model.conditions import ADVICE_TITLES
from ..model.levels import find_level
from ..model.library import get_routine
from ..model.logistics import card_for, on_floor
from ..model.routines import format_duration
from ..model.techniques import all_techniques
from .common import bullet_list, pose_img, pose_slot, pose_uri, printable, red_flag_line


def who_should_not(card) -> list[str]:
    """The card's who-should-not lines: its own, then its answers for the shared conditions."""
    lines = list(card.avoid)
    for answer in card.conditions:
        if answer.advice != "adapt":
            lines.append(f"{answer.about.name}: {ADVICE_TITLES[answer.advice].lower()}. {answer.text}")
    return lines


def steps_html(routine: str, figure=pose_img) -> str:
    """How to do ``routine``: a level's own short steps and poses, or the card's steps and their poses."""
    level = find_level(routine)
    if level:
        texts, poses = level.how, level.poses
    else:
        steps = card_for(routine).steps
        texts, poses = [s.text for s in steps], [s.pose for s in steps if s.pose]
    figures = "".join(f"<figure>{figure(p)}</figure>" for p in poses)
    return f'<ol class="be-print-steps">{"".join(f"<li>{escape(t)}</li>" for t in texts)}</ol>' \
           f'<div class="be-print-figures">{figures}</div>'


def routine_sheet(routine: str, figure=pose_img, heading: str = "h3", title: str = "", need=()) -> str:
    """One exercise for a handout or a sheet: dose, steps with figures, chair version, who should not, stop rules."""
    return "".join(sheet_parts(routine, figure, heading, title, need))


def sheet_parts(routine: str, figure=pose_img, heading: str = "h3", title: str = "", need=()) -> list[str]:
    """``routine_sheet`` as pieces of HTML to join, so a page carrying many sheets stores the
    pieces they share (the levels of one exercise share who should not, stop rules, chair) once."""
    r, card = get_routine(routine), card_for(routine)
    doses = bullet_list(f"{s.label}: {s.dose()}" for s in r.steps)
    cells = []
    if on_floor(routine) and card.chair:
        cells.append(f'<p class="be-print-label">If you cannot get down to the floor</p><p>{escape(card.chair)}</p>')
    if need:
        cells.append(f'<p class="be-print-label">What you need</p>{bullet_list(need)}')
    cells.append(f'<p class="be-print-label">Who should not, or should ask first</p>{bullet_list(who_should_not(card))}')
    cells.append(f'<p class="be-print-label">Stop if</p>{bullet_list(card.stop, "be-print-stop")}')
    return [f'<section class="be-print-item" data-routine="{escape(routine)}"><{heading}>{escape(title or r.title)}</{heading}>',
            f"<p>{escape(card.purpose)}</p>",
            f'<p class="be-print-label">How much (about {format_duration(r.total_seconds)} on the timer)</p>{doses}',
            f'<p class="be-print-note">{escape(r.notes)}</p>', steps_html(routine, figure),
            '<div class="be-print-cols">', *(f"<div>{c}</div>" for c in cells), "</div></section>"]


class TechniqueSheets:
    """Display object: one A4 sheet per technique card."""

    def _repr_html_(self) -> str:
        techniques = all_techniques()
        sheets = []
        for t in techniques:
            body = routine_sheet(t.routine, heading="h2", title=t.title, need=t.need)
            sheets.append(f'<article class="be-sheet" id="sheet-{t.name}">{body}{red_flag_line()}</article>')
        return printable("".join(sheets), len(techniques), "be-sheets")


def sheet_pieces(routines) -> tuple[dict[str, list[str]], dict[str, str]]:
    """For a browser that assembles handouts: each routine's sheet as pieces of HTML to join
    (figures as placeholders), and the drawings."""
    sheets = {r: sheet_parts(r, pose_slot) for r in routines}
    poses = sorted({p for r in routines for p in
                    (find_level(r).poses if find_level(r) else [s.pose for s in card_for(r).steps if s.pose])})
    return sheets, {p: pose_uri(p) for p in poses}
