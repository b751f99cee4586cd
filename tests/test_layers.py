"""The package's layers (ARCHITECTURE.md): the model imports nothing above it, nor any display library."""
import ast
import subprocess
import sys
from pathlib import Path

import backease

PACKAGE = Path(backease.__file__).parent
MODEL = PACKAGE / "model"
ABOVE = ("text", "figures", "printables", "widgets")
DISPLAY = ("anywidget", "IPython", "ipywidgets", "matplotlib")


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, as a dotted name (relative imports resolved within backease)."""
    package = ["backease", *path.relative_to(PACKAGE).parent.parts]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found += [(node.lineno, f"{module}.{a.name}" if not node.module else module) for a in node.names]
    return found


def test_the_model_imports_nothing_from_the_layers_above_it():
    bad = [f"{path.relative_to(PACKAGE)}:{line} imports {name}" for path in sorted(MODEL.rglob("*.py"))
           for line, name in _imports(path)
           if name.split(".")[0] in DISPLAY or (name.startswith("backease.") and name.split(".")[1] in ABOVE)]
    assert not bad, bad


def test_the_import_check_sees_relative_imports_from_above():
    imports = dict((name, line) for line, name in _imports(PACKAGE / "widgets" / "timer.py"))
    assert "backease.model.plans" in imports and "anywidget" in imports


def test_importing_the_whole_model_loads_no_widget_or_drawing_library():
    modules = [f"backease.model.{p.stem}" for p in sorted(MODEL.glob("*.py")) if p.stem != "__init__"]
    code = (f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
            f"print([m for m in {DISPLAY!r} if m in sys.modules])")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]", f"importing backease.model loads {loaded}"
    assert len(modules) > 15
