"""A downloaded chapter in a real JupyterLab 4 and Notebook 7: clean text, no errors, a timer that runs and reports back.

One Jupyter server (with Lab and Notebook 7) serves a temporary folder holding copies of an
executed chapter from the built site. Each front end opens its own copy, so each gets its own kernel.
"""
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from backease import SessionTimer
from backease.model.techniques import get_technique
from conftest import watched_page
from test_notebook_download import RAW_MYST

CHAPTER = "hamstring-stretch"
START_TIMEOUT = 60  # seconds for the server to answer, on a busy machine

# The notebook panel in front, through the app object Lab exposes with expose_app_in_browser.
PANEL = "jupyterapp.shell.currentWidget"
RUN_ALL = f"""async () => {{
    const panel = {PANEL};
    await panel.context.ready;
    await panel.sessionContext.ready;
    return await jupyterapp.commands.execute("notebook:run-all-cells");
}}"""
OUTPUTS = f"""() => {{
    const cells = {PANEL}.content.model.cells;
    return Array.from({{length: cells.length}}, (_, i) => cells.get(i).toJSON())
        .filter(c => c.cell_type === "code").flatMap(c => c.outputs);
}}"""
PROBE = f"""async (source) => {{
    const notebook = {PANEL}.content;
    if (!notebook.activeCell.model.sharedModel.getSource().startsWith("# probe")) {{
        notebook.activeCellIndex = notebook.widgets.length - 1;
        await jupyterapp.commands.execute("notebook:insert-cell-below");
    }}
    notebook.activeCell.model.sharedModel.setSource(source);
    await jupyterapp.commands.execute("notebook:run-cell");
    return notebook.activeCell.model.toJSON().outputs.map(o => o.text || "").join("").trim();
}}"""
SHOW_TIMERS = ("# probe: the timers as the kernel sees them\n"
               "from backease import SessionTimer\n"
               "print([(t.finished, t.completed_steps) for t in Out.values() if isinstance(t, SessionTimer)])")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def jupyter(site, tmp_path_factory):
    """Base URL and token of a Jupyter server on 127.0.0.1 serving copies of a downloaded chapter."""
    home = tmp_path_factory.mktemp("jupyter")
    for front in ("lab", "nb7"):
        (home / "root" / front).mkdir(parents=True)
        shutil.copy(site / "_sources" / "book" / "techniques" / f"{CHAPTER}.ipynb", home / "root" / front)
    (home / "config" / "labconfig").mkdir(parents=True)  # no "Jupyter news?" pop-up over the notebook
    (home / "config" / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTER_DATA_DIR": str(home / "data")}
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={home / 'root'}", f"--LabApp.workspaces_dir={home / 'workspaces'}",
         f"--LabApp.user_settings_dir={home / 'settings'}", "--LabApp.expose_app_in_browser=True",
         "--JupyterNotebookApp.expose_app_in_browser=True",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the Jupyter server did not start:\n{(home / 'server.log').read_text()[-3000:]}",
                                pytrace=False)
                time.sleep(0.2)  # polling for the server, not waiting a fixed time
        yield base, token
    finally:
        try:
            urllib.request.urlopen(urllib.request.Request(f"{base}/api/shutdown?token={token}", method="POST"), timeout=10)
            server.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            server.kill()
            server.wait()
        log.close()


@pytest.fixture
def jupyter_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page, watch = watched_page(context)  # Jupyter may talk only to 127.0.0.1
    yield page, watch
    context.close()


def open_and_run_all(page, url):
    page.goto(url)
    page.wait_for_function(f"window.jupyterapp && {PANEL} && {PANEL}.sessionContext")
    assert page.evaluate(RUN_ALL), "Run All Cells did not finish"
    outputs = page.evaluate(OUTPUTS)
    bad = [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
    assert not bad, bad


def check_text(page):
    """Every Markdown cell is rendered, with no raw MyST, and the glued dose is there."""
    texts = page.locator(".jp-MarkdownCell .jp-RenderedMarkdown").evaluate_all("els => els.map(e => e.textContent)")
    count = page.evaluate(f"() => {{ const c = {PANEL}.content.model.cells; let n = 0;"
                          f" for (let i = 0; i < c.length; i++) n += c.get(i).type === 'markdown'; return n; }}")
    assert len(texts) == count > 0, "some Markdown cells are not rendered"
    raw = [m.group(0) for t in texts for m in RAW_MYST.finditer(t)]
    assert not raw, raw
    assert get_technique(CHAPTER).session.steps[0].dose() in "".join(texts)


def test_a_chapter_runs_clean_in_jupyterlab_and_its_timer_reports_to_the_kernel(jupyter, jupyter_page):
    base, token = jupyter
    page, watch = jupyter_page
    open_and_run_all(page, f"{base}/lab/workspaces/test/tree/lab/{CHAPTER}.ipynb?reset&token={token}")
    check_text(page)
    figure = page.locator(".jp-OutputArea-output svg[role=img]").first
    figure.wait_for()
    assert figure.evaluate("svg => svg.getBBox().width > 0 && svg.querySelectorAll('path').length > 0"), \
        "the step figure does not show"

    timer = page.locator(".be-timer")
    clock = timer.locator(".be-clock")
    before = clock.text_content()
    timer.locator(".be-start").click()
    page.wait_for_function("([el, t]) => el.textContent !== t", arg=[clock.element_handle(), before])

    # Keys pressed in the timer belong to the timer: Lab does not move to another cell.
    active = page.evaluate(f"{PANEL}.content.activeCellIndex")
    timer.focus()
    page.keyboard.press("ArrowDown")
    segments = SessionTimer(CHAPTER).segments
    for _ in segments:
        page.keyboard.press("ArrowRight")  # skip, to the end
    assert timer.get_attribute("data-state") == "done"
    assert page.evaluate(f"{PANEL}.content.activeCellIndex") == active

    done = SessionTimer(CHAPTER)
    done.completed = len(segments)
    expected = repr([(True, done.completed_steps)])
    # The widget manager may hold back an update until the kernel is idle: ask again until it has arrived.
    deadline = time.monotonic() + 10
    while (seen := page.evaluate(PROBE, SHOW_TIMERS)) != expected and time.monotonic() < deadline:
        pass
    assert seen == expected
    assert not watch.outside, watch.outside


def test_a_chapter_runs_clean_in_notebook_7(jupyter, jupyter_page):
    base, token = jupyter
    page, watch = jupyter_page
    open_and_run_all(page, f"{base}/notebooks/nb7/{CHAPTER}.ipynb?token={token}")
    check_text(page)
    clock = page.locator(".be-timer .be-clock")
    before = clock.text_content()
    page.locator(".be-timer .be-start").click()
    page.wait_for_function("([el, t]) => el.textContent !== t", arg=[clock.element_handle(), before])
    assert not watch.outside, watch.outside
