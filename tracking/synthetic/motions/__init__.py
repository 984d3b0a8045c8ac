"""Named synthetic motion scripts, gathered from the modules in this package.

Each module exports `SCRIPTS: dict[str, factory]`; `script(name, **kwargs)` builds one, and
`names()` lists them (for `wigglequest play --synthetic NAME` and the tests)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from tracking.synthetic.source import MotionScript


def registry() -> dict[str, Callable[..., MotionScript]]:
    found: dict[str, Callable[..., MotionScript]] = {}
    for mod in pkgutil.iter_modules(__path__):
        if mod.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{mod.name}")
        found.update(getattr(module, "SCRIPTS", {}))
    return found


def names() -> list[str]:
    return sorted(registry())


def script(name: str, **kwargs: Any) -> MotionScript:
    scripts = registry()
    if name not in scripts:
        raise KeyError(f"unknown motion script {name!r}; known: {', '.join(sorted(scripts))}")
    return scripts[name](**kwargs)
