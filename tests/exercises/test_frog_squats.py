"""frog_squats driven by synthetic motion: exact counts, knee angle and tempo within tolerances."""

from __future__ import annotations

import pytest
from activity_driver import drive

from exercises.catalog import info
from exercises.events import PartialRep, RepCompleted
from tracking.synthetic.motions.idle import GettingIntoPosition, StandingIdle, WalkingIn
from tracking.synthetic.motions.squats import Squats
from tracking.synthetic.source import LOWER_BODY, Degrade, MotionScript, SyntheticSource

ID = "frog_squats"
NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, occlude=LOWER_BODY, occlude_rate=0.05)
KNEE_TOL = 1.5  # degrees, clean frames: mean bottom knee angle vs the script's
NOISY_KNEE_TOL = 4.0  # the mean over squats with noisy landmarks
NOISY_DEEPEST_TOL = 8.0  # the single deepest frame is pulled down by noise


def run(script: MotionScript, level: int = 3, degrade: Degrade | None = None, seed: int = 0,
        **params: object):
    a, events = drive(ID, script, level, params, seed=seed, degrade=degrade)
    return a.result(), events


def test_six_squats_count_exactly_with_knee_angle_and_tempo() -> None:
    script = Squats(reps=6)
    result, events = run(script, reps=6)
    assert result.reps == 6
    assert result.completed
    assert [e.count for e in events if isinstance(e, RepCompleted)] == list(range(1, 7))
    assert result.metrics["partial_reps"] == 0
    assert result.metrics["mean_bottom_knee_deg"] == pytest.approx(script.bottom_knee_deg, abs=KNEE_TOL)
    assert result.metrics["deepest_knee_deg"] == pytest.approx(script.bottom_knee_deg, abs=KNEE_TOL)
    for side in ("left", "right"):
        assert result.per_side[side]["bottom_knee_deg"] == pytest.approx(script.bottom_knee_deg, abs=KNEE_TOL)
    assert result.metrics["tempo_s"] == pytest.approx(2.0, abs=0.05)
    assert result.metrics["hip_drop"] == pytest.approx(0.307, abs=0.015)


def test_deeper_squats_read_a_smaller_knee_angle() -> None:
    script = Squats(reps=3, knee_bend=110.0, tempo_s=1.5)
    result, _ = run(script, reps=50)
    assert result.reps == 3
    assert result.metrics["mean_bottom_knee_deg"] == pytest.approx(script.bottom_knee_deg, abs=KNEE_TOL)
    assert result.metrics["tempo_s"] == pytest.approx(1.5, abs=0.05)


def test_half_and_shallow_squats_are_partial_reps() -> None:
    result, events = run(Squats(reps=6, half=(1, 4)), reps=50)
    assert (result.reps, result.metrics["partial_reps"]) == (4, 2)
    assert sum(isinstance(e, PartialRep) for e in events) == 2
    shallow, _ = run(Squats(reps=4, knee_bend=45.0), reps=50)
    assert (shallow.reps, shallow.metrics["partial_reps"]) == (0, 4)
    easy, _ = run(Squats(reps=4, knee_bend=60.0), level=1, reps=50)  # level 1 asks for less depth
    assert (easy.reps, easy.metrics["partial_reps"]) == (4, 0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_noise_jitter_drops_and_occlusion_leave_counts_unchanged(seed: int) -> None:
    script = Squats(reps=6, half=(2,))
    result, _ = run(script, degrade=NOISY, seed=seed, reps=50)
    assert (result.reps, result.metrics["partial_reps"]) == (5, 1)
    assert result.metrics["mean_bottom_knee_deg"] == pytest.approx(script.bottom_knee_deg, abs=NOISY_KNEE_TOL)
    assert result.metrics["deepest_knee_deg"] == pytest.approx(script.bottom_knee_deg, abs=NOISY_DEEPEST_TOL)


@pytest.mark.parametrize("height,x", [(0.55, 0.3), (0.85, 0.7)])
def test_scale_and_position_do_not_change_counts(height: float, x: float) -> None:
    script = Squats(reps=4, half=(1,), height=height, x=x)
    result, _ = run(script, reps=50)
    assert (result.reps, result.metrics["partial_reps"]) == (3, 1)
    assert result.metrics["mean_bottom_knee_deg"] == pytest.approx(script.bottom_knee_deg, abs=KNEE_TOL)


@pytest.mark.parametrize("script", [StandingIdle(), WalkingIn(), GettingIntoPosition()],
                         ids=["idle", "walk_in", "get_into_position"])
def test_not_exercising_counts_nothing(script: MotionScript) -> None:
    result, events = run(script, degrade=NOISY, reps=50)
    assert result.reps == 0
    assert not any(isinstance(e, RepCompleted | PartialRep) for e in events)


def test_every_metric_is_declared() -> None:
    spec = info(ID)
    result, _ = run(Squats(reps=2), reps=50)
    assert set(result.metrics) <= {m.name for m in spec.metrics}
    for side_metrics in result.per_side.values():
        assert set(side_metrics) <= {m.name for m in spec.metrics if m.per_side}
    assert not spec.seated_variant


def test_a_clip_analysed_whole_counts_without_the_gate() -> None:
    """`wigglequest count` may skip the ready gate; baselines then come from the frames."""
    from exercises.runner import run as run_clip

    frames = SyntheticSource(Squats(reps=5, lead_in_s=0.0)).frames()
    assert run_clip(ID, frames, {"reps": 50}, gate=False).result.reps == 5
    assert run_clip(ID, frames, {"reps": 50}, gate=True).result.reps == 0  # never stood still first
