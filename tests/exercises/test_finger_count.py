"""finger_count driven by a synthetic child showing numbers: exact correct answers and errors."""

from __future__ import annotations

from typing import Any

import pytest
from activity_driver import drive

from exercises.activities.finger_count import asked_number
from exercises.api import ActivityResult
from exercises.catalog import create, resolve_params
from tracking.synthetic.motions.fingers import ShowFingers
from tracking.synthetic.source import Degrade, MotionScript, SyntheticSource

NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, hand_miss_rate=0.05, hand_swap_rate=0.02)
PERFECT = Degrade()
HOLD = 1.8  # the child shows each number this long (the activity answers after 0.6 s + 0.8 s gap)


def numbers(level: int, seed: int = 1) -> list[int]:
    p = resolve_params("finger_count", level)
    out: list[int] = []
    for i in range(p["reps"]):
        out.append(asked_number(seed, i, p["max_number"], out[-1] if out else None))
    return out


def run(script: MotionScript, level: int, degrade: Degrade = PERFECT, seed: int = 0,
        **overrides: Any) -> tuple[Any, ActivityResult]:
    a, _ = drive("finger_count", script, level, overrides, seed=seed, degrade=degrade)
    return a, a.result()


def test_numbers_are_fixed_by_the_seed_and_never_repeat() -> None:
    ns = numbers(4)
    assert ns == numbers(4) and all(1 <= n <= 10 for n in ns)
    assert all(a != b for a, b in zip(ns, ns[1:], strict=False))
    assert max(numbers(1)) <= 3


@pytest.mark.parametrize("hand", ["right", "left"])
def test_one_hand_shows_every_number(hand: str) -> None:
    ns = numbers(2)
    a, r = run(ShowFingers(sequence=tuple((n, HOLD) for n in ns), hand=hand), 2, side=hand)
    assert a.finished and r.completed
    assert r.reps == len(ns) == 6
    assert (r.metrics["correct"], r.metrics["errors"], r.metrics["timeouts"]) == (6, 0, 0)
    # asked ~0.25 s before the child starts changing; the fingers pass half-way 0.15 s later
    assert r.metrics["time_to_show_s"] == pytest.approx(0.41, abs=0.1)


def test_two_hands_show_six_to_ten() -> None:
    ns = numbers(4)
    assert any(n > 5 for n in ns)
    a, r = run(ShowFingers(sequence=tuple((n, HOLD) for n in ns), rotation=30, pitch=30, yaw=-40), 4)
    assert (r.reps, r.metrics["errors"], r.metrics["timeouts"]) == (8, 0, 0)


def test_a_wrong_number_held_is_one_error() -> None:
    ns = numbers(2)
    wrong = 1 if ns[2] != 1 else 2
    seq = tuple((n, HOLD) for n in ns[:2]) + ((wrong, HOLD),) + tuple((n, HOLD) for n in ns[2:])
    a, r = run(ShowFingers(sequence=seq), 2)
    assert (r.reps, r.metrics["errors"], r.metrics["timeouts"]) == (6, 1, 0)


@pytest.mark.parametrize("seed", [1, 2])
def test_noise_changes_nothing(seed: int) -> None:
    ns = numbers(4)
    seq = tuple((n, HOLD) for n in ns[:3]) + ((4 if ns[3] != 4 else 2, HOLD),) + tuple((n, HOLD) for n in ns[3:])
    a, r = run(ShowFingers(sequence=seq, hand="left"), 4, NOISY, seed=seed)
    assert (r.reps, r.metrics["errors"], r.metrics["timeouts"]) == (8, 1, 0)


def test_not_showing_times_out_and_idle_counts_nothing() -> None:
    a, r = run(ShowFingers(sequence=((5, 12.0),)), 1, time_per_number_s=3.0)
    assert r.reps == 0 and r.metrics["errors"] == 0  # an open hand (5) is never asked at level 1
    assert r.metrics["timeouts"] == 3
    b = create("finger_count")
    b.start(resolve_params("finger_count", 1), 0.0)
    for i in range(60):
        b.update(None, i / 30)
    assert b.phase == "waiting" and b.result().reps == 0


def test_view_shows_the_number_and_the_fingers_seen() -> None:
    ns = numbers(2)
    a = create("finger_count")
    a.start(resolve_params("finger_count", 2), 0.0)
    s = ShowFingers(sequence=tuple((n, HOLD) for n in ns[:2]))
    for f in SyntheticSource(s).frames():
        a.update(f, f.t)
        if f.t == pytest.approx(s.starts()[0] + 1.0, abs=0.01):
            v = a.view()
            assert v.number == ns[0] and v.shown == ns[0]
    assert a.view().shown == ns[1]


def test_an_open_hand_held_still_never_answers_five() -> None:
    """The ready pose is an open hand, which shows five: when five is asked, the hand that was
    already up must not score by doing nothing (level 3, seed 1 asks 4, 2, 4, 3, then 5)."""
    from tracking.synthetic.motions.hands_idle import HandsIdle

    assert numbers(3)[:5] == [4, 2, 4, 3, 5]
    _, r = run(HandsIdle(duration=37.0, hands=("right",)), 3)
    assert r.reps == 0 and r.metrics["correct"] == 0
    assert r.metrics["timeouts"] == 5  # 6 s each, with 0.8 s gaps: the fifth is five


def test_five_asked_first_is_answered_by_closing_and_opening_again() -> None:
    """Seed 5 asks five first, while the open hand of the ready pose is up: a child who closes
    the hand and opens it again answers it."""
    p = resolve_params("finger_count", 3, {"seed": 5})
    assert asked_number(5, 0, p["max_number"], None) == 5
    script = ShowFingers(sequence=((0, 1.0), (5, HOLD)), hand="right", lead_in_s=3.0)
    a = create("finger_count")
    a.start(p | {"side": "right"}, 0.0)
    for f in SyntheticSource(script).frames():
        a.update(f, f.t)
    r = a.result()
    assert r.metrics["correct"] == 1 and r.metrics["errors"] == 0
