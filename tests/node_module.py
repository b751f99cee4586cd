"""An ES module of the browser run in node, its exports called from Python: ``NodeModule(text)("name", *args)``.

The tests that hold the browser's rules and the timer's state machine to Python use it, on the
module text a widget sends (``backease.widgets.static_modules.esm_module``), without a browser.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

HOST = Path(__file__).parent / "js" / "module_host.mjs"


class JSError(Exception):
    """An Error the module threw; its message is the exception's."""


class Kept:
    """A large value many calls pass (a widget's data): each NodeModule gets it once, frozen, then only its name.
    ``value`` is the value; a test that changes it afterwards needs a new Kept."""

    def __init__(self, value):
        self.value = value
        self.json = json.dumps(value, sort_keys=True)


class Given:
    """A value the reader gave (a link, a file, what the browser kept): sent in its own key order, as the browser
    reads it from JSON text. Any other argument goes with its keys sorted, as a widget's data does."""

    def __init__(self, value):
        self.value = value


class NodeModule:
    def __init__(self, text: str, zone: str | None = None):
        """``zone``: the time zone node runs in (its TZ), as a browser's clock would be; else the machine's."""
        node = shutil.which("node")
        if not node:
            raise RuntimeError("node (v20 or later) is needed to run the browser's modules without a browser")
        self._dir = tempfile.TemporaryDirectory()
        path = Path(self._dir.name) / "module.mjs"
        path.write_text(text, encoding="utf-8")
        self._node = subprocess.Popen([node, str(HOST), str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      text=True, encoding="utf-8", env={**os.environ, "TZ": zone} if zone else None)
        self._kept: dict[int, Kept] = {}  # held, so each one's id stays its own

    def __call__(self, name: str, *args):
        """The export ``name`` called with ``args`` (as JSON, keys sorted as a built page's widget state has them:
        book/_ext/page_weight.py; a Given argument in its own order; a Kept argument by name once node has it);
        raises JSError if it throws."""
        args_json, keep = [], []
        for arg in args:
            if isinstance(arg, Kept):
                if id(arg) not in self._kept:
                    self._kept[id(arg)] = arg
                    keep.append(f'"{id(arg)}": {arg.json}')
                args_json.append(f'{{"$kept": "{id(arg)}"}}')
            elif isinstance(arg, Given):
                args_json.append(json.dumps(arg.value))
            else:
                args_json.append(json.dumps(arg, sort_keys=True))
        self._node.stdin.write(f'{{"call": {json.dumps(name)}, "args": [{", ".join(args_json)}], "keep": {{{", ".join(keep)}}}}}\n')
        self._node.stdin.flush()
        line = self._node.stdout.readline()
        if not line:
            raise RuntimeError(f"node stopped (exit code {self._node.wait()})")
        answer = json.loads(line)
        if "error" in answer:
            raise JSError(answer["error"])
        return answer["ok"]

    def close(self) -> None:
        self._node.stdin.close()
        self._node.wait(timeout=10)
        self._dir.cleanup()
