"""One camera picture in the forms the models and the screen want, each converted at most once."""

from __future__ import annotations

from functools import cached_property

import numpy as np


class CameraImage:
    """A BGR picture as the camera saw it (unmirrored), with lazy RGB and mirrored-RGB views.

    Pose runs on `rgb` (unmirrored: its left/right labels are the person's own there); Hands
    runs on `mirrored_rgb` (its handedness assumes a selfie picture); the screen shows
    `mirrored_rgb`, so the child sees themselves as in a mirror.
    """

    def __init__(self, bgr: np.ndarray) -> None:
        self.bgr = bgr

    @property
    def size(self) -> tuple[int, int]:
        return (int(self.bgr.shape[1]), int(self.bgr.shape[0]))

    @cached_property
    def rgb(self) -> np.ndarray:
        import cv2

        return cv2.cvtColor(self.bgr, cv2.COLOR_BGR2RGB)

    @cached_property
    def mirrored_rgb(self) -> np.ndarray:
        import cv2

        return cv2.flip(self.rgb, 1)
