"""Thumb-to-finger taps: index, middle, ring, pinky and back (ping-pong), with optional wrong taps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tracking.synthetic.hand import (
    HOME,
    LEAD_IN_S,
    LONG_FINGERS,
    HandPlace,
    HandShape,
    HandSide,
    ease,
    render_hand,
)
from tracking.synthetic.source import MotionScript, Snapshot

# Share of one tap period: thumb travels to the finger, touches, comes back to rest.
REACH, TOUCH = 0.4, 0.2


def tap_order(fingers: int) -> tuple[str, ...]:
    """One cycle of the ping-pong order over the first `fingers` long fingers: for four,
    index, middle, ring, pinky, ring, middle (then index again)."""
    if not 1 <= fingers <= 4:
        raise ValueError("taps use 1 to 4 fingers")
    names = LONG_FINGERS[:fingers]
    return names + names[-2:0:-1]


def wrong_finger(expected: str) -> str:
    """The finger a child taps by mistake: two along (index <-> ring, middle <-> pinky)."""
    i = LONG_FINGERS.index(expected)
    return LONG_FINGERS[(i + 2) % 4]


@dataclass(frozen=True)
class FingerTaps:
    """`taps` correct taps in ping-pong order at `rate_hz` taps a second.  Before each correct
    tap whose index is in `errors_at`, one extra tap lands on the wrong finger.  With two
    hands both tap the same sequence together."""

    taps: int = 12
    rate_hz: float = 1.5
    fingers: int = 4
    hands: tuple[HandSide, ...] = ("right",)
    errors_at: tuple[int, ...] = ()
    size: float = 0.09
    rotation: float = 0.0
    pitch: float = 0.0
    yaw: float = 0.0
    lead_in_s: float = LEAD_IN_S
    tail_s: float = 0.5
    image_size: tuple[int, int] = (640, 480)

    def plan(self) -> list[tuple[str, bool]]:
        """Every tap in order: (finger, is it the right one)."""
        order = tap_order(self.fingers)
        out = []
        for i in range(self.taps):
            expected = order[i % len(order)]
            if i in self.errors_at:
                out.append((wrong_finger(expected), False))
            out.append((expected, True))
        return out

    @property
    def period_s(self) -> float:
        return 1.0 / self.rate_hz

    @property
    def duration(self) -> float:
        return self.lead_in_s + len(self.plan()) * self.period_s + self.tail_s

    def touched_at(self, k: int) -> float:
        """Script time at which tap k (of plan()) touches."""
        return self.lead_in_s + (k + REACH) * self.period_s

    def __call__(self, t: float) -> Snapshot:
        plan = self.plan()
        u = (t - self.lead_in_s) / self.period_s
        k = int(u // 1) if u >= 0 else -1
        shape = HandShape.open()
        if 0 <= k < len(plan):
            phase = u - k
            if phase < REACH:
                amount = ease(phase / REACH)
            elif phase < REACH + TOUCH:
                amount = 1.0
            else:
                amount = 1.0 - ease((phase - REACH - TOUCH) / (1.0 - REACH - TOUCH))
            shape = HandShape.pinch(amount, plan[k][0])
        hands = []
        for side in self.hands:
            x, y = HOME[side] if len(self.hands) > 1 else (0.5, 0.6)
            place = HandPlace(x=x, y=y, size=self.size, side=side, rotation=self.rotation,
                              pitch=self.pitch, yaw=self.yaw, image_size=self.image_size)
            hands.append(render_hand(shape, place))
        return Snapshot(hands=tuple(hands))


def finger_taps(**kwargs: object) -> FingerTaps:
    return FingerTaps(**kwargs)  # type: ignore[arg-type]


def finger_taps_with_errors(**kwargs: object) -> FingerTaps:
    return FingerTaps(**{"errors_at": (3, 8), **kwargs})  # type: ignore[arg-type]


def finger_taps_two_hands(**kwargs: object) -> FingerTaps:
    return FingerTaps(**{"hands": ("left", "right"), **kwargs})  # type: ignore[arg-type]


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "finger_taps": finger_taps,
    "finger_taps_with_errors": finger_taps_with_errors,
    "finger_taps_two_hands": finger_taps_two_hands,
}
