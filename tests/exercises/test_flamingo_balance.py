"""flamingo_balance driven by synthetic one-leg stands: exact stands, put-downs and holds;
hold lengths within one frame of the script's; more wobble, more sway."""

from __future__ import annotations

import math

import pytest

from exercises.catalog import create, resolve_params
from exercises.events import Cue, Event, HoldEnded, HoldStarted
from tracking.synthetic import Degrade, SyntheticSource
from tracking.synthetic.motions.balance import BalanceScript, alternating_stands, one_leg_stand
from tracking.synthetic.motions.poses import stand_idle
from tracking.synthetic.source import LOWER_BODY, MotionScript

FRAME = 1 / 30
NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, occlude=LOWER_BODY, occlude_rate=0.05)


def run(script: MotionScript, level: int = 2, degrade: Degrade | None = None, **overrides):
    a = create("flamingo_balance")
    a.start(resolve_params("flamingo_balance", level, overrides), 0.0)
    events: list[Event] = []
    frames = SyntheticSource(script, seed=7, degrade=degrade or Degrade()).frames()
    for f in frames:
        events += a.update(f, f.t)
    if not a.finished:
        a.finish(frames[-1].t, events)
    return a, a.result(), events


def script_holds(script: BalanceScript, side: str) -> list[float]:
    return [end - start for s, start, end in script.holds() if s == side]


def test_put_down_then_a_successful_stand() -> None:
    script = one_leg_stand("left", hold_s=4.0, put_downs=(1.5,))
    a, r, events = run(script, hold_s=2.0, side="left")
    assert [round(h, 2) for h in script_holds(script, "left")] == [1.4, 2.4]
    assert r.metrics["stands"] == 2
    assert r.metrics["put_downs"] == 1  # the first stand ended before the 2 s goal
    assert r.metrics["holds"] == 1
    assert r.per_side["left"]["longest_hold_s"] == pytest.approx(2.4, abs=FRAME)
    assert r.metrics["longest_hold_s"] == pytest.approx(2.4, abs=FRAME)
    assert r.metrics["total_hold_s"] == pytest.approx(3.8, abs=2 * FRAME)
    assert r.per_side["right"]["longest_hold_s"] == 0
    assert r.reps is None
    ends = [e for e in events if isinstance(e, HoldEnded)]
    assert [e.success for e in ends] == [False, True]
    assert ends[0].held_s == pytest.approx(1.4, abs=FRAME)
    assert ends[1].held_s == pytest.approx(2.0, abs=FRAME)  # the goal was reached here
    assert r.success_rate == 0.5
    assert r.metrics["asymmetry_longest_hold"] == 100.0


def test_both_legs_alternate_with_other_leg_cue() -> None:
    script = alternating_stands((("left", 4.0), ("right", 3.0)))
    a, r, events = run(script, hold_s=2.5, side="both", reps=2)
    assert r.completed
    assert r.metrics["holds"] == 2 and r.metrics["put_downs"] == 0
    assert r.per_side["left"]["holds"] == r.per_side["right"]["holds"] == 1
    assert r.per_side["left"]["longest_hold_s"] == pytest.approx(script_holds(script, "left")[0], abs=FRAME)
    # the second success reached the goal and finished the activity: timed up to that moment
    assert r.per_side["right"]["longest_hold_s"] == pytest.approx(2.5, abs=FRAME)
    assert [e.side for e in events if isinstance(e, HoldStarted)] == ["left", "right"]
    cues = [e.cue for e in events if isinstance(e, Cue)]
    assert "other_leg" in cues


def test_wrong_leg_is_not_counted() -> None:
    script = one_leg_stand("left", hold_s=3.0)
    a, r, events = run(script, hold_s=2.0, side="right")
    assert r.metrics["stands"] == 0 and r.metrics["longest_hold_s"] == 0
    assert r.metrics["put_downs"] == 0
    assert any(isinstance(e, Cue) and e.cue == "other_leg" for e in events)


