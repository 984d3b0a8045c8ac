"""A child who is not exercising: standing (or sitting) still with a natural small sway, walking
into the picture, getting into position.  None of these may ever count as a rep.

Also the pieces the gross-motor rep scripts (jacks, raises, squats, hops, march) share: the
framing fields (scale and position in the picture), the rest pose every script starts from,
the rep timetable with a standing lead-in long enough for an activity's ready gate, and a
renderer that hides landmarks outside the picture the way a real tracker does.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from tracking.synthetic.body import ArmPose, BodyPose, LegPose, Placement, render_body
from tracking.synthetic.source import MotionScript, Snapshot

LEAD_IN_S = 2.5  # standing still before the first rep: the ready gate needs 1 s of it, with
# room for dropped and occluded frames (each unseen frame takes back twice its time)
OFF_PICTURE_VISIBILITY = 0.05  # what a tracker reports for a landmark outside the picture


def bump(u: float) -> float:
    """0 -> 1 -> 0 over u in 0..1, smooth at both ends: one out-and-back movement."""
    u = min(1.0, max(0.0, u))
    return 0.5 - 0.5 * math.cos(2.0 * math.pi * u)


def ease(u: float) -> float:
    """0 -> 1 over u in 0..1, smooth at both ends."""
    u = min(1.0, max(0.0, u))
    return 0.5 - 0.5 * math.cos(math.pi * u)


def rest_pose(t: float, seated: bool = False, sway: float = 1.0) -> BodyPose:
    """Arms down, feet together, swaying a little the way a child never quite stands still."""
    lean = 1.2 * sway * math.sin(2.0 * math.pi * t / 3.3)
    left = ArmPose(abduction=9.0 + 3.0 * sway * math.sin(2.0 * math.pi * t / 2.7), elbow=8.0)
    right = ArmPose(abduction=9.0 + 3.0 * sway * math.sin(2.0 * math.pi * t / 3.1 + 1.0), elbow=8.0)
    return BodyPose(left_arm=left, right_arm=right, lean=lean, seated=seated)


def snapshot(pose: BodyPose, place: Placement) -> Snapshot:
    """Render, then mark landmarks that fall outside the picture as unseen."""
    body = render_body(pose, place)
    outside = (body[:, 0] < 0.0) | (body[:, 0] > 1.0) | (body[:, 1] < 0.0) | (body[:, 1] > 1.0)
    body[outside, 3] = OFF_PICTURE_VISIBILITY
    return Snapshot(body=body)


@dataclass(frozen=True)
class Framing:
    """Where the child is in the picture: `height` is the standing height as a share of the
    picture height (the scale), `x` the horizontal centre (0..1 of the width)."""

    height: float = 0.75
    x: float = 0.5
    floor: float = 0.95
    image_size: tuple[int, int] = (640, 480)

    @property
    def placement(self) -> Placement:
        return Placement(x=self.x, floor=self.floor, height=self.height, image_size=self.image_size)


@dataclass(frozen=True)
class RepScript(Framing):
    """`reps` movements of `tempo_s` seconds each after a still lead-in, then a still tail.
    Reps whose index is in `half` only go `half_amount` of the way (a half-move)."""

    reps: int = 10
    tempo_s: float = 1.2
    seated: bool = False
    half: tuple[int, ...] = ()
    half_amount: float = 0.45
    lead_in_s: float = LEAD_IN_S
    tail_s: float = 1.0

    def rep_durations(self) -> list[float]:
        return [self.tempo_s] * self.reps

    @property
    def duration(self) -> float:
        return self.lead_in_s + sum(self.rep_durations()) + self.tail_s

    def locate(self, t: float) -> tuple[int, float] | None:
        """(rep index, phase 0..1 within it) at time t, or None outside the reps."""
        start = self.lead_in_s
        for i, d in enumerate(self.rep_durations()):
            if start <= t < start + d:
                return i, (t - start) / d
            start += d
        return None

    def amount(self, index: int) -> float:
        """How far rep `index` goes: 1 for a full move, `half_amount` for a half-move."""
        return self.half_amount if index in self.half else 1.0

    def full_reps(self) -> int:
        return sum(1 for i in range(self.reps) if i not in self.half)

    def rest(self, t: float) -> BodyPose:
        return rest_pose(t, self.seated)

    def pose(self, index: int, phase: float, t: float) -> BodyPose:
        raise NotImplementedError

    def __call__(self, t: float) -> Snapshot:
        where = self.locate(t)
        pose = self.rest(t) if where is None else self.pose(where[0], where[1], t)
        return snapshot(pose, self.placement)


@dataclass(frozen=True)
class StandingIdle(Framing):
    """Standing (or sitting) still with a small natural sway and weight shift."""

    duration: float = 6.0
    seated: bool = False

    def __call__(self, t: float) -> Snapshot:
        place = replace(self.placement, x=self.x + 0.004 * math.sin(2.0 * math.pi * t / 4.1))
        return snapshot(rest_pose(t, self.seated), place)


def _stepping(pose: BodyPose, phase: float, lift: float = 25.0) -> BodyPose:
    """`pose` with the legs stepping alternately (`phase` counts strides) and arms swinging."""
    s = math.sin(2.0 * math.pi * phase)
    return replace(
        pose,
        left_leg=LegPose(flexion=lift * max(0.0, s), knee=1.6 * lift * max(0.0, s)),
        right_leg=LegPose(flexion=lift * max(0.0, -s), knee=1.6 * lift * max(0.0, -s)),
        left_arm=ArmPose(abduction=10.0, flexion=20.0 * -s, elbow=15.0),
        right_arm=ArmPose(abduction=10.0, flexion=20.0 * s, elbow=15.0),
    )


@dataclass(frozen=True)
class WalkingIn(Framing):
    """The child walks in from one side of the picture (starting fully outside it), stops at
    `x`, and stands there for `stand_s` seconds."""

    from_side: str = "left"
    walk_s: float = 2.4
    stand_s: float = 3.0

    @property
    def duration(self) -> float:
        return self.walk_s + self.stand_s

    def __call__(self, t: float) -> Snapshot:
        start_x = -0.25 if self.from_side == "left" else 1.25
        u = min(1.0, t / self.walk_s)
        x = start_x + (self.x - start_x) * u
        pose = rest_pose(t)
        if t < self.walk_s:
            pose = _stepping(pose, 1.0 * t)
        return snapshot(pose, replace(self.placement, x=x))


@dataclass(frozen=True)
class GettingIntoPosition(Framing):
    """The child starts too close (feet out of the picture), steps back into place while
    fidgeting with the arms, fidgets a little more, then stands still."""

    step_back_s: float = 2.5
    fidget_s: float = 1.5
    stand_s: float = 3.0

    @property
    def duration(self) -> float:
        return self.step_back_s + self.fidget_s + self.stand_s

    def _arms(self, pose: BodyPose, t: float, size: float) -> BodyPose:
        a = bump(t / 1.1 % 1.0)
        b = bump((t / 0.9 + 0.3) % 1.0)
        return pose.with_arms(
            ArmPose(abduction=10.0 + size * a, flexion=30.0 * b, elbow=20.0 + 50.0 * a),
            ArmPose(abduction=10.0 + size * b, flexion=25.0 * a, elbow=20.0 + 50.0 * b),
        )

    def __call__(self, t: float) -> Snapshot:
        place = self.placement
        if t < self.step_back_s:
            u = ease(t / self.step_back_s)
            place = replace(place, height=self.height * (1.4 - 0.4 * u),
                            floor=self.floor + 0.25 * (1.0 - u), x=self.x + 0.05 * (1.0 - u))
            pose = self._arms(_stepping(rest_pose(t), 0.8 * t), t, 35.0)
        elif t < self.step_back_s + self.fidget_s:
            pose = self._arms(rest_pose(t), t, 30.0)
        else:
            pose = rest_pose(t)
        return snapshot(pose, place)


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "standing_idle": StandingIdle,
    "seated_idle": partial(StandingIdle, seated=True),
    "walking_in": WalkingIn,
    "getting_into_position": GettingIntoPosition,
}

__all__ = [
    "LEAD_IN_S", "Framing", "GettingIntoPosition", "RepScript", "SCRIPTS", "StandingIdle",
    "WalkingIn", "bump", "ease", "rest_pose", "snapshot",
]
