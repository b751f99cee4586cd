"""The course chapter's text, computed from the course, the levels and the talks (typed once there)."""
from __future__ import annotations

from ..model.course import TALK_MINUTES, Course
from ..model.education import TALKS
from ..model.levels import EXERCISES, FELT, MOVES, NEXT_DAY, PROGRESSION_NOTE, levels_of, next_move
from ..model.library import get_routine
from ..model.logistics import TRANSITION_NOTE
from ..model.routines import format_duration
from .plans import outline_markdown


def course_table(course: Course) -> str:
    """Sessions as a Markdown table: talk, planned level of each exercise (short names, with a key), minutes."""
    used = [ex for ex in EXERCISES if any(lv.exercise == ex for *_, s in course.sessions() for lv in s.levels())]
    lines = ["| Session | Talk | " + " | ".join(EXERCISES[ex].short for ex in used) + " | Minutes |",
             "|---" * (len(used) + 3) + "|"]
    for w, n, s in course.sessions():
        levels = {lv.exercise: lv.number for lv in s.levels()}
        cells = " | ".join(str(levels.get(ex, "–")) for ex in used)
        lines.append(f"| [{w}.{n}](#course-week-{w}-session-{n}) | {s.talk_title} | {cells}"
                     f" | {round(course.plan(w, n).total_seconds / 60)} |")
    key = "; ".join(f"**{EXERCISES[ex].short}**: {EXERCISES[ex].title}" for ex in used)
    return "\n".join(lines) + f"\n\nSession 2.1 is week 2, session 1. A dash: not in that session. {key}."


def levels_markdown() -> str:
    """Each exercise with its levels, their doses, and the technique each is built on."""
    out = []
    for ex in EXERCISES.values():
        out.append(f"**{ex.title}**: {ex.aim}.\n")
        for lv in levels_of(ex.name):
            r = get_routine(lv.name)
            dose = "; ".join(f"{s.label}: {s.dose()}" for s in r.steps[: len(r.steps) // lv.rounds])
            rounds = f", {lv.rounds} rounds (the guide's own)" if lv.rounds > 1 else ""
            out.append(f"{lv.number}. {lv.title} ({dose}{rounds}; about {format_duration(r.total_seconds)} on the"
                       f" timer). From {{ref}}`{lv.technique}`.")
        out.append("")
    return "\n".join(out)


def progression_markdown() -> str:
    head = "| How it felt | " + " | ".join(NEXT_DAY.values()) + " |"
    rows = [head, "|---" * (len(NEXT_DAY) + 1) + "|"]
    for f, felt in FELT.items():
        rows.append(f"| {felt} | " + " | ".join(next_move(f, d).title for d in NEXT_DAY) + " |")
    moves = "\n".join(f"- **{m.title}**: {m.advice}" for m in MOVES.values())
    return "\n".join(rows) + f"\n\n{moves}\n\n{PROGRESSION_NOTE}"


def talks_markdown() -> str:
    out = []
    for t in TALKS.values():
        points = "\n".join(f"- {p}" for p in t.points)
        ask = " ".join(f"*{q}*" for q in t.ask)
        check = " ".join(f"*{q}*" for q in t.check_in)
        chapters = "; ".join(f"{{ref}}`{label}` ({what})" for label, what in t.chapters)
        out.append(f"**{t.title}**\n\n{points}\n\nTo open the discussion: {ask}\n\n"
                   f"At the check-in: {check}\n\nPoint people to: {chapters}.\n")
    return "\n".join(out)


def glue_course(course: Course) -> None:
    """Give the course chapter its pieces by name (see book/class/course.md)."""
    from .glue import glue_text

    sessions = course.sessions()
    per_week = max(len(w) for w in course.weeks)
    glue_text("course-shape", f"{len(course.weeks)} weeks, {per_week} sessions a week, each of up to"
                              f" {course.session_minutes:g} minutes: a talk or a check-in on one of {len(TALKS)}"
                              f" topics, then a warm-up, {len(EXERCISES)} exercises at their levels, and a calm end.")
    glue_text("course-table", course_table(course))
    glue_text("course-total", f"The {len(sessions)} sessions take {format_duration(course.total_seconds)} in all.")
    glue_text("course-levels", levels_markdown())
    glue_text("course-progression", progression_markdown())
    glue_text("course-talks", talks_markdown())
    glue_text("talk-minutes", f"{TALK_MINUTES['talk']}")
    glue_text("check-in-minutes", f"{TALK_MINUTES['check-in']}")
    glue_text("transition-note", TRANSITION_NOTE)
    for w, n, _ in sessions:
        plan = course.plan(w, n)
        glue_text(f"course-w{w}s{n}", outline_markdown(plan) + f'\n\n<a href="handout.html#handout={plan.name}">'
                                      f"Print this session's handout</a>")
    glue_text("course-equipment", "\n".join(f"- {c.words}" for c in course.equipment(8)))
