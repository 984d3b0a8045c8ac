"""copy_the_pose driven by a synthetic child who copies (or fails to copy) the card on screen.

The poses the child makes come from tracking.synthetic.motions.poses (joint angles), not from the
activity's templates, so "each card is matched by its own pose and by no other" is a real check.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from exercises.activities._poses import CARDS, features, match
from exercises.catalog import create, info, resolve_params
from exercises.events import Cue, Event, HoldEnded, RepCompleted
from tracking.frame import PoseFrame
from tracking.synthetic import Degrade, Placement, SyntheticSource
from tracking.synthetic.motions.poses import POSES, REST, PoseScript, WalkIn, render, stand_idle
from tracking.synthetic.source import LOWER_BODY

FRAME = 1 / 30
REACT_S, MOVE_S = 0.4, 0.5
NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, occlude=LOWER_BODY, occlude_rate=0.05)
LOWEST_THRESHOLD = min(lv["threshold"] for lv in info("copy_the_pose").levels.values())


def frame_of(pose_id: str, seated: bool = False, place: Placement | None = None) -> PoseFrame:
    body = render(REST if pose_id == "rest" else POSES[pose_id], place or Placement(), seated)
    return PoseFrame(0, 0.0, body)


@pytest.mark.parametrize("seated", [False, True])
def test_every_card_matches_its_own_pose_and_no_other(seated: bool) -> None:
    cards = [c for c in CARDS if c.arms_only or not seated]
    assert len(cards) >= (10 if seated else 13)
    for place in (Placement(), Placement(x=0.35, height=0.55, floor=0.9)):  # scale / position
        for pose in cards:
            feats = features(frame_of(pose.id, seated, place), legs=not seated)
            assert feats is not None
            for card in cards:
                m = match(card, feats)
                if card.id == pose.id:
                    assert m >= 0.95, (pose.id, m)
                else:
                    assert m < LOWEST_THRESHOLD, (pose.id, card.id, m)
    rest = features(frame_of("rest", seated), legs=not seated)
    assert rest is not None and max(match(c, rest) for c in cards) == 0.0


Choose = Callable[[str], str]


def play(level: int = 3, choose: Choose | None = lambda card: card, seconds: float = 40.0,
         degrade: Degrade | None = None, seated: bool = False, script: PoseScript | None = None,
         hold_for: float | None = None, **overrides):
    """A child who sees each card, waits REACT_S, moves into `choose(card)` over MOVE_S and stays
    there (for `hold_for` seconds if given) until the card goes, then lets the arms down."""
    a = create("copy_the_pose")
    a.start(resolve_params("copy_the_pose", level, {"seated": seated, **overrides}), 0.0)
    script = script or PoseScript(duration=seconds, seated=seated)
    src = SyntheticSource(script, seed=5, degrade=degrade or Degrade())
    src.open()
    events: list[Event] = []
    shown: list[tuple[str, float]] = []
    card = None
    for i in range(int(seconds * 30)):
        f = src.frame_at(i)
        t = i / 30
        events += a.update(f, f.t)
        v = a.view()
        if v.pose_card != card:
            card = v.pose_card
            if card is not None:
                shown.append((card, t))
                if choose is not None:
                    script.go(t + REACT_S, choose(card), MOVE_S)
                    if hold_for is not None:
                        script.go(t + REACT_S + MOVE_S + hold_for, "rest", MOVE_S)
            elif choose is not None:
                script.go(t + 0.1, "rest", MOVE_S)
        if a.finished:
            break
    return a, a.result(), events, shown


def test_child_copies_every_card() -> None:
    a, r, events, shown = play(level=3)
    goal = resolve_params("copy_the_pose", 3)["reps"]
    assert r.reps == r.metrics["poses_matched"] == goal == 6
    assert r.metrics["poses_missed"] == 0 and r.completed and r.success_rate == 1.0
    assert len({c for c, _ in shown}) == goal  # no card twice while fresh ones remain
    assert [e.count for e in events if isinstance(e, RepCompleted)] == list(range(1, goal + 1))
    # the match crosses the threshold during the move into the pose
    assert REACT_S < r.metrics["time_to_match_s"] <= REACT_S + MOVE_S + FRAME
    for _, time_to_match, _quality in a.matched:
        assert REACT_S < time_to_match <= REACT_S + MOVE_S + FRAME
    assert r.metrics["match_quality"] >= 0.9
    assert all(isinstance(e, HoldEnded) and e.success for e in events if isinstance(e, HoldEnded))


def test_card_order_is_seeded() -> None:
    first = play(level=5, seconds=4.0, choose=None, seed=11)[3]
    again = play(level=5, seconds=4.0, choose=None, seed=11)[3]
    other = [play(level=5, seconds=4.0, choose=None, seed=s)[3] for s in (1, 2, 3)]
    assert first == again
    assert any(o[0][0] != first[0][0] for o in other)


def test_every_hard_card_is_copied_at_level_5() -> None:
    a, r, events, shown = play(level=5, seconds=40.0, reps=13, card_time_s=8.0, hold_s=0.5)
    assert r.metrics["poses_matched"] == 13 and r.metrics["poses_missed"] == 0
    assert {c for c, _ in shown} == {c.id for c in CARDS}


def test_another_cards_pose_is_never_matched() -> None:
    ids = [c.id for c in CARDS]

    def wrong(card: str) -> str:  # the next card's pose in catalog order
        return ids[(ids.index(card) + 1) % len(ids)]

    a, r, events, shown = play(level=1, choose=wrong, seconds=30.0, reps=2, card_time_s=8.0)
    assert r.metrics["poses_matched"] == 0 and r.metrics["poses_missed"] == 2
    assert r.metrics["best_match"] < LOWEST_THRESHOLD
    assert any(isinstance(e, Cue) and e.cue == "almost" for e in events)


def test_too_short_a_hold_does_not_count() -> None:
    a, r, _, _ = play(level=5, hold_for=0.3, seconds=14.0, reps=1, card_time_s=8.0)  # needs 2 s
    assert r.metrics["poses_matched"] == 0 and r.metrics["poses_missed"] == 1


def test_seated_shows_only_arm_cards() -> None:
    a, r, events, shown = play(level=5, seated=True, seconds=50.0)
    arm_cards = {c.id for c in CARDS if c.arms_only}
    assert {c for c, _ in shown} <= arm_cards
    assert r.metrics["poses_matched"] == 8 and r.metrics["poses_missed"] == 0


def test_degraded_tracking_keeps_the_counts() -> None:
    _, clean, _, shown_clean = play(level=3)
    _, noisy, _, shown_noisy = play(level=3, degrade=NOISY)
    assert [c for c, _ in shown_noisy] == [c for c, _ in shown_clean]
    assert noisy.metrics["poses_matched"] == clean.metrics["poses_matched"] == 6
    assert noisy.metrics["poses_missed"] == 0
    assert noisy.metrics["time_to_match_s"] == pytest.approx(clean.metrics["time_to_match_s"], abs=0.1)


def test_idle_and_walking_in_count_nothing() -> None:
    for script in (stand_idle(8.0), PoseScript(duration=8.0, walk_in=WalkIn(3.0))):
        a, r, events, shown = play(level=1, choose=None, script=script, seconds=8.0)
        assert r.metrics["poses_matched"] == 0
        assert not any(isinstance(e, HoldEnded) for e in events)
    # walking in (arms swinging) is not the start pose: the first card waits for standing still
    assert shown and shown[0][1] >= 3.0 + 1.0


def test_view_tracks_the_card_and_the_match() -> None:
    a = create("copy_the_pose")
    a.start(resolve_params("copy_the_pose", 1, {"seed": 0}), 0.0)
    script = PoseScript(duration=5.0)
    src = SyntheticSource(script)
    src.open()
    best = 0.0
    for i in range(150):
        f = src.frame_at(i)
        a.update(f, f.t)
        v = a.view()
        if v.pose_card and not script.steps:
            script.go(f.t + 0.2, v.pose_card)
        best = max(best, v.match)
    assert best > 0.95
    assert a.count() == 1
