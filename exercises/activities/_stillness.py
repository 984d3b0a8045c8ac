"""Is the child standing (or sitting) still?  One rule for every body activity's ready gate, so
walking into place or stepping back is never taken for the start pose.

The hip midpoint and the shoulder midpoint are each followed over the last WINDOW_S, and every
one of them seen often enough in that window must have stayed within LIMIT torso lengths.  Hips
show a child stepping about; shoulders are what is left when a table hides the hips.  Each keeps
its own window, so a landmark flickering in and out of sight never restarts a window.  The means
of the first and last few samples are compared, so tracker noise does not look like motion.
With too few samples to tell it says yes: the ready gate's hold time (exercises.base.
READY_HOLD_S, longer than the window) still stops a moving child.
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
MIN_SAMPLES = 4
ANCHORS: dict[str, tuple[Body, Body]] = {
    "hips": (Body.LEFT_HIP, Body.RIGHT_HIP),
    "shoulders": (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER),
}


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
    points: dict[str, deque[tuple[float, np.ndarray]]] = field(
        default_factory=lambda: {name: deque() for name in ANCHORS})

    def still(self, frame: PoseFrame, t: float, unit: float | None = None) -> bool:
        """`unit`: the child's torso length if known (steadier than this frame's own)."""
        unit = unit or _unit(frame)
        seen = [name for name, pair in ANCHORS.items() if visible(frame, pair)]
        for name, pair in ANCHORS.items():
            window = self.points[name]
            if name in seen:
                window.append((t, mid(frame, *pair)))
            while window and window[0][0] < t - self.window_s:
                window.popleft()
        if not seen or not unit:
            return False
        for window in self.points.values():
            if len(window) >= MIN_SAMPLES:
                k = min(3, len(window) // 2)
                samples = [p for _, p in window]
                first, last = np.mean(samples[:k], axis=0), np.mean(samples[-k:], axis=0)
                if float(np.linalg.norm(last - first)) / unit > self.limit:
                    return False
        return True


__all__ = ["LIMIT", "WINDOW_S", "Stillness"]
