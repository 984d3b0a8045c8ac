"""The staircase keeps success near 79% and never leaves the therapist's level bounds."""

from __future__ import annotations

import numpy as np
import pytest

from exercises.difficulty import Staircase, target_success_rate

# A simulated child: sure at level 1, struggling at 5; p ~ 0.79 at level 3.
CHILD_P = {1: 0.98, 2: 0.92, 3: 0.79, 4: 0.55, 5: 0.3}


def simulate(stairs: Staircase, trials: int, seed: int, p: dict[int, float] = CHILD_P) -> tuple[list[int], list[bool]]:
    rng = np.random.default_rng(seed)
    levels, outcomes = [], []
    for _ in range(trials):
        levels.append(stairs.level)
        ok = bool(rng.random() < p[stairs.level])
        outcomes.append(ok)
        stairs.record(ok)
    return levels, outcomes


def test_target_rate_of_3_up_1_down() -> None:
    assert target_success_rate(3) == pytest.approx(0.794, abs=0.001)
    assert Staircase().target == pytest.approx(0.794, abs=0.001)


def test_steps_up_after_three_successes_and_down_after_a_miss() -> None:
    s = Staircase(level=2)
    assert s.record(True) is None and s.record(True) is None
    assert s.record(True) == (3, "3 successes in a row")
    assert s.record(True) is None
    assert s.record(False) == (2, "missed")
    assert s.record(True) is None and s.record(True) is None  # the run restarted after the miss
    assert s.record(True) == (3, "3 successes in a row")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_converges_toward_the_target_success_rate(seed: int) -> None:
    levels, outcomes = simulate(Staircase(level=1), 600, seed)
    settled_levels, settled = levels[100:], outcomes[100:]
    rate = float(np.mean(settled))
    assert 0.65 <= rate <= 0.9
    mean_level = float(np.mean(settled_levels))
    assert 2.4 <= mean_level <= 3.6  # p(3) = 0.79
    # most of the time is spent at the level where p ~ 0.79 or next to it
    near = np.mean([2 <= lvl <= 4 for lvl in settled_levels])
    assert near >= 0.9


def test_starting_too_high_comes_down() -> None:
    levels, _ = simulate(Staircase(level=5), 200, seed=4)
    assert np.mean(levels[50:]) < 3.8


@pytest.mark.parametrize("lo,hi", [(1, 2), (2, 4), (4, 5), (3, 3)])
def test_never_leaves_the_therapists_bounds(lo: int, hi: int) -> None:
    s = Staircase(level=lo, min_level=lo, max_level=hi)
    levels, _ = simulate(s, 400, seed=lo * 10 + hi)
    assert min(levels) >= lo and max(levels) <= hi
    # an always-successful and an always-failing child both stop at the bounds
    up = Staircase(level=lo, min_level=lo, max_level=hi)
    for _ in range(30):
        up.record(True)
    assert up.level == hi
    down = Staircase(level=hi, min_level=lo, max_level=hi)
    for _ in range(30):
        down.record(False)
    assert down.level == lo


def test_a_level_outside_the_bounds_moves_inside_on_the_first_step() -> None:
    s = Staircase(level=1, min_level=3, max_level=4)
    assert s.record(False) == (3, "back within the therapist's level bounds")


def test_bad_bounds_are_refused() -> None:
    with pytest.raises(ValueError):
        Staircase(min_level=4, max_level=2)
    with pytest.raises(ValueError):
        Staircase(up_after=0)
