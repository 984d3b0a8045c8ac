"""CameraImage: each form of the picture is right, and pose on the shrunk picture is as good."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tracking.camera_image import POSE_MAX_SIDE, CameraImage
from tracking.estimators import make_estimator
from tracking.landmarks import Body
from tracking.sources.video import VideoFileSource
from tracking.testclips import make_person_clip


def _blue_left_red_right(w: int, h: int) -> np.ndarray:
    bgr = np.zeros((h, w, 3), np.uint8)
    bgr[:, : w // 2] = (255, 0, 0)  # blue in BGR
    bgr[:, w // 2 :] = (0, 0, 255)  # red
    return bgr


@pytest.mark.parametrize(("size", "expected"), [((1280, 720), (640, 360)), ((720, 1280), (360, 640)),
                                                 ((1920, 1080), (640, 360)), ((640, 480), (640, 480))])
def test_pose_picture_is_rgb_with_its_longer_side_capped(size: tuple[int, int],
                                                         expected: tuple[int, int]) -> None:
    picture = CameraImage(_blue_left_red_right(*size))
    small = picture.pose_rgb
    assert (small.shape[1], small.shape[0]) == expected and max(expected) <= POSE_MAX_SIDE
    assert small.flags.c_contiguous and small.dtype == np.uint8
    assert tuple(small[0, 0]) == (0, 0, 255) and tuple(small[-1, -1]) == (255, 0, 0)  # RGB, unmirrored
    if size == expected:
        assert small is picture.rgb  # nothing to shrink: no copy


def test_mirrored_picture_swaps_sides_and_channels() -> None:
    mirrored = CameraImage(_blue_left_red_right(64, 32)).mirrored_rgb
    assert tuple(mirrored[0, 0]) == (255, 0, 0) and tuple(mirrored[0, -1]) == (0, 0, 255)


def test_pose_on_a_shrunk_720p_picture_agrees_with_the_full_picture(tmp_path: Path) -> None:
    """The real model, on a real person at 1280x720: landmarks of visible joints from the
    640x360 picture lie within 0.01 of those from the full picture."""
    clip = make_person_clip(tmp_path / "person720.mp4", frames=20, size=(1280, 720))
    full_model, small_model = make_estimator("body"), make_estimator("body")
    source = VideoFileSource(clip.path, realtime=False)
    source.open()
    diffs: list[float] = []
    try:
        while (grab := source.read()) is not None:
            picture = CameraImage(grab.image)
            assert picture.pose_rgb.shape == (360, 640, 3)
            small = small_model.process(picture).body
            full_picture = CameraImage(grab.image)
            full_picture.pose_rgb = full_picture.rgb  # type: ignore[misc]  # what we used to give
            full = full_model.process(full_picture).body
            assert small is not None and full is not None
            seen = (small[:, 3] > 0.5) & (full[:, 3] > 0.5)
            assert seen[int(Body.NOSE)] and seen[int(Body.LEFT_SHOULDER)]
            diffs.extend(np.abs(small[seen, :2] - full[seen, :2]).max(axis=1))
    finally:
        source.close()
        full_model.close()
        small_model.close()
    assert np.median(diffs) < 0.005 and max(diffs) < 0.01, (np.median(diffs), max(diffs))
