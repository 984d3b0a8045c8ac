"""WebcamSource: frames from a camera through OpenCV, stamped the moment they were grabbed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from tracking.quiet import quiet_stderr
from tracking.sources.base import Grab, SourceError


class Capture(Protocol):
    """The part of cv2.VideoCapture a source uses (tests pass a fake)."""

    def isOpened(self) -> bool: ...  # noqa: N802 - OpenCV's name
    def grab(self) -> bool: ...
    def retrieve(self) -> tuple[bool, np.ndarray | None]: ...
    def set(self, prop: int, value: float) -> bool: ...
    def get(self, prop: int) -> float: ...
    def release(self) -> None: ...


CaptureFactory = Callable[[int], Capture]


def open_camera_quietly(index: int) -> Any:
    """cv2.VideoCapture(index) without OpenCV's multi-line warnings for a missing camera."""
    import cv2

    old = cv2.getLogLevel()
    cv2.setLogLevel(0)  # silent
    try:
        with quiet_stderr():
            return cv2.VideoCapture(index)
    finally:
        cv2.setLogLevel(old)


class WebcamSource:
    """A live camera.  `reconnect` tells the tracker to retry when the camera is lost."""

    realtime = True
    reconnect = True

    def __init__(self, index: int = 0, width: int = 640, height: int = 480, fps: float = 30.0,
                 capture_factory: CaptureFactory | None = None) -> None:
        self.index = index
        self.requested = (width, height)
        self.fps = float(fps)
        self.image_size: tuple[int, int] = (width, height)
        self.name = f"webcam:{index}"
        self._factory: CaptureFactory = capture_factory or open_camera_quietly
        self._cap: Capture | None = None
        self._count = 0

    def open(self) -> None:
        if self._cap is not None:
            return
        cap = self._factory(self.index)
        if not cap.isOpened():
            cap.release()
            raise SourceError(f"no camera at index {self.index}")
        import cv2

        w, h = self.requested
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, w)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, h)
        cap.set(cv2.CAP_PROP_FPS, self.fps)
        real_w, real_h = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
        if real_w > 0 and real_h > 0:
            self.image_size = (real_w, real_h)
        real_fps = cap.get(cv2.CAP_PROP_FPS)
        if 1.0 <= real_fps <= 240.0:
            self.fps = float(real_fps)
        self._cap = cap

    def read(self) -> Grab | None:
        if self._cap is None:
            self.open()
        assert self._cap is not None
        if not self._cap.grab():
            raise SourceError(f"camera {self.index} stopped sending pictures")
        t = time.monotonic()  # as close to the exposure as OpenCV lets us get
        ok, image = self._cap.retrieve()
        if not ok or image is None:
            raise SourceError(f"camera {self.index} stopped sending pictures")
        self.image_size = (image.shape[1], image.shape[0])
        grab = Grab(t=t, index=self._count, image=image)
        self._count += 1
        return grab

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
