"""What the body-pose rep activities (jacks, raises, squats, hops, march) share.

- Angles referenced to the trunk's long axis (shoulder midpoint to hip midpoint) rather than
  to a same-side landmark: a child's hips are narrower than the shoulders, so the
  shoulder-to-hip line on one side tilts about 9 degrees and would bias every angle.
- Body units that follow the child (running medians), so a signal means the same whether the
  child stands near or far, and one bad frame cannot move the unit.
- A stillness check for the ready gate: walking in or stepping back is never the start pose.
- `TrackedReps`: a RepCounter plus the extremes of side measurements during each movement, so
  a rep's figures (highest angle, widest stance, deepest knee) belong to the rep itself.
"""

from __future__ import annotations

import statistics
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from exercises import params as common
from exercises.activities._stillness import Stillness
from exercises.api import ParamSpec
from exercises.base import ActivityBase
from exercises.events import Event, PartialRep, RepCompleted, Side
from exercises.geometry import pt, torso_length, visible
from exercises.reps import RepCounter, RepOutcome
from tracking.frame import PoseFrame
from tracking.landmarks import Body

SIDES: tuple[Side, Side] = ("left", "right")
SHOULDERS = (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER)
HIPS = (Body.LEFT_HIP, Body.RIGHT_HIP)
TRUNK = SHOULDERS + HIPS
ELBOWS = (Body.LEFT_ELBOW, Body.RIGHT_ELBOW)
KNEES = (Body.LEFT_KNEE, Body.RIGHT_KNEE)
ANKLES = (Body.LEFT_ANKLE, Body.RIGHT_ANKLE)


# --- measurements ----------------------------------------------------------------------------

def hip_width(frame: PoseFrame) -> float | None:
    if not visible(frame, HIPS):
        return None
    return float(np.linalg.norm(pt(frame, Body.LEFT_HIP) - pt(frame, Body.RIGHT_HIP)))


def ankle_spread(frame: PoseFrame) -> float | None:
    """Horizontal distance between the ankles (height units)."""
    if not visible(frame, ANKLES):
        return None
    return abs(float(pt(frame, Body.LEFT_ANKLE)[0] - pt(frame, Body.RIGHT_ANKLE)[0]))


def y_of(frame: PoseFrame, lms: Iterable[Body]) -> float | None:
    """Mean image y (down is larger) of some landmarks, or None if any is unseen."""
    lms = tuple(lms)
    if not visible(frame, lms):
        return None
    return float(np.mean([pt(frame, lm)[1] for lm in lms]))


# --- filters ---------------------------------------------------------------------------------

@dataclass
class RunningMedian:
    """Median of the last `size` samples: a long window (45) follows the child's body size and
    ignores bad frames; a short one (3, 5) removes one-frame spikes from a signal, lagging
    size // 2 frames."""

    size: int = 45
    values: deque[float] = field(default_factory=deque)

    def add(self, value: float | None) -> float | None:
        """Keep a sample (None is skipped) and give the median so far."""
        if value is not None:
            self.values.append(value)
            while len(self.values) > self.size:
                self.values.popleft()
        return self.value

    def __call__(self, value: float | None) -> float | None:
        """As a filter: an unseen sample stays unseen."""
        return None if value is None else self.add(value)

    @property
    def value(self) -> float | None:
        return statistics.median(self.values) if self.values else None


@dataclass
class TimedSamples:
    """Samples kept for `window_s` seconds; quantiles over the window (e.g. the floor level
    under a hopping child is a high quantile of the ankles' y)."""

    window_s: float = 2.0
    samples: deque[tuple[float, float]] = field(default_factory=deque)

    def add(self, t: float, value: float | None) -> None:
        if value is not None:
            self.samples.append((t, value))
        while self.samples and self.samples[0][0] < t - self.window_s:
            self.samples.popleft()

    def quantile(self, q: float) -> float | None:
        if not self.samples:
            return None
        return float(np.quantile([v for _, v in self.samples], q))

    def median(self) -> float | None:
        return self.quantile(0.5)

# --- counting --------------------------------------------------------------------------------

