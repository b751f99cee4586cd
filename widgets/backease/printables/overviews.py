"""The course on paper for the room: weeks, sessions, talks, levels, and the rules for moving between levels."""
from __future__ import annotations

from html import escape

from ..model.levels import EXERCISES, FELT, MOVES, NEXT_DAY, PROGRESSION_NOTE, levels_of, next_move
from .common import bullet_list, printable, red_flags_box


def progression_table() -> str:
    """The progression rules as a table: how it felt (rows) by the next day (columns) -> the move; then
    what each move means (moving up needs two sessions in a row), and where the rules come from."""
    head = "".join(f"<th>{escape(v)}</th>" for v in NEXT_DAY.values())
    rows = "".join(f"<tr><th>{escape(FELT[f])}</th>"
                   + "".join(f"<td>{escape(next_move(f, d).title)}</td>" for d in NEXT_DAY) + "</tr>"
                   for f in FELT)
    return (f'<table class="be-print-table be-progression"><thead><tr><th>How it felt \u2193 / the next day \u2192</th>'
            f"{head}</tr></thead><tbody>{rows}</tbody></table>"
            f"{bullet_list(f'{m.title}: {m.advice}' for m in MOVES.values())}"
            f"<p class=\"be-print-note\">{escape(PROGRESSION_NOTE)}</p>")


class CourseOverview:
    """Display object: the whole course on two A4 pages for the room: weeks, sessions, talks, levels."""

    def __init__(self, course, participants: int = 8):
        self.course, self.participants = course, participants

    def _repr_html_(self) -> str:
        course = self.course
        used = [ex for ex in EXERCISES if any(lv.exercise == ex for *_, s in course.sessions() for lv in s.levels())]
        head = "".join(f'<th title="{escape(EXERCISES[ex].title)}">{escape(EXERCISES[ex].short)}</th>' for ex in used)
        rows = []
        for w, n, s in course.sessions():
            levels = {lv.exercise: lv.number for lv in s.levels()}
            cells = "".join(f"<td>{levels.get(ex, '–')}</td>" for ex in used)
            rows.append(f"<tr><td>{w}.{n}</td><td>{escape(s.talk_title)}</td>{cells}"
                        f"<td>{round(course.plan(w, n).total_seconds / 60)} min</td></tr>")
        equipment = bullet_list(c.words for c in course.equipment(self.participants))
        page1 = (f'<section class="be-form-page"><h2>{escape(course.title)}</h2>'
                 f"<p>{len(course.weeks)} weeks, {len(course.sessions())} sessions of up to"
                 f" {course.session_minutes:g} minutes. Numbers are the planned level of each exercise;"
                 " each person moves by the rules below. The exercises: "
                 + "; ".join(f"<strong>{escape(EXERCISES[ex].short)}</strong>: {escape(EXERCISES[ex].title)}" for ex in used)
                 + ".</p>"
                 f'<table class="be-print-table be-overview"><thead><tr><th>Week.session</th><th>Talk</th>{head}'
                 f"<th>Time</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
                 f"<h3>Moving between levels</h3>{progression_table()}</section>")
        levels = "".join(f"<li><strong>{escape(EXERCISES[ex].title)}</strong>: "
                         + "; ".join(f"{lv.number}. {escape(lv.title)}" for lv in levels_of(ex)) + "</li>" for ex in used)
        page2 = (f'<section class="be-form-page"><h3>The levels</h3><ul>{levels}</ul>'
                 f'<h3>Equipment for {self.participants} people</h3>{equipment}{red_flags_box()}</section>')
        return printable(page1 + page2, 2, "be-course-overview")
