"""A child reaching to points on the screen (reach_stars).

Each goal says when a hand starts moving, which hand, and the screen point (normalised, mirrored
like the screen) its wrist goes to; the wrist travels there with minimum-jerk timing, stays,
and comes back to the side.  The elbow is solved by the body's 2-link IK, so a point beyond
the arm's length is reached only as far as the arm goes.  Goals may be given up front or
added while a test runs (a child reacting to the stars it is shown) — tracking never looks at
an activity itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from tracking.landmarks import Body
from tracking.synthetic.body import ArmPose, Placement, body_points
from tracking.synthetic.motions.poses import REST, WalkIn, min_jerk, render
from tracking.synthetic.source import MotionScript, Snapshot

Side = Literal["left", "right"]


@dataclass(frozen=True)
class ReachGoal:
    t: float  # the hand starts moving (script seconds)
    side: Side  # the child's own hand
    x: float  # the wrist's goal, normalised screen coordinates
    y: float
    move_s: float = 0.6  # movement time to the goal
    hold_s: float = 0.5  # stays at the goal
    return_s: float = 0.6  # back to the side

    @property
    def end(self) -> float:
        return self.t + self.move_s + self.hold_s + self.return_s


@dataclass
class ReachScript:
    goals: list[ReachGoal] = field(default_factory=list)
    duration: float = 10.0
    place: Placement = field(default_factory=Placement)
    seated: bool = False
    walk_in: WalkIn = field(default_factory=WalkIn)

    def __post_init__(self) -> None:
        pts = body_points(replace(REST, seated=self.seated), self.place.proportions)
        self._rest = {s: pts[int(Body[f"{s.upper()}_WRIST"]), :2] - pts[int(Body[f"{s.upper()}_SHOULDER"]), :2]
                      for s in ("left", "right")}
        body = render(REST, self.place, self.seated)
        self._shoulders = {s: (float(body[int(Body[f"{s.upper()}_SHOULDER"]), 0]),
                               float(body[int(Body[f"{s.upper()}_SHOULDER"]), 1])) for s in ("left", "right")}

    def add(self, goal: ReachGoal) -> None:
        self.goals.append(goal)
        self.goals.sort(key=lambda g: g.t)

    def reach(self, t: float, side: Side, x: float, y: float, move_s: float = 0.6,
              hold_s: float = 0.5, return_s: float = 0.6) -> ReachGoal:
        goal = ReachGoal(t, side, x, y, move_s, hold_s, return_s)
        self.add(goal)
        return goal

    def shoulder_xy(self, side: Side) -> tuple[float, float]:
        """Where that shoulder is on the screen (normalised) while the child stands placed."""
        return self._shoulders[side]

    def _goal_offset(self, goal: ReachGoal) -> np.ndarray:
        w, h = self.place.image_size
        sx, sy = self.shoulder_xy(goal.side)
        return np.array([(goal.x - sx) * (w / h) / self.place.height, (goal.y - sy) / self.place.height])

    def wrist_offset(self, side: Side, t: float) -> np.ndarray:
        """The wrist relative to its shoulder, in body units, at time t."""
        rest = self._rest[side]
        current = None
        for goal in self.goals:
            if goal.side == side and goal.t <= t:
                current = goal
        if current is None or t >= current.end:
            return rest
        target = self._goal_offset(current)
        tau = t - current.t
        if tau < current.move_s:
            return rest + (target - rest) * min_jerk(tau / current.move_s)
        tau -= current.move_s
        if tau < current.hold_s:
            return target
        tau -= current.hold_s
        return target + (rest - target) * min_jerk(tau / current.return_s)

    def __call__(self, t: float) -> Snapshot:
        if t < self.walk_in.seconds:
            pose, place = self.walk_in.at(t, REST, self.place)
            return Snapshot(body=render(pose, place, self.seated))
        arms = {s: ArmPose(wrist=tuple(float(v) for v in self.wrist_offset(s, t)))  # type: ignore[arg-type]
                for s in ("left", "right")}
        return Snapshot(body=render(REST.with_arms(arms["left"], arms["right"]), self.place, self.seated))


def reach_sequence(
    goals: tuple[tuple[float, Side, float, float], ...] = (
        (2.5, "left", 0.3, 0.3), (4.5, "right", 0.7, 0.3), (6.5, "left", 0.6, 0.35)),
    move_s: float = 0.6,
    hold_s: float = 0.5,
    return_s: float = 0.6,
    seated: bool = False,
    walk_in_s: float = 0.0,
    place: Placement | None = None,
) -> ReachScript:
    """Reach to each (start time, hand, x, y) in turn.  Start times are script seconds; keep the
    first one after about 2 s so the child stands still long enough for the ready gate."""
    script = ReachScript(place=place or Placement(), seated=seated, walk_in=WalkIn(walk_in_s))
    for t, side, x, y in goals:
        script.reach(t, side, x, y, move_s, hold_s, return_s)
    script.duration = max((g.end for g in script.goals), default=walk_in_s + 2.0) + 1.0
    return script


SCRIPTS: dict[str, Callable[..., MotionScript]] = {"reach_sequence": reach_sequence}
