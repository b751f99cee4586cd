"""Serve the built guide as a real host would: text files gzip-compressed (standard library only).

``make serve`` runs it for a classroom laptop, and ``make bench`` measures Lighthouse through it, so
the numbers match what readers get. Python's ``http.server`` sends every file as it is on disk; this
server compresses HTML, CSS, JavaScript, JSON, SVG and the web manifest for any browser that accepts
gzip (``Content-Encoding: gzip``, ``Vary: Accept-Encoding``), once per file content, kept in memory.
Everything else (images, fonts, conditional requests answered with 304) is http.server's own
behaviour; like http.server, it ignores ``Range`` and sends the whole file.

    python tools/serve.py [--bind 127.0.0.1] [--port 8000] [--directory _build/html]
"""
from __future__ import annotations

import argparse
import datetime
import email.utils
import functools
import gzip
import hashlib
import http.server
import io
import os
import sys
import threading
from http import HTTPStatus
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".xml", ".webmanifest", ".map", ".bib",
                ".ipynb", ".md"}
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".webmanifest": "application/manifest+json",
         ".svg": "image/svg+xml", ".woff": "font/woff", ".woff2": "font/woff2", ".ipynb": "application/x-ipynb+json",
         ".md": "text/markdown"}
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/manifest+json",
              "application/x-ipynb+json", "image/svg+xml")


def accepts_gzip(header: str | None) -> bool:
    """True if an ``Accept-Encoding`` header allows gzip (``gzip;q=0`` or ``*;q=0`` refuse it)."""
    quality: dict[str, float] = {}
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name.strip():
            quality[name.strip().lower()] = q
    return quality.get("gzip", quality.get("x-gzip", quality.get("*", 0.0))) > 0


class GzipCache:
    """Each file's gzip bytes, made once per content: found by path and version (modification time and size), or,
    for a path new or changed, by the bytes read (a rebuilt site's unchanged files, a copy of the site)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._by_path: dict[str, tuple[tuple[int, int], bytes]] = {}
        self._by_content: dict[bytes, bytes] = {}  # the SHA-256 of a file's bytes: their gzip bytes

    def get(self, path: str, stat: os.stat_result) -> bytes:
        version = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            hit = self._by_path.get(path)
        if hit and hit[0] == version:
            return hit[1]
        with open(path, "rb") as source:
            data = source.read()
        digest = hashlib.sha256(data).digest()
        with self._lock:
            body = self._by_content.get(digest)
        if body is None:
            body = gzip.compress(data, compresslevel=9, mtime=0)
        with self._lock:
            self._by_content[digest] = body
            self._by_path[path] = (version, body)
        return body


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """http.server's file handler, with text files sent gzip-compressed to browsers that accept it."""

    protocol_version = "HTTP/1.1"  # keep-alive, as any real host; every response has a Content-Length
    timeout = 30  # seconds an idle kept-alive connection (and its thread) may wait for a next request
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    cache = GzipCache()
    quiet = False

    def guess_type(self, path):
        kind = super().guess_type(path)
        return f"{kind}; charset=utf-8" if kind.startswith(TEXT_TYPES) and "charset" not in kind else kind

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not (os.path.isfile(path) and os.path.splitext(path)[1].lower() in COMPRESSIBLE):
            return super().send_head()  # folders (redirect, listing), binary files, missing files
        try:
            stat = os.stat(path)
        except OSError:
            return super().send_head()
        if self._not_modified(stat):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        compress = accepts_gzip(self.headers.get("Accept-Encoding"))
        if compress:
            body = self.cache.get(path, stat)
        else:
            with open(path, "rb") as source:
                body = source.read()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return io.BytesIO(body)

    def _not_modified(self, stat: os.stat_result) -> bool:
        """http.server's rule: ``If-Modified-Since`` answered with 304 unless ``If-None-Match`` is sent."""
        since = self.headers.get("If-Modified-Since")
        if not since or "If-None-Match" in self.headers:
            return False
        try:
            when = email.utils.parsedate_to_datetime(since)
        except (TypeError, IndexError, OverflowError, ValueError):
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.timezone.utc)
        return int(stat.st_mtime) <= when.timestamp()

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that drops a kept-alive connection is normal, not a traceback; anything else is."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(directory: Path | str, host: str = "127.0.0.1", port: int = 0, quiet: bool = False):
    """A threading HTTP server for ``directory`` (not started); port 0 picks a free port."""
    handler = type("Handler", (GzipHandler,), {"quiet": quiet})
    return Server((host, port), functools.partial(handler, directory=str(directory)))


def serve_in_thread(directory: Path | str, host: str = "127.0.0.1", port: int = 0, quiet: bool = True):
    """A server for ``directory`` running in a daemon thread; call ``shutdown()`` when done."""
    httpd = make_server(directory, host, port, quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve the built guide with gzip for text files.")
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--directory", default=str(ROOT / "_build" / "html"), help="folder to serve")
    args = parser.parse_args(argv)
    if not (Path(args.directory) / "index.html").is_file():
        parser.error(f"no index.html in {args.directory!r}: build the guide first (make html)")
    with make_server(args.directory, args.bind, args.port) as httpd:
        host, port = httpd.server_address[:2]
        print(f"Serving {args.directory} at http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
