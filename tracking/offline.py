"""Offline tracking of a video file in parallel chunks: `count` and `track` faster than real time.

One MediaPipe Pose graph runs frames one after another (~25 ms each) and uses about one core;
its `process()` releases the GIL, so two graphs in two threads use both cores of a small
machine.  The clip is cut into `workers` contiguous chunks; each worker has its own
VideoFileSource positioned at its chunk, its own models and its own One Euro smoother.

- Warm-up: a worker starts `warmup` frames before its chunk and throws those frames away, so
  Pose's tracking (its region of interest follows the previous frame) and the smoother have
  settled when its first kept frame comes.  Chunks are sized so every worker processes the
  same number of frames, warm-up included.
- Positioning: `CAP_PROP_POS_FRAMES` seeks; the decoded pictures of the overlap are then
  compared (a small fingerprint of each) with those the previous worker decoded for the same
  frame numbers.  Any difference (a container whose seeking is not frame-exact) and that chunk
  is tracked again, positioned by decoding and discarding from the start instead.
- Merge: frames come back in file order with seq = frame index and t = index / fps (media
  time), exactly as the sequential tracker numbers them; chunk k is yielded once chunk k-1 is
  done, so a recording is written in order while the work runs.
- Full-size pictures: scaling 720p or 1080p frames to 640 px wide before the model was
  measured slower (the resize costs more than MediaPipe's own crop-and-scale saves) and a
  little less accurate, so the models see the picture as decoded.
- Threads, not processes: a spawned process must import MediaPipe and load its model again
  (measured 1.3-3.4 s each against 0.3 s in a thread), more than a 10 s clip can win back.

`workers=1` is the sequential path, frame for frame what `Tracker.frames()` gives.
"""

from __future__ import annotations

import hashlib
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tracking.camera_image import CameraImage
from tracking.estimators import Estimator, make_estimator
from tracking.frame import PoseFrame, TrackingStats
from tracking.smoothing import PoseSmoother
from tracking.sources.video import VideoFileSource

EstimatorFactory = Callable[[], Estimator]
WARMUP_FRAMES = 15  # 0.5 s at 30 fps; more does not bring the landmarks closer (see the tests)
MIN_CHUNK_FRAMES = 60  # shorter chunks would spend more time warming up than tracking


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class Chunk:
    """Frames [start, stop) are kept; reading begins at `warm` (<= start)."""

    warm: int
    start: int
    stop: int | None  # None: to the end of the file (the container's count may be wrong)


def plan_chunks(frame_count: int, workers: int, warmup: int = WARMUP_FRAMES) -> list[Chunk]:
    """Split `frame_count` frames so each worker processes the same number, warm-up included.

    One chunk (sequential) when the count is unknown or too small to be worth splitting."""
    workers = max(1, workers)
    warmup = max(0, warmup)
    while workers > 1 and (frame_count + (workers - 1) * warmup) // workers - warmup \
            < MIN_CHUNK_FRAMES:
        workers -= 1
    if workers == 1 or frame_count <= 0:
        return [Chunk(0, 0, None)]
    share = (frame_count + (workers - 1) * warmup) / workers  # frames each worker processes
    starts = [0] + [round(k * (share - warmup) + warmup) for k in range(1, workers)]
    chunks = []
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < workers else None
        chunks.append(Chunk(max(0, start - warmup) if k else 0, start, stop))
    return chunks


def _fingerprint(image: np.ndarray) -> bytes:
    """A cheap identity for a decoded picture (every 8th pixel): tells frames apart exactly."""
    return hashlib.blake2b(np.ascontiguousarray(image[::8, ::8]).tobytes(),
                           digest_size=16).digest()


class _ChunkSource(VideoFileSource):
    """A VideoFileSource that starts at a given frame and ends before another."""

    def __init__(self, path: Path, chunk: Chunk, exact_by_decoding: bool) -> None:
        super().__init__(path, realtime=False)
        self.chunk = chunk
        self._exact_by_decoding = exact_by_decoding

    def open(self) -> None:
        import cv2

        super().open()
        if self.chunk.warm == 0:
            return
        self._pending = None
        if self._exact_by_decoding:
            for _ in range(self.chunk.warm - 1):  # frame 0 was read by open()
                if not self._cap.grab():
                    break
        else:
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, self.chunk.warm)
        self._file_index = self._served = self.chunk.warm  # so t and index are the file's own

    def read_image(self) -> tuple[int, np.ndarray] | None:
        if self.chunk.stop is not None and self._served >= self.chunk.stop:
            return None
        grab = self.read()
        if grab is None or grab.image is None:
            return None
        return grab.index, grab.image


@dataclass
class _ChunkRun:
    """What one worker hands back, through a queue so the merge can stream."""

    chunk: Chunk
    frames: queue.SimpleQueue[PoseFrame | BaseException | None] = field(
        default_factory=queue.SimpleQueue)
    head: list[bytes] = field(default_factory=list)  # fingerprints of the warm-up frames
    tail: dict[int, bytes] = field(default_factory=dict)  # index -> fingerprint, last frames
    infer_ms: list[float] = field(default_factory=list)
    warmed: threading.Event = field(default_factory=threading.Event)  # head complete
    failed: bool = False  # the worker raised (its error waits in `frames`)
    halt: threading.Event = field(default_factory=threading.Event)


