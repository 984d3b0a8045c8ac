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
    first = [r.update(5, i * FRAME) for i in range(4)]
    assert first == [False, False, False, True] and r.value == 5 and r.since == 0.0  # the first too
    readings = [5, 4, 5, 5, 3, 3, 3, 3, 3]  # a one-frame 4; then a real change to 3 at frame 4
    changed = [r.update(v, (i + 4) * FRAME) for i, v in enumerate(readings)]
    assert r.value == 3 and changed.count(True) == 1
    assert r.since == (4 + 4) * FRAME  # when the 3 first appeared, not when it settled
    assert changed.index(True) == 4 + round(SETTLE_S / FRAME)


def test_a_glitch_on_the_very_first_frame_is_not_believed() -> None:
    r = Settled()
    r.update(5, 0.0)  # one hand of two missed on the first look
    for i in range(1, 6):
        r.update(10, i * FRAME)
    assert r.value == 10 and r.since == FRAME


def test_a_label_that_keeps_disagreeing_is_believed_after_a_moment() -> None:
    """The child puts the left hand down and shows the right one close to where it was: after
    max_override_s the label wins, instead of the right hand being called left for good."""
    labels = HandLabels()
    for i in range(5):
        assert sides(labels, i, hand(0.45, "left")) == ["left"]
    got = [sides(labels, i, hand(0.47, "right"))[0] for i in range(5, 25)]
    frames_overridden = got.index("right")
    assert got[frames_overridden:] == ["right"] * (20 - frames_overridden)
    assert frames_overridden * FRAME <= labels.max_override_s + 2 * FRAME


def test_a_mislabelled_first_look_is_corrected_after_a_moment() -> None:
    labels = HandLabels()
    got = [sides(labels, i, hand(0.6, "right", "left" if i == 0 else None))[0] for i in range(20)]
    assert got[-1] == "right" and got.count("left") * FRAME <= labels.max_override_s + 2 * FRAME


def test_positions_from_the_future_are_not_trusted() -> None:
    """Time going backwards (a new feed) must not let stale positions override labels."""
    labels = HandLabels()
    sides(labels, 100, hand(0.6, "right"))
    assert sides(labels, 0, hand(0.6, "right", "left")) == ["left"]
