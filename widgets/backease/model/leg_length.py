"""The leg-length check as a walkthrough: a helper compares the heights of your two hip bones.

Facts come from source article 003 (the check, what to do with a known short leg) and the
content brief's "Leg length" anchor (how big differences usually are, when they matter,
Hanada et al. 2001 on this method). Every number the chapter quotes is typed here once.
"""
from __future__ import annotations

from .walkthroughs import Answer, CheckStep, Measure, Outcome, Walkthrough

TYPICAL_MM = 5  # about how big the difference is in most people (content brief)
MATTERS_FROM_MM = 20  # around where a difference tends to matter (content brief)
MAX_MM = 100  # more than this is a mistake in measuring, not a result

_MEANING = (
    "Small differences of a few millimetres are common and usually do no harm. A difference "
    f"tends to matter when it is around {MATTERS_FROM_MM} mm. This check usually reads a few "
    "millimetres low. A lower side can come from a leg that really is shorter (a structural, "
    "or true, difference) or from a pelvis that is twisted or tilted (a functional difference); "
    "only a physiotherapist or doctor can tell which. Do not start wearing a shoe lift all the "
    "time unless a clinician advises it."
)


def _measured_side(side: str) -> Outcome:
    return Outcome(
        id=f"{side}-lower",
        title=f"Your {side} side is lower",
        found=f"The top of your {side} hip bone was lower. Books under your {side} foot levelled it.",
        advice=(
            f"{_MEANING} If a clinician finds that your {side} leg is truly shorter, stand on a book of the "
            "thickness they advise under that foot during the standing stretches."
        ),
        lower_side=side,
        measure=Measure(
            prompt=f"How thick was the pile under your {side} foot? Measure it with a ruler, in millimetres.",
            max_mm=MAX_MM,
            notes=(
                (0, f"This is less than about {MATTERS_FROM_MM} mm, the size at which a difference tends to "
                    "matter. Remember that the check can read a few millimetres low."),
                (MATTERS_FROM_MM, "This is about the size at which a difference tends to matter. "
                                  "Ask a physiotherapist or doctor to assess it."),
            ),
        ),
    )


def _levelling(side: str) -> CheckStep:
    return CheckStep(
        id=f"lift-{side}",
        instruction=(
            f"Helper, keep your hands on the hip bones. The person standing lifts the {side} foot a "
            f"little, slides a thin book or magazine under it, and stands straight again with the "
            f"weight on both feet. Add thin layers one at a time until your hands are level. If the "
            f"other hand ends up lower, take the last layer away or use a thinner one."
        ),
        question="Helper: are your hands level now?",
        answers=(
            Answer("Yes, level now", f"{side}-lower"),
            Answer("No, we cannot get them level", "not-levelled"),
        ),
        figure=f"book-under-{side}",
        figure_alt=(
            f"Seen from behind: a pile of books under the {side} foot. The helper's hands on the "
            f"hip bones are now level."
        ),
    )


_LATER = (
    "You can still do the techniques in this guide, standing with your weight even on both feet."
)

