"""The routine library: one routine per technique chapter, and two to start with. Every dose is typed once, here.

Doses come from the source articles as summarised in the content brief. Where the sources
give no time (a breathing pace, a rest, a get-ready countdown, how long to wait for a
muscle to let go), the value is the timer's default: such a routine says so in its notes,
and a step that ends on a sign rather than a time says which sign in ``until``.
"""
from __future__ import annotations

from .card_phrases import phrase
from .levels import level_routines
from .routines import Breathing, Routine, RoutineError, Step, format_duration

DEFAULT_TIMES = (
    "The sources give no times for this technique. The times here are the timer's"
    " starting points: take longer or shorter as your body tells you."
)

CALM_BREATH = Breathing(inhale=4, exhale=6)
SSSS_BREATH = Breathing(inhale=4, exhale=8, sound="Ssss")

# Doses a routine's notes also name: typed once here, so the notes say what the timer counts.
HAMSTRING_HOLD, HAMSTRING_AT_LEAST, HAMSTRING_SWITCH = 30, 20, 5
HIP_FLEXOR_HOLD, HIP_FLEXOR_SWITCH = 30, 20
PSOAS_SWITCH = 15
DEAD_BUG_TEMPO = 4
BALL_SECONDS = 300

# Where each step is done (routines.Step.position): a class plan adds the time to move between them.
LYING, SITTING_FLOOR, KNEELING, CHAIR, STANDING, TABLE = (
    "lying-back", "sitting-floor", "kneeling", "sitting-chair", "standing", "table")


def _guide_switch(seconds: float, how: str) -> str:
    return (f" The {format_duration(seconds)} to switch sides, time to {how}, is the guide's own suggestion:"
            " pause the timer if you need longer.")

_PMR_GROUPS = (
    ("Feet and calves", "Curl your toes and tighten your calves"),
    ("Thighs", "Press your knees together and tighten your thighs"),
    ("Buttocks", "Squeeze your buttocks"),
    ("Belly", "Tighten your belly muscles"),
    ("Hands and arms", "Make fists and tighten your arms"),
    ("Shoulders", "Lift your shoulders towards your ears"),
    ("Face", "Screw up your face"),
)


def _pmr_steps() -> tuple[Step, ...]:
    steps = []
    for group, how in _PMR_GROUPS:
        steps.append(Step(f"{group}: tense", seconds=5, cue=f"{how}, gently, at about half effort.", position=LYING))
        steps.append(Step(f"{group}: let go", seconds=15, breathing=CALM_BREATH, position=LYING,
                          cue="Let go all at once. Notice how the muscles feel now."))
    return tuple(steps)


def _pandiculation_steps(rounds: int = 3) -> tuple[Step, ...]:
    steps = []
    for n in range(1, rounds + 1):
        steps.append(Step(f"Round {n}: tighten slowly", seconds=5, position=LYING,
                          cue="Slowly arch your back and tighten the muscles, gently."))
        steps.append(Step(f"Round {n}: release very slowly", seconds=10, rest=10 if n < rounds else 0, position=LYING,
                          cue="Let the muscles lengthen as slowly as you can, like the end of a yawn."))
    return tuple(steps)


