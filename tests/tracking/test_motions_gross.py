"""Every gross-motor synthetic script produces the geometry it claims (measured here from the
rendered landmarks with plain numpy, not with the activities' own code)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tracking.landmarks import Body
from tracking.synthetic.body import CHILD_PROPORTIONS as P
from tracking.synthetic.motions import hops, idle, jacks, march, raises, registry, squats
from tracking.synthetic.motions.hops import FLIGHT, TAKE_OFF, Hops
from tracking.synthetic.motions.idle import (
    LEAD_IN_S,
    OFF_PICTURE_VISIBILITY,
    GettingIntoPosition,
    StandingIdle,
    WalkingIn,
)
from tracking.synthetic.motions.jacks import JumpingJacks
from tracking.synthetic.motions.march import March
from tracking.synthetic.motions.raises import ArmRaises
from tracking.synthetic.motions.squats import Squats

MODULES = (idle, jacks, raises, squats, hops, march)
ASPECT = 640 / 480
SWAY = 1.3  # degrees: the rest pose's sideways sway (1.2) tilts the trunk the angles refer to
FEET = (Body.LEFT_HEEL, Body.RIGHT_HEEL, Body.LEFT_FOOT_INDEX, Body.RIGHT_FOOT_INDEX)


def xy(body: np.ndarray, lm: Body) -> np.ndarray:
    return np.array([body[lm, 0] * ASPECT, body[lm, 1]])


def xyz(body: np.ndarray, lm: Body) -> np.ndarray:
    return np.array([body[lm, 0] * ASPECT, body[lm, 1], body[lm, 2] * ASPECT])


def angle(u: np.ndarray, v: np.ndarray) -> float:
    c = float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def trunk_down(body: np.ndarray, f=xy) -> np.ndarray:
    return (f(body, Body.LEFT_HIP) + f(body, Body.RIGHT_HIP)
            - f(body, Body.LEFT_SHOULDER) - f(body, Body.RIGHT_SHOULDER)) / 2


def abduction(body: np.ndarray, side: str) -> float:
    s, e = Body[f"{side.upper()}_SHOULDER"], Body[f"{side.upper()}_ELBOW"]
    return angle(xy(body, e) - xy(body, s), trunk_down(body))


def flexion(body: np.ndarray, side: str) -> float:
    h, k = Body[f"{side.upper()}_HIP"], Body[f"{side.upper()}_KNEE"]
    return angle(xyz(body, k) - xyz(body, h), trunk_down(body, xyz))


def knee(body: np.ndarray, side: str) -> float:
    h, k, a = (Body[f"{side.upper()}_{n}"] for n in ("HIP", "KNEE", "ANKLE"))
    return angle(xyz(body, h) - xyz(body, k), xyz(body, a) - xyz(body, k))


def body_at(script, t: float) -> np.ndarray:
    snap = script(t)
    assert snap.body is not None and snap.body.shape == (33, 4)
    return snap.body


def mid_time(script, index: int, phase: float = 0.5) -> float:
    return script.lead_in_s + sum(script.rep_durations()[:index]) + phase * script.rep_durations()[index]


def test_every_script_is_registered_and_builds_with_defaults() -> None:
    found = registry()
    for module in MODULES:
        for name, factory in module.SCRIPTS.items():
            assert found[name] is factory
            script = factory()
            assert script.duration > 0
            body_at(script, 0.0)
            body_at(script, script.duration)


@pytest.mark.parametrize("name", [n for m in MODULES[1:] for n in m.SCRIPTS])
def test_rep_scripts_start_standing_still_with_arms_down(name: str) -> None:
    script = registry()[name]()
    assert script.lead_in_s == LEAD_IN_S >= 1.5
    bodies = [body_at(script, t) for t in np.arange(0.0, LEAD_IN_S, 0.1)]
    hips = np.array([(xy(b, Body.LEFT_HIP) + xy(b, Body.RIGHT_HIP)) / 2 for b in bodies])
    assert np.ptp(hips, axis=0).max() < 0.005
    for b in bodies:
        assert max(abduction(b, "left"), abduction(b, "right")) < 15
        assert (b[:, 3] > 0.5).all()
        assert max(b[f, 1] for f in FEET) == pytest.approx(0.95)


def test_jacks_reach_their_angles_and_spread() -> None:
    script = JumpingJacks(reps=4, half=(2,), left_arm_peak=150.0)
    top = body_at(script, mid_time(script, 0))
    assert abduction(top, "left") == pytest.approx(150, abs=SWAY)
    assert abduction(top, "right") == pytest.approx(160, abs=SWAY)
    spread = abs(xy(top, Body.LEFT_ANKLE)[0] - xy(top, Body.RIGHT_ANKLE)[0]) / (0.75 * P["hip_width"])
    legs = P["thigh"] + P["shin"]
    assert spread == pytest.approx((P["hip_width"] + 2 * legs * math.sin(math.radians(20))) / P["hip_width"], abs=1e-6)
    half = body_at(script, mid_time(script, 2))
    assert abduction(half, "right") == pytest.approx(8 + 152 * script.half_amount, abs=SWAY)
    seated = JumpingJacks(reps=2, seated=True)
    sit = body_at(seated, mid_time(seated, 0))
    assert abduction(sit, "left") == pytest.approx(160, abs=SWAY)
    assert knee(sit, "left") == pytest.approx(90, abs=0.5)
    assert flexion(sit, "right") == pytest.approx(90, abs=4)  # 90 plus the 3 degrees out


def test_raises_move_only_the_asked_arm() -> None:
    script = ArmRaises(reps=4, side="alternate", right_peak=140.0)
    first, second = body_at(script, mid_time(script, 0)), body_at(script, mid_time(script, 1))
    assert abduction(first, "left") == pytest.approx(160, abs=SWAY)
    assert abduction(first, "right") < 15
    assert abduction(second, "right") == pytest.approx(140, abs=SWAY)
    assert abduction(second, "left") < 15
    assert (script.reps_by("left"), script.reps_by("right")) == (2, 2)


def test_squat_bottom_has_the_claimed_knee_angle_with_feet_on_the_floor() -> None:
    for bend in (45.0, 90.0, 110.0):
        script = Squats(reps=1, knee_bend=bend)
        bottom = body_at(script, mid_time(script, 0))
        assert knee(bottom, "left") == pytest.approx(script.bottom_knee_deg, abs=0.5)
        assert knee(bottom, "right") == pytest.approx(script.bottom_knee_deg, abs=0.5)
        assert max(bottom[f, 1] for f in FEET) == pytest.approx(0.95)
        standing = body_at(script, 0.5)
        assert bottom[Body.LEFT_HIP, 1] > standing[Body.LEFT_HIP, 1]  # the hips went down


def test_hops_leave_the_floor_with_both_feet_by_the_claimed_height() -> None:
    script = Hops(reps=2, jump=0.08, height=0.6)
    standing = body_at(script, 0.5)
    peak = body_at(script, mid_time(script, 0, TAKE_OFF + FLIGHT / 2))
    for ankle in (Body.LEFT_ANKLE, Body.RIGHT_ANKLE):
        assert standing[ankle, 1] - peak[ankle, 1] == pytest.approx(0.08 * 0.6, abs=1e-9)
    crouch = body_at(script, mid_time(script, 0, TAKE_OFF / 2))
    assert max(crouch[f, 1] for f in FEET) == pytest.approx(0.95)
    assert knee(crouch, "left") == pytest.approx(180 - script.crouch, abs=0.5)
    times = Hops(reps=4, irregular=0.25).landing_times()
    gaps = np.diff(times)
    assert gaps[0] != pytest.approx(gaps[1])


@pytest.mark.parametrize("seated", [False, True])
def test_march_lifts_the_listed_leg_to_the_claimed_flexion(seated: bool) -> None:
    script = March(reps=6, doubles=(3,), seated=seated)
    assert script.legs() == ["left", "right", "left", "left", "right", "left"]
    for i, leg in enumerate(script.legs()):
        top = body_at(script, mid_time(script, i))
        other = "right" if leg == "left" else "left"
        assert flexion(top, leg) == pytest.approx(script.peak_flexion(), abs=SWAY)
        # the resting leg: 3 degrees out to the side, seated at 90
        assert flexion(top, other) == pytest.approx(90 if seated else 3, abs=SWAY + 0.2)
        assert max(top[f, 1] for f in FEET) == pytest.approx(0.95)


def test_idle_sways_but_stays_put() -> None:
    for seated in (False, True):
        script = StandingIdle(seated=seated)
        bodies = [body_at(script, t) for t in np.arange(0.0, script.duration, 0.1)]
        hips = np.array([xy(b, Body.LEFT_HIP) for b in bodies])
        noses = np.array([xy(b, Body.NOSE) for b in bodies])
        assert np.ptp(hips, axis=0).max() < 0.02
        assert 0.002 < np.ptp(noses[:, 0]) < 0.03  # a small sway, not a statue
        assert all(max(abduction(b, "left"), abduction(b, "right")) < 15 for b in bodies)


@pytest.mark.parametrize("side", ["left", "right"])
def test_walking_in_starts_outside_the_picture_and_stops_at_x(side: str) -> None:
    script = WalkingIn(from_side=side, x=0.4)
    start, end = body_at(script, 0.0), body_at(script, script.duration)
    assert (start[:, 3] == OFF_PICTURE_VISIBILITY).all()
    assert (end[:, 3] > 0.5).all()
    assert (end[Body.LEFT_HIP, 0] + end[Body.RIGHT_HIP, 0]) / 2 == pytest.approx(0.4, abs=1e-6)


def test_getting_into_position_starts_with_the_feet_out_of_the_picture() -> None:
    script = GettingIntoPosition()
    start, end = body_at(script, 0.0), body_at(script, script.duration)
    assert (start[[Body.LEFT_ANKLE, Body.RIGHT_ANKLE], 3] == OFF_PICTURE_VISIBILITY).all()
    assert (end[:, 3] > 0.5).all()
    fidget = [body_at(script, t) for t in np.arange(0.0, script.step_back_s + script.fidget_s, 0.1)]
    assert max(abduction(b, "left") for b in fidget) > 25  # the arms do move ...
    assert max(abduction(b, "left") for b in fidget) < 60  # ... but nowhere near a raise


@pytest.mark.parametrize("height,x", [(0.5, 0.3), (0.9, 0.7)])
def test_scale_and_position_move_and_size_the_body(height: float, x: float) -> None:
    base, moved = JumpingJacks(reps=1), JumpingJacks(reps=1, height=height, x=x)
    a, b = body_at(base, 0.0), body_at(moved, 0.0)
    assert (b[Body.LEFT_HIP, 0] + b[Body.RIGHT_HIP, 0]) / 2 == pytest.approx(x, abs=1e-6)
    size = lambda body: body[Body.LEFT_HEEL, 1] - body[Body.NOSE, 1]  # noqa: E731
    assert size(b) / size(a) == pytest.approx(height / 0.75, rel=0.02)
