"""Real MediaPipe, end to end, on a real person: a clip made from a photograph.

The clip (tests/tracking/conftest.py) slides Grace Hopper's portrait from left to right in the
*raw* picture while it grows; on the mirrored screen she therefore moves right to left.  The
nose must follow the known path within NOSE_TOLERANCE (normalised image units: 0.03 is ~19 px
across and ~14 px down on 640x480), with the default smoothing on.
"""

from __future__ import annotations

import numpy as np

from tracking.estimators import make_estimator
from tracking.frame import PoseFrame
from tracking.landmarks import Body
from tracking.sources.video import VideoFileSource
from tracking.testclips import ClipTruth
from tracking.tracker import Tracker

NOSE_TOLERANCE = 0.03
MIN_FOUND = 0.9


def test_pose_follows_a_real_person_through_a_video(person_clip: ClipTruth) -> None:
    got: list[PoseFrame] = []
    tracker = Tracker(VideoFileSource(person_clip.path, realtime=False),
                      lambda: make_estimator("body"), on_frame=got.append).start()
    assert not tracker.live  # offline file: every frame processed
    assert tracker.wait_ready(60)
    assert tracker.join(120)  # the generous timeout only guards against a hang
    stats = tracker.stats()
    assert stats.status == "ended", stats.error
    assert len(got) == person_clip.frames and stats.frames_dropped == 0

    found = [f for f in got if f.body is not None]
    assert len(found) / len(got) >= MIN_FOUND

    truth = person_clip.nose_screen
    errors = np.array([np.hypot(*(f.body[Body.NOSE, :2] - truth[f.seq])) for f in found])  # type: ignore[index]
    assert errors.max() <= NOSE_TOLERANCE, errors.round(3)

    first, last = found[0], found[-1]
    assert first.body[Body.NOSE, 0] - last.body[Body.NOSE, 0] > 0.2  # type: ignore[index]  # moved LEFT on screen
    # The child's own left shoulder shows on the screen's left, as in a mirror.
    for f in found:
        assert f.body[Body.LEFT_SHOULDER, 0] < f.body[Body.RIGHT_SHOULDER, 0]  # type: ignore[index]
    assert all(f.image_size == person_clip.size for f in got)

    frame, image = tracker.latest()
    assert frame is got[-1] and image is not None and image.shape == (480, 640, 3)
    tracker.stop()