_ALL = (
    Routine(
        name="string-exercises",
        title="String exercises",
        notes="The time for each swing comes from the source. The time to get ready and the short rest"
              " between swings are the timer's.",
        get_ready=20,
        steps=(
            Step("Feet swing", seconds=60, at_least=30, rest=10, position=LYING,
                 cue="Let your feet swing gently side to side; the rest of you stays soft."),
            Step("Clasped-hands swing", seconds=60, at_least=30, position=LYING,
                 cue="Hands clasped, swing them gently; let the wave run along your spine."),
        ),
    ),
    Routine(
        name="post-isometric-relaxation",
        title="Post-isometric relaxation of the hamstring",
        notes=DEFAULT_TIMES,
        steps=tuple(
            step
            for n in range(1, 4)
            for step in (
                Step(f"Round {n}: press gently", seconds=5, position=LYING,
                     cue="Press your heel down against the strap, very gently. The leg does not move."),
                Step(f"Round {n}: let go and ease further", seconds=15, position=LYING,
                     cue="Breathe out, let go, and let the leg come up a little further by itself."),
            )
        ),
    ),
    Routine(
        name="warm-up",
        title="Warm-up",
        notes=DEFAULT_TIMES,
        steps=(
            Step("March on the spot", seconds=120, cue="Easy steps. Let your arms swing.", position=STANDING,
                 until="you feel a little warmer"),
            Step("Knee rocking, lying down", seconds=60, position=LYING,
                 cue="Lie on your back, knees bent. Let both knees sway gently side to side."),
        ),
    ),
    Routine(
        name="hamstring-stretch",
        title="Seated hamstring stretch",
        notes=f"The {HAMSTRING_AT_LEAST} to {format_duration(HAMSTRING_HOLD)} hold comes from the source."
              + _guide_switch(HAMSTRING_SWITCH, "swap your legs over"),
        switch=HAMSTRING_SWITCH,
        steps=(
            Step("Hamstring stretch", seconds=HAMSTRING_HOLD, at_least=HAMSTRING_AT_LEAST, side="each",
                 position=SITTING_FLOOR, cue="Reach towards the foot of your straight leg. Breathe out and ease in."),
        ),
    ),
    Routine(
        name="hip-flexor-stretch",
        title="Kneeling hip-flexor stretch",
        notes=f"The {format_duration(HIP_FLEXOR_HOLD)} hold comes from the source."
              + _guide_switch(HIP_FLEXOR_SWITCH, "get up and kneel on the other knee"),
        switch=HIP_FLEXOR_SWITCH,
        steps=(
            Step("Hip-flexor stretch", seconds=HIP_FLEXOR_HOLD, side="each", position=KNEELING,
                 cue="Front knee over the ankle, back straight. Shift your hips gently forward."),
        ),
    ),
    Routine(
        name="forward-bend",
        title="Gravity-assisted forward bend",
        notes=DEFAULT_TIMES,
        steps=(
            Step("Bend a little", seconds=30, until="the muscles let go", position=STANDING,
                 cue="Hands on your thighs or on furniture. Let your weight hang."),
            Step("Bend a little further", seconds=30, until="the muscles let go", position=STANDING,
                 cue="Slide your hands a little lower. Keep your knees straight but soft."),
            Step("Bend further if it is comfortable", seconds=30, until="the muscles let go", position=STANDING,
                 cue="Only as far as is comfortable. Keep breathing."),
            Step("Come up slowly", seconds=20, position=STANDING,
                 cue="Walk your hands back up your legs. Then turn gently side to side."),
        ),
    ),
    Routine(
        name="psoas",
        title="Psoas stretch at the table edge",
        notes=DEFAULT_TIMES + _guide_switch(PSOAS_SWITCH, "sit up and turn to the other leg"),
        switch=PSOAS_SWITCH,
        steps=(
            Step("Table-edge stretch", seconds=60, side="each", until="the hanging thigh sinks", position=TABLE,
                 cue="Hug one knee. Let the other thigh hang over the edge and sink."),
        ),
    ),
    Routine(
        name="quadratus-lumborum",
        title="Lying side-bend for quadratus lumborum",
        notes=DEFAULT_TIMES,
        steps=(
            Step("Side-bend", seconds=60, side="each", until="the stretched side eases", position=LYING,
                 cue="Move your hips to one side, then your shoulders to the same side."),
        ),
    ),
    Routine(
        name="dead-bug",
        title="Dead bug",
        notes="The source gives the number of repetitions but no pace: the timer allows a slow"
              f" {format_duration(DEAD_BUG_TEMPO)} for each.",
        steps=(
            Step("Dead bug", reps=20, at_least=15, tempo=DEAD_BUG_TEMPO, position=LYING,
                 cue="Slowly reach one arm back and the opposite leg out. Return. Swap."),
        ),
    ),
    Routine(
        name="foam-roller-and-self-massage",
        title="Foam roller and self-massage",
        notes=DEFAULT_TIMES,
        steps=(
            Step("Roll slowly", seconds=60, until="the muscle feels softer", position=LYING,
                 cue="Roll slowly over the tight muscle. Keep off the spine itself."),
            Step("Rest on a tender spot", seconds=30, breathing=CALM_BREATH, position=LYING,
                 cue="Stop on a tender spot and breathe. Ease off if it hurts."),
        ),
    ),
    Routine(
        name="progressive-muscle-relaxation",
        title="Progressive muscle relaxation",
        notes=DEFAULT_TIMES,
        get_ready=15,
        steps=_pmr_steps(),
    ),
    Routine(
        name="breathing",
        title="Belly breathing with a long \u201cSsss\u201d",
        notes=f"The sources give no pace or length. The pacer's {format_duration(CALM_BREATH.inhale)} in and"
              f" {CALM_BREATH.exhale:g} to {format_duration(SSSS_BREATH.exhale)} out are a starting point:"
              " breathe at whatever pace feels easy.",
        get_ready=15,
        steps=(
            Step("Belly breathing", seconds=60, breathing=CALM_BREATH, position=LYING,
                 cue="Let your belly rise as you breathe in; let it fall as you breathe out."),
            Step("Long \u201cSsss\u201d out-breath", seconds=180, breathing=SSSS_BREATH, position=LYING,
                 cue="Breathe out slowly through your teeth with a long Ssss."),
        ),
    ),
    Routine(
        name="ball-release",
        title="Small-ball release",
        get_ready=20,
        notes=f"About {format_duration(BALL_SECONDS)} on the ball comes from the source; the other times are the"
              " timer's starting points.",
        steps=(
            Step("Legs straight: notice the arch", seconds=60, breathing=CALM_BREATH, position=LYING,
                 cue="Slide a hand under your low back and feel the arch."),
            Step("Knees bent: notice the arch soften", seconds=60, breathing=CALM_BREATH, position=LYING,
                 cue="Bend your knees, feet on the floor. Feel the arch ease."),
            Step("On the ball: let gravity work", seconds=BALL_SECONDS, breathing=SSSS_BREATH, position=LYING,
                 cue="Roll onto the ball under your tailbone. Do nothing. Let your weight sink."),
            Step("Off the ball: lie flat", seconds=60, breathing=CALM_BREATH, position=LYING,
                 cue=f"Feet down, then {phrase('ball-release', 'roll_off')}. Lie flat. Notice the arch now."),
        ),
    ),
    Routine(
        name="somatic-pandiculation",
        title="Somatic pandiculation",
        notes=DEFAULT_TIMES,
        steps=_pandiculation_steps(),
    ),
    Routine(
        name="strength-and-habits",
        title="A movement break from sitting",
        notes=DEFAULT_TIMES,
        get_ready=5,
        steps=(
            Step("Stand up, knees bent", seconds=10, start=CHAIR, position=STANDING, cue="Feet under you, bend your knees, push up with your legs."),
            Step("Walk about", seconds=120, position=STANDING, cue="Walk at an easy pace. Let your arms swing."),
            Step("Gentle back-bend", seconds=10, position=STANDING, cue="Hands on your hips, look up, lean back a little."),
            Step("Sit down, knees bent", seconds=10, start=STANDING, position=CHAIR, cue="Bend your knees and lower yourself slowly onto the chair."),
        ),
    ),
)

