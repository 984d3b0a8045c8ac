"""jumping_jacks driven by synthetic motion: exact counts, angles within stated tolerances."""

from __future__ import annotations

import math

import pytest
from activity_driver import drive

from exercises.base import asymmetry_index
from exercises.catalog import create, info, resolve_params
from exercises.events import PartialRep, RepCompleted
from tracking.synthetic.body import CHILD_PROPORTIONS as P
from tracking.synthetic.motions.idle import GettingIntoPosition, StandingIdle, WalkingIn
from tracking.synthetic.motions.jacks import JumpingJacks
from tracking.synthetic.source import LOWER_BODY, Degrade, MotionScript, SyntheticSource

ID = "jumping_jacks"
NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, occlude=LOWER_BODY, occlude_rate=0.05)
ANGLE_TOL = 2.5  # degrees, clean frames (30 fps sampling + a 3-frame median lower the peak)
NOISY_ANGLE_TOL = 6.0


def run(script: MotionScript, level: int = 3, degrade: Degrade | None = None, seed: int = 0,
        **params: object):
    a, events = drive(ID, script, level, params, seed=seed, degrade=degrade)
    return a.result(), events


def spread_hw(leg_abduction: float) -> float:
    """Ankle distance in hip widths for straight legs at this abduction (the script's truth)."""
    legs = P["thigh"] + P["shin"]
    return (P["hip_width"] + 2 * legs * math.sin(math.radians(leg_abduction))) / P["hip_width"]


def test_ten_jacks_count_exactly_ten_and_finish_the_goal() -> None:
    result, events = run(JumpingJacks(reps=10), reps=10)
    assert result.reps == 10
    assert result.completed
    assert result.metrics["partial_reps"] == 0
    assert [e.count for e in events if isinstance(e, RepCompleted)] == list(range(1, 11))
    assert result.metrics["cadence_per_min"] == pytest.approx(60 / 1.2, abs=0.5)
    for side in ("left", "right"):
        assert result.per_side[side]["peak_abduction_deg"] == pytest.approx(160, abs=ANGLE_TOL)
    assert result.metrics["leg_spread_hw"] == pytest.approx(spread_hw(20.0), abs=0.1)
    assert result.tracking_quality == 1.0
    assert result.success_rate == 1.0


def test_half_moves_are_partial_reps_not_reps() -> None:
    result, events = run(JumpingJacks(reps=10, half=(2, 5, 8)), reps=50)
    assert result.reps == 7
    assert result.metrics["partial_reps"] == 3
    assert sum(isinstance(e, PartialRep) for e in events) == 3
    assert result.success_rate == pytest.approx(0.7)


@pytest.mark.parametrize("script", [JumpingJacks(reps=6, leg_peak=3.0),
                                    JumpingJacks(reps=6, arm_peak=12.0)],
                         ids=["arms_only", "legs_only"])
def test_standing_needs_arms_and_legs_together(script: JumpingJacks) -> None:
    result, _ = run(script, reps=50)
    assert result.reps == 0


def test_seated_counts_arms_only() -> None:
    result, _ = run(JumpingJacks(reps=8, seated=True), reps=50, seated=True)
    assert result.reps == 8
    assert result.metrics["leg_spread_hw"] == 0.0
    assert result.per_side["left"]["peak_abduction_deg"] == pytest.approx(160, abs=ANGLE_TOL)


