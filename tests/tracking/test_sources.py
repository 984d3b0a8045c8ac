"""Webcam and video-file sources: grab times, media times, pacing, and clear failures."""

from __future__ import annotations

import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from tracking_fakes import FakeCapture

from tracking.sources.base import SourceError
from tracking.sources.video import VideoFileSource
from tracking.sources.webcam import WebcamSource
from tracking.testclips import ClipTruth


def test_webcam_stamps_grab_time_and_counts() -> None:
    cap = FakeCapture()
    source = WebcamSource(2, 640, 480, 30, capture_factory=lambda i: cap)
    source.open()
    assert cap.props[cv2.CAP_PROP_FRAME_WIDTH] == 640 and source.image_size == (320, 240)
    before = time.monotonic()
    grabs = [source.read() for _ in range(3)]
    assert [g.index for g in grabs] == [0, 1, 2]  # type: ignore[union-attr]
    assert all(before <= g.t <= time.monotonic() for g in grabs)  # type: ignore[union-attr]
    assert grabs[0].image.shape == (240, 320, 3)  # type: ignore[union-attr]
    source.close()
    assert cap.released


def test_missing_camera_is_a_one_line_source_error() -> None:
    source = WebcamSource(5, capture_factory=lambda i: FakeCapture(opened=False))
    with pytest.raises(SourceError, match="^no camera at index 5$"):
        source.open()


def test_camera_failing_mid_run_raises_source_error() -> None:
    source = WebcamSource(0, capture_factory=lambda i: FakeCapture(frames=1))
    assert source.read() is not None
    with pytest.raises(SourceError, match="camera 0 stopped sending pictures"):
        source.read()


def test_real_opencv_missing_camera() -> None:
    with pytest.raises(SourceError, match="no camera at index 7"):
        WebcamSource(7).open()


def test_offline_video_gives_every_frame_with_media_time(person_clip: ClipTruth) -> None:
    source = VideoFileSource(person_clip.path, realtime=False)
    source.open()
    assert source.image_size == person_clip.size and source.fps == pytest.approx(person_clip.fps)
    grabs = []
    while (g := source.read()) is not None:
        grabs.append(g)
    source.close()
    assert len(grabs) == person_clip.frames
    assert [g.t for g in grabs] == [i / source.fps for i in range(person_clip.frames)]
    assert all(g.image is not None and g.image.shape == (480, 640, 3) for g in grabs)


def test_looping_video_keeps_counting(person_clip: ClipTruth) -> None:
    source = VideoFileSource(person_clip.path, realtime=False, loop=True)
    n = person_clip.frames + 5
    grabs = [source.read() for _ in range(n)]
    source.close()
    assert [g.index for g in grabs] == list(range(n))  # type: ignore[union-attr]
    first, again = grabs[0].image, grabs[person_clip.frames].image  # type: ignore[union-attr]
    assert np.array_equal(first, again)


def test_realtime_video_skips_frames_a_slow_reader_missed(person_clip: ClipTruth) -> None:
    source = VideoFileSource(person_clip.path, realtime=True)
    source.open()
    first = source.read()
    time.sleep(0.25)  # ~7 frame times: a camera would not have waited
    second = source.read()
    source.close()
    assert first is not None and second is not None
    assert second.index - first.index >= 5 and source.frames_skipped == second.index - 1
    assert second.t > first.t


@pytest.mark.parametrize("make, match", [
    (lambda d: d / "missing.mp4", "^video file not found: .*missing.mp4$"),
    (lambda d: d, "^not a video file: "),
    (lambda d: _write(d / "notes.mp4", b"just some text\n"), "^cannot open .*notes.mp4 as a video"),
    (lambda d: _write(d / "empty.avi", b""), "^cannot open .*empty.avi as a video"),
])
def test_bad_video_files_give_one_clear_line(tmp_path: Path, make, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SourceError, match=match) as info:
        VideoFileSource(make(tmp_path), realtime=False).open()
    assert "\n" not in str(info.value)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
