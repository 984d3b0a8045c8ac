"""Standing idle, walking into the picture and getting into position count nothing, in EVERY
activity: the issue's "zero reps" promise checked across the whole catalog at once.

Each scenario puts a body script and a hands script in front of the camera together (so body
and hand activities both see a child), with the hands doing the hand version of the same thing
(held up still; coming up into the picture; wandering through a fist, a pinch, three fingers and
a thumb tap before holding still).  Every activity runs at its default parameters through the
same runner `count` uses, with the ready gate on as in the game; seated variants also run on a
seated child.  Nothing may be counted: no reps, no hits, no matched poses, no one-leg stands.
"""

from __future__ import annotations

import pytest

from exercises import catalog
from exercises.api import ActivityResult
from exercises.events import RepCompleted, TargetHit
from exercises.runner import run
from tracking.synthetic.motions.hands_idle import HandsComingIn, HandsGettingReady, HandsIdle
from tracking.synthetic.motions.idle import GettingIntoPosition, StandingIdle, WalkingIn
from tracking.synthetic.source import Degrade, MotionScript, SyntheticSource, Together

SCENARIOS: dict[str, MotionScript] = {
    "standing_idle": Together((StandingIdle(duration=5.0), HandsIdle(duration=5.0))),
    "walking_in_from_left": Together((WalkingIn(), HandsComingIn())),
    "walking_in_from_right": Together((WalkingIn(from_side="right"), HandsComingIn())),
    "getting_into_position": Together((GettingIntoPosition(), HandsGettingReady())),
}
SEATED = Together((StandingIdle(duration=5.0, seated=True), HandsIdle(duration=5.0)))
# Every figure that says "the child did it once" (never the misses or the timeouts).
COUNTS = ("reps", "partial_reps", "hits", "poses_matched", "stands", "holds", "longest_hold_s",
          "total_hold_s", "pops", "pinches", "correct", "errors", "sorted", "shapes_done",
          "correct_taps", "sequence_errors", "steps", "alternation_errors")
NOISY = Degrade(noise=0.003, jitter=0.003, drop_rate=0.05)


def counted(result: ActivityResult) -> dict[str, float]:
    figures = {k: v for k, v in result.metrics.items() if k in COUNTS and v}
    for side, values in result.per_side.items():
        figures.update({f"{side}.{k}": v for k, v in values.items() if k in COUNTS and v})
    return figures


def assert_nothing_counted(activity_id: str, script: MotionScript, seated: bool = False,
                           degrade: Degrade | None = None) -> None:
    params = {"seated": True} if seated else {}
    frames = SyntheticSource(script, seed=4, degrade=degrade or Degrade()).frames()
    outcome = run(activity_id, frames, params, gate=True)
    r = outcome.result
    assert r.reps in (0, None), r
    assert counted(r) == {}, counted(r)
    done = [e for e in outcome.events if isinstance(e, (RepCompleted, TargetHit))]
    assert done == [], done


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
@pytest.mark.parametrize("activity_id", catalog.ids())
def test_not_exercising_counts_nothing(activity_id: str, scenario: str) -> None:
    assert_nothing_counted(activity_id, SCENARIOS[scenario])


@pytest.mark.parametrize("activity_id", [i.id for i in catalog.infos() if i.seated_variant])
def test_sitting_still_counts_nothing(activity_id: str) -> None:
    assert_nothing_counted(activity_id, SEATED, seated=True)


@pytest.mark.parametrize("activity_id", catalog.ids())
def test_getting_into_position_with_noisy_tracking_counts_nothing(activity_id: str) -> None:
    assert_nothing_counted(activity_id, SCENARIOS["getting_into_position"], degrade=NOISY)


def test_the_gate_opens_in_every_scenario() -> None:
    """The scenarios end with the child still in the start pose, so the activities did start
    (nothing counted is not just "never started")."""
    for name, script in SCENARIOS.items():
        for activity_id in ("jumping_jacks", "march_in_place", "bubble_pop"):
            frames = SyntheticSource(script, seed=4).frames()
            assert run(activity_id, frames, gate=True).gate == "passed", (name, activity_id)
