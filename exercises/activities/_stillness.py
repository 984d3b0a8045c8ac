"""Is the child standing (or sitting) still?  One rule for every body activity's ready gate, so
walking into place or stepping back is never taken for the start pose.

The trunk's centre -- the hip midpoint, or the shoulder midpoint while the hips are out of
sight (a child seated at a table) -- must stay within LIMIT torso lengths over the last
WINDOW_S.  The means of the first and last few samples are compared, so tracker noise does not
look like motion.  With too few samples to tell it says yes: the ready gate's hold time
(exercises.base.READY_HOLD_S, longer than the window) still stops a moving child.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from exercises.calibration import Calibration
from exercises.geometry import mid, shoulder_width, torso_length, visible
from tracking.frame import PoseFrame
from tracking.landmarks import Body

WINDOW_S = 0.6
LIMIT = 0.12  # torso lengths the trunk may drift over the window (walking moves it ~3x that)
HIPS = (Body.LEFT_HIP, Body.RIGHT_HIP)
SHOULDERS = (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER)


def _unit(frame: PoseFrame) -> float | None:
    """This frame's torso length; with the hips hidden, estimated from the shoulder width by a
    child's usual proportions."""
    torso = torso_length(frame)
    if torso:
        return torso
    width = shoulder_width(frame)
    if not width:
        return None
    usual = Calibration.default()
    return width * usual.torso / usual.shoulder_width


@dataclass
class Stillness:
    window_s: float = WINDOW_S
    limit: float = LIMIT
    points: deque[tuple[float, np.ndarray]] = field(default_factory=deque)
    anchor: tuple[Body, Body] | None = None  # what the points follow; a change starts afresh

    def still(self, frame: PoseFrame, t: float, unit: float | None = None) -> bool:
        """`unit`: the child's torso length if known (steadier than this frame's own)."""
        unit = unit or _unit(frame)
        anchor = HIPS if visible(frame, HIPS) else SHOULDERS if visible(frame, SHOULDERS) else None
        if anchor is None or not unit:
            self.points.clear()
            return False
        if anchor != self.anchor:
            self.points.clear()
            self.anchor = anchor
        self.points.append((t, mid(frame, *anchor)))
        while self.points and self.points[0][0] < t - self.window_s:
            self.points.popleft()
        if len(self.points) < 4:
            return True
        k = min(3, len(self.points) // 2)
        samples = [p for _, p in self.points]
        first, last = np.mean(samples[:k], axis=0), np.mean(samples[-k:], axis=0)
        return float(np.linalg.norm(last - first)) / unit <= self.limit


__all__ = ["LIMIT", "WINDOW_S", "Stillness"]
