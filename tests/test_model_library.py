"""The library's routines (model/library.py): the two to start with take every step from a technique routine, never a
retyped dose; switch pauses say whose they are."""
import pytest

from backease import RoutineError, ROUTINES, Step, get_routine
from backease.model.library import ROUTINES, technique_of
from backease.model.techniques import get_technique


START = ("starter", "flare-up")


@pytest.mark.parametrize("name", START)
def test_every_step_is_the_very_step_of_a_technique_routine(name):
    for step in get_routine(name).steps:
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