LEG_LENGTH = Walkthrough(
    name="leg-length",
    title="Leg-length check",
    start="known",
    steps=(
        CheckStep(
            id="known",
            instruction=(
                "This check shows whether the tops of your two hip bones are at the same height "
                "when you stand. It takes a few minutes and needs a helper."
            ),
            question="Has a doctor or physiotherapist already told you that one leg is truly shorter?",
            answers=(
                Answer("No, or I do not know", "prepare"),
                Answer("Yes, I have a true short leg", "known-short-leg"),
            ),
        ),
        CheckStep(
            id="prepare",
            instruction=(
                "Take off your shoes. Stand up straight on a hard, level floor, feet hip-width apart, "
                "arms loose, with your weight even on both feet. Your helper stands behind you. "
                "Have a few thin books or magazines and a ruler close by."
            ),
            question="Can you stand like this, steady, without holding on?",
            answers=(
                Answer("Yes, we are ready", "find-crests"),
                Answer("No, I cannot stand steadily", "cannot-stand"),
                Answer("I have no helper", "no-helper"),
            ),
        ),
        CheckStep(
            id="find-crests",
            instruction=(
                "Helper: lay your hands flat on the sides of the waist, just above the hips. Press "
                "in at the waist, then press down until your hands stop on the hard top edge of the "
                "hip bone on each side (the iliac crest). Rest your thumbs or index fingers along "
                "the top of each bone, and keep both hands flat and level with the floor."
            ),
            question="Helper: can you feel the top of the hip bone on both sides?",
            answers=(
                Answer("Yes, on both sides", "compare"),
                Answer("Not clearly", "find-again"),
            ),
            figure="hands-level",
            figure_alt=(
                "Seen from behind: a person standing, with a helper's hands resting on the tops of "
                "both hip bones. The hands are level."
            ),
        ),
        CheckStep(
            id="find-again",
            instruction=(
                "Start a little higher, at the soft part of the waist, and slide your hands down "
                "until they meet bone. Press a little more firmly. The person standing breathes "
                "out and lets the belly relax. Thin clothing makes the bones easier to feel."
            ),
            question="Helper: can you feel both hip bones now?",
            answers=(
                Answer("Yes, now I can", "compare"),
                Answer("No, still not clearly", "crests-unclear"),
            ),
        ),
        CheckStep(
            id="compare",
            instruction=(
                "Helper: bend or crouch so that your eyes are at the height of your hands, and "
                "compare the two hands. The person standing stays straight and still, looking ahead. "
                "Left and right here mean the standing person's left and right, which are also "
                "the helper's, because the helper is behind. The picture shows an example where "
                "the left side is lower."
            ),
            question="Helper: are your hands level?",
            answers=(
                Answer("Level", "level"),
                Answer("The left hand is lower", "lift-left"),
                Answer("The right hand is lower", "lift-right"),
                Answer("I cannot tell", "unsure"),
            ),
            figure="left-lower",
            figure_alt=(
                "Seen from behind: an example where the left hip bone, and the helper's left hand "
                "on it, sit lower than the right."
            ),
        ),
        _levelling("left"),
        _levelling("right"),
    ),
    outcomes=(
        Outcome(
            id="level",
            title="Your hip bones look level",
            found="The tops of both hip bones were at the same height.",
            advice=(
                "You can do the standing stretches with your weight even on both feet. A difference "
                f"of a few millimetres (about {TYPICAL_MM} mm in most people) is hard to see this "
                "way, and differences that small are common and usually do no harm."
            ),
        ),
        _measured_side("left"),
        _measured_side("right"),
        Outcome(
            id="not-levelled",
            title="The hands could not be levelled",
            found="The hip bones looked uneven, but books under one foot did not level them.",
            advice=(
                "This can happen when the pelvis is twisted rather than one leg being shorter, or "
                "simply because the check is hard to do. Ask a physiotherapist or doctor to assess "
                f"it. Until then, do the stretches without books. {_LATER}"
            ),
        ),
        Outcome(
            id="unsure",
            title="The result is not clear",
            found="The helper could not tell whether the hands were level.",
            advice=(
                f"{_LATER} You can try again another day, perhaps with another helper, or ask a "
                "physiotherapist to check."
            ),
        ),
        Outcome(
            id="crests-unclear",
            title="The hip bones were hard to feel",
            found="The helper could not clearly feel the top of both hip bones.",
            advice=(
                "This check only works when both hip bones can be felt clearly. A physiotherapist "
                f"or doctor can check your leg length in other ways. {_LATER}"
            ),
        ),
        Outcome(
            id="cannot-stand",
            title="Ask a clinician first",
            found="You cannot stand steadily without holding on.",
            advice=(
                "Please do not do this check, or the standing stretches, on your own. Ask a doctor "
                "or physiotherapist which techniques are safe for you. Many techniques in this "
                "guide are done lying down."
            ),
        ),
        Outcome(
            id="no-helper",
            title="Find a helper first",
            found="There was no helper.",
            advice=(
                "This check needs a second person, because you have to stand straight and still "
                "while someone looks from behind. Ask someone another day, or ask a physiotherapist "
                f"at your next visit. {_LATER}"
            ),
        ),
        Outcome(
            id="known-short-leg",
            title="Stand on a book under your shorter leg",
            found="A clinician has told you that one leg is truly shorter.",
            advice=(
                "You do not need this check. During the standing stretches, stand with a book under "
                "the foot of your shorter leg, as thick as the difference your clinician measured, "
                "so that your pelvis is level. Keep to anything else your clinician advised."
            ),
        ),
    ),
)
