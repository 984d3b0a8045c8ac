"""The tracker thread: newest frame wins, stop joins, failures become a status, cameras come back."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from tracking_fakes import FakeCapture

from tracking.camera_image import CameraImage
from tracking.estimators import Estimate
from tracking.frame import PoseFrame
from tracking.recording import RecordingWriter
from tracking.sources.base import Grab
from tracking.sources.replay import ReplaySource
from tracking.sources.video import VideoFileSource
from tracking.sources.webcam import WebcamSource
from tracking.tracker import Tracker


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll until condition holds; a generous timeout only guards against hangs."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.005)


def _picture(index: int) -> np.ndarray:
    image = np.zeros((8, 8, 3), np.uint8)
    image[0, 0, :2] = (index % 256, index // 256)  # lets a fake estimator see which frame it got
    return image


class GatedCamera:
    """A live source that delivers a frame each time the test releases one."""

    realtime = True
    name = "gated"
    image_size = (8, 8)
    fps = 30.0

    def __init__(self) -> None:
        self.sem = threading.Semaphore(0)
        self.finished = threading.Event()
        self.count = 0

    def release(self, n: int = 1) -> None:
        for _ in range(n):
            self.sem.release()

    def open(self) -> None:
        pass

    def read(self) -> Grab | None:
        while not self.sem.acquire(timeout=0.01):
            if self.finished.is_set():
                return None
        grab = Grab(t=time.monotonic(), index=self.count, image=_picture(self.count))
        self.count += 1
        return grab

    def close(self) -> None:
        pass


class FreeRunningCamera(GatedCamera):
    """A live source at ~200 fps, much faster than the fake model."""

    def read(self) -> Grab | None:
        time.sleep(0.005)
        grab = Grab(t=time.monotonic(), index=self.count, image=_picture(self.count))
        self.count += 1
        return grab


class FakeEstimator:
    """Notes which frame it was given; optionally waits for the test, sleeps, or fails."""

    needs = "body"

    def __init__(self, gated: bool = False, delay: float = 0.0, fail_at: int | None = None) -> None:
        self.gate = threading.Semaphore(0) if gated else None
        self.delay, self.fail_at = delay, fail_at
        self.seen: list[int] = []
        self.closed = False
        self.prepared: dict[int, str] = {}  # id(picture) -> the thread that prepared it
        self.processed_prepared: list[bool] = []

    def prepare(self, image: CameraImage) -> None:
        self.prepared[id(image)] = threading.current_thread().name

    def process(self, image: CameraImage) -> Estimate:
        self.processed_prepared.append(self.prepared.get(id(image)) == "tracker-grab")
        self.seen.append(int(image.bgr[0, 0, 0]) + 256 * int(image.bgr[0, 0, 1]))
        if self.fail_at is not None and len(self.seen) > self.fail_at:
            raise RuntimeError("model exploded")
        if self.gate is not None:
            assert self.gate.acquire(timeout=10)
        if self.delay:
            time.sleep(self.delay)
        return Estimate(body=np.full((33, 4), 0.5))

    def close(self) -> None:
        self.closed = True


def test_newest_frame_wins_and_skipped_frames_are_counted() -> None:
    camera, model = GatedCamera(), FakeEstimator(gated=True)
    tracker = Tracker(camera, lambda: model, smooth=False).start()
    assert tracker.live
    camera.release(1)
    wait_for(lambda: model.seen == [0])  # the model is busy with frame 0 ...
    camera.release(5)  # ... while the camera delivers frames 1-5
    wait_for(lambda: tracker.stats().frames_grabbed == 6)
    model.gate.release()  # type: ignore[union-attr]
    wait_for(lambda: model.seen == [0, 5])  # the newest, not the oldest waiting
    assert tracker.stats().frames_dropped == 4  # frames 1-4 never reached the model
    model.gate.release()  # type: ignore[union-attr]
    wait_for(lambda: tracker.stats().frames_processed == 2)
    latest = tracker.latest()
    assert latest.frame is not None and latest.frame.seq == 1 and latest.frame.body is not None
    for _ in range(10):
        model.gate.release()  # type: ignore[union-attr]
    camera.finished.set()
    wait_for(lambda: tracker.stats().status == "ended")
    assert tracker.stop()
    assert model.closed


def test_live_pictures_are_converted_by_the_grabber_before_the_model_takes_them() -> None:
    camera, model = GatedCamera(), FakeEstimator()
    tracker = Tracker(camera, lambda: model, smooth=False).start()
    assert tracker.wait_ready(10)
    camera.release(3)
    wait_for(lambda: tracker.stats().frames_processed + tracker.stats().frames_dropped == 3)
    # The model got the very picture the grabber thread prepared (so the worker starts the
    # model at once), and the picture for the screen was converted there too.
    assert model.processed_prepared and all(model.processed_prepared)
    latest = tracker.latest()
    assert latest.image is not None and latest.image.shape == (8, 8, 3)
    camera.finished.set()
    assert tracker.stop()


def test_slow_model_fast_camera_drops_frames_not_time_and_stop_joins() -> None:
    camera, model = FreeRunningCamera(), FakeEstimator(delay=0.03)
    tracker = Tracker(camera, lambda: model).start()
    def backlog() -> int:  # grabbed but neither processed nor dropped
        s = tracker.stats()
        return s.frames_grabbed - s.frames_processed - s.frames_dropped

    wait_for(lambda: tracker.stats().frames_processed >= 4)
    early = backlog()
    wait_for(lambda: tracker.stats().frames_processed >= 12)
    stats = tracker.stats()
    assert stats.status == "running"
    assert stats.frames_dropped > 0 and stats.frames_grabbed > stats.frames_processed
    # Nothing queues: one frame waits in the slot and one is in the model (+1 in flight).
    assert backlog() <= early + 3
    assert stats.inference_ms_p50 > 0 and stats.latency_ms_p95 >= stats.latency_ms_p50 > 0
    seen = list(model.seen)
    assert all(b > a for a, b in zip(seen, seen[1:], strict=False))
    assert any(b > a + 1 for a, b in zip(seen, seen[1:], strict=False))  # skipped to the newest
    assert tracker.stop()  # True: every thread ended within stop()'s one-second budget
    assert not tracker.running


def test_exception_in_the_model_becomes_error_status() -> None:
    camera, model = FreeRunningCamera(), FakeEstimator(fail_at=2)
    tracker = Tracker(camera, lambda: model).start()
    wait_for(lambda: tracker.stats().status == "error")
    assert tracker.stats().error == "RuntimeError: model exploded"
    wait_for(lambda: not tracker.running)  # both threads wound down, none silently dead
    assert model.closed
    tracker.stop()


def test_model_that_cannot_load_is_reported_and_not_ready() -> None:
    def broken() -> FakeEstimator:
        raise ImportError("no mediapipe here")

    tracker = Tracker(FreeRunningCamera(), broken).start()
    assert tracker.wait_ready(10) is False
    wait_for(lambda: tracker.stats().status == "error")
    assert "no mediapipe here" in tracker.stats().error
    tracker.stop()


def test_ready_only_once_models_are_loaded() -> None:
    loaded = threading.Event()

    def slow_factory() -> FakeEstimator:
        assert loaded.wait(10)
        return FakeEstimator()

    tracker = Tracker(FreeRunningCamera(), slow_factory).start()
    assert not tracker.ready and tracker.stats().status == "starting"
    loaded.set()
    assert tracker.wait_ready(10)
    wait_for(lambda: tracker.stats().status == "running")
    assert tracker.stop()


def test_missing_file_in_background_is_an_error_status(tmp_path: Path) -> None:
    tracker = Tracker(VideoFileSource(tmp_path / "gone.mp4"), None).start()
    wait_for(lambda: tracker.stats().status == "error")
    assert tracker.stats().error.startswith("video file not found")
    tracker.stop()


def test_camera_lost_then_back_by_itself() -> None:
    plugged_in = threading.Event()
    calls: list[int] = []

    def factory(index: int) -> FakeCapture:
        calls.append(index)
        if len(calls) == 1:
            return FakeCapture(frames=5)  # works, then is unplugged
        return FakeCapture(opened=plugged_in.is_set())

    model = FakeEstimator()
    tracker = Tracker(WebcamSource(0, capture_factory=factory), lambda: model,
                      retry_interval=0.02).start()
    wait_for(lambda: tracker.stats().status == "camera lost")
    assert tracker.stats().error == "camera 0 stopped sending pictures"
    wait_for(lambda: len(calls) >= 3)  # retrying ...
    stats = tracker.stats()
    assert stats.status == "camera lost" and stats.error == "no camera at index 0"
    before = stats.frames_processed
    plugged_in.set()  # ... and back
    wait_for(lambda: tracker.stats().status == "running"
             and tracker.stats().frames_processed > before)
    assert tracker.stop()


class ListSource:
    """A few given pictures, offline (none may be dropped)."""

    realtime = False
    name = "list"
    fps = 30.0

    def __init__(self, images: list[np.ndarray]) -> None:
        self.images, self.i = images, 0
        self.image_size = (images[0].shape[1], images[0].shape[0])

    def open(self) -> None:
        self.i = 0

    def read(self) -> Grab | None:
        if self.i >= len(self.images):
            return None
        self.i += 1
        return Grab(t=(self.i - 1) / self.fps, index=self.i - 1, image=self.images[self.i - 1])

    def close(self) -> None:
        pass


def test_display_image_is_mirrored_rgb() -> None:
    bgr = np.zeros((4, 6, 3), np.uint8)
    bgr[:, 0] = (255, 0, 0)  # blue on the camera's left column
    tracker = Tracker(ListSource([bgr]), None).start()
    wait_for(lambda: tracker.stats().status == "ended")
    frame, image = tracker.latest()
    assert frame is not None and frame.image_size == (6, 4) and frame.body is None
    assert image is not None and image.shape == (4, 6, 3)
    assert tuple(image[0, -1]) == (0, 0, 255)  # RGB blue, on the screen's right
    assert tuple(image[0, 0]) == (0, 0, 0)
    tracker.stop()


def test_offline_background_run_processes_every_frame_in_order() -> None:
    got: list[PoseFrame] = []
    images = [_picture(i) for i in range(12)]
    tracker = Tracker(ListSource(images), lambda: FakeEstimator(), on_frame=got.append).start()
    assert not tracker.live
    wait_for(lambda: tracker.stats().status == "ended")
    assert [f.seq for f in got] == list(range(12))
    assert [f.t for f in got] == [i / 30.0 for i in range(12)]
    assert tracker.stats().frames_dropped == 0
    tracker.stop()


def test_landmark_frames_pass_through_unchanged(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    frames = [PoseFrame(seq=i, t=i / 30, body=rng.random((33, 4)), source="x") for i in range(5)]
    path = tmp_path / "r.jsonl"
    with RecordingWriter(path, "x", 30.0, (640, 480)) as writer:
        for f in frames:
            writer.write(f)
    out = list(Tracker(ReplaySource(path), None, smooth=False).frames())
    assert [f.seq for f in out] == [f.seq for f in frames]
    assert all(np.array_equal(a.body, b.body) for a, b in zip(frames, out, strict=True))


@pytest.mark.parametrize("smooth", [True, False])
def test_frames_iterator_processes_everything(smooth: bool) -> None:
    tracker = Tracker(ListSource([_picture(i) for i in range(6)]), lambda: FakeEstimator(),
                      smooth=smooth)
    frames = list(tracker.frames())
    assert len(frames) == 6 and tracker.stats().status == "ended"
    assert tracker.stats().frames_processed == 6


def test_models_can_be_swapped_without_stopping_the_camera() -> None:
    first, second = FakeEstimator(), FakeEstimator()
    camera = FreeRunningCamera()
    tracker = Tracker(camera, lambda: first).start()
    wait_for(lambda: len(first.seen) >= 2)
    tracker.set_estimator(lambda: second)
    wait_for(lambda: len(second.seen) >= 2)
    assert first.closed and tracker.ready and not second.closed
    assert tracker.stats().status == "running"
    assert tracker.stop()
    assert second.closed


def test_reset_stats_keeps_counters_and_measures_only_what_follows() -> None:
    camera, model = FreeRunningCamera(), FakeEstimator(delay=0.01)
    tracker = Tracker(camera, lambda: model, smooth=False).start()
    wait_for(lambda: tracker.stats().frames_processed >= 5)
    model.delay = 0.04  # slower from now on
    tracker.reset_stats(window=500)
    processed = tracker.stats().frames_processed
    assert processed >= 5 and tracker.stats().inference_ms_p50 == 0.0  # no samples yet
    wait_for(lambda: tracker.stats().frames_processed >= processed + 5)
    stats = tracker.stats()
    assert stats.inference_ms_p50 >= 35.0  # only the slow frames count
    assert tracker.stop()


class SlowCamera(GatedCamera):
    """A gated camera that says it runs at 2 fps, so "the next frame is due soon" spans
    tenths of a second and the test does not depend on milliseconds."""

    fps = 2.0


@pytest.mark.parametrize(("wait_s", "expected"), [(0.3, [0, 2]), (0.0, [0, 1])])
def test_a_stale_waiting_frame_gives_way_to_the_next_one_due_at_once(wait_s: float, expected: list[int]) -> None:
    camera, model = SlowCamera(), FakeEstimator(gated=True)
    tracker = Tracker(camera, lambda: model, smooth=False, fresher_wait_s=wait_s).start()
    assert tracker.wait_ready(10)
    camera.release(1)
    wait_for(lambda: model.seen == [0])  # the model is busy with frame 0 ...
    camera.release(1)  # ... while frame 1 arrives and waits
    wait_for(lambda: tracker.stats().frames_grabbed == 2)
    time.sleep(0.3)  # frame 1 is now 0.3 s old; at 2 fps the next is due in 0.2 s
    model.gate.release()  # type: ignore[union-attr]  # frame 0 done: the model is free
    time.sleep(0.1)
    camera.release(1)  # frame 2 arrives within the wait
    for _ in range(3):
        model.gate.release()  # type: ignore[union-attr]
    wait_for(lambda: len(model.seen) >= 2)
    time.sleep(0.2)
    assert model.seen[:2] == expected
    camera.finished.set()
    assert tracker.stop()
