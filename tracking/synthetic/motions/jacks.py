"""Jumping jacks at a steady tempo: arms from the sides to over the head while the feet jump
apart, and back.  Seated: the arms only.  Reps listed in `half` are half-moves (arms and legs
go only part of the way), which an activity must count as partial, never as reps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from tracking.synthetic.body import ArmPose, BodyPose, LegPose
from tracking.synthetic.motions.idle import RepScript, bump
from tracking.synthetic.source import MotionScript

ARM_REST = 8.0  # abduction at the sides, degrees
LEG_REST = 3.0  # leg abduction standing with the feet together, degrees


@dataclass(frozen=True)
class JumpingJacks(RepScript):
    """Peak angles are the script's known truth: `arm_peak` (or per side) is the shoulder
    abduction at the top of a full jack, `leg_peak` each leg's abduction."""

    tempo_s: float = 1.2
    arm_peak: float = 160.0
    left_arm_peak: float | None = None
    right_arm_peak: float | None = None
    leg_peak: float = 20.0
    hop: float = 0.015  # feet off the floor mid-jack, in body heights (0 seated)

    def peak(self, side: str) -> float:
        own = self.left_arm_peak if side == "left" else self.right_arm_peak
        return self.arm_peak if own is None else own

    def pose(self, index: int, phase: float, t: float) -> BodyPose:
        s = bump(phase) * self.amount(index)
        arms = [ArmPose(abduction=ARM_REST + (self.peak(side) - ARM_REST) * s, elbow=8.0)
                for side in ("left", "right")]
        base = self.rest(t)
        if self.seated:
            return base.with_arms(arms[0], arms[1])
        leg = LegPose(abduction=LEG_REST + (self.leg_peak - LEG_REST) * s)
        # A small jump carries the feet apart and back: off the floor around the middle of
        # each half of the movement.
        lift = self.hop * self.amount(index) * bump((2.0 * phase) % 1.0)
        return BodyPose(left_arm=arms[0], right_arm=arms[1], left_leg=leg, right_leg=leg,
                        lean=base.lean, lift=lift)


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "jumping_jacks": JumpingJacks,
    "jumping_jacks_half": partial(JumpingJacks, half=(2, 5, 8)),
    "jumping_jacks_seated": partial(JumpingJacks, seated=True),
}
