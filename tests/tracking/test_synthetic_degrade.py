"""Degrade's hand failures: whole hands go missing or come with the other label, at the asked
rates, drawn from their own random stream so every other degradation stays as it was."""

from __future__ import annotations

import numpy as np

from tracking.synthetic.motions import script
from tracking.synthetic.motions.fingers import ShowFingers
from tracking.synthetic.source import Degrade, SyntheticSource, Together


def frames(degrade: Degrade, seed: int = 5) -> list:
    both = Together((script("arm_raises"), ShowFingers(sequence=((7, 30.0),))))
    return SyntheticSource(both, seed=seed, degrade=degrade).frames()


def test_hands_go_missing_and_swap_labels_at_the_asked_rates() -> None:
    clean = frames(Degrade())
    assert all(len(f.hands) == 2 for f in clean)
    bad = frames(Degrade(hand_miss_rate=0.1, hand_swap_rate=0.05))
    n = 2 * len(bad)
    missing = sum(2 - len(f.hands) for f in bad)
    swapped = sum(h.side != c.side for f, g in zip(bad, clean, strict=True) if len(f.hands) == 2
                  for h, c in zip(f.hands, g.hands, strict=True))
    assert 0.07 < missing / n < 0.13
    assert 0.02 < swapped / n < 0.08
    # a missing or relabelled hand is still the whole, unmoved hand: never a partial one
    for f, g in zip(bad, clean, strict=True):
        for h in f.hands:
            assert any(np.array_equal(h.points, c.points) for c in g.hands)


def test_hand_failures_leave_every_other_degradation_as_it_was() -> None:
    base = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05)
    plain = frames(base)
    with_hands = frames(Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, hand_miss_rate=0.2))
    for a, b in zip(plain, with_hands, strict=True):
        assert a.t == b.t and (a.body is None) == (b.body is None)
        if a.body is not None:
            assert np.array_equal(a.body, b.body)
    assert not Degrade(hand_swap_rate=0.01).perfect
