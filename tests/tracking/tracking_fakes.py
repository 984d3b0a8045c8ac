"""Test doubles shared by the tracking tests (a fake OpenCV capture)."""

from __future__ import annotations

import cv2
import numpy as np


class FakeCapture:
    """Stands in for cv2.VideoCapture: `frames` pictures, then the camera 'fails'."""

    def __init__(self, opened: bool = True, frames: int = 1_000_000, size: tuple[int, int] = (320, 240)) -> None:
        self.opened, self.left, self.size = opened, frames, size
        self.props: dict[int, float] = {}
        self.released = False

    def isOpened(self) -> bool:  # noqa: N802
        return self.opened

    def grab(self) -> bool:
        if self.left <= 0:
            return False
        self.left -= 1
        return True

    def retrieve(self) -> tuple[bool, np.ndarray | None]:
        w, h = self.size
        return True, np.zeros((h, w, 3), np.uint8)

    def set(self, prop: int, value: float) -> bool:
        self.props[prop] = value
        return True

    def get(self, prop: int) -> float:
        return {cv2.CAP_PROP_FRAME_WIDTH: self.size[0], cv2.CAP_PROP_FRAME_HEIGHT: self.size[1],
                cv2.CAP_PROP_FPS: 30.0}.get(prop, 0.0)

    def release(self) -> None:
        self.released = True
