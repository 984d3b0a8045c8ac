"""Golden screenshots (after Pygame Zero): a rendered surface compared with a stored PNG
within a tolerance.  Regenerate with WQ_UPDATE_GOLDEN=1 (then look at every picture)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pygame

GOLDEN_DIR = Path(__file__).parent / "golden"


def assert_golden(surface: pygame.Surface, name: str, tolerance: float = 2.0, max_changed: float = 0.01) -> None:
    """Mean absolute difference per channel must stay within `tolerance` (0..255) and at most
    `max_changed` of the pixels may differ by more than 48 in any channel."""
    path = GOLDEN_DIR / f"{name}.png"
    if os.environ.get("WQ_UPDATE_GOLDEN") == "1":
        GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surface, str(path))
        return
    assert path.is_file(), f"no golden {path.name}; make it with WQ_UPDATE_GOLDEN=1 and look at it"
    expected = pygame.image.load(str(path))
    assert expected.get_size() == surface.get_size(), f"{name}: size {surface.get_size()} != golden {expected.get_size()}"
    got = pygame.surfarray.array3d(surface).astype(np.int16)
    want = pygame.surfarray.array3d(expected).astype(np.int16)
    diff = np.abs(got - want)
    mean = float(diff.mean())
    changed = float((diff.max(axis=2) > 48).mean())
    if mean > tolerance or changed > max_changed:
        out = Path(os.environ.get("WQ_GOLDEN_FAILED", "/tmp")) / f"{name}.actual.png"
        pygame.image.save(surface, str(out))
        raise AssertionError(f"{name}: differs from its golden (mean {mean:.2f}, {changed:.1%} of pixels changed); "
                             f"the new picture is {out}")
