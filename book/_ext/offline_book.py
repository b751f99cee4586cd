"""Sphinx glue for working offline (the other jobs have their own modules beside this one).

- A change to the ``backease`` package, ``book/_assets``, ``book/_templates`` or this glue rebuilds every
  page, and a change to the package also re-executes every notebook. Sphinx and the execution cache look
  only at the pages' own text, so otherwise a changed timer or figure would never reach the built site.
- A rebuild with nothing out of date writes nothing, and then the work done on the built site after
  a build (here, in ``page_weight`` and ``offline_app``) is skipped too: ``site_unfinished``.
- The bibliography's markup is mended: docutils gives it ARIA roles that do not fit together
  (a "list" of deprecated "doc-biblioentry" items), which screen readers and axe-core reject.
- The theme's icon font (156 kB) is cut down to the few icons the theme shows (``ICONS``), a
  small WOFF file written into ``_static`` with a CSS rule that takes its place, and the
  theme's stylesheet loses the rules of the ~1,900 icons it does not show (86 kB); the
  theme's 1.5 MB fontawesome.js is left out by ``book/_templates/static/webpack-macros.html``.
- Thebe (live code through Binder) is switched off: it needs the network, and its
  set-up script is added to every page twice, a page error each time.
"""
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from backease.figures.drawn_poses import CACHE_ENV

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "widgets" / "backease"
INPUTS = (PACKAGE, *(ROOT / "book" / p for p in ("_assets", "_ext", "_templates")))
_SKIP = {"__pycache__", ".ipynb_checkpoints"}


def _digest(folders) -> str:
    """A hash of every file in ``folders``."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not _SKIP.intersection(path.parts):
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp(app) -> Path:
    return Path(app.outdir).parent / ".book-inputs.json"


def _figure_cache(app) -> Path:
    return Path(app.outdir).parent / ".figure_cache"


def _check_inputs(app):
    """On a changed asset, template or glue, read every page again; on a changed package, also drop the
    execution cache so every notebook runs again (its outputs come from the package), and the poses
    the notebooks drew, which they share through ``BACKEASE_FIGURE_CACHE`` (``figures/drawn_poses.py``)."""
    try:
        last = json.loads(_stamp(app).read_text())
    except (OSError, ValueError):
        last = {}
    app.book_inputs = {"package": _digest((PACKAGE,)), "inputs": _digest(INPUTS)}
    app.env.book_inputs_changed = last.get("inputs") != app.book_inputs["inputs"]
    if last.get("package") != app.book_inputs["package"]:
        shutil.rmtree(app.config.nb_execution_cache_path, ignore_errors=True)
        shutil.rmtree(_figure_cache(app), ignore_errors=True)
    os.environ[CACHE_ENV] = str(_figure_cache(app))  # the kernels inherit it


def _outdated(app, env, added, changed, removed):
    return sorted(env.found_docs) if getattr(env, "book_inputs_changed", False) else []


def _finished_marker(app) -> Path:
    return Path(app.outdir).parent / ".html-finished"


def _writing(app, builder):
    _finished_marker(app).unlink(missing_ok=True)


def site_unfinished(app) -> bool:
    """True if the site needs its after-build work (icon font, lighter pages, service worker): this build
    wrote pages and copied the static files, or the last one stopped before that work was done. A
    rebuild with nothing out of date writes nothing, so it skips the work (seconds) it would redo."""
    return not _finished_marker(app).is_file()


def _mark_finished(app, exception):
    if exception is None and not getattr(app, "_warncount", 0) and app.builder.format == "html":
        _finished_marker(app).touch()


def _save_stamp(app, exception):
    failed = exception is not None or getattr(app, "_warncount", 0)  # keep-going counts warnings here
    if not failed and getattr(app.env, "book_inputs_changed", False):
        _stamp(app).write_text(json.dumps(app.book_inputs))  # as read when the build began


ICONS = ("angle-left", "angle-right", "arrow-up", "bars", "circle-half-stroke", "code", "download", "file",
         "file-pdf", "list", "magnifying-glass", "moon", "outdent", "sun")
_FA = Path("vendor/fontawesome/webfonts/fa-solid-900.ttf")


def _theme_static() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


def icon_codepoints(css: str) -> dict[str, int]:
    """Code points of the icons in ``ICONS`` and of the theme's own CSS icons (admonitions, links)."""
    found = {}
    for name in ICONS:
        match = re.search(r"\.fa-" + re.escape(name) + r":before[^{]*\{content:\"\\([0-9a-f]+)\"", css)
        if match:
            found[name] = int(match.group(1), 16)
    for name, char in re.findall(r"--pst-icon-([a-z-]+):\"(.)\"", css):
        found.setdefault(name, ord(char))
    return found


_ICON_RULE = re.compile(r'(?:\.fa-[a-z0-9-]+:before,?)+\{content:"[^"]*"\}')


_FA_FONT_FACE = re.compile(r"@font-face\{[^}]*vendor/fontawesome/[^}]*\}")


def drop_unused_icon_rules(css: str) -> str:
    """The theme's CSS without the ``.fa-NAME:before{content:...}`` rules of icons not in ``ICONS``, and
    without its Font Awesome ``@font-face`` rules (``icons-subset.css`` gives the family its font), so
    no page, and no offline copy, points at the theme's full webfonts."""
    keep = {f".fa-{name}:before" for name in ICONS}
    css = _FA_FONT_FACE.sub("", css)
    return _ICON_RULE.sub(lambda m: m.group(0) if keep & set(re.findall(r"\.fa-[a-z0-9-]+:before", m.group(0))) else "",
                          css)


def _write_icon_font(app, exception):
    """Write the cut-down icon font and the CSS that points the theme's icon family at it."""
    if exception is not None or app.builder.format != "html" or not site_unfinished(app):
        return
    from fontTools import subset

    static = _theme_static()
    points = icon_codepoints((static / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8"))
    options = subset.Options()
    options.flavor = "woff"
    font = subset.load_font(str(static / _FA), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=points.values())
    subsetter.subset(font)
    out = Path(app.outdir) / "_static"
    subset.save_font(font, str(out / "icons-subset.woff"), options)
    theme_css = out / "styles" / "pydata-sphinx-theme.css"
    theme_css.write_text(drop_unused_icon_rules(theme_css.read_text(encoding="utf-8")), encoding="utf-8")
    (out / "icons-subset.css").write_text(
        '@font-face{font-display:block;font-family:"Font Awesome 6 Free";font-style:normal;font-weight:900;'
        'src:url(icons-subset.woff) format("woff")}\n', encoding="utf-8")


def _mend_citation_roles(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    if "citation-list" in body:
        context["body"] = body.replace('<div role="list" class="citation-list">', '<div class="citation-list">').replace(
            ' role="doc-biblioentry"', "")


def _drop_thebe(app):
    """Unhook sphinx-thebe, which Jupyter Book always loads, before it adds anything."""
    for listeners in app.events.listeners.values():
        listeners[:] = [x for x in listeners if getattr(x.handler, "__module__", "") != "sphinx_thebe"]
    app.registry.css_files[:] = [(f, a) for f, a in app.registry.css_files if f != "sphinx-thebe.css"]


def setup(app):
    _drop_thebe(app)
    app.connect("builder-inited", _check_inputs)
    app.connect("env-get-outdated", _outdated)
    app.connect("build-finished", _save_stamp)
    app.connect("build-finished", _write_icon_font)
    app.connect("write-started", _writing)
    app.connect("build-finished", _mark_finished, priority=1000)  # after every other extension's work
    app.add_css_file("icons-subset.css")
    app.connect("html-page-context", _mend_citation_roles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
