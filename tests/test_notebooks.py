"""Each chapter, downloaded as a notebook, runs in a reader's own kernel with the package installed.

Starting a kernel and importing matplotlib and the package cost more than most chapters, so each
test worker starts one kernel, in an empty folder of its own (a reader's, not the book's), and
clears it between notebooks: every name, figure and matplotlib setting the last one left.
"""
import sys

import nbformat
import pytest
import yaml
from nbclient import NotebookClient

from conftest import ROOT, built_pages

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import kernel_ports  # noqa: E402

pytestmark = pytest.mark.site  # a kernel: as slow as the tests of the built book

kernel_ports.use()  # as in the build: no other test's browser can take the kernel's ports first

# Run before each notebook: closes the last one's figures, undoes its settings, forgets its names.
CLEAR = """\
import os, matplotlib, matplotlib.pyplot
matplotlib.pyplot.close("all")
matplotlib.rcdefaults()
os.chdir({folder!r})
%reset -f
"""


def toc_pages() -> set[str]:
    """The page names in the table of contents (the only pages the book builds)."""
    def files(node):
        if isinstance(node, dict):
            yield from ([node["file"]] if "file" in node else [])
            for value in node.values():
                yield from files(value)
        elif isinstance(node, list):
            for value in node:
                yield from files(value)

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return {toc["root"], *files(toc)}


def notebook_chapters() -> set[str]:
    """Pages written as MyST notebooks (jupytext front matter with a kernel), as page names."""
    return {p.relative_to(ROOT).as_posix().removesuffix(".md") for p in (ROOT / "book").rglob("*.md")
            if p.read_text(encoding="utf-8").startswith("---") and "kernelspec:" in p.read_text(encoding="utf-8")}


CHAPTERS = sorted(notebook_chapters() & toc_pages())


def test_every_notebook_page_can_be_downloaded(site):
    pages = {p.removesuffix(".html") for p in built_pages(site)}
    notebooks = {p.relative_to(site / "_sources").as_posix().removesuffix(".ipynb")
                 for p in (site / "_sources").rglob("*.ipynb")}
    assert CHAPTERS and set(CHAPTERS) <= pages
    assert notebooks == notebook_chapters() & pages  # every built notebook chapter, and only those


@pytest.fixture(scope="session")
def reader_kernel(tmp_path_factory):
    """A python3 kernel started in an empty folder, and that folder."""
    folder = tmp_path_factory.mktemp("reader")
    client = NotebookClient(nbformat.v4.new_notebook(), timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    with client.setup_kernel():
        yield client, folder


def run_cleared(client, folder, nb):
    """Clear the kernel, then run every code cell of ``nb`` with no outputs kept; a failing cell raises."""
    client.nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CLEAR.format(folder=str(folder)))])
    client.execute_cell(client.nb.cells[0], 0)
    client.nb = nb
    client.reset_execution_trackers()
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cell.outputs = []
            client.execute_cell(cell, index)
    client.set_widgets_metadata()
    return nb


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_downloaded_notebook_runs_in_a_readers_kernel(site, reader_kernel, chapter):
    path = site / "_sources" / f"{chapter}.ipynb"
    assert path.is_file(), f"{chapter} has no downloadable notebook"
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.kernelspec.name == "python3"
    run_cleared(*reader_kernel, nb)
    if any("SessionTimer" in c.source for c in nb.cells if c.cell_type == "code"):
        state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
        timers = [m["state"] for m in state.values() if "segments" in m["state"]]
        assert timers and all(t["segments"] for t in timers), chapter


def test_clearing_the_kernel_forgets_the_last_notebooks_names(reader_kernel):
    """A notebook that uses a name only an earlier notebook defined fails, as it would in a new kernel."""
    run_cleared(*reader_kernel, nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("left_over = 1")]))
    with pytest.raises(Exception, match="NameError"):
        run_cleared(*reader_kernel, nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("left_over")]))
