"""tools/serve.py, the server of `make serve` and of bench's Lighthouse run: real requests over a socket,
and the built guide in Chromium through it (gzip on the wire, the offline app still installs)."""
import gzip
import http.client
import os
import socket
import subprocess
import sys
import time

import pytest

from conftest import ROOT, open_built

sys.path.insert(0, str(ROOT / "tools"))
import serve  # noqa: E402

PAGE = "<!doctype html><html><head><title>T</title></head><body>" + "<p>Breathe out slowly.</p>" * 200 + "</body></html>"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "book").mkdir()
    (root / "book" / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "style.css").write_text("body{color:#123}\n" * 100, encoding="utf-8")
    (root / "sw.js").write_text("self.addEventListener('fetch', () => {});\n" * 50, encoding="utf-8")
    (root / "manifest.webmanifest").write_text('{"name": "T"}', encoding="utf-8")
    (root / "icon.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    return root


@pytest.fixture(scope="module")
def origin(folder):
    httpd = serve.serve_in_thread(folder)
    yield httpd.server_address[:2]
    httpd.shutdown()


def fetch(origin, path, method="GET", **headers):
    connection = http.client.HTTPConnection(*origin, timeout=10)
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.mark.parametrize("path, kind", [("/index.html", "text/html; charset=utf-8"),
                                        ("/style.css", "text/css; charset=utf-8"),
                                        ("/sw.js", "text/javascript; charset=utf-8"),
                                        ("/manifest.webmanifest", "application/manifest+json; charset=utf-8")])
def test_text_files_go_gzipped_to_a_browser_that_accepts_it(origin, folder, path, kind):
    response, body = fetch(origin, path, **{"Accept-Encoding": "gzip, deflate, br"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip" and response.getheader("Vary") == "Accept-Encoding"
    assert response.getheader("Content-Type") == kind
    assert int(response.getheader("Content-Length")) == len(body)
    assert gzip.decompress(body) == (folder / path.lstrip("/")).read_bytes()


def test_the_folder_address_serves_its_index_gzipped_and_without_the_slash_redirects(origin, folder):
    response, body = fetch(origin, "/book/", **{"Accept-Encoding": "gzip"})
    assert response.status == 200 and gzip.decompress(body).decode() == PAGE
    response, body = fetch(origin, "/book")
    assert response.status == 301 and response.getheader("Location") == "/book/"


@pytest.mark.parametrize("accept", [None, "identity", "gzip;q=0", "br, *;q=0", "deflate"])
def test_a_client_that_refuses_gzip_gets_the_file_as_it_is(origin, folder, accept):
    response, body = fetch(origin, "/style.css", **({"Accept-Encoding": accept} if accept else {}))
    assert response.status == 200 and response.getheader("Content-Encoding") is None
    assert response.getheader("Vary") == "Accept-Encoding"
    assert body == (folder / "style.css").read_bytes()


def test_images_are_sent_as_they_are(origin, folder):
    response, body = fetch(origin, "/icon.png", **{"Accept-Encoding": "gzip"})
    assert response.status == 200 and response.getheader("Content-Encoding") is None
    assert response.getheader("Content-Type") == "image/png" and body == (folder / "icon.png").read_bytes()


def test_head_sends_the_headers_of_get_without_a_body(origin):
    got, body = fetch(origin, "/index.html", **{"Accept-Encoding": "gzip"})
    head, nothing = fetch(origin, "/index.html", "HEAD", **{"Accept-Encoding": "gzip"})
    assert head.status == 200 and nothing == b""
    for name in ("Content-Type", "Content-Encoding", "Content-Length", "Vary", "Last-Modified"):
        assert head.getheader(name) == got.getheader(name), name


def test_an_unchanged_file_is_answered_304_and_a_changed_one_in_full(origin, folder):
    first, _ = fetch(origin, "/style.css", **{"Accept-Encoding": "gzip"})
    since = first.getheader("Last-Modified")
    again, body = fetch(origin, "/style.css", **{"Accept-Encoding": "gzip", "If-Modified-Since": since})
    assert again.status == 304 and body == b""
    sheet = folder / "style.css"
    sheet.write_text("body{color:#456}\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(sheet, (later, later))
    changed, body = fetch(origin, "/style.css", **{"Accept-Encoding": "gzip", "If-Modified-Since": since})
    assert changed.status == 200 and gzip.decompress(body) == b"body{color:#456}\n"  # not the old cached gzip


def test_a_file_is_compressed_once_for_every_path_with_its_content(tmp_path):
    """A rebuilt site's unchanged files, or a copy of the site, are not compressed again; a changed file is."""
    cache = serve.GzipCache()
    first, copy = tmp_path / "a.css", tmp_path / "copy.css"
    for path in (first, copy):
        path.write_text("body{color:#123}\n" * 100, encoding="utf-8")
    body = cache.get(str(first), first.stat())
    assert cache.get(str(copy), copy.stat()) is body and gzip.decompress(body) == first.read_bytes()
    copy.write_text("body{color:#456}\n", encoding="utf-8")
    assert gzip.decompress(cache.get(str(copy), copy.stat())) == b"body{color:#456}\n"
    assert cache.get(str(first), first.stat()) is body


def test_a_missing_file_is_404(origin):
    response, _ = fetch(origin, "/nothing.html", **{"Accept-Encoding": "gzip"})
    assert response.status == 404


def test_keep_alive_serves_several_requests_on_one_connection(origin):
    # http.client opens a new socket, silently, after a response that closes the connection: so the test
    # holds the socket of the first request and checks each later one goes out on it. The 404 comes last:
    # http.server closes the connection after an error (its send_error), and a browser opens another.
    connection = http.client.HTTPConnection(*origin, timeout=10)
    sockets = []
    for path in ("/index.html", "/icon.png", "/style.css", "/nothing.css"):
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        sockets.append(connection.sock)
        response = connection.getresponse()
        response.read()
        assert response.status == 404 or not response.will_close, f"the server closed the connection after {path}"
    assert all(sock is sockets[0] for sock in sockets), "a request went out on a new connection"
    connection.close()


def test_make_serve_runs_it_from_the_command_line(folder):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, str(ROOT / "tools" / "serve.py"), "--port", str(port),
                                "--directory", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert f"http://127.0.0.1:{port}/" in process.stdout.readline()
        response, body = fetch(("127.0.0.1", port), "/", **{"Accept-Encoding": "gzip"})
        assert response.getheader("Content-Encoding") == "gzip" and gzip.decompress(body).decode() == PAGE
    finally:
        process.terminate()
        process.wait(timeout=10)
    dry_run = subprocess.run(["make", "-n", "--no-print-directory", "serve"], cwd=ROOT, capture_output=True, text=True)
    assert "tools/serve.py" in dry_run.stdout and "http.server" not in dry_run.stdout  # what `make serve` runs


def test_a_dropped_connection_is_no_traceback_but_other_errors_are(folder, capsys):
    httpd = serve.make_server(folder)
    try:
        for error in (ConnectionResetError(104, "Connection reset by peer"), BrokenPipeError(32, "Broken pipe")):
            try:
                raise error
            except ConnectionError:
                httpd.handle_error(None, ("127.0.0.1", 50000))  # as socketserver calls it
            assert capsys.readouterr().err == ""
        try:
            raise ValueError("a real bug")
        except ValueError:
            httpd.handle_error(None, ("127.0.0.1", 50000))
        assert "ValueError: a real bug" in capsys.readouterr().err
    finally:
        httpd.server_close()


def test_a_missing_site_is_a_clear_error(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "serve.py"), "--directory", str(tmp_path)],
                         capture_output=True, text=True, timeout=30)
    assert run.returncode != 0 and "make html" in run.stderr and str(tmp_path) in run.stderr


def test_the_guide_through_it_is_compressed_and_installs_offline(browser, site):
    httpd = serve.serve_in_thread(site)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    context = browser.new_context()
    try:
        page = context.new_page()
        encodings = {}
        page.on("response", lambda r: encodings.setdefault(r.url.split("?")[0].rsplit(".", 1)[-1],
                                                           set()).add(r.headers.get("content-encoding")))
        open_built(page, f"{base}/book/start/timers.html")
        assert page.locator(".be-timer .be-start").count() > 0  # the widgets render from gzipped pages
        assert encodings["html"] == encodings["css"] == encodings["js"] == {"gzip"}, encodings
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
        open_built(page, f"{base}/book/home/offline-app.html")
        page.get_by_text("This device keeps the core of the guide").wait_for()  # a first visit stores the core
        context.set_offline(True)
        other = context.new_page()
        open_built(other, f"{base}/book/start/safety.html")  # a page of the core never opened
        assert other.locator("article h1").first.inner_text().strip()
    finally:
        context.close()
        httpd.shutdown()