class OfflineTracker:
    """Every frame of a video file, tracked by `workers` threads; see the module docstring."""

    def __init__(self, path: str | Path, needs: str | None = "body", *, smooth: bool = True,
                 workers: int | None = None, warmup: int = WARMUP_FRAMES,
                 estimator_factory: EstimatorFactory | None = None) -> None:
        self.path = Path(path)
        self.needs = needs
        self.smooth = smooth
        self.workers = default_workers() if workers is None else max(1, workers)
        self.warmup = warmup
        self._factory = estimator_factory or (
            (lambda: make_estimator(needs)) if needs is not None else None)
        self.source = VideoFileSource(self.path, realtime=False)  # the probe: name, fps, size
        self.chunks: list[Chunk] = []
        self.reseeked = 0  # chunks tracked again because seeking was not frame-exact
        self._infer_ms: list[float] = []
        self._frames = 0
        self._started = self._ended = 0.0
        self._estimators: list[Estimator | None] = []

    def open(self) -> None:
        """Check the file (SourceError with one line if it is not a readable video)."""
        self.source.open()
        self.source.close()  # only its facts are needed; workers open their own
        self.chunks = plan_chunks(self.source.frame_count, self.workers, self.warmup)

    def load(self) -> None:
        """Build each worker's models now, so a model that cannot load fails before any output
        is written.  (Loading one after another costs nothing extra: MediaPipe's loading is
        serialised by tracking.quiet's fd-2 lock anyway.)"""
        if not self.chunks:
            self.open()
        try:
            while len(self._estimators) < len(self.chunks):
                self._estimators.append(self._factory() if self._factory is not None else None)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close models that were loaded but not handed to a worker."""
        for estimator in self._estimators:
            if estimator is not None:
                estimator.close()
        self._estimators = []

    def frames(self) -> Iterator[PoseFrame]:
        self.load()
        self._started = time.monotonic()
        runs = [_ChunkRun(c) for c in self.chunks]
        estimators, self._estimators = self._estimators, []
        threads = [self._spawn(run, False, est) for run, est in zip(runs, estimators, strict=True)]
        try:
            previous: _ChunkRun | None = None
            for k, run in enumerate(runs):
                run.warmed.wait()
                if previous is not None and not run.failed and not self._joins(previous, run):
                    run.halt.set()  # seeking was not exact here: do this chunk again
                    threads[k].join()
                    self.reseeked += 1
                    runs[k] = run = _ChunkRun(run.chunk)
                    threads[k] = self._spawn(run, True, None)
                yield from self._drain(run)
                threads[k].join()
                self._infer_ms.extend(run.infer_ms)
                previous = run
        finally:
            for run in runs:
                run.halt.set()
            for thread in threads:
                thread.join()
            self._ended = time.monotonic()

    def stats(self) -> TrackingStats:
        elapsed = (self._ended or time.monotonic()) - self._started if self._started else 0.0
        p50, p95 = (np.percentile(self._infer_ms, [50, 95]) if self._infer_ms else (0.0, 0.0))
        return TrackingStats(
            processed_fps=self._frames / elapsed if elapsed > 0 else 0.0,
            inference_ms_p50=float(p50), inference_ms_p95=float(p95),
            frames_grabbed=self._frames, frames_processed=self._frames,
            status="ended" if self._ended else "running",
            extra={"source_fps": self.source.fps, "workers": float(len(self.chunks)),
                   "chunks_reseeked": float(self.reseeked)},
        )

    # ------------------------------------------------------------- internals
    def _spawn(self, run: _ChunkRun, exact_by_decoding: bool,
               estimator: Estimator | None) -> threading.Thread:
        thread = threading.Thread(target=self._work, args=(run, exact_by_decoding, estimator),
                                  name=f"offline-{run.chunk.start}", daemon=True)
        thread.start()
        return thread

    def _drain(self, run: _ChunkRun) -> Iterator[PoseFrame]:
        while (item := run.frames.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            self._frames += 1
            yield item

    def _joins(self, previous: _ChunkRun, run: _ChunkRun) -> bool:
        """Did `run` decode the same pictures for its warm-up as `previous` for those frames?"""
        chunk = run.chunk
        if chunk.warm == chunk.start:
            return True
        if not run.head and not previous.tail:
            return True  # both ended before the overlap (the count was too high): nothing lost
        expected = [previous.tail.get(i) for i in range(chunk.warm, chunk.start)]
        return run.head == expected[:len(run.head)] and len(run.head) == len(expected)

    def _work(self, run: _ChunkRun, exact_by_decoding: bool,
              estimator: Estimator | None) -> None:
        """One chunk, in its own thread; the estimator (built here if None) is closed at the end."""
        chunk = run.chunk
        source = _ChunkSource(self.path, chunk, exact_by_decoding)
        try:
            source.open()
            if estimator is None and self._factory is not None:
                estimator = self._factory()
            smoother = PoseSmoother() if self.smooth else None
            tail_from = None if chunk.stop is None else chunk.stop - self.warmup
            while not run.halt.is_set() and (got := source.read_image()) is not None:
                index, image = got
                if index < chunk.start:
                    run.head.append(_fingerprint(image))
                else:
                    run.warmed.set()
                if tail_from is not None and index >= tail_from:
                    run.tail[index] = _fingerprint(image)
                started = time.monotonic()
                picture = CameraImage(image)
                estimate = estimator.process(picture) if estimator is not None else None
                run.infer_ms.append((time.monotonic() - started) * 1000.0)
                frame = PoseFrame(seq=index, t=index / source.fps,
                                  body=estimate.body if estimate else None,
                                  hands=estimate.hands if estimate else (),
                                  image_size=source.image_size, source=source.name)
                if smoother is not None:
                    frame = smoother(frame)
                if index >= chunk.start:
                    run.frames.put(frame)
        except BaseException as exc:  # handed to the reader, who raises it in its own thread
            run.failed = True
            run.frames.put(exc)
        finally:
            run.warmed.set()
            run.frames.put(None)
            source.close()
            if estimator is not None:
                estimator.close()


__all__ = ["Chunk", "OfflineTracker", "default_workers", "plan_chunks"]
