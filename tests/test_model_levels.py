"""The course's levels (model/levels.py): three or more per exercise, each drawn and placed, doses from the library,
and progression rules that never move up on a worse day."""
import pytest

from backease import CourseError, get_routine
from backease.figures.pose_library import POSES
from backease.model.levels import (
    EXERCISES, FELT, GUIDE_ROUNDS, LEVELS, NEXT_DAY, PROGRESSION, ROUND_REST, levels_of, next_move,
)
from backease.model.logistics import card_for
from backease.model.techniques import POSITIONS


def test_each_exercise_has_three_or_more_levels_each_drawn_and_placed():
    for ex in EXERCISES:
        levels = levels_of(ex)
        assert len(levels) >= 3 and [lv.number for lv in levels] == list(range(1, len(levels) + 1))
        for lv in levels:
            assert lv.poses and all(p in POSES for p in lv.poses), lv.name
            assert lv.position in POSITIONS
            assert lv.technique == card_for(lv.name).name


def _source_step(level, label):
    """The library step a level's step copies ("Round 2: Dead bug" -> "Dead bug" when the level adds rounds)."""
    return get_routine(level.source).step(label.split(": ", 1)[1] if level.rounds > 1 else label)


def test_every_level_dose_comes_from_its_library_routine():
    for level in LEVELS:
        routine = get_routine(level.name)
        for step in routine.steps:
            source = _source_step(level, step.label)
            assert (step.side, step.tempo, step.breathing, step.cue) == (source.side, source.tempo, source.breathing,
                                                                          source.cue)
            if level.low_end and source.at_least is not None:
                assert (step.seconds or step.reps) == source.at_least
            else:
                assert (step.seconds, step.reps, step.at_least) == (source.seconds, source.reps, source.at_least)
        assert len(routine.steps) == level.rounds * (len(level.steps) or len(get_routine(level.source).steps))
        said = GUIDE_ROUNDS.format(rounds=level.rounds, rest=ROUND_REST)
        assert (level.rounds > 1) == (said in routine.notes), level.name


def test_progression_rules_cover_every_answer_and_never_move_up_on_a_worse_day():
    assert set(PROGRESSION) == {(f, d) for f in FELT for d in NEXT_DAY}
    assert next_move("easy", "same").id == "up"
    assert all(next_move(f, "worse").id == "down" for f in FELT)
    assert all(next_move("hard", d).id == "down" for d in NEXT_DAY)
    with pytest.raises(CourseError, match="got 'fine', 'same'"):
        next_move("fine", "same")
