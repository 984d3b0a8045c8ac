"""Finger taps: touch the thumb to each fingertip in order, index to little finger and back.

Trains finger individuation and sequencing (the clinical finger-opposition test).  The order
is a ping-pong over the level's fingers: with four, index, middle, ring, pinky, ring, middle,
then index again.  A touch on the expected finger is a correct tap (the main count); a touch
on any other finger is a sequence error and the child still owes the expected finger.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from exercises import params as P
from exercises.activities._hands_common import SIDES, HandActivity, TapDetector
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.base import asymmetry_index
from exercises.events import Event, RepCompleted, Side, TargetMissed
from tracking.frame import PoseFrame
from tracking.landmarks import HandPoint

LONG_FINGERS: tuple[str, ...] = ("index", "middle", "ring", "pinky")

INFO = ActivityInfo(
    id="finger_taps",
    name="Finger Taps",
    domain="fine",
    needs="hands",
    skills=("finger individuation", "thumb opposition", "motor sequencing"),
    clinical_domain="manual dexterity",
    count_words=("finger tap", "finger taps"),
    params=(
        P.side("either", ("either", "left", "right", "both")),
        P.reps(12, 1, 100, unit="taps", meaning="correct taps to finish (per hand with side 'both')"),
        ParamSpec("fingers", "int", 4, "how many fingers the sequence uses, from the index finger",
                  minimum=2, maximum=4),
        P.duration(60.0),
        P.adaptive(),
        *P.level_bounds(),
    ),
    levels={
        1: {"fingers": 2, "reps": 8},
        2: {"fingers": 3, "reps": 8},
        3: {"fingers": 4, "reps": 12},
        4: {"fingers": 4, "reps": 18},
        5: {"fingers": 4, "reps": 24},
    },
    metrics=(
        MetricSpec("correct_taps", "taps", "thumb touched the expected fingertip (under 0.3 hand "
                   "sizes, then apart beyond 0.5)", per_side=True),
        MetricSpec("sequence_errors", "taps", "thumb touched a fingertip out of order", per_side=True,
                   higher_is_better=False),
        MetricSpec("taps_per_s", "taps/s", "all touches (right or wrong) per second, first to last",
                   per_side=True),
        MetricSpec("accuracy", "ratio", "correct taps / all taps", per_side=True),
        MetricSpec("asymmetry_index", "%", "(left - right) / (left + right) correct taps x 100 "
                   "(only with side 'both')", higher_is_better=None),
    ),
    main_measure="reps",
    sides=("either", "left", "right", "both"),
    description="Touch your thumb to each finger, one after another, and back again.",
)


def tap_order(fingers: int) -> tuple[str, ...]:
    """One ping-pong cycle over the first `fingers` long fingers."""
    names = LONG_FINGERS[:fingers]
    return names + names[-2:0:-1]


@dataclass
class HandTaps:
    detector: TapDetector = field(default_factory=TapDetector)
    position: int = 0  # taps done in the sequence
    correct: int = 0
    errors: int = 0
    times: list[float] = field(default_factory=list)

    def as_metrics(self) -> dict[str, float]:
        n = len(self.times)
        span = self.times[-1] - self.times[0] if n > 1 else 0.0
        return {"correct_taps": self.correct, "sequence_errors": self.errors,
                "taps_per_s": round((n - 1) / span, 3) if span > 0 else 0.0,
                "accuracy": round(self.correct / n, 4) if n else 0.0}


class FingerTaps(HandActivity):
    info = INFO

    def on_start(self, t: float) -> None:
        self.hands: dict[str, HandTaps] = {s: HandTaps() for s in SIDES}
        self.pointer: tuple[float, float] | None = None
        self.apply_level(t)

    def apply_level(self, t: float) -> None:
        self.order = tap_order(int(self.params.get("fingers", 4)))

    def expected(self, side: str) -> str:
        return self.order[self.hands[side].position % len(self.order)]

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        events: list[Event] = []
        main = self.main_hand(frame)
        self.pointer = None
        for hand in self.wanted_hands(frame):
            state = self.hands[hand.side]
            if hand is main:
                self.pointer = tuple(float(v) for v in hand.xy(HandPoint.THUMB_TIP))  # type: ignore[assignment]
            finger = state.detector.update(hand, frame.aspect)
            if finger is None or self._hand_done(hand.side):
                continue
            state.times.append(t)
            if finger == self.expected(hand.side):
                state.position += 1
                state.correct += 1
                events.append(RepCompleted(t, count=self.count(), side=hand.side))
                self.trial(True, t, events)
            else:
                state.errors += 1
                events.append(TargetMissed(t, LONG_FINGERS.index(finger), reason="wrong_finger"))
                self.cue(events, "tap_next", t)
                self.trial(False, t, events)
        return events

    def _hand_done(self, side: str) -> bool:
        return self.side_param() == "both" and self.hands[side].correct >= int(self.params.get("reps", 0))

    def count(self) -> int:
        return sum(h.correct for h in self.hands.values())

    def goal(self) -> int:
        reps = int(self.params.get("reps", 0) or 0)
        return 2 * reps if self.side_param() == "both" else reps

    def done(self) -> bool:
        return self.count() >= self.goal() > 0

    def reps(self) -> int | None:
        return self.count()

    def _used_sides(self) -> list[str]:
        side = self.side_param()
        if side in SIDES:
            return [side]
        if side == "both":
            return list(SIDES)
        return [s for s in SIDES if self.hands[s].times]

    def metrics(self) -> Mapping[str, float]:
        times = sorted(t for h in self.hands.values() for t in h.times)
        total = HandTaps(correct=self.count(), errors=sum(h.errors for h in self.hands.values()))
        out: dict[str, float] = total.as_metrics()
        rates = [self.hands[s].as_metrics()["taps_per_s"] for s in self._used_sides()]
        out["taps_per_s"] = round(sum(rates) / len(rates), 3) if rates else 0.0  # per hand, averaged
        out["accuracy"] = round(total.correct / len(times), 4) if times else 0.0
        if self.side_param() == "both":
            out["asymmetry_index"] = asymmetry_index(self.hands["left"].correct, self.hands["right"].correct)
        return out

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {s: self.hands[s].as_metrics() for s in self._used_sides()}  # type: ignore[misc]

    def success_rate(self) -> float | None:
        n = sum(len(h.times) for h in self.hands.values())
        return round(self.count() / n, 4) if n else None

    def view_fields(self) -> Mapping[str, Any]:
        side = self.preferred if self.preferred in SIDES else "right"
        if self.side_param() in SIDES:
            side = self.side_param()
        finger = self.expected(side)  # type: ignore[arg-type]
        return {"number": LONG_FINGERS.index(finger) + 1, "pointer": self.pointer, "side": side,
                "extra": {"finger": finger,
                          "next": {s: self.expected(s) for s in SIDES}}}


def create() -> FingerTaps:
    return FingerTaps()

