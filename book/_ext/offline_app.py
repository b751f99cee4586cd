"""The built book as an installable app that works offline (over http; file:// is left as it is).

After every HTML build this writes, at the site root:

- ``icons/``: the logo (``book/_assets/logo.svg``, redrawn here) as PNG icons in the sizes
  browsers ask for, one of them "maskable" (the logo inside the safe circle);
- ``manifest.webmanifest``: name, icons, theme colour, start page;
- ``sw.js``: a small service worker of our own that lists every file of the built book with a
  content hash, the core (``CORE_PAGES`` with every file they use, and the app's own files) and
  both sizes. It stores what the page asks for (``book/_assets/offline-app.js``): on a first
  visit the core, with Save-Data only the pages read, in the installed app or when the reader
  presses "Keep the whole guide" everything; pages read are kept as they are read, and offline a
  page not kept answers with ``NOT_KEPT``. The reader's choice is kept in a cache of its own. The
  list's hash names the version's cache, so a new build makes a new worker that keeps the same
  choice, copies the files whose hash did not change, fetches the others and deletes the old
  cache; the page then says an update is ready. It never touches localStorage.
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
const CHOICE = "backease-choice"; // what the reader chose to keep: "read", "core" or "whole"; kept across versions
const FILES = %(files)s; // [path, content hash]
const CORE = %(core)s; // the paths a first visit stores
const SIZES = %(sizes)s;
const NOT_KEPT = %(not_kept)s; // the answer, offline, for a page not kept; ROOT/ is the site's root
const HASH = new Map(FILES);
const BASE = new URL("./", self.location).pathname;
const RANK = ["read", "core", "whole"]; // "read": only the pages opened (Save-Data)

// A file is stored under its path and content hash, so a new version copies the files that did not change.
const keyOf = (path) => new URL(path + "?v=" + HASH.get(path), self.location).href;
function pathOf(url) {
  const path = decodeURIComponent(url.pathname).slice(BASE.length);
  return path === "" || path.endsWith("/") ? path + "index.html" : path;
}
const wanted = (choice) => (choice === "whole" ? FILES.map(([path]) => path) : choice === "core" ? CORE : []);

async function readChoice() {
  const hit = await (await caches.open(CHOICE)).match("choice");
  return hit ? hit.text() : null;
}

async function fetchFile(path) {
  const response = await fetch(new Request(path, { cache: "no-cache" }));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

// Store the listed files this version does not hold yet, four at a time; report(done, total) after each one.
async function store(paths, report) {
  const cache = await caches.open(CACHE);
  const held = new Set((await cache.keys()).map((r) => r.url));
  const todo = [...new Set(paths)].filter((p) => HASH.has(p) && !held.has(keyOf(p)));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < todo.length) {
      const path = todo[next++];
      await cache.put(keyOf(path), await fetchFile(path));
      report(++done, todo.length);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

async function status() {
  const held = new Set((await (await caches.open(CACHE)).keys()).map((r) => r.url));
  return { choice: await readChoice(), stored: FILES.filter(([p]) => held.has(keyOf(p))).length,
           total: FILES.length, sizes: SIZES };
}

// A new version keeps what the reader chose, and every file an older version held: unchanged files are copied,
// changed ones fetched (not with Save-Data: those wait until they are read).
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter((k) => k.startsWith("backease-") && k !== CACHE && k !== CHOICE);
    let choice = await readChoice();
    if (!choice && older.length) { // a worker from before the choice kept the whole guide: keep doing so
      choice = "whole";
      await (await caches.open(CHOICE)).put("choice", new Response(choice));
    }
    if (!choice) return; // a first visit: the page says what to keep (offline-app.js)
    const cache = await caches.open(CACHE);
    const paths = new Set(wanted(choice));
    for (const name of older) for (const r of await (await caches.open(name)).keys()) paths.add(pathOf(new URL(r.url)));
    const changed = [];
    for (const path of [...paths].filter((p) => HASH.has(p))) {
      const same = await caches.match(keyOf(path));
      if (same) await cache.put(keyOf(path), same);
      else changed.push(path);
    }
    if (choice !== "read") await store(changed, () => {});
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("backease-") && k !== CACHE && k !== CHOICE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Messages from the pages: "skip-waiting" (the update bar's Reload); {want, used} keeps the files of a choice
// (never less than one made before) and those the page used; {ask: "status"}. Answers go to the port sent along.
let queue = Promise.resolve();
self.addEventListener("message", (event) => {
  const message = event.data;
  const port = event.ports[0];
  if (message === "skip-waiting") return self.skipWaiting();
  if (message && message.ask === "status") return event.waitUntil(status().then((s) => port.postMessage(s)));
  if (!message || !RANK.includes(message.want)) return;
  queue = queue.then(async () => {
    try {
      const before = await readChoice();
      const choice = RANK[Math.max(RANK.indexOf(before), RANK.indexOf(message.want))];
      if (choice !== before) await (await caches.open(CHOICE)).put("choice", new Response(choice));
      const used = (message.used || []).map((u) => new URL(u, self.location))
        .filter((u) => u.origin === self.location.origin).map(pathOf);
      await store([...used, ...wanted(choice)], (done, total) => port.postMessage({ done, total }));
      port.postMessage({ end: true, ...(await status()) });
    } catch (err) {
      port.postMessage({ error: String(err) });
    }
  });
  event.waitUntil(queue);
});

// The stored copy first; a file of the guide not stored yet comes from the network and is kept as it is read.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  const path = pathOf(url);
  if (!HASH.has(path)) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(keyOf(path));
    if (hit) return hit;
    const response = await fetch(event.request).catch((err) => {
      if (event.request.mode !== "navigate") throw err;
      return new Response(NOT_KEPT.replaceAll("ROOT/", BASE), { headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
    const fromNetwork = response.type === "basic"; // not the page made above
    if (fromNetwork && response.ok && !response.redirected) event.waitUntil(cache.put(keyOf(path), response.clone()));
    return response;
  }));
});
"""

