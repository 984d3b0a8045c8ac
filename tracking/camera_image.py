"""One camera picture in the forms the models and the screen want, each converted at most once."""

from __future__ import annotations

from functools import cached_property

import numpy as np

POSE_MAX_SIDE = 640  # pixels; see CameraImage


class CameraImage:
    """A BGR picture as the camera saw it (unmirrored), with lazy RGB and mirrored-RGB views.

    Pose runs on `rgb` (unmirrored: its left/right labels are the person's own there); Hands
    runs on `mirrored_rgb` (its handedness assumes a selfie picture); the screen shows
    `mirrored_rgb`, so the child sees themselves as in a mirror.

    Pose actually gets `pose_rgb`: `rgb` shrunk so its longer side is at most POSE_MAX_SIDE.
    The pose models see 224x224 (detector) and 256x256 (landmarks around the person) anyway,
    so a 1280x720 picture only costs MediaPipe copying and resampling: at 640x360 a frame
    takes ~20 ms instead of ~25 ms on 2 cores, and landmarks of visible joints agree with the
    full-size ones within 0.002 (median) of the picture (measured on the test clip).  Hands
    keep the full picture: a hand is small, and its model needs every pixel of it.
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

    @cached_property
    def pose_rgb(self) -> np.ndarray:
        import cv2

        w, h = self.size
        scale = POSE_MAX_SIDE / max(w, h)
        if scale >= 1.0:
            return self.rgb
        small = cv2.resize(self.bgr, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
        return cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
