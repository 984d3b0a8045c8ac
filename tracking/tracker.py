"""The tracker: source -> estimator -> smoothing -> one newest-result slot, off the draw thread.

Live sources (a webcam, or any source with ``realtime = True``) run two threads: a grabber that
reads frames as fast as the source gives them into a one-frame slot, and a worker that always
takes the *newest* frame, so a slow model costs frames (counted in ``frames_dropped``) but never
latency.  Other sources (a video file read offline, a replay) are processed frame by frame with
none dropped, either in the background (`start`) or in the caller's thread (`frames`).

`latest()` gives the newest PoseFrame and the picture to show: RGB, mirrored like the screen,
uint8 (height, width, 3) -- None for sources without pictures (replay, synthetic).  Frames from
landmark sources (Grab.frame) pass through with their own seq and t; frames from pictures get
seq = processed count and t = grab time.

Status (in `stats()`): starting -> running; "camera lost" while a reconnecting source is gone
(retried every `retry_interval` seconds, recovering by itself; a camera missing at start
counts as lost too, with error "no camera at index N"); "ended" when a file ends; "error" with
the message when anything inside the threads fails -- never a silent death.

Models load in the worker thread (`ready` / `wait_ready()` say when); `set_needs()` swaps them
without stopping the camera.

For a draw loop beside it: `wait_result(after, timeout)` sleeps until a result newer than
`results()` said, so the loop can draw a new pose the moment it exists; and `newest_image()`
gives the picture being processed as soon as the model starts on it (the same array
`latest()` gives with its PoseFrame later), so the screen can prepare it while the model runs.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from tracking.camera_image import CameraImage
from tracking.estimators import Estimator, make_estimator
from tracking.frame import PoseFrame, TrackingStats
from tracking.smoothing import PoseSmoother
from tracking.sources.base import FrameSource, Grab, SourceError

EstimatorFactory = Callable[[], Estimator]
STOP_TIMEOUT = 1.0
# A frame that waited while the model was busy is nearly a whole camera frame old when the model
# is free again if the next one is due within this long (or is overdue, so being decoded): the
# worker then waits for that one, a picture ~30 ms fresher for at most this much delay.
FRESHER_WAIT_S = 0.006


class Latest(NamedTuple):
    frame: PoseFrame | None
    image: np.ndarray | None  # RGB, mirrored like the screen; None without pictures


@dataclass(frozen=True)
class _Item:
    grab: Grab
    grabbed_at: float  # monotonic, when the tracker received it (for latency)
    picture: CameraImage | None = None  # converted by the grabber (live sources), else later


class _NewestSlot:
    """Holds one item; a put replaces an untaken item (newest wins; nothing queues)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._item: _Item | None = None

    def put(self, item: _Item) -> bool:
        """Store item; True if it replaced one nobody took (a dropped frame)."""
        with self._cond:
            dropped = self._item is not None
            self._item = item
            self._cond.notify()
            return dropped

    def take(self, timeout: float) -> _Item | None:
        with self._cond:
            if self._item is None:
                self._cond.wait(timeout)
            item, self._item = self._item, None
            return item

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()


def _rate(times: deque[float]) -> float:
    if len(times) < 2 or times[-1] <= times[0]:
        return 0.0
    return (len(times) - 1) / (times[-1] - times[0])


def _percentiles(values: deque[float]) -> tuple[float, float]:
    if not values:
        return 0.0, 0.0
    p50, p95 = np.percentile(np.fromiter(values, float), [50, 95])
    return float(p50), float(p95)


def estimator_for(needs: str | None, **options: object) -> EstimatorFactory | None:
    """A factory building the MediaPipe models for `needs`, or None for landmark-only sources."""
    if needs is None:
        return None
    return lambda: make_estimator(needs, **options)  # type: ignore[arg-type]


