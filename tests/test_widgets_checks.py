"""The checks' widgets in Python (widgets/checks.py): the red-flag screen carries every flag, the advice and the levels;
the guided check carries its walkthrough and a drawing for each figure."""
import json

from backease import GuidedCheck, LEG_LENGTH, RedFlagScreen
from backease.model.red_flags import LEVELS, RED_FLAGS, to_dict


def test_the_widget_carries_every_flag_the_advice_and_the_levels():
    screen = RedFlagScreen().screen
    assert [(f["id"], f["text"], f["level"]) for f in screen["flags"]] == [(f.id, f.text, f.level) for f in RED_FLAGS]
    assert screen["levels"] == list(LEVELS)
    assert screen == json.loads(json.dumps(to_dict()))


def test_the_widget_carries_the_walkthrough_and_a_drawing_for_each_figure():
    widget = GuidedCheck(LEG_LENGTH)
    named = {s.figure for s in LEG_LENGTH.steps if s.figure}
    assert set(widget.figures) == named
    assert all(svg.startswith("<svg") and svg.rstrip().endswith("</svg>") for svg in widget.figures.values())
    assert widget.walkthrough["start"] == LEG_LENGTH.start
    json.dumps(widget.walkthrough)  # plain data, as the page stores it
