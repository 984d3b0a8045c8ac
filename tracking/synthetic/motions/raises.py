"""Arm raises ("make a rainbow"): an arm sweeps out to the side and up over the head, then
back down.  `side` picks the left arm, the right arm, both together, or alternating arms.
Per-side peak angles let a test check an asymmetry index; reps in `half` are half-moves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from tracking.synthetic.body import ArmPose, BodyPose
from tracking.synthetic.motions.idle import RepScript, bump
from tracking.synthetic.source import MotionScript

ARM_REST = 8.0


@dataclass(frozen=True)
class ArmRaises(RepScript):
    """`reps` raise movements; with side="alternate" they go left, right, left, ...
    `left_peak`/`right_peak` are the abduction angles at the top (the known truth)."""

    tempo_s: float = 2.0
    side: str = "both"  # left | right | both | alternate
    left_peak: float = 160.0
    right_peak: float = 160.0

    def arm_moves(self, index: int, side: str) -> bool:
        if self.side == "alternate":
            return (index % 2 == 0) == (side == "left")
        return self.side in (side, "both")

    def reps_by(self, side: str) -> int:
        """Full raises made by one arm."""
        return sum(1 for i in range(self.reps) if i not in self.half and self.arm_moves(i, side))

    def pose(self, index: int, phase: float, t: float) -> BodyPose:
        base = self.rest(t)
        s = bump(phase) * self.amount(index)
        arms = []
        for side, rest_arm in (("left", base.left_arm), ("right", base.right_arm)):
            if not self.arm_moves(index, side):
                arms.append(rest_arm)
                continue
            peak = self.left_peak if side == "left" else self.right_peak
            # The elbow straightens as the arm rises, like a rainbow drawn with the hand.
            arms.append(ArmPose(abduction=ARM_REST + (peak - ARM_REST) * s, elbow=8.0 + 7.0 * s))
        return base.with_arms(arms[0], arms[1])


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "arm_raises": ArmRaises,
    "arm_raises_left": partial(ArmRaises, side="left"),
    "arm_raises_right": partial(ArmRaises, side="right"),
    "arm_raises_alternate": partial(ArmRaises, side="alternate"),
    "arm_raises_seated": partial(ArmRaises, seated=True),
}
