"""The course as data (model/course.py): the default course, its totals and talks, a teacher's changes, files and their
messages."""
import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from backease import CourseError, ROUTINES, get_routine
from backease.model.course import (COURSE, TALK_MINUTES, TEACH_GETTING_DOWN, course_from_dict, load_course, make_course,
                                   save_course)
from backease.model.education import TALKS
from backease.model.levels import EXERCISES, levels_of
from backease.model.positions import TRANSITIONS
from conftest import cases


def test_default_course_is_six_weeks_of_two_sessions_of_45_to_60_minutes():
    assert [len(week) for week in COURSE.weeks] == [2] * 6
    for w, s, _ in COURSE.sessions():
        assert 45 * 60 <= COURSE.plan(w, s).total_seconds <= 60 * 60, (w, s)


def test_course_totals_are_the_sum_of_their_parts():
    """Every session: its talk, its routines (times repeat) and its transitions, added up from the data."""
    total = 0.0
    for w, s, session in COURSE.sessions():
        plan = COURSE.plan(w, s)
        parts = session.minutes * 60 + sum(b.seconds if b.talk else get_routine(b.routine).total_seconds * b.repeat
                                           for b in session.blocks)
        moves = sum(seg.seconds for i in range(len(plan.blocks)) for seg in plan.transitions(i))
        assert moves == plan.transition_seconds > 0
        assert plan.total_seconds == parts + moves == sum(seg.seconds for seg in plan.segments())
        total += parts + moves
    assert COURSE.total_seconds == total


def test_every_topic_is_talked_about_once_then_checked_in_on():
    topics = [s.topic for *_, s in COURSE.sessions()]
    assert set(topics) == set(TALKS) and topics == sorted(topics, key=list(TALKS).index)
    for *_, s in COURSE.sessions():
        first = topics.index(s.topic) == [x for *_, x in COURSE.sessions()].index(s)
        assert s.kind == ("talk" if first else "check-in") and s.minutes == TALK_MINUTES[s.kind]


def test_every_course_exercise_comes_from_the_library_and_climbs_its_levels():
    seen = {}
    for *_, session in COURSE.sessions():
        for block in session.blocks:
            assert block.talk or block.routine in ROUTINES
        for level in session.levels():
            assert level.number >= seen.get(level.exercise, 1)
            seen[level.exercise] = level.number
    assert set(seen) == set(EXERCISES)
    assert all(n == len(levels_of(ex)) for ex, n in seen.items()), seen  # each reaches its top level


@pytest.mark.parametrize("weeks, per_week, minutes, title", [(6, 2, 60, "Six weeks"), (8, 2, 45, "Eight weeks"),
                                                              (4, 3, 50, "Four weeks"), (3, 2, 90, "Three weeks")])
def test_a_teacher_can_change_weeks_sessions_and_length(weeks, per_week, minutes, title, tmp_path):
    """... and the course is named for the length it has: an eight-week course does not say six weeks."""
    course = make_course(weeks, per_week, minutes)
    assert (course.title, course.name) == (f"{title} for a tight back", title.lower().replace(" ", "-"))
    assert course.length == title.lower()
    assert len(course.sessions()) == weeks * per_week
    assert all(course.plan(w, s).total_seconds <= minutes * 60 for w, s, _ in course.sessions())
    assert load_course(save_course(course, tmp_path / "c.yaml")) == course


def test_too_few_sessions_or_minutes_say_why():
    with pytest.raises(CourseError, match="at least 6 sessions for its 6 talks; 2 weeks of 2 give 4"):
        make_course(2, 2)
    with pytest.raises(CourseError, match="sessions of 20 minutes are too short"):
        make_course(6, 2, 20)
    with pytest.raises(CourseError, match="sessions per week must be a whole number from 1 to 5, got 0"):
        make_course(6, 0)


def test_course_files_round_trip(tmp_path):
    for suffix in (".json", ".yaml", ".yml"):
        assert load_course(save_course(COURSE, tmp_path / f"course{suffix}")) == COURSE
    data = yaml.safe_load((tmp_path / "course.yaml").read_text())
    assert data["weeks"][0]["sessions"][0]["blocks"][2] == {"exercise": "front-of-hip", "level": 1}


