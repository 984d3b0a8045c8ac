"""arm_raises ("make a rainbow") driven by synthetic motion: exact counts per side setting."""

from __future__ import annotations

import pytest
from activity_driver import drive

from exercises.base import asymmetry_index
from exercises.catalog import info
from exercises.events import Cue, PartialRep, RepCompleted
from tracking.landmarks import Body
from tracking.synthetic.motions.idle import GettingIntoPosition, StandingIdle, WalkingIn
from tracking.synthetic.motions.raises import ArmRaises
from tracking.synthetic.source import Degrade, MotionScript, SyntheticSource

ID = "arm_raises"
ARMS = tuple(int(b) for b in (Body.LEFT_ELBOW, Body.RIGHT_ELBOW, Body.LEFT_WRIST, Body.RIGHT_WRIST))
NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, occlude=ARMS, occlude_rate=0.05)
ANGLE_TOL = 2.0  # degrees, clean frames
NOISY_ANGLE_TOL = 6.0


def run(script: MotionScript, level: int = 3, degrade: Degrade | None = None, seed: int = 0,
        **params: object):
    a, events = drive(ID, script, level, params, seed=seed, degrade=degrade)
    return a.result(), events


def test_both_arms_together_count_exactly() -> None:
    result, events = run(ArmRaises(reps=8, side="both"), reps=8, side="both")
    assert result.reps == 8
    assert result.completed
    assert [e.count for e in events if isinstance(e, RepCompleted)] == list(range(1, 9))
    for side in ("left", "right"):
        assert result.per_side[side]["arm_reps"] == 8
        assert result.per_side[side]["peak_abduction_deg"] == pytest.approx(160, abs=ANGLE_TOL)
    assert result.metrics["cadence_per_min"] == pytest.approx(30, abs=0.5)
    assert result.metrics["asymmetry_index"] == pytest.approx(0, abs=1)


@pytest.mark.parametrize("side", ["left", "right"])
def test_one_side_counts_that_arm_only(side: str) -> None:
    result, _ = run(ArmRaises(reps=6, side=side), reps=50, side=side)
    other = "right" if side == "left" else "left"
    assert result.reps == 6
    assert result.per_side[side]["arm_reps"] == 6
    assert result.per_side[other]["arm_reps"] == 0


def test_wrong_arm_is_recorded_but_not_counted() -> None:
    result, events = run(ArmRaises(reps=4, side="right"), reps=50, side="left")
    assert result.reps == 0
    assert result.per_side["right"]["arm_reps"] == 4
    assert any(isinstance(e, Cue) and e.cue == "use_left" for e in events)


def test_both_needs_both_arms_and_either_takes_any() -> None:
    alternating = ArmRaises(reps=6, side="alternate")
    both, _ = run(alternating, reps=50, side="both")
    assert both.reps == 0
    either, _ = run(alternating, reps=50, side="either")
    assert either.reps == 6
    assert either.per_side["left"]["arm_reps"] == 3
    assert either.per_side["right"]["arm_reps"] == 3


def test_half_moves_are_partial_and_peaks_give_asymmetry() -> None:
    script = ArmRaises(reps=6, side="both", half=(1, 4), left_peak=150.0, right_peak=170.0)
    result, events = run(script, level=1, reps=50, side="both")
    assert result.reps == 4
    assert result.metrics["partial_reps"] == 2
    assert sum(isinstance(e, PartialRep) for e in events) == 2
    assert result.per_side["left"]["peak_abduction_deg"] == pytest.approx(150, abs=ANGLE_TOL)
    assert result.per_side["right"]["peak_abduction_deg"] == pytest.approx(170, abs=ANGLE_TOL)
    assert result.metrics["asymmetry_index"] == pytest.approx(asymmetry_index(150, 170), abs=1.0)


def test_seated_counts_the_same() -> None:
    result, _ = run(ArmRaises(reps=6, seated=True), reps=50, seated=True)
    assert result.reps == 6


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("side", ["both", "either"])
def test_noise_jitter_drops_and_occlusion_leave_counts_unchanged(seed: int, side: str) -> None:
    script = ArmRaises(reps=6, side="alternate" if side == "either" else "both", half=(2,))
    result, _ = run(script, degrade=NOISY, seed=seed, reps=50, side=side)
    assert result.reps == 5
    assert result.metrics["partial_reps"] == 1
    for s in ("left", "right"):
        if result.per_side[s]["arm_reps"]:
            assert result.per_side[s]["peak_abduction_deg"] == pytest.approx(160, abs=NOISY_ANGLE_TOL)


@pytest.mark.parametrize("height,x", [(0.55, 0.3), (0.85, 0.7)])
def test_scale_and_position_do_not_change_counts(height: float, x: float) -> None:
    result, _ = run(ArmRaises(reps=5, half=(2,), height=height, x=x), reps=50)
    assert (result.reps, result.metrics["partial_reps"]) == (4, 1)


@pytest.mark.parametrize("script", [StandingIdle(), WalkingIn(), GettingIntoPosition(),
                                    StandingIdle(seated=True)],
                         ids=["idle", "walk_in", "get_into_position", "seated_idle"])
@pytest.mark.parametrize("side", ["both", "either"])
def test_not_exercising_counts_nothing(script: MotionScript, side: str) -> None:
    result, events = run(script, degrade=NOISY, reps=50, side=side)
    assert result.reps == 0
    assert result.per_side["left"]["arm_reps"] == result.per_side["right"]["arm_reps"] == 0
    assert not any(isinstance(e, RepCompleted | PartialRep) for e in events)


def test_every_metric_is_declared() -> None:
    spec = info(ID)
    result, _ = run(ArmRaises(reps=2), reps=50)
    assert set(result.metrics) <= {m.name for m in spec.metrics}
    for side_metrics in result.per_side.values():
        assert set(side_metrics) <= {m.name for m in spec.metrics if m.per_side}
    assert spec.param("side").choices == ("left", "right", "both", "either")
    assert spec.seated_variant


def test_a_clip_analysed_whole_counts_without_the_gate() -> None:
    """`wigglequest count` may skip the ready gate; baselines then come from the frames."""
    from exercises.runner import run as run_clip

    frames = SyntheticSource(ArmRaises(reps=5, lead_in_s=0.0)).frames()
    assert run_clip(ID, frames, {"reps": 50}, gate=False).result.reps == 5
    assert run_clip(ID, frames, {"reps": 50}, gate=True).result.reps == 0  # never stood still first
