"""Lighter pages: what a reader's phone downloads on a first view, and what search engines read.

- Widget state made light (``widget_state``): myst-nb saves each widget's whole state, so a
  page with four timers carried ``timer.js`` four times, the course page its twelve timers'
  tones and diary twelve times, and the handout page every figure it might print. Drawn
  images become files the browser fetches only when a widget shows them, and values a widget
  needs only when the reader acts (a handout's sheets) files it loads then; each long text (a
  module, its styles, a tone) a file that every page sending it shares, so the browser and the
  offline app keep it once; every other value repeated in a page's anywidget states is stored
  once and ``widget-loader.js`` puts it back before a widget renders; what only Jupyter reads
  (a layout model for every widget) goes. The files are scripts, so
  they load over ``file://`` as over http; the state goes at the end of the page's body, not in
  the head, so the text above it can be shown before it has arrived.
- Stylesheets cut down to the rules the built site can use (``css_prune``): the theme's
  311 kB stylesheet is mostly Bootstrap components the guide never shows.
- Scripts a page does not use are left out of it: Sphinx's search index and tools (only
  the search page searches, unless the theme searches as you type), the copy button on
  pages without code, sphinx-design's tabs on pages without tabs, the toggle button on
  pages without anything to toggle; on a page with code, the copy button's scripts load when a
  code block first comes near the screen; the others are deferred, so none holds up the first paint.
- Figures drawn in notebooks (``_images/*.svg``) compacted like the package's own
  (``backease.figures.style.compact_svg``); every image gets its width and height (no layout
  shift), and all but a page's first image load lazily, when the reader scrolls near them.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from css_prune import custom_properties_used, drop_unused_properties, prune_css, site_words
from offline_book import site_unfinished
from widget_state import (IMAGE_FOLDER, body_images_to_files, images_to_files, on_demand_to_files,
                          only_what_views_read, placeholders_into_body, share_repeated_values, texts_to_files)

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_LOADER = "widget-loader.js"
OUR_CSS = ("guide.css", "icons-subset.css")


def _share_widget_modules(app, pagename, templatename, context, doctree):
    """The page's widget state, images as files and repeated values shared, moved from the head to the end
    of the body, with the widget loader right after it: the loader starts the widgets as soon as it has
    arrived, not after the page's deferred scripts (the theme's) have run."""
    scripts = context.get("script_files") or []
    if "body" in context:
        context["body"] = body_images_to_files(context["body"], Path(app.outdir), "../" * pagename.count("/"))
    for js in [js for js in scripts if js.attributes.get("type") == WIDGET_STATE and "body" in js.attributes]:
        scripts.remove(js)
        # Keys sorted: a notebook taken from the execution cache has them sorted (nbformat writes it so), one just run
        # does not; sorted here, both builds give the same page, and a widget that needs an order is sent a list.
        state = json.loads(js.attributes["body"], object_pairs_hook=lambda pairs: dict(sorted(pairs)))
        only_what_views_read(state)
        images_to_files(state, Path(app.outdir), "../" * pagename.count("/"))
        context["body"] = placeholders_into_body(context.get("body", ""), state)
        texts_to_files(state, Path(app.outdir), "../" * pagename.count("/"))
        on_demand_to_files(state, Path(app.outdir), "../" * pagename.count("/"))
        share_repeated_values(state)
        text = json.dumps(state, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
        context["body"] = context.get("body", "") + f'<script type="{WIDGET_STATE}">{text}</script>'
        for loader in [js for js in scripts if str(js.filename or "").endswith(WIDGET_LOADER)]:
            scripts.remove(loader)  # marked: it follows every widget, so it may start them at once
            context["body"] += context["js_tag"](type(loader)(loader.filename, priority=loader.priority,
                                                               **{**loader.attributes, "data-after-widgets": ""}))


# Files that do nothing on a page whose body lacks what they look for: (file name, pattern in the body).
_CODE = re.compile(r'class="highlight')
_TOGGLE = re.compile(r'class="(?:[^"]*\s)?(?:toggle|dropdown)(?:\s[^"]*)?"')  # togglebutton's .toggle, .dropdown
_OPTIONAL_FILES = (
    ("clipboard.min.js", _CODE),
    ("copybutton.js", _CODE),
    ("copybutton.css", _CODE),
    ("design-tabs.js", re.compile("sd-tab-set")),
    ("togglebutton.js", _TOGGLE),
    ("togglebutton.css", _TOGGLE),
)


def _idle(asset, body: str) -> bool:
    name = str(asset.filename).split("?")[0]
    return any(name.endswith(file) and not marker.search(body) for file, marker in _OPTIONAL_FILES)


# Inline scripts on every page read DOCUMENTATION_OPTIONS at once: its file must run first.
_RUN_AT_ONCE = ("documentation_options.js",)


def _deferred(js):
    """``js`` loaded without holding up the page's first paint (it runs, in order, once the page is read)."""
    name = str(js.filename or "").split("?")[0]
    if not js.filename or "://" in name or name.endswith(_RUN_AT_ONCE) or {"defer", "async"} & set(js.attributes):
        return js
    return type(js)(js.filename, priority=js.priority, **{**js.attributes, "defer": "defer"})


