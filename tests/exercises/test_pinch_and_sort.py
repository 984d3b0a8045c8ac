"""pinch_and_sort driven by synthetic pinch-and-carry: exact sorted objects, drops, wrong baskets."""

from __future__ import annotations

from typing import Any

import pytest
from activity_driver import drive

from exercises.activities.pinch_and_sort import layout
from exercises.api import ActivityResult
from exercises.catalog import create, resolve_params
from tracking.synthetic.motions.fingers import ShowFingers
from tracking.synthetic.motions.sort import PinchAndCarry
from tracking.synthetic.source import Degrade, MotionScript, SyntheticSource

NOISY = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05, hand_miss_rate=0.05, hand_swap_rate=0.02)
PERFECT = Degrade()
Move = tuple[tuple[float, float], tuple[float, float]]


def sorting_moves(level: int) -> tuple[list[Move], list[tuple[float, float, str]], list[tuple[float, float, str]]]:
    p = resolve_params("pinch_and_sort", level)
    objs, bins = layout(p["seed"], p["objects"], p["baskets"], 4 / 3)
    where = {label: (x, y) for x, y, label in bins}
    return [((x, y), where[label]) for x, y, label in objs], objs, bins


def run(script: MotionScript, level: int, degrade: Degrade = PERFECT, seed: int = 0,
        **overrides: Any) -> tuple[Any, ActivityResult]:
    a, _ = drive("pinch_and_sort", script, level, overrides, seed=seed, degrade=degrade)
    return a, a.result()


def test_layout_is_fixed_by_the_seed_and_balanced() -> None:
    objs, bins = layout(3, 6, 3, 4 / 3)
    assert (objs, bins) == layout(3, 6, 3, 4 / 3)
    assert sorted(o[2] for o in objs) == ["blue", "blue", "red", "red", "yellow", "yellow"]
    assert [b[2] for b in bins] == ["red", "blue", "yellow"]


@pytest.mark.parametrize(("hand", "level"), [("right", 1), ("left", 3)])
def test_every_object_carried_to_its_basket_is_sorted(hand: str, level: int) -> None:
    moves, objs, _ = sorting_moves(level)
    a, r = run(PinchAndCarry(moves=tuple(moves), hand=hand), level, side=hand)
    assert a.finished and r.completed
    assert r.reps == len(objs) and r.metrics["sorted"] == len(objs)
    assert (r.metrics["drops"], r.metrics["wrong_basket"]) == (0, 0)
    assert r.metrics["grabs"] == r.metrics["pinches"] == len(objs)
    # pick-up (pinch confirmed while closing) to release (opening): settle + carry + most of the opening
    assert r.metrics["transport_s"] == pytest.approx(1.4, abs=0.15)


def test_drops_outside_and_into_the_wrong_basket() -> None:
    moves, objs, bins = sorting_moves(1)
    wrong = next(b for b in bins if b[2] != objs[0][2])
    extra: list[Move] = [((objs[0][0], objs[0][1]), (0.5, 0.62)),  # dropped on the floor ...
                         ((0.5, 0.62), (wrong[0], wrong[1]))]  # ... then into the wrong basket
    a, r = run(PinchAndCarry(moves=tuple(extra + moves)), 1)
    assert r.reps == 3
    assert (r.metrics["drops"], r.metrics["wrong_basket"], r.metrics["grabs"]) == (2, 1, 5)
    assert r.success_rate == pytest.approx(3 / 5)


def test_pinching_empty_space_picks_nothing_and_partial_pinches_pick_nothing() -> None:
    moves, objs, _ = sorting_moves(1)
    empty: Move = ((0.5, 0.05), (0.5, 0.1))
    script = PinchAndCarry(moves=(empty, moves[0], moves[1]), partial=(1,))
    a, r = run(script, 1)
    assert r.metrics["pinches"] == 2 and r.metrics["grabs"] == 1 and r.reps == 1


def test_tilted_palm_sorts_the_same() -> None:
    moves, objs, _ = sorting_moves(2)
    a, r = run(PinchAndCarry(moves=tuple(moves), pitch=50, yaw=35, rotation=-15), 2)
    assert (r.reps, r.metrics["drops"]) == (len(objs), 0)


@pytest.mark.parametrize("seed", [1, 2])
def test_noise_changes_nothing(seed: int) -> None:
    moves, objs, _ = sorting_moves(3)
    a, r = run(PinchAndCarry(moves=tuple(moves), hand="left"), 3, NOISY, seed=seed)
    assert (r.reps, r.metrics["drops"], r.metrics["grabs"]) == (len(objs), 0, len(objs))


def test_idle_hand_no_hand_and_wrong_hand_sort_nothing() -> None:
    a, r = run(ShowFingers(sequence=((5, 5.0),)), 1)
    assert a.phase == "playing" and r.reps == 0 and r.metrics["pinches"] == 0
    moves, _, _ = sorting_moves(1)
    a, r = run(PinchAndCarry(moves=tuple(moves), hand="left"), 1, side="right")
    assert a.phase == "waiting" and r.reps == 0


def test_view_has_baskets_and_a_held_object() -> None:
    moves, objs, bins = sorting_moves(1)
    a = create("pinch_and_sort")
    a.start(resolve_params("pinch_and_sort", 1), 0.0)
    s = PinchAndCarry(moves=tuple(moves[:1]))
    held_seen = False
    for f in SyntheticSource(s).frames():
        a.update(f, f.t)
        v = a.view()
        if a.phase == "playing":
            assert sum(t.kind == "basket" for t in v.targets) == len(bins)
            assert {t.label for t in v.targets if t.kind == "basket"} == {b[2] for b in bins}
            held = [t for t in v.targets if t.kind == "object" and t.state == "held"]
            if held:
                held_seen = True
                assert v.pinching and v.pointer == pytest.approx((held[0].x, held[0].y))
    assert held_seen
    assert sum(t.kind == "object" for t in a.view().targets) == len(objs) - 1
