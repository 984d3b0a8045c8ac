"""A child standing on one leg, wobbling, and sometimes putting the foot down (flamingo_balance).

The script is a list of segments: both feet down, or standing on one leg with the other foot
lifted (thigh forward 60 degrees, knee bent 90).  The foot goes up and down over `lift_s`;
`holds()` gives each one-leg stand as the script means it — from the middle of the lift to the
middle of the put-down — which is what an activity should measure.  Sway moves the whole body
sideways (two sines, so it is not a pure tone) while on one leg.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from tracking.synthetic.body import BodyPose, LegPose, Placement
from tracking.synthetic.motions.poses import REST, WalkIn, min_jerk, render
from tracking.synthetic.source import MotionScript, Snapshot

Side = Literal["left", "right"]
LIFTED = LegPose(flexion=60.0, knee=90.0)
ARMS_OUT = 35.0  # children hold their arms a little out for balance


@dataclass(frozen=True)
class Segment:
    stance: Side | None  # the leg stood on; None: both feet down
    seconds: float


@dataclass
class BalanceScript:
    segments: list[Segment] = field(default_factory=list)
    sway: float = 0.0  # amplitude of the sideways wobble on one leg, in body heights
    sway_hz: float = 0.7
    lift_s: float = 0.1
    place: Placement = field(default_factory=Placement)
    walk_in: WalkIn = field(default_factory=WalkIn)

    @property
    def duration(self) -> float:
        return self.walk_in.seconds + sum(s.seconds for s in self.segments)

    def holds(self) -> list[tuple[Side, float, float]]:
        """(stance leg, start, end) of every one-leg stand, from mid-lift to mid-put-down."""
        out: list[tuple[Side, float, float]] = []
        t = self.walk_in.seconds
        for seg in self.segments:
            if seg.stance is not None:
                out.append((seg.stance, t + self.lift_s / 2, t + seg.seconds - self.lift_s / 2))
            t += seg.seconds
        return out

    def _at(self, t: float) -> tuple[Segment | None, float]:
        start = self.walk_in.seconds
        for seg in self.segments:
            if t < start + seg.seconds:
                return seg, t - start
            start += seg.seconds
        return None, 0.0

    def __call__(self, t: float) -> Snapshot:
        if t < self.walk_in.seconds:
            pose, place = self.walk_in.at(t, REST, self.place)
            return Snapshot(body=render(pose, place, False))
        seg, tau = self._at(t)
        pose = REST
        place = self.place
        if seg is not None and seg.stance is not None:
            if self.lift_s > 0:
                up = min(min_jerk(tau / self.lift_s), min_jerk((seg.seconds - tau) / self.lift_s))
            else:
                up = 1.0
            leg = LegPose(flexion=LIFTED.flexion * up, knee=LIFTED.knee * up)
            arms = replace(REST.left_arm, abduction=ARMS_OUT)
            pose = BodyPose(left_arm=arms, right_arm=arms,
                            **({"right_leg": leg} if seg.stance == "left" else {"left_leg": leg}))
            if self.sway:
                w, h = place.image_size
                wobble = self.sway * (math.sin(2 * math.pi * self.sway_hz * tau)
                                      + 0.5 * math.sin(2 * math.pi * 2.7 * self.sway_hz * tau + 1.0)) / 1.118
                place = replace(place, x=place.x + wobble * place.height / (w / h))
        return Snapshot(body=render(pose, place, False))


def one_leg_stand(
    stance: Side = "left",
    hold_s: float = 6.0,
    sway: float = 0.0,
    put_downs: tuple[float, ...] = (),
    put_down_s: float = 0.5,
    lead_in_s: float = 2.0,
    tail_s: float = 1.5,
    lift_s: float = 0.1,
    walk_in_s: float = 0.0,
    place: Placement | None = None,
) -> BalanceScript:
    """Stand on `stance` for `hold_s` seconds of one-leg time; at each time in `put_downs`
    (seconds of one-leg time so far) the foot touches down for `put_down_s`, then lifts again."""
    segments = [Segment(None, lead_in_s)]
    done = 0.0
    for at in sorted(put_downs):
        segments.append(Segment(stance, at - done))
        segments.append(Segment(None, put_down_s))
        done = at
    segments.append(Segment(stance, hold_s - done))
    segments.append(Segment(None, tail_s))
    return BalanceScript(segments, sway=sway, lift_s=lift_s, place=place or Placement(),
                         walk_in=WalkIn(walk_in_s))


def alternating_stands(
    holds: tuple[tuple[Side, float], ...] = (("left", 4.0), ("right", 3.0)),
    gap_s: float = 1.5,
    sway: float = 0.0,
    lead_in_s: float = 2.0,
    lift_s: float = 0.1,
    walk_in_s: float = 0.0,
    place: Placement | None = None,
) -> BalanceScript:
    """One-leg stands in turn, both feet down for `gap_s` between them."""
    segments = [Segment(None, lead_in_s)]
    for stance, seconds in holds:
        segments += [Segment(stance, seconds), Segment(None, gap_s)]
    return BalanceScript(segments, sway=sway, lift_s=lift_s, place=place or Placement(),
                         walk_in=WalkIn(walk_in_s))


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "one_leg_stand": one_leg_stand,
    "alternating_stands": alternating_stands,
}
