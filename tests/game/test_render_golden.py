"""Golden screenshots of the play scene of all thirteen activities (1280x720): the backdrop,
the child's synthetic skeleton or hands, and the real activity's view after synthetic motion.
Regenerate with WQ_UPDATE_GOLDEN=1 and look at every picture before committing it."""

from __future__ import annotations

import pytest
from golden import assert_golden

from exercises import catalog
from game.render.preview import render


@pytest.mark.parametrize("activity_id", catalog.ids())
def test_play_scene_golden(activity_id: str) -> None:
    surface, _ = render(activity_id)
    assert surface.get_size() == (1280, 720)
    assert_golden(surface, f"play_{activity_id}", tolerance=2.0)
