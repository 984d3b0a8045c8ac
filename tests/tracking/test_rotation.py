"""Phone clips are stored sideways with a rotation in the MP4 header; sources must give them
upright, and `track` / `count` must see the child upright.

The clip is real: an upright portrait picture (Grace Hopper's photograph plus a red marker in its
top-left corner) is turned a quarter turn and written with cv2.VideoWriter (mp4v), then the video
track's `tkhd` matrix is patched to say "turn 90 degrees clockwise for display", exactly as a phone
writes it.  Plain OpenCV confirms the clip is sideways on disk and carries the rotation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytest

from game.cli import main
from tracking.landmarks import Body
from tracking.recording import read_recording
from tracking.sources.video import VideoFileSource, rotation_code
from tracking.testclips import NOSE_IN_PHOTO, person_photo, set_mp4_rotation

UPRIGHT = (360, 480)  # width, height as the child stood: portrait
FRAMES = 12
MARKER = 40  # red square, pixels, in the upright picture's top-left corner
NOSE_TOLERANCE = 0.03  # as in test_real_person.py


@dataclass(frozen=True)
class RotatedClip:
    path: Path
    degrees: int
    upright: list[np.ndarray]  # BGR pictures as they should come out
    nose_screen: np.ndarray  # (frames, 2) normalised, mirrored like a PoseFrame


def _upright_frames() -> tuple[list[np.ndarray], np.ndarray]:
    photo = person_photo()
    w, h = UPRIGHT
    scale = 0.6
    pictures, noses = [], []
    for i in range(FRAMES):
        x0, y0 = 10.0 + 3.0 * i, h - photo.shape[0] * scale  # standing on the bottom edge
        m = np.array([[scale, 0.0, x0], [0.0, scale, y0]])
        picture = cv2.warpAffine(photo, m, (w, h), flags=cv2.INTER_AREA,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=(170, 160, 150))
        picture[:MARKER, :MARKER] = (0, 0, 255)
        pictures.append(picture)
        nx, ny = x0 + scale * NOSE_IN_PHOTO[0], y0 + scale * NOSE_IN_PHOTO[1]
        noses.append((1.0 - nx / w, ny / h))
    return pictures, np.array(noses)


def make_rotated_clip(path: Path, degrees: int) -> RotatedClip:
    """Store the upright pictures turned back by `degrees`, and say `degrees` in the header."""
    upright, noses = _upright_frames()
    undo = {90: cv2.ROTATE_90_COUNTERCLOCKWISE, 180: cv2.ROTATE_180,
            270: cv2.ROTATE_90_CLOCKWISE}[degrees]
    stored = [cv2.rotate(p, undo) for p in upright]
    size = (stored[0].shape[1], stored[0].shape[0])
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 30.0, size)
    assert writer.isOpened()
    for picture in stored:
        writer.write(picture)
    writer.release()
    set_mp4_rotation(path, degrees)
    return RotatedClip(path, degrees, upright, noses)


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[int, RotatedClip]:
    folder = tmp_path_factory.mktemp("rotated")
    return {d: make_rotated_clip(folder / f"phone{d}.mp4", d) for d in (90, 180, 270)}


def _read_all(source: VideoFileSource) -> list[np.ndarray]:
    source.open()
    pictures = []
    while (grab := source.read()) is not None:
        assert grab.image is not None
        pictures.append(grab.image)
    source.close()
    return pictures


def _red(picture: np.ndarray) -> np.ndarray:
    return (picture[:, :, 2] > 200) & (picture[:, :, 1] < 80) & (picture[:, :, 0] < 80)


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_the_clip_is_stored_sideways_with_rotation_metadata(clips: dict[int, RotatedClip],
                                                            degrees: int) -> None:
    """Plain OpenCV (no auto-rotation) reads the pixels as stored and reports the rotation."""
    cap = cv2.VideoCapture(str(clips[degrees].path))
    assert cap.get(cv2.CAP_PROP_ORIENTATION_META) == degrees
    ok, raw = cap.read()
    cap.release()
    assert ok
    w, h = UPRIGHT
    assert raw.shape[:2] == ((w, h) if degrees in (90, 270) else (h, w))
    assert not _red(raw)[:MARKER // 2, :MARKER // 2].any()  # the marker is not top-left on disk


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_video_source_gives_upright_pictures(clips: dict[int, RotatedClip], degrees: int) -> None:
    clip = clips[degrees]
    source = VideoFileSource(clip.path, realtime=False)
    pictures = _read_all(source)
    assert source.image_size == UPRIGHT
    assert len(pictures) == FRAMES
    for got, want in zip(pictures, clip.upright, strict=True):
        assert got.shape == want.shape
        assert _red(got)[: MARKER - 4, : MARKER - 4].all()  # the marker is top-left again
        # mp4v is lossy: the same picture, give or take compression
        assert np.abs(got.astype(int) - want.astype(int)).mean() < 6.0


@pytest.mark.parametrize("degrees", [90, 270])
def test_fallback_turns_pictures_when_the_backend_cannot(clips: dict[int, RotatedClip],
                                                         degrees: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A backend that refuses CAP_PROP_ORIENTATION_AUTO: the source turns the pictures itself by
    CAP_PROP_ORIENTATION_META, and gets exactly what FFmpeg's own rotation gives."""
    clip = clips[degrees]
    auto = _read_all(VideoFileSource(clip.path, realtime=False))
    real = cv2.VideoCapture

    class NoAutoRotation:
        def __init__(self, *args: object) -> None:
            self._cap = real(*args)

        def set(self, prop: int, value: float) -> bool:
            if prop == cv2.CAP_PROP_ORIENTATION_AUTO:
                return False
            return self._cap.set(prop, value)

        def __getattr__(self, name: str) -> object:
            return getattr(self._cap, name)

    monkeypatch.setattr(cv2, "VideoCapture", NoAutoRotation)
    source = VideoFileSource(clip.path, realtime=False, loop=True)
    turned = [source.read().image for _ in range(FRAMES + 2)]  # type: ignore[union-attr]
    source.close()
    assert source.image_size == UPRIGHT
    for a, b in zip(auto, turned, strict=False):
        assert np.array_equal(a, b)
    assert np.array_equal(turned[FRAMES], auto[0])  # looping rewinds upright too


