"""Logistics (model/logistics.py): a floor level's card has a chair version; a level's positions are its own, a routine's
its card's."""
from backease.model.levels import LEVELS, find_level
from backease.model.logistics import card_for, on_floor, positions_of


def test_floor_levels_have_a_chair_version_on_their_card():
    for level in LEVELS:
        if on_floor(level.name):
            assert card_for(level.name).chair, level.name


def test_positions_of_a_level_are_its_own_and_of_a_routine_its_cards_first():
    assert positions_of("front-of-hip-level-1") == ("standing", "standing")
    assert positions_of("dead-bug") == (card_for("dead-bug").positions[0],) * 2
    assert find_level("dead-bug") is None
