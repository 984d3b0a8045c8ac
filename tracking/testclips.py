"""A real person on video without a webcam: clips made from a photograph matplotlib ships.

`make_person_clip` slides and scales Grace Hopper's portrait (matplotlib's
``sample_data/grace_hopper.jpg``) across a plain background with cv2.VideoWriter and returns the
known motion, so tests, benchmarks and the doctor can run real MediaPipe on a real face and body
and check where it says the nose is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

Motion = Callable[[int, tuple[int, int]], tuple[np.ndarray, np.ndarray]]
PHOTO_SIZE = (512, 600)  # width, height of grace_hopper.jpg
# Nose tip in the photo, pixels.  Measured once with MediaPipe Pose (static mode, complexity 1)
# on the untouched photo and checked by eye: it sits on the nose, between the lenses.
NOSE_IN_PHOTO = (269.8, 225.2)


def person_photo_path() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "sample_data" / "grace_hopper.jpg"


def person_photo() -> np.ndarray:
    """The portrait as a BGR array (600 x 512).  Raises OSError if matplotlib lacks it."""
    import cv2

    path = person_photo_path()
    image = cv2.imread(str(path))
    if image is None:
        raise OSError(f"cannot read {path}")
    return image


@dataclass(frozen=True)
class ClipTruth:
    """Where the photo was in each frame, and so where the nose was.

    `nose_px` is in raw (unmirrored) image pixels; `nose_screen` is normalised and mirrored
    like a PoseFrame (x -> 1 - x), which is what the tracker must report.
    """

    path: Path
    fps: float
    size: tuple[int, int]  # width, height
    scale: np.ndarray  # (frames,) photo scale per frame
    offset: np.ndarray  # (frames, 2) top-left corner of the photo, raw pixels
    nose_px: np.ndarray  # (frames, 2)

    @property
    def frames(self) -> int:
        return len(self.scale)

    @property
    def nose_screen(self) -> np.ndarray:
        w, h = self.size
        return np.column_stack([1.0 - self.nose_px[:, 0] / w, self.nose_px[:, 1] / h])


def person_motion(frames: int, size: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Scale and top-left offset per frame: the person walks left to right (raw) and nears."""
    w, h = size
    s = np.linspace(0.55, 0.75, frames)
    photo_w, photo_h = PHOTO_SIZE[0] * s, PHOTO_SIZE[1] * s
    # Centre x travels from 35% to 65% of the width; the photo stands on the bottom edge.
    cx = np.linspace(0.35, 0.65, frames) * w
    x0 = cx - photo_w / 2
    y0 = h - photo_h
    return s, np.column_stack([x0, y0])


def bobbing_motion(frames: int, size: tuple[int, int], bobs: int = 3, rise_px: float = 60.0,
                   still_frames: int = 8, scale: float = 0.6) -> tuple[np.ndarray, np.ndarray]:
    """Scale and top-left offset per frame: the person stands still, then rises `rise_px` and
    comes back down `bobs` times (smooth up-and-down, like a hop seen from the chest up), then
    stands still again.  `frames` includes `still_frames` of standing before and after."""
    w, h = size
    moving = frames - 2 * still_frames
    if moving < bobs * 4:
        raise ValueError("too few frames for that many bobs")
    rise = np.zeros(frames)
    u = np.arange(moving) / moving * bobs  # bobs completed so far
    rise[still_frames:still_frames + moving] = 0.5 - 0.5 * np.cos(2 * np.pi * u)
    photo_w, photo_h = PHOTO_SIZE[0] * scale, PHOTO_SIZE[1] * scale
    x0 = np.full(frames, (w - photo_w) / 2)
    y0 = h - photo_h - rise_px * rise
    return np.full(frames, scale), np.column_stack([x0, y0])


def render_person_frame(photo: np.ndarray, scale: float, offset: tuple[float, float],
                        size: tuple[int, int]) -> np.ndarray:
    import cv2

    w, h = size
    # Place by an affine warp so sub-pixel offsets are exact (no rounding of the truth).
    m = np.array([[scale, 0.0, offset[0]], [0.0, scale, offset[1]]], dtype=np.float64)
    return cv2.warpAffine(photo, m, (w, h), flags=cv2.INTER_AREA,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=(170, 160, 150))


