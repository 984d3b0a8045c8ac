"""`wigglequest track`, `record` and `doctor`: real runs, and one clear line for bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.cli import main
from tracking.landmarks import Body
from tracking.recording import read_recording
from tracking.testclips import ClipTruth


def test_track_writes_a_recording_and_prints_a_summary(
    person_clip: ClipTruth, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "person.landmarks.jsonl"
    assert main(["track", str(person_clip.path), "-o", str(out), "--no-smooth"]) == 0
    printed = capsys.readouterr().out
    assert f"tracked person.mp4: {person_clip.frames} frames" in printed
    assert "body found in 45/45 frames (100.0%)" in printed
    assert "inference ms p50" in printed and f"wrote {out}" in printed

    header, frames = read_recording(out)
    assert header.source == "video:person.mp4" and header.image_size == person_clip.size
    assert header.extra == {"needs": "body", "smoothed": False}
    assert [f.seq for f in frames] == list(range(person_clip.frames))
    assert [f.t for f in frames] == [i / header.fps for i in range(person_clip.frames)]
    truth = person_clip.nose_screen
    raw_error = max(float(np.hypot(*(f.body[Body.NOSE, :2] - truth[f.seq]))) for f in frames  # type: ignore[index]
                    if f.body is not None)
    assert raw_error <= 0.02  # unsmoothed landmarks sit even closer to the truth


def test_track_default_output_goes_to_the_current_folder(
    person_clip: ClipTruth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    short = tmp_path / "short.avi"
    from tracking.testclips import make_person_clip

    make_person_clip(short, frames=4)
    monkeypatch.chdir(tmp_path)
    assert main(["track", str(short), "--hands"]) == 0
    assert "hands found in 0/4 frames" in capsys.readouterr().out
    header, frames = read_recording(tmp_path / "short.landmarks.jsonl")
    assert header.extra["needs"] == "both" and len(frames) == 4


def _one_error_line(capfd: pytest.CaptureFixture[str]) -> str:
    out, err = capfd.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].startswith("wigglequest: error: ")
    return lines[0]


def test_missing_video(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    assert main(["track", str(tmp_path / "missing.mp4")]) == 2
    assert "video file not found" in _one_error_line(capfd)


def test_unreadable_video(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "holiday.mp4"
    fake.write_text("this is not a video\n")
    assert main(["track", str(fake)]) == 2
    assert "cannot open" in _one_error_line(capfd)
    assert not (tmp_path / "holiday.landmarks.jsonl").exists()


def test_unwritable_output(person_clip: ClipTruth, tmp_path: Path,
                           capfd: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no" / "such" / "folder" / "x.jsonl"
    assert main(["track", str(person_clip.path), "-o", str(out)]) == 2
    assert "cannot write" in _one_error_line(capfd)


def test_camera_that_does_not_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["record", "--camera", "7"]) == 2
    assert _one_error_line(capfd) == "wigglequest: error: no camera at index 7"
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_doctor_reports_and_passes_without_a_camera(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor", "--cameras", "2"]) == 0  # mouse mode is enough to play
    out = capsys.readouterr().out
    assert "no working camera at indices 0-1" in out and "fix: plug in a webcam" in out
    for line in ("pose model", "hands model", "pose speed", "hands speed", "display", "sound",
                 "data folder"):
        assert line in out
    assert "ok       display" in out and "ok       data folder" in out
    assert "Result: ready to play with the mouse" in out


def test_doctor_fails_when_the_data_folder_is_not_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("WIGGLEQUEST_DATA_DIR", str(blocker / "data"))
    from game.commands import tracking_cmds

    monkeypatch.setattr(tracking_cmds, "_check_models_and_speed", lambda: [])  # keep it quick
    assert main(["doctor", "--cameras", "0"]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM  data folder" in out and "fix: set WIGGLEQUEST_DATA_DIR" in out


class _PersonCamera:
    """A fake capture showing the person at ~30 fps (OpenCV's VideoCapture interface)."""

    def __init__(self) -> None:
        from tracking.testclips import person_motion, person_photo, render_person_frame

        scale, offset = person_motion(1, (640, 480))
        self.picture = render_person_frame(person_photo(), float(scale[0]), tuple(offset[0]),
                                           (640, 480))

    def isOpened(self) -> bool:  # noqa: N802
        return True

    def grab(self) -> bool:
        import time

        time.sleep(1 / 30)
        return True

    def retrieve(self) -> tuple[bool, np.ndarray]:
        return True, self.picture.copy()

    def set(self, prop: int, value: float) -> bool:
        return True

    def get(self, prop: int) -> float:
        return 0.0

    def release(self) -> None:
        pass


def test_record_writes_landmarks_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from tracking.sources import webcam

    monkeypatch.setattr(webcam, "open_camera_quietly", lambda index: _PersonCamera())
    monkeypatch.chdir(tmp_path)
    assert main(["record", "--camera", "0", "--seconds", "0.6", "-o", "rec.jsonl"]) == 0
    out = capsys.readouterr().out
    assert "recording landmarks (no pictures) from camera 0" in out and "wrote rec.jsonl" in out
    header, frames = read_recording(tmp_path / "rec.jsonl")
    assert header.source == "webcam:0" and header.image_size == (640, 480)
    assert frames and all(f.body is not None for f in frames)
    assert [f.seq for f in frames] == list(range(len(frames)))
    assert [p.name for p in tmp_path.iterdir()] == ["rec.jsonl"]  # no picture anywhere
    import json

    lines = (tmp_path / "rec.jsonl").read_text().splitlines()
    assert set(json.loads(lines[0])) == {"format", "version", "source", "fps", "image_size",
                                         "created", "needs", "smoothed"}
    for line in lines[1:]:  # each frame holds landmarks and nothing else
        assert set(json.loads(line)) == {"seq", "t", "body", "hands"}
    assert max(len(line) for line in lines) < 5000  # ~33 x 4 numbers; a picture would be far more