# The copy button on code blocks (sphinx-copybutton and the ClipboardJS it uses, 17 kB) is of use only once a code
# block is in sight: on a page with code, its scripts load, in order, when a block first comes near the screen.
WHEN_NEAR = ("clipboard.min.js", "copybutton.js")
_NEAR_LOADER = """<script>
/* The copy button's scripts load when a code block first comes near the screen (book/_ext/page_weight.py). */
(() => {
  const near = new IntersectionObserver((blocks) => {
    if (!blocks.some((block) => block.isIntersecting)) return;
    near.disconnect();
    SOURCES.reduce((before, src) => before.then(() => new Promise((next) => document.head.append(
      Object.assign(document.createElement("script"), { src, onload: next, onerror: next })))), Promise.resolve());
  }, { rootMargin: "50% 0px" });
  document.querySelectorAll("div.highlight").forEach((block) => near.observe(block));
})();
</script>
"""
_SRC = re.compile(r'\bsrc="([^"]+)"')


def _lighten_assets(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if assets is not None:
            assets[:] = [asset for asset in assets if not _idle(asset, body)]
    scripts = context.get("script_files")
    if scripts is not None and pagename != "search":  # the search page's own scripts need them at once
        later = [js for js in scripts if str(js.filename or "").split("?")[0].endswith(WHEN_NEAR)]
        if later and "body" in context:
            sources = [_SRC.search(str(context["js_tag"](js)))[1] for js in later]
            context["body"] += _NEAR_LOADER.replace("SOURCES", json.dumps(sources))
            scripts[:] = [js for js in scripts if js not in later]
        scripts[:] = [_deferred(js) for js in scripts]


_SEARCH_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>')


def _searches_as_you_type(app) -> bool:
    return bool((app.config.html_theme_options or {}).get("search_as_you_type"))


_IMG = re.compile(r"<img\b[^>]*>")
_SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([0-9.]+)(pt|px)?"[^>]*?\sheight="([0-9.]+)(pt|px)?"')


def image_size(path: Path) -> tuple[int, int] | None:
    """CSS pixel width and height of an SVG (from its width and height) or PNG (from its header)."""
    if path.suffix == ".svg":
        match = _SVG_SIZE.search(path.read_text(encoding="utf-8", errors="replace")[:2000])
        if match:
            scale = 4 / 3 if match[2] == "pt" else 1
            return round(float(match[1]) * scale), round(float(match[3]) * (4 / 3 if match[4] == "pt" else 1))
    elif path.suffix == ".png":
        head = path.read_bytes()[:24]
        if head[:8] == b"\x89PNG\r\n\x1a\n":
            return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    return None


def size_and_defer_images(html: str, page: Path) -> str:
    """Each ``<img>`` with its size; after the first, ``loading="lazy"`` (none below the fold loads early)."""
    count = 0

    def mend(match):
        nonlocal count
        tag = match.group(0)
        count += 1
        src = re.search(r'\ssrc="([^"]+)"', tag)
        if src is None or src[1].startswith(("data:", "http:", "https:")):
            return tag
        extra = ""
        size = image_size((page.parent / src[1].split("?")[0]).resolve())
        if size and " width=" not in tag and " height=" not in tag:
            extra += f' width="{size[0]}" height="{size[1]}"'
        if count > 1 and " loading=" not in tag:
            extra += ' loading="lazy" decoding="async"'
        return tag[:4] + extra + tag[4:]

    article = html.find('<article')
    return html[:article] + _IMG.sub(mend, html[article:]) if article >= 0 else html


def _mend_pages(outdir: Path, drop_search: bool) -> None:
    """The theme loads Sphinx's search index on every page (only the search page uses it); images unsized."""
    for page in outdir.rglob("*.html"):
        if page.relative_to(outdir).parts[0] in ("_static", "_sources"):
            continue
        text = page.read_text(encoding="utf-8")
        lighter = size_and_defer_images(text, page)
        if drop_search and page.name != "search.html":
            lighter = _SEARCH_SCRIPTS.sub("", lighter)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")


def _compact_figures(outdir: Path) -> None:
    fresh = [f for f in (outdir / "_images").glob("*.svg") if f.read_text(encoding="utf-8").startswith("<?xml")]
    if not fresh:
        return  # all compacted by an earlier build (compact_svg drops the XML declaration)
    from backease.figures.style import compact_svg  # imports matplotlib: only when there is work

    for figure in fresh:
        text = figure.read_text(encoding="utf-8")
        try:
            figure.write_text(compact_svg(text), encoding="utf-8")
        except (ValueError, SyntaxError):  # not an SVG we can read (ParseError is a SyntaxError): leave it
            continue


# Bootstrap's script names every component it has; the theme uses three. Their run-time classes:
BOOTSTRAP_JS = "bootstrap.js"
BOOTSTRAP_RUNTIME = (
    "show", "fade", "collapse", "collapsing", "collapse-horizontal", "dropdown", "dropdown-menu",
    "dropdown-menu-end", "dropdown-menu-start", "dropup", "dropend", "dropstart", "dropdown-center", "dropup-center",
    "tooltip", "tooltip-inner", "tooltip-arrow", "bs-tooltip-auto", "bs-tooltip-top", "bs-tooltip-bottom",
    "bs-tooltip-start", "bs-tooltip-end",
)


def _prune_stylesheets(outdir: Path) -> None:
    static = outdir / "_static"
    files = [p for p in outdir.rglob("*") if p.suffix in (".html", ".js") and p.is_file() and "vendor" not in p.parts]
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in files}
    words = site_words(t for p, t in texts.items() if p.name != BOOTSTRAP_JS) | set(BOOTSTRAP_RUNTIME)
    sheets = {sheet: prune_css(sheet.read_text(encoding="utf-8"), words)
              for sheet in static.rglob("*.css") if sheet.name not in OUR_CSS and not _BUNDLE.fullmatch(sheet.name)}
    ours = [(static / name).read_text(encoding="utf-8") for name in OUR_CSS if (static / name).is_file()]
    for _ in range(2):  # a property read only by a dropped one goes in the second pass
        used = custom_properties_used([*sheets.values(), *ours, *texts.values()],
                                      [t for p, t in texts.items() if p.suffix == ".js"])
        sheets = {sheet: drop_unused_properties(css, used) for sheet, css in sheets.items()}
    for sheet, css in sheets.items():
        sheet.write_text(css, encoding="utf-8")
    for source_map in static.rglob("*.css.map"):
        source_map.unlink()  # maps the full stylesheet, no longer the one served


