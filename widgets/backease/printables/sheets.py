"""Pages to print, as HTML built from the guide's data: technique sheets, handouts, forms, the course.

Everything here reads the same objects the pages and timers read (routines, levels, cards,
red flags, conditions, the course), so a printed dose or red flag cannot differ from the
screen. ``book/_assets/print.css`` lays them out on A4; each printable says how many pages
it prints on (``data-pages``), and the tests hold it to that.
"""
from __future__ import annotations

from html import escape

from ..model.conditions import ADVICE_TITLES, CONDITIONS
from ..model.levels import EXERCISES, FELT, MOVES, NEXT_DAY, PROGRESSION, PROGRESSION_NOTE, find_level, levels_of
from ..model.library import get_routine
from ..model.logistics import TRANSITION_NOTE, card_for, on_floor
from ..model.plans import Plan
from ..model.red_flags import ADVICE, LEVELS, RED_FLAGS
from ..model.routines import format_duration
from ..model.techniques import all_techniques

STARTBACK_URL = "https://www.keele.ac.uk/sbst/"
STARTBACK_NOTICE = ("The Keele STarT Back Screening Tool is copyright Keele University. It is free to use for"
                    " non-commercial purposes with its copyright notice kept. Use the original, from Keele's"
                    " website; it is not reproduced here.")


def pose_uri(pose: str) -> str:
    """A drawn pose as an SVG data URI (percent-encoded text, not base64), for a browser-filled slot."""
    from urllib.parse import quote

    from ..figures import drawn_pose

    return "data:image/svg+xml," + quote(drawn_pose(pose).svg, safe=" :=/\"'<>.,;-")


def pose_img(pose: str) -> str:
    """A drawn pose as an image with its alt text: one element, not the dozens of an inline SVG (a
    page of sheets stays light to lay out); the built book makes its data URI a file (book/_ext/widget_state.py)."""
    from ..figures import drawn_pose

    return f'<img class="be-print-figure" src="{escape(pose_uri(pose))}" alt="{escape(drawn_pose(pose).alt)}">'


def _ul(items, cls: str = "") -> str:
    return f'<ul{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}>{"".join(f"<li>{escape(str(i))}</li>" for i in items)}</ul>'


def flags_at(level: str):
    return [f for f in RED_FLAGS if f.level == level]


def red_flag_line() -> str:
    """The red flags in a line: the emergency signs and what to do, then where the other signs are."""
    emergency, urgent = LEVELS[:2]
    texts = "; ".join(f.text[0].lower() + f.text[1:] for f in flags_at(emergency))
    return (f'<p class="be-red-flag-line"><strong>Red flags. {escape(ADVICE[emergency].title)}</strong> if you have'
            f" back pain with: {escape(texts)}. {escape(ADVICE[urgent].title)} for the other red flags in the"
            " guide (the chapter \u201cSafety first\u201d).</p>")


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
    doses = _ul(f"{s.label}: {s.dose()}" for s in r.steps)
    cells = []
    if on_floor(routine) and card.chair:
        cells.append(f'<p class="be-print-label">If you cannot get down to the floor</p><p>{escape(card.chair)}</p>')
    if need:
        cells.append(f'<p class="be-print-label">What you need</p>{_ul(need)}')
    cells.append(f'<p class="be-print-label">Who should not, or should ask first</p>{_ul(who_should_not(card))}')
    cells.append(f'<p class="be-print-label">Stop if</p>{_ul(card.stop, "be-print-stop")}')
    return [f'<section class="be-print-item" data-routine="{escape(routine)}"><{heading}>{escape(title or r.title)}</{heading}>',
            f"<p>{escape(card.purpose)}</p>",
            f'<p class="be-print-label">How much (about {format_duration(r.total_seconds)} on the timer)</p>{doses}',
            f'<p class="be-print-note">{escape(r.notes)}</p>', steps_html(routine, figure),
            '<div class="be-print-cols">', *(f"<div>{c}</div>" for c in cells), "</div></section>"]


def _printable(html: str, pages: int, cls: str) -> str:
    return f'<div class="be-printable {cls}" data-pages="{pages}">{html}</div>'


class TechniqueSheets:
    """Display object: one A4 sheet per technique card."""

    def _repr_html_(self) -> str:
        techniques = all_techniques()
        sheets = []
        for t in techniques:
            body = routine_sheet(t.routine, heading="h2", title=t.title, need=t.need)
            sheets.append(f'<article class="be-sheet" id="sheet-{t.name}">{body}{red_flag_line()}</article>')
        return _printable("".join(sheets), len(techniques), "be-sheets")


OUTLINE_HEAD = "<thead><tr><th>#</th><th>First</th><th>Part</th><th>Time</th></tr></thead>"
OUTLINE_TOTAL = "Total {total}, of which {moving} for moving and handing out equipment. " + TRANSITION_NOTE


