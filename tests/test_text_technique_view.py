"""A technique's steps drawn without a browser (text/technique_view.py)."""
from backease.model.techniques import all_techniques
from backease.text.technique_view import StepsView


def test_steps_view_without_a_browser():
    technique = all_techniques()[0]
    html = StepsView(technique)._repr_html_()
    assert html.count("<li class=\"be-step\">") == len(technique.steps)
    assert repr(StepsView(technique)).startswith("1. ")
