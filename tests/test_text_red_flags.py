"""Red flags in words (text/red_flags.py): a page's lists come from the flags."""
import pytest

from backease.model.red_flags import LEVELS, flags_at
from backease.text.red_flags import markdown


def test_page_lists_come_from_the_flags():
    for level in LEVELS:
        assert markdown(level).splitlines() == [f"- {f.text}" for f in flags_at(level)]
    with pytest.raises(ValueError, match="'soon'"):
        flags_at("soon")
