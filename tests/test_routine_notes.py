"""A routine's notes name only doses its timer counts: a number in the words comes from the values."""
import re

import pytest

from backease.model.library import ROUTINES

NUMBER = re.compile(r"(\d+(?:\.\d+)?)( min| s)?")
QUOTED = re.compile(r"'[^']*'|\u201c[^\u201d]*\u201d")


def counted(routine) -> set[float]:
    """Every duration, count or pace the routine's timer uses, in seconds (and as plain numbers)."""
    values = {routine.get_ready, routine.switch}
    for step in routine.steps:
        values |= {v for v in (step.seconds, step.reps, step.tempo, step.at_least, step.rest) if v}
        if step.breathing:
            values |= {step.breathing.inhale, step.breathing.exhale}
    return {float(v) for v in values}


@pytest.mark.parametrize("name", sorted(ROUTINES))
def test_every_number_in_a_routines_notes_is_one_of_its_values(name):
    routine = ROUTINES[name]
    values = counted(routine)
    words = QUOTED.sub("", routine.notes)  # step labels and titles quoted: "Round 2: ..."
    for match in NUMBER.finditer(words):
        number = float(match[1]) * (60 if match[2] == " min" else 1)
        assert number in values or _from_level(routine, number), (name, match[0], routine.notes)


def _from_level(routine, number) -> bool:
    """A level routine's notes quote its base routine's notes and the guide's rounds and rest."""
    from backease.model.levels import ROUND_REST, find_level

    level = find_level(routine.name)
    if level is None:
        return False
    base = ROUTINES[level.source]
    return number in counted(base) or number in (float(level.rounds), float(ROUND_REST))


def _phrases(routine) -> list[tuple[str, str]]:
    """(what the notes say, what the values say) for each phrase that names a dose."""
    from backease.model.routines import format_duration as d

    notes, out = routine.notes, []
    for said in re.findall(r"The (\S+ s) to switch sides", notes):
        out.append((said, d(routine.switch)))
    for said in re.findall(r"a slow (\S+ s) for each", notes):
        out.append((said, d(next(s.tempo for s in routine.steps if s.tempo))))
    for said in re.findall(r"About (.+?) on the ball", notes):
        out.append((said, d(next(s.seconds for s in routine.steps if "ball" in s.label.lower()))))
    for low, high in re.findall(r"The (?:(\d+) to )?(\S+ s) hold", notes):
        step = routine.steps[0]
        out.append((high, d(step.seconds)))
        if low:
            out.append((low, f"{step.at_least:g}"))
    for inhale, low, high in re.findall(r"pacer's (\S+ s) in and (\d+) to (\S+ s) out", notes):
        breaths = [s.breathing for s in routine.steps if s.breathing]
        out += [(inhale, d(breaths[0].inhale)), (low, f"{breaths[0].exhale:g}"), (high, d(breaths[-1].exhale))]
    return out


@pytest.mark.parametrize("name", ["hamstring-stretch", "hip-flexor-stretch", "psoas", "dead-bug", "breathing",
                                  "ball-release"])
def test_a_dose_the_notes_name_is_the_dose_the_timer_counts(name):
    phrases = _phrases(ROUTINES[name])
    assert phrases, ROUTINES[name].notes
    for said, counted_value in phrases:
        assert said == counted_value, (name, ROUTINES[name].notes)
