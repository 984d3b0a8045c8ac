"""Frog squats: knees bend and open outward, hips sink, arms reach forward for balance, then
back up.  `knee_bend` (degrees of bend at the bottom; the knee's own angle is about 180 minus
that) sets the depth; reps in `half` only bend part of the way.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from tracking.synthetic.body import ArmPose, BodyPose, LegPose
from tracking.synthetic.motions.idle import RepScript, bump
from tracking.synthetic.source import MotionScript

THIGH_SHARE = 0.55  # thigh flexion as a share of the knee bend: the shins lean forward
FROG_OUT = 15.0  # knees open outward at the bottom, degrees of leg abduction


@dataclass(frozen=True)
class Squats(RepScript):
    tempo_s: float = 2.0
    knee_bend: float = 90.0
    half_amount: float = 0.5

    def leg(self, s: float) -> LegPose:
        k = self.knee_bend * s
        return LegPose(abduction=3.0 + (FROG_OUT - 3.0) * s, flexion=THIGH_SHARE * k, knee=k)

    def knee_angle_at(self, s: float) -> float:
        """The knee's own angle (180 straight) at movement share s, exactly as rendered: the
        shin turns about the left-right axis, so the thigh's sideways part stays shared."""
        leg = self.leg(s)
        a, f, k = (math.radians(v) for v in (leg.abduction, leg.flexion, leg.knee))
        tx = math.sin(a) * math.cos(f)
        return 180.0 - math.degrees(math.acos(tx * tx + (1.0 - tx * tx) * math.cos(k)))

    @property
    def bottom_knee_deg(self) -> float:
        """The knee angle at the bottom of a full squat."""
        return self.knee_angle_at(1.0)

    def pose(self, index: int, phase: float, t: float) -> BodyPose:
        s = bump(phase) * self.amount(index)
        leg = self.leg(s)
        arm = ArmPose(abduction=8.0 + 10.0 * s, flexion=70.0 * s, elbow=8.0)
        return BodyPose(left_arm=arm, right_arm=arm, left_leg=leg, right_leg=leg,
                        lean=self.rest(t).lean)


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "squats": Squats,
    "squats_shallow": partial(Squats, knee_bend=45.0),
    "squats_half": partial(Squats, half=(1, 4)),
}
