"""Frog squats: bend the knees (opening them outward), sink the hips, and stand back up.

Counted from a front camera, where the knee angle is mostly depth (MediaPipe's weakest
coordinate), so the counting signal is the hip drop: the hips' height above the ankles in
torso lengths, as a share of the child's own standing value (measured while the ready gate is
held).  0 standing, 1 at `depth`.  The 3D knee angle is still measured where the legs are
seen, for the "deepest knee angle" figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exercises.activities._gross_common import (
    ANKLES,
    HIPS,
    SIDES,
    TRUNK,
    GrossActivity,
    RunningMedian,
    TimedSamples,
    TrackedReps,
    standard_params,
    success_rate,
    y_of,
)
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.events import Event, Side
from exercises.geometry import knee_angle, visible
from exercises.reps import RepCounter, mean_interval_s
from tracking.frame import PoseFrame

STANDING_KNEE_DEG = 155.0  # the start pose: both knees straighter than this
# Without a gate (a recorded clip analysed whole) standing height is a high quantile of the
# recent hip heights: the child stands between squats.
RECENT_WINDOW_S, RECENT_STANDING_Q = 6.0, 0.9

INFO = ActivityInfo(
    id="frog_squats",
    name="Frog Squats",
    domain="gross",
    needs="body",
    skills=("lower-limb strength", "balance", "motor control"),
    clinical_domain="balance",
    count_words=("squat", "squats"),
    params=standard_params(8, seated=False, extra=(
        ParamSpec("depth", "float", 0.18, "hip drop that counts as a full squat, as a share of "
                  "the standing hip height", unit="share", minimum=0.08, maximum=0.6),
    )),
    levels={
        1: {"depth": 0.1},
        2: {"depth": 0.14},
        3: {"depth": 0.18},
        4: {"depth": 0.22},
        5: {"depth": 0.26},
    },
    metrics=(
        MetricSpec("reps", "reps", "full squats: hips sank at least `depth` of the standing hip "
                   "height and rose back up"),
        MetricSpec("partial_reps", "reps", "squats that got at least a third of the way down "
                   "and came back up early", higher_is_better=False),
        MetricSpec("deepest_knee_deg", "deg", "smallest knee angle (180 = straight leg, 3D, "
                   "mean of both knees) reached in any full squat", higher_is_better=False),
        MetricSpec("mean_bottom_knee_deg", "deg", "knee angle at the bottom of each full squat, "
                   "averaged", higher_is_better=False),
        MetricSpec("hip_drop", "share", "how far the hips sank in each full squat, as a share "
                   "of the standing hip height, averaged"),
        MetricSpec("tempo_s", "s/rep", "seconds per squat: mean time between consecutive full "
                   "squats (the squat's own duration when there is only one)",
                   higher_is_better=None),
        MetricSpec("bottom_knee_deg", "deg", "this knee's angle at the bottom of each full "
                   "squat, averaged", per_side=True, higher_is_better=False),
    ),
    description="Squat down like a frog, knees wide, and stand back up tall.",
)


class FrogSquats(GrossActivity):
    info = INFO

    def __init__(self) -> None:
        super().__init__()
        self.gate_height = TimedSamples(1.5)
        self.standing = 0.0  # hip height while the gate was held (0: gate skipped)
        self.recent = TimedSamples(RECENT_WINDOW_S)
        self.height_filter = RunningMedian(3)
        self.knee_filters = {side: RunningMedian(3) for side in SIDES}
        self.squats = TrackedReps(RepCounter(high=1.0, low=0.25, partial=0.35, min_rep_s=0.5),
                                  highs=("drop",), lows=("knee", "left", "right"))
        self.signal = 0.0

    def sees(self, frame: PoseFrame) -> bool:
        return visible(frame, TRUNK + ANKLES)

    def hip_height(self, frame: PoseFrame) -> float | None:
        """Hips above the ankles, in torso lengths (front view: vertical picture distance)."""
        hips, ankles = y_of(frame, HIPS), y_of(frame, ANKLES)
        if hips is None or ankles is None or not self.unit:
            return None
        return (ankles - hips) / self.unit

    def in_start_pose(self, frame: PoseFrame) -> bool:
        self.observe(frame, frame.t)
        knees = [knee_angle(frame, side) for side in SIDES]
        if any(k is None or k < STANDING_KNEE_DEG for k in knees):
            return False
        self.gate_height.add(frame.t, self.hip_height(frame))
        return self.still(frame, frame.t)

    def on_play(self, t: float) -> None:
        self.standing = self.gate_height.median() or 0.0

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        self.observe(frame, t)
        height = self.height_filter(self.hip_height(frame))
        self.recent.add(t, height)
        standing = self.standing or self.recent.quantile(RECENT_STANDING_Q) or 0.0
        drop = None if height is None or standing <= 0 else (standing - height) / standing
        knees = {side: self.knee_filters[side](knee_angle(frame, side)) for side in SIDES}
        both = None if None in knees.values() else (knees["left"] + knees["right"]) / 2.0  # type: ignore[operator]
        signal = None if drop is None else drop / self.param("depth")
        if signal is not None:
            self.signal = signal
        events: list[Event] = []
        out = self.squats.update(signal, t, {"drop": drop, "knee": both, **knees})
        if out.completed:
            self.counted(out, t, events)
        elif out.partial:
            self.fell_short(out, t, events, "go_lower")
        return events

    def done(self) -> bool:
        return self.goal() > 0 and self.squats.reps >= self.goal()

    def count(self) -> int:
        return self.squats.reps

    def reps(self) -> int | None:
        return self.squats.reps

    def tempo_s(self) -> float:
        times = self.squats.counter.rep_times
        if len(times) >= 2:
            return mean_interval_s(times)
        return round(self.squats.durations[0], 3) if self.squats.durations else 0.0

    def metrics(self) -> Mapping[str, float]:
        return {
            "reps": self.squats.reps,
            "partial_reps": self.squats.partials,
            "deepest_knee_deg": self.squats.extreme("knee"),
            "mean_bottom_knee_deg": self.squats.mean("knee"),
            "hip_drop": self.squats.mean("drop", 3),
            "tempo_s": self.tempo_s(),
        }

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {side: {"bottom_knee_deg": self.squats.mean(side)} for side in SIDES}

    def success_rate(self) -> float | None:
        return success_rate(self.squats.reps, self.squats.partials)

    def view_fields(self) -> Mapping[str, Any]:
        return {"extra": {"depth": round(max(0.0, min(1.0, self.signal)), 3)}}


def create() -> FrogSquats:
    return FrogSquats()

