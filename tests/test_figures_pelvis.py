"""The leg-length figures draw what their captions say: which hand is lower, where the books are."""
import pytest
from matplotlib.figure import Figure

from backease.figures import draw_book_under_foot, draw_hands_on_crests
from backease.figures.pelvis import CHECK_FIGURES


def shapes(fig, gid):
    return [p for p in fig.axes[0].patches if p.get_gid() == gid]


def top_of(fig, gid):
    (patch,) = shapes(fig, gid)
    return max(y for _, y in patch.get_xy())


def x_range(rect):
    return rect.get_x(), rect.get_x() + rect.get_width()


def labels(fig):
    return {t.get_text(): t.get_position() for t in fig.axes[0].texts}


def test_level_hips_put_both_hands_at_one_height():
    fig = draw_hands_on_crests()
    assert isinstance(fig, Figure)
    assert top_of(fig, "hand-left") == pytest.approx(top_of(fig, "hand-right"))
    assert "level" in labels(fig) and "lower" not in labels(fig)


@pytest.mark.parametrize("lower, higher", [("left", "right"), ("right", "left")])
def test_a_short_leg_lowers_the_hand_on_its_side(lower, higher):
    fig = draw_hands_on_crests(lower=lower)
    assert top_of(fig, f"hand-{lower}") < top_of(fig, f"hand-{higher}") - 2
    marks = labels(fig)
    assert "level" not in marks
    assert (marks["lower"][0] < 0) == (lower == "left")  # seen from behind, left is on the left


def test_sides_are_labelled_as_seen_from_behind():
    marks = labels(draw_hands_on_crests())
    assert marks["Left"][0] < 0 < marks["Right"][0]
    assert "Seen from behind" in marks


@pytest.mark.parametrize("side, other", [("left", "right"), ("right", "left")])
def test_the_books_are_under_the_named_foot_and_level_the_hands(side, other):
    fig = draw_book_under_foot(side)
    books = shapes(fig, "book")
    (foot,) = shapes(fig, f"foot-{side}")
    (other_foot,) = shapes(fig, f"foot-{other}")
    assert len(books) >= 2
    lo, hi = x_range(foot)
    for book in books:
        b_lo, b_hi = x_range(book)
        assert b_lo <= lo and hi <= b_hi, "each book spans the foot"
        assert not (b_lo <= x_range(other_foot)[0] <= b_hi), "no book under the other foot"
    pile_top = max(b.get_y() + b.get_height() for b in books)
    assert min(b.get_y() for b in books) == 0  # the pile stands on the floor
    assert foot.get_y() == pytest.approx(pile_top)  # and the foot stands on the pile
    assert other_foot.get_y() == 0
    assert top_of(fig, "hand-left") == pytest.approx(top_of(fig, "hand-right"))


@pytest.mark.parametrize("call", [lambda: draw_hands_on_crests("up"), lambda: draw_book_under_foot(None)])
def test_a_bad_side_is_named(call):
    with pytest.raises(ValueError, match="got 'up'|got None"):
        call()


@pytest.mark.parametrize("name", CHECK_FIGURES)
def test_each_named_check_figure_draws_what_its_name_says(name):
    """The walkthrough picks figures by name: each name draws its hands (and books) as it says."""
    fig = CHECK_FIGURES[name]()
    left, right = top_of(fig, "hand-left"), top_of(fig, "hand-right")
    if name.endswith("-lower"):
        assert (left < right - 2) if name.startswith("left") else (right < left - 2), (left, right)
        return
    assert left == pytest.approx(right)
    if name.startswith("book-under-"):
        side = name.removeprefix("book-under-")
        (foot,) = shapes(fig, f"foot-{side}")
        assert foot.get_y() > 0 and shapes(fig, "book"), "the named foot stands on books"
    else:
        assert name == "hands-level" and not shapes(fig, "book")
