"""Golden screenshots of the screens a child and a grown-up see (game.devshots stages them)."""

from __future__ import annotations

import pytest

from game.devshots import render
from tests.game.golden import assert_golden


@pytest.mark.parametrize("name", ["title", "path", "free_play", "results", "album", "grownups_today",
                                  "grownups_settings", "parent_gate_sum", "get_ready", "paused"])
def test_golden(name: str) -> None:
    assert_golden(render(name), name)