@dataclass
class TrackedReps:
    """A RepCounter plus, per movement, the highest (`high`) or lowest (`low`) value of some
    named measurements.  A movement's extremes are stored when it completes as a rep and
    dropped when it ends as a partial or never leaves rest."""

    counter: RepCounter
    highs: tuple[str, ...] = ()
    lows: tuple[str, ...] = ()
    current: dict[str, float] = field(default_factory=dict)
    per_rep: dict[str, list[float]] = field(default_factory=dict)
    partial_extremes: list[dict[str, float]] = field(default_factory=list)
    durations: list[float] = field(default_factory=list)

    def update(self, signal: float | None, t: float,
               measures: Mapping[str, float | None] | None = None) -> RepOutcome:
        for name, value in (measures or {}).items():
            if value is None:
                continue
            old = self.current.get(name)
            if old is None:
                self.current[name] = value
            elif name in self.lows:
                self.current[name] = min(old, value)
            else:
                self.current[name] = max(old, value)
        out = self.counter.update(signal, t)
        if out.completed:
            for name, value in self.current.items():
                self.per_rep.setdefault(name, []).append(value)
            self.durations.append(out.duration_s)
            self.current = {}
        elif out.partial:
            self.partial_extremes.append(dict(self.current))
            self.current = {}
        elif signal is not None and self.counter.state == "down" and self.counter.rep_start is None:
            self.current = {}
        return out

    @property
    def reps(self) -> int:
        return self.counter.reps

    @property
    def partials(self) -> int:
        return self.counter.partials

    def mean(self, name: str, digits: int = 2) -> float:
        values = self.per_rep.get(name, [])
        return round(float(np.mean(values)), digits) if values else 0.0

    def extreme(self, name: str) -> float:
        values = self.per_rep.get(name, [])
        if not values:
            return 0.0
        return round(float(min(values) if name in self.lows else max(values)), 2)


def interval_cv(times: list[float]) -> float:
    """Coefficient of variation (std / mean) of the intervals between events: 0 is a perfectly
    steady rhythm (0 with fewer than three events)."""
    times = sorted(times)
    if len(times) < 3:
        return 0.0
    gaps = np.diff(times)
    return round(float(np.std(gaps) / np.mean(gaps)), 3) if np.mean(gaps) > 0 else 0.0


def success_rate(reps: int, partials: int) -> float | None:
    """Full reps among all attempts (full + partial); None before any attempt."""
    attempts = reps + partials
    return round(reps / attempts, 4) if attempts else None


def standard_params(reps_default: int, *, seated: bool, extra: Iterable[ParamSpec] = (),
                    side: ParamSpec | None = None, reps_unit: str = "reps",
                    reps_meaning: str = "repetitions to finish the activity") -> tuple[ParamSpec, ...]:
    """reps, duration, (side), (seated), the activity's own, adaptive and the level bounds."""
    specs: list[ParamSpec] = [common.reps(reps_default, unit=reps_unit, meaning=reps_meaning),
                              common.duration()]
    if side is not None:
        specs.append(side)
    if seated:
        specs.append(common.seated())
    specs.extend(extra)
    specs.append(common.adaptive())
    specs.extend(common.level_bounds())
    return tuple(specs)


class GrossActivity(ActivityBase):
    """ActivityBase plus body units that follow the child and a stillness check for the gate.

    Subclasses call `observe(frame, t)` once per seen frame (from `in_start_pose` while waiting
    and from `step` while playing) before reading `self.unit`.
    """

    def __init__(self) -> None:
        super().__init__()
        self.torso_unit = RunningMedian(45)
        self.stillness = Stillness()
        self.unit: float | None = None

    def on_start(self, t: float) -> None:
        cal = self.calibration()
        if cal is not None and cal.torso > 0:
            self.torso_unit.add(cal.torso)
        self.unit = self.torso_unit.value

    def observe(self, frame: PoseFrame, t: float) -> None:
        self.unit = self.torso_unit.add(torso_length(frame))

    def still(self, frame: PoseFrame, t: float) -> bool:
        return self.stillness.still(frame, t, self.unit)

    def counted(self, out: RepOutcome, t: float, events: list[Event], side: Side | None = None) -> None:
        """A movement completed as a rep: its event (quality = how full it was) and a good trial."""
        events.append(RepCompleted(t, count=self.count(), side=side, quality=min(1.0, out.peak)))
        self.trial(True, t, events)

    def fell_short(self, out: RepOutcome, t: float, events: list[Event], cue: str,
                   side: Side | None = None) -> None:
        """A half-move: its event, a missed trial and the cue saying what to do more."""
        events.append(PartialRep(t, side=side, reached=round(min(1.0, out.peak), 3)))
        self.trial(False, t, events)
        self.cue(events, cue, t)

    def on_level_change(self, old: int, new: int, t: float) -> None:
        """A new level brings its own thresholds."""
        self.params.update(self.info.levels[new])

    def param(self, name: str) -> float:
        return float(self.params.get(name, self.info.param(name).default))