def test_rotation_codes() -> None:
    assert rotation_code(0) is None and rotation_code(45) is None
    assert rotation_code(90) == cv2.ROTATE_90_CLOCKWISE
    assert rotation_code(-90) == rotation_code(270) == cv2.ROTATE_90_COUNTERCLOCKWISE
    assert rotation_code(180) == cv2.ROTATE_180


def test_set_mp4_rotation_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="multiple of 90"):
        set_mp4_rotation(tmp_path / "x.mp4", 45)
    text = tmp_path / "notes.mp4"
    text.write_bytes(b"\x00\x00\x00\x10abcdabcdabcd")
    with pytest.raises(ValueError, match="no video track"):
        set_mp4_rotation(text, 90)


def _nose_errors(frames: list, truth: np.ndarray) -> np.ndarray:
    return np.array([np.hypot(*(f.body[Body.NOSE, :2] - truth[i]))
                     for i, f in enumerate(frames) if f.body is not None])


def test_count_sees_the_phone_clip_upright(clips: dict[int, RotatedClip]) -> None:
    """`count` tracks video through track_video: real MediaPipe must find the nose where the
    upright picture has it (a sideways picture would put it elsewhere, or nowhere)."""
    from game.commands.activity_cmds import track_video

    clip = clips[90]
    frames = track_video(clip.path, "body")
    assert len(frames) == FRAMES and all(f.image_size == UPRIGHT for f in frames)
    errors = _nose_errors(frames, clip.nose_screen)
    assert len(errors) >= 0.9 * FRAMES
    assert errors.max() <= NOSE_TOLERANCE, errors.round(3)


def test_track_writes_upright_landmarks(clips: dict[int, RotatedClip], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    clip = clips[90]
    out = tmp_path / "phone.landmarks.jsonl"
    assert main(["track", str(clip.path), "-o", str(out), "--no-smooth"]) == 0
    assert f"body found in {FRAMES}/{FRAMES} frames" in capsys.readouterr().out
    header, frames = read_recording(out)
    assert header.image_size == UPRIGHT
    errors = _nose_errors(frames, clip.nose_screen)
    assert len(errors) == FRAMES and errors.max() <= NOSE_TOLERANCE, errors.round(3)
