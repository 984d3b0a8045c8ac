"""Offline tracking in parallel chunks (tracking.offline): the same frames, in the same order, with
nearly the same landmarks as one worker; frame-exact positioning in the formats the project
writes (mp4v .mp4, MJPG .avi), rotation kept, a fallback when seeking is not exact, errors
raised in the caller's thread.

Most tests use a fake model that reads the frame number drawn into each picture and answers
with the synthetic body of that frame, so they are exact and fast; one test runs real
MediaPipe Pose on a real photograph and states the tolerance.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from tracking import offline
from tracking.camera_image import CameraImage
from tracking.estimators import Estimate
from tracking.frame import PoseFrame
from tracking.landmarks import Body
from tracking.offline import Chunk, OfflineTracker, plan_chunks
from tracking.synthetic.motions.squats import Squats
from tracking.synthetic.source import SyntheticSource
from tracking.testclips import ClipTruth, make_person_clip, set_mp4_rotation

SIZE = (160, 120)
BITS = 10  # frame numbers up to 1023, drawn as 2 rows of 5 black/white 32 px squares
# Parallel against sequential with the same (fake, exact) model: only the One Euro smoother's
# state differs at a chunk start, and after the 15-frame warm-up what is left of it is small.
SMOOTHED_TOLERANCE = 0.002  # normalised image units
# Real MediaPipe: Pose's tracking follows its own previous answer, so a graph that starts at
# frame 135 settles on landmarks about 0.01 away from one that has run since frame 0 (measured
# 0.008-0.016 for 10-60 warm-up frames: more warm-up does not close it).  Stated tolerance for
# landmarks both runs see (visibility > 0.5), x and y: 0.03 of the picture.
REAL_TOLERANCE = 0.03


def draw_index(index: int) -> np.ndarray:
    image = np.full((SIZE[1], SIZE[0], 3), 90, np.uint8)
    for bit in range(BITS):
        row, col = divmod(bit, 5)
        value = 255 if index >> bit & 1 else 0
        image[8 + row * 48: 40 + row * 48, col * 32: col * 32 + 32] = value
    return image


def read_index(bgr: np.ndarray) -> int:
    index = 0
    for bit in range(BITS):
        row, col = divmod(bit, 5)
        block = bgr[16 + row * 48: 32 + row * 48, col * 32 + 8: col * 32 + 24]
        index |= int(block.mean() > 127) << bit
    return index


def make_index_clip(path: Path, frames: int) -> Path:
    import cv2

    fourcc = cv2.VideoWriter_fourcc(*("MJPG" if path.suffix == ".avi" else "mp4v"))
    writer = cv2.VideoWriter(str(path), fourcc, 30.0, SIZE)
    for i in range(frames):
        writer.write(draw_index(i))
    writer.release()
    return path


class IndexModel:
    """Reads the frame number from the picture and answers with that frame's synthetic body."""

    needs = "body"

    def __init__(self, bodies: list[np.ndarray | None], fail_at: int | None = None) -> None:
        self.bodies = bodies
        self.fail_at = fail_at
        self.seen: list[int] = []

    def prepare(self, image: CameraImage) -> None:
        pass

    def process(self, image: CameraImage) -> Estimate:
        index = read_index(image.bgr)
        self.seen.append(index)
        if index == self.fail_at:
            raise RuntimeError(f"model broke at frame {index}")
        return Estimate(body=self.bodies[index] if index < len(self.bodies) else None)

    def close(self) -> None:
        pass


SCRIPT = Squats(reps=4)


@pytest.fixture(scope="module")
def bodies() -> list[np.ndarray | None]:
    return [f.body for f in SyntheticSource(SCRIPT, seed=0).frames()]


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory, bodies: list[np.ndarray | None]
          ) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("offline")
    return {ext: make_index_clip(folder / f"index.{ext}", len(bodies)) for ext in ("mp4", "avi")}


def run(path: Path, bodies: list[np.ndarray | None], workers: int, **options: object
        ) -> tuple[list[PoseFrame], OfflineTracker]:
    tracker = OfflineTracker(path, workers=workers, estimator_factory=lambda: IndexModel(bodies),
                             **options)  # type: ignore[arg-type]
    return list(tracker.frames()), tracker


def body_error(a: list[PoseFrame], b: list[PoseFrame]) -> np.ndarray:
    return np.array([np.abs(x.body[:, :2] - y.body[:, :2]).max()  # type: ignore[index]
                     for x, y in zip(a, b, strict=True)])