NOT_KEPT = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not on this device yet - {NAME}</title></head>
<body style="font: 1.1rem/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem">
<h1>This page is not on this device yet</h1>
<p>You are offline, and this page has not been kept on this device. It opens when you are back online.</p>
<p>To read every page offline, go online, open <a href="ROOT/book/home/offline-app.html">Use the guide offline</a>
and press <strong>Keep the whole guide on this device</strong>.</p>
<p><a href="ROOT/{START}">Go to the start of the guide</a></p>
</body></html>
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


# A file name: a run of name characters with an extension, matched only from the run's start (else a long run with
# no dot, as in a page's widget data, is tried again from each of its characters: a quadratic search).
_NAMES = re.compile(r"(?<![\w.-])[\w.-]+\.\w+")
_TEXT = {".html", ".css", ".js", ".webmanifest"}
_ON_DEMAND = ("_static/", "_images/")
SKIP_FOLDERS = ("reports/",)  # myst-nb's logs of notebook runs that failed: not part of the guide
# The core: what a first visit stores by itself (over http), these pages with every file they use, and the app's
# own files. Everything else waits until the reader installs the app or asks to keep the whole guide. This list
# is the only one; a page not built (yet) is left out of it. The starter and flare-up sessions are on
# what-to-expect.
CORE_PAGES = ("index.html", START, "book/start/safety.html", "book/start/what-to-expect.html",
              "book/start/timers.html", "book/home/programme.html")
CORE_APP = ("manifest.webmanifest", "favicon.ico", "icons/")
CORE_BUDGET_MB = 1.5  # the core's uncompressed bytes; tests/test_offline_app.py and `make bench` hold it


def _used(roots: list[Path], on_demand: dict[str, list[Path]]) -> set[Path]:
    """The files under ``_static`` and ``_images`` that ``roots`` name, or that a stylesheet or script they
    name does, and so on (source maps left out)."""
    used: set[Path] = set()
    named: set[str] = set()
    to_read = [p for p in roots if p.suffix in _TEXT]
    while to_read:
        path = to_read.pop()
        for name in set(_NAMES.findall(path.read_text(encoding="utf-8", errors="replace"))) - named - {path.name}:
            named.add(name)
            found = [p for p in on_demand.get(name, ()) if p.suffix != ".map"]
            used.update(found)
            to_read += [p for p in found if p.suffix in _TEXT]
    return used


def precache_list(out: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Every file of the built site with a short content hash, and the core (the paths of the files a first
    visit stores). Files under ``_static`` and ``_images`` are listed only if a page uses them (the theme
    ships webfonts, source maps, translations and scripts this book never loads, and Sphinx leaves old
    figures in ``_images``)."""
    paths = sorted(p for p in out.rglob("*") if p.is_file() and p.relative_to(out).as_posix() not in SKIP
                   and not p.relative_to(out).as_posix().startswith(SKIP_FOLDERS))
    rel = {p: p.relative_to(out).as_posix() for p in paths}
    on_demand: dict[str, list[Path]] = {}
    for path in paths:
        if rel[path].startswith(_ON_DEMAND):
            on_demand.setdefault(path.name, []).append(path)
    roots = [p for p in paths if not rel[p].startswith(_ON_DEMAND)]
    core_roots = [p for p in roots if rel[p] in CORE_PAGES or rel[p].startswith(CORE_APP)]
    whole = set(roots) | _used(roots, on_demand)
    core = set(core_roots) | _used(core_roots, on_demand)
    files = [(rel[p], hashlib.sha256(p.read_bytes()).hexdigest()[:12]) for p in paths if p in whole]
    return files, sorted(rel[p] for p in core)


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def write_app(out: Path, cache: Path) -> dict:
    """Write icons, manifest and service worker into the site at ``out``; returns the precache summary."""
    write_icons(out, cache)
    (out / "manifest.webmanifest").write_text(json.dumps(manifest(), indent=2) + "\n", encoding="utf-8")
    files, core = precache_list(out)
    version = hashlib.sha256(json.dumps([files, core]).encode()).hexdigest()[:16]
    size = {"whole": sum((out / p).stat().st_size for p, _ in files),
            "core": sum((out / p).stat().st_size for p in core)}
    text = SERVICE_WORKER % {"version": version, "files": json.dumps(files, separators=(",", ":")),
                             "not_kept": json.dumps(NOT_KEPT),
                             "core": json.dumps(core, separators=(",", ":")),
                             "sizes": json.dumps({k: megabytes(v) for k, v in size.items()})}
    (out / "sw.js").write_text(text, encoding="utf-8")
    return {"version": version, "files": len(files), "bytes": size["whole"], "core_files": len(core),
            "core_bytes": size["core"]}


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
