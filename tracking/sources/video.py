"""VideoFileSource: a video file read like a camera (realtime) or frame by frame (offline)."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import numpy as np

from tracking.quiet import quiet_stderr
from tracking.sources.base import Grab, SourceError

DEFAULT_FPS = 30.0


def rotation_code(degrees: float) -> int | None:
    """The cv2.rotate code that turns a stored picture upright, for a clip whose rotation
    metadata says `degrees` (FFmpeg's display rotation, clockwise; as CAP_PROP_ORIENTATION_META
    reports it); None when no turn is needed or the angle is not a quarter turn."""
    import cv2

    quarter = int(round(degrees)) % 360
    return {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
            270: cv2.ROTATE_90_COUNTERCLOCKWISE}.get(quarter)


def _auto_orientation(cap: Any) -> int | None:
    """Ask the backend to apply the clip's rotation itself; if it cannot (an OpenCV build or
    backend without CAP_PROP_ORIENTATION_AUTO), return the rotation we must apply ourselves."""
    import cv2

    meta = float(cap.get(cv2.CAP_PROP_ORIENTATION_META) or 0.0) \
        if hasattr(cv2, "CAP_PROP_ORIENTATION_META") else 0.0
    if hasattr(cv2, "CAP_PROP_ORIENTATION_AUTO") and cap.set(cv2.CAP_PROP_ORIENTATION_AUTO, 1) \
            and cap.get(cv2.CAP_PROP_ORIENTATION_AUTO) == 1:
        return None
    return rotation_code(meta)


class VideoFileSource:
    """Frames of a video file, upright (rotation metadata applied).

    Phones store portrait clips sideways with a rotation in the video track's header (the
    `tkhd` matrix).  OpenCV ignores it unless CAP_PROP_ORIENTATION_AUTO is set, which the FFmpeg
    backend of opencv-contrib-python 4.11 honours; where a backend refuses that property, the
    source turns each picture itself by CAP_PROP_ORIENTATION_META (tests/tracking/test_rotation.py
    covers both paths with a real rotated MP4).

    realtime=True behaves like a camera: frames are paced at the file's fps, `t` is the
    monotonic grab time, and a reader that falls behind skips the frames it missed (counted in
    `frames_skipped`) instead of drifting late.  realtime=False gives every frame, as fast as
    asked, with `t` = frame index / fps, so results do not depend on this machine's speed.
    """

    reconnect = False

    def __init__(self, path: str | Path, realtime: bool = True, loop: bool = False) -> None:
        self.path = Path(path)
        self.realtime = realtime
        self.loop = loop
        self.name = f"video:{self.path.name}"
        self.fps = DEFAULT_FPS
        self.image_size: tuple[int, int] = (0, 0)
        self.frame_count = 0  # as the container claims; may be 0 or approximate
        self.frames_skipped = 0
        self._cap: Any = None
        self._pending: np.ndarray | None = None
        self._file_index = 0  # next frame index within the file
        self._served = 0  # frames handed out (continues across loops)
        self._t0 = 0.0
        self._rotate: int | None = None  # cv2.rotate code when the backend cannot turn frames

    def _upright(self, image: np.ndarray) -> np.ndarray:
        if self._rotate is None:
            return image
        import cv2

        return cv2.rotate(image, self._rotate)

    def _open_capture(self) -> Any:
        import cv2

        if not self.path.exists():
            raise SourceError(f"video file not found: {self.path}")
        if not self.path.is_file():
            raise SourceError(f"not a video file: {self.path}")
        try:
            with self.path.open("rb"):
                pass
        except OSError as exc:
            raise SourceError(f"cannot read video file {self.path}: {exc.strerror}") from None
        old = cv2.getLogLevel()
        cv2.setLogLevel(0)
        try:
            with quiet_stderr():  # FFmpeg prints its own complaints about damaged files
                cap = cv2.VideoCapture(str(self.path))
        finally:
            cv2.setLogLevel(old)
        if not cap.isOpened():
            cap.release()
            raise SourceError(f"cannot open {self.path} as a video (unknown format or damaged)")
        self._rotate = _auto_orientation(cap)  # phone clips would come out sideways
        return cap

    def open(self) -> None:
        if self._cap is not None:
            return
        import cv2

        cap = self._open_capture()
        fps = cap.get(cv2.CAP_PROP_FPS)
        self.fps = float(fps) if fps and math.isfinite(fps) and 1.0 <= fps <= 240.0 else DEFAULT_FPS
        self.frame_count = max(0, int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0))
        ok, first = cap.read()
        if not ok or first is None:
            cap.release()
            raise SourceError(f"cannot read any picture from {self.path} (unsupported or damaged video)")
        self._cap = cap
        first = self._upright(first)
        self._pending = first
        self.image_size = (first.shape[1], first.shape[0])  # after rotation, unlike FRAME_WIDTH
        self._file_index = 0
        self._served = 0
        self.frames_skipped = 0
        self._t0 = time.monotonic()

    def _next_image(self) -> np.ndarray | None:
        if self._pending is not None:
            image, self._pending = self._pending, None
            return image
        ok, image = self._cap.read()
        return self._upright(image) if ok else None

    def _rewind(self) -> bool:
        import cv2

        self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
        ok, image = self._cap.read()
        if not ok:
            return False
        self._pending = self._upright(image)
        self._file_index = 0
        return True

    def read(self) -> Grab | None:
        if self._cap is None:
            self.open()
        if self.realtime:
            self._keep_pace()
        image = self._next_image()
        if image is None:
            if not (self.loop and self._served and self._rewind()):
                return None
            image = self._next_image()
            assert image is not None
        t = time.monotonic() if self.realtime else self._served / self.fps
        grab = Grab(t=t, index=self._served, image=image)
        self._file_index += 1
        self._served += 1
        return grab

    def _keep_pace(self) -> None:
        """Sleep until the next frame is due, or skip frames that are already late."""
        due = int((time.monotonic() - self._t0) * self.fps)
        while self._served < due:  # late: drop, as a camera would (grab() skips decoding)
            if self._pending is not None:
                self._pending = None
            elif not self._cap.grab():
                if not (self.loop and self._rewind()):
                    return
                self._pending = None
            self._file_index += 1
            self._served += 1
            self.frames_skipped += 1
        delay = self._t0 + self._served / self.fps - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
            self._pending = None