def outline_table(plan: Plan) -> str:
    """The plan block by block: the time to move and set up first, then the block's own time."""
    rows = []
    for i, b in enumerate(plan.blocks):
        moves = plan.transitions(i)
        move = "; ".join(f"{m.label} ({format_duration(m.seconds)})" for m in moves)
        note = f'<br><span class="be-print-note">{escape(b.over_dose)}</span>' if b.over_dose else ""
        rows.append(f"<tr><td>{i + 1}</td><td>{escape(move)}</td><td>{escape(b.title)}{note}</td>"
                    f"<td>{format_duration(b.total_seconds)}</td></tr>")
    return (f'<table class="be-print-table">{OUTLINE_HEAD}<tbody>{"".join(rows)}</tbody></table>'
            f"<p>{escape(OUTLINE_TOTAL.format(total=format_duration(plan.total_seconds), moving=format_duration(plan.transition_seconds)))}</p>")


def red_flags_box() -> str:
    """Every red-flag level with its signs and its action, for the top of a handout or a form."""
    parts = [f'<div class="be-print-flags be-print-flags-{level}"><p class="be-print-label">{escape(ADVICE[level].title)}'
             f"</p>{_ul(f.text for f in flags_at(level))}<p>{escape(ADVICE[level].action)}</p></div>" for level in LEVELS]
    return f'<section class="be-print-redflags"><h3>Red flags: stop and get help</h3>{"".join(parts)}</section>'


def handout_head(plan: Plan, participants: int = 8) -> list[str]:
    """The start of a class handout as pieces of HTML to join: the plan with its times, its
    equipment, the red flags (a piece every handout shares)."""
    equipment = _ul(c.words for c in plan.equipment(participants))
    return [f"<h2>{escape(plan.title)}</h2>{outline_table(plan)}",
            f'<p class="be-print-label">Equipment for {participants} people</p>{equipment}', *handout_tail()]


def handout_tail() -> list[str]:
    """What a handout has between its plan and its exercise sheets, as pieces of HTML to join:
    the red flags and a heading."""
    return [red_flags_box(), "<h3>The exercises</h3>"]


def handout_html(plan: Plan, participants: int = 8, figure=pose_img) -> str:
    """A whole class handout: the plan, its equipment, the red flags, then every exercise."""
    items = "".join(routine_sheet(r.name, figure) for r in plan.routines())
    return f'<div class="be-handout-print">{"".join(handout_head(plan, participants))}{items}</div>'


class HandoutView:
    """Display object: a printable handout for a class plan."""

    def __init__(self, plan: Plan, participants: int = 8):
        self.plan, self.participants = plan, participants

    def _repr_html_(self) -> str:
        return handout_html(self.plan, self.participants)

    def __repr__(self) -> str:
        return f"Handout for {self.plan.title}: " + ", ".join(r.title for r in self.plan.routines())


def _boxes(n: int, start: int = 0) -> str:
    return "".join(f'<span class="be-box">{i}</span>' for i in range(start, start + n))


class ScreeningForm:
    """Display object: the screening and consent form, from the red flags and the conditions (2 A4 pages)."""

    def _repr_html_(self) -> str:
        flags = []
        for level in LEVELS:
            ticks = "".join(f'<li><span class="be-tick"></span>{escape(f.text)}</li>' for f in flags_at(level))
            flags.append(f'<div class="be-form-level"><p class="be-print-label">{escape(ADVICE[level].title)}</p>'
                         f'<ul class="be-ticks">{ticks}</ul><p class="be-form-action">If any is ticked:'
                         f" {escape(ADVICE[level].action)}</p></div>")
        conditions = "".join(f'<li><span class="be-tick"></span><strong>{escape(c.name)}</strong>: {escape(c.explain)}</li>'
                             for c in CONDITIONS)
        page1 = (f'<section class="be-form-page"><h2>Before the class: health check</h2>'
                 '<p>Name: <span class="be-line"></span> Date of birth: <span class="be-line be-short"></span></p>'
                 '<p>Phone: <span class="be-line"></span> Emergency contact: <span class="be-line"></span></p>'
                 "<h3>Red flags: do you have back pain with any of these now?</h3>"
                 f'<p>Tick any that apply. The teacher acts on the most urgent one ticked.</p>{"".join(flags[:2])}</section>')
        page2 = (f'<section class="be-form-page">{"".join(flags[2:])}<h3>Health conditions</h3><p>Tick any that apply. The teacher'
                 " will show you which exercises to leave out, change, or ask your clinician about first.</p>"
                 f'<ul class="be-ticks">{conditions}</ul>'
                 '<p>Anything else (other health problems, medicines, recent injuries):</p>'
                 '<p class="be-write"></p><p class="be-write"></p>'
                 "<h3>Agreement</h3><ul><li>I have answered the questions above truthfully and will tell the teacher"
                 " if anything changes.</li><li>I understand the exercises are gentle, that I should stop if pain"
                 " gets sharper or spreads down a leg, or if I feel numbness, tingling, weakness or dizziness, and"
                 " that this class does not replace advice from my own doctor.</li><li>I agree to take part.</li></ul>"
                 '<p class="be-sign">Signature: <span class="be-line"></span> Date: <span class="be-line be-short">'
                 '</span></p><p class="be-sign">Teacher: <span class="be-line"></span> Checked on: <span'
                 ' class="be-line be-short"></span></p></section>')
        return _printable(page1 + page2, 2, "be-form")


