"""What protects the hand activities from MediaPipe Hands' per-frame glitches: HandLabels keeps
a hand on its side while it moves continuously, and Settled ignores a reading that lasts only a
frame or two (a missed or mislabelled hand)."""

from __future__ import annotations

from exercises.activities._hands_common import SETTLE_S, HandLabels, Settled
from tracking.frame import Hand, PoseFrame
from tracking.synthetic.hand import HandPlace, HandShape, render_hand

FRAME = 1 / 30


def hand(x: float, side: str, label: str | None = None) -> Hand:
    h = render_hand(HandShape.open(), HandPlace(x=x, side=side))  # type: ignore[arg-type]
    return Hand(h.points, label or side, h.score)  # type: ignore[arg-type]


def sides(labels: HandLabels, i: int, *hands: Hand) -> list[str]:
    frame = PoseFrame(seq=i, t=i * FRAME, hands=hands)
    return [h.side for h in labels.fix(hands, frame)]


def test_one_hand_labelled_as_the_other_for_two_frames_keeps_its_side() -> None:
    labels = HandLabels()
    got = [sides(labels, i, hand(0.6 + 0.002 * i, "right", "left" if i in (5, 6) else None))
           for i in range(10)]
    assert got == [["right"]] * 10


def test_the_other_hand_held_up_elsewhere_takes_its_own_label() -> None:
    labels = HandLabels()
    assert [sides(labels, i, hand(0.65, "right")) for i in range(5)] == [["right"]] * 5
    assert sides(labels, 5, hand(0.3, "left")) == ["left"]  # far from where the right hand was


def test_two_hands_with_swapped_labels_are_put_back() -> None:
    labels = HandLabels()
    for i in range(5):
        assert sides(labels, i, hand(0.3, "left"), hand(0.7, "right")) == ["left", "right"]
    assert sides(labels, 5, hand(0.3, "left", "right"), hand(0.7, "right", "left")) == ["left", "right"]
    assert sides(labels, 6, hand(0.3, "left", "right"), hand(0.7, "right")) == ["left", "right"]


def test_two_hands_with_one_label_and_no_history_are_told_apart_by_position() -> None:
    assert sides(HandLabels(), 0, hand(0.7, "right"), hand(0.3, "right", "right")) == ["right", "left"]


def test_labels_are_trusted_again_after_the_memory_runs_out() -> None:
    labels = HandLabels()
    sides(labels, 0, hand(0.6, "right"))
    late = int(labels.memory_s / FRAME) + 2
    assert sides(labels, late, hand(0.6, "right", "left")) == ["left"]


def test_settled_reading_ignores_short_glitches_and_backdates_real_changes() -> None:
    r = Settled()
    assert r.update(5, 0.0) and r.value == 5
    readings = [5, 4, 5, 5, 3, 3, 3, 3, 3]  # a one-frame 4; then a real change to 3 at frame 4
    changed = [r.update(v, (i + 1) * FRAME) for i, v in enumerate(readings)]
    assert r.value == 3 and changed.count(True) == 1
    assert r.since == 5 * FRAME  # when the 3 first appeared, not when it settled
    assert changed.index(True) == 4 + round(SETTLE_S / FRAME)
