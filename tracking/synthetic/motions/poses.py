"""Named whole-body poses and a child who moves from one to the next (copy_the_pose), plus the
small pieces the other gross-motor scripts share: easing, walking into the picture, blending.

A pose here is built only from joint angles (ArmPose/LegPose, wrist IK for hands on the head
or the hips), so a test can say "this is what arms-up looks like" without copying the
activity's own templates.  The ids are the copy_the_pose card ids.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from tracking.synthetic.body import ArmPose, BodyPose, LegPose, Placement, render_body
from tracking.synthetic.source import MotionScript, Snapshot

REST = BodyPose()

_DOWN = ArmPose()
_UP_L, _UP_R = ArmPose(abduction=172.0), ArmPose(abduction=172.0)
_OUT = ArmPose(abduction=90.0)
_DIAG = ArmPose(abduction=135.0)

# Wrist targets (body units from the shoulder; x to the screen's right, y down).  The child's
# left arm is on the screen's left, so "inward" is +x for the left arm and -x for the right.
_HEAD = 0.05, -0.2  # left hand on top of the head; mirror x for the right
_HIP = -0.01, 0.2  # left hand on the waist, elbow out
_CROSS = 0.2, 0.1  # left hand on the right shoulder


def _mirror(w: tuple[float, float]) -> tuple[float, float]:
    return -w[0], w[1]


POSES: dict[str, BodyPose] = {
    "arms_up": BodyPose(left_arm=_UP_L, right_arm=_UP_R),
    "t_pose": BodyPose(left_arm=_OUT, right_arm=_OUT),
    "star": BodyPose(left_arm=_DIAG, right_arm=_DIAG, left_leg=LegPose(abduction=22.0),
                     right_leg=LegPose(abduction=22.0)),
    "left_arm_up": BodyPose(left_arm=_UP_L, right_arm=_DOWN),
    "right_arm_up": BodyPose(left_arm=_DOWN, right_arm=_UP_R),
    "left_arm_out": BodyPose(left_arm=_OUT, right_arm=_DOWN),
    "right_arm_out": BodyPose(left_arm=_DOWN, right_arm=_OUT),
    "hands_on_head": BodyPose(left_arm=ArmPose(wrist=_HEAD), right_arm=ArmPose(wrist=_mirror(_HEAD))),
    "hands_on_hips": BodyPose(left_arm=ArmPose(wrist=_HIP), right_arm=ArmPose(wrist=_mirror(_HIP))),
    "cross_arms": BodyPose(left_arm=ArmPose(wrist=_CROSS), right_arm=ArmPose(wrist=_mirror(_CROSS))),
    "muscles": BodyPose(left_arm=ArmPose(abduction=90.0, elbow=90.0),
                        right_arm=ArmPose(abduction=90.0, elbow=90.0)),
    "airplane": BodyPose(left_arm=_OUT, right_arm=_OUT, lean=22.0),
    "flamingo": BodyPose(left_arm=_OUT, right_arm=_OUT, right_leg=LegPose(flexion=60.0, knee=90.0)),
}


def min_jerk(u: float) -> float:
    """Smooth 0..1 progress of a natural reaching movement (minimum jerk)."""
    u = min(1.0, max(0.0, u))
    return u * u * u * (10.0 - 15.0 * u + 6.0 * u * u)


def walking(pose: BodyPose, phase: float) -> BodyPose:
    """`pose` with stepping legs and swinging arms, for walking into the picture."""
    s = math.sin(2.0 * math.pi * phase)
    return replace(
        pose,
        left_leg=LegPose(flexion=max(0.0, 35.0 * s), knee=max(0.0, 50.0 * s)),
        right_leg=LegPose(flexion=max(0.0, -35.0 * s), knee=max(0.0, -50.0 * s)),
        left_arm=ArmPose(abduction=10.0, flexion=25.0 * -s),
        right_arm=ArmPose(abduction=10.0, flexion=25.0 * s),
    )


@dataclass(frozen=True)
class WalkIn:
    """The child walks from `start_x` to the placement's x over `seconds`, stepping."""

    seconds: float = 0.0
    start_x: float = 0.15
    steps_per_s: float = 1.6

    def at(self, t: float, pose: BodyPose, place: Placement) -> tuple[BodyPose, Placement]:
        if t >= self.seconds or self.seconds <= 0:
            return pose, place
        u = t / self.seconds
        x = self.start_x + (place.x - self.start_x) * u
        return walking(pose, t * self.steps_per_s / 2.0), replace(place, x=x)


