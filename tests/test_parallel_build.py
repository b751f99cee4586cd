"""The build's processes share one notebook cache (book/_ext/parallel_build.py): none removes what another caches.

jupyter-cache (with SQLAlchemy), nbformat and the extension (with Sphinx) are imported by the tests, not at the top:
every pytest-xdist worker imports this module to collect it, and one runs it (half a second of each other's start).
"""
import multiprocessing
import sqlite3
import sys

import pytest

from conftest import ROOT

PROCESSES, EACH = 3, 40


@pytest.fixture(scope="module")
def parallel_build(tmp_path_factory):
    """The extension, loaded by a real Sphinx application as the build loads it (its setup is what changes
    jupyter-cache); the processes below are forked from this one, as Sphinx's reading processes are."""
    from sphinx.application import Sphinx

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    import parallel_build

    folder = tmp_path_factory.mktemp("sphinx")
    (folder / "conf.py").write_text("")
    Sphinx(folder, folder, folder / "_build", folder / "_doctrees", "html", status=None,
           confoverrides={"extensions": ["parallel_build"]})
    return parallel_build


def _notebook(i: int):
    import nbformat

    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"x = {i}", execution_count=1)],
                                    metadata={"kernelspec": kernel})


def _cache(folder: str, first: int) -> None:
    """Cache ``EACH`` executed notebooks, one after another, as a build process caches the notebooks it runs."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(folder)
    for i in range(first, first + EACH):
        cache.cache_notebook_bundle(CacheBundleIn(_notebook(i), f"/book/page{i}.ipynb"), check_validity=False,
                                    overwrite=True)


def test_notebooks_cached_at_once_by_several_processes_are_all_kept(parallel_build, tmp_path):
    """Without the fix, jupyter-cache removed a record another process had just cached (every run of this test
    failed with "Notebook file does not exist for cache record")."""
    from jupyter_cache import get_cache

    parallel_build.make_cache(str(tmp_path))  # as the build makes it, before the processes start
    fork = multiprocessing.get_context("fork")
    processes = [fork.Process(target=_cache, args=(str(tmp_path), k * 1000)) for k in range(PROCESSES)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
    assert [p.exitcode for p in processes] == [0] * PROCESSES
    assert len(get_cache(str(tmp_path)).list_cache_records()) == PROCESSES * EACH


def test_a_process_reads_the_cache_while_another_writes_and_waits_long_for_another_writer(parallel_build, tmp_path):
    """In SQLite's default mode, a reader waited while another process wrote, and gave up after 5 s ("database is
    locked"): a build failed so once. Here a process that holds the write lock (as a slow commit does) keeps no
    one from reading, and a writer waits for it for LOCK_WAIT_S."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.cache.db import DB_NAME

    parallel_build.make_cache(str(tmp_path))
    cache = get_cache(str(tmp_path))
    pk = cache.cache_notebook_bundle(CacheBundleIn(_notebook(1), "/book/page1.ipynb"), check_validity=False).pk
    writer = sqlite3.connect(tmp_path / DB_NAME, timeout=0)
    writer.execute("BEGIN EXCLUSIVE")  # another process writing
    writer.execute("UPDATE nbcache SET description = 'changing'")
    try:
        assert parallel_build._records_over(0, cache.db) == [pk]
        assert cache.get_cache_record(pk).description == ""
        with cache.db.connect() as connection:
            waits = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        assert (waits, mode) == (parallel_build.LOCK_WAIT_S * 1000, "wal")
    finally:
        writer.rollback()
        writer.close()


def test_the_records_over_the_limit_are_the_least_recently_used(parallel_build, tmp_path):
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(tmp_path))
    pks = [cache.cache_notebook_bundle(CacheBundleIn(_notebook(i), f"/page{i}.ipynb"), check_validity=False).pk
           for i in range(5)]
    cache.get_cache_bundle(pks[0])  # used again: now the most recent
    assert sorted(parallel_build._records_over(2, cache.db)) == sorted(pks[1:4])
    assert parallel_build._records_over(5, cache.db) == []