# ---------------------------------------------------------------------------- the plan
def test_chunks_share_the_work_equally_warm_up_included() -> None:
    chunks = plan_chunks(300, 2, warmup=15)
    assert chunks == [Chunk(0, 0, 158), Chunk(143, 158, None)]
    processed = [158 - 0, 300 - 143]  # each worker's frames, warm-up included
    assert abs(processed[0] - processed[1]) <= 1
    three = plan_chunks(1000, 3, warmup=15)
    assert [c.start for c in three] == [0, 343, 672] and [c.warm for c in three] == [0, 328, 657]
    assert [c.stop for c in three] == [343, 672, None]


def test_short_or_uncounted_clips_are_not_split() -> None:
    assert plan_chunks(120, 2, warmup=15) == [Chunk(0, 0, None)]  # chunks under 60 frames
    assert len(plan_chunks(140, 2, warmup=15)) == 2
    assert plan_chunks(0, 2) == [Chunk(0, 0, None)]  # the container does not say
    assert plan_chunks(300, 1) == [Chunk(0, 0, None)]


# ------------------------------------------------------------------ positioning and order
@pytest.mark.parametrize("ext", ["mp4", "avi"])
def test_seeking_is_frame_exact_in_the_formats_we_write(ext: str, clips: dict[str, Path]) -> None:
    source = offline._ChunkSource(clips[ext], Chunk(97, 112, 120), exact_by_decoding=False)
    source.open()
    got = []
    while (item := source.read_image()) is not None:
        got.append((item[0], read_index(item[1])))
    source.close()
    assert got == [(i, i) for i in range(97, 120)]


@pytest.mark.parametrize("ext", ["mp4", "avi"])
def test_parallel_gives_the_same_frames_in_order(ext: str, clips: dict[str, Path],
                                                 bodies: list[np.ndarray | None]) -> None:
    sequential, _ = run(clips[ext], bodies, workers=1)
    parallel, tracker = run(clips[ext], bodies, workers=2)
    n = len(bodies)
    assert len(tracker.chunks) == 2 and tracker.reseeked == 0
    for frames in (sequential, parallel):
        assert [f.seq for f in frames] == list(range(n))
        assert [f.t for f in frames] == [i / 30.0 for i in range(n)]
        assert all(f.image_size == SIZE and f.source == f"video:index.{ext}" for f in frames)
    start = tracker.chunks[1].start
    error = body_error(parallel, sequential)
    assert error[:start].max() == 0.0  # the first chunk is the sequential run itself
    assert error[start:].max() <= SMOOTHED_TOLERANCE
    raw_seq, _ = run(clips[ext], bodies, workers=1, smooth=False)
    raw_par, _ = run(clips[ext], bodies, workers=2, smooth=False)
    assert body_error(raw_par, raw_seq).max() == 0.0  # unsmoothed: bit for bit


