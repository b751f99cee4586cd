"""The home programme (backease.model.home): a plan for one person, and progression from the diary by the
class course's rules, as properties over generated diaries."""
from datetime import date, datetime, timedelta, timezone
from itertools import product

import pytest
from hypothesis import given, settings, strategies as st

from backease.errors import HomePlanError
from backease.model.conditions import CONDITIONS
from backease.model.home import (ANSWERS, AS_CLASS, DAYS_A_WEEK, MINUTES, PER_SESSION, PLAN_WEEKS, WEEKS, HomePlan,
                                 plan_from_dict, progress)
from backease.model.levels import EXERCISES, PROGRESSION, UP_AFTER, levels_of, next_move
from conftest import cases

START = date(2027, 1, 4)  # a Monday
PLAN = HomePlan((1, 3, 5), START)


def entry(plan: HomePlan, n: int, answer: str | None = None, flare_up: bool = False, levels=None) -> dict:
    """The diary entry of the reader's ``n``-th planned session (0-based), as the browser writes it."""
    when, week = plan.dates()[n]
    name = plan.session(week, n, levels or {}).name
    record = {"id": f"e{n}", "date": datetime.combine(when, datetime.min.time(), timezone.utc).isoformat()
              .replace("+00:00", "Z"), "session": "Home programme", "home_session": name}
    if answer:
        record["how_it_went"] = answer
    if flare_up:
        record["flare_up"] = True
    return record


def test_the_plan_has_its_days_for_six_weeks_and_grows_week_by_week():
    assert [d.isoweekday() for d, _ in PLAN.dates()] == [1, 3, 5] * WEEKS
    assert PLAN.dates()[-1][1] == WEEKS and PLAN.week_of(START + timedelta(days=WEEKS * 7)) is None
    assert PLAN.exercises(1) == PLAN_WEEKS[0].adds
    assert all(set(PLAN.exercises(w)) < set(PLAN.exercises(w + 1)) or not PLAN_WEEKS[w].adds for w in range(1, WEEKS))
    assert {e for w in PLAN_WEEKS for e in w.adds} <= set(EXERCISES)


def test_each_week_reads_a_different_talk():
    from backease.model.education import TALKS

    assert [w.talk for w in PLAN_WEEKS] == list(dict.fromkeys(w.talk for w in PLAN_WEEKS)) and all(
        w.talk in TALKS for w in PLAN_WEEKS)


def test_every_session_at_any_levels_lasts_about_ten_to_twenty_minutes():
    """Every week, every turn, every mix of levels: at most twenty minutes, and about ten at least (week 1 at level
    1 is nine minutes: a reader starts below what they can do)."""
    for week in range(1, WEEKS + 1):
        for number in range(len(PLAN.exercises(week))):
            turn = PLAN.turn(week, number)
            assert len(turn) <= PER_SESSION
            for chosen in product(*[range(1, len(levels_of(e)) + 1) for e in turn]):
                seconds = PLAN.session(week, number, dict(zip(turn, chosen))).total_seconds
                assert 0.85 * MINUTES[0] * 60 <= seconds <= MINUTES[1] * 60, (week, number, chosen, seconds)


def test_a_session_never_changes_position_without_time_to_move_and_gets_down_once():
    from test_model_plans import check_moves

    for week in range(1, WEEKS + 1):
        for number in range(len(PLAN.exercises(week))):
            turn = PLAN.turn(week, number)
            for chosen in product(*[range(1, len(levels_of(e)) + 1) for e in turn]):
                session = PLAN.session(week, number, dict(zip(turn, chosen)))
                check_moves(session)
                assert session.count_moves("down") <= 1 and session.count_moves("up") == 0, session
                assert not any(s.label.startswith("Hand out") for s in session.segments())


def test_exercises_take_turns_so_each_comes_up_every_week():
    for week in range(1, WEEKS + 1):
        every = PLAN.exercises(week)
        seen = {e for n in range(3) for e in PLAN.turn(week, n)}
        assert seen == set(every), week


@pytest.mark.parametrize("days, message", [
    ((1, 3), "choose 3 to 5 days a week, got 2"),
    ((1, 2, 3, 4, 5, 6), "choose 3 to 5 days a week, got 6"),
    ((1, 1, 3), "each day must be a different weekday number"),
    ((0, 3, 5), "each day must be a different weekday number from 1 (Monday) to 7 (Sunday), got (0, 3, 5)"),
    (("mon", 3, 5), "the days must be a list of weekday numbers"),
    ((True, 3, 5), "the days must be a list of weekday numbers"),
])
def test_bad_days_are_refused_by_name(days, message):
    with pytest.raises(HomePlanError, match=message.replace("(", r"\(").replace(")", r"\)")):
        HomePlan(days, START)