def test_per_side_peaks_and_asymmetry() -> None:
    script = JumpingJacks(reps=6, left_arm_peak=145.0, right_arm_peak=170.0)
    result, _ = run(script, level=1, reps=50)
    assert result.reps == 6
    assert result.per_side["left"]["peak_abduction_deg"] == pytest.approx(145, abs=ANGLE_TOL)
    assert result.per_side["right"]["peak_abduction_deg"] == pytest.approx(170, abs=ANGLE_TOL)
    assert result.metrics["asymmetry_index"] == pytest.approx(asymmetry_index(145, 170), abs=1.0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_noise_jitter_drops_and_occlusion_leave_counts_unchanged(seed: int) -> None:
    result, _ = run(JumpingJacks(reps=10, half=(4,)), degrade=NOISY, seed=seed, reps=50)
    assert result.reps == 9
    assert result.metrics["partial_reps"] == 1
    for side in ("left", "right"):
        assert result.per_side[side]["peak_abduction_deg"] == pytest.approx(160, abs=NOISY_ANGLE_TOL)
    # 9 reps spanning 9 jack periods (the half-move sits between two of them)
    assert result.metrics["cadence_per_min"] == pytest.approx(60 * 8 / (9 * 1.2), abs=1.5)
    assert 0.8 < result.tracking_quality < 1.0


def test_seated_with_noise() -> None:
    result, _ = run(JumpingJacks(reps=8, seated=True), degrade=NOISY, seed=3, reps=50, seated=True)
    assert result.reps == 8


@pytest.mark.parametrize("height,x", [(0.55, 0.3), (0.85, 0.65)])
def test_scale_and_position_do_not_change_counts(height: float, x: float) -> None:
    result, _ = run(JumpingJacks(reps=8, half=(3,), height=height, x=x), reps=50)
    assert result.reps == 7
    assert result.metrics["partial_reps"] == 1
    assert result.metrics["leg_spread_hw"] == pytest.approx(spread_hw(20.0), abs=0.1)


@pytest.mark.parametrize("script", [StandingIdle(), WalkingIn(), WalkingIn(from_side="right"),
                                    GettingIntoPosition(), StandingIdle(seated=True)],
                         ids=["idle", "walk_in_left", "walk_in_right", "get_into_position",
                              "seated_idle"])
def test_not_exercising_counts_nothing(script: MotionScript) -> None:
    seated = getattr(script, "seated", False)
    result, events = run(script, degrade=NOISY, reps=50, seated=seated)
    assert result.reps == 0
    assert result.metrics["partial_reps"] == 0
    assert not any(isinstance(e, RepCompleted | PartialRep) for e in events)


def test_nothing_counts_before_the_ready_gate() -> None:
    """Jacks that start at once (no still start pose held) never pass the gate, so never count."""
    a = create(ID)
    a.start(resolve_params(ID, 3, {}), 0.0)
    frames = SyntheticSource(JumpingJacks(reps=6, lead_in_s=0.0, tail_s=0.0)).frames()
    for f in frames:
        a.update(f, f.t)
    assert a.result().reps == 0
    assert a.view().phase == "waiting"


def test_every_metric_is_declared() -> None:
    spec = info(ID)
    declared = {m.name for m in spec.metrics}
    result, _ = run(JumpingJacks(reps=3), reps=50)
    assert set(result.metrics) <= declared
    for side_metrics in result.per_side.values():
        assert set(side_metrics) <= {m.name for m in spec.metrics if m.per_side}
    assert {"adaptive", "min_level", "max_level", "duration_s", "seated"} <= {p.name for p in spec.params}
    assert set(spec.levels) == {1, 2, 3, 4, 5}


def test_a_clip_analysed_whole_counts_without_the_gate() -> None:
    """`wigglequest count` may skip the ready gate; baselines then come from the frames."""
    from exercises.runner import run as run_clip

    frames = SyntheticSource(JumpingJacks(reps=6, lead_in_s=0.0)).frames()
    assert run_clip(ID, frames, {"reps": 50}, gate=False).result.reps == 6
    assert run_clip(ID, frames, {"reps": 50}, gate=True).result.reps == 0  # never stood still first


def test_adaptive_levels_stay_in_bounds_and_bring_their_thresholds() -> None:
    a = create(ID)
    a.start(resolve_params(ID, 1, {"reps": 50, "adaptive": True, "max_level": 3}), 0.0)
    for f in SyntheticSource(JumpingJacks(reps=10)).frames():
        a.update(f, f.t)
    result = a.result()
    assert result.reps == 10
    assert [c.new for c in result.level_changes] == [2, 3]
    assert result.level == 3
    assert a.params["arm_angle"] == info(ID).levels[3]["arm_angle"]
