"""RepCounter: hysteresis, confirmation, minimum duration and partial reps on exact signals."""

from __future__ import annotations

import math

import numpy as np
import pytest

from exercises.reps import RepCounter, normalise

FPS = 30.0


def feed(counter: RepCounter, values: list[float | None], fps: float = FPS, t0: float = 0.0) -> list:
    return [counter.update(v, t0 + i / fps) for i, v in enumerate(values)]


def reps_signal(n: int, period_s: float = 1.2, peak: float = 1.0, rest_s: float = 0.5) -> list[float]:
    """n smooth reps (0 -> peak -> 0) with rest before and after."""
    rest = [0.0] * int(rest_s * FPS)
    one = [peak * 0.5 * (1 - math.cos(2 * math.pi * i / (period_s * FPS))) for i in range(int(period_s * FPS))]
    return rest + one * n + rest


def test_counts_full_reps_exactly() -> None:
    c = RepCounter()
    outcomes = feed(c, reps_signal(7))
    assert c.reps == 7 and c.partials == 0
    done = [o for o in outcomes if o.completed]
    assert len(done) == 7
    assert all(o.peak == pytest.approx(1.0, abs=0.01) for o in done)
    assert all(0.5 < o.duration_s < 1.2 for o in done)
    assert c.cadence_per_min() == pytest.approx(50.0, rel=0.02)  # one rep per 1.2 s


def test_jitter_around_each_threshold_counts_nothing_extra() -> None:
    rng = np.random.default_rng(3)
    c = RepCounter(high=0.8, low=0.3, partial=0.5)
    # hovering around high, then around low, then around partial: never a rep
    hover = [0.8 + rng.uniform(-0.05, 0.05) for _ in range(60)]
    feed(c, [0.0] * 10 + hover)
    assert c.reps == 0
    low = [0.3 + rng.uniform(-0.05, 0.05) for _ in range(60)]
    feed(c, low, t0=3.0)
    assert c.reps == 1  # one real rep: up past high, down past low
    again = [0.3 + rng.uniform(-0.05, 0.05) for _ in range(60)]
    feed(c, again, t0=6.0)
    assert c.reps == 1


def test_noisy_reps_count_exactly() -> None:
    rng = np.random.default_rng(11)
    clean = reps_signal(10)
    noisy = [v + rng.normal(0, 0.06) for v in clean]
    c = RepCounter()
    feed(c, noisy)
    assert c.reps == 10


def test_one_wild_frame_is_not_a_rep() -> None:
    c = RepCounter(confirm=2)
    feed(c, [0.0] * 10 + [1.0] + [0.0] * 10 + [1.0] + [0.0] * 10)
    assert c.reps == 0


def test_dropouts_keep_state_and_count_nothing() -> None:
    sig: list[float | None] = list(reps_signal(5))
    for i in range(0, len(sig), 7):  # every 7th frame unseen
        sig[i] = None
    c = RepCounter()
    outcomes = feed(c, sig)
    assert c.reps == 5
    assert not any(o.completed for o, v in zip(outcomes, sig, strict=True) if v is None)
    # a long gap in the middle of a rep (child walked out at the top) does not lose or double it
    c2 = RepCounter()
    up = [0.0] * 10 + [0.5, 0.9, 1.0, 1.0]
    feed(c2, up + [None] * 30 + [1.0, 0.6, 0.1, 0.0, 0.0])
    assert c2.reps == 1


def test_half_moves_are_partials_not_reps() -> None:
    c = RepCounter(high=0.8, low=0.3, partial=0.5)
    outcomes = feed(c, reps_signal(3, peak=0.65) + reps_signal(2) + reps_signal(2, peak=0.4))
    assert c.reps == 2
    assert c.partials == 3  # 0.65 passes `partial`; 0.4 does not
    partial = [o for o in outcomes if o.partial]
    assert all(o.peak == pytest.approx(0.65, abs=0.01) for o in partial)


def test_too_fast_reps_are_rejected() -> None:
    c = RepCounter(min_rep_s=0.35)
    feed(c, reps_signal(4, period_s=0.3))  # a 0.3 s rep is faster than a child can move
    assert c.reps == 0
    feed(c, reps_signal(3, period_s=0.8), t0=10.0)
    assert c.reps == 3


def test_reset_and_normalise() -> None:
    c = RepCounter()
    feed(c, reps_signal(2))
    c.reset()
    assert (c.reps, c.partials, c.state, c.rep_times) == (0, 0, "down", [])
    assert normalise(15.0, 10.0, 20.0) == pytest.approx(0.5)
    assert normalise(None, 0.0, 1.0) is None
    assert normalise(1.0, 2.0, 2.0) is None
    assert RepCounter().cadence_per_min() == 0.0
