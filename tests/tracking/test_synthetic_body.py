"""The synthetic body is the ruler every activity test is measured with, so check the ruler."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from exercises import geometry
from tracking.frame import PoseFrame
from tracking.landmarks import Body
from tracking.synthetic import (
    ArmPose,
    BodyPose,
    Degrade,
    LegPose,
    Placement,
    Snapshot,
    SyntheticSource,
    render_body,
)


def _frame(pose: BodyPose, place: Placement | None = None) -> PoseFrame:
    place = place or Placement()
    return PoseFrame(0, 0.0, render_body(pose, place), (), place.image_size)


@pytest.mark.parametrize("angle", [10.0, 45.0, 90.0, 135.0, 170.0])
def test_arm_abduction_is_what_was_asked(angle: float) -> None:
    pose = BodyPose(left_arm=ArmPose(abduction=angle, elbow=0.0), right_arm=ArmPose(abduction=angle, elbow=0.0))
    frame = _frame(pose)
    for side in ("left", "right"):
        assert geometry.shoulder_abduction(frame, side) == pytest.approx(angle, abs=0.5)


def test_mirrored_like_the_screen_left_side_on_the_left() -> None:
    frame = _frame(BodyPose())
    assert frame.body is not None
    assert frame.body[Body.LEFT_SHOULDER, 0] < frame.body[Body.RIGHT_SHOULDER, 0]
    assert frame.body[Body.LEFT_HIP, 0] < frame.body[Body.RIGHT_HIP, 0]
    # Raising the child's left arm sideways moves the wrist further to the screen's left.
    raised = _frame(BodyPose(left_arm=ArmPose(abduction=90.0, elbow=0.0)))
    assert raised.body is not None
    assert raised.body[Body.LEFT_WRIST, 0] < frame.body[Body.LEFT_SHOULDER, 0] - 0.1


def test_feet_on_the_floor_and_height_as_placed() -> None:
    place = Placement(x=0.3, floor=0.9, height=0.6)
    frame = _frame(BodyPose(), place)
    assert frame.body is not None
    soles = max(frame.body[Body.LEFT_HEEL, 1], frame.body[Body.RIGHT_HEEL, 1])
    assert soles == pytest.approx(0.9, abs=1e-9)
    top = frame.body[Body.NOSE, 1]
    assert 0.9 - top == pytest.approx(0.6 * 0.85, abs=0.05)  # nose sits ~85% of stature
    hips_x = (frame.body[Body.LEFT_HIP, 0] + frame.body[Body.RIGHT_HIP, 0]) / 2
    assert hips_x == pytest.approx(0.3, abs=1e-9)


def test_knee_lift_and_squat_angles() -> None:
    lift = _frame(BodyPose(left_leg=LegPose(flexion=90.0, knee=90.0)))
    assert geometry.hip_angle(lift, "left") == pytest.approx(90.0, abs=0.5)
    assert geometry.knee_angle(lift, "left") == pytest.approx(90.0, abs=0.5)
    assert geometry.knee_angle(lift, "right") == pytest.approx(180.0, abs=0.5)
    # The standing foot stays on the floor while the other is lifted.
    assert lift.body is not None
    assert lift.body[Body.RIGHT_HEEL, 1] == pytest.approx(0.95, abs=1e-9)
    assert lift.body[Body.LEFT_ANKLE, 1] < lift.body[Body.RIGHT_ANKLE, 1] - 0.1


def test_hop_lifts_the_whole_body() -> None:
    ground = _frame(BodyPose())
    hop = _frame(BodyPose(lift=0.1))
    assert ground.body is not None and hop.body is not None
    rise = ground.body[:, 1] - hop.body[:, 1]
    assert np.allclose(rise, 0.1 * 0.75)


def test_reach_ik_puts_the_wrist_on_target() -> None:
    frame = _frame(BodyPose(right_arm=ArmPose(wrist=(0.15, -0.1))))
    assert frame.body is not None
    place = Placement()
    aspect = place.image_size[0] / place.image_size[1]
    wrist = frame.body[Body.RIGHT_WRIST, :2]
    shoulder = frame.body[Body.RIGHT_SHOULDER, :2]
    assert (wrist[0] - shoulder[0]) * aspect / place.height == pytest.approx(0.15, abs=1e-6)
    assert (wrist[1] - shoulder[1]) / place.height == pytest.approx(-0.1, abs=1e-6)


@dataclass
class _Still:
    duration: float = 2.0

    def __call__(self, t: float) -> Snapshot:
        return Snapshot(body=render_body(BodyPose(), Placement()))


def test_degradations_are_seeded_and_do_what_they_say() -> None:
    bad = Degrade(noise=0.01, jitter=0.005, drop_rate=0.2, occlude=(int(Body.LEFT_ANKLE),), occlude_rate=0.5)
    a = SyntheticSource(_Still(), seed=3, degrade=bad).frames()
    b = SyntheticSource(_Still(), seed=3, degrade=bad).frames()
    assert len(a) == 61
    assert [f.body is None for f in a] == [f.body is None for f in b]
    dropped = sum(f.body is None for f in a)
    assert 4 <= dropped <= 24
    seen = [f for f in a if f.body is not None]
    hidden = sum(f.body[Body.LEFT_ANKLE, 3] < 0.5 for f in seen)
    assert 0.25 * len(seen) <= hidden <= 0.75 * len(seen)
    perfect = SyntheticSource(_Still(), seed=3).frames()
    assert all(f.body is not None for f in perfect)
    assert [f.t for f in perfect] == pytest.approx([i / 30 for i in range(61)])


def test_child_proportions() -> None:
    """A 6-8 year old, not a small adult: the head is about a sixth of the stature (an adult's
    is an eighth), the legs (hip height) under half of it, the shoulders ~a fifth wide."""
    from tracking.synthetic.body import CHILD_PROPORTIONS, body_points, standing_hip_height

    p = CHILD_PROPORTIONS
    stature = p["head"] + p["neck"] + p["torso"] + standing_hip_height()
    assert stature == pytest.approx(1.0, abs=0.025)  # the parts add up to the unit height
    assert 1 / 6.5 <= p["head"] <= 1 / 5.5
    assert 0.45 <= standing_hip_height() <= 0.5
    assert p["shoulder_width"] == pytest.approx(0.22, abs=0.02)
    pts = body_points(BodyPose())
    width = np.linalg.norm(pts[Body.LEFT_SHOULDER] - pts[Body.RIGHT_SHOULDER])
    assert width == pytest.approx(p["shoulder_width"], abs=1e-9)


@pytest.mark.parametrize("x,floor,height", [(0.2, 0.55, 0.4), (0.8, 0.99, 0.9), (0.5, 0.7, 0.25)])
def test_scaled_and_placed_anywhere_keeps_its_shape(x: float, floor: float, height: float) -> None:
    """Scaling and placing only scale and move: every landmark lands where the unit-height body,
    scaled by `height` and moved to (x, floor), says, and the geometry is unchanged."""
    pose = BodyPose(left_arm=ArmPose(abduction=70.0, elbow=30.0), right_leg=LegPose(flexion=40.0))
    ref_place, place = Placement(), Placement(x=x, floor=floor, height=height)
    ref, moved = render_body(pose, ref_place), render_body(pose, place)
    want_x = x + (ref[:, 0] - ref_place.x) * height / ref_place.height
    want_y = floor + (ref[:, 1] - ref_place.floor) * height / ref_place.height
    assert np.allclose(moved[:, 0], want_x) and np.allclose(moved[:, 1], want_y)
    soles = moved[[Body.LEFT_HEEL, Body.RIGHT_HEEL, Body.LEFT_FOOT_INDEX, Body.RIGHT_FOOT_INDEX], 1]
    assert soles.max() == pytest.approx(floor)
    a, b = _frame(pose, ref_place), _frame(pose, place)
    assert geometry.shoulder_abduction(b, "left") == pytest.approx(
        geometry.shoulder_abduction(a, "left"), abs=1e-6)
    assert geometry.hip_angle(b, "right") == pytest.approx(geometry.hip_angle(a, "right"), abs=1e-6)
