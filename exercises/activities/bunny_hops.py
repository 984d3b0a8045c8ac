"""Bunny hops: two-footed jumps in place, in a steady rhythm.

A hop is both feet leaving the floor, so the counting signal is the *lower* of the two ankles'
rise above the floor, in leg lengths: a step, a march or a one-foot hop leaves one ankle on
the floor and never counts.  The floor under each ankle is a high quantile of its picture
height over the last two seconds (the feet spend most of a hop on the ground), so it follows a
child who drifts nearer or farther.  A flight longer than MAX_FLIGHT_S is not a hop (slowly
stepping somewhere else looks like a long, slow rise), and is not counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from exercises.activities._gross_common import (
    ANKLES,
    KNEES,
    SIDES,
    TRUNK,
    GrossActivity,
    RunningMedian,
    TimedSamples,
    TrackedReps,
    interval_cv,
    standard_params,
    success_rate,
)
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.events import Event
from exercises.geometry import knee_angle, leg_length, pt, side_lm, visible
from exercises.reps import RepCounter, cadence_per_min
from tracking.frame import PoseFrame

STRAIGHT_KNEE_DEG = 155.0  # legs this straight give the leg-length unit and the start pose
FLOOR_WINDOW_S = 2.0
FLOOR_QUANTILE = 0.8
MAX_FLIGHT_S = 1.0
PARTIAL_SHARE, LOW_SHARE = 0.4, 0.25  # of min_height: a partial hop, back on the floor
MIN_PARTIAL_RISE, MIN_LOW_RISE = 0.025, 0.015  # leg lengths: never closer to noise than this

INFO = ActivityInfo(
    id="bunny_hops",
    name="Bunny Hops",
    domain="gross",
    needs="body",
    skills=("two-footed jumping", "rhythm", "lower-limb power", "balance"),
    clinical_domain="bilateral coordination",
    count_words=("hop", "hops"),
    params=standard_params(10, seated=False, extra=(
        ParamSpec("min_height", "float", 6.0, "how high both feet must leave the floor for a "
                  "hop", unit="% leg length", minimum=2.0, maximum=30.0),
    ), reps_meaning="hops to finish the activity"),
    levels={
        1: {"min_height": 4.0},
        2: {"min_height": 5.0},
        3: {"min_height": 6.0},
        4: {"min_height": 7.5},
        5: {"min_height": 9.0},
    },
    metrics=(
        MetricSpec("reps", "hops", "two-footed hops: both ankles rose at least min_height above "
                   "the floor and came back down within a second"),
        MetricSpec("partial_reps", "hops", "jumps where both feet rose less than min_height "
                   "(at least 40% of it, and 2.5% of the leg length)", higher_is_better=False),
        MetricSpec("jump_height_leg_pct", "% leg length", "highest rise of the ankles' midpoint "
                   "above the floor in each hop, in % of the standing leg length (hip to knee "
                   "to ankle), averaged over the hops"),
        MetricSpec("jump_height_torso", "torso lengths", "the same jump height in torso lengths "
                   "(shoulder midpoint to hip midpoint)"),
        MetricSpec("hops_per_min", "hops/min", "hops per minute, first to last hop",
                   higher_is_better=None),
        MetricSpec("rhythm_cv", "ratio", "coefficient of variation (std / mean) of the times "
                   "between hops: 0 a perfectly steady rhythm, 0.2 quite uneven",
                   higher_is_better=False),
    ),
    description="Jump with both feet together, like a bunny, in a steady beat.",
)


class BunnyHops(GrossActivity):
    info = INFO

    def __init__(self) -> None:
        super().__init__()
        self.leg_unit = RunningMedian(45)
        self.floors = {side: TimedSamples(FLOOR_WINDOW_S) for side in SIDES}
        self.rise_filters = {side: RunningMedian(5) for side in SIDES}  # a flight spans ~10 frames
        self.mid_filter = RunningMedian(3)
        self.hops = TrackedReps(RepCounter(high=1.0, low=LOW_SHARE, partial=PARTIAL_SHARE,
                                           min_rep_s=0.1),
                                highs=("rise",))
        self.hop_times: list[float] = []
        self.heights: list[float] = []  # leg lengths, per counted hop
        self.long_flights = 0
        self.signal = 0.0

    def sees(self, frame: PoseFrame) -> bool:
        return visible(frame, TRUNK + KNEES + ANKLES)

    def observe(self, frame: PoseFrame, t: float) -> None:
        super().observe(frame, t)
        knees = [knee_angle(frame, side) for side in SIDES]
        if all(k is not None and k >= STRAIGHT_KNEE_DEG for k in knees):
            lengths = [leg_length(frame, side) for side in SIDES]
            if all(length is not None for length in lengths):
                self.leg_unit.add(float(np.mean(lengths)))
        for side in SIDES:
            self.floors[side].add(t, float(pt(frame, side_lm(side, "ANKLE"))[1]))

    def rise(self, frame: PoseFrame, side: str) -> float | None:
        """How far this ankle is above its floor, in leg lengths."""
        floor, unit = self.floors[side].quantile(FLOOR_QUANTILE), self.leg_unit.value
        if floor is None or not unit:
            return None
        return (floor - float(pt(frame, side_lm(side, "ANKLE"))[1])) / unit

    def min_height(self) -> float:
        return self.param("min_height") / 100.0

    def set_thresholds(self) -> None:
        """A partial hop or a landing must be a real rise, not tracker noise, at every level."""
        counter, h = self.hops.counter, self.min_height()
        counter.partial = max(PARTIAL_SHARE, MIN_PARTIAL_RISE / h)
        counter.low = max(LOW_SHARE, MIN_LOW_RISE / h)

    def in_start_pose(self, frame: PoseFrame) -> bool:
        self.observe(frame, frame.t)
        knees = [knee_angle(frame, side) for side in SIDES]
        if any(k is None or k < STRAIGHT_KNEE_DEG for k in knees):
            return False
        return self.still(frame, frame.t)

    def on_play(self, t: float) -> None:
        """The floor is measured afresh from here: frames from before the gate may show the
        child still stepping into place, and a stale floor would look like a rise."""
        for floor in self.floors.values():
            floor.samples.clear()

    def on_resume(self, t: float) -> None:
        self.on_play(t)  # the child may come back somewhere else

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        self.observe(frame, t)
        raw = {side: self.rise(frame, side) for side in SIDES}
        rises = {side: self.rise_filters[side](raw[side]) for side in SIDES}
        events: list[Event] = []
        if None in rises.values():
            return events
        left, right = rises["left"], rises["right"]
        assert left is not None and right is not None
        # The mean of both ankles (half the noise of one), unless one foot stayed down: then
        # twice the lower one, which is about 0.
        both_feet = min((left + right) / 2.0, 2.0 * min(left, right))
        middle = self.mid_filter((raw["left"] + raw["right"]) / 2.0)  # type: ignore[operator]
        self.set_thresholds()
        signal = both_feet / self.min_height()
        self.signal = signal
        out = self.hops.update(signal, t, {"rise": middle})
        if out.completed:
            if out.duration_s > MAX_FLIGHT_S:
                self.long_flights += 1
                return events
            self.hop_times.append(t)
            self.heights.append(self.hops.per_rep["rise"][-1])
            self.counted(out, t, events)
        elif out.partial:
            self.fell_short(out, t, events, "jump")
        return events

    def done(self) -> bool:
        return self.goal() > 0 and self.count() >= self.goal()

    def count(self) -> int:
        return len(self.hop_times)

    def reps(self) -> int | None:
        return self.count()

    def metrics(self) -> Mapping[str, float]:
        height = float(np.mean(self.heights)) if self.heights else 0.0
        leg, torso = self.leg_unit.value or 0.0, self.unit or 0.0
        return {
            "reps": self.count(),
            "partial_reps": self.hops.partials,
            "jump_height_leg_pct": round(100.0 * height, 2),
            "jump_height_torso": round(height * leg / torso, 3) if torso else 0.0,
            "hops_per_min": cadence_per_min(self.hop_times),
            "rhythm_cv": interval_cv(self.hop_times),
        }

    def success_rate(self) -> float | None:
        return success_rate(self.count(), self.hops.partials)

    def view_fields(self) -> Mapping[str, Any]:
        return {"extra": {"height": round(max(0.0, min(1.0, self.signal)), 3)}}


def create() -> BunnyHops:
    return BunnyHops()
