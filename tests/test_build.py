"""The build is strict: a broken reference or a failing cell stops it, and all problems show."""
import shutil
import subprocess
import textwrap

import pytest

from conftest import ROOT

pytestmark = pytest.mark.site  # it builds a small book: as slow as the tests of the built one


def test_strict_build_reports_every_problem(tmp_path):
    for name in ("_config.yml", "Makefile"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "book" / "_assets", tmp_path / "book" / "_assets")
    shutil.copytree(ROOT / "book" / "_ext", tmp_path / "book" / "_ext")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/page\n")
    (tmp_path / "book" / "page.md").write_text(textwrap.dedent("""\
        ---
        jupytext:
          text_representation: {extension: .md, format_name: myst}
        kernelspec:
          display_name: Python 3
          language: python
          name: python3
        ---
        # A page

        See {ref}`no-such-label`.

        ```{code-cell} ipython3
        1 / 0
        ```
        """))
    run = subprocess.run(
        ["make", "--no-print-directory", "html", f"BIN={ROOT / '.venv' / 'bin'}", "STAMP="],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    out = run.stdout + run.stderr
    assert run.returncode != 0, out
    assert "no-such-label" in out, out
    assert "ZeroDivisionError" in out, out
