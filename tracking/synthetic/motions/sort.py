"""Pinch and carry: move the open hand to an object, pinch it, carry it to a point, open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tracking.synthetic.hand import (
    LEAD_IN_S,
    PINCH_POINT,
    HandPlace,
    HandShape,
    HandSide,
    ease,
    place_landmark_at,
    render_hand,
)
from tracking.synthetic.source import MotionScript, Snapshot

Point = tuple[float, float]
# Phases of one move, seconds: approach, close, settle, carry, open, pause.
APPROACH, CLOSE, SETTLE, CARRY, OPEN, PAUSE = 0.8, 0.3, 0.2, 1.0, 0.3, 0.3


@dataclass(frozen=True)
class PinchAndCarry:
    """For each (pick, drop) in `moves` the pinch point (between thumb and index tips) goes to
    `pick` with the hand open, closes, carries to `drop` and opens there.  `partial` indexes
    close only halfway (nothing should be picked up).  Times scale with `pace` (2 = twice as slow)."""

    moves: tuple[tuple[Point, Point], ...] = (((0.3, 0.3), (0.3, 0.8)), ((0.6, 0.3), (0.7, 0.8)))
    hand: HandSide = "right"
    partial: tuple[int, ...] = ()
    pace: float = 1.0
    size: float = 0.09
    pitch: float = 0.0
    yaw: float = 0.0
    rotation: float = 0.0
    start: Point = (0.5, 0.6)  # pinch point during the lead-in
    lead_in_s: float = LEAD_IN_S
    tail_s: float = 0.5
    image_size: tuple[int, int] = (640, 480)

    @property
    def move_s(self) -> float:
        return (APPROACH + CLOSE + SETTLE + CARRY + OPEN + PAUSE) * self.pace

    @property
    def duration(self) -> float:
        return self.lead_in_s + len(self.moves) * self.move_s + self.tail_s

    def picked_at(self, k: int) -> float:
        """Script time at which move k's pinch is fully closed."""
        return self.lead_in_s + k * self.move_s + (APPROACH + CLOSE) * self.pace

    def released_at(self, k: int) -> float:
        """Script time at which move k's hand is fully open again at the drop point."""
        return self.lead_in_s + k * self.move_s + (APPROACH + CLOSE + SETTLE + CARRY + OPEN) * self.pace

    def pinch_point(self, t: float) -> tuple[Point, float]:
        """(where the pinch point is, how closed the pinch is 0..1)."""
        u = t - self.lead_in_s
        if u < 0 or not self.moves:
            return self.start, 0.0
        k = min(int(u // self.move_s), len(self.moves))
        if k >= len(self.moves):
            return self.moves[-1][1], 0.0
        phase = (u - k * self.move_s) / self.pace
        before = self.start if k == 0 else self.moves[k - 1][1]
        pick, drop = self.moves[k]
        top = 0.5 if k in self.partial else 1.0

        def lerp(a: Point, b: Point, w: float) -> Point:
            return (a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w)

        edges = (APPROACH, APPROACH + CLOSE, APPROACH + CLOSE + SETTLE,
                 APPROACH + CLOSE + SETTLE + CARRY, APPROACH + CLOSE + SETTLE + CARRY + OPEN)
        if phase < edges[0]:
            return lerp(before, pick, ease(phase / APPROACH)), 0.0
        if phase < edges[1]:
            return pick, top * ease((phase - edges[0]) / CLOSE)
        if phase < edges[2]:
            return pick, top
        if phase < edges[3]:
            return lerp(pick, drop, ease((phase - edges[2]) / CARRY)), top
        if phase < edges[4]:
            return drop, top * (1.0 - ease((phase - edges[3]) / OPEN))
        return drop, 0.0

    def __call__(self, t: float) -> Snapshot:
        point, amount = self.pinch_point(t)
        base = HandPlace(size=self.size, side=self.hand, rotation=self.rotation, pitch=self.pitch,
                         yaw=self.yaw, image_size=self.image_size)
        # The wrist is placed for a full pinch, so the fingers close onto the point.
        place = place_landmark_at(HandShape.pinch(1.0), base, PINCH_POINT, point)
        return Snapshot(hands=(render_hand(HandShape.pinch(amount), place),))


def pinch_and_carry(**kwargs: object) -> PinchAndCarry:
    return PinchAndCarry(**kwargs)  # type: ignore[arg-type]


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "pinch_and_carry": pinch_and_carry,
}
