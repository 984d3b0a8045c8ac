"""Synthetic children who watch the screen.  A fixed motion script cannot play bubble_pop: the
pinch must land ON a bubble, and where the bubbles are depends on when the game started them.
So a reactive player looks at the activity's view (what the child would see) and moves a
synthetic hand (tracking.synthetic.hand) to the bubble, then pinches, like a child would.

A reactive player is a MotionScript (`t -> Snapshot`) with two extras the ScriptFeed uses:
`react(view)` before each sample, and `reset()` when the activity begins.
"""

from __future__ import annotations

import math
from dataclasses import replace

from exercises.api import ActivityView, Target
from tracking.synthetic.hand import (
    HOME,
    PINCH_POINT,
    HandPlace,
    HandShape,
    HandSide,
    blend_shapes,
    ease,
    landmark_offset,
    place_landmark_at,
    render_hand,
)
from tracking.synthetic.source import Snapshot

CLOSE_S = 0.2  # thumb to index, and apart again
HOLD_S = 0.1  # the pinch stays closed this long
REST_S = 0.3  # after a pinch the hand opens before chasing the next bubble


class BubbleChaser:
    """Pops bubbles: picks the bubble that will float away soonest (once it has risen within
    reach), moves the pinch point onto it at a child's hand speed, pinches, lets go.  While the
    activity waits for its ready gate (or there is no activity) the open hand rests still."""

    duration = math.inf

    def __init__(self, side: HandSide = "right", speed: float = 0.7, reach_y: float = 0.8,
                 image_size: tuple[int, int] = (640, 480)) -> None:
        self.side = side
        self.speed = speed  # image heights per second
        self.reach_y = reach_y  # bubbles lower than this are not chased yet (the wrist would leave the picture)
        self.image_size = image_size
        self.pops_tried = 0
        self.reset()

    def reset(self) -> None:
        x, y = HOME[self.side]
        self.place = HandPlace(x=x, y=y, side=self.side, image_size=self.image_size)
        self.view: ActivityView | None = None
        self.target: int | None = None
        self.closing = False
        self.closed_s = 0.0
        self.amount = 0.0  # 0 open .. 1 pinched
        self.rest_until = -math.inf
        self._t: float | None = None

    def react(self, view: ActivityView | None) -> None:
        self.view = view

    def _bubble(self, targets: tuple[Target, ...]) -> Target | None:
        active = [tg for tg in targets if tg.state == "active" and tg.side in (None, self.side)]
        if self.target is not None:
            for tg in active:
                if tg.id == self.target:
                    return tg
            self.target = None
        reachable = [tg for tg in active if tg.y <= self.reach_y]
        if not reachable:
            return None
        chosen = min(reachable, key=lambda tg: tg.y)
        self.target = chosen.id
        return chosen

    def _move_towards(self, x: float, y: float, dt: float) -> None:
        aspect = self.place.aspect
        dx, dy = (x - self.place.x) * aspect, y - self.place.y
        d = math.hypot(dx, dy)
        step = self.speed * dt
        if d > step > 0:
            x, y = self.place.x + dx / aspect * step / d, self.place.y + dy * step / d
        self.place = replace(self.place, x=x, y=y)

    def __call__(self, t: float) -> Snapshot:
        dt = 0.0 if self._t is None else max(0.0, t - self._t)
        self._t = t
        shape = blend_shapes(HandShape.open(), HandShape.pinch(), ease(self.amount))
        view = self.view
        playing = view is not None and view.phase == "playing"
        bubble = self._bubble(view.targets) if playing and t >= self.rest_until and view else None
        if bubble is None:
            self.closing = False
            if not playing:
                self._move_towards(*HOME[self.side], dt)
        else:
            goal = place_landmark_at(shape, self.place, PINCH_POINT, (bubble.x, bubble.y))
            self._move_towards(goal.x, goal.y, dt)
            off = landmark_offset(shape, self.place, PINCH_POINT)
            px, py = self.place.x + off[0], self.place.y + off[1]
            near = math.hypot((px - bubble.x) * self.place.aspect, py - bubble.y) < 0.3 * bubble.radius
            if near and not self.closing and self.amount == 0.0:
                self.closing = True
                self.closed_s = 0.0
                self.pops_tried += 1
        if self.closing:
            self.amount = min(1.0, self.amount + dt / CLOSE_S)
            if self.amount >= 1.0:
                self.closed_s += dt
                if self.closed_s >= HOLD_S:
                    self.closing = False
                    self.target = None
                    self.rest_until = t + REST_S
        else:
            self.amount = max(0.0, self.amount - dt / CLOSE_S)
        shape = blend_shapes(HandShape.open(), HandShape.pinch(), ease(self.amount))
        return Snapshot(None, (render_hand(shape, self.place),))


# Activities a fixed script cannot play, and the reactive player for each.
REACTIVE_PLAYERS = {"bubble_pop": BubbleChaser}