class Tracker:
    """Runs a FrameSource through an estimator and smoothing; see the module docstring."""

    def __init__(self, source: FrameSource, estimator_factory: EstimatorFactory | None = None,
                 *, smooth: bool = True, smoother: PoseSmoother | None = None,
                 keep_image: bool = True, on_frame: Callable[[PoseFrame], None] | None = None,
                 live: bool | None = None, retry_interval: float = 1.0,
                 window: int = 120, fresher_wait_s: float = FRESHER_WAIT_S) -> None:
        self.source = source
        self._factory = estimator_factory
        self._smoother = smoother if smoother is not None else (PoseSmoother() if smooth else None)
        self._keep_image = keep_image
        self._on_frame = on_frame
        self.live = bool(getattr(source, "realtime", True)) if live is None else live
        self.retry_interval = retry_interval
        self.fresher_wait_s = fresher_wait_s
        self._reconnect = bool(getattr(source, "reconnect", False))

        self._lock = threading.Lock()
        self._published = threading.Condition(self._lock)  # notified with each new result
        self._latest = Latest(None, None)
        self._inflight: np.ndarray | None = None  # the newest picture, model running or done
        self._slot = _NewestSlot()
        self._halt = threading.Event()
        self._ready = threading.Event()
        self._settled = threading.Event()  # ready, or failed before getting there
        self._source_done = threading.Event()
        self._threads: list[threading.Thread] = []
        self._estimator: Estimator | None = None
        self._pending_factory: tuple[EstimatorFactory | None] | None = None

        self._status = "starting"
        self._error = ""
        self._lost_at = 0.0
        self._grabbed = self._processed = self._dropped = 0
        self._seq = 0
        self._grab_times: deque[float] = deque(maxlen=window)
        self._done_times: deque[float] = deque(maxlen=window)
        self._infer_ms: deque[float] = deque(maxlen=window)
        self._latency_ms: deque[float] = deque(maxlen=window)

    # ----------------------------------------------------------------- public
    @property
    def ready(self) -> bool:
        """True once the models are loaded (the game shows its title until then)."""
        return self._ready.is_set()

    def wait_ready(self, timeout: float | None = None) -> bool:
        self._settled.wait(timeout)
        return self.ready

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def latest(self) -> Latest:
        with self._lock:
            return self._latest

    def results(self) -> int:
        """How many results have been published so far (for `wait_result`)."""
        with self._lock:
            return self._processed

    def wait_result(self, after: int, timeout: float) -> int:
        """Wait up to `timeout` s until more than `after` results were published (at once if
        there are); returns the count.  Stopping the tracker wakes it too."""
        with self._published:
            self._published.wait_for(lambda: self._processed > after or self._halt.is_set(), timeout)
            return self._processed

    def newest_image(self) -> np.ndarray | None:
        """The newest picture (RGB, mirrored, as `latest()` gives it), published as soon as the
        model starts on it; None without pictures (or with keep_image=False)."""
        with self._lock:
            return self._inflight

    @property
    def status(self) -> str:
        """The status alone: cheap, for callers that ask every frame (stats() sorts samples)."""
        with self._lock:
            return self._status

    def stats(self) -> TrackingStats:
        with self._lock:
            inf50, inf95 = _percentiles(self._infer_ms)
            lat50, lat95 = _percentiles(self._latency_ms)
            skipped = float(getattr(self.source, "frames_skipped", 0))
            return TrackingStats(
                camera_fps=_rate(self._grab_times),
                processed_fps=_rate(self._done_times),
                inference_ms_p50=inf50,
                inference_ms_p95=inf95,
                latency_ms_p50=lat50,
                latency_ms_p95=lat95,
                frames_grabbed=self._grabbed,
                frames_processed=self._processed,
                frames_dropped=self._dropped + int(skipped),
                status=self._status,
                error=self._error,
                extra={"source_fps": float(getattr(self.source, "fps", 0.0) or 0.0),
                       "frames_skipped_by_source": skipped},
            )

    def reset_stats(self, window: int | None = None) -> None:
        """Forget the timing samples (rates, inference and latency percentiles), keeping the
        frame counters, and keep up to `window` samples from now on: a benchmark's percentiles
        then cover exactly the frames it measured."""
        with self._lock:
            size = window or self._infer_ms.maxlen
            self._grab_times = deque(maxlen=size)
            self._done_times = deque(maxlen=size)
            self._infer_ms = deque(maxlen=size)
            self._latency_ms = deque(maxlen=size)

    def set_estimator(self, factory: EstimatorFactory | None) -> None:
        """Swap the models without stopping the camera (e.g. an activity that needs hands).

        The worker closes the old models and builds the new ones before its next frame;
        `ready` is False meanwhile.
        """
        self._ready.clear()  # before publishing the swap, so the worker's set() wins
        self._settled.clear()
        with self._lock:
            self._pending_factory = (factory,)

    def set_needs(self, needs: str | None, **options: object) -> None:
        """Run only the MediaPipe models `needs` asks for: body, hands, both, or None."""
        self.set_estimator(estimator_for(needs, **options))

    def start(self) -> Tracker:
        if self._threads:
            raise RuntimeError("tracker already started")
        if self.live:
            targets = [(self._grab_loop, "tracker-grab"), (self._work_loop, "tracker-work")]
        else:
            targets = [(self._sequential_loop, "tracker")]
        for target, name in targets:
            thread = threading.Thread(target=target, name=name, daemon=True)
            self._threads.append(thread)
            thread.start()
        return self

    def stop(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Ask the threads to finish; returns within `timeout` (True if they all ended)."""
        self._halt.set()
        self._slot.wake()
        with self._published:
            self._published.notify_all()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not self.running

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the run to end by itself (an offline source reaching its end)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not self.running

    def __enter__(self) -> Tracker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def frames(self) -> Iterator[PoseFrame]:
        """Every frame of the source, processed in this thread, none dropped (offline use)."""
        self._load_estimator()
        try:
            self.source.open()
            self._set_status("running")
            while not self._halt.is_set():
                grab = self.source.read()
                if grab is None:
                    self._set_status("ended")
                    return
                yield self._process(self._received(grab))
        finally:
            self.source.close()
            self._close_estimator()

    # ------------------------------------------------------------- internals
    def _set_status(self, status: str, error: str = "") -> None:
        with self._lock:
            if self._status == "error":
                return  # the first error is the one worth reading
            self._status, self._error = status, error

    def _fail(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, SourceError) else f"{type(exc).__name__}: {exc}"
        with self._lock:
            if self._status != "error":
                self._status, self._error = "error", message
        self._halt.set()
        self._settled.set()
        self._slot.wake()

    def _load_estimator(self) -> None:
        with self._lock:
            pending, self._pending_factory = self._pending_factory, None
        if pending is not None:
            self._close_estimator()
            self._factory = pending[0]
        if self._estimator is None and self._factory is not None:
            self._estimator = self._factory()
        self._ready.set()
        self._settled.set()

    def _close_estimator(self) -> None:
        if self._estimator is not None:
            self._estimator.close()
            self._estimator = None

    def _received(self, grab: Grab) -> _Item:
        now = time.monotonic()
        with self._lock:
            self._grabbed += 1
            self._grab_times.append(now)
        return _Item(grab, now)

    def _prepared(self, item: _Item) -> _Item:
        """Convert the picture for the screen and the models here, in the grabber thread, while
        the worker is still busy with the previous frame: the worker then starts the model at
        once.  (A frame replaced before the worker takes it wasted ~1 ms of conversions.)"""
        if item.grab.frame is not None or item.grab.image is None:
            return item
        picture = CameraImage(item.grab.image)
        if self._keep_image:
            _ = picture.mirrored_rgb
        estimator = self._estimator  # may be swapped meanwhile: preparing is only a head start
        if estimator is not None:
            estimator.prepare(picture)
        return _Item(item.grab, item.grabbed_at, picture)

    def _process(self, item: _Item) -> PoseFrame:
        grab = item.grab
        image: np.ndarray | None = None
        started = time.monotonic()
        if grab.frame is not None:
            frame = grab.frame
        else:
            if grab.image is None:
                raise SourceError(f"{self.source.name} gave a frame with neither picture nor landmarks")
            picture = item.picture if item.picture is not None else CameraImage(grab.image)
            if self._keep_image:  # before the model runs: a screen may prepare it meanwhile
                image = picture.mirrored_rgb
                with self._lock:
                    self._inflight = image
            if self._estimator is not None:
                estimate = self._estimator.process(picture)
                body, hands = estimate.body, estimate.hands
            else:
                body, hands = None, ()
            frame = PoseFrame(seq=self._seq, t=grab.t, body=body, hands=hands,
                              image_size=picture.size, source=self.source.name)
            self._seq += 1
        inferred = time.monotonic()
        if self._smoother is not None:
            frame = self._smoother(frame)
        if self._on_frame is not None:
            self._on_frame(frame)
        done = time.monotonic()
        with self._lock:
            self._latest = Latest(frame, image)
            self._processed += 1
            self._done_times.append(done)
            self._infer_ms.append((inferred - started) * 1000.0)
            self._latency_ms.append((done - item.grabbed_at) * 1000.0)
            if self._status in ("starting", "camera lost") and item.grabbed_at > self._lost_at:
                self._status, self._error = "running", ""
            self._published.notify_all()
        return frame

    def _open_source(self) -> bool:
        """Open (or re-open) the source; False while a reconnecting source is missing."""
        try:
            self.source.open()
            return True
        except SourceError as exc:
            if not self._reconnect:
                raise
            self._camera_lost(exc)
            return False

    def _camera_lost(self, exc: SourceError) -> None:
        with self._lock:
            self._lost_at = time.monotonic()
        self._set_status("camera lost", str(exc))
        self.source.close()
        self._halt.wait(self.retry_interval)

    def _grab_loop(self) -> None:
        opened = False
        try:
            while not self._halt.is_set():
                if not opened:
                    opened = self._open_source()
                    continue
                try:
                    grab = self.source.read()
                except SourceError as exc:
                    if not self._reconnect:
                        raise
                    opened = False
                    self._camera_lost(exc)
                    continue
                if grab is None:
                    break
                if self._slot.put(self._prepared(self._received(grab))) and self._ready.is_set():
                    with self._lock:  # frames passing while models load are not "dropped"
                        self._dropped += 1
        except Exception as exc:
            self._fail(exc)
        finally:
            self._source_done.set()
            self._slot.wake()
            try:
                self.source.close()
            except Exception as exc:  # closing must not hide the first problem
                if not self._error:
                    self._fail(exc)

    def _work_loop(self) -> None:
        try:
            self._load_estimator()
            while not self._halt.is_set():
                if self._pending_factory is not None:
                    self._load_estimator()
                item = self._slot.take(timeout=0.1)
                if item is not None:
                    self._process(self._fresher(item))
                elif self._source_done.is_set():
                    item = self._slot.take(timeout=0.0)
                    if item is not None:
                        self._process(item)
                    self._set_status("ended")
                    break
        except Exception as exc:
            self._fail(exc)
        finally:
            self._close_estimator()

    def _fresher(self, item: _Item) -> _Item:
        """`item`, or the camera's next frame if that is due within fresher_wait_s (see
        FRESHER_WAIT_S); the older one then counts as dropped."""
        fps = float(getattr(self.source, "fps", 0.0) or 0.0)
        if fps <= 0 or self.fresher_wait_s <= 0:
            return item
        due_in = item.grabbed_at + 1.0 / fps - time.monotonic()
        if not -0.5 / fps < due_in <= self.fresher_wait_s:  # overdue: it is being decoded now
            return item
        newer = self._slot.take(timeout=self.fresher_wait_s)
        if newer is None:
            return item
        with self._lock:
            self._dropped += 1
        return newer

    def _sequential_loop(self) -> None:
        try:
            self._load_estimator()
            self.source.open()
            while not self._halt.is_set():
                if self._pending_factory is not None:
                    self._load_estimator()
                grab = self.source.read()
                if grab is None:
                    self._set_status("ended")
                    break
                self._process(self._received(grab))
        except Exception as exc:
            self._fail(exc)
        finally:
            self._source_done.set()
            try:
                self.source.close()
            finally:
                self._close_estimator()


__all__ = ["Latest", "Tracker", "estimator_for"]
