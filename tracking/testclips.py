"""A real person on video without a webcam: clips made from a photograph matplotlib ships.

`make_person_clip` slides and scales Grace Hopper's portrait (matplotlib's
``sample_data/grace_hopper.jpg``) across a plain background with cv2.VideoWriter and returns the
known motion, so tests, benchmarks and the doctor can run real MediaPipe on a real face and body
and check where it says the nose is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

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


def render_person_frame(photo: np.ndarray, scale: float, offset: tuple[float, float],
                        size: tuple[int, int]) -> np.ndarray:
    import cv2

    w, h = size
    # Place by an affine warp so sub-pixel offsets are exact (no rounding of the truth).
    m = np.array([[scale, 0.0, offset[0]], [0.0, scale, offset[1]]], dtype=np.float64)
    return cv2.warpAffine(photo, m, (w, h), flags=cv2.INTER_AREA,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=(170, 160, 150))


def make_person_clip(path: str | Path, frames: int = 45, size: tuple[int, int] = (640, 480),
                     fps: float = 30.0) -> ClipTruth:
    """Write the clip (.mp4 uses mp4v, .avi uses MJPG) and return its known motion."""
    import cv2

    path = Path(path)
    fourcc = cv2.VideoWriter_fourcc(*("MJPG" if path.suffix.lower() == ".avi" else "mp4v"))
    writer = cv2.VideoWriter(str(path), fourcc, fps, size)
    if not writer.isOpened():
        raise OSError(f"cannot write video {path}")
    photo = person_photo()
    scale, offset = person_motion(frames, size)
    try:
        for i in range(frames):
            writer.write(render_person_frame(photo, float(scale[i]), tuple(offset[i]), size))
    finally:
        writer.release()
    nose = offset + scale[:, None] * np.array(NOSE_IN_PHOTO)
    return ClipTruth(path=path, fps=fps, size=size, scale=scale, offset=offset, nose_px=nose)
