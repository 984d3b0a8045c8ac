"""The import rules of DESIGN.md, checked on the source (AST), so a stray import fails CI.

- tracking/ never imports pygame;
- exercises/ imports only the standard library, numpy, tracking and itself
  (so never pygame, cv2 or mediapipe);
- logbook/ never imports pygame.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STDLIB = set(sys.stdlib_module_names) | {"__future__"}

FORBIDDEN: dict[str, set[str]] = {
    "tracking": {"pygame"},
    "exercises": {"pygame", "cv2", "mediapipe"},
    "logbook": {"pygame"},
}
ONLY_ALLOWED: dict[str, set[str]] = {
    "exercises": STDLIB | {"numpy", "tracking", "exercises"},
}


def imported_roots(path: Path) -> list[tuple[int, str]]:
    """(line, top-level module) for every absolute import in a file, wherever it sits."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
        elif (isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
              and getattr(node.func, "id", getattr(node.func, "attr", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value.split(".")[0]))
    return found


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_follow_the_design(package: str) -> None:
    files = _files(package)
    assert files, f"{package}/ has no Python files"
    bad = []
    for path in files:
        for line, root in imported_roots(path):
            rel = f"{path.relative_to(ROOT)}:{line}"
            if root in FORBIDDEN[package]:
                bad.append(f"{rel} imports {root}")
            elif package in ONLY_ALLOWED and root not in ONLY_ALLOWED[package]:
                bad.append(f"{rel} imports {root} (only stdlib, numpy, tracking)")
    assert not bad, "\n".join(bad)


def test_the_checker_sees_hidden_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "def f():\n    import pygame.display\n"
        "from cv2 import imread\n"
        "import importlib\nimportlib.import_module('mediapipe.solutions')\n"
        "from . import sibling\n"
    )
    assert sorted(root for _, root in imported_roots(sample)) == [
        "cv2", "importlib", "mediapipe", "os", "pygame"
    ]


# exercises/ may use tracking's *types* (and plain data), never its machinery: no camera, model,
# tracker thread or synthetic child inside the product's activity logic.
TRACKING_TYPES = {"tracking", "tracking.frame", "tracking.landmarks", "tracking.shapes",
                  "tracking.sources.base"}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, full module name) for every absolute `import x.y` / `from x.y import ...`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_exercises_use_only_tracking_types() -> None:
    bad = [f"{path.relative_to(ROOT)}:{line} imports {name}"
           for path in _files("exercises") for line, name in imported_modules(path)
           if name.split(".")[0] == "tracking" and name not in TRACKING_TYPES]
    assert not bad, "\n".join(bad)
