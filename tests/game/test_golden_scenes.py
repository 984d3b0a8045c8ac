"""Golden screenshots of the screens a child and a grown-up see (game.devshots stages them)."""

from __future__ import annotations

import pytest

from game.devshots import render
from tests.game.golden import assert_golden


@pytest.mark.parametrize("name", ["title", "add_player", "path", "free_play", "results", "results_rest", "album",
                                  "grownups_today", "grownups_plan", "grownups_settings", "parent_gate",
                                  "parent_gate_sum", "get_ready", "paused", "play_bubble_pop"])
def test_golden(name: str) -> None:
    # play_<id>.png are the render tests' staged play views; the full game's are scene_play_<id>
    assert_golden(render(name), f"scene_{name}" if name.startswith("play_") else name)
