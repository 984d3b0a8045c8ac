"""Pinch cycles: the thumb closes on the index tip and opens again, optionally at given points
(bubbles), with partial pinches that stop short and a palm tilted away from the camera."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from tracking.synthetic.hand import (
    HOME,
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

# Share of one pinch period spent in each phase: move to the spot, close, hold, open, rest.
MOVE, CLOSE, HOLD, OPEN = 0.35, 0.15, 0.15, 0.15


@dataclass(frozen=True)
class PinchCycles:
    """`pinches` pinches, one every `period_s`, by the hands in `hands` taking turns (or all
    together when `alternate` is False).  Pinch k is fully closed from `closed_at(k)` for
    HOLD * period_s.  Indexes in `partial` close only to `partial_amount` (never a pinch).
    `targets[k]`, when given, is where pinch k's pinch point (between thumb and index tips)
    lands, in normalised screen coordinates."""

    pinches: int = 10
    period_s: float = 1.2
    hands: tuple[HandSide, ...] = ("right",)
    alternate: bool = True
    partial: tuple[int, ...] = ()
    partial_amount: float = 0.5
    pitch: float = 0.0
    yaw: float = 0.0
    rotation: float = 0.0
    size: float = 0.09
    targets: tuple[tuple[float, float], ...] = ()
    lead_in_s: float = LEAD_IN_S
    tail_s: float = 0.5
    image_size: tuple[int, int] = (640, 480)

    @property
    def duration(self) -> float:
        return self.lead_in_s + self.pinches * self.period_s + self.tail_s

    def closed_at(self, k: int) -> float:
        """Script time at which pinch k is fully closed."""
        return self.lead_in_s + (k + MOVE + CLOSE) * self.period_s

    def hand_of(self, k: int) -> HandSide:
        return self.hands[k % len(self.hands)] if self.alternate else self.hands[0]

    def _place(self, side: HandSide) -> HandPlace:
        x, y = HOME[side] if len(self.hands) > 1 else (0.5, 0.6)
        return HandPlace(x=x, y=y, size=self.size, side=side, rotation=self.rotation,
                         pitch=self.pitch, yaw=self.yaw, image_size=self.image_size)

    def _spot(self, side: HandSide, k: int) -> HandPlace:
        """Where this hand's wrist is for its pinch k (at home without targets)."""
        place = self._place(side)
        if 0 <= k < len(self.targets):
            place = place_landmark_at(HandShape.pinch(1.0), place, PINCH_POINT, self.targets[k])
        return place

    def _last_own(self, side: HandSide, k: int) -> int:
        """This hand's most recent pinch index before k (-1: none yet)."""
        for j in range(k - 1, -1, -1):
            if not self.alternate or self.hand_of(j) == side:
                return j
        return -1

    def __call__(self, t: float) -> Snapshot:
        u = (t - self.lead_in_s) / self.period_s
        k = int(u // 1) if u >= 0 else -1
        phase = u - k if k >= 0 else 0.0
        hands = []
        for side in self.hands:
            mine = k >= 0 and k < self.pinches and (not self.alternate or self.hand_of(k) == side)
            if not mine:
                j = self._last_own(side, min(k, self.pinches)) if k >= 0 else -1
                hands.append(render_hand(HandShape.open(), self._spot(side, j)))
                continue
            before, here = self._spot(side, self._last_own(side, k)), self._spot(side, k)
            m = ease(phase / MOVE)
            place = replace(here, x=before.x + (here.x - before.x) * m, y=before.y + (here.y - before.y) * m)
            top = self.partial_amount if k in self.partial else 1.0
            if phase < MOVE:
                amount = 0.0
            elif phase < MOVE + CLOSE:
                amount = top * ease((phase - MOVE) / CLOSE)
            elif phase < MOVE + CLOSE + HOLD:
                amount = top
            else:
                amount = top * (1.0 - ease((phase - MOVE - CLOSE - HOLD) / OPEN))
            hands.append(render_hand(HandShape.pinch(amount), place))
        return Snapshot(hands=tuple(hands))


def pinch_cycles(**kwargs: object) -> PinchCycles:
    return PinchCycles(**kwargs)  # type: ignore[arg-type]


def pinch_tilted(**kwargs: object) -> PinchCycles:
    """The palm tipped back 50 degrees and turned 35: pinches must still count."""
    return PinchCycles(**{"pitch": 50.0, "yaw": 35.0, "rotation": -20.0, **kwargs})  # type: ignore[arg-type]


def pinch_partial(**kwargs: object) -> PinchCycles:
    """Ten pinch attempts of which every other one stops halfway."""
    return PinchCycles(**{"partial": (1, 3, 5, 7, 9), **kwargs})  # type: ignore[arg-type]


def pinch_two_hands(**kwargs: object) -> PinchCycles:
    return PinchCycles(**{"hands": ("left", "right"), **kwargs})  # type: ignore[arg-type]


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "pinch_cycles": pinch_cycles,
    "pinch_tilted": pinch_tilted,
    "pinch_partial": pinch_partial,
    "pinch_two_hands": pinch_two_hands,
}
