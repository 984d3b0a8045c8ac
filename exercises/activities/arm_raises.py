"""Arm raises, "make a rainbow": an arm sweeps out to the side and up over the head, and back.

Each arm has its own counter on its shoulder abduction (0 at ARM_REST_DEG, 1 at `arm_angle`),
so reps, partial reps and peak angles are always known per side.  The `side` parameter says
what the main count is:
- left / right: that arm's raises (the other arm's are recorded but do not count);
- both: both arms together; the counting signal is the lower arm, so one arm alone never
  counts;
- either: every raise of either arm (both at once count once per arm).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exercises import params as common
from exercises.activities._gross_common import (
    ELBOWS,
    SIDES,
    TRUNK,
    GrossActivity,
    RunningMedian,
    TrackedReps,
    standard_params,
    success_rate,
)
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.base import asymmetry_index
from exercises.events import Event, Side
from exercises.geometry import shoulder_abduction, visible
from exercises.reps import RepCounter, cadence_per_min, normalise
from tracking.frame import PoseFrame

ARM_REST_DEG = 20.0  # abduction that reads as "arm down" (signal 0)
ARMS_DOWN_DEG = 40.0  # the start pose: both arms below this

INFO = ActivityInfo(
    id="arm_raises",
    name="Make a Rainbow",
    domain="gross",
    needs="body",
    skills=("shoulder range of motion", "bilateral coordination", "body awareness"),
    clinical_domain="upper-limb coordination",
    count_words=("arm raise", "arm raises"),
    params=standard_params(
        10, seated=True,
        side=common.side("both", ("left", "right", "both", "either")),
        extra=(ParamSpec("arm_angle", "float", 140.0, "shoulder abduction that counts as a "
                         "full raise", unit="deg", minimum=90.0, maximum=175.0),),
        reps_meaning="raises to finish (per the side setting: one arm, both together, or any)",
    ),
    levels={
        1: {"arm_angle": 110.0},
        2: {"arm_angle": 125.0},
        3: {"arm_angle": 140.0},
        4: {"arm_angle": 150.0},
        5: {"arm_angle": 160.0},
    },
    metrics=(
        MetricSpec("reps", "reps", "full raises counted for the side setting: the chosen arm, "
                   "both arms together, or every arm raise for 'either'"),
        MetricSpec("partial_reps", "reps", "raises that got at least a third of the way and "
                   "came down before arm_angle (for the side setting)", higher_is_better=False),
        MetricSpec("cadence_per_min", "reps/min", "counted raises per minute, first to last",
                   higher_is_better=None),
        MetricSpec("arm_reps", "reps", "full raises made by this arm, whatever the side "
                   "setting", per_side=True),
        MetricSpec("arm_partial_reps", "reps", "this arm's raises that stopped short",
                   per_side=True, higher_is_better=False),
        MetricSpec("peak_abduction_deg", "deg", "highest shoulder abduction (upper arm against "
                   "the trunk line) in each of this arm's full raises, averaged", per_side=True),
        MetricSpec("asymmetry_index", "%", "(left - right) / (left + right) x 100 of the peak "
                   "abduction: 0 symmetric, positive means the left went higher (0 unless "
                   "both arms made full raises)", higher_is_better=None),
    ),
    sides=("left", "right", "both", "either"),
    seated_variant=True,
    description="Sweep the arms out to the side and up over the head like a rainbow.",
)


def _counter() -> RepCounter:
    return RepCounter(high=1.0, low=0.2, partial=0.3, min_rep_s=0.5)


class ArmRaises(GrossActivity):
    info = INFO

    def __init__(self) -> None:
        super().__init__()
        self.filters = {side: RunningMedian(3) for side in SIDES}
        self.arms = {side: TrackedReps(_counter(), highs=("angle",)) for side in SIDES}
        self.together = TrackedReps(_counter())
        self.signals: dict[str, float] = {}
        self.counted_times: list[float] = []

    def sees(self, frame: PoseFrame) -> bool:
        return visible(frame, TRUNK + ELBOWS)

    def in_start_pose(self, frame: PoseFrame) -> bool:
        self.observe(frame, frame.t)
        angles = [shoulder_abduction(frame, side) for side in SIDES]
        if any(a is None or a > ARMS_DOWN_DEG for a in angles):
            return False
        return self.still(frame, frame.t)

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        self.observe(frame, t)
        full = self.param("arm_angle")
        angles = {side: self.filters[side](shoulder_abduction(frame, side)) for side in SIDES}
        signals = {side: normalise(angles[side], ARM_REST_DEG, full) for side in SIDES}
        self.signals = {s: v for s, v in signals.items() if v is not None}
        events: list[Event] = []
        mode = self.side_param()
        for side in SIDES:
            out = self.arms[side].update(signals[side], t, {"angle": angles[side]})
            counts = mode in (side, "either")
            if out.completed:
                if counts:
                    self.counted_times.append(t)
                    self.counted(out, t, events, side)
                elif mode in SIDES:
                    self.cue(events, f"use_{mode}", t)
            elif out.partial and counts:
                self.fell_short(out, t, events, "arms_higher", side)
        if mode == "both":
            low = None if None in signals.values() else min(signals.values())  # type: ignore[type-var]
            out = self.together.update(low, t)
            if out.completed:
                self.counted_times.append(t)
                self.counted(out, t, events)
            elif out.partial:
                self.fell_short(out, t, events, "arms_higher")
        return events

    def _main(self) -> tuple[int, int]:
        """(reps, partial reps) for the side setting."""
        mode = self.side_param()
        if mode == "both":
            return self.together.reps, self.together.partials
        if mode == "either":
            return (sum(a.reps for a in self.arms.values()),
                    sum(a.partials for a in self.arms.values()))
        return self.arms[mode].reps, self.arms[mode].partials  # type: ignore[index]

    def done(self) -> bool:
        return self.goal() > 0 and self.count() >= self.goal()

    def count(self) -> int:
        return self._main()[0]

    def reps(self) -> int | None:
        return self.count()

    def metrics(self) -> Mapping[str, float]:
        reps, partials = self._main()
        left, right = (self.arms[s].mean("angle") for s in SIDES)
        return {
            "reps": reps,
            "partial_reps": partials,
            "cadence_per_min": cadence_per_min(self.counted_times),
            "asymmetry_index": asymmetry_index(left, right) if left and right else 0.0,
        }

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {side: {"arm_reps": self.arms[side].reps,
                       "arm_partial_reps": self.arms[side].partials,
                       "peak_abduction_deg": self.arms[side].mean("angle")} for side in SIDES}

    def success_rate(self) -> float | None:
        return success_rate(*self._main())

    def view_fields(self) -> Mapping[str, Any]:
        mode = self.side_param()
        return {
            "side": mode if mode in SIDES else None,
            "extra": {f"{s}_arm": round(max(0.0, min(1.0, v)), 3) for s, v in self.signals.items()},
        }


def create() -> ArmRaises:
    return ArmRaises()
