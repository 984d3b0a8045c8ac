"""What the five hand activities share: choosing the hand(s) to watch, the open-hand-held-still
ready gate, a pinch detector with hysteresis, and finger-extended detection.

Every distance is measured in hand sizes (wrist to middle knuckle, 3D; see
`exercises.geometry.hand_size`), so thresholds hold at any camera distance and for a palm turned
or tipped away from the camera: 3D lengths do not shrink when the hand tilts the way their
picture-plane shadows do.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from exercises import geometry as g
from exercises.base import ActivityBase
from exercises.events import Side
from tracking.frame import Hand, PoseFrame
from tracking.landmarks import HandPoint

SIDES: tuple[Side, ...] = ("left", "right")

# Fingers by their landmarks: (pip, tip) for the long fingers.
FINGER_JOINTS: dict[str, tuple[HandPoint, HandPoint]] = {
    "index": (HandPoint.INDEX_PIP, HandPoint.INDEX_TIP),
    "middle": (HandPoint.MIDDLE_PIP, HandPoint.MIDDLE_TIP),
    "ring": (HandPoint.RING_PIP, HandPoint.RING_TIP),
    "pinky": (HandPoint.PINKY_PIP, HandPoint.PINKY_TIP),
}
FINGERTIPS: dict[str, HandPoint] = {name: tip for name, (_, tip) in FINGER_JOINTS.items()}

# A long finger is straight when its tip is this much farther from the wrist than its middle
# joint (straight about 1.35, curled about 0.65, whatever the rotation).
EXTENDED_RATIO = 1.0
# The thumb sticks out when its tip is this much farther from the little finger's knuckle than
# its own knuckle is (out about 1.35, folded across the palm about 0.55).
THUMB_OUT_RATIO = 1.0

PINCH_CLOSE = 0.25  # thumb tip to index tip, hand sizes: a pinch starts below this ...
PINCH_OPEN = 0.45  # ... and ends above this (the gap is the hysteresis)
PINCH_ATTEMPT = 0.75  # went below this but never closed, then opened: a partial pinch
STILL_HAND_SIZES = 0.5  # the ready gate: the wrist stays this close to where it has been resting
STILL_TAU_S = 0.3
SETTLE_S = 0.1  # a reading must last this long to count (3 frames at 30 fps)
# Level values an adaptive level change leaves alone: they set the run's goal or layout.
FIXED_DURING_RUN = frozenset({"reps", "objects", "baskets", "shapes", "start_shape"})
OPEN_PINCH_GAP = 0.6  # an open hand's thumb-index gap, hand sizes (about 1.2 relaxed)


def hand_len(hand: Hand, a: HandPoint, b: HandPoint, aspect: float) -> float:
    return float(np.linalg.norm(g.hand_xyz(hand, a, aspect) - g.hand_xyz(hand, b, aspect)))


def fingers_extended(hand: Hand, aspect: float) -> dict[str, bool]:
    """Which digits are straight: thumb, index, middle, ring, pinky."""
    out: dict[str, bool] = {}
    for name, (pip, tip) in FINGER_JOINTS.items():
        base = hand_len(hand, pip, HandPoint.WRIST, aspect)
        out[name] = base > 1e-9 and hand_len(hand, tip, HandPoint.WRIST, aspect) / base > EXTENDED_RATIO
    base = hand_len(hand, HandPoint.THUMB_MCP, HandPoint.PINKY_MCP, aspect)
    tip = hand_len(hand, HandPoint.THUMB_TIP, HandPoint.PINKY_MCP, aspect)
    return {"thumb": base > 1e-9 and tip / base > THUMB_OUT_RATIO, **out}


def count_fingers(hand: Hand, aspect: float) -> int:
    return sum(fingers_extended(hand, aspect).values())


def is_open(hand: Hand, aspect: float) -> bool:
    """All four long fingers straight and the thumb well away from the index tip (not pinching)."""
    ext = fingers_extended(hand, aspect)
    return all(ext[f] for f in FINGER_JOINTS) and g.pinch_distance(hand, aspect) > OPEN_PINCH_GAP


def pinch_point(hand: Hand) -> tuple[float, float]:
    """Between thumb tip and index tip, normalised screen coordinates."""
    p = (hand.points[int(HandPoint.THUMB_TIP), :2] + hand.points[int(HandPoint.INDEX_TIP), :2]) / 2
    return float(p[0]), float(p[1])


def screen_distance(a: tuple[float, float], b: tuple[float, float], aspect: float) -> float:
    """Distance between two normalised screen points, in image heights."""
    return math.hypot((a[0] - b[0]) * aspect, a[1] - b[1])


@dataclass
class PinchDetector:
    """Thumb-index pinches on one hand, with hysteresis: closes below `close`, opens above
    `open`, each confirmed over `confirm` frames, on the median of the last three distances
    (one wild frame changes nothing).  A close that never got below `close` is a partial pinch.
    `update` returns "close", "open", "partial" or None."""

    close: float = PINCH_CLOSE
    open: float = PINCH_OPEN
    attempt: float = PINCH_ATTEMPT
    confirm: int = 1
    pinched: bool = False
    distance: float = float("inf")
    partials: int = 0
    _recent: deque[float] = field(default_factory=lambda: deque(maxlen=3))
    _streak: int = 0
    _trying: bool = False
    _armed: bool = True  # opened wide since the last pinch: a new attempt may begin

    def update(self, hand: Hand, aspect: float) -> str | None:
        self._recent.append(g.pinch_distance(hand, aspect))
        d = float(np.median(self._recent))
        self.distance = d
        if not self.pinched:
            if d > self.attempt:
                self._armed = True
            elif self._armed:
                self._trying = True
            if d < self.close:
                self._streak += 1
                if self._streak >= self.confirm:
                    self.pinched, self._streak, self._trying = True, 0, False
                    return "close"
                return None
            self._streak = 0
            if self._trying and d > self.attempt:
                self._trying = False
                self.partials += 1
                return "partial"
            return None
        if d > self.open:
            self._streak += 1
            if self._streak >= self.confirm:
                self.pinched, self._streak, self._armed = False, 0, False
                return "open"
        else:
            self._streak = 0
        return None


@dataclass
class Settled:
    """A per-frame reading (the fingers shown) that changes only once a new value has lasted
    SETTLE_S -- the first value too (None until then): MediaPipe Hands misses a hand or flips
    its label for a frame or two, and such a glitch must neither answer nor restart a hold.
    `since` is when the value first appeared, so holds and reaction times are still timed from
    the real change."""

    settle_s: float = SETTLE_S
    value: Any = None
    since: float = 0.0
    _candidate: Any = None
    _candidate_since: float = 0.0

    def update(self, reading: Any, t: float) -> bool:
        """Feed one frame's reading; True when the settled value changed."""
        if reading == self.value:
            self._candidate = None
            return False
        if self._candidate is None or reading != self._candidate:
            self._candidate, self._candidate_since = reading, t
        if t - self._candidate_since + 1e-9 >= self.settle_s:
            self.value, self.since, self._candidate = reading, self._candidate_since, None
            return True
        return False