def test_a_bad_plan_file_says_what_is_wrong():
    with pytest.raises(HomePlanError, match="'start' must be a date like 2027-01-04, got 'soon'"):
        plan_from_dict({"days": [1, 3, 5], "start": "soon"})
    with pytest.raises(HomePlanError, match="no condition called 'flu'"):
        plan_from_dict({"days": [1, 3, 5], "start": "2027-01-04", "conditions": ["flu"]})
    with pytest.raises(HomePlanError, match="expected days, start and conditions"):
        plan_from_dict(["monday"])
    assert plan_from_dict(PLAN.to_dict()) == PLAN


def test_answers_are_read_by_the_class_courses_table():
    assert set(AS_CLASS) == set(ANSWERS)
    assert [PROGRESSION[AS_CLASS[a]] for a in ANSWERS] == ["up", "stay", "down", "down"]
    assert next_move(*AS_CLASS["too-easy"]).id == "up"


@settings(max_examples=cases(30))
@given(st.lists(st.sampled_from(sorted(c.id for c in CONDITIONS)), max_size=4, unique=True))
def test_a_dont_for_a_readers_condition_is_never_in_a_session(conditions):
    plan = HomePlan((2, 4, 6), START, tuple(conditions))
    for exercise in plan.left_out:
        assert plan.advice(exercise, "dont")
        assert all(exercise not in plan.exercises(w) for w in range(1, WEEKS + 1))
    assert set(plan.left_out).isdisjoint(progress(plan, []).levels)


answers = st.lists(st.one_of(st.sampled_from(sorted(ANSWERS)), st.just("flare-up")), max_size=3 * WEEKS)


@settings(max_examples=cases(150))
@given(answers)
def test_levels_move_one_step_at_a_time_within_their_range_and_each_move_has_its_reason(said):
    entries, shown = [], {}
    for n, answer in enumerate(said):
        entries.append(entry(PLAN, n, flare_up=True) if answer == "flare-up" else entry(PLAN, n, answer))
    result = progress(PLAN, entries)
    for exercise, level in result.levels.items():
        assert 1 <= level <= len(levels_of(exercise))
    for change in result.changes:
        assert abs(change.after - change.before) == 1
        assert change.words.startswith(f"{EXERCISES[change.exercise].title}: level {change.before} \u2192 {change.after} after")
        shown.setdefault(change.exercise, 1)
        assert change.before == shown[change.exercise]
        shown[change.exercise] = change.after
    assert all(result.levels[e] == shown.get(e, 1) for e in result.levels)
    assert result.flare_up_next == (bool(said) and said[-1] == "flare-up")


def test_two_easy_sessions_in_a_row_move_an_exercise_up_and_a_session_that_hurt_steps_it_down():
    entries = [entry(PLAN, n, "too-easy") for n in range(UP_AFTER)]
    result = progress(PLAN, entries)
    assert result.levels["string"] == 2 and result.done == UP_AFTER
    [change] = [c for c in result.changes if c.exercise == "string"]
    assert change.words == f"String swings: level 1 \u2192 2 after {UP_AFTER} sessions in a row that felt too easy"
    hurt = progress(PLAN, [*entries, entry(PLAN, UP_AFTER, "hurt")])
    assert hurt.levels["string"] == 1 and hurt.changes[-1].reason == "after a session that hurt"
    easy_then_right = progress(PLAN, [entry(PLAN, 0, "too-easy"), entry(PLAN, 1, "about-right"),
                                      entry(PLAN, 2, "too-easy")])
    assert easy_then_right.levels["string"] == 1  # not in a row


def test_a_flare_up_steps_down_and_the_next_session_is_the_flare_up_session():
    entries = [entry(PLAN, n, "too-easy") for n in range(4)]
    assert progress(PLAN, entries).levels["string"] == 3
    flare = progress(PLAN, [*entries, entry(PLAN, 4, flare_up=True)])
    assert flare.flare_up_next and flare.levels["string"] == 2
    assert PLAN.session(2, flare.done, flare.levels, flare_up=True).routines()[0].name == "flare-up"
    done = {**entry(PLAN, 5), "home_session": "home-week-2-flare-up", "how_it_went": "about-right"}
    after = progress(PLAN, [*entries, entry(PLAN, 4, flare_up=True), done])
    assert not after.flare_up_next and after.levels == flare.levels and after.done == flare.done


def test_an_undone_change_is_not_made_and_the_count_starts_again():
    entries = [entry(PLAN, n, "too-easy") for n in range(3)]
    first = progress(PLAN, entries)
    up = next(c for c in first.changes if c.exercise == "string")
    kept = progress(PLAN, entries, undone={up.id})
    assert kept.levels["string"] == 1 and up.id not in {c.id for c in kept.changes}
    again = progress(PLAN, [*entries, entry(PLAN, 3, "too-easy")], undone={up.id})
    assert again.levels["string"] == 2  # two more easy sessions in a row after the undo


def test_other_diary_entries_change_nothing():
    other = {"id": "x", "date": "2027-01-05T08:00:00Z", "session": "Belly breathing", "how_it_went": "too-easy"}
    before_plan = {**entry(PLAN, 0, "too-easy"), "date": "2026-12-01T08:00:00Z"}
    assert progress(PLAN, [other, before_plan, other]) == progress(PLAN, [])
