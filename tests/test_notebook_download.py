"""A chapter downloaded as a notebook reads as cleanly as its page: plain Markdown, glue filled in, code kept."""
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from docutils.core import publish_doctree

from backease.model.techniques import all_techniques
from conftest import ROOT

# MyST that a Jupyter front end would show as raw text, in a notebook's source or in the rendered text.
RAW_MYST = re.compile(r"""
    \{[a-z][\w:-]*\}            # a role or directive name: {term}`x`, {glue:md}`x`, ```{note}, :::{dropdown}
  | \([\w-]+\)=                # a label: (name)=
  | :::                         # a colon fence
  | ^\s*:[\w-]+:\s              # a directive option: :class: tip
""", re.M | re.X)


def downloads(site) -> list[Path]:
    return sorted((site / "_sources").rglob("*.ipynb"))


def read(path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def markdown_of(nb: dict) -> str:
    """The notebook's text as a reader sees it (Markdown escapes undone)."""
    text = "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return re.sub(r"\\(.)", r"\1", text)


def test_downloaded_chapters_hold_no_raw_myst(site):
    found = {}
    for path in downloads(site):
        for cell in read(path)["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and RAW_MYST.search(source):
                found.setdefault(path.name, []).append(RAW_MYST.search(source).group(0))
    assert downloads(site) and not found, found


def test_downloaded_chapters_keep_every_code_cell_in_order_and_fold_the_hidden_ones(site):
    for path in downloads(site):
        nbformat.validate(nbformat.read(path, as_version=4))  # cell ids and all
        assert "widgets" not in read(path)["metadata"], "saved widget state stops the timers in classic Notebook"
        rel = path.relative_to(site / "_sources")
        executed = read(site.parent / "jupyter_execute" / rel)
        code = [c for c in read(path)["cells"] if c["cell_type"] == "code"]
        assert [c["source"] for c in code] == [c["source"] for c in executed["cells"] if c["cell_type"] == "code"], rel
        for cell in code:
            assert not any("application/papermill.record/text/plain" in o.get("data", {}) for o in cell["outputs"]), rel
            hidden = bool({"remove-cell", "remove-input"} & set(cell["metadata"].get("tags", [])))
            assert cell["metadata"].get("jupyter", {}).get("source_hidden", False) == hidden, (rel, cell["source"][:60])


def test_every_cell_the_page_shows_the_output_of_keeps_its_output(site):
    empty = [(path.name, "".join(c["source"])[:40]) for path in downloads(site) for c in read(path)["cells"]
             if "remove-input" in c["metadata"].get("tags", []) and not c["outputs"]]
    assert not empty, empty


def test_glued_doses_are_filled_in(site):
    for technique in all_techniques():
        text = markdown_of(read(site / "_sources" / "book" / "techniques" / f"{technique.name}.ipynb"))
        for step in technique.session.steps:
            assert step.dose() in text, (technique.name, step.label, step.dose())


def test_citations_keep_the_page_numbers_and_are_listed_at_the_end(site):
    nb = read(site / "_sources" / "book" / "techniques" / "hamstring-stretch.ipynb")
    *body, last = markdown_of(nb).split("## References")
    cited = set(re.findall(r"\[(\d+)\]", "".join(body)))
    listed = set(re.findall(r"^- \[(\d+)\] \w", last, re.M))
    assert cited and cited == listed
    page = (site / "book" / "techniques" / "hamstring-stretch.html").read_text(encoding="utf-8")
    assert cited == set(re.findall(r'class="bibtex-citation"[^>]*>\[<a [^>]*>(\d+)</a>\]', page))


@pytest.fixture(scope="module")
def writer():
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from notebook_download import MarkdownWriter

    return MarkdownWriter()


SAMPLE = """\
Title
=====

Some *soft* text with ``code``, a `link <https://example.org>`_ and a 5 * 3 $ sum.

.. note::

   Take it slowly.

   - one
   - two

Part
----

#. first
#. second

   with more

=====  =====
head   more
=====  =====
a      b
=====  =====
"""


def test_markdown_writer_turns_each_construct_into_plain_markdown(writer):
    blocks = [b for b in writer.blocks(publish_doctree(SAMPLE, settings_overrides={"report_level": 5, "doctitle_xform": False})) if isinstance(b, str)]
    assert blocks == [
        "# Title",
        r"Some *soft* text with `code`, a [link](https://example.org) and a 5 \* 3 \$ sum.",
        "> **Note**\n>\n> Take it slowly.\n>\n> - one\n> - two",
        "## Part",
        "1. first\n2. second\n\n   with more",
        "| head | more |\n|---|---|\n| a | b |",
    ]
