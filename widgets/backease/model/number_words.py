"""Small counts as words, for sentences made from the data: "six weeks", not a "six" typed beside ``WEEKS = 6``."""

WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number_word(n: int) -> str:
    """A count from 0 to 12 as a word ("six"), a larger one in figures ("26")."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"a count must be a whole number from 0, got {n!r}")
    return WORDS[n] if n < len(WORDS) else str(n)


def counted(n: int, one: str, many: str | None = None) -> str:
    """``n`` things in words: ``counted(6, "week") == "six weeks"``, ``counted(1, "week") == "one week"``."""
    return f"{number_word(n)} {one if n == 1 else many or one + 's'}"
