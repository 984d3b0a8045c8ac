"""One Euro smoothing: less jitter at rest, little lag in a jump, fresh start after a loss."""

from __future__ import annotations

import numpy as np

from tracking.frame import Hand, PoseFrame
from tracking.smoothing import OneEuroFilter, PoseSmoother

FPS = 30.0


def test_cuts_still_jitter_at_least_3x() -> None:
    rng = np.random.default_rng(7)
    noisy = 0.5 + rng.normal(0.0, 0.004, size=(300, 33, 3))  # MediaPipe-like still jitter
    f = OneEuroFilter()
    out = np.array([f(noisy[i], i / FPS) for i in range(len(noisy))])
    settled = slice(30, None)
    ratio = noisy[settled].std() / out[settled].std()
    assert ratio >= 3.0, ratio
    assert abs(out[settled].mean() - 0.5) < 0.001  # no bias


def test_follows_a_jump_within_3_frames() -> None:
    f = OneEuroFilter()
    signal = np.where(np.arange(60) < 30, 0.3, 0.5)  # a jump of 0.2 image widths
    out = np.array([f(np.array([s]), i / FPS)[0] for i, s in enumerate(signal)])
    reached = next(i for i in range(30, 60) if out[i] >= 0.3 + 0.9 * 0.2)
    assert reached - 30 <= 3
    assert out.max() <= 0.5 + 1e-12  # no overshoot


def test_repeated_timestamp_does_not_divide_by_zero() -> None:
    f = OneEuroFilter()
    f(np.array([0.0]), 1.0)
    out = f(np.array([1.0]), 1.0)
    assert np.all(np.isfinite(out))


def _frame(t: float, x: float | None, hand_x: float | None = None, seq: int = 0) -> PoseFrame:
    body = None
    if x is not None:
        body = np.zeros((33, 4))
        body[:, 0], body[:, 3] = x, 0.9
    hands = () if hand_x is None else (Hand(np.full((21, 3), hand_x), "left", 0.9),)
    return PoseFrame(seq=seq, t=t, body=body, hands=hands)


def test_resets_when_body_is_lost() -> None:
    s = PoseSmoother()
    s(_frame(0.0, 0.2))
    moved = s(_frame(1 / FPS, 0.4))
    assert 0.2 < moved.body[0, 0] < 0.4  # smoothed
    assert s(_frame(2 / FPS, None)).body is None
    back = s(_frame(3 / FPS, 0.8))
    assert back.body[0, 0] == 0.8  # starts afresh, not dragged from 0.4


def test_resets_after_a_gap() -> None:
    s = PoseSmoother(max_gap=0.5)
    s(_frame(0.0, 0.2))
    assert s(_frame(0.6, 0.7)).body[0, 0] == 0.7


def test_visibility_is_left_as_measured_and_hands_are_smoothed_per_side() -> None:
    s = PoseSmoother()
    s(_frame(0.0, 0.2, hand_x=0.1))
    f = _frame(1 / FPS, 0.4, hand_x=0.3)
    out = s(f)
    assert np.array_equal(out.body[:, 3], f.body[:, 3])
    assert 0.1 < out.hands[0].points[0, 0] < 0.3
    s(_frame(2 / FPS, 0.4))  # hand gone: its filter resets
    assert s(_frame(3 / FPS, 0.4, hand_x=0.9)).hands[0].points[0, 0] == 0.9
