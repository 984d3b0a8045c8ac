"""Showing numbers with fingers: one hand for 0-5, the second hand joins for 6-10."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tracking.synthetic.hand import (
    HOME,
    LEAD_IN_S,
    HandPlace,
    HandShape,
    HandSide,
    blend_shapes,
    ease,
    render_hand,
)
from tracking.synthetic.source import MotionScript, Snapshot


@dataclass(frozen=True)
class ShowFingers:
    """After the lead-in (open hand, still), shows each (n, hold_s) of `sequence` in turn; the
    fingers take `transition_s` to change (they pass the half-way curl at its middle).  `hand`
    shows up to five; for more, the other hand shows the rest.  When the sequence needs two
    hands the other hand is always in view, as a fist when it has nothing to show."""

    sequence: tuple[tuple[int, float], ...] = ((1, 1.8), (2, 1.8), (3, 1.8), (4, 1.8), (5, 1.8))
    hand: HandSide = "right"
    transition_s: float = 0.3
    size: float = 0.09
    rotation: float = 0.0
    pitch: float = 0.0
    yaw: float = 0.0
    lead_in_s: float = LEAD_IN_S
    image_size: tuple[int, int] = (640, 480)

    def __post_init__(self) -> None:
        for n, _ in self.sequence:
            if not 0 <= n <= 10:
                raise ValueError("two hands show 0 to 10 fingers")

    @property
    def duration(self) -> float:
        return self.lead_in_s + sum(h for _, h in self.sequence)

    @property
    def two_hands(self) -> bool:
        return any(n > 5 for n, _ in self.sequence)

    def starts(self) -> list[float]:
        """Script time at which each entry starts changing the fingers."""
        out, t = [], self.lead_in_s
        for _, hold in self.sequence:
            out.append(t)
            t += hold
        return out

    def _counts(self, t: float) -> tuple[int, int, float, int, int]:
        """(main, other) before and after the current change, and how far it has got."""
        prev = (5, 5 if self.two_hands else 0)
        for start, (n, _) in zip(self.starts(), self.sequence, strict=True):
            target = (min(n, 5), max(0, n - 5))
            if t < start:
                break
            u = ease((t - start) / self.transition_s) if self.transition_s > 0 else 1.0
            if u < 1.0:
                return (*prev, u, *target)
            prev = target
        return (*prev, 1.0, *prev)

    def __call__(self, t: float) -> Snapshot:
        main0, other0, u, main1, other1 = self._counts(t)
        other_side: HandSide = "left" if self.hand == "right" else "right"
        hands = []
        for side, a, b in ((self.hand, main0, main1), (other_side, other0, other1)):
            if side != self.hand and not self.two_hands:
                continue
            x, y = HOME[side] if self.two_hands else (0.5, 0.6)
            place = HandPlace(x=x, y=y, size=self.size, side=side, rotation=self.rotation,
                              pitch=self.pitch, yaw=self.yaw, image_size=self.image_size)
            shape = blend_shapes(HandShape.showing(a), HandShape.showing(b), u)
            hands.append(render_hand(shape, place))
        return Snapshot(hands=tuple(hands))


def show_fingers(**kwargs: object) -> ShowFingers:
    return ShowFingers(**kwargs)  # type: ignore[arg-type]


def show_fingers_two_hands(**kwargs: object) -> ShowFingers:
    return ShowFingers(**{"sequence": ((6, 1.8), (8, 1.8), (10, 1.8), (7, 1.8), (3, 1.8)), **kwargs})  # type: ignore[arg-type]


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "show_fingers": show_fingers,
    "show_fingers_two_hands": show_fingers_two_hands,
}