_STYLESHEETS = re.compile(r'(?:<link\b(?=[^>]*\brel="stylesheet")[^>]*>\s*){2,}')
_HREF = re.compile(r'\bhref="([^"]+)"')
_MEDIA = re.compile(r'\bmedia="(?!all")')
_IMPORT_OR_URL = re.compile(r'@import\s+(?:url\(\s*)?["\'](?P<imported>[^"\']+)["\']\s*\)?\s*;'
                            r'|url\(\s*(?P<quote>["\']?)(?P<url>[^)"\']+)(?P=quote)\s*\)')
_NOT_IN_BUNDLE = re.compile(r"@charset\s+[^;]*;|/\*# sourceMappingURL=[^*]*\*/")
_BUNDLE = re.compile(r"bundle-[0-9a-f]{12}\.css")


def inline_stylesheet(sheet: Path, folder: Path) -> str:
    """``sheet`` as it reads from a file in ``folder``: its ``@import``s put in place, its ``url()``s
    made relative to ``folder``."""
    def mend(match):
        if match["imported"]:
            return inline_stylesheet((sheet.parent / match["imported"]).resolve(), folder)
        quote, url = match["quote"], match["url"]
        if url.startswith(("data:", "http:", "https:", "/", "#")):
            return match.group(0)
        cut = re.search(r"[?#]", url)
        path, tail = (url[:cut.start()], url[cut.start():]) if cut else (url, "")
        moved = Path(os.path.relpath((sheet.parent / path).resolve(), folder)).as_posix()
        return f"url({quote}{moved}{tail}{quote})"

    return _NOT_IN_BUNDLE.sub("", _IMPORT_OR_URL.sub(mend, sheet.read_text(encoding="utf-8")))


