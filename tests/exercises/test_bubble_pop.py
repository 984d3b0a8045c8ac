"""bubble_pop driven by synthetic pinches: exact pops and pinches, per hand, tilted, noisy."""

from __future__ import annotations

from typing import Any

import pytest
from activity_driver import drive

from exercises.activities.bubble_pop import Bubble, bubble_layout
from exercises.api import ActivityResult
from exercises.catalog import create, resolve_params
from tracking.synthetic.motions.fingers import ShowFingers
from tracking.synthetic.motions.pinch import PinchCycles
from tracking.synthetic.source import Degrade, MotionScript, SyntheticSource

NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, hand_miss_rate=0.05, hand_swap_rate=0.02)
PERFECT = Degrade()
T_PLAY = 1.0  # the script's open hand is still from t=0, so the ready gate opens after 1 s
LEVEL = 2  # bubbles: radius 0.085, rising 0.05/s, one every 2.5 s
PERIOD = 2.6  # one pinch per bubble


def run(script: MotionScript, degrade: Degrade = PERFECT, seed: int = 0, **overrides: Any) -> tuple[Any, ActivityResult]:
    a, _ = drive("bubble_pop", script, LEVEL, {"duration_s": 0, **overrides}, seed=seed, degrade=degrade)
    return a, a.result()


def bubble_at(index: int, t: float, side_mode: str = "either") -> tuple[float, float]:
    """Where bubble `index` is at script time t (the activity's own layout function)."""
    x0, phase, _ = bubble_layout(1, index, side_mode)
    return Bubble(index, x0, 2.5 * index, 0.085, 0.05, phase).position(t - T_PLAY)


def on_bubbles(n: int, misses: tuple[int, ...] = (), side_mode: str = "either", **kw: Any) -> PinchCycles:
    probe = PinchCycles(pinches=n, period_s=PERIOD, **kw)
    targets, bubble = [], 0
    for k in range(n):
        if k in misses:
            targets.append((0.04, 0.97))  # nowhere near a bubble
        else:
            targets.append(bubble_at(bubble, probe.closed_at(k), side_mode))
            bubble += 1
    return PinchCycles(pinches=n, period_s=PERIOD, targets=tuple(targets), **kw)


@pytest.mark.parametrize("hand", ["right", "left"])
def test_every_pinch_on_a_bubble_pops_it(hand: str) -> None:
    script = on_bubbles(6, hands=(hand,))
    a, r = run(script, side=hand)
    assert r.reps == 6
    assert r.metrics["pinches"] == 6 and r.metrics["pops"] == 6
    assert r.metrics["pinch_accuracy"] == 1.0 and r.metrics["missed"] == 0
    assert set(r.per_side) == {hand} and r.per_side[hand]["pops"] == 6
    # reaction: bubble k appears at T_PLAY + 2.5k and is pinched at closed_at(k)
    expected = sum(script.closed_at(k) - T_PLAY - 2.5 * k for k in range(6)) / 6
    assert r.metrics["reaction_s"] == pytest.approx(expected, abs=0.15)
    assert r.tracking_quality == 1.0


def test_goal_of_pops_finishes_the_activity() -> None:
    a, r = run(on_bubbles(6), reps=4)
    assert a.finished and r.completed
    assert r.metrics["pops"] == 4 and r.reps == 4


def test_tilted_palm_pinches_still_count() -> None:
    a, r = run(on_bubbles(6, pitch=50.0, yaw=35.0, rotation=-20.0))
    assert (r.reps, r.metrics["pops"]) == (6, 6)
    a, r = run(on_bubbles(6, hands=("left",), pitch=-40.0, yaw=-55.0, rotation=30.0))
    assert (r.reps, r.metrics["pops"]) == (6, 6)


def test_pinches_off_the_bubbles_count_as_pinches_not_pops() -> None:
    a, r = run(on_bubbles(6, misses=(1, 4)))
    assert r.reps == 6 and r.metrics["pinches"] == 6
    assert r.metrics["pops"] == 4
    assert r.metrics["pinch_accuracy"] == pytest.approx(4 / 6, abs=1e-4)


def test_partial_pinches_are_not_pinches() -> None:
    a, r = run(PinchCycles(pinches=6, period_s=1.2, partial=(1, 3)))
    assert r.reps == 4 and r.metrics["pinches"] == 4
    assert r.metrics["partial_pinches"] == 2


@pytest.mark.parametrize("seed", [1, 2])
def test_noise_jitter_and_dropped_frames_change_nothing(seed: int) -> None:
    a, r = run(on_bubbles(6, pitch=30.0, yaw=20.0), NOISY, seed=seed)
    assert (r.reps, r.metrics["pops"], r.metrics["partial_pinches"]) == (6, 6, 0)
    assert 0.85 < r.tracking_quality < 1.0


def test_both_hands_take_turns_on_their_own_bubbles() -> None:
    a, r = run(on_bubbles(6, side_mode="both", hands=("left", "right")), side="both")
    assert r.reps == 6 and r.metrics["pops"] == 6
    assert r.per_side["left"]["pops"] == 3 and r.per_side["right"]["pops"] == 3
    assert r.metrics["asymmetry_index"] == 0.0


def test_idle_open_hand_and_no_hand_count_nothing() -> None:
    a, r = run(ShowFingers(sequence=((5, 8.0),)), rise_speed=0.2)
    assert a.phase == "playing" and r.reps == 0 and r.metrics["pops"] == 0
    assert r.metrics["missed"] >= 1  # bubbles floated away meanwhile
    b = create("bubble_pop")
    b.start(resolve_params("bubble_pop", 1), 0.0)
    for i in range(90):
        b.update(None, i / 30)
    assert b.phase == "waiting" and b.result().reps == 0


def test_pinching_without_first_holding_still_never_starts() -> None:
    """Fidgeting pinches from the first frame: the ready gate never opens, nothing counts."""
    a, r = run(PinchCycles(pinches=8, period_s=1.0, lead_in_s=0.0))
    assert a.phase == "waiting" and r.reps == 0


def test_the_wrong_hand_is_not_watched() -> None:
    a, r = run(on_bubbles(3, hands=("left",)), side="right")
    assert a.phase == "waiting" and r.reps == 0


def test_view_shows_bubbles_pointer_and_pinch() -> None:
    script = on_bubbles(2)
    a = create("bubble_pop")
    a.start(resolve_params("bubble_pop", LEVEL, {"duration_s": 0}), 0.0)
    seen_pinch, playing, pointed = False, 0, 0
    for f in SyntheticSource(script).frames():
        a.update(f, f.t)
        v = a.view()
        if a.phase == "playing":
            playing += 1
            pointed += v.pointer is not None
            assert all(t.kind == "bubble" for t in v.targets)
            seen_pinch |= v.pinching
    assert seen_pinch and a.view().count == 2
    assert pointed >= playing - 1  # all but the frame that opened the gate
