"""finger_taps driven by synthetic thumb-to-finger taps: exact correct taps and sequence errors."""

from __future__ import annotations

from typing import Any

import pytest
from activity_driver import drive

from exercises.activities.finger_taps import tap_order
from exercises.api import ActivityResult
from exercises.catalog import create, resolve_params
from tracking.synthetic.motions import taps
from tracking.synthetic.motions.fingers import ShowFingers
from tracking.synthetic.motions.taps import FingerTaps
from tracking.synthetic.source import Degrade, MotionScript, SyntheticSource

NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, hand_miss_rate=0.05, hand_swap_rate=0.02)
PERFECT = Degrade()


def run(script: MotionScript, degrade: Degrade = PERFECT, seed: int = 0, level: int = 3,
        **overrides: Any) -> tuple[Any, ActivityResult]:
    a, _ = drive("finger_taps", script, level, {"duration_s": 0, "reps": 24, **overrides}, seed=seed, degrade=degrade)
    return a, a.result()


def test_the_order_matches_the_synthetic_child() -> None:
    for n in (2, 3, 4):
        assert tap_order(n) == taps.tap_order(n)
    assert tap_order(4) == ("index", "middle", "ring", "pinky", "ring", "middle")


@pytest.mark.parametrize("hand", ["right", "left"])
def test_taps_in_order_are_all_correct(hand: str) -> None:
    a, r = run(FingerTaps(taps=12, hands=(hand,)), side=hand)
    assert r.reps == 12
    assert r.per_side[hand]["correct_taps"] == 12 and r.metrics["sequence_errors"] == 0
    assert r.metrics["taps_per_s"] == pytest.approx(1.5, abs=0.02)
    assert r.metrics["accuracy"] == 1.0 and set(r.per_side) == {hand}


def test_wrong_fingers_are_sequence_errors() -> None:
    a, r = run(FingerTaps(taps=12, errors_at=(3, 8)))
    assert r.reps == 12 and r.metrics["sequence_errors"] == 2
    assert r.metrics["accuracy"] == pytest.approx(12 / 14, abs=1e-4)


def test_goal_finishes_and_fewer_fingers_at_level_one() -> None:
    a, r = run(FingerTaps(taps=10, fingers=2), level=1, reps=8)
    assert a.finished and r.completed and r.reps == 8 and r.metrics["sequence_errors"] == 0
    a, r = run(FingerTaps(taps=6, fingers=4), level=1)  # ring and pinky are not in a 2-finger order
    assert r.reps < 6 and r.metrics["sequence_errors"] > 0


def test_tilted_and_rotated_hands_tap_the_same() -> None:
    a, r = run(FingerTaps(taps=12, hands=("left",), pitch=40, yaw=30, rotation=25), side="left")
    assert (r.reps, r.metrics["sequence_errors"]) == (12, 0)


@pytest.mark.parametrize("seed", [1, 2])
def test_noise_changes_nothing(seed: int) -> None:
    a, r = run(FingerTaps(taps=12, errors_at=(5,), rotation=-20, pitch=25), NOISY, seed=seed)
    assert (r.reps, r.metrics["sequence_errors"]) == (12, 1)


def test_both_hands_each_keep_their_own_sequence() -> None:
    a, r = run(FingerTaps(taps=12, hands=("left", "right")), side="both", reps=12)
    assert r.reps == 24 and a.finished
    assert r.per_side["left"]["correct_taps"] == 12 and r.per_side["right"]["correct_taps"] == 12
    assert r.metrics["asymmetry_index"] == 0.0


def test_idle_hand_no_hand_and_wrong_hand_count_nothing() -> None:
    a, r = run(ShowFingers(sequence=((5, 6.0),)))
    assert a.phase == "playing" and r.reps == 0 and r.metrics["sequence_errors"] == 0
    a, r = run(FingerTaps(taps=6, hands=("left",)), side="right")
    assert a.phase == "waiting" and r.reps == 0


def test_view_names_the_next_finger() -> None:
    a = create("finger_taps")
    a.start(resolve_params("finger_taps", 3, {"side": "right"}), 0.0)
    s = FingerTaps(taps=3)
    numbers = []
    for f in SyntheticSource(s).frames():
        a.update(f, f.t)
        numbers.append(a.view().number)
    assert numbers[0] == 1 and numbers[-1] == 4 and a.view().extra["finger"] == "pinky"


def test_adaptive_level_stays_within_the_therapist_bounds() -> None:
    a, r = run(FingerTaps(taps=12), level=2, adaptive=True, min_level=1, max_level=3, fingers=3)
    assert r.level == 3 and [(c.old, c.new) for c in r.level_changes] == [(2, 3)]
    assert r.reps == 12 and r.metrics["sequence_errors"] == 0  # the 4-finger order from then on


class Hidden:
    """A script with its hands out of view between two times (the child walked off)."""

    def __init__(self, script: FingerTaps, start: float, end: float) -> None:
        self.script, self.start, self.end = script, start, end
        self.duration = script.duration

    def __call__(self, t: float) -> Any:
        snap = self.script(t)
        return type(snap)(hands=()) if self.start <= t < self.end else snap


def test_losing_the_hand_pauses_and_counts_only_what_was_seen() -> None:
    s = FingerTaps(taps=12)
    # hide taps 4 and 5 completely (touch at touched_at(k), each period 1/1.5 s)
    hidden = Hidden(s, s.touched_at(4) - 0.3, s.touched_at(5) + 0.35)
    a = create("finger_taps")
    a.start(resolve_params("finger_taps", 3, {"duration_s": 0, "reps": 24}), 0.0)
    cues, phases = [], set()
    for f in SyntheticSource(hidden).frames():
        for e in a.update(f if f.hands else None, f.t):
            if e.kind == "cue":
                cues.append(e.cue)
        phases.add(a.phase)
    r = a.result()
    assert "paused" in phases and "come_back" in cues
    # Seen: I M R P, then (4: R and 5: M hidden) I M R P R M; the child owes R, so I and M are
    # errors, R is right (owing M), P and R are errors, M is right.
    assert (r.reps, r.metrics["sequence_errors"]) == (6, 4)
    assert r.tracking_quality < 1.0 and r.duration_s < 9.0

