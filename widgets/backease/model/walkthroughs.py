"""Guided checks as plain data: steps with answers that lead to further steps or to outcomes.

A walkthrough starts at one step. Each step gives an instruction (optionally with a
figure), asks one question, and offers answers; each answer leads to another step or to
an outcome. An outcome says what was found and what to do, and may ask for one number,
in millimetres (``Measure``), such as the thickness of books under the lower foot.

``Walkthrough`` checks the whole graph when it is built, with messages that name the
bad step: every answer leads somewhere that exists, every step can be reached from the
start, no path loops back on itself, so every path ends in an outcome. ``walk_paths``
lists every path from the start to an outcome (the tests walk each one in a browser).

Nothing here imports a user interface, so all of it is testable without a browser.
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass

from ..errors import WalkthroughError
from .validation import Validator

SIDES = ("left", "right")
MM, NOTE = "{mm}", "{note}"  # in the summary rows sent to the view: the number as read, and its note
_NUMBER = re.compile(r"([+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)) *(?:mm)?", re.IGNORECASE)
_HOW_TO_TYPE = "Type the number of millimetres, for example 12."


_text = Validator(WalkthroughError).text


@dataclass(frozen=True)
class Answer:
    """One button a reader can press: its ``label`` and the step or outcome it leads to."""

    label: str
    goto: str


@dataclass(frozen=True)
class CheckStep:
    """One step: what to do, then one question with its answers.

    ``figure`` names a drawing that shows the step (``figure_alt`` describes it in words).
    """

    id: str
    instruction: str
    question: str
    answers: tuple[Answer, ...]
    figure: str | None = None
    figure_alt: str = ""


@dataclass(frozen=True)
class Measure:
    """A number in millimetres that an outcome asks for, checked by ``read_mm``.

    ``notes`` are ``(from_mm, text)`` pairs: the summary adds the text of the pair with the
    largest ``from_mm`` that the value reaches.
    """

    prompt: str
    max_mm: float = 100.0
    notes: tuple[tuple[float, str], ...] = ()

    def read_mm(self, value) -> float:
        """``value`` (typed text or a number) as millimetres, or a WalkthroughError naming it."""
        return read_mm(value, self.max_mm)

    def note_for(self, mm: float) -> str:
        """The note for a valid value ``mm`` (empty when no note applies)."""
        reached = [(low, text) for low, text in self.notes if mm >= low]
        return max(reached)[1] if reached else ""


@dataclass(frozen=True)
class Outcome:
    """Where a path ends: a title, what was found, the advice, and maybe a number to measure.

    ``lower_side`` is "left", "right" or None when no side was found lower.
    """

    id: str
    title: str
    found: str
    advice: str
    lower_side: str | None = None
    measure: Measure | None = None

    def summary(self, mm: float | None = None) -> list[list[str]]:
        """The result as [label, text] rows, shown under it and copied as "label: text" lines.

        ``mm`` is the measured value once the reader has entered one (outcomes with a ``measure``).
        """
        if mm is None or self.measure is None:
            return self._rows(None, "")
        return self._rows(f"{mm:g}", self.measure.note_for(mm))

    def _rows(self, mm_text: str | None, note: str) -> list[list[str]]:
        rows = [["Result", self.title], ["What was found", self.found]]
        if self.lower_side:
            rows.append(["Lower side", self.lower_side])
        if self.measure and mm_text is None:
            rows.append(["Estimated difference", "not entered yet"])
        elif self.measure:
            rows.append(["Estimated difference", f"about {mm_text} mm (the books under the {self.lower_side} foot)"])
            rows.append(["Note", note])
        rows.append(["Advice", self.advice])
        return [row for row in rows if row[1]]

    def to_dict(self) -> dict:
        """Plain data for the view: the fields and summary rows; for a measure, how to read the number
        (``mm_rules``) and the rows once it is read, with {mm} for the number and {note} for the note
        of the first of ``bands`` whose ``from_mm`` it reaches."""
        data = {**asdict(self), "summary": self.summary()}
        if self.measure:
            notes = sorted(self.measure.notes, reverse=True)
            data["measure"] = {
                "prompt": self.measure.prompt,
                "rules": mm_rules(self.measure.max_mm),
                "summary": self._rows(MM, NOTE),
                "bands": [{"from_mm": low, "note": text} for low, text in notes],
            }
        return data


def mm_rules(max_mm: float = 100.0) -> list[dict]:
    """How a typed length in millimetres is read, as data: the first rule that fails gives the message.

    ``read_mm`` applies these rules in Python; the guided check's view receives them in its
    widget state and applies the same list in the browser (no kernel on the built page), so
    the pattern, the limits and every message are written here only. In a message, {text}
    stands for the typed text, {shown} for the number as typed.
    """
    return [
        {"test": "empty", "message": _HOW_TO_TYPE},
        {"test": "pattern", "pattern": _NUMBER.pattern, "message": f"“{{text}}” is not a number. {_HOW_TO_TYPE}"},
        {"test": "below", "value": 0, "message": f"{{shown}} mm is less than zero. {_HOW_TO_TYPE}"},
        {"test": "equal", "value": 0,
         "message": "0 mm means no books were needed. If the hands were level, go back and choose “Level”."},
        {"test": "above", "value": max_mm, "message": f"{{shown}} mm is more than {max_mm:g} mm, which is too much "
                                                      "for this check. Measure again in millimetres (1 cm is 10 mm)."},
    ]


def _fails(rule: dict, text: str, shown: str, mm: float) -> bool:
    test, limit = rule["test"], rule.get("value")
    if test == "empty":
        return not text
    if test == "pattern":
        return not shown
    if test == "below":
        return mm < limit
    if test == "equal":
        return mm == limit
    return mm > limit  # "above"


def read_mm(value, max_mm: float = 100.0) -> float:
    """A typed-in length in millimetres: more than 0, at most ``max_mm``; "12,5 mm" means 12.5.

    Bad input raises WalkthroughError with a message for the reader that quotes the value
    as typed (the rules and messages of ``mm_rules``).
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise WalkthroughError(f"“{value}” is not a number. {_HOW_TO_TYPE}")
    text = value.strip() if isinstance(value, str) else repr(value)
    rules = mm_rules(max_mm)
    pattern = next(r["pattern"] for r in rules if r["test"] == "pattern")
    number = re.fullmatch(pattern, text, re.IGNORECASE)
    shown = number[1] if number else ""
    mm = float(shown.replace(",", ".")) if number else math.nan
    for rule in rules:
        if _fails(rule, text, shown, mm):
            raise WalkthroughError(rule["message"].format(text=text, shown=shown))
    return mm