@dataclass
class HandLabels:
    """Keeps each hand on its side through a mislabelled frame or two.  MediaPipe Hands
    sometimes labels a hand as the other one for a frame or two (most often with one hand in
    view); a per-side counter fed such a frame would count a tap or a pinch for the wrong hand.
    A hand whose wrist is where the *other* side's hand just was -- and not where its own
    label's hand was -- takes the other side; with two hands the pairing that moved them least
    wins.  Overriding the labels ends after `max_override_s`: a label that disagrees longer is
    no glitch (the child switched hands close to where the other was, or the first look was
    the mislabelled one), so MediaPipe is believed from then on."""

    memory_s: float = 0.5  # a side's last position is trusted this long
    near: float = 1.5  # hand sizes: how far a wrist may move between two looks
    max_override_s: float = 0.2  # glitches last 1-2 frames; 6 frames is not a glitch
    wrists: dict[str, tuple[float, np.ndarray]] = field(default_factory=dict)  # side -> (t, xy)
    overriding_since: float | None = None

    def fix(self, hands: tuple[Hand, ...], frame: PoseFrame) -> tuple[Hand, ...]:
        recent = {side: xy for side, (t, xy) in self.wrists.items() if 0.0 <= frame.t - t <= self.memory_s}
        points = [g.hand_xy(h, HandPoint.WRIST, frame.aspect) for h in hands]
        sizes = [g.hand_size(h, frame.aspect) for h in hands]
        labelled = [h.side for h in hands]
        if len(hands) == 2 and labelled[0] == labelled[1]:  # one label twice: go by position
            labelled = ["left", "right"] if points[0][0] <= points[1][0] else ["right", "left"]
        sides = labelled
        if len(hands) == 1 and recent:
            other = "right" if labelled[0] == "left" else "left"
            reach = self.near * sizes[0]

            def dist(side: str) -> float:
                return float(np.linalg.norm(points[0] - recent[side])) if side in recent else math.inf

            if dist(labelled[0]) > reach and dist(other) <= reach:
                sides = [other]
        elif len(hands) == 2 and len(recent) == 2:
            def cost(order: list[str]) -> float:
                return sum(float(np.linalg.norm(p - recent[s])) for p, s in zip(points, order, strict=True))

            swapped = [labelled[1], labelled[0]]
            if cost(swapped) + self.near * min(sizes) < cost(labelled):
                sides = swapped
        if sides != labelled:
            if self.overriding_since is None:
                self.overriding_since = frame.t
            elif frame.t - self.overriding_since > self.max_override_s:
                sides = labelled
        if sides == labelled:
            self.overriding_since = None
        for side, xy in zip(sides, points, strict=True):
            self.wrists[side] = (frame.t, xy)
        if len(hands) == 1:  # the other side's last look at this very spot was this hand
            ghost = "right" if sides[0] == "left" else "left"
            if ghost in recent and float(np.linalg.norm(points[0] - recent[ghost])) <= self.near * sizes[0]:
                del self.wrists[ghost]
        return tuple(h if h.side == side else Hand(h.points, side, h.score)  # type: ignore[arg-type]
                     for h, side in zip(hands, sides, strict=True))


