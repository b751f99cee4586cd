"""Each chapter, downloaded as a notebook, runs in a reader's own kernel with the package installed."""
from concurrent.futures import ThreadPoolExecutor

import nbformat
from nbclient import NotebookClient

from conftest import ROOT, built_pages


def downloadable_notebooks(site):
    return sorted((site / "_sources").rglob("*.ipynb"))


def notebook_chapters() -> set[str]:
    """Pages written as MyST notebooks (jupytext front matter with a kernel), as page names."""
    return {p.relative_to(ROOT).as_posix().removesuffix(".md") for p in (ROOT / "book").rglob("*.md")
            if p.read_text(encoding="utf-8").startswith("---") and "kernelspec:" in p.read_text(encoding="utf-8")}


def test_every_notebook_page_can_be_downloaded(site):
    pages = {p.removesuffix(".html") for p in built_pages(site)}
    notebooks = {p.relative_to(site / "_sources").as_posix().removesuffix(".ipynb") for p in downloadable_notebooks(site)}
    assert notebooks == notebook_chapters() & pages  # every built notebook chapter, and only those


def run_fresh(path, folder):
    """Run a downloaded notebook from scratch in a new kernel, as a reader would; returns the notebook."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return nb


def test_downloaded_notebooks_run_in_a_fresh_kernel(site, tmp_path):
    paths = downloadable_notebooks(site)
    with ThreadPoolExecutor(max_workers=2) as pool:  # two kernels at a time, one per core
        notebooks = list(pool.map(lambda p: run_fresh(p, tmp_path), paths))  # a failing cell raises here
    for path, nb in zip(paths, notebooks):
        state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
        if any("SessionTimer" in c.source for c in nb.cells if c.cell_type == "code"):
            timers = [m["state"] for m in state.values() if "segments" in m["state"]]
            assert timers and all(t["segments"] for t in timers), path
