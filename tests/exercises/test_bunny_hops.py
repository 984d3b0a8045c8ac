"""bunny_hops driven by synthetic motion: exact counts, jump height and rhythm within tolerances."""

from __future__ import annotations

import numpy as np
import pytest
from activity_driver import drive

from exercises.catalog import info
from exercises.events import PartialRep, RepCompleted
from tracking.synthetic.body import CHILD_PROPORTIONS as P
from tracking.synthetic.motions.hops import Hops
from tracking.synthetic.motions.idle import GettingIntoPosition, StandingIdle, WalkingIn
from tracking.synthetic.motions.march import March
from tracking.synthetic.motions.squats import Squats
from tracking.synthetic.source import LOWER_BODY, Degrade, MotionScript, SyntheticSource

ID = "bunny_hops"
NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, occlude=LOWER_BODY, occlude_rate=0.05)
LEG = P["thigh"] + P["shin"]
HEIGHT_TOL = 1.2  # % leg length (about 9% of a 13.6% hop): 30 fps sampling and filtering
CV_TOL = 0.03


def run(script: MotionScript, level: int = 3, degrade: Degrade | None = None, seed: int = 0,
        **params: object):
    a, events = drive(ID, script, level, params, seed=seed, degrade=degrade)
    return a.result(), events


def cv(times: list[float]) -> float:
    gaps = np.diff(times)
    return float(np.std(gaps) / np.mean(gaps))


def test_ten_hops_count_exactly_with_height_and_rhythm() -> None:
    script = Hops(reps=10)
    result, events = run(script, reps=10)
    assert result.reps == 10
    assert result.completed
    assert [e.count for e in events if isinstance(e, RepCompleted)] == list(range(1, 11))
    assert result.metrics["partial_reps"] == 0
    assert result.metrics["jump_height_leg_pct"] == pytest.approx(100 * 0.06 / LEG, abs=HEIGHT_TOL)
    assert result.metrics["jump_height_torso"] == pytest.approx(0.06 / P["torso"], rel=0.09)
    assert result.metrics["hops_per_min"] == pytest.approx(60 / 0.8, abs=0.5)
    assert result.metrics["rhythm_cv"] < 0.02


def test_higher_hops_measure_higher() -> None:
    result, _ = run(Hops(reps=5, jump=0.1), reps=50)
    assert result.reps == 5
    assert result.metrics["jump_height_leg_pct"] == pytest.approx(100 * 0.1 / LEG, abs=HEIGHT_TOL)


def test_uneven_rhythm_shows_in_the_coefficient_of_variation() -> None:
    script = Hops(reps=9, irregular=0.25)
    result, _ = run(script, reps=50)
    assert result.reps == 9
    expected = cv(script.landing_times())
    assert expected > 0.08
    assert result.metrics["rhythm_cv"] == pytest.approx(expected, abs=CV_TOL)


def test_tiny_hops_are_partial_reps() -> None:
    result, events = run(Hops(reps=8, half=(2, 5)), reps=50)
    assert (result.reps, result.metrics["partial_reps"]) == (6, 2)
    assert sum(isinstance(e, PartialRep) for e in events) == 2


@pytest.mark.parametrize("script", [March(reps=8), Squats(reps=3)], ids=["march", "squats"])
def test_one_foot_at_a_time_or_squatting_is_not_a_hop(script: MotionScript) -> None:
    result, _ = run(script, reps=50)
    assert result.reps == 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_noise_jitter_drops_and_occlusion_leave_counts_unchanged(seed: int) -> None:
    result, _ = run(Hops(reps=10, half=(4,)), degrade=NOISY, seed=seed, reps=50)
    assert (result.reps, result.metrics["partial_reps"]) == (9, 1)
    assert result.metrics["jump_height_leg_pct"] == pytest.approx(100 * 0.06 / LEG, abs=HEIGHT_TOL)


def test_noisy_uneven_rhythm() -> None:
    script = Hops(reps=9, irregular=0.25)
    result, _ = run(script, degrade=NOISY, seed=5, reps=50)
    assert result.reps == 9
    assert result.metrics["rhythm_cv"] == pytest.approx(cv(script.landing_times()), abs=CV_TOL)


@pytest.mark.parametrize("height,x", [(0.55, 0.3), (0.85, 0.7)])
def test_scale_and_position_do_not_change_counts(height: float, x: float) -> None:
    result, _ = run(Hops(reps=6, half=(2,), height=height, x=x), reps=50)
    assert (result.reps, result.metrics["partial_reps"]) == (5, 1)
    assert result.metrics["jump_height_leg_pct"] == pytest.approx(100 * 0.06 / LEG, abs=HEIGHT_TOL)


@pytest.mark.parametrize("script", [StandingIdle(), WalkingIn(), GettingIntoPosition()],
                         ids=["idle", "walk_in", "get_into_position"])
def test_not_exercising_counts_nothing(script: MotionScript) -> None:
    result, events = run(script, degrade=NOISY, reps=50)
    assert result.reps == 0
    assert not any(isinstance(e, RepCompleted | PartialRep) for e in events)


def test_every_metric_is_declared() -> None:
    spec = info(ID)
    result, _ = run(Hops(reps=3), reps=50)
    assert set(result.metrics) <= {m.name for m in spec.metrics}
    assert result.per_side == {}


def test_a_clip_analysed_whole_counts_without_the_gate() -> None:
    """`wigglequest count` may skip the ready gate; baselines then come from the frames."""
    from exercises.runner import run as run_clip

    frames = SyntheticSource(Hops(reps=7, lead_in_s=0.0)).frames()
    assert run_clip(ID, frames, {"reps": 50}, gate=False).result.reps == 7
    assert run_clip(ID, frames, {"reps": 50}, gate=True).result.reps == 0  # never stood still first