def make_person_clip(path: str | Path, frames: int = 45, size: tuple[int, int] = (640, 480),
                     fps: float = 30.0, motion: Motion | None = None) -> ClipTruth:
    """Write the clip (.mp4 uses mp4v, .avi uses MJPG) and return its known motion.

    `motion(frames, size)` gives the photo's scale and top-left offset per frame (default
    `person_motion`: walking across and nearing; `bobbing_motion`: rising and sinking)."""
    import cv2

    path = Path(path)
    fourcc = cv2.VideoWriter_fourcc(*("MJPG" if path.suffix.lower() == ".avi" else "mp4v"))
    writer = cv2.VideoWriter(str(path), fourcc, fps, size)
    if not writer.isOpened():
        raise OSError(f"cannot write video {path}")
    photo = person_photo()
    scale, offset = (motion or person_motion)(frames, size)
    try:
        for i in range(frames):
            writer.write(render_person_frame(photo, float(scale[i]), tuple(offset[i]), size))
    finally:
        writer.release()
    nose = offset + scale[:, None] * np.array(NOSE_IN_PHOTO)
    return ClipTruth(path=path, fps=fps, size=size, scale=scale, offset=offset, nose_px=nose)


# --- rotated clips, as phones store them ---------------------------------------------------------

_CONTAINERS = (b"moov", b"trak", b"mdia")
_ONE, _W = 0x00010000, 0x40000000  # 1.0 in 16.16 and in 2.30 fixed point
# ISO 14496-12 track matrices (a, b, u, c, d, v, x, y, w) for a display turn clockwise by the key.
_MATRICES: dict[int, tuple[int, ...]] = {
    0: (_ONE, 0, 0, 0, _ONE, 0, 0, 0, _W),
    90: (0, _ONE, 0, -_ONE, 0, 0, 0, 0, _W),
    180: (-_ONE, 0, 0, 0, -_ONE, 0, 0, 0, _W),
    270: (0, -_ONE, 0, _ONE, 0, 0, 0, 0, _W),
}


def _boxes(data: bytes | bytearray, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, start of content, end) of the MP4 boxes directly inside data[start:end]."""
    import struct

    out = []
    i = start
    while i + 8 <= end:
        size, kind = struct.unpack(">I4s", data[i:i + 8])
        head = 8
        if size == 1:
            size, head = struct.unpack(">Q", data[i + 8:i + 16])[0], 16
        elif size == 0:
            size = end - i
        if size < head:
            raise ValueError("damaged MP4 box")
        out.append((kind, i + head, i + size))
        i += size
    return out


def set_mp4_rotation(path: str | Path, degrees: int) -> None:
    """Rewrite the video track's `tkhd` matrix of an MP4 in place so players (and FFmpeg) turn
    the picture `degrees` clockwise for display -- what a phone does instead of rotating pixels.
    Only the 36 matrix bytes change; the file stays the same length."""
    import struct

    if degrees % 360 not in _MATRICES:
        raise ValueError(f"rotation must be a multiple of 90 degrees, got {degrees}")
    path = Path(path)
    data = bytearray(path.read_bytes())
    for kind, start, end in _boxes(data, 0, len(data)):
        if kind != b"moov":
            continue
        for trak_kind, t_start, t_end in _boxes(data, start, end):
            if trak_kind != b"trak":
                continue
            inside = {k: (s, e) for k, s, e in _boxes(data, t_start, t_end)}
            mdia = inside.get(b"mdia")
            hdlr = mdia and {k: (s, e) for k, s, e in _boxes(data, *mdia)}.get(b"hdlr")
            if not hdlr or data[hdlr[0] + 8:hdlr[0] + 12] != b"vide" or b"tkhd" not in inside:
                continue
            tkhd = inside[b"tkhd"][0]
            matrix_at = tkhd + (52 if data[tkhd] == 1 else 40)  # after the version-sized times
            data[matrix_at:matrix_at + 36] = struct.pack(">9i", *_MATRICES[degrees % 360])
            path.write_bytes(bytes(data))
            return
    raise ValueError(f"{path} has no video track to rotate")
