"""Jumping jacks: arms from the sides to over the head while the feet jump apart, and back.

A rep needs both halves of the movement, so the counting signal is the smaller of two:
- arms: the lower arm's shoulder abduction, 0 at ARM_REST_DEG and 1 at `arm_angle`;
- legs: ankle spread in hip widths, 0 at the child's own standing spread (measured while the
  ready gate is held) and 1 at `leg_spread`.
Waving the arms or stepping wide alone never counts.  Seated, the arms alone make the rep.
A movement that gets a third of the way and turns back is a partial rep.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exercises.activities._gross_common import (
    ANKLES,
    ELBOWS,
    SIDES,
    TRUNK,
    GrossActivity,
    RunningMedian,
    TimedSamples,
    TrackedReps,
    ankle_spread,
    hip_width,
    standard_params,
    success_rate,
)
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.base import asymmetry_index
from exercises.events import Event, Side
from exercises.geometry import shoulder_abduction, visible
from exercises.reps import RepCounter, normalise
from tracking.frame import PoseFrame
from tracking.landmarks import Body

ARM_REST_DEG = 20.0  # shoulder abduction that reads as "arms down" (signal 0)
ARMS_DOWN_DEG = 40.0  # the start pose: both arms below this
MIN_GAIN_HW = 0.4  # the legs must open at least this much beyond the standing spread

INFO = ActivityInfo(
    id="jumping_jacks",
    name="Jumping Jacks",
    domain="gross",
    needs="body",
    skills=("bilateral coordination", "rhythm", "shoulder range of motion", "endurance"),
    clinical_domain="bilateral coordination",
    count_words=("jump", "jumps"),
    params=standard_params(10, seated=True, extra=(
        ParamSpec("arm_angle", "float", 140.0, "shoulder abduction that counts as arms up",
                  unit="deg", minimum=90.0, maximum=175.0),
        ParamSpec("leg_spread", "float", 2.4,
                  "ankle distance that counts as feet apart (ignored when seated)",
                  unit="hip widths", minimum=1.5, maximum=4.0),
    )),
    levels={
        1: {"arm_angle": 115.0, "leg_spread": 2.0},
        2: {"arm_angle": 125.0, "leg_spread": 2.2},
        3: {"arm_angle": 140.0, "leg_spread": 2.4},
        4: {"arm_angle": 150.0, "leg_spread": 2.6},
        5: {"arm_angle": 160.0, "leg_spread": 2.8},
    },
    metrics=(
        MetricSpec("reps", "reps", "full jumping jacks: arms above arm_angle and feet at least "
                   "leg_spread apart (arms only when seated), then back to the start"),
        MetricSpec("partial_reps", "reps", "movements that got at least a third of the way and "
                   "turned back before a full jack", higher_is_better=False),
        MetricSpec("cadence_per_min", "reps/min", "full jacks per minute, first to last rep",
                   higher_is_better=None),
        MetricSpec("peak_abduction_deg", "deg", "highest shoulder abduction (upper arm against "
                   "the trunk line) in each full jack, averaged over the jacks", per_side=True),
        MetricSpec("leg_spread_hw", "hip widths", "widest ankle distance in each full jack, in "
                   "hip widths, averaged over the jacks (0 when seated)"),
        MetricSpec("asymmetry_index", "%", "(left - right) / (left + right) x 100 of the peak "
                   "abduction: 0 symmetric, positive means the left arm went higher",
                   higher_is_better=None),
    ),
    seated_variant=True,
    description="Jump the feet apart while the arms swing up over the head, then back.",
)


class JumpingJacks(GrossActivity):
    info = INFO

    def __init__(self) -> None:
        super().__init__()
        self.hip_unit = RunningMedian(45)
        self.gate_spread = TimedSamples(1.5)
        self.base_spread = 1.0
        self.angle_filters = {side: RunningMedian(3) for side in SIDES}
        self.spread_filter = RunningMedian(3)
        self.jacks = TrackedReps(RepCounter(high=1.0, low=0.2, partial=0.3, min_rep_s=0.35),
                                 highs=("left", "right", "spread", "arms", "legs"))
        self.signals: dict[str, float] = {}

    @property
    def seated(self) -> bool:
        return bool(self.params.get("seated", False))

    def needed(self) -> tuple[Body, ...]:
        return TRUNK + ELBOWS + (() if self.seated else ANKLES)

    def sees(self, frame: PoseFrame) -> bool:
        return visible(frame, self.needed())

    def spread_hw(self, frame: PoseFrame) -> float | None:
        spread, unit = ankle_spread(frame), self.hip_unit.value
        return None if spread is None or not unit else spread / unit

    def observe(self, frame: PoseFrame, t: float) -> None:
        super().observe(frame, t)
        self.hip_unit.add(hip_width(frame))

    def in_start_pose(self, frame: PoseFrame) -> bool:
        t = frame.t
        self.observe(frame, t)
        angles = [shoulder_abduction(frame, side) for side in SIDES]
        if any(a is None or a > ARMS_DOWN_DEG for a in angles):
            return False
        if not self.seated:
            spread = self.spread_hw(frame)
            if spread is None or spread > self.param("leg_spread") - MIN_GAIN_HW:
                return False
            self.gate_spread.add(t, spread)
        return self.still(frame, t)

    def on_play(self, t: float) -> None:
        standing = self.gate_spread.median()
        if standing is not None:
            self.base_spread = standing

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        self.observe(frame, t)
        angles = {side: self.angle_filters[side](shoulder_abduction(frame, side)) for side in SIDES}
        low_arm = min((a for a in angles.values() if a is not None), default=None)
        arms = normalise(low_arm, ARM_REST_DEG, self.param("arm_angle"))
        measures: dict[str, float | None] = {"left": angles["left"], "right": angles["right"],
                                             "arms": arms}
        if self.seated:
            signal = arms
        else:
            spread = self.spread_filter(self.spread_hw(frame))
            base = min(self.base_spread, self.param("leg_spread") - MIN_GAIN_HW)
            legs = normalise(spread, base, self.param("leg_spread"))
            measures.update(spread=spread, legs=legs)
            signal = None if arms is None or legs is None else min(arms, legs)
        if None in angles.values():
            signal = None
        self.signals = {k: v for k, v in measures.items() if k in ("arms", "legs") and v is not None}
        events: list[Event] = []
        out = self.jacks.update(signal, t, measures)
        if out.completed:
            self.counted(out, t, events)
        elif out.partial:
            reached = self.jacks.partial_extremes[-1]
            self.fell_short(out, t, events, "arms_higher" if reached.get("arms", 0.0) < 1.0 else "feet_apart")
        return events

    def done(self) -> bool:
        return self.goal() > 0 and self.jacks.reps >= self.goal()

    def count(self) -> int:
        return self.jacks.reps

    def reps(self) -> int | None:
        return self.jacks.reps

    def metrics(self) -> Mapping[str, float]:
        left, right = self.jacks.mean("left"), self.jacks.mean("right")
        return {
            "reps": self.jacks.reps,
            "partial_reps": self.jacks.partials,
            "cadence_per_min": round(self.jacks.counter.cadence_per_min(), 2),
            "peak_abduction_deg": round((left + right) / 2.0, 2),
            "leg_spread_hw": 0.0 if self.seated else self.jacks.mean("spread"),
            "asymmetry_index": asymmetry_index(left, right),
        }

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {side: {"peak_abduction_deg": self.jacks.mean(side)} for side in SIDES}

    def success_rate(self) -> float | None:
        return success_rate(self.jacks.reps, self.jacks.partials)

    def view_fields(self) -> Mapping[str, Any]:
        return {"extra": {k: round(max(0.0, min(1.0, v)), 3) for k, v in self.signals.items()}
                | {"partial_reps": self.jacks.partials}}


def create() -> JumpingJacks:
    return JumpingJacks()
