"""The library's routines (model/library.py): the two to start with take every step from a technique routine, never a
retyped dose; switch pauses say whose they are; a routine's notes name only doses its timer counts."""
import re

import pytest

from backease import RoutineError, Step, get_routine
from backease.model.library import ROUTINES, technique_of
from backease.model.positions import POSITIONS, TRANSITIONS
from backease.model.techniques import get_technique


START = ("starter", "flare-up")


@pytest.mark.parametrize("name", START)
def test_every_step_is_the_very_step_of_a_technique_routine(name):
    for step in get_routine(name).steps:
        if technique_of(step) is None:  # a move between two techniques, in the guide's time for it
            assert step.start and (step.label, step.seconds) in {(t.label, t.seconds) for t in TRANSITIONS.values()}
            continue
        source = get_routine(technique_of(step))
        assert any(s is step for s in source.steps), step.label
        assert get_technique(source.name).routine == source.name  # the technique has a chapter


def test_a_copied_step_is_not_traceable():
    copy = Step(**{k: getattr(get_routine("breathing").steps[0], k) for k in ("label", "seconds", "cue")})
    with pytest.raises(RoutineError, match="'Belly breathing' is not taken from any technique routine"):
        technique_of(copy)


@pytest.mark.parametrize("name", START)
def test_total_is_computed_from_the_technique_doses(name):
    r = get_routine(name)
    work = sum(s.work_seconds * (2 if s.side == "each" else 1) for s in r.steps)
    switches = r.switch * sum(s.side == "each" for s in r.steps)
    rests = sum(s.rest for s in r.steps[:-1])
    assert r.total_seconds == r.get_ready + work + switches + rests


def test_the_starter_lasts_about_ten_minutes_and_the_flare_up_is_shorter():
    starter, flare = get_routine("starter"), get_routine("flare-up")
    assert 8 * 60 <= starter.total_seconds <= 12 * 60
    assert flare.total_seconds < starter.total_seconds


def test_the_flare_up_routine_uses_only_the_gentlest_techniques():
    """Lying still or breathing: the String exercises (one source allows them in a flare-up) and breathing."""
    assert {technique_of(s) for s in get_routine("flare-up").steps} == {"breathing", "string-exercises"}


@pytest.mark.parametrize("name", START)
def test_notes_say_which_choices_are_the_guides_own(name):
    assert "this guide's own suggestion" in get_routine(name).notes
    assert name in ROUTINES


def test_switch_pauses_come_from_the_library_and_say_whose_they_are():
    hip = get_routine("hip-flexor-stretch")
    assert hip.switch == 20 and "guide's own" in hip.notes
    assert [s.seconds for s in hip.segments() if s.kind == "switch"] == [20]
    assert get_routine("psoas").switch == 15 and "guide's own" in get_routine("psoas").notes


def test_library_has_the_doses_from_the_content_brief():
    assert get_routine("hamstring-stretch").steps[0].dose() == "20–30 s each side"
    assert get_routine("hip-flexor-stretch").steps[0].dose() == "30 s each side"
    assert get_routine("dead-bug").steps[0].dose() == "15–20 repetitions"
    assert [s.dose() for s in get_routine("string-exercises").steps] == ["30–60 s", "30–60 s"]
    assert get_routine("ball-release").step("On the ball: let gravity work").dose() == "5 min"


def test_every_library_routine_is_valid_and_under_an_hour():
    from backease.model.levels import LEVELS
    from backease.model.techniques import all_techniques

    assert {t.routine for t in all_techniques()} | {"starter", "flare-up"} | {lv.name for lv in LEVELS} <= set(ROUTINES)
    for name, r in ROUTINES.items():
        assert r.name == name
        assert 0 < r.total_seconds < 3600


def test_unknown_routine_name_lists_the_library():
    with pytest.raises(RoutineError, match=r"no routine called 'hamstrings'; the library has: .*hamstring-stretch"):
        get_routine("hamstrings")


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


def test_every_library_step_names_its_position():
    for routine in ROUTINES.values():
        for step in routine.steps:
            assert step.position in POSITIONS, (routine.name, step.label)
