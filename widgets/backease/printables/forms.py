"""Forms to fill in by hand: the screening and consent form, the outcome sheet and register."""
from __future__ import annotations

from html import escape

from ..model.conditions import CONDITIONS
from ..model.red_flags import ADVICE, LEVELS, flags_at
from .common import printable


STARTBACK_URL = "https://www.keele.ac.uk/sbst/"

STARTBACK_NOTICE = ("The Keele STarT Back Screening Tool is copyright Keele University. It is free to use for"
                    " non-commercial purposes with its copyright notice kept. Use the original, from Keele's"
                    " website; it is not reproduced here.")


# What a ticked sign of each red-flag level means for joining the class (model.red_flags.LEVELS).
JOINING = {"emergency": "Do not join the class today.",
           "urgent": "Do not join the class until you have been checked.",
           "gp": "You can still join the class: tell the teacher, and book the appointment as well."}


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
                         f" {escape(ADVICE[level].action)} <strong>{escape(JOINING[level])}</strong></p></div>")
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
        return printable(page1 + page2, 2, "be-form")


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
        return printable(page1 + page2, 2, "be-form")
