"""Bunny hops: two-footed jumps in place.  Each hop is a crouch, a flight with both feet off
the floor (a parabola peaking at `jump` body heights), and a landing crouch.  `irregular`
makes the hop intervals alternate long/short by that share of the tempo, so rhythm measures
have a known answer; reps in `half` are tiny hops (a half-move).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from tracking.synthetic.body import ArmPose, BodyPose, LegPose
from tracking.synthetic.motions.idle import RepScript, bump
from tracking.synthetic.source import MotionScript

TAKE_OFF = 0.3  # share of a hop spent crouching before the feet leave the floor
FLIGHT = 0.4  # share of a hop in the air


@dataclass(frozen=True)
class Hops(RepScript):
    tempo_s: float = 0.8
    jump: float = 0.06  # peak lift of the feet, in body heights (`height` is the scale)
    crouch: float = 35.0  # knee bend when crouching, degrees
    irregular: float = 0.0
    half_amount: float = 0.25

    def rep_durations(self) -> list[float]:
        return [self.tempo_s * (1.0 + self.irregular * (1 if i % 2 == 0 else -1))
                for i in range(self.reps)]

    def landing_times(self) -> list[float]:
        """When the feet touch down after each full hop (the known rhythm)."""
        out, start = [], self.lead_in_s
        for i, d in enumerate(self.rep_durations()):
            if i not in self.half:
                out.append(start + (TAKE_OFF + FLIGHT) * d)
            start += d
        return out

    def lift_at(self, index: int, phase: float) -> float:
        if not TAKE_OFF <= phase < TAKE_OFF + FLIGHT:
            return 0.0
        u = (phase - TAKE_OFF) / FLIGHT
        return self.jump * self.amount(index) * 4.0 * u * (1.0 - u)

    def pose(self, index: int, phase: float, t: float) -> BodyPose:
        if phase < TAKE_OFF:
            bend = self.crouch * bump(phase / TAKE_OFF)
        elif phase < TAKE_OFF + FLIGHT:
            bend = 0.0
        else:
            bend = self.crouch * bump((phase - TAKE_OFF - FLIGHT) / (1.0 - TAKE_OFF - FLIGHT))
        leg = LegPose(flexion=0.5 * bend, knee=bend)
        b = bend / max(self.crouch, 1.0)
        arm = ArmPose(abduction=9.0 + 20.0 * b, elbow=8.0 + 20.0 * b)
        return BodyPose(left_arm=arm, right_arm=arm, left_leg=leg, right_leg=leg,
                        lift=self.lift_at(index, phase), lean=self.rest(t).lean)


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "bunny_hops": Hops,
    "bunny_hops_irregular": partial(Hops, irregular=0.25),
    "bunny_hops_half": partial(Hops, half=(2, 6)),
}
