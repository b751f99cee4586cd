"""The teaching page's class shape comes from the plans: getting down once and up once, standing first."""
from backease.model.logistics import TRANSITIONS
from backease.model.plans import PLANS
from backease.text.plans import class_shape_markdown, moving_words


def test_the_class_shape_has_the_plans_parts_in_order_and_gets_down_once():
    for plan in PLANS.values():
        shape = class_shape_markdown(plan)
        for block in plan.blocks:
            assert block.title[1:] in shape, (plan.name, block.title)
        lines = shape.splitlines()
        assert sum(TRANSITIONS["down"].label in line for line in lines) == 1
        assert sum(TRANSITIONS["up"].label in line for line in lines) == 1
        down = next(i for i, line in enumerate(lines) if TRANSITIONS["down"].label in line)
        assert "Standing" in lines[down - 1] and "On the mats" in lines[down + 1]


def test_the_outline_total_counts_every_kind_of_move():
    words = moving_words(PLANS["class-45"])
    assert "getting down to the floor once" in words and "getting up from the floor once" in words
    assert "handing out equipment" in words and "changing position" in words
