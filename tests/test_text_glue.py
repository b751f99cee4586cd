"""Glued text reaches the page as myst-nb's own glue would put it there."""
import json
import subprocess
import sys

import pytest

pytest.importorskip("myst_nb")

PROGRAM = """
import json
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import Markdown
shell = InteractiveShell.instance()
shown = []
shell.display_pub.publish = lambda data, metadata=None, **kw: shown.append({"data": data, "metadata": metadata})
from backease.text.glue import glue_text
from myst_nb import glue
glue_text("dose", "Hold **30 seconds**.")
glue("dose", Markdown("Hold **30 seconds**."), display=False)
print(json.dumps(shown))
"""


def test_glue_text_writes_what_myst_nb_glue_writes():
    ours, theirs = json.loads(subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                                             check=True).stdout)
    assert ours["metadata"] == theirs["metadata"]
    markdown = [k for k in theirs["data"] if k.endswith("text/markdown")]
    assert markdown and {k: ours["data"][k] for k in markdown} == {k: theirs["data"][k] for k in markdown}
    assert set(ours["data"]) == set(theirs["data"])