class OutcomeSheet:
    """Display object: pain rating and patient-specific functional scale for the first and last session,
    and a register (2 A4 pages)."""

    def __init__(self, sessions: int = 12, rows: int = 12):
        self.sessions, self.rows = sessions, rows

    def _repr_html_(self) -> str:
        pain = "".join(f"<tr><th>{when}</th><td>{_boxes(11)}</td></tr>" for when in ("First session", "Last session"))
        psfs_rows = "".join(f'<tr><td>{n}. <span class="be-line"></span></td><td></td><td></td></tr>' for n in range(1, 4))
        page1 = ('<section class="be-form-page"><h2>How is your back? First and last session</h2>'
                 '<p>Name: <span class="be-line"></span> First session: <span class="be-line be-short"></span>'
                 ' Last session: <span class="be-line be-short"></span></p>'
                 "<h3>Pain rating</h3><p>Circle one number: on average over the last week, how bad has your back"
                 " pain been? 0 is no pain, 10 is the worst pain you can imagine.</p>"
                 f'<table class="be-print-table be-scale">{pain}</table>'
                 "<h3>Patient-specific functional scale</h3><p>Write down up to three everyday activities you find"
                 " hard or cannot do because of your back. For each one, give a score from 0 (cannot do it at all)"
                 " to 10 (can do it as well as before). At the last session, score the same activities again.</p>"
                 '<table class="be-print-table be-psfs"><thead><tr><th>Activity</th><th>First (0–10)</th>'
                 f"<th>Last (0–10)</th></tr></thead><tbody>{psfs_rows}</tbody></table>"
                 '<h3>Risk screening (optional)</h3><p>Services that stratify a new episode of back pain may use the'
                 f' Keele STarT Back tool: <a href="{STARTBACK_URL}">{STARTBACK_URL}</a>. {escape(STARTBACK_NOTICE)}</p>'
                 "</section>")
        head = "".join(f"<th>{i}</th>" for i in range(1, self.sessions + 1))
        body = "".join(f"<tr><td></td>{'<td></td>' * self.sessions}</tr>" for _ in range(self.rows))
        page2 = ('<section class="be-form-page"><h2>Register</h2><p>Course: <span class="be-line"></span>'
                 ' Teacher: <span class="be-line"></span></p><p>Tick each session attended; write a level change'
                 ' as, for example, "TC 2→3".</p>'
                 f'<table class="be-print-table be-register"><thead><tr><th>Name</th>{head}</tr></thead>'
                 f"<tbody>{body}</tbody></table></section>")
        return _printable(page1 + page2, 2, "be-form")


def progression_table() -> str:
    """The progression rules as a table: how it felt (rows) by the next day (columns) -> the move."""
    head = "".join(f"<th>{escape(v)}</th>" for v in NEXT_DAY.values())
    rows = "".join(f"<tr><th>{escape(FELT[f])}</th>"
                   + "".join(f"<td>{escape(MOVES[PROGRESSION[(f, d)]].title)}</td>" for d in NEXT_DAY) + "</tr>"
                   for f in FELT)
    return (f'<table class="be-print-table be-progression"><thead><tr><th>How it felt \u2193 / the next day \u2192</th>'
            f"{head}</tr></thead><tbody>{rows}</tbody></table><p class=\"be-print-note\">{escape(PROGRESSION_NOTE)}</p>")


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
        equipment = _ul(c.words for c in course.equipment(self.participants))
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
        return _printable(page1 + page2, 2, "be-course-overview")



def pose_slot(pose: str) -> str:
    """A placeholder for a pose that the browser fills from a shared set of drawings (static/handout.js)."""
    from ..figures import drawn_pose

    return f'<img class="be-print-figure" data-pose="{escape(pose)}" alt="{escape(drawn_pose(pose).alt)}">'


def sheet_pieces(routines) -> tuple[dict[str, list[str]], dict[str, str]]:
    """For a browser that assembles handouts: each routine's sheet as pieces of HTML to join
    (figures as placeholders), and the drawings."""
    sheets = {r: sheet_parts(r, pose_slot) for r in routines}
    poses = sorted({p for r in routines for p in
                    (find_level(r).poses if find_level(r) else [s.pose for s in card_for(r).steps if s.pose])})
    return sheets, {p: pose_uri(p) for p in poses}
