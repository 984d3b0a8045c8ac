"""march_in_place driven by synthetic motion: exact steps per side, cadence, alternation errors,
knee height within tolerances, standing and seated."""

from __future__ import annotations

import math

import pytest
from activity_driver import drive

from exercises.catalog import info
from exercises.events import Cue, PartialRep, RepCompleted
from tracking.synthetic.body import CHILD_PROPORTIONS as P
from tracking.synthetic.motions.idle import GettingIntoPosition, StandingIdle, WalkingIn
from tracking.synthetic.motions.march import March
from tracking.synthetic.source import LOWER_BODY, Degrade, MotionScript, SyntheticSource

ID = "march_in_place"
NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, occlude=LOWER_BODY, occlude_rate=0.05)
LIFT_TOL = 2.0  # degrees of hip flexion, clean frames
NOISY_LIFT_TOL = 4.0
RISE_REL = 0.08  # knee rise: 30 fps sampling and a 3-frame median lower the peak a little


def run(script: MotionScript, level: int = 3, degrade: Degrade | None = None, seed: int = 0,
        **params: object):
    a, events = drive(ID, script, level, params, seed=seed, degrade=degrade)
    return a.result(), events


def knee_rise_torso(script: March) -> float:
    """The script's knee rise at the top of a step, in torso lengths (legs rest at 3 degrees)."""
    tilt = math.cos(math.radians(3.0))
    if script.seated:
        return P["thigh"] * tilt * math.sin(math.radians(script.seated_lift)) / P["torso"]
    return P["thigh"] * tilt * (1 - math.cos(math.radians(script.lift))) / P["torso"]


@pytest.mark.parametrize("seated", [False, True], ids=["standing", "seated"])
def test_twelve_steps_count_exactly_per_side(seated: bool) -> None:
    script = March(reps=12, seated=seated)
    result, events = run(script, reps=12, seated=seated)
    assert result.reps == 12
    assert result.completed
    assert [e.count for e in events if isinstance(e, RepCompleted)] == list(range(1, 13))
    assert [e.side for e in events if isinstance(e, RepCompleted)] == script.legs()
    for side in ("left", "right"):
        assert result.per_side[side]["steps"] == script.steps_by(side) == 6
        assert result.per_side[side]["knee_lift_deg"] == pytest.approx(script.peak_flexion(), abs=LIFT_TOL)
        assert result.per_side[side]["knee_rise_torso"] == pytest.approx(knee_rise_torso(script), rel=RISE_REL)
    assert result.metrics["cadence_spm"] == pytest.approx(100, abs=1)
    assert result.metrics["alternation_errors"] == 0
    assert result.metrics["asymmetry_index"] == pytest.approx(0, abs=1)


def test_doubled_steps_are_alternation_errors() -> None:
    script = March(reps=12, doubles=(4, 9))
    result, events = run(script, reps=50)
    assert result.reps == 12
    assert result.metrics["alternation_errors"] == 2
    assert result.per_side["left"]["steps"] == script.steps_by("left")
    assert result.per_side["right"]["steps"] == script.steps_by("right")
    assert any(isinstance(e, Cue) and e.cue == "other_leg" for e in events)


@pytest.mark.parametrize("seated", [False, True], ids=["standing", "seated"])
def test_low_lifts_are_partial_steps(seated: bool) -> None:
    script = March(reps=10, half=(3, 6), seated=seated)
    result, events = run(script, reps=50, seated=seated)
    assert (result.reps, result.metrics["partial_reps"]) == (8, 2)
    assert sum(isinstance(e, PartialRep) for e in events) == 2


def test_cadence_follows_the_script() -> None:
    result, _ = run(March(reps=10, cadence=120.0), reps=50)
    assert result.reps == 10
    assert result.metrics["cadence_spm"] == pytest.approx(120, abs=1.5)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("seated", [False, True], ids=["standing", "seated"])
def test_noise_jitter_drops_and_occlusion_leave_counts_unchanged(seed: int, seated: bool) -> None:
    script = March(reps=12, doubles=(5,), half=(8,), seated=seated)
    result, _ = run(script, degrade=NOISY, seed=seed, reps=50, seated=seated)
    assert result.reps == 11
    assert result.metrics["partial_reps"] == 1
    assert result.per_side["left"]["steps"] == script.steps_by("left")
    assert result.per_side["right"]["steps"] == script.steps_by("right")
    # the doubled step, and the half step that leaves the same leg to go twice
    assert result.metrics["alternation_errors"] == 2
    assert result.metrics["knee_lift_deg"] == pytest.approx(script.peak_flexion(), abs=NOISY_LIFT_TOL)


@pytest.mark.parametrize("height,x", [(0.55, 0.3), (0.85, 0.7)])
def test_scale_and_position_do_not_change_counts(height: float, x: float) -> None:
    script = March(reps=8, half=(2,), height=height, x=x)
    result, _ = run(script, reps=50)
    assert (result.reps, result.metrics["partial_reps"]) == (7, 1)
    assert result.per_side["left"]["knee_rise_torso"] == pytest.approx(knee_rise_torso(script), rel=RISE_REL)


@pytest.mark.parametrize("script", [StandingIdle(), WalkingIn(), GettingIntoPosition(),
                                    StandingIdle(seated=True)],
                         ids=["idle", "walk_in", "get_into_position", "seated_idle"])
def test_not_exercising_counts_nothing(script: MotionScript) -> None:
    seated = getattr(script, "seated", False)
    result, events = run(script, degrade=NOISY, reps=50, seated=seated)
    assert result.reps == 0
    assert not any(isinstance(e, RepCompleted | PartialRep) for e in events)


def test_every_metric_is_declared() -> None:
    spec = info(ID)
    result, _ = run(March(reps=4), reps=50)
    assert set(result.metrics) <= {m.name for m in spec.metrics}
    for side_metrics in result.per_side.values():
        assert set(side_metrics) <= {m.name for m in spec.metrics if m.per_side}
    assert spec.seated_variant


def test_a_clip_analysed_whole_counts_without_the_gate() -> None:
    """`wigglequest count` may skip the ready gate; baselines then come from the frames."""
    from exercises.runner import run as run_clip

    frames = SyntheticSource(March(reps=10, lead_in_s=0.0)).frames()
    assert run_clip(ID, frames, {"reps": 50}, gate=False).result.reps == 10
    assert run_clip(ID, frames, {"reps": 50}, gate=True).result.reps == 0  # never stood still first
