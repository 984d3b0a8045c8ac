"""air_trace driven by a synthetic fingertip: shapes done, deviation in shape units, coverage."""

from __future__ import annotations

from typing import Any

import pytest
from activity_driver import drive

from exercises.activities import air_trace
from exercises.activities.air_trace import SHAPE_ORDER, shape_strokes, speed_peaks
from exercises.api import ActivityResult
from exercises.catalog import create, resolve_params
from tracking import shapes
from tracking.synthetic.motions import trace
from tracking.synthetic.motions.fingers import ShowFingers
from tracking.synthetic.motions.trace import TraceScript
from tracking.synthetic.source import Degrade, MotionScript, SyntheticSource

NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, hand_miss_rate=0.05, hand_swap_rate=0.02)
PERFECT = Degrade()


def level_strokes(level: int) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Every stroke of a level's shapes, in order, as the synthetic child will trace them."""
    p = resolve_params("air_trace", level)
    first = SHAPE_ORDER.index(p["start_shape"])
    out: tuple = ()
    for k in range(p["shapes"]):
        out += shape_strokes(SHAPE_ORDER[first + k], p["shape_size"], 4 / 3)
    return out


def run(script: MotionScript, level: int, degrade: Degrade = PERFECT, seed: int = 0,
        **overrides: Any) -> tuple[Any, ActivityResult]:
    a, _ = drive("air_trace", script, level, overrides, seed=seed, degrade=degrade)
    return a, a.result()


def test_shapes_match_the_synthetic_child_and_come_in_developmental_order() -> None:
    """One definition (tracking.shapes) serves the activity and the synthetic child."""
    assert air_trace.SHAPES is shapes.SHAPES and air_trace.SHAPE_ORDER is shapes.SHAPE_ORDER
    for name in SHAPE_ORDER:  # what the child traces is what the activity asks for
        script = trace.trace_shape(name, center=air_trace.CENTER, size=0.4)
        assert script.strokes == shape_strokes(name, 0.4, 4 / 3)
    assert SHAPE_ORDER == ("vertical", "horizontal", "circle", "cross", "diagonal_right",
                           "diagonal_left", "square", "x", "triangle")


@pytest.mark.parametrize("hand", ["right", "left"])
def test_tracing_on_the_path_finishes_every_shape(hand: str) -> None:
    a, r = run(TraceScript(strokes=level_strokes(2), hand=hand), 2, side=hand)
    assert a.finished and r.completed
    assert r.reps == 3 and r.metrics["shapes_done"] == 3
    assert r.metrics["coverage"] == 1.0
    assert r.metrics["deviation"] < 0.01
    assert r.metrics["speed_peaks"] == pytest.approx(1.0)  # constant speed: one smooth movement a stroke
    # time: from the fingertip reaching the start (it dwells there 0.4 s) to the end: a vertical
    # and a horizontal line (0.4 image heights) and a circle (pi * 0.4) at 0.3 image heights/s
    expected = (0.4 / 0.3 + 0.4 / 0.3 + 3.1416 * 0.4 / 0.3) / 3 + 0.4
    assert r.metrics["time_s"] == pytest.approx(expected, abs=0.1)


def test_multi_stroke_shapes_and_pen_up_moves() -> None:
    a, r = run(TraceScript(strokes=level_strokes(5)), 5)  # square, X, triangle
    assert r.reps == 3 and r.metrics["coverage"] == 1.0 and r.metrics["deviation"] < 0.01


@pytest.mark.parametrize("offset", [0.05])
def test_deviation_is_measured_in_shape_units(offset: float) -> None:
    size = resolve_params("air_trace", 2)["shape_size"]
    a, r = run(TraceScript(strokes=level_strokes(2), offset=offset * size), 2)
    assert r.reps == 3 and r.metrics["coverage"] == 1.0
    assert r.metrics["deviation"] == pytest.approx(offset, abs=0.006)


def test_tracing_beside_the_path_does_not_finish_it() -> None:
    size = resolve_params("air_trace", 1)["shape_size"]
    script = TraceScript(strokes=level_strokes(1), offset=0.3 * size)  # twice the tolerance away
    a, r = run(script, 1, time_per_shape_s=5.0)
    assert r.reps == 0 and r.metrics["shapes_done"] == 0


@pytest.mark.parametrize("seed", [1])
def test_noise_changes_no_count(seed: int) -> None:
    a, r = run(TraceScript(strokes=level_strokes(2)), 2, NOISY, seed=seed)
    assert r.reps == 3 and r.metrics["coverage"] == 1.0
    assert r.metrics["deviation"] < 0.03


def test_idle_hand_and_no_hand_trace_nothing() -> None:
    a, r = run(ShowFingers(sequence=((5, 5.0),)), 1)
    assert a.phase == "playing" and r.reps == 0 and r.metrics["coverage"] == 0.0
    b = create("air_trace")
    b.start(resolve_params("air_trace", 1), 0.0)
    for i in range(60):
        b.update(None, i / 30)
    assert b.phase == "waiting" and b.result().reps == 0


def test_view_path_coverage_and_pointer() -> None:
    a = create("air_trace")
    a.start(resolve_params("air_trace", 1), 0.0)
    s = TraceScript(strokes=level_strokes(1)[:1])
    half_seen = False
    for f in SyntheticSource(s).frames():
        a.update(f, f.t)
        v = a.view()
        if v.path:
            assert len(v.path) == len(v.path_covered) and v.pointer is not None
            half_seen |= 0.3 < sum(v.path_covered) / len(v.path) < 0.7
    assert half_seen and a.result().reps == 1


def test_speed_peaks_counts_stop_and_go() -> None:
    smooth = [min(i, 40 - i) for i in range(41)]
    assert speed_peaks([float(v) for v in smooth]) == 1
    stop_go = [float(v) for v in smooth * 3]
    assert speed_peaks(stop_go) == 3
