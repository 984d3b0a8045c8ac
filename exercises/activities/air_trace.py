"""Air trace: trace pre-writing shapes in the air with the index fingertip.

Trains visual-motor integration for handwriting.  Shapes come in developmental order (Beery
VMI): vertical, horizontal, circle, cross, right diagonal (/), left diagonal (\\), square, X,
triangle.  Each shape is drawn stroke by stroke: a stroke starts when the fingertip reaches
its start (pen down), and ends when most of it has been passed and the fingertip is at its end;
moving between strokes is pen-up and never measured.  Distances are in *shape units* (the
shape's size = 1), so a result means the same at any size or camera distance.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from exercises import params as P
from exercises.activities._hands_common import HandActivity, mean
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.events import Event, Side, TargetHit, TargetMissed
from tracking.frame import PoseFrame
from tracking.landmarks import HandPoint
from tracking.shapes import SHAPE_CENTER, SHAPE_ORDER, SHAPES, shape_strokes

__all__ = ["INFO", "SHAPES", "SHAPE_ORDER", "AirTrace", "create", "shape_strokes"]

CENTER = SHAPE_CENTER  # where shapes are drawn, normalised screen coordinates
SAMPLE_STEP = 0.02  # path samples every this many shape units (for coverage)
COMPLETE_AT = 0.9  # share of a stroke's samples to pass before it can end


INFO = ActivityInfo(
    id="air_trace",
    name="Air Trace",
    domain="fine",
    needs="hands",
    skills=("visual-motor integration", "pre-writing strokes", "finger control"),
    clinical_domain="visual-motor integration",
    count_words=("shape traced", "shapes traced"),
    params=(
        P.side("either", ("either", "left", "right")),
        ParamSpec("start_shape", "choice", "vertical", "first shape, in developmental order",
                  choices=SHAPE_ORDER),
        ParamSpec("shapes", "int", 3, "how many shapes to trace (following the developmental order)",
                  minimum=1, maximum=20),
        ParamSpec("shape_size", "float", 0.4, "size of the shape", unit="image heights", minimum=0.1, maximum=0.9),
        ParamSpec("tolerance", "float", 0.12, "how far from the path still counts as on it",
                  unit="shape units", minimum=0.02, maximum=0.5),
        ParamSpec("time_per_shape_s", "float", 30.0, "time to trace each shape", unit="s",
                  minimum=3.0, maximum=300.0),
        P.duration(0.0),
        P.adaptive(),
        *P.level_bounds(),
    ),
    levels={
        1: {"start_shape": "vertical", "shapes": 2, "shape_size": 0.4, "tolerance": 0.15},
        2: {"start_shape": "vertical", "shapes": 3, "shape_size": 0.4, "tolerance": 0.12},
        3: {"start_shape": "circle", "shapes": 4, "shape_size": 0.35, "tolerance": 0.10},
        4: {"start_shape": "cross", "shapes": 4, "shape_size": 0.35, "tolerance": 0.08},
        5: {"start_shape": "square", "shapes": 3, "shape_size": 0.3, "tolerance": 0.07},
    },
    metrics=(
        MetricSpec("shapes_done", "shapes", "shapes traced to the end"),
        MetricSpec("deviation", "shape units", "mean distance of the fingertip from the path while "
                   "tracing (pen down), in shape sizes", higher_is_better=False),
        MetricSpec("coverage", "ratio", "share of the path the fingertip passed within the tolerance, "
                   "averaged over the shapes tried"),
        MetricSpec("time_s", "s", "mean time per finished shape, first stroke start to last stroke end",
                   higher_is_better=False),
        MetricSpec("speed_peaks", "peaks", "fingertip speed peaks per stroke (1 is one smooth "
                   "movement; more is stop-and-go)", higher_is_better=False),
    ),
    main_measure="reps",
    sides=("either", "left", "right"),
    description="Draw the shape in the air with your pointing finger.",
)


def resample(stroke: np.ndarray, step: float) -> np.ndarray:
    """Points every `step` along a polyline (ends included)."""
    seg = np.diff(stroke, axis=0)
    lengths = np.linalg.norm(seg, axis=1)
    total = float(lengths.sum())
    n = max(2, int(math.ceil(total / step)) + 1)
    cum = np.concatenate([[0.0], np.cumsum(lengths)])
    out = []
    for s in np.linspace(0.0, total, n):
        j = min(int(np.searchsorted(cum, s, side="right")) - 1, len(seg) - 1)
        u = (s - cum[j]) / lengths[j] if lengths[j] > 0 else 0.0
        out.append(stroke[j] + u * seg[j])
    return np.array(out)


def distance_to_polyline(p: np.ndarray, stroke: np.ndarray) -> float:
    a, b = stroke[:-1], stroke[1:]
    ab = b - a
    denom = np.maximum((ab * ab).sum(axis=1), 1e-12)
    u = np.clip(((p - a) * ab).sum(axis=1) / denom, 0.0, 1.0)
    closest = a + u[:, None] * ab
    return float(np.min(np.linalg.norm(closest - p, axis=1)))


def speed_peaks(speeds: list[float], window: int = 9, prominence: float = 0.3) -> int:
    """Peaks of the (moving-average smoothed) speed profile that rise at least `prominence` of
    the top speed above the dip before them: movement units, 1 for one smooth stroke."""
    if len(speeds) < 3:
        return 0
    k = min(window, len(speeds))
    s = np.convolve(np.asarray(speeds), np.ones(k) / k, mode="same")
    top = float(s.max())
    if top <= 0:
        return 0
    peaks, low, rising_from = 0, float(s[0]), float(s[0])
    climbing = True
    for i in range(1, len(s)):
        if climbing:
            if s[i] < s[i - 1] and s[i - 1] - rising_from >= prominence * top:
                peaks += 1
                climbing, low = False, float(s[i])
        else:
            low = min(low, float(s[i]))
            if s[i] > low + prominence * top * 0.5:
                climbing, rising_from = True, low
    if climbing and s[-1] - rising_from >= prominence * top:
        peaks += 1
    return peaks


@dataclass
class ShapeRun:
    """One shape being traced, in image-height units internally."""

    name: str
    strokes: list[np.ndarray]  # polylines, height units
    samples: list[np.ndarray]  # resampled, height units
    covered: list[np.ndarray]  # per stroke, bool per sample
    size: float
    tolerance: float  # shape units
    started_clock: float
    stroke: int = 0
    pen_down: bool = False
    first_touch: float | None = None
    deviations: list[float] = field(default_factory=list)
    speeds: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    last_tip: np.ndarray | None = None
    last_t: float | None = None

    def coverage(self) -> float:
        total = sum(len(c) for c in self.covered)
        return sum(int(c.sum()) for c in self.covered) / total if total else 0.0


class AirTrace(HandActivity):
    info = INFO

    def on_start(self, t: float) -> None:
        self.aspect = 4 / 3
        self.attempted = 0
        self.done_shapes = 0
        self.deviations: list[float] = []
        self.coverages: list[float] = []
        self.times: list[float] = []
        self.peaks: list[int] = []
        self.pointer: tuple[float, float] | None = None
        self.run: ShapeRun | None = None
        self.apply_level(t)

    def apply_level(self, t: float) -> None:
        p = self.params
        first = SHAPE_ORDER.index(str(p.get("start_shape", "vertical")))
        self.shape_list = [SHAPE_ORDER[(first + i) % len(SHAPE_ORDER)] for i in range(len(SHAPE_ORDER))]
        self.size = float(p.get("shape_size", 0.4))
        self.tolerance = float(p.get("tolerance", 0.12))
        self.time_limit = float(p.get("time_per_shape_s", 30.0))

    def goal(self) -> int:
        return int(self.params.get("shapes", 3))

    def _next_shape(self) -> None:
        name = self.shape_list[self.attempted % len(self.shape_list)]
        strokes = [np.array([[(x * self.size) , y * self.size] for x, y in s]) + self._center()
                   for s in SHAPES[name]]
        samples = [resample(s, SAMPLE_STEP * self.size) for s in strokes]
        self.run = ShapeRun(name, strokes, samples, [np.zeros(len(s), bool) for s in samples],
                            self.size, self.tolerance, self.active_s)

    def _center(self) -> np.ndarray:
        return np.array([CENTER[0] * self.aspect, CENTER[1]])

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        events: list[Event] = []
        if self.run is None:
            self.aspect = frame.aspect
            if self.attempted >= self.goal():
                return events
            self._next_shape()
        run = self.run
        assert run is not None
        hand = self.main_hand(frame)
        if hand is None:
            return events
        raw = hand.points[int(HandPoint.INDEX_TIP), :2]
        self.pointer = (float(raw[0]), float(raw[1]))
        tip = np.array([raw[0] * frame.aspect, raw[1]])
        unit = run.size
        stroke = run.strokes[run.stroke]
        tol = run.tolerance * unit
        if not run.pen_down:
            if np.linalg.norm(tip - stroke[0]) <= tol:
                run.pen_down = True
                run.speeds, run.last_tip, run.last_t = [], tip, t
                if run.first_touch is None:
                    run.first_touch = self.active_s
        if run.pen_down:
            run.deviations.append(distance_to_polyline(tip, stroke) / unit)
            samples = run.samples[run.stroke]
            run.covered[run.stroke] |= np.linalg.norm(samples - tip, axis=1) <= tol
            if run.last_tip is not None and run.last_t is not None and t > run.last_t:
                run.speeds.append(float(np.linalg.norm(tip - run.last_tip)) / (t - run.last_t))
            run.last_tip, run.last_t = tip, t
            cov = float(run.covered[run.stroke].mean())
            if cov >= COMPLETE_AT and np.linalg.norm(tip - stroke[-1]) <= tol:
                run.peaks.append(speed_peaks(run.speeds))
                run.pen_down = False
                run.stroke += 1
                if run.stroke >= len(run.strokes):
                    self._end_shape(True, t, events)
                    return events
        if self.active_s - run.started_clock >= self.time_limit:
            self._end_shape(False, t, events)
        return events

    def _end_shape(self, finished: bool, t: float, events: list[Event]) -> None:
        run = self.run
        assert run is not None
        self.deviations.extend(run.deviations)
        self.coverages.append(run.coverage())
        self.peaks.extend(run.peaks)
        if finished:
            self.done_shapes += 1
            start = run.first_touch if run.first_touch is not None else run.started_clock
            self.times.append(self.active_s - start)
            events.append(TargetHit(t, self.attempted, movement_s=round(self.active_s - start, 3)))
            self.cue(events, "great", t)
        else:
            events.append(TargetMissed(t, self.attempted, "timeout"))
            self.cue(events, "follow_path", t)
        self.attempted += 1
        self.run = None
        self.trial(finished, t, events)

    def done(self) -> bool:
        return self.attempted >= self.goal()

    def count(self) -> int:
        return self.done_shapes

    def reps(self) -> int | None:
        return self.done_shapes

    def metrics(self) -> Mapping[str, float]:
        devs = list(self.deviations) + (list(self.run.deviations) if self.run else [])
        covs = list(self.coverages) + ([self.run.coverage()] if self.run and self.run.first_touch is not None else [])
        return {"shapes_done": self.done_shapes, "deviation": round(mean(devs), 4),
                "coverage": round(mean(covs), 4), "time_s": round(mean(self.times), 3),
                "speed_peaks": round(mean([float(p) for p in self.peaks]), 3)}

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {}

    def success_rate(self) -> float | None:
        return round(self.done_shapes / self.attempted, 4) if self.attempted else None

    def view_fields(self) -> Mapping[str, Any]:
        run = self.run
        if run is None:
            return {"pointer": self.pointer}
        path: list[tuple[float, float]] = []
        covered: list[bool] = []
        strokes = []
        for samples, cov in zip(run.samples, run.covered, strict=True):
            start = len(path)
            path.extend((float(x / self.aspect), float(y)) for x, y in samples)
            covered.extend(bool(c) for c in cov)
            strokes.append((start, len(path)))
        return {"path": tuple(path), "path_covered": tuple(covered), "pointer": self.pointer,
                "extra": {"shape": run.name, "strokes": tuple(strokes), "stroke": run.stroke,
                          "pen_down": run.pen_down, "tolerance": run.tolerance * run.size}}


def create() -> AirTrace:
    return AirTrace()
