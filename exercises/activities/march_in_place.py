"""March in place: lift one knee, then the other, at a steady cadence.  Seated: lift the knees
from the chair.

Each leg has its own counter on its knee rise: how far the knee has come up toward the hip
since the start pose (measured per side while the ready gate is held), in torso lengths, so
it reads the same near or far from the camera and works from the front where the thigh points
at the lens.  0 at rest, 1 at `knee_rise` (a smaller rise counts when seated).  A step by the
same leg as the step before is an alternation error.  The knee lift angle (hip flexion
against the trunk line, 3D) is reported where the legs are seen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exercises.activities._gross_common import (
    KNEES,
    SIDES,
    TRUNK,
    GrossActivity,
    RunningMedian,
    TimedSamples,
    TrackedReps,
    standard_params,
    success_rate,
)
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.base import asymmetry_index
from exercises.events import Event, Side
from exercises.geometry import hip_flexion, pt, side_lm, visible
from exercises.reps import RepCounter, cadence_per_min
from tracking.frame import PoseFrame

SEATED_SCALE = 0.7  # seated, a knee rise this share of `knee_rise` is a full step
STANDING_KNEE_DROP = 0.55  # start pose standing: knees at least this far below the hips (torsos)
SEATED_KNEE_DROP = 0.45  # start pose seated: knees at most this far below the hips
LEVEL_KNEES = 0.06  # start pose: both knees within this of each other (torso lengths; median of
# 5 frames, so tracker noise passes but a step while getting into position does not)
# Without a gate (a recorded clip analysed whole) each knee's rest is a high quantile of its
# recent drop below the hip: a marching leg spends most of its time down.
RECENT_WINDOW_S, RECENT_REST_Q = 4.0, 0.8

INFO = ActivityInfo(
    id="march_in_place",
    name="March in Place",
    domain="gross",
    needs="body",
    skills=("reciprocal leg movement", "rhythm", "single-leg balance", "hip flexor strength"),
    clinical_domain="bilateral coordination",
    count_words=("step", "steps"),
    params=standard_params(20, seated=True, extra=(
        ParamSpec("knee_rise", "float", 0.3, "how far a knee must rise toward the hip for a "
                  "step (seated: 70% of it)", unit="torso lengths", minimum=0.1, maximum=0.8),
    ), reps_unit="steps", reps_meaning="steps (both legs together) to finish the activity"),
    levels={
        1: {"knee_rise": 0.2},
        2: {"knee_rise": 0.25},
        3: {"knee_rise": 0.3},
        4: {"knee_rise": 0.36},
        5: {"knee_rise": 0.42},
    },
    metrics=(
        MetricSpec("reps", "steps", "knee lifts of at least knee_rise by either leg, back down "
                   "again (both legs together)"),
        MetricSpec("partial_reps", "steps", "knee lifts that got about halfway and came down",
                   higher_is_better=False),
        MetricSpec("cadence_spm", "steps/min", "steps per minute, first to last step",
                   higher_is_better=None),
        MetricSpec("alternation_errors", "steps", "steps made by the same leg as the step "
                   "before (a skipped or doubled step)", higher_is_better=False),
        MetricSpec("asymmetry_index", "%", "(left - right) / (left + right) x 100 of the knee "
                   "rise: 0 symmetric, positive means the left knee went higher",
                   higher_is_better=None),
        MetricSpec("steps", "steps", "full steps by this leg", per_side=True),
        MetricSpec("partial_steps", "steps", "this leg's lifts that stopped short",
                   per_side=True, higher_is_better=False),
        MetricSpec("knee_rise_torso", "torso lengths", "how far this knee rose at the top of "
                   "each step, averaged", per_side=True),
        MetricSpec("knee_lift_deg", "deg", "hip flexion (thigh against the trunk line, 3D) at "
                   "the top of each step, averaged; per leg, and over both legs' steps in the "
                   "metrics (seated: about 90 at rest)", per_side=True),
    ),
    seated_variant=True,
    description="Lift one knee, then the other, like a marching band.",
)


class MarchInPlace(GrossActivity):
    info = INFO
    gate_resets = True

    def __init__(self) -> None:
        super().__init__()
        self.gate_knees = {side: TimedSamples(1.5) for side in SIDES}
        self.gate_level = RunningMedian(5)  # left minus right knee drop, for the start pose
        self.rest = {side: 0.0 for side in SIDES}
        self.gated = False  # False when the gate was skipped: rest comes from recent frames
        self.recent = {side: TimedSamples(RECENT_WINDOW_S) for side in SIDES}
        self.filters = {side: RunningMedian(3) for side in SIDES}
        self.legs = {side: TrackedReps(RepCounter(high=1.0, low=0.3, partial=0.45,
                                                  min_rep_s=0.15), highs=("rise", "lift"))
                     for side in SIDES}
        self.step_times: list[float] = []
        self.last_leg: Side | None = None
        self.errors = 0
        self.signals: dict[str, float] = {}

    @property
    def seated(self) -> bool:
        return bool(self.params.get("seated", False))

    def sees(self, frame: PoseFrame) -> bool:
        return visible(frame, TRUNK + KNEES)

    def knee_drop(self, frame: PoseFrame, side: Side) -> float | None:
        """Knee below the same-side hip, in torso lengths (picture plane)."""
        if not self.unit:
            return None
        hip, knee = pt(frame, side_lm(side, "HIP")), pt(frame, side_lm(side, "KNEE"))
        return float(knee[1] - hip[1]) / self.unit

    def in_start_pose(self, frame: PoseFrame) -> bool:
        self.observe(frame, frame.t)
        drops = {side: self.knee_drop(frame, side) for side in SIDES}
        if None in drops.values():
            return False
        left, right = drops["left"], drops["right"]
        assert left is not None and right is not None
        level = self.gate_level(left - right)
        if level is None or abs(level) > LEVEL_KNEES:
            return False  # a knee lifted (a step): held anew from the start (gate_resets)
        if self.seated and max(left, right) > SEATED_KNEE_DROP:
            return False
        if not self.seated and min(left, right) < STANDING_KNEE_DROP:
            return False
        for side in SIDES:
            self.gate_knees[side].add(frame.t, drops[side])
        return self.still(frame, frame.t)

    def on_play(self, t: float) -> None:
        for side in SIDES:
            rest = self.gate_knees[side].median()
            self.gated = rest is not None
            self.rest[side] = rest or 0.0

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        self.observe(frame, t)
        full = self.param("knee_rise") * (SEATED_SCALE if self.seated else 1.0)
        events: list[Event] = []
        for side in SIDES:
            drop = self.knee_drop(frame, side)
            self.recent[side].add(t, drop)
            rest = self.rest[side] if self.gated else self.recent[side].quantile(RECENT_REST_Q)
            rise = self.filters[side](None if drop is None or rest is None else rest - drop)
            signal = None if rise is None else rise / full
            if signal is not None:
                self.signals[side] = signal
            out = self.legs[side].update(signal, t, {"rise": rise, "lift": hip_flexion(frame, side)})
            if out.completed:
                self.step_times.append(t)
                if self.last_leg == side:
                    self.errors += 1
                    self.cue(events, "other_leg", t)
                self.last_leg = side
                self.counted(out, t, events, side)
            elif out.partial:
                self.fell_short(out, t, events, "knees_higher", side)
        return events

    def done(self) -> bool:
        return self.goal() > 0 and self.count() >= self.goal()

    def count(self) -> int:
        return sum(leg.reps for leg in self.legs.values())

    def reps(self) -> int | None:
        return self.count()

    def partials(self) -> int:
        return sum(leg.partials for leg in self.legs.values())

    def metrics(self) -> Mapping[str, float]:
        lifts = [v for leg in self.legs.values() for v in leg.per_rep.get("lift", [])]
        left, right = (self.legs[s].mean("rise", 3) for s in SIDES)
        return {
            "reps": self.count(),
            "partial_reps": self.partials(),
            "cadence_spm": cadence_per_min(self.step_times),
            "alternation_errors": self.errors,
            "knee_lift_deg": round(sum(lifts) / len(lifts), 2) if lifts else 0.0,
            "asymmetry_index": asymmetry_index(left, right) if left and right else 0.0,
        }

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {side: {"steps": leg.reps, "partial_steps": leg.partials,
                       "knee_rise_torso": leg.mean("rise", 3), "knee_lift_deg": leg.mean("lift")}
                for side, leg in self.legs.items()}

    def success_rate(self) -> float | None:
        return success_rate(self.count(), self.partials())

    def view_fields(self) -> Mapping[str, Any]:
        nxt: Side | None = None
        if self.last_leg is not None:
            nxt = "right" if self.last_leg == "left" else "left"
        return {"side": nxt,
                "extra": {f"{s}_knee": round(max(0.0, min(1.0, v)), 3)
                          for s, v in self.signals.items()}}


def create() -> MarchInPlace:
    return MarchInPlace()
