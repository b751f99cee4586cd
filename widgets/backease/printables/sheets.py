"""Technique sheets: one exercise's dose, steps with figures, chair version, who should not and stop rules,
for a sheet, a handout, or a browser that assembles handouts from pieces."""
from __future__ import annotations

from html import escape

from ..model.conditions import ADVICE_TITLES
from ..model.levels import EXERCISES, Level, find_level, levels_of
from ..model.library import get_routine
from ..model.logistics import card_for, on_floor, positions_of
from ..model.routines import format_duration
from ..model.techniques import all_techniques
from ..text.techniques import answer_plain, answers_by_kind, where_words
from .common import bullet_list, pose_img, pose_slot, pose_uri, printable, red_flag_line


def who_should_not(card) -> str:
    """The card's answers for the shared conditions, grouped as on its page (don't, ask first, adapt),
    then its other caveats."""
    groups = [f'<div class="be-print-who be-who-{kind}"><p><strong>{escape(ADVICE_TITLES[kind])}</strong> if you have:</p>'
              f"{bullet_list(answer_plain(a) for a in answers)}</div>" for kind, answers in answers_by_kind(card)]
    if card.avoid:
        groups.append(f'<div class="be-print-who be-who-other"><p><strong>Also take care</strong> if:</p>'
                      f"{bullet_list(card.avoid)}</div>")
    return "".join(groups)


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
    r, card, level = get_routine(routine), card_for(routine), find_level(routine)
    doses = bullet_list(f"{s.label}: {s.dose()}" for s in r.steps)
    cells = []
    if on_floor(routine) and card.chair:
        cells.append(f'<div><p class="be-print-label">If you cannot get down to the floor</p><p>{escape(card.chair)}</p></div>')
    if need:
        cells.append(f'<div><p class="be-print-label">What you need</p>{bullet_list(need)}</div>')
    cells.append(f'<div><p class="be-print-label">Stop if</p>{bullet_list(card.stop, "be-print-stop")}</div>')
    cells.append(f'<div class="be-print-whocell"><p class="be-print-label">Who should not, who should ask first,'
                 f' and how to adapt</p>{who_should_not(card)}</div>')
    purpose = f"For {EXERCISES[level.exercise].aim}." if level else card.purpose
    return [f'<section class="be-print-item" data-routine="{escape(routine)}"><{heading}>{escape(title or r.title)}</{heading}>',
            f'<p>{escape(purpose)} <span class="be-print-where">Where: {escape(where_words(positions_of(routine)))}.</span></p>',
            f'<p class="be-print-label">How much (about {format_duration(r.total_seconds)} on the timer)</p>{doses}',
            f'<p class="be-print-note">{escape(r.notes)}</p>', *([other_levels(level)] if level else []),
            steps_html(routine, figure),
            '<div class="be-print-cols">', *cells, "</div></section>"]


def other_levels(level: Level) -> str:
    """Every level of ``level``'s exercise with its time on the timer, so a person can move up or down."""
    items = "".join(f"<li>{escape(lv.title)}: about {format_duration(get_routine(lv.name).total_seconds)}</li>"
                    for lv in levels_of(level.exercise))
    return f'<p class="be-print-label">All the levels of this exercise</p><ol class="be-print-levels">{items}</ol>'


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