def render(pose: BodyPose, place: Placement, seated: bool) -> np.ndarray:
    return render_body(replace(pose, seated=seated) if seated else pose, place)


@dataclass(frozen=True)
class PoseStep:
    """Move into pose `pose` starting at `t` (script seconds), taking `move_s`; stay there
    until the next step starts.  `pose` "rest" means arms down."""

    t: float
    pose: str
    move_s: float = 0.5


@dataclass
class PoseScript:
    """A child who stands still (the lead-in), then moves into each scheduled pose in turn.

    `steps` may be given up front (an open-loop sequence) or appended while a test runs (a
    child reacting to the card on screen); each move blends the rendered landmarks of the
    previous pose into the next with minimum-jerk timing."""

    steps: list[PoseStep] = field(default_factory=list)
    duration: float = 10.0
    place: Placement = field(default_factory=Placement)
    seated: bool = False
    walk_in: WalkIn = field(default_factory=WalkIn)
    _cache: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def go(self, t: float, pose: str, move_s: float = 0.5) -> None:
        if pose != "rest" and pose not in POSES:
            raise KeyError(f"unknown pose {pose!r}; known: {', '.join(POSES)}")
        self.steps.append(PoseStep(t, pose, move_s))
        self.steps.sort(key=lambda s: s.t)

    def _body(self, name: str, place: Placement) -> np.ndarray:
        if name not in self._cache:  # placed once walked in: render each pose once
            self._cache[name] = render(REST if name == "rest" else POSES[name], place, self.seated)
        return self._cache[name]

    def __call__(self, t: float) -> Snapshot:
        if t < self.walk_in.seconds:
            pose, place = self.walk_in.at(t, REST, self.place)
            return Snapshot(body=render(pose, place, self.seated))
        prev, current = "rest", None
        for step in self.steps:
            if step.t > t:
                break
            prev, current = (current.pose if current else "rest"), step
        if current is None:
            return Snapshot(body=self._body("rest", self.place))
        u = min_jerk((t - current.t) / current.move_s) if current.move_s > 0 else 1.0
        a, b = self._body(prev, self.place), self._body(current.pose, self.place)
        return Snapshot(body=a + (b - a) * u)


def pose_sequence(
    poses: tuple[tuple[str, float], ...] = (("arms_up", 2.0), ("t_pose", 2.0), ("hands_on_head", 2.0)),
    lead_in_s: float = 2.0,
    move_s: float = 0.5,
    rest_s: float = 0.0,
    seated: bool = False,
    walk_in_s: float = 0.0,
    place: Placement | None = None,
) -> PoseScript:
    """Each (pose id, hold seconds) in turn after `lead_in_s` standing still with arms down;
    `rest_s` > 0 returns to arms down between poses.  The hold counts from the end of the move."""
    script = PoseScript(place=place or Placement(), seated=seated, walk_in=WalkIn(walk_in_s))
    t = walk_in_s + lead_in_s
    for name, hold in poses:
        script.go(t, name, move_s)
        t += move_s + hold
        if rest_s > 0:
            script.go(t, "rest", move_s)
            t += move_s + rest_s
    script.duration = t + 1.0
    return script


def stand_idle(seconds: float = 6.0, seated: bool = False, walk_in_s: float = 0.0) -> PoseScript:
    """Standing (or sitting) still with arms down: nothing should ever be counted."""
    return PoseScript(duration=walk_in_s + seconds, seated=seated, walk_in=WalkIn(walk_in_s))


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "pose_sequence": pose_sequence,
    "pose_idle": stand_idle,
}