@pytest.mark.parametrize("side", ["left", "right"])
def test_longest_hold_per_leg_matches_script(side: str) -> None:
    script = one_leg_stand(side, hold_s=3.3, put_downs=(1.0,), lift_s=0.15)  # type: ignore[arg-type]
    a, r, events = run(script, hold_s=10.0, side=side)
    expected = max(script_holds(script, side))
    assert r.per_side[side]["longest_hold_s"] == pytest.approx(expected, abs=FRAME)
    assert r.metrics["put_downs"] == 2  # both stands ended short of the 10 s goal
    assert r.metrics["holds"] == 0


def test_more_wobble_gives_more_sway() -> None:
    sways = []
    for amplitude in (0.0, 0.01, 0.03):
        _, r, _ = run(one_leg_stand("left", hold_s=4.0, sway=amplitude), hold_s=3.0, side="left")
        sways.append(r.metrics["sway"])
    assert sways[0] < sways[1] < sways[2]
    assert sways[0] < 0.005
    # RMS of the hip's sideways motion: amplitude / sqrt(2) body heights, a torso is 0.29 of them
    assert sways[2] == pytest.approx(0.03 / math.sqrt(2) / 0.29, rel=0.1)


def test_view_shows_hold_and_sway() -> None:
    script = one_leg_stand("left", hold_s=4.0, sway=0.03)
    a = create("flamingo_balance")
    a.start(resolve_params("flamingo_balance", 1, {"side": "left"}), 0.0)  # 3 s goal
    holds, sways = [], []
    for f in SyntheticSource(script).frames():
        a.update(f, f.t)
        v = a.view()
        holds.append(v.hold or 0.0)
        sways.append(v.sway)
    assert max(holds) == 1.0 and holds[0] == 0.0
    assert 0.2 < max(sways) <= 1.0
    assert a.view().hold == 0.0  # foot down at the end


def test_degraded_tracking_keeps_the_counts() -> None:
    script = one_leg_stand("left", hold_s=4.0, put_downs=(1.5,), sway=0.01)
    _, clean, _ = run(script, hold_s=2.0, side="left")
    _, noisy, _ = run(script, degrade=NOISY, hold_s=2.0, side="left")
    for name in ("stands", "put_downs", "holds"):
        assert noisy.metrics[name] == clean.metrics[name]
    assert noisy.metrics["longest_hold_s"] == pytest.approx(clean.metrics["longest_hold_s"], abs=3 * FRAME)
    assert noisy.tracking_quality < 1.0


def test_idle_and_walking_in_count_nothing() -> None:
    for script in (stand_idle(6.0), stand_idle(4.0, walk_in_s=2.5)):
        _, r, events = run(script)
        assert r.metrics["stands"] == 0 and r.metrics["put_downs"] == 0
        assert not any(isinstance(e, HoldStarted) for e in events)


def test_standing_on_one_leg_before_the_gate_is_not_counted() -> None:
    # Already on one leg from the start (getting into position): the gate needs both feet down.
    script = one_leg_stand("left", hold_s=3.0, lead_in_s=0.2, tail_s=3.0)
    a, r, events = run(script, hold_s=2.0, side="left")
    assert r.metrics["stands"] == 0
    assert a.phase == "finished"


def test_time_limit_keeps_a_stand_in_progress() -> None:
    script = one_leg_stand("right", hold_s=8.0)
    a, r, events = run(script, hold_s=20.0, side="right", duration_s=5.0)
    play_t = next(e.t for e in events if isinstance(e, Cue) and e.cue == "get_ready")
    assert 1.0 <= play_t <= 1.5  # the ready gate: standing still with both feet down for 1 s
    # play runs 5 s from the gate; the stand started at 2.05 s and was still going
    assert r.metrics["put_downs"] == 0 and r.duration_s == pytest.approx(5.0, abs=FRAME)
    assert r.per_side["right"]["longest_hold_s"] == pytest.approx(play_t + 5.0 - 2.05, abs=2 * FRAME)
