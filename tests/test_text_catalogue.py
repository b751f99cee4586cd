"""The routine library as a table (text/catalogue.py), as a notebook user lists it."""
import doctest
import sys

from backease import ROUTINES, list_routines


def test_list_routines_shows_the_whole_library_as_a_table():
    routines = list_routines()
    assert [r.name for r in routines] == list(ROUTINES)
    text, html = repr(routines), routines._repr_html_()
    for routine in ROUTINES.values():
        assert routine.name in text and routine.name in html
    assert "4 min 15 s" in text  # the breathing routine's total, as the timer counts it
    assert doctest.testmod(sys.modules["backease.text.catalogue"]).failed == 0
