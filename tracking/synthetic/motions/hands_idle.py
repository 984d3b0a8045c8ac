"""A child's hands doing nothing an activity may count: held up still, coming up into the
picture, and getting ready (wandering, a fist, a stray pinch, three fingers, a thumb tap) before
holding still.  The hand activities' answer to standing idle, walking in and getting into
position; `Together` (tracking.synthetic.source) puts them with a body script.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from tracking.frame import Hand
from tracking.synthetic.hand import (
    HOME,
    HandPlace,
    HandShape,
    HandSide,
    blend_shapes,
    ease,
    render_hand,
)
from tracking.synthetic.source import MotionScript, Snapshot

BOTH: tuple[HandSide, ...] = ("left", "right")


def _tremor(t: float, side: HandSide) -> tuple[float, float]:
    """A held-up hand is never quite still: a drift of a few thousandths of the picture."""
    phase = 0.0 if side == "left" else 1.3
    return 0.003 * math.sin(2 * math.pi * t / 2.3 + phase), 0.003 * math.sin(2 * math.pi * t / 1.7)


@dataclass(frozen=True)
class _Hands:
    """Where the hands rest and how big they are: what the scripts below share."""

    hands: tuple[HandSide, ...] = BOTH
    size: float = 0.09
    image_size: tuple[int, int] = (640, 480)

    def hand(self, side: HandSide, t: float, shape: HandShape, dx: float = 0.0,
             dy: float = 0.0) -> Hand:
        tx, ty = _tremor(t, side)
        x, y = HOME[side]
        return render_hand(shape, HandPlace(x=x + tx + dx, y=y + ty + dy, size=self.size,
                                            side=side, image_size=self.image_size))



@dataclass(frozen=True)
class HandsIdle(_Hands):
    """Open hands held up at their rest places with a small tremor."""

    duration: float = 6.0

    def __call__(self, t: float) -> Snapshot:
        return Snapshot(hands=tuple(self.hand(s, t, HandShape.open()) for s in self.hands))


@dataclass(frozen=True)
class HandsComingIn(_Hands):
    """The hands rise from below the picture (unseen until the wrist is inside it), fingers
    relaxing from half-curled to open on the way, then are held still for `stand_s`."""

    enter_s: float = 2.0
    stand_s: float = 3.0
    start_y: float = 1.3  # wrists this far down: out of the picture

    @property
    def duration(self) -> float:
        return self.enter_s + self.stand_s

    def __call__(self, t: float) -> Snapshot:
        u = ease(t / self.enter_s)
        shape = blend_shapes(HandShape(curl=(0.5,) * 5), HandShape.open(), u)
        hands = []
        for side in self.hands:
            dy = (self.start_y - HOME[side][1]) * (1.0 - u)
            if HOME[side][1] + dy <= 1.0:  # a tracker finds a hand once its wrist is in view
                hands.append(self.hand(side, t, shape, dy=dy))
        return Snapshot(hands=tuple(hands))


# What fidgeting hands do while getting ready, in turn, FIDGET_STEP_S each.
FIDGETS: tuple[HandShape, ...] = (
    HandShape.open(), HandShape.fist(), HandShape.pinch(), HandShape.showing(3),
    HandShape.pinch(finger="middle"), HandShape.showing(1), HandShape.open(),
)
FIDGET_STEP_S = 0.5


@dataclass(frozen=True)
class HandsGettingReady(_Hands):
    """The hands wander about the picture while the fingers run through FIDGETS (a fist, a
    pinch, three fingers, a thumb-to-middle tap, one finger), then are held still for
    `stand_s`.  Nothing before the hold may count: the ready gate wants a still open hand."""

    fidget_s: float = 3.5
    stand_s: float = 3.0
    wander: float = 0.08  # image heights

    @property
    def duration(self) -> float:
        return self.fidget_s + self.stand_s

    def shape(self, t: float) -> HandShape:
        if t >= self.fidget_s:
            return HandShape.open()
        k = t / FIDGET_STEP_S
        i = int(k) % len(FIDGETS)
        return blend_shapes(FIDGETS[i], FIDGETS[(i + 1) % len(FIDGETS)], ease((k % 1.0) * 2 - 0.5))

    def __call__(self, t: float) -> Snapshot:
        fade = 1.0 - ease((t - self.fidget_s + 0.5) / 0.5)  # wandering settles at the end
        dx = self.wander * fade * math.sin(2 * math.pi * t / 1.9)
        dy = self.wander * fade * math.sin(2 * math.pi * t / 1.3 + 0.7)
        shape = self.shape(t)
        return Snapshot(hands=tuple(self.hand(s, t, shape, dx, dy) for s in self.hands))


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "hands_idle": HandsIdle,
    "hands_coming_in": HandsComingIn,
    "hands_getting_ready": HandsGettingReady,
}
