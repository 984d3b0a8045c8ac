"""Landmark recordings: a replay gives back exactly what was written; bad files fail clearly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tracking.frame import Hand, PoseFrame
from tracking.recording import RecordingError, RecordingWriter, read_recording
from tracking.sources.replay import ReplaySource

SIZE = (640, 480)


def _frames(n: int = 20) -> list[PoseFrame]:
    rng = np.random.default_rng(3)
    out = []
    for i in range(n):
        body = None if i % 7 == 3 else rng.random((33, 4))  # some frames with nobody
        if i % 5 == 1:
            body = rng.random((33, 4)).astype(np.float32).astype(np.float64)
        hands = ()
        if i % 2:
            hands = (Hand(rng.random((21, 3)), "left", float(rng.random())),
                     Hand(rng.random((21, 3)) * 1e-7, "right", 0.5))
        out.append(PoseFrame(seq=i, t=i / 30 + 1e-9 * i, body=body, hands=hands,
                             image_size=SIZE, source="webcam:0"))
    return out


def _write(path: Path, frames: list[PoseFrame]) -> None:
    with RecordingWriter(path, source="webcam:0", fps=30.0, image_size=SIZE) as w:
        for f in frames:
            w.write(f)


def _assert_same(a: PoseFrame, b: PoseFrame) -> None:
    assert (a.seq, a.t, a.image_size, a.source) == (b.seq, b.t, b.image_size, b.source)
    if a.body is None:
        assert b.body is None
    else:
        assert b.body is not None and np.array_equal(a.body, b.body)
    assert len(a.hands) == len(b.hands)
    for ha, hb in zip(a.hands, b.hands, strict=True):
        assert (ha.side, ha.score) == (hb.side, hb.score)
        assert np.array_equal(ha.points, hb.points)


@pytest.mark.parametrize("name", ["rec.landmarks.jsonl", "rec.landmarks.jsonl.gz"])
def test_replay_gives_back_exactly_the_frames_recorded(tmp_path: Path, name: str) -> None:
    frames = _frames()
    path = tmp_path / name
    _write(path, frames)
    source = ReplaySource(path)
    source.open()
    assert source.image_size == SIZE and source.fps == 30.0
    replayed = []
    while (grab := source.read()) is not None:
        assert grab.image is None and grab.frame is not None and grab.t == grab.frame.t
        replayed.append(grab.frame)
    source.close()
    assert len(replayed) == len(frames)
    for a, b in zip(frames, replayed, strict=True):
        _assert_same(a, b)


def test_header_keeps_extra_keys(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    with RecordingWriter(path, "video:x.mp4", 25.0, (320, 240), needs="both") as w:
        w.write(PoseFrame(0, 0.0, image_size=(320, 240)))
    header, frames = read_recording(path)
    assert header.extra == {"needs": "both"} and header.fps == 25.0 and len(frames) == 1


def test_looping_replay_keeps_time_moving_forward(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    _write(path, _frames(3))
    source = ReplaySource(path, loop=True)
    ts = [source.read().t for _ in range(7)]  # type: ignore[union-attr]
    assert all(b > a for a, b in zip(ts, ts[1:], strict=False))


def test_realtime_replay_restamps_with_grab_time(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    frames = _frames(3)
    _write(path, frames)
    source = ReplaySource(path, realtime=True)
    grabs = [source.read() for _ in range(3)]
    assert all(g is not None and g.frame is not None and g.frame.t == g.t for g in grabs)
    assert np.array_equal(grabs[2].frame.body, frames[2].body)  # type: ignore[union-attr]
    assert source.read() is None


def _header(**changes: object) -> str:
    header = {"format": "wigglequest-landmarks", "version": 1, "source": "x", "fps": 30,
              "image_size": [640, 480], "created": ""}
    header.update(changes)
    return json.dumps(header) + "\n"


def test_newer_version_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "new.jsonl"
    path.write_text(_header(version=2) + '{"seq":0,"t":0,"body":null,"hands":[]}\n')
    with pytest.raises(RecordingError, match="newer Wiggle Quest .*version 2.*update"):
        ReplaySource(path).open()


@pytest.mark.parametrize("content, match", [
    ("hello\n", "not a Wiggle Quest landmark recording"),
    ("", "not a Wiggle Quest landmark recording"),
    (_header() + '{"seq":0,"t":0,"body":null,"hands":[]}\n{"seq":1,"t":0.03,"bo', "damaged at line 3"),
    (_header() + '{"seq":0,"t":0,"body":[[1,2]],"hands":[]}\n', "damaged at line 2"),
    (_header() + '{"seq":0,"t":0,"body":null,"hands":[{"side":"up","score":1,"points":'
     + json.dumps([[0, 0, 0]] * 21) + "}]}\n", "damaged at line 2"),
    (_header(fps="fast"), "damaged header"),
])
def test_corrupt_recording_gives_a_clear_error(tmp_path: Path, content: str, match: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(RecordingError, match=match) as info:
        read_recording(path)
    assert "\n" not in str(info.value)


def test_binary_garbage_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.jsonl.gz"
    path.write_bytes(b"\x00\xff not gzip at all")
    with pytest.raises(RecordingError, match="not a Wiggle Quest"):
        read_recording(path)
    with pytest.raises(RecordingError, match="not found"):
        read_recording(tmp_path / "missing.jsonl")


def test_truncated_gzip_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl.gz"
    _write(path, _frames(30))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(RecordingError, match="damaged"):
        read_recording(path)
