"""The package's front (backease/__init__.py, lazy.py): 'import backease' is quick; widgets and figures load on first use."""
import subprocess
import sys

import pytest

import backease
from backease import SessionTimer


def test_import_is_quick_widgets_and_figures_load_on_first_use():
    heavy = ["anywidget", "matplotlib", "yaml", "backease.figures", "backease.widgets", "backease.printables"]
    code = f"import sys, backease; print([m for m in {heavy!r} if m in sys.modules])"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]", f"'import backease' loads {loaded}: import widgets lazily (backease._LAZY)"
    assert backease.SessionTimer is SessionTimer and "SessionTimer" in dir(backease)
    with pytest.raises(AttributeError, match="has no attribute 'Timer'"):
        backease.Timer  # noqa: B018
