"""reach_stars driven by a synthetic child who reacts to the stars on screen.

The child (tracking.synthetic.motions.reach.ReachScript) is told, frame by frame, about each new
star the activity shows: after REACT_S it moves the wrist to the star's centre over MOVE_S
(minimum jerk), or uses the wrong hand, or does nothing.  Expected counts follow from the
seeded stars; times are compared with the script's.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from exercises.activities.reach_stars import NEAR_REACH, plan_star
from exercises.api import Target
from exercises.calibration import Calibration
from exercises.catalog import create, resolve_params
from exercises.events import Cue, Event, TargetHit, TargetMissed
from tracking.synthetic import Degrade, SyntheticSource
from tracking.synthetic.body import Placement
from tracking.synthetic.motions.poses import WalkIn
from tracking.synthetic.motions.reach import ReachScript, reach_sequence

FRAME = 1 / 30
REACT_S, MOVE_S = 0.4, 0.6
# Onset is seen when the wrist's speed over 0.1 s passes 1 arm length/s: with a minimum-jerk
# reach that is 0.02-0.12 s after the true start (stated tolerance for reaction time).
ONSET_LAG = (0.0, 0.15)
NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, occlude=(15, 16, 19, 20), occlude_rate=0.05)

Chooser = Callable[[Target], str | None]


def asked_hand(t: Target) -> str | None:
    return t.side or ("left" if t.x < 0.5 else "right")


def other_hand(t: Target) -> str | None:
    return {"left": "right", "right": "left"}[t.side or "left"]


def play(level: int = 3, choose: Chooser | None = asked_hand, seconds: float = 30.0,
         degrade: Degrade | None = None, seated: bool = False, script: ReachScript | None = None,
         **overrides):
    a = create("reach_stars")
    a.start(resolve_params("reach_stars", level, {"seated": seated, **overrides}), 0.0)
    script = script or ReachScript(duration=seconds, seated=seated)
    src = SyntheticSource(script, seed=9, degrade=degrade or Degrade())
    src.open()
    events: list[Event] = []
    stars: list[tuple[Target, float]] = []
    for i in range(int(seconds * 30)):
        f = src.frame_at(i)
        t = i / 30
        events += a.update(f, f.t)
        for target in a.view().targets:
            if target.state == "active" and all(target.id != s.id for s, _ in stars):
                stars.append((target, t))
                hand = choose(target) if choose else None
                if hand:
                    script.reach(t + REACT_S, hand, target.x, target.y, move_s=MOVE_S, hold_s=0.4)  # type: ignore[arg-type]
        if a.finished:
            break
    return a, a.result(), events, stars


def test_child_touches_every_star_with_the_asked_hand() -> None:
    a, r, events, stars = play(level=3, reps=10, seed=3)
    assert len(stars) == 10
    assert r.metrics["hits"] == 10 and r.metrics["misses"] == 0 and r.completed
    assert [s.side for s, _ in stars] == ["left", "right"] * 5  # both: alternating
    crossing = sum(1 for s, _ in stars if s.label == "cross")
    assert crossing >= 1
    assert r.metrics["midline_crossings"] == crossing
    assert r.per_side["left"]["hits"] == r.per_side["right"]["hits"] == 5
    assert r.metrics["asymmetry_success"] == 0.0 and r.success_rate == 1.0
    hits = [e for e in events if isinstance(e, TargetHit)]
    assert [h.target_id for h in hits] == list(range(1, 11))
    for hit, (star, shown_t) in zip(hits, stars, strict=True):
        assert hit.side == star.side
        assert hit.reaction_s is not None
        assert REACT_S + ONSET_LAG[0] <= hit.reaction_s <= REACT_S + ONSET_LAG[1]
        # touched during the move, before the wrist arrives at the star's centre
        assert hit.reaction_s + hit.movement_s <= REACT_S + MOVE_S + FRAME
        assert hit.t - shown_t == pytest.approx(hit.reaction_s + hit.movement_s, abs=FRAME)
    reach = resolve_params("reach_stars", 3)["reach"]
    assert reach - NEAR_REACH - 0.15 < r.metrics["farthest_reach"] < reach + 0.25


def test_stars_are_seeded_and_inside_the_reach() -> None:
    kw = {"level": 2, "choose": None, "seconds": 8.0, "time_per_star_s": 1.0, "reps": 5}
    _, _, _, first = play(seed=21, **kw)  # type: ignore[arg-type]
    _, _, _, again = play(seed=21, **kw)  # type: ignore[arg-type]
    _, _, _, other = play(seed=22, **kw)  # type: ignore[arg-type]
    assert [(s.x, s.y) for s, _ in first] == [(s.x, s.y) for s, _ in again]
    assert [(s.x, s.y) for s, _ in first] != [(s.x, s.y) for s, _ in other]
    script = ReachScript()
    arm = 0.295 * Placement().height  # the synthetic child's arm, in image heights
    for star, _ in first:
        sx, sy = script.shoulder_xy(star.side)  # type: ignore[arg-type]
        d = math.hypot((star.x - sx) * 4 / 3, star.y - sy) / arm
        assert 0.8 - NEAR_REACH - 0.02 <= d <= 0.8 + 0.02  # level 2: reach 0.8 arm lengths
        assert star.radius == pytest.approx(0.3 * arm, rel=0.05)


def test_plan_places_crossing_stars_beyond_the_midline() -> None:
    import random

    rng = random.Random(0)
    for k in range(200):
        p = plan_star(rng, k, "both", 0.5, 0.9, half_shoulders=0.37)
        out = -1.0 if p.anchor == "left" else 1.0
        inward = -out * p.offset[0]
        assert math.hypot(*p.offset) == pytest.approx(p.distance, abs=1e-9)
        if p.cross:
            assert inward >= 0.37 + 0.1 - 1e-9  # past the midline by the margin
        else:
            assert inward < 0.37


def test_wrong_hand_never_counts() -> None:
    a, r, events, stars = play(level=2, choose=other_hand, reps=3, seconds=25.0)
    assert r.metrics["hits"] == 0 and r.metrics["misses"] == 3
    assert r.metrics["wrong_hand_touches"] == 3
    assert [e.reason for e in events if isinstance(e, TargetMissed)] == ["wrong_hand"] * 3
    assert any(isinstance(e, Cue) and e.cue in ("use_left", "use_right") for e in events)


def test_never_reaching_misses_every_star() -> None:
    a, r, events, stars = play(level=4, choose=None, reps=4, seconds=25.0)
    assert r.metrics["hits"] == 0 and r.metrics["misses"] == 4 and a.finished
    assert [e.reason for e in events if isinstance(e, TargetMissed)] == ["timeout"] * 4
    assert r.success_rate == 0.0


@pytest.mark.parametrize("side", ["left", "right"])
def test_one_side(side: str) -> None:
    a, r, events, stars = play(level=5, side=side, reps=4, seed=1)
    assert {s.side for s, _ in stars} == {side}
    assert r.per_side[side]["hits"] == 4 and r.metrics["misses"] == 0
    assert r.metrics["midline_crossings"] == sum(1 for s, _ in stars if s.label == "cross")


def test_either_hand_counts_the_nearer_one() -> None:
    a, r, events, stars = play(level=3, side="either", reps=6, seed=4)
    assert all(s.side is None and s.label == "" for s, _ in stars)
    assert r.metrics["hits"] == 6
    used = {e.side for e in events if isinstance(e, TargetHit)}
    assert used == {"left", "right"}


def test_seated_and_with_a_calibration() -> None:
    _, r, _, _ = play(level=3, seated=True, reps=4)
    assert r.metrics["hits"] == 4
    a = create("reach_stars")
    params = resolve_params("reach_stars", 3, {"reps": 4})
    params["calibration"] = Calibration.default()
    a.start(params, 0.0)
    script = ReachScript(duration=20.0)
    src = SyntheticSource(script)
    src.open()
    seen: set[int] = set()
    for i in range(600):
        f = src.frame_at(i)
        a.update(f, f.t)
        for t in a.view().targets:
            if t.state == "active" and t.id not in seen:
                seen.add(t.id)
                script.reach(i / 30 + REACT_S, t.side, t.x, t.y)  # type: ignore[arg-type]
    assert a.result().metrics["hits"] == 4
    assert "calibration" not in a.result().params


def test_degraded_tracking_keeps_the_counts() -> None:
    _, clean, _, stars_clean = play(level=3, reps=8, seed=3)
    _, noisy, _, stars_noisy = play(level=3, reps=8, seed=3, degrade=NOISY)
    for name in ("hits", "misses", "midline_crossings", "wrong_hand_touches", "reaches",
                 "hand_midline_crossings"):
        assert noisy.metrics[name] == clean.metrics[name]
    assert noisy.metrics["hits"] == 8
    assert noisy.metrics["reaction_time_s"] == pytest.approx(clean.metrics["reaction_time_s"], abs=0.1)


def test_idle_and_walking_in_count_nothing() -> None:
    script = ReachScript(duration=8.0, walk_in=WalkIn(3.0))
    a, r, events, stars = play(choose=None, script=script, seconds=8.0, reps=10)
    assert r.metrics["hits"] == 0 and r.metrics["wrong_hand_touches"] == 0
    assert r.metrics["reaches"] == 0 and r.metrics["hand_midline_crossings"] == 0
    assert stars and stars[0][1] >= 3.0 + 1.0  # no star before the child stood still 1 s


def test_adaptive_levels_move_within_bounds_and_shrink_the_stars() -> None:
    a, r, events, stars = play(level=1, reps=8, adaptive=True, min_level=1, max_level=3, seconds=30.0)
    assert r.metrics["hits"] == 8
    assert [(c.old, c.new) for c in r.level_changes] == [(1, 2), (2, 3)]  # 3 hits in a row, twice
    assert r.level == 3
    radii = [round(s.radius / stars[0][0].radius, 3) for s, _ in stars]
    assert radii[0] == 1.0 and radii[-1] == pytest.approx(0.25 / 0.35, abs=0.01)


def test_movement_figures_without_aiming_at_stars() -> None:
    # Like a plain video: the child reaches on its own schedule, whatever the stars do.
    goals = ((3.0, "left", 0.3, 0.25), (5.0, "right", 0.7, 0.25), (7.0, "left", 0.62, 0.3),
             (9.0, "right", 0.38, 0.3), (11.0, "left", 0.33, 0.45))
    script = reach_sequence(goals)
    _, r, _, _ = play(choose=None, script=script, seconds=script.duration, reps=20,
                      time_per_star_s=30.0)
    assert r.metrics["reaches"] == 5
    assert r.metrics["hand_midline_crossings"] == 2  # the third and fourth reach cross over


def test_time_away_does_not_count_against_the_star() -> None:
    """The child leaves for 6 s (longer than the 4 s a star lasts) while a star is up: the star
    waits, and is missed only after its full time of being seen."""
    a = create("reach_stars")
    a.start(resolve_params("reach_stars", 3, {}), 0.0)
    src = SyntheticSource(ReachScript(duration=60.0), seed=9)  # a child who never reaches
    src.open()
    missed: list[float] = []
    i = 0

    def feed(frames: int, present: bool = True) -> None:
        nonlocal i
        for _ in range(frames):
            f = src.frame_at(i)
            if not present:
                f = type(f)(seq=f.seq, t=f.t, body=None, image_size=f.image_size)
            missed.extend(f.t for e in a.update(f, f.t) if isinstance(e, TargetMissed))
            i += 1

    while not any(t.state == "active" for t in a.view().targets):
        feed(1)
        assert i < 30 * 20, "no star appeared"
    shown_at = i / 30
    feed(30)  # seen for 1 s with the star up
    feed(6 * 30, present=False)
    assert a.phase == "paused" and not missed
    feed(2 * 30)  # back: 3 s seen in all, the star (4 s) still waits
    assert a.phase == "playing" and not missed and a.away_s > 5.0
    feed(2 * 30)
    assert missed, "the star was never missed"
    seen_before_miss = missed[0] - shown_at - a.away_s
    assert 3.9 <= seen_before_miss <= 4.4
