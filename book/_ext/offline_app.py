"""The built book as an installable app that works offline (over http; file:// is left as it is).

After every HTML build this writes, at the site root:

- ``icons/``: the logo (``book/_assets/logo.svg``, redrawn here) as PNG icons in the sizes
  browsers ask for, one of them "maskable" (the logo inside the safe circle);
- ``manifest.webmanifest``: name, icons, theme colour, start page;
- ``sw.js``: a small service worker of our own that precaches every file of the built
  book, listed with a content hash. The list's hash names the cache, so a new build makes
  a new worker that fetches the new files and deletes the old cache; the page then says
  an update is ready (``book/_assets/offline-app.js``).
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

from offline_book import site_unfinished

ROOT = Path(__file__).resolve().parents[2]
LOGO = ROOT / "book" / "_assets" / "logo.svg"
NAME = "Easing a Tight Back"
SHORT_NAME = "Tight Back"
THEME = "#1d6a5b"
BACKGROUND = "#ffffff"
START = "book/start/welcome.html"
ICONS = {"icon-192.png": (192, False), "icon-512.png": (512, False), "icon-maskable-512.png": (512, True),
         "apple-touch-icon.png": (180, True)}
SKIP = {"sw.js", ".buildinfo", "objects.inv"}

SERVICE_WORKER = """// Service worker of "Easing a Tight Back", written by book/_ext/offline_app.py at build time.
const VERSION = "%(version)s";
const CACHE = "backease-" + VERSION;
const FILES = %(files)s; // [path, content hash]

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map(([path]) => new Request(path, { cache: "reload" })))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("backease-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

// The cached copy first (pages, styles, scripts, images), the network for anything not in the list.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  url.search = "";
  url.hash = "";
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(url.href))
    .then((hit) => hit || fetch(event.request)));
});
"""


def draw_icon(size: int, maskable: bool, path: Path) -> None:
    """The logo's circle and vertebrae as a PNG; a maskable icon fills the square and keeps the logo in the safe zone."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, FancyBboxPatch, Rectangle

    svg = LOGO.read_text(encoding="utf-8")
    circle = re.search(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)" fill="(#\w+)"', svg)
    rects = re.findall(r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="([\d.]+)" fill="(#\w+)"', svg)
    fig = plt.figure(figsize=(1, 1), dpi=size)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 64)
    ax.set_ylim(64, 0)
    ax.axis("off")
    cx, cy, r, fill = float(circle[1]), float(circle[2]), float(circle[3]), circle[4]
    scale = 0.8 if maskable else 1.0  # maskable: the logo within the central 80 % circle
    at = lambda x, y: (32 + (x - 32) * scale, 32 + (y - 32) * scale)  # noqa: E731
    if maskable:
        fig.patch.set_facecolor(fill)
        ax.add_patch(Rectangle((0, 0), 64, 64, color=fill))
    else:
        fig.patch.set_alpha(0)
        ax.add_patch(Circle((cx, cy), r, color=fill))
    for x, y, w, h, rx, colour in rects:
        x0, y0 = at(float(x), float(y))
        w, h, rx = float(w) * scale, float(h) * scale, float(rx) * scale
        ax.add_patch(FancyBboxPatch((x0 + rx, y0 + rx), w - 2 * rx, h - 2 * rx,
                                    boxstyle=f"round,pad={rx}", color=colour, linewidth=0))
    fig.savefig(path, dpi=size, transparent=not maskable)
    plt.close(fig)


def write_icons(out: Path, cache: Path) -> None:
    """Draw the icons once per logo version (kept under ``cache``) and copy them into the site."""
    stamp = hashlib.sha256(LOGO.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:12]
    drawn = cache / stamp
    if not all((drawn / n).is_file() for n in ICONS):
        drawn.mkdir(parents=True, exist_ok=True)
        for name, (size, maskable) in ICONS.items():
            draw_icon(size, maskable, drawn / name)
    (out / "icons").mkdir(exist_ok=True)
    for name in ICONS:
        shutil.copy2(drawn / name, out / "icons" / name)
    # A page with no icon link (the root index.html that sends readers on) makes a browser ask for /favicon.ico.
    from PIL import Image

    with Image.open(drawn / "icon-192.png") as icon:
        icon.save(out / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


def manifest() -> dict:
    icons = [{"src": f"icons/{n}", "sizes": f"{s}x{s}", "type": "image/png", "purpose": "maskable" if m else "any"}
             for n, (s, m) in ICONS.items() if n != "apple-touch-icon.png"]
    return {"name": NAME, "short_name": SHORT_NAME, "start_url": START, "scope": "./", "display": "standalone",
            "theme_color": THEME, "background_color": BACKGROUND, "icons": icons,
            "description": "A free guide to easing tight back muscles, with session timers. Works offline."}


_NAMES = re.compile(r"[\w.-]+\.\w+")
_TEXT = {".html", ".css", ".js", ".webmanifest"}
_ON_DEMAND = ("_static/", "_images/")
SKIP_FOLDERS = ("reports/",)  # myst-nb's logs of notebook runs that failed: not part of the guide


def precache_list(out: Path) -> list[tuple[str, str]]:
    """Every file of the built site, with a short content hash; files under ``_static`` and ``_images``
    only if a page names them, or a stylesheet or script that a page names does, and so on (the theme
    ships webfonts, source maps, translations and scripts this book never loads, and Sphinx leaves old
    figures in ``_images``)."""
    paths = sorted(p for p in out.rglob("*") if p.is_file() and p.relative_to(out).as_posix() not in SKIP
                   and not p.relative_to(out).as_posix().startswith(SKIP_FOLDERS))
    on_demand: dict[str, list[Path]] = {}
    to_read = []
    for path in paths:
        if path.relative_to(out).as_posix().startswith(_ON_DEMAND):
            on_demand.setdefault(path.name, []).append(path)
        elif path.suffix in _TEXT:
            to_read.append(path)
    named: set[str] = set()
    while to_read:
        path = to_read.pop()
        for name in set(_NAMES.findall(path.read_text(encoding="utf-8", errors="replace"))) - named - {path.name}:
            named.add(name)
            to_read += [p for p in on_demand.get(name, ()) if p.suffix in _TEXT]
    files = []
    for path in paths:
        rel = path.relative_to(out).as_posix()
        if rel.startswith(_ON_DEMAND) and (path.suffix == ".map" or path.name not in named):
            continue
        files.append((rel, hashlib.sha256(path.read_bytes()).hexdigest()[:12]))
    return files


def write_app(out: Path, cache: Path) -> dict:
    """Write icons, manifest and service worker into the site at ``out``; returns the precache summary."""
    write_icons(out, cache)
    (out / "manifest.webmanifest").write_text(json.dumps(manifest(), indent=2) + "\n", encoding="utf-8")
    files = precache_list(out)
    version = hashlib.sha256(json.dumps(files).encode()).hexdigest()[:16]
    text = SERVICE_WORKER % {"version": version, "files": json.dumps(files, separators=(",", ":"))}
    (out / "sw.js").write_text(text, encoding="utf-8")
    return {"version": version, "files": len(files), "bytes": sum((out / p).stat().st_size for p, _ in files)}


def _on_finished(app, exception):
    if exception is None and app.builder.format == "html" and site_unfinished(app):
        write_app(Path(app.outdir), Path(app.outdir).parent / ".icons")


def _head_tags(app, pagename, templatename, context, doctree):
    """Theme colour and the iOS home-screen icon; the manifest link is added by offline-app.js, over http only."""
    icon = context["pathto"]("icons/apple-touch-icon.png", 1)
    context["metatags"] = context.get("metatags", "") + (
        f'\n<meta name="theme-color" content="{THEME}">\n<link rel="apple-touch-icon" href="{icon}">')


def setup(app):
    app.add_js_file("offline-app.js")
    app.add_css_file("offline-app.css")
    app.connect("html-page-context", _head_tags)
    app.connect("build-finished", _on_finished, priority=900)  # after the icon font is written into _static
    return {"parallel_read_safe": True, "parallel_write_safe": True}