def test_inexact_seeking_is_caught_and_that_chunk_redone(
        clips: dict[str, Path], bodies: list[np.ndarray | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = offline._ChunkSource.open

    def lands_one_late(self: offline._ChunkSource) -> None:
        real_open(self)
        if not self._exact_by_decoding and self.chunk.warm:
            self._next_image()  # what a container with inexact seeking would do to us

    monkeypatch.setattr(offline._ChunkSource, "open", lands_one_late)
    sequential, _ = run(clips["mp4"], bodies, workers=1, smooth=False)
    parallel, tracker = run(clips["mp4"], bodies, workers=2, smooth=False)
    assert tracker.reseeked == 1
    assert [f.seq for f in parallel] == list(range(len(bodies)))
    assert body_error(parallel, sequential).max() == 0.0


def test_rotated_phone_clip_stays_upright_in_every_chunk(tmp_path: Path) -> None:
    clip = make_index_clip(tmp_path / "phone.mp4", 150)
    set_mp4_rotation(clip, 90)
    seen: list[tuple[int, tuple[int, ...]]] = []
    lock = threading.Lock()

    class Upright(IndexModel):
        def process(self, image: CameraImage) -> Estimate:
            upright = np.rot90(image.bgr)  # undo the clockwise turn to read the squares
            with lock:
                seen.append((read_index(np.ascontiguousarray(upright)), image.bgr.shape))
            return Estimate()

    tracker = OfflineTracker(clip, workers=2, estimator_factory=lambda: Upright([]))
    frames = list(tracker.frames())
    assert len(tracker.chunks) == 2 and tracker.reseeked == 0
    assert [f.seq for f in frames] == list(range(150))
    assert all(f.image_size == (SIZE[1], SIZE[0]) for f in frames)  # portrait, as displayed
    assert {shape for _, shape in seen} == {(SIZE[0], SIZE[1], 3)}
    assert sorted(i for i, _ in seen) == sorted(
        list(range(tracker.chunks[0].stop)) + list(range(tracker.chunks[1].warm, 150)))  # type: ignore[arg-type]


@pytest.mark.parametrize("fail_at", [100, 170, 250])  # first chunk, second's warm-up, second
def test_a_failing_model_raises_in_the_callers_thread(
        fail_at: int, clips: dict[str, Path], bodies: list[np.ndarray | None]) -> None:
    before = threading.active_count()
    tracker = OfflineTracker(clips["avi"], workers=2,
                             estimator_factory=lambda: IndexModel(bodies, fail_at=fail_at))
    tracker.open()
    assert tracker.chunks[1].warm < 170 < tracker.chunks[1].start < 250
    with pytest.raises(RuntimeError, match=f"model broke at frame {fail_at}"):
        list(tracker.frames())
    assert tracker.reseeked == 0
    assert threading.active_count() == before  # every worker ended


# ------------------------------------------------------------------------ real MediaPipe
@pytest.fixture(scope="module")
def walking_clip(tmp_path_factory: pytest.TempPathFactory) -> ClipTruth:
    """150 frames (5 s) of the real portrait walking across: long enough to split in two."""
    return make_person_clip(tmp_path_factory.mktemp("walk") / "walk.mp4", frames=150)


def test_real_pose_in_parallel_matches_one_worker(walking_clip: ClipTruth) -> None:
    from game.commands.activity_cmds import track_video

    sequential = track_video(walking_clip.path, "body", workers=1)
    parallel = track_video(walking_clip.path, "body", workers=2)
    assert [f.seq for f in parallel] == [f.seq for f in sequential] == list(range(150))
    assert [f.t for f in parallel] == [f.t for f in sequential]
    assert all(f.body is not None for f in sequential + parallel)
    errors = []
    for a, b in zip(parallel, sequential, strict=True):
        seen = (a.body[:, 3] > 0.5) & (b.body[:, 3] > 0.5)  # type: ignore[index]
        errors.append(np.abs(a.body[seen, :2] - b.body[seen, :2]).max())  # type: ignore[index]
    assert max(errors) <= REAL_TOLERANCE
    truth = walking_clip.nose_screen
    for frames in (sequential, parallel):
        nose = np.array([f.body[int(Body.NOSE), :2] for f in frames])  # type: ignore[index]
        assert np.hypot(*(nose - truth).T).max() <= 0.05  # as the real-person tests allow

    from exercises import runner

    for activity in ("arm_raises", "frog_squats"):
        one = runner.run(activity, sequential, gate="auto")
        two = runner.run(activity, parallel, gate="auto")
        assert (two.result.reps, two.gate, two.frames) == (one.result.reps, one.gate, one.frames)
        assert two.result.tracking_quality == pytest.approx(one.result.tracking_quality, abs=0.02)


# ------------------------------------------------------------------------- the commands
def fake_models(monkeypatch: pytest.MonkeyPatch, bodies: list[np.ndarray | None]) -> None:
    monkeypatch.setattr(offline, "make_estimator", lambda needs: IndexModel(bodies))


def test_count_gives_the_same_result_with_one_or_two_workers(
        clips: dict[str, Path], bodies: list[np.ndarray | None],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from game.cli import main

    fake_models(monkeypatch, bodies)
    reports = []
    for workers in ("1", "2"):
        assert main(["count", str(clips["mp4"]), "--activity", "frog_squats", "--workers", workers,
                     "--param", "reps=50", "--json"]) == 0
        reports.append(json.loads(capsys.readouterr().out))
    one, two = reports
    assert one["reps"] == two["reps"] == SCRIPT.full_reps()
    assert (two["gate"], two["frames"]) == (one["gate"], one["frames"]) == ("passed", len(bodies))
    assert two["metrics"] == pytest.approx(one["metrics"], abs=0.5)  # degrees, seconds, shares
    assert two["tracking_quality"] == pytest.approx(one["tracking_quality"], abs=0.01)


def test_track_writes_the_same_recording_in_order_with_two_workers(
        clips: dict[str, Path], bodies: list[np.ndarray | None], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main
    from tracking.recording import read_recording

    fake_models(monkeypatch, bodies)
    texts, headers = [], []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.landmarks.jsonl"
        assert main(["track", str(clips["avi"]), "-o", str(out), "--no-smooth",
                     "--workers", workers]) == 0
        assert f"tracked index.avi: {len(bodies)} frames" in capsys.readouterr().out
        header, frames = read_recording(out)
        assert [f.seq for f in frames] == list(range(len(bodies)))
        headers.append((header.source, header.fps, header.image_size, header.extra))
        texts.append(out.read_text().splitlines()[1:])  # the header's creation time differs
    assert headers[0] == headers[1] == ("video:index.avi", 30.0, SIZE,
                                        {"needs": "body", "smoothed": False})
    assert texts[0] == texts[1]  # unsmoothed, the same model: byte for byte
