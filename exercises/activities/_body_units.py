"""Body units for the gross-motor activities that need them (reach_stars, flamingo_balance,
copy_the_pose): taken from the game's Calibration when there is one, otherwise measured from
the frames in which the child held the start pose, so thresholds fit this child at this
camera distance.  Medians, so a noisy frame or two does not skew them."""

from __future__ import annotations

import statistics
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from exercises import geometry as g
from exercises.calibration import Calibration
from tracking.frame import PoseFrame
from tracking.landmarks import Body

SAMPLES = 30  # the last second or so of the start pose


@dataclass(frozen=True)
class Units:
    """Lengths in image-height units (see exercises.geometry)."""

    torso: float
    shoulder_width: float
    arm_left: float
    arm_right: float
    leg: float  # hip to ankle, standing

    def arm(self, side: str) -> float:
        return self.arm_left if side == "left" else self.arm_right

def from_calibration(cal: Calibration) -> Units:
    return Units(cal.torso, cal.shoulder_width, cal.arm_length_left, cal.arm_length_right,
                 cal.leg_length)


@dataclass
class UnitSampler:
    """Collects measurements frame by frame; `units()` gives medians, estimating whatever was
    never seen from child proportions (calibration's ratios)."""

    samples: dict[str, deque[float]] = field(default_factory=dict)

    def _add(self, name: str, value: float | None) -> None:
        if value is not None and value > 0:
            self.samples.setdefault(name, deque(maxlen=SAMPLES)).append(value)

    def add(self, frame: PoseFrame) -> None:
        self._add("torso", g.torso_length(frame))
        self._add("shoulder_width", g.shoulder_width(frame))
        for side in ("left", "right"):
            self._add(f"arm_{side}", g.arm_length(frame, side))
            self._add(f"leg_{side}", g.leg_length(frame, side))

    def clear(self) -> None:
        self.samples.clear()

    def _median(self, name: str) -> float | None:
        v = self.samples.get(name)
        return statistics.median(v) if v else None

    @property
    def empty(self) -> bool:
        return not self.samples

    def units(self) -> Units:
        d = Calibration.default()
        sw = self._median("shoulder_width")
        torso = self._median("torso")
        if sw is None and torso is not None:
            sw = torso * d.shoulder_width / d.torso
        sw = sw or d.shoulder_width
        torso = torso or sw * d.torso / d.shoulder_width
        arms = [self._median("arm_left"), self._median("arm_right")]
        known = [a for a in arms if a is not None]
        fallback = statistics.mean(known) if known else sw * d.arm_length / d.shoulder_width
        legs = [v for v in (self._median("leg_left"), self._median("leg_right")) if v is not None]
        leg = max(legs) if legs else torso * d.leg_length / d.torso
        return Units(torso, sw, arms[0] or fallback, arms[1] or fallback, leg)


def hip_mid(frame: PoseFrame) -> np.ndarray:
    return g.mid(frame, Body.LEFT_HIP, Body.RIGHT_HIP)