def _bad(mutate):
    data = json.loads(json.dumps(COURSE.to_dict()))
    mutate(data)
    return data


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["weeks"][0]["sessions"][0]["blocks"][2].update(level=7),
     r"mine.yaml, week 1, session 1, block 3 \('front-of-hip'\): 'level' must be a whole number from 1 to 3"
     r" for 'front-of-hip', got 7"),
    (lambda d: d["weeks"][1]["sessions"][1]["blocks"][3].update(exercise="plank"),
     r"mine.yaml, week 2, session 2, block 4 \('plank'\): no course exercise called 'plank'"),
    (lambda d: d["weeks"][0]["sessions"][1].update(topic="diet"),
     r"mine.yaml, week 1, session 2: no talk called 'diet'"),
    (lambda d: d["weeks"][0]["sessions"][0].update(kind="lecture"),
     r"mine.yaml, week 1, session 1: 'kind' must be one of talk, check-in, got 'lecture'"),
    (lambda d: d["weeks"][2]["sessions"][0]["blocks"].append({"routine": "deadbug"}),
     r"mine.yaml, week 3, session 1, block 14 \('deadbug'\): no routine called 'deadbug'"),
    (lambda d: d["weeks"][0]["sessions"][0]["blocks"][2].update(repeat=2),
     r"block 3 \('front-of-hip'\): an exercise block has 'exercise' and 'level' and nothing else"),
    (lambda d: d.update(session_minutes=45),
     r"mine.yaml: course 'six-weeks', week 1, session 1 lasts 51 min 25 s with its transitions: more than the"
     r" course's 45-minute sessions"),
    (lambda d: d["weeks"].append({"sessions": []}), r"mine.yaml: course 'six-weeks', week 7 has no sessions"),
    (lambda d: d["weeks"][0].update(days=2), r"mine.yaml, week 1: unknown field\(s\) 'days'"),
])
def test_bad_course_files_name_the_file_session_block_and_value(tmp_path, mutate, message):
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(_bad(mutate)))
    with pytest.raises(CourseError, match=message):
        load_course(path)


_JUNK = st.one_of(st.none(), st.booleans(), st.integers(-5, 100), st.floats(allow_nan=True), st.text(max_size=8),
                  st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=4), st.integers(), max_size=2))


@settings(max_examples=cases(150), suppress_health_check=[HealthCheck.too_slow])
@given(week=st.integers(0, 5), session=st.integers(0, 1), block=st.integers(0, 11),
       key=st.sampled_from(["exercise", "level", "routine", "repeat", "talk", "seconds", "colour"]), value=_JUNK)
def test_any_bad_block_value_gives_a_message_naming_file_session_and_block(week, session, block, key, value):
    block %= len(COURSE.weeks[week][session].blocks)
    data = _bad(lambda d: d["weeks"][week]["sessions"][session]["blocks"][block].update({key: value}))
    try:
        course = course_from_dict(data, source="mine.yaml")
    except CourseError as err:
        assert str(err).startswith(f"mine.yaml, week {week + 1}, session {session + 1}, block {block + 1}") or \
            str(err).startswith("mine.yaml: course 'six-weeks', week "), str(err)
    else:  # a value that happens to be valid: the course still lasts what its parts add up to
        assert course.total_seconds == sum(course.plan(w, s).total_seconds for w, s, _ in course.sessions())


@settings(max_examples=cases(80))
@given(key=st.sampled_from(["name", "title", "session_minutes", "weeks"]), value=_JUNK)
def test_any_bad_course_field_gives_a_message_naming_the_file(key, value):
    data = _bad(lambda d: d.update({key: value}))
    try:
        course_from_dict(data, source="mine.yaml")
    except CourseError as err:
        assert str(err).startswith("mine.yaml"), str(err)


def test_session_one_shows_getting_down_before_the_class_first_gets_down():
    plan = COURSE.plan(1, 1)
    titles = [b.title for b in plan.blocks]
    teach = titles.index(TEACH_GETTING_DOWN["talk"])
    first_down = next(i for i in range(len(plan.blocks))
                      if any(s.label == TRANSITIONS["down"].label for s in plan.transitions(i)))
    assert teach == first_down - 1
    later = [COURSE.plan(w, s) for w, s, _ in COURSE.sessions()][1:]
    assert all(TEACH_GETTING_DOWN["talk"] not in [b.title for b in p.blocks] for p in later)
