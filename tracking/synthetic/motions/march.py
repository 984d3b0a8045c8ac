"""Marching in place: knees lift one after the other at a cadence (steps per minute).  Standing,
the thigh rises to `lift` degrees of hip flexion with the shin hanging straight down; seated,
the knee rises `seated_lift` degrees above the chair.  Steps listed in `doubles` repeat the
previous leg (an alternation error); steps in `half` are low lifts (a half-move).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from tracking.synthetic.body import ArmPose, BodyPose, LegPose
from tracking.synthetic.motions.idle import RepScript, bump
from tracking.synthetic.source import MotionScript


@dataclass(frozen=True)
class March(RepScript):
    reps: int = 12  # steps, both legs together
    cadence: float = 100.0  # steps per minute
    lift: float = 70.0  # standing: hip flexion at the top of a step, degrees
    seated_lift: float = 30.0  # seated: flexion above the seated 90 degrees
    first: str = "left"
    doubles: tuple[int, ...] = ()
    half_amount: float = 0.0  # 0: a low lift that reaches about 40% of a full step's rise

    def amount(self, index: int) -> float:
        if index not in self.half:
            return 1.0
        return self.half_amount or (0.35 if self.seated else 0.6)

    def rep_durations(self) -> list[float]:
        return [60.0 / self.cadence] * self.reps

    def legs(self) -> list[str]:
        """Which leg makes each step."""
        out: list[str] = []
        leg = "right" if self.first == "left" else "left"  # flips before the first step
        for i in range(self.reps):
            if i not in self.doubles:
                leg = "left" if leg == "right" else "right"
            out.append(leg)
        return out

    def steps_by(self, side: str) -> int:
        """Full steps made by one leg."""
        return sum(1 for i, leg in enumerate(self.legs()) if leg == side and i not in self.half)

    def peak_flexion(self) -> float:
        """Hip flexion at the top of a full step (the known truth)."""
        return 90.0 + self.seated_lift if self.seated else self.lift

    def pose(self, index: int, phase: float, t: float) -> BodyPose:
        base = self.rest(t)
        s = bump(phase) * self.amount(index)
        if self.seated:
            lifted = LegPose(flexion=90.0 + self.seated_lift * s, knee=90.0)
        else:
            f = self.lift * s
            lifted = LegPose(flexion=f, knee=f)  # shin hangs straight down
        swing = 25.0 * s
        if self.legs()[index] == "left":
            return replace(base, left_leg=lifted, right_arm=ArmPose(abduction=9.0, flexion=swing))
        return replace(base, right_leg=lifted, left_arm=ArmPose(abduction=9.0, flexion=swing))


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "march": March,
    "march_errors": partial(March, doubles=(4, 9)),
    "march_seated": partial(March, seated=True),
}