def bundle_stylesheets(outdir: Path) -> None:
    """Each page's run of stylesheets (a dozen: the theme's, Sphinx's, the extensions', ours) as one file
    in ``_static``, in the same order, so a phone makes one request before it can paint, not a dozen
    one after another. Pages with the same stylesheets share a bundle; bundles no page uses go."""
    static = outdir / "_static"
    bundles: dict[tuple[Path, ...], str] = {}

    def bundle(match, page: Path) -> str:
        links = re.findall(r"<link\b[^>]*>", match.group(0))
        if any(_MEDIA.search(link) for link in links):
            return match.group(0)  # a stylesheet for some media only: leave the run as it is
        sheets = tuple((page.parent / _HREF.search(link)[1].split("?")[0]).resolve() for link in links)
        if not all(sheet.is_relative_to(static) and sheet.is_file() for sheet in sheets):
            return match.group(0)
        if sheets not in bundles:
            css = "\n".join(inline_stylesheet(sheet, static) for sheet in sheets)
            if "@import" in css:
                raise ValueError(f"a stylesheet of {page.name} imports another in a form the bundle cannot inline")
            name = f"bundle-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
            (static / name).write_text(css, encoding="utf-8")
            bundles[sheets] = name
        href = Path(os.path.relpath(static / bundles[sheets], page.parent)).as_posix()
        return f'<link rel="stylesheet" href="{href}" />\n'

    used = set()
    for page in outdir.rglob("*.html"):
        if page.relative_to(outdir).parts[0] in ("_static", "_sources"):
            continue
        text = page.read_text(encoding="utf-8")
        head = max(text.find("</head>"), 0)
        bundled = _STYLESHEETS.sub(lambda m: bundle(m, page), text[:head]) + text[head:]
        if bundled != text:
            page.write_text(bundled, encoding="utf-8")
        used.update(_BUNDLE.findall(bundled))
    for old in static.glob("bundle-*.css"):
        if old.name not in used:
            old.unlink()  # an earlier build's


_WIDGET_FILE = re.compile(IMAGE_FOLDER + r"/([\w.-]+)")


def drop_unused_widget_files(outdir: Path) -> None:
    """Files in ``_images/widget/`` that no page names, nor a file a page names (an earlier build's), go:
    the offline app would precache them."""
    folder = outdir / IMAGE_FOLDER
    if not folder.is_dir():
        return
    pages = (p for p in outdir.rglob("*.html") if p.relative_to(outdir).parts[0] not in ("_static", "_sources"))
    used = {name for page in pages for name in _WIDGET_FILE.findall(page.read_text(encoding="utf-8"))}
    for script in [name for name in used if name.endswith(".js") and (folder / name).is_file()]:
        used.update(_WIDGET_FILE.findall((folder / script).read_text(encoding="ascii")))
    for file in folder.iterdir():
        if file.name not in used:
            file.unlink()


def _lighten_site(app, exception):
    if exception is not None or app.builder.format != "html" or not site_unfinished(app):
        return
    outdir = Path(app.outdir)
    drop_unused_widget_files(outdir)
    _compact_figures(outdir)
    _mend_pages(outdir, drop_search=not _searches_as_you_type(app))
    _prune_stylesheets(outdir)
    bundle_stylesheets(outdir)


def setup(app):
    # After myst-nb has added the page's widget state and scripts (priority 500).
    app.connect("html-page-context", _share_widget_modules, priority=600)
    app.connect("html-page-context", _lighten_assets, priority=600)
    # After offline_book has cut the icon rules (default priority 500).
    app.connect("build-finished", _lighten_site, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
