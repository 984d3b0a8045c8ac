"""The one record that crosses from tracking to everything else: what the camera saw, when."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from tracking.landmarks import BODY_COUNT, HAND_COUNT, Body, HandPoint

Handedness = Literal["left", "right"]


@dataclass(frozen=True)
class Hand:
    """One tracked hand.

    `points` is (21, 3): x, y in normalised screen coordinates (0..1, mirrored like the screen,
    y down) and z in MediaPipe's relative depth.  `side` is the child's own hand.
    """

    points: np.ndarray
    side: Handedness
    score: float = 1.0

    def __post_init__(self) -> None:
        if self.points.shape != (HAND_COUNT, 3):
            raise ValueError(f"hand points must be ({HAND_COUNT}, 3), got {self.points.shape}")

    def xy(self, point: HandPoint) -> np.ndarray:
        return self.points[int(point), :2]


@dataclass(frozen=True)
class PoseFrame:
    """One processed camera frame.

    seq increases by one per processed camera frame; t is monotonic seconds taken when the
    frame was *grabbed* (not when it was processed), so activity timing does not depend on
    inference speed.  `body` is (33, 4): x, y, z, visibility, normalised to the image and
    mirrored like the screen the child sees (the child's left hand appears on the screen's
    left, like a mirror).  Coordinates are in image units: x in 0..1 of the width, y in 0..1
    of the height.
    """

    seq: int
    t: float
    body: np.ndarray | None = None
    hands: tuple[Hand, ...] = ()
    image_size: tuple[int, int] = (640, 480)  # width, height
    source: str = ""

    def __post_init__(self) -> None:
        if self.body is not None and self.body.shape != (BODY_COUNT, 4):
            raise ValueError(f"body must be ({BODY_COUNT}, 4), got {self.body.shape}")

    @property
    def aspect(self) -> float:
        """Width over height: multiply x by this to measure distances in one unit."""
        w, h = self.image_size
        return w / h if h else 1.0

    def point(self, landmark: Body) -> np.ndarray | None:
        """(x, y) of a body landmark in height units (x scaled by aspect), or None if unseen."""
        if self.body is None:
            return None
        row = self.body[int(landmark)]
        return np.array([row[0] * self.aspect, row[1]])

    def visible(self, landmark: Body, threshold: float = 0.5) -> bool:
        return self.body is not None and float(self.body[int(landmark), 3]) >= threshold

    def hand(self, side: Handedness) -> Hand | None:
        for hand in self.hands:
            if hand.side == side:
                return hand
        return None


@dataclass
class TrackingStats:
    """Live figures the tracker publishes for the doctor, the HUD and the benchmarks."""

    camera_fps: float = 0.0
    processed_fps: float = 0.0
    inference_ms_p50: float = 0.0
    inference_ms_p95: float = 0.0
    latency_ms_p50: float = 0.0
    latency_ms_p95: float = 0.0
    frames_grabbed: int = 0
    frames_processed: int = 0
    frames_dropped: int = 0
    status: str = "starting"  # starting | running | camera lost | ended | error
    error: str = ""
    extra: dict[str, float] = field(default_factory=dict)
