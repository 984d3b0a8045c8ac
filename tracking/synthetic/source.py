"""SyntheticSource: PoseFrames from a motion script, so every activity can be tested exactly.

A script is any callable `t -> Snapshot` with a `duration`; the source samples it at `fps`,
then applies the optional degradations (landmark noise, timing jitter, dropped frames,
occluded landmarks) from a seeded generator, so a degraded run is still reproducible.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from tracking.frame import Hand, PoseFrame
from tracking.landmarks import Body
from tracking.sources.base import Grab


@dataclass(frozen=True)
class Snapshot:
    """What the script says is in front of the camera at one instant."""

    body: np.ndarray | None = None  # (33, 4) as render_body gives it
    hands: tuple[Hand, ...] = ()


class MotionScript(Protocol):
    duration: float

    def __call__(self, t: float) -> Snapshot: ...


@dataclass(frozen=True)
class Degrade:
    """Ways real tracking is worse than a script.  All default to perfect."""

    noise: float = 0.0  # std-dev of landmark position noise, in image units
    jitter: float = 0.0  # std-dev of timestamp jitter, seconds
    drop_rate: float = 0.0  # share of frames where the tracker sees nothing
    occlude: tuple[int, ...] = ()  # body landmarks hidden (visibility near 0, position wanders)
    occlude_rate: float = 0.0  # share of frames in which `occlude` applies
    # MediaPipe Hands fails per hand, never per finger: a hand goes missing for a frame, or its
    # handedness label flips (most often with one hand in view).
    hand_miss_rate: float = 0.0  # share of frames in which each hand, on its own, is not found
    hand_swap_rate: float = 0.0  # share of frames in which each hand comes labelled as the other

    @property
    def perfect(self) -> bool:
        return not (self.noise or self.jitter or self.drop_rate or (self.occlude and self.occlude_rate)
                    or self.hand_miss_rate or self.hand_swap_rate)


LOWER_BODY: tuple[int, ...] = tuple(int(b) for b in (
    Body.LEFT_KNEE, Body.RIGHT_KNEE, Body.LEFT_ANKLE, Body.RIGHT_ANKLE, Body.LEFT_HEEL,
    Body.RIGHT_HEEL, Body.LEFT_FOOT_INDEX, Body.RIGHT_FOOT_INDEX))


@dataclass
class SyntheticSource:
    """A FrameSource (see tracking.sources.base) that needs no camera and no model."""

    script: MotionScript
    seed: int = 0
    fps: float = 30.0
    degrade: Degrade = field(default_factory=Degrade)
    image_size: tuple[int, int] = (640, 480)
    realtime: bool = False
    loop: bool = False
    name: str = "synthetic"
    _index: int = 0
    _rng: np.random.Generator | None = None
    _hand_rng: np.random.Generator | None = None  # its own stream: hand failures shift nothing else
    _t0: float = 0.0

    def open(self) -> None:
        self._index = 0
        self._rng = np.random.default_rng(self.seed)
        self._hand_rng = np.random.default_rng((self.seed, 1))
        self._t0 = time.monotonic()

    def close(self) -> None:
        pass

    def read(self) -> Grab | None:
        if self._rng is None:
            self.open()
        assert self._rng is not None
        script_t = self._index / self.fps
        if script_t > self.script.duration:
            if not self.loop:
                return None
            self._index = 0
            self._t0 = time.monotonic()
            script_t = 0.0
        if self.realtime:
            delay = self._t0 + script_t - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        frame = self.frame_at(self._index)
        grab_t = frame.t + (self._t0 if self.realtime else 0.0)
        if self.realtime:
            frame = PoseFrame(frame.seq, grab_t, frame.body, frame.hands, frame.image_size, frame.source)
        self._index += 1
        return Grab(t=grab_t, index=frame.seq, frame=frame)

    def frame_at(self, index: int) -> PoseFrame:
        """The (degraded) frame for one index; uses the source's generator, call in order."""
        assert self._rng is not None, "open() first"
        rng = self._rng
        d = self.degrade
        t = index / self.fps
        snap = self.script(t)
        # Draw every random number every frame, so a degradation does not shift the others.
        jitter = rng.normal(0.0, d.jitter) if d.jitter else 0.0
        dropped = rng.random() < d.drop_rate
        occluded = rng.random() < d.occlude_rate
        body = snap.body
        if body is not None:
            body = body.copy()
            if d.noise:
                body[:, :3] += rng.normal(0.0, d.noise, size=(body.shape[0], 3))
            if occluded and d.occlude:
                idx = list(d.occlude)
                body[idx, 3] = rng.uniform(0.0, 0.2, size=len(idx))
                body[idx, :2] += rng.normal(0.0, 0.05, size=(len(idx), 2))
        hands = snap.hands
        if hands and d.noise:
            hands = tuple(
                Hand(h.points + rng.normal(0.0, d.noise, size=h.points.shape), h.side, h.score)
                for h in hands
            )
        if hands and (d.hand_miss_rate or d.hand_swap_rate):
            hands = self._hand_failures(hands)
        if dropped:
            body, hands = None, ()
        return PoseFrame(
            seq=index,
            t=max(0.0, t + jitter) if index else t,
            body=body,
            hands=hands,
            image_size=self.image_size,
            source=self.name,
        )

    def _hand_failures(self, hands: tuple[Hand, ...]) -> tuple[Hand, ...]:
        assert self._hand_rng is not None
        d, kept = self.degrade, []
        for hand in hands:
            missed, swapped = self._hand_rng.random(2)  # both drawn every time, as above
            if missed < d.hand_miss_rate:
                continue
            if swapped < d.hand_swap_rate:
                hand = Hand(hand.points, "right" if hand.side == "left" else "left", hand.score)
            kept.append(hand)
        return tuple(kept)

    def frames(self) -> list[PoseFrame]:
        """Every frame of the script, for tests that feed an activity directly."""
        self.open()
        out = []
        n = int(self.script.duration * self.fps) + 1
        for i in range(n):
            out.append(self.frame_at(i))
        return out


@dataclass(frozen=True)
class Together:
    """Several scripts in front of the camera at once, e.g. a body script and a hands script:
    the first body any of them shows, and every script's hands.  A script that has ended stays
    at its last instant."""

    scripts: tuple[MotionScript, ...]

    @property
    def duration(self) -> float:
        return max(s.duration for s in self.scripts)

    def __call__(self, t: float) -> Snapshot:
        body: np.ndarray | None = None
        hands: tuple[Hand, ...] = ()
        for script in self.scripts:
            snap = script(min(t, script.duration))
            if body is None:
                body = snap.body
            hands += snap.hands
        return Snapshot(body=body, hands=hands)