_BY_TECHNIQUE: dict[str, Routine] = {r.name: r for r in _ALL}


def _from(technique: str, *labels: str) -> tuple[Step, ...]:
    """The steps called ``labels`` of a technique routine, the very same Step objects (never retyped)."""
    return tuple(_BY_TECHNIQUE[technique].step(label) for label in labels)


# Where to start: two routines put together from the technique routines' own steps.
WHERE_TO_START_NOTE = (
    "Each step, with its time, is taken unchanged from its technique's own routine. Which"
    " techniques go together, and in what order, is this guide's own suggestion, not the sources'."
    " Where a technique's chapter says a time is the timer's starting point, that holds here too."
)

STARTER = Routine(
    name="starter",
    title="A gentle starter",
    notes=WHERE_TO_START_NOTE,
    get_ready=_BY_TECHNIQUE["breathing"].get_ready,
    steps=(
        *_from("breathing", "Belly breathing", "Long \u201cSsss\u201d out-breath"),
        *_from("string-exercises", "Feet swing", "Clasped-hands swing"),
        *_from("warm-up", "Knee rocking, lying down"),
        *_BY_TECHNIQUE["somatic-pandiculation"].steps,
        *_from("hamstring-stretch", "Hamstring stretch"),
    ),
)

FLARE_UP = Routine(
    name="flare-up",
    title="For a flare-up: the gentlest steps",
    notes=WHERE_TO_START_NOTE + " One source says the String exercises can be done during a flare-up.",
    get_ready=_BY_TECHNIQUE["breathing"].get_ready,
    steps=(
        *_from("breathing", "Belly breathing"),
        *_from("string-exercises", "Feet swing", "Clasped-hands swing"),
        *_from("breathing", "Long \u201cSsss\u201d out-breath"),
    ),
)

ROUTINES: dict[str, Routine] = {**_BY_TECHNIQUE, STARTER.name: STARTER, FLARE_UP.name: FLARE_UP}
ROUTINES.update(level_routines(_BY_TECHNIQUE))  # each course exercise at its levels, doses from the routines above

# A class splits the warm-up, so that it gets down to the floor once: it marches while everyone is
# standing, and rocks the knees once it is down on the mats. The steps are the warm-up's own.
PART_OF = {"warm-up-standing": "warm-up", "warm-up-on-the-mat": "warm-up"}
_SPLIT_NOTE = (" In a class the warm-up comes in two parts, so that people get down to the floor once:"
               " the march with the standing exercises, the knee rocking first thing on the mat.")
ROUTINES.update({r.name: r for r in (
    Routine("warm-up-standing", "Warm-up, standing: march on the spot", _from("warm-up", "March on the spot"),
            notes=DEFAULT_TIMES + _SPLIT_NOTE),
    Routine("warm-up-on-the-mat", "Warm-up on the mat: knee rocking", _from("warm-up", "Knee rocking, lying down"),
            notes=DEFAULT_TIMES + _SPLIT_NOTE),
)})


def _check_positions() -> None:
    for routine in ROUTINES.values():
        for step in routine.steps:
            if step.position is None:
                raise RoutineError(f"routine {routine.name!r}, step {step.label!r}: give its 'position', so that a"
                                   " class plan knows when people move")


_check_positions()


def technique_of(step: Step) -> str:
    """The technique routine a step of ``starter`` or ``flare-up`` was taken from (by identity)."""
    for name, routine in _BY_TECHNIQUE.items():
        if any(s is step for s in routine.steps):
            return name
    raise RoutineError(f"step {step.label!r} is not taken from any technique routine")


def get_routine(name: str) -> Routine:
    """The library routine called ``name``, e.g. ``get_routine("breathing")``."""
    try:
        return ROUTINES[name]
    except (KeyError, TypeError):
        raise RoutineError(f"no routine called {name!r}; the library has: {', '.join(sorted(ROUTINES))}") from None
