"""With a tracker feed the picture is converted once per NEW camera frame, not per drawn frame,
and a tracker switch for another activity never stalls the loop."""

from __future__ import annotations

import numpy as np

from game.feeds import TrackerFeed
from game.scenes.play import PlayScene
from game.storage import MemoryStorage, PlanStep
from tests.game.harness import Game
from tracking.frame import PoseFrame, TrackingStats
from tracking.tracker import Latest


class FakeTracker:
    """Gives a new RGB picture (and an empty PoseFrame) every `every` calls to latest()."""

    def __init__(self, needs: str, every: int = 6) -> None:
        self.needs, self.every, self.calls, self.stopped = needs, every, 0, False

    def latest(self) -> Latest:
        self.calls += 1
        seq = self.calls // self.every
        image = np.full((480, 640, 3), (seq * 10) % 255, np.uint8)
        return Latest(PoseFrame(seq=seq, t=float(seq) / 30.0, image_size=(640, 480)), image)

    def stats(self) -> TrackingStats:
        return TrackingStats(status="running")

    def stop(self) -> bool:
        self.stopped = True
        return True


def test_picture_converted_once_per_new_frame_and_needs_switch_the_tracker(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import cv2

    colour_passes: list[int] = []
    real = cv2.cvtColor
    monkeypatch.setattr(cv2, "cvtColor", lambda *a, **k: colour_passes.append(1) or real(*a, **k))
    made: list[FakeTracker] = []

    def make(needs: str) -> FakeTracker:
        made.append(FakeTracker(needs))
        return made[-1]

    storage = MemoryStorage()
    storage.add_player("Ada", "cat")
    game = Game(storage, lambda clock: TrackerFeed(make, "camera"))
    game.ctx.player = storage.find_player("Ada")
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("finger_count")))
    game.run(2.0, draw_every=1)
    feed = game.ctx.feed
    assert isinstance(feed, TrackerFeed)
    feed.stop()
    assert [t.needs for t in made] == ["body", "hands"]  # only the models the activity needs
    assert made[0].stopped
    seqs = feed.latest().seq + 1
    assert game.app.frames == 120
    assert 0 < game.ctx.camera.conversions <= seqs < game.app.frames
    # the tracker's RGB, already mirrored picture is shown as it is: no colour conversion
    assert game.ctx.camera.input_format == "rgb_mirrored" and colour_passes == []
    game.close()