@dataclass(frozen=True)
class Route:
    """One path through a walkthrough: the (step id, answer label) choices and the outcome id."""

    choices: tuple[tuple[str, str], ...]
    outcome: str


@dataclass(frozen=True)
class Walkthrough:
    """A guided check: its steps and outcomes, starting at the step ``start``."""

    name: str
    title: str
    start: str
    steps: tuple[CheckStep, ...]
    outcomes: tuple[Outcome, ...]

    def __post_init__(self):
        name = _text(self.name, "walkthrough 'name'")
        where = f"walkthrough {name!r}"
        _text(self.title, f"{where}: 'title'")
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "outcomes", tuple(self.outcomes))
        if not self.steps:
            raise WalkthroughError(f"{where} has no steps")
        ids: set[str] = set()
        for node in self.steps + self.outcomes:
            kind = "step" if isinstance(node, CheckStep) else "outcome"
            if not isinstance(node, (CheckStep, Outcome)):
                raise WalkthroughError(f"{where}: expected a CheckStep or Outcome, got {node!r}")
            _text(node.id, f"{where}: a {kind}'s 'id'")
            if node.id in ids:
                raise WalkthroughError(f"{where}: two steps or outcomes have the id {node.id!r}")
            ids.add(node.id)
        for step in self.steps:
            self._check_step(step, ids, where)
        for outcome in self.outcomes:
            self._check_outcome(outcome, where)
        if self.start not in self._steps:
            raise WalkthroughError(f"{where}: the start {self.start!r} is not a step")
        self._check_reachable(where)
        self._check_no_cycles(where)

    @property
    def _steps(self) -> dict[str, CheckStep]:
        return {s.id: s for s in self.steps}

    @property
    def _outcomes(self) -> dict[str, Outcome]:
        return {o.id: o for o in self.outcomes}

    @staticmethod
    def _check_step(step: CheckStep, ids: set[str], where: str) -> None:
        here = f"{where}, step {step.id!r}"
        _text(step.instruction, f"{here}: 'instruction'")
        _text(step.question, f"{here}: 'question'")
        if not step.answers:
            raise WalkthroughError(f"{here} has no answers, so it never reaches an outcome")
        labels = [a.label for a in step.answers]
        for answer in step.answers:
            if not isinstance(answer, Answer):
                raise WalkthroughError(f"{here}: expected an Answer, got {answer!r}")
            _text(answer.label, f"{here}: an answer's 'label'")
            if labels.count(answer.label) > 1:
                raise WalkthroughError(f"{here}: two answers are labelled {answer.label!r}")
            if answer.goto not in ids:
                raise WalkthroughError(
                    f"{here}, answer {answer.label!r}: leads to {answer.goto!r}, which is not a step or outcome"
                )
        if step.figure is not None:
            _text(step.figure, f"{here}: 'figure'")
            _text(step.figure_alt, f"{here}: 'figure_alt' (words describing the figure {step.figure!r})")

    @staticmethod
    def _check_outcome(outcome: Outcome, where: str) -> None:
        here = f"{where}, outcome {outcome.id!r}"
        _text(outcome.title, f"{here}: 'title'")
        _text(outcome.found, f"{here}: 'found'")
        _text(outcome.advice, f"{here}: 'advice'")
        if outcome.lower_side not in (None, *SIDES):
            raise WalkthroughError(f"{here}: 'lower_side' must be left, right or None, got {outcome.lower_side!r}")
        if outcome.measure is not None:
            m = outcome.measure
            if not isinstance(m, Measure):
                raise WalkthroughError(f"{here}: 'measure' must be a Measure, got {m!r}")
            _text(m.prompt, f"{here}: the measure's 'prompt'")
            if isinstance(m.max_mm, bool) or not isinstance(m.max_mm, (int, float)) or not 0 < m.max_mm < math.inf:
                raise WalkthroughError(f"{here}: the measure's 'max_mm' must be a positive number, got {m.max_mm!r}")

    def _targets(self, node_id: str) -> list[str]:
        step = self._steps.get(node_id)
        return [a.goto for a in step.answers] if step else []

    def _check_reachable(self, where: str) -> None:
        seen, todo = {self.start}, [self.start]
        while todo:
            for target in self._targets(todo.pop()):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        for node in self.steps + self.outcomes:
            if node.id not in seen:
                kind = "step" if isinstance(node, CheckStep) else "outcome"
                raise WalkthroughError(f"{where}, {kind} {node.id!r}: cannot be reached from the start {self.start!r}")

    def _check_no_cycles(self, where: str) -> None:
        done: set[str] = set()

        def visit(node_id: str, trail: list[str]) -> None:
            if node_id in trail:
                loop = " → ".join(trail[trail.index(node_id):] + [node_id])
                raise WalkthroughError(f"{where}, step {node_id!r}: a path leads back to it ({loop})")
            if node_id in done:
                return
            for target in self._targets(node_id):
                visit(target, trail + [node_id])
            done.add(node_id)

        visit(self.start, [])

    def step(self, step_id: str) -> CheckStep:
        """The step with this id."""
        try:
            return self._steps[step_id]
        except KeyError:
            raise KeyError(f"walkthrough {self.name!r} has no step {step_id!r}") from None

    def outcome(self, outcome_id: str) -> Outcome:
        """The outcome with this id."""
        try:
            return self._outcomes[outcome_id]
        except KeyError:
            raise KeyError(f"walkthrough {self.name!r} has no outcome {outcome_id!r}") from None

    def to_dict(self) -> dict:
        """Plain data for the widget: steps and outcomes keyed by id."""
        return {
            "name": self.name,
            "title": self.title,
            "start": self.start,
            "steps": {s.id: asdict(s) for s in self.steps},
            "outcomes": {o.id: o.to_dict() for o in self.outcomes},
        }


def walk_paths(walkthrough: Walkthrough) -> list[Route]:
    """Every path from the start to an outcome, in the order the answers are listed."""
    routes: list[Route] = []
    outcomes = {o.id for o in walkthrough.outcomes}

    def walk(node_id: str, choices: tuple[tuple[str, str], ...]) -> None:
        if node_id in outcomes:
            routes.append(Route(choices, node_id))
            return
        for answer in walkthrough.step(node_id).answers:
            walk(answer.goto, choices + ((node_id, answer.label),))

    walk(walkthrough.start, ())
    return routes
