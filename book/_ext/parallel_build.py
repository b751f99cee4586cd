"""Faster builds: pages read, and so notebooks executed, by one process per core.

``jupyter-book build`` has no ``-j`` option, so this sets Sphinx's number of processes
itself, as ``sphinx-build -j auto`` would (``BOOK_JOBS=1 make html`` builds in one process).
Sphinx uses them only if every extension says it is safe to (``parallel_read_safe``), and
says so in a warning otherwise, which the strict build turns into an error. Two extensions
Jupyter Book brings say nothing: its LaTeX extension, switched off in ``_config.yml``, and
``sphinx_multitoc_numbering`` (loaded by ``sphinx_external_toc``), declared safe here: it
only numbers sections, from the merged table of contents, in the main process.

Every citation the bibliography extension resolves looks up pybtex's plain-text backend among
the installed packages' entry points, about 15 ms each, 177 times a build, in the main
process. The backend is registered once as a pybtex runtime plugin (``register_plugin``),
which pybtex looks at first: the same class, found without the search.

Sphinx hands each process a batch of pages; its batches are large (13 of the book's 36 pages
for two processes), so the last batch, read alone, kept the other cores idle. Here a batch is
a few pages (``small_batches``), so every process stays busy to the end.

After caching each notebook it runs, jupyter-cache 1.0 removes the cached notebooks over its
limit (1000): it lists the records to keep, then, in a second query, every record not among
them. A notebook another process caches between the two queries is not among those to keep
(it did not exist yet), so it is removed: on a busy machine the build failed ("Notebook file
does not exist for cache record", its file not yet written), or lost that notebook's cache.
Here the records over the limit are found in one query (``_records_over``): a record cached
meanwhile is the newest, kept, or not seen at all. And the cache's database is made once, before
the processes start (``_make_cache``): each process made it when it first ran a notebook, and
two at once failed ("table settings already exists").

The processes share that database, an SQLite file. In its default mode a process reading it waits
while another writes, and gives up after 5 s ("database is locked"): a build from a fresh clone,
beside the tests' workers, failed so once, when a write was slow to reach the disk. Here every
connection uses SQLite's write-ahead log (``_for_several_processes``): readers never wait for a
writer, and a commit writes the log without waiting for the disk (the cache can be made again, so
a commit lost in a crash costs one notebook's run). A writer still waits for another, for up to
``LOCK_WAIT_S``.
"""
import os

BATCHES_PER_PROCESS = 6
LOCK_WAIT_S = 120  # the longest a process waits for another's write to the notebook cache


def jobs() -> int:
    """Processes to use: ``BOOK_JOBS`` if set, else one per core."""
    wanted = os.environ.get("BOOK_JOBS", "auto")
    if wanted == "auto":
        return os.cpu_count() or 1
    if not wanted.isdigit() or int(wanted) < 1:
        raise ValueError(f"BOOK_JOBS must be a whole number of processes or 'auto', got {wanted!r}")
    return int(wanted)


def small_batches(docnames: list, nproc: int, maxbatch: int = 10) -> list[list]:
    """``docnames`` in order, cut into about ``BATCHES_PER_PROCESS`` batches per process."""
    size = max(1, len(docnames) // (nproc * BATCHES_PER_PROCESS))
    return [docnames[i:i + size] for i in range(0, len(docnames), size)]


SAFE_UNDECLARED = ("sphinx_multitoc_numbering",)


def _declare_safe(app):
    for name in SAFE_UNDECLARED:
        if name in app.extensions and app.extensions[name].parallel_read_safe is None:
            app.extensions[name].parallel_read_safe = True


def _register_bibtex_backend(app):
    import pybtex.plugin

    group, name = "pybtex.backends", "plaintext"
    pybtex.plugin.register_plugin(group, name, pybtex.plugin.find_plugin(group, name), force=True)


def _records_over(keep: int, db) -> list[int]:
    """The cache records after the ``keep`` most recently used: jupyter-cache's ``records_to_delete``, in one query."""
    from jupyter_cache.cache.db import NbCacheRecord, session_context
    from sqlalchemy import desc

    with session_context(db) as session:
        return [pk for pk, in session.query(NbCacheRecord.pk).order_by(desc("accessed")).offset(keep).all()]


def _for_several_processes(connection, _record) -> None:
    """Set up each new connection to the notebook cache for processes that read and write it at once."""
    connection.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_S * 1000}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")


def shared_db(path):
    """jupyter-cache's ``create_db``, its connections set up by ``_for_several_processes``."""
    from jupyter_cache.cache import db
    from sqlalchemy import event

    engine = db.create_db(path)
    event.listen(engine, "connect", _for_several_processes)
    engine.dispose()  # a connection made before the listener (to make a new database) is not used again
    return engine


def make_cache(path: str) -> None:
    """Make the notebook cache's database at ``path``, in write-ahead mode, with no connection left open: the
    processes forked next each open their own (SQLite's connections must not cross a fork)."""
    from jupyter_cache import get_cache

    cache = get_cache(path)
    with cache.db.connect():  # the database is made on first use; a first connection sets its mode
        pass
    cache.db.dispose()


def _make_cache(app, env, docnames):
    """Make the notebook cache's database in the main process, before the reading processes start."""
    config = env.mystnb_config
    if config.execution_mode == "cache":
        make_cache(config.execution_cache_path)


def setup(app):
    import sphinx.builders
    from jupyter_cache.cache import main
    from jupyter_cache.cache.db import NbCacheRecord

    NbCacheRecord.records_to_delete = staticmethod(_records_over)
    main.create_db = shared_db  # the name JupyterCacheBase.db calls
    app.connect("env-before-read-docs", _make_cache)
    app.connect("builder-inited", _register_bibtex_backend)
    app.parallel = max(app.parallel, jobs())
    sphinx.builders.make_chunks = small_batches  # the name Builder._read_parallel and _write_parallel call
    app.connect("builder-inited", _declare_safe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
