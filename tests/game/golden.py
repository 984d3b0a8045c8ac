"""Golden screenshots: compare a rendered Surface with tests/game/golden/<name>.png.

Regenerate with WQ_UPDATE_GOLDEN=1 (then look at the new PNGs before committing them).  The
comparison allows small differences (anti-aliasing, font hinting): the mean absolute channel
difference must stay within `tolerance` and at most `max_changed` of the pixels may differ by
more than 48 levels.  On failure the actual picture is written next to a temp path for review.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pygame

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


def assert_golden(surface: pygame.Surface, name: str, tolerance: float = 2.0, max_changed: float = 0.01) -> None:
    path = GOLDEN_DIR / f"{name}.png"
    if os.environ.get("WQ_UPDATE_GOLDEN") == "1" or not path.exists():
        if not path.exists() and os.environ.get("WQ_UPDATE_GOLDEN") != "1":
            raise AssertionError(f"no golden screenshot {path.name}; create it with WQ_UPDATE_GOLDEN=1")
        GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surface, str(path))
        return
    expected = pygame.image.load(str(path))
    assert expected.get_size() == surface.get_size(), f"{name}: size {surface.get_size()} != golden {expected.get_size()}"
    a = pygame.surfarray.array3d(surface).astype(np.int16)
    b = pygame.surfarray.array3d(expected).astype(np.int16)
    diff = np.abs(a - b)
    mean = float(diff.mean())
    changed = float((diff.max(axis=2) > 48).mean())
    if mean > tolerance or changed > max_changed:
        out = Path(tempfile.gettempdir()) / f"golden-actual-{name}.png"
        pygame.image.save(surface, str(out))
        raise AssertionError(
            f"{name}: differs from golden (mean diff {mean:.2f} > {tolerance} or {changed:.2%} pixels changed > "
            f"{max_changed:.0%}); actual saved to {out}; regenerate with WQ_UPDATE_GOLDEN=1 if intended"
        )