@dataclass
class StillnessGate:
    """The hand activities' start pose: the needed hand(s) open and held still."""

    anchors: dict[str, np.ndarray] = field(default_factory=dict)
    last_t: float | None = None

    def check(self, hands: list[Hand], frame: PoseFrame) -> bool:
        dt = 0.0 if self.last_t is None else max(0.0, min(frame.t - self.last_t, 0.5))
        self.last_t = frame.t
        alpha = 1.0 - math.exp(-dt / STILL_TAU_S) if dt > 0 else 0.0
        ok = bool(hands)
        for hand in hands:
            wrist = g.hand_xy(hand, HandPoint.WRIST, frame.aspect)
            anchor = self.anchors.get(hand.side)
            anchor = wrist if anchor is None else anchor + alpha * (wrist - anchor)
            self.anchors[hand.side] = anchor
            size = g.hand_size(hand, frame.aspect)
            still = float(np.linalg.norm(wrist - anchor)) < STILL_HAND_SIZES * size
            ok = ok and still and is_open(hand, frame.aspect)
        return ok


class HandActivity(ActivityBase):
    """ActivityBase for hand activities: `side` picks the hand(s), the ready gate is an open hand
    held still, and the activity pauses when the needed hand is lost."""

    gate_resets = True

    def __init__(self) -> None:
        super().__init__()
        self.gate = StillnessGate()
        self.preferred: Side | None = None  # with side "either": the hand in use
        self.labels = HandLabels()
        self._labelled: tuple[PoseFrame, tuple[Hand, ...]] | None = None

    def hands_of(self, frame: PoseFrame) -> tuple[Hand, ...]:
        """The frame's hands with their sides kept steady (HandLabels), worked out once per frame."""
        if self._labelled is None or self._labelled[0] is not frame:
            self._labelled = (frame, self.labels.fix(frame.hands, frame))
        return self._labelled[1]

    def side_param(self) -> str:
        return str(self.params.get("side", "either"))

    def wanted_hands(self, frame: PoseFrame) -> list[Hand]:
        """The hands this activity listens to in this frame (left before right)."""
        side = self.side_param()
        hands = sorted(self.hands_of(frame), key=lambda h: h.side)
        if side in SIDES:
            return [h for h in hands if h.side == side][:1]
        seen: dict[str, Hand] = {}
        for h in hands:
            seen.setdefault(h.side, h)
        return list(seen.values())

    def main_hand(self, frame: PoseFrame) -> Hand | None:
        """One hand to follow: the asked one, or with "either" the one in use (else the first)."""
        hands = self.wanted_hands(frame)
        if not hands:
            return None
        for h in hands:
            if h.side == self.preferred:
                return h
        self.preferred = hands[0].side
        return hands[0]

    def sees(self, frame: PoseFrame) -> bool:
        hands = self.wanted_hands(frame)
        if self.side_param() == "both":
            return len(hands) == 2
        return bool(hands)

    def in_start_pose(self, frame: PoseFrame) -> bool:
        """The open hand held still for READY_HOLD_S without a break: a hand that keeps pinching
        or moving while getting into position never opens the gate."""
        hands = self.wanted_hands(frame)
        if self.side_param() not in ("both",) and hands:
            hands = [h for h in hands if is_open(h, frame.aspect)][:1] or hands[:1]
        return self.gate.check(hands, frame)

    def start_pose_cue(self) -> str:
        return "open_hand"

    def missing_cue(self, frame: PoseFrame | None) -> str:
        side = self.side_param()
        if frame is not None and frame.hands and side in SIDES:
            return "use_left" if side == "left" else "use_right"
        return "show_hands"

    def on_level_change(self, old: int, new: int, t: float) -> None:
        """Take the new level's difficulty; the run's goal and layout stay as they started."""
        level = self.info.levels.get(new, {})
        self.params.update({k: v for k, v in level.items() if k not in FIXED_DURING_RUN})
        self.apply_level(t)

    def apply_level(self, t: float) -> None:
        """Re-read level-dependent parameters (after a level change)."""


