"""Levels: each course exercise at three or more steps of difficulty, easier to harder.

A level is a routine in the library (``<exercise>-level-<n>``) whose dose is taken from an
existing technique routine, never typed again: the level keeps some of that routine's steps
(``steps``), may use the low end of the routine's own dose range (``low_end``), and may do
the steps more than once (``rounds``). Rounds are the guide's own choice, beyond the dose on
the technique page, and the level says so. How to move between levels is in ``PROGRESSION``.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import CourseError
from .card_phrases import phrase
from .routines import Routine, RoutineError, Step

ROUND_REST = 15  # seconds between rounds: the guide's own

# Said wherever a class or a level does more than a technique page's dose (levels, plans, handouts).
OVER_DOSE = "{amount} is more than the dose on the technique page: the guide's own choice for {whom}."
GUIDE_ROUNDS = (OVER_DOSE.format(amount="{rounds} rounds", whom="this level")
                + " The rest of {rest} s between rounds is the guide's own too.")


@dataclass(frozen=True)
class Exercise:
    """A course exercise: its name, what it trains, and its levels in order."""

    name: str
    title: str
    aim: str
    short: str  # one word, for a narrow table column


@dataclass(frozen=True)
class Level:
    """One level of an exercise, its dose taken from the library routine ``source``."""

    exercise: str
    number: int
    title: str
    technique: str  # the card whose who-should-not, stop rules and chair version apply
    source: str  # the library routine the dose comes from
    position: str  # where every step of the level is done: one of positions.POSITIONS
    how: tuple[str, ...]  # short steps for this level, in the guide's words
    poses: tuple[str, ...]
    steps: tuple[str, ...] = ()  # labels of the source steps kept, in order (all if empty)
    low_end: bool = False  # use the low end of the source's own dose range
    rounds: int = 1
    need: tuple[str, ...] | None = None  # equipment ids from the card (all of the card's if None)

    @property
    def name(self) -> str:
        return level_name(self.exercise, self.number)

    def note(self, base: Routine) -> str:
        """Where the dose comes from, in a sentence for the reader."""
        parts = [f"The dose comes from the routine \u201c{base.title}\u201d on its technique page"]
        if self.steps:
            parts[0] += f" (its step{'s' if len(self.steps) > 1 else ''} {', '.join(repr(s) for s in self.steps)})"
        if self.low_end:
            parts.append("it uses the low end of that page's range")
        text = "; ".join(parts) + "."
        if self.rounds > 1:
            text += " " + GUIDE_ROUNDS.format(rounds=self.rounds, rest=ROUND_REST)
        if base.notes:
            text += f" On that page: {base.notes}"
        return text

    def routine(self, base: Routine) -> Routine:
        """The level as a routine, built from the library routine ``base``."""
        if base.name != self.source:
            raise RoutineError(f"level {self.name!r}: built from {base.name!r}, but its source is {self.source!r}")
        picked = [base.step(label) for label in self.steps] if self.steps else list(base.steps)
        if self.low_end:
            picked = [_low_end(s) for s in picked]
        steps = []
        for n in range(1, self.rounds + 1):
            for i, step in enumerate(picked):
                label = f"Round {n}: {step.label}" if self.rounds > 1 else step.label
                last = i == len(picked) - 1
                steps.append(replace(step, label=label, rest=ROUND_REST if last and n < self.rounds else
                                     (0.0 if last else step.rest), position=self.position, start=None))
        exercise = EXERCISES[self.exercise]
        return Routine(self.name, f"{exercise.title}, level {self.number}: {self.title}", tuple(steps),
                       get_ready=base.get_ready, switch=base.switch, notes=self.note(base))


def _low_end(step: Step) -> Step:
    """``step`` at the low end of its own dose range (unchanged if it has no range)."""
    if step.at_least is None:
        return step
    if step.reps is not None:
        return replace(step, reps=int(step.at_least), at_least=None)
    return replace(step, seconds=step.at_least, at_least=None)


def level_name(exercise: str, number: int) -> str:
    return f"{exercise}-level-{number}"


EXERCISES: dict[str, Exercise] = {e.name: e for e in (
    Exercise("string", "String swings",
             "a gentle rocking wave along the spine, to loosen the deep back muscles", "String"),
    Exercise("back-of-thigh", "Back-of-thigh stretch",
             "flexibility of the hamstrings, the muscles at the back of the thigh", "Thigh"),
    Exercise("front-of-hip", "Front-of-hip stretch",
             "flexibility at the front of the hip (the hip flexors and psoas)", "Hip"),
    Exercise("forward-bend", "Forward bend", "letting the back muscles relax by hanging forward with support", "Bend"),
    Exercise("side-bend", "Side-bend", "stretching the side of the waist (quadratus lumborum)", "Side"),
    Exercise("trunk-control", "Trunk control (dead bug)",
             "the deep trunk muscles that hold the back steady as the limbs move", "Trunk"),
    Exercise("pandiculation", "Slow tighten and release",
             "relearning how to let the back muscles go, slowly", "Release"),
    Exercise("ball", "Small-ball release", "letting gravity ease the low back over a soft ball", "Ball"),
)}

_MAT_ONLY = ("mat",)

LEVELS: tuple[Level, ...] = (
    # String swings
    Level("string", 1, "Feet swing only", "string-exercises", "string-exercises", "lying-back",
          ("Lie on your back with the towel rolls under your neck and low back.",
           "Let your feet swing gently from side to side; the rest of you stays soft."),
          ("string-rest", "string-feet-swing"), steps=("Feet swing",), low_end=True),
    Level("string", 2, "Both swings, shorter", "string-exercises", "string-exercises", "lying-back",
          ("Do the feet swing, then the clasped-hands swing.", "Keep each swing small and easy."),
          ("string-feet-swing", "string-hands-swing"), low_end=True),
    Level("string", 3, "Both swings, the full time", "string-exercises", "string-exercises", "lying-back",
          ("Do both swings for the full time.", "Let the wave run along your whole spine."),
          ("string-feet-swing", "string-hands-swing")),
    # Back of the thigh
    Level("back-of-thigh", 1, "On a chair", "hamstring-stretch", "hamstring-stretch", "sitting-chair",
          ("Sit on the front half of a chair, one heel on the floor in front, knee straight but soft.",
           "Sit tall and lean forward from your hips until you feel a mild pull. Switch legs."),
          ("hamstring-chair",), low_end=True, need=("strap",)),
    Level("back-of-thigh", 2, "On the floor", "hamstring-stretch", "hamstring-stretch", "sitting-floor",
          ("Sit on the floor, one leg straight and the other folded.",
           "Reach towards the foot of the straight leg, only as far as a mild pull."),
          ("hamstring-seated",), low_end=True),
    Level("back-of-thigh", 3, "On the floor, the full hold", "hamstring-stretch", "hamstring-stretch", "sitting-floor",
          ("As level 2, holding for the full time on each side.",), ("hamstring-seated",)),
    Level("back-of-thigh", 4, "Press and let go, with a strap", "post-isometric-relaxation",
          "post-isometric-relaxation", "lying-back",
          ("Lie on your back with a strap round one foot and raise the leg to a gentle pull.",
           "Press the heel gently into the strap without moving, then let go and ease a little further."),
          ("pir-hamstring-raise", "pir-hamstring-press", "pir-hamstring-relax")),
    # Front of the hip
    Level("front-of-hip", 1, "Standing back-bend", "strength-and-habits", "strength-and-habits", "standing",
          ("Stand with your feet apart and your hands on your low back.",
           "Look up and bend gently backwards, only a little. Come back to upright."),
          ("psoas-standing-backbend",), steps=("Gentle back-bend",), rounds=3, need=()),
    Level("front-of-hip", 2, "Kneeling, holding a chair", "hip-flexor-stretch", "hip-flexor-stretch", "kneeling",
          ("Kneel on one knee on a cushion, the other foot flat in front, a chair beside you to hold.",
           "Sit tall and shift your hips gently forward until the front of the hip stretches."),
          ("hip-flexor-kneeling",)),
    Level("front-of-hip", 3, "Kneeling, two rounds", "hip-flexor-stretch", "hip-flexor-stretch", "kneeling",
          ("As level 2, twice on each side.",), ("hip-flexor-kneeling",), rounds=2),
    # Forward bend
    Level("forward-bend", 1, "Sitting, for the upper back", "forward-bend", "forward-bend", "sitting-chair",
          ("Sit on a sturdy chair, feet flat and apart.",
           "Let your upper back round forward a little at a time, arms hanging. Come up slowly."),
          ("forward-bend-seated",), steps=("Bend a little", "Come up slowly"), need=("chair",)),
    Level("forward-bend", 2, "Standing, hands on a chair back", "forward-bend", "forward-bend", "standing",
          ("Stand facing a chair back, hands resting on it to carry your weight.",
           "Bend a little, wait for the back to let go, then a little further. Come up slowly."),
          ("forward-bend-start", "forward-bend-further"),
          steps=("Bend a little", "Bend a little further", "Come up slowly")),
    Level("forward-bend", 3, "Standing, all the way", "forward-bend", "forward-bend", "standing",
          ("Go down in three stages, waiting each time, only as far as is comfortable.",
           "Come up slowly, then turn gently from side to side."),
          ("forward-bend-start", "forward-bend-further", "forward-bend-hang")),
    # Side-bend
    Level("side-bend", 1, "Hips to the side", "quadratus-lumborum", "quadratus-lumborum", "lying-back",
          ("Lie on your back, knees bent, arms out.",
           "Slide only your hips to one side and rest there. Then the other side."),
          ("ql-start",), need=_MAT_ONLY),
    Level("side-bend", 2, "Hips, then shoulders", "quadratus-lumborum", "quadratus-lumborum", "lying-back",
          ("Slide your hips to one side, then your shoulders to the same side, like a banana.",
           "Rest until the stretched side eases. Then the other side."),
          ("ql-start", "ql-bend"), need=_MAT_ONLY),
    Level("side-bend", 3, "Hips, then shoulders, two rounds", "quadratus-lumborum", "quadratus-lumborum",
          "lying-back", ("As level 2, twice on each side.",), ("ql-bend",), rounds=2, need=_MAT_ONLY),
    # Trunk control
    Level("trunk-control", 1, "Feet down, one arm at a time", "dead-bug", "dead-bug", "lying-back",
          ("Lie on your back, knees bent, both feet on the floor.",
           "Slowly reach one arm back over your head and return. Then the other arm."),
          ("dead-bug-arms-down-easier",), low_end=True, need=_MAT_ONLY),
    Level("trunk-control", 2, "Thighs up, opposite arm and leg", "dead-bug", "dead-bug", "lying-back",
          ("Lift your thighs until they point up, shins level.",
           "Reach one arm back and straighten the opposite leg, only as low as your back stays down."),
          ("dead-bug-arms-down", "dead-bug-arms-down-reach"), low_end=True, need=_MAT_ONLY),
    Level("trunk-control", 3, "The full number", "dead-bug", "dead-bug", "lying-back",
          ("As level 2, up to the top of the range of repetitions.",), ("dead-bug-arms-down-reach",),
          need=_MAT_ONLY),
    Level("trunk-control", 4, "The full number, two rounds", "dead-bug", "dead-bug", "lying-back",
          ("As level 3, twice, with a short rest between.",), ("dead-bug-arms-down-reach",), rounds=2,
          need=_MAT_ONLY),
    # Slow tighten and release
    Level("pandiculation", 1, "One slow round", "somatic-pandiculation", "somatic-pandiculation", "lying-back",
          ("Lie on your back, knees bent.", "Arch your low back gently, then let it go very slowly."),
          ("pandiculation-arch", "pandiculation-release"), steps=("Round 1: tighten slowly", "Round 1: release very slowly")),
    Level("pandiculation", 2, "Two slow rounds", "somatic-pandiculation", "somatic-pandiculation", "lying-back",
          ("As level 1, twice, resting between.",), ("pandiculation-arch", "pandiculation-release"),
          steps=("Round 1: tighten slowly", "Round 1: release very slowly", "Round 2: tighten slowly",
                 "Round 2: release very slowly")),
    Level("pandiculation", 3, "Three slow rounds", "somatic-pandiculation", "somatic-pandiculation", "lying-back",
          ("As level 1, three times, resting between.",), ("pandiculation-arch", "pandiculation-release")),
    # Small-ball release
    Level("ball", 1, "Two balls side by side", "ball-release", "ball-release", "lying-back",
          ("Lie on your back, knees bent, and put two balls side by side under your tailbone.",
           f"Do nothing; let your weight sink. At the end, {phrase('ball-release', 'roll_off')}."),
          ("ball-under-tailbone", "ball-roll-off")),
    Level("ball", 2, "One ball", "ball-release", "ball-release", "lying-back",
          ("As level 1, with one ball under your tailbone.",), ("ball-under-tailbone", "ball-roll-off")),
    Level("ball", 3, "One ball, knees above the hips", "ball-release", "ball-release", "lying-back",
          ("On one ball, lift your knees until they are above your hips, shins relaxed.",
           "Put your feet down before you roll off."), ("ball-knees-up", "ball-roll-off")),
)

_BY_NAME = {lv.name: lv for lv in LEVELS}


def find_level(routine: str) -> Level | None:
    """The level whose routine is called ``routine``, or None for a routine that is not a level."""
    return _BY_NAME.get(routine)


def levels_of(exercise: str) -> tuple[Level, ...]:
    if exercise not in EXERCISES:
        raise CourseError(f"no course exercise called {exercise!r}; exercises: {', '.join(EXERCISES)}")
    return tuple(lv for lv in LEVELS if lv.exercise == exercise)


def level_routines(library: dict[str, Routine]) -> dict[str, Routine]:
    """Every level as a routine, its dose built from the routines in ``library``."""
    return {lv.name: lv.routine(library[lv.source]) for lv in LEVELS}


# How to move between levels. The sources give no rules: these are the guide's own.
FELT = {"easy": "Easy: comfortable all the way through",
        "effort": "A fair effort, or a mild stretch, with no rise in pain",
        "hard": "Too hard, or it brought on sharp or spreading pain"}
NEXT_DAY = {"same": "The same as before, or better",
            "sore": "A little more sore, but settled within a day",
            "worse": "Clearly worse, or still worse after a day"}


@dataclass(frozen=True)
class Move:
    id: str  # "up", "stay" or "down"
    title: str
    advice: str


UP_AFTER = 2  # sessions in a row that say "up" before moving up: the guide's own number (PROGRESSION_NOTE)
_COUNT = {2: "two", 3: "three"}

MOVES = {m.id: m for m in (
    Move("up", "Move up a level", f"After {_COUNT[UP_AFTER]} sessions in a row like this, try the next level. Go back"
                                  " if it does not feel right."),
    Move("stay", "Stay at this level", "Do the same level next time, until it feels easy."),
    Move("down", "Step down a level", "Go back one level next time (or rest the exercise), and tell your teacher."),
)}

# (how it felt, the next day) -> move
PROGRESSION: dict[tuple[str, str], str] = {
    ("easy", "same"): "up", ("easy", "sore"): "stay", ("easy", "worse"): "down",
    ("effort", "same"): "stay", ("effort", "sore"): "stay", ("effort", "worse"): "down",
    ("hard", "same"): "down", ("hard", "sore"): "down", ("hard", "worse"): "down",
}
PROGRESSION_NOTE = ("These rules are the guide's own: the sources give none, and the"
                    f" {_COUNT[UP_AFTER]} sessions in a row are the guide's own number too. Move one level at a time. Stop at once, whatever the level, if any"
                    " red flag appears.")


def next_move(felt: str, next_day: str) -> Move:
    """What to do next time, from how the exercise felt and how the back was the next day."""
    if felt not in FELT or next_day not in NEXT_DAY:
        raise CourseError(f"how it felt must be one of {', '.join(FELT)} and the next day one of"
                           f" {', '.join(NEXT_DAY)}; got {felt!r}, {next_day!r}")
    return MOVES[PROGRESSION[(felt, next_day)]]
