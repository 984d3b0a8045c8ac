"""Every synthetic script for reach_stars, flamingo_balance and copy_the_pose produces the
geometry it claims (poses, reach goals, one-leg stands, sway, lead-in)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tracking.landmarks import Body
from tracking.synthetic import SyntheticSource
from tracking.synthetic.body import CHILD_PROPORTIONS, Placement, body_points
from tracking.synthetic.motions import balance, poses, reach, registry
from tracking.synthetic.motions.poses import POSES, REST, PoseScript, WalkIn, min_jerk, render

P = CHILD_PROPORTIONS
ARM = P["upper_arm"] + P["forearm"]
LEG = P["thigh"] + P["shin"]


def pts(name: str) -> np.ndarray:
    return body_points(POSES[name])


def xy(p: np.ndarray, lm: Body) -> np.ndarray:
    return p[int(lm), :2]


def elbow(p: np.ndarray, side: str) -> float:
    s, e, w = (p[int(Body[f"{side}_{n}"])] for n in ("SHOULDER", "ELBOW", "WRIST"))
    u, v = s - e, w - e
    return math.degrees(math.acos(float(np.dot(u, v) / np.linalg.norm(u) / np.linalg.norm(v))))


def test_scripts_are_registered_with_a_still_lead_in() -> None:
    found = registry()
    for name in ("pose_sequence", "pose_idle", "reach_sequence", "one_leg_stand", "alternating_stands"):
        assert name in found
        script = found[name]()
        assert script.duration > 3.0
        first, later = script(0.0).body, script(1.8).body
        assert first is not None and later is not None
        np.testing.assert_allclose(first, later)  # standing still for the ready gate


def test_arm_poses() -> None:
    up = pts("arms_up")
    for side in ("LEFT", "RIGHT"):
        assert xy(up, Body[f"{side}_WRIST"])[1] < xy(up, Body.NOSE)[1] - 0.1
    t = pts("t_pose")
    for side, out in (("LEFT", -1), ("RIGHT", 1)):
        d = xy(t, Body[f"{side}_WRIST"]) - xy(t, Body[f"{side}_SHOULDER"])
        assert d[0] * out == pytest.approx(ARM, abs=0.01) and abs(d[1]) < 0.02
    one = pts("left_arm_up")
    assert xy(one, Body.LEFT_WRIST)[1] < xy(one, Body.NOSE)[1]
    assert xy(one, Body.RIGHT_WRIST)[1] > xy(one, Body.RIGHT_SHOULDER)[1] + 0.25
    out = pts("right_arm_out")
    assert abs(xy(out, Body.RIGHT_WRIST)[1] - xy(out, Body.RIGHT_SHOULDER)[1]) < 0.02
    m = pts("muscles")
    for side in ("LEFT", "RIGHT"):
        assert abs(xy(m, Body[f"{side}_ELBOW"])[1] - xy(m, Body[f"{side}_SHOULDER"])[1]) < 0.01
        assert xy(m, Body[f"{side}_WRIST"])[1] < xy(m, Body[f"{side}_ELBOW"])[1] - 0.1
        assert elbow(m, side) == pytest.approx(90.0, abs=0.5)


def test_hands_on_head_hips_and_crossed() -> None:
    head = pts("hands_on_head")
    crown = np.array([0.0, -(P["torso"] + P["neck"] + P["head"])])
    hips = pts("hands_on_hips")
    cross = pts("cross_arms")
    for side, out in (("LEFT", -1), ("RIGHT", 1)):
        assert np.linalg.norm(xy(head, Body[f"{side}_WRIST"]) - crown) < 0.08
        assert elbow(head, side) < 120
        wrist = xy(hips, Body[f"{side}_WRIST"])
        assert np.linalg.norm(wrist - xy(hips, Body[f"{side}_HIP"])) < 0.22
        assert xy(hips, Body[f"{side}_ELBOW"])[0] * out > wrist[0] * out + 0.05  # elbows out
        assert elbow(hips, side) < 100
        assert xy(cross, Body[f"{side}_WRIST"])[0] * out < -0.05  # across the midline


def test_whole_body_poses() -> None:
    star = pts("star")
    assert abs(xy(star, Body.LEFT_ANKLE)[0] - xy(star, Body.RIGHT_ANKLE)[0]) > 2.5 * P["hip_width"]
    plane = pts("airplane")
    trunk = (xy(plane, Body.LEFT_SHOULDER) + xy(plane, Body.RIGHT_SHOULDER)) / 2
    assert math.degrees(math.atan2(trunk[0], -trunk[1])) == pytest.approx(22.0, abs=0.01)
    flamingo = pts("flamingo")
    assert xy(flamingo, Body.LEFT_ANKLE)[1] - xy(flamingo, Body.RIGHT_ANKLE)[1] > 0.3 * LEG


def test_pose_script_moves_with_minimum_jerk() -> None:
    script = poses.pose_sequence((("t_pose", 1.0), ("arms_up", 1.0)), lead_in_s=2.0, move_s=0.5)
    place = Placement()
    rest, t_pose, arms_up = (render(p, place, False) for p in (REST, POSES["t_pose"], POSES["arms_up"]))
    np.testing.assert_allclose(script(1.9).body, rest)
    np.testing.assert_allclose(script(2.25).body, rest + (t_pose - rest) * 0.5)
    np.testing.assert_allclose(script(2.6).body, t_pose)
    np.testing.assert_allclose(script(3.5 + 0.5).body, arms_up)
    assert min_jerk(0.5) == 0.5 and min_jerk(-1) == 0.0 and min_jerk(2) == 1.0
    seated = poses.pose_sequence((("arms_up", 1.0),), seated=True)
    assert seated(0.0).body[int(Body.LEFT_HIP), 1] > script(0.0).body[int(Body.LEFT_HIP), 1] + 0.1
    with pytest.raises(KeyError):
        PoseScript().go(1.0, "no_such_pose")


def test_walk_in_then_stand_still() -> None:
    script = poses.stand_idle(3.0, walk_in_s=2.0)
    xs = [float(script(t).body[int(Body.NOSE), 0]) for t in (0.0, 1.0, 2.0, 3.0)]
    assert xs[0] == pytest.approx(WalkIn().start_x, abs=0.02) and xs[0] < xs[1] < xs[2]
    assert xs[2] == pytest.approx(0.5, abs=0.01) and xs[3] == xs[2]
    lifts = [abs(script(t).body[int(Body.LEFT_ANKLE), 1] - script(t).body[int(Body.RIGHT_ANKLE), 1])
             for t in np.arange(0.0, 2.0, 0.1)]
    assert max(lifts) > 0.03  # stepping


def test_reach_goes_to_the_point_and_back() -> None:
    script = reach.reach_sequence(goals=((2.0, "left", 0.3, 0.3), (2.5, "right", 0.62, 0.2)),
                                  move_s=0.6, hold_s=0.5, return_s=0.6)
    rest = script(1.0).body
    at = script(2.6).body  # left arrived at 2.6 (right still on its way)
    assert at[int(Body.LEFT_WRIST), :2] == pytest.approx((0.3, 0.3), abs=1e-6)
    assert not np.allclose(at[int(Body.RIGHT_WRIST), :2], (0.62, 0.2), atol=1e-3)
    assert script(3.1).body[int(Body.RIGHT_WRIST), :2] == pytest.approx((0.62, 0.2), abs=1e-6)
    mid = script(2.3).body[int(Body.LEFT_WRIST), :2]  # half way in time = half way (min jerk)
    np.testing.assert_allclose(mid, (rest[int(Body.LEFT_WRIST), :2] + (0.3, 0.3)) / 2, atol=0.01)
    np.testing.assert_allclose(script(script.duration).body, rest, atol=1e-9)
    # a point beyond the arm stops at the arm's length
    far = reach.reach_sequence(goals=((2.0, "right", 0.98, 0.05),))
    b = far(2.7).body
    place = Placement()
    d = np.hypot((b[int(Body.RIGHT_WRIST), 0] - b[int(Body.RIGHT_SHOULDER), 0]) * 4 / 3,
                 b[int(Body.RIGHT_WRIST), 1] - b[int(Body.RIGHT_SHOULDER), 1])
    assert d == pytest.approx(ARM * place.height, rel=0.01)


def test_reach_shoulders_and_goals_added_later() -> None:
    script = reach.ReachScript(duration=5.0)
    body = script(0.0).body
    for side in ("left", "right"):
        assert script.shoulder_xy(side) == pytest.approx(tuple(body[int(Body[f"{side.upper()}_SHOULDER"]), :2]))
    script.reach(1.0, "right", 0.6, 0.3)
    assert script(1.6).body[int(Body.RIGHT_WRIST), :2] == pytest.approx((0.6, 0.3), abs=1e-6)


def test_one_leg_stand_holds_and_put_downs() -> None:
    script = balance.one_leg_stand("left", hold_s=4.0, put_downs=(1.5,), put_down_s=0.5, lift_s=0.1)
    assert script.holds() == [("left", pytest.approx(2.05), pytest.approx(3.45)),
                              ("left", pytest.approx(4.05), pytest.approx(6.45))]
    place = Placement()
    leg = LEG * place.height

    def lift(t: float) -> float:  # left ankle below the right: the right foot is up
        b = script(t).body
        return float(b[int(Body.LEFT_ANKLE), 1] - b[int(Body.RIGHT_ANKLE), 1]) / leg

    assert abs(lift(1.0)) < 1e-9 and abs(lift(3.75)) < 1e-9  # lead-in and the put-down
    assert lift(2.5) > 0.3 and lift(5.0) > 0.3
    assert 0.0 < lift(2.03) < lift(2.07) < lift(2.1) == pytest.approx(lift(2.5))  # lifting over 0.1 s
    right = balance.one_leg_stand("right", hold_s=2.0)
    b = right(3.0).body
    assert b[int(Body.LEFT_ANKLE), 1] < b[int(Body.RIGHT_ANKLE), 1] - 0.1


def test_sway_has_the_stated_amplitude() -> None:
    for amplitude in (0.0, 0.02):
        script = balance.one_leg_stand("left", hold_s=10.0, sway=amplitude)
        frames = SyntheticSource(script).frames()
        place = script.place
        xs = [(f.body[int(Body.LEFT_HIP), 0] + f.body[int(Body.RIGHT_HIP), 0]) / 2 * f.aspect
              for f in frames if 2.5 <= f.t <= 11.5]
        rms = float(np.std(xs)) / place.height  # body heights
        assert rms == pytest.approx(amplitude / math.sqrt(2), abs=0.0015)


def test_alternating_stands() -> None:
    script = balance.alternating_stands((("left", 2.0), ("right", 3.0)), gap_s=1.0, lead_in_s=2.0)
    assert [(s, round(b - a, 3)) for s, a, b in script.holds()] == [("left", 1.9), ("right", 2.9)]
    assert script.duration == pytest.approx(2.0 + 2.0 + 1.0 + 3.0 + 1.0)