def mean(values: list[float]) -> float:
    return float(sum(values) / len(values)) if values else 0.0


TAP_CLOSE = 0.30  # thumb tip to a fingertip, hand sizes: a touch starts below this ...
TAP_OPEN = 0.50  # ... and ends above this


@dataclass
class TapDetector:
    """Thumb-to-fingertip touches on one hand: which fingertip the thumb closed on, with the same
    hysteresis and three-frame median as the pinch.  `update` returns the finger name when a
    touch starts, else None."""

    close: float = TAP_CLOSE
    open: float = TAP_OPEN
    touching: str | None = None
    _recent: deque[np.ndarray] = field(default_factory=lambda: deque(maxlen=3))

    def update(self, hand: Hand, aspect: float) -> str | None:
        size = g.hand_size(hand, aspect)
        if size <= 1e-9:
            return None
        thumb = g.hand_xyz(hand, HandPoint.THUMB_TIP, aspect)
        self._recent.append(np.array([
            float(np.linalg.norm(g.hand_xyz(hand, tip, aspect) - thumb)) / size for tip in FINGERTIPS.values()]))
        d = np.median(np.array(self._recent), axis=0)
        names = list(FINGERTIPS)
        if self.touching is not None:
            if d[names.index(self.touching)] > self.open:
                self.touching = None
            return None
        nearest = int(np.argmin(d))
        if d[nearest] < self.close:
            self.touching = names[nearest]
            return self.touching
        return None
