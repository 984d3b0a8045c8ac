"""Geometry on constructed poses: exact angles, and invariance to where and how big the child is
in the picture."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import geometry as g
from tracking.frame import Hand, PoseFrame
from tracking.landmarks import BODY_COUNT, HAND_COUNT, Body, HandPoint
from tracking.synthetic.body import ArmPose, BodyPose, LegPose, Placement, render_body

SIZE = (640, 480)
ASPECT = SIZE[0] / SIZE[1]


def frame_with(points: dict[Body, tuple[float, float, float]], size: tuple[int, int] = SIZE,
               hidden: tuple[Body, ...] = ()) -> PoseFrame:
    """A frame whose named landmarks sit at (x, y, z) in height units; others at the centre."""
    aspect = size[0] / size[1]
    body = np.zeros((BODY_COUNT, 4))
    body[:, :] = (0.5, 0.5, 0.0, 0.99)
    for lm, (x, y, z) in points.items():
        body[int(lm)] = (x / aspect, y, z / aspect, 0.99)
    for lm in hidden:
        body[int(lm), 3] = 0.1
    return PoseFrame(0, 0.0, body, (), size)


def limb(origin: tuple[float, float, float], angle_from_down: float, length: float,
         out: float = 1.0, toward_camera: float = 0.0) -> tuple[float, float, float]:
    """A point `length` from origin, angle_from_down degrees from straight down (in the picture
    plane, away from the body on the `out` side), tilted toward the camera by toward_camera."""
    a, f = math.radians(angle_from_down), math.radians(toward_camera)
    return (origin[0] + out * length * math.sin(a) * math.cos(f),
            origin[1] + length * math.cos(a) * math.cos(f),
            origin[2] - length * math.sin(f))


ANGLES = [0.0, 5.0, 30.0, 45.0, 89.5, 90.0, 120.0, 150.0, 175.0, 180.0]


@pytest.mark.parametrize("side,out", [("left", -1.0), ("right", 1.0)])
@pytest.mark.parametrize("theta", ANGLES)
def test_shoulder_abduction_and_arm_elevation(side: str, out: float, theta: float) -> None:
    s = (0.66 + out * 0.08, 0.30, 0.0)
    h = (s[0], 0.60, 0.0)
    e = limb(s, theta, 0.12, out)
    w = limb(s, theta, 0.22, out)
    f = frame_with({g.side_lm(side, "SHOULDER"): s, g.side_lm(side, "HIP"): h,
                    g.side_lm(side, "ELBOW"): e, g.side_lm(side, "WRIST"): w})
    assert g.shoulder_abduction(f, side) == pytest.approx(theta, abs=0.5)
    assert g.arm_elevation(f, side) == pytest.approx(theta, abs=0.5)


@pytest.mark.parametrize("bend", [0.0, 10.0, 45.0, 90.0, 135.0])
@pytest.mark.parametrize("tilt", [0.0, 40.0])
def test_elbow_and_knee_angles_in_3d(bend: float, tilt: float) -> None:
    # The limb's second segment turns by `bend` from the first; the whole limb may point toward
    # the camera (3D), which a picture-plane angle would get wrong.
    s = (0.6, 0.3, 0.0)
    e = limb(s, 30.0, 0.12, toward_camera=tilt)
    u = np.subtract(e, s) / 0.12
    # rotate u by `bend` within the plane spanned by u and the picture's x axis
    x_axis = np.array([1.0, 0.0, 0.0])
    perp = x_axis - np.dot(x_axis, u) * u
    perp /= np.linalg.norm(perp)
    b = math.radians(bend)
    w = tuple(np.add(e, 0.1 * (math.cos(b) * u + math.sin(b) * perp)))
    f = frame_with({Body.LEFT_SHOULDER: s, Body.LEFT_ELBOW: e, Body.LEFT_WRIST: w,
                    Body.RIGHT_HIP: s, Body.RIGHT_KNEE: e, Body.RIGHT_ANKLE: w})
    assert g.elbow_angle(f, "left") == pytest.approx(180.0 - bend, abs=0.5)
    assert g.knee_angle(f, "right") == pytest.approx(180.0 - bend, abs=0.5)


@pytest.mark.parametrize("flexion", [0.0, 30.0, 60.0, 90.0, 110.0])
def test_hip_angle_thigh_forward(flexion: float) -> None:
    h = (0.6, 0.6, 0.0)
    s = (0.6, 0.3, 0.0)  # trunk straight up
    k = limb(h, 0.0, 0.2, toward_camera=flexion)  # thigh swings toward the camera
    f = frame_with({Body.LEFT_SHOULDER: s, Body.LEFT_HIP: h, Body.LEFT_KNEE: k})
    assert g.hip_angle(f, "left") == pytest.approx(180.0 - flexion, abs=0.5)


@pytest.mark.parametrize("elbow", [0.0, 20.0, 60.0, 100.0])
@pytest.mark.parametrize("abduction,flexion", [(10.0, 0.0), (90.0, 0.0), (60.0, 45.0), (170.0, 0.0)])
def test_rendered_child_elbow_angle(elbow: float, abduction: float, flexion: float) -> None:
    arm = ArmPose(abduction=abduction, flexion=flexion, elbow=elbow)
    body = render_body(BodyPose(left_arm=arm, right_arm=arm), Placement())
    f = PoseFrame(0, 0.0, body, (), SIZE)
    for side in ("left", "right"):
        assert g.elbow_angle(f, side) == pytest.approx(180.0 - elbow, abs=0.5)


@pytest.mark.parametrize("knee", [0.0, 30.0, 90.0])
def test_rendered_child_knee_angle(knee: float) -> None:
    leg = LegPose(flexion=40.0, knee=knee)
    f = PoseFrame(0, 0.0, render_body(BodyPose(left_leg=leg, right_leg=leg), Placement()), (), SIZE)
    assert g.knee_angle(f, "left") == pytest.approx(180.0 - knee, abs=0.5)
    assert g.knee_angle(f, "right") == pytest.approx(180.0 - knee, abs=0.5)


def test_rendered_child_body_units() -> None:
    place = Placement(height=0.6)
    f = PoseFrame(0, 0.0, render_body(BodyPose(left_arm=ArmPose(90, 0, 0), right_arm=ArmPose(90, 0, 0)),
                                      place), (), SIZE)
    assert g.shoulder_width(f) == pytest.approx(0.22 * 0.6, rel=1e-6)
    assert g.torso_length(f) == pytest.approx(0.29 * 0.6, rel=1e-6)
    assert g.arm_length(f, "left") == pytest.approx((0.16 + 0.135) * 0.6, rel=1e-6)
    unit = g.torso_length(f)
    assert g.distance(f, Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER, unit) == pytest.approx(0.22 / 0.29)


def test_hidden_landmarks_give_none() -> None:
    s, h, e = (0.6, 0.3, 0.0), (0.6, 0.6, 0.0), (0.7, 0.4, 0.0)
    f = frame_with({Body.LEFT_SHOULDER: s, Body.LEFT_HIP: h, Body.LEFT_ELBOW: e},
                   hidden=(Body.LEFT_ELBOW,))
    assert g.shoulder_abduction(f, "left") is None
    assert g.elbow_angle(f, "left") is None
    assert g.arm_length(f, "left") is None
    assert g.shoulder_abduction(f, "right") is not None  # right side still seen
    assert g.distance(f, Body.LEFT_ELBOW, Body.LEFT_HIP, 1.0) is None
    assert g.distance(f, Body.LEFT_SHOULDER, Body.LEFT_HIP, 0.0) is None
    nobody = PoseFrame(0, 0.0, None, (), SIZE)
    assert g.shoulder_width(nobody) is None and g.torso_length(nobody) is None
    assert not g.visible(None, (Body.NOSE,))


def test_angle_of_degenerate_points_is_zero() -> None:
    p = np.array([0.1, 0.2])
    assert g.angle_deg(p, p, np.array([0.3, 0.3])) == 0.0
    assert g.vector_angle_deg(np.array([1.0, 0.0]), np.array([0.0, 2.0])) == pytest.approx(90.0)


# --- hands --------------------------------------------------------------------------------

def open_hand(size: float = 0.1, pinch_gap: float = 0.8, tilt: float = 0.0,
              centre: tuple[float, float] = (0.5, 0.5)) -> np.ndarray:
    """21 points (height units, z like x) of an upright hand; `tilt` turns the palm away from
    the camera (degrees) which foreshortens it in the picture."""
    pts = np.zeros((HAND_COUNT, 3))
    wrist = np.array([0.0, 0.0, 0.0])
    pts[HandPoint.WRIST] = wrist
    for i, dx in enumerate((-0.3, 0.0, 0.2, 0.4)):  # index, middle, ring, pinky
        base = 5 + 4 * i
        for j in range(4):
            pts[base + j] = (dx * size * 0.8, -size * (1.0 + 0.3 * j), 0.0)
    pts[HandPoint.MIDDLE_MCP] = (0.0, -size, 0.0)
    for j, p in enumerate((HandPoint.THUMB_CMC, HandPoint.THUMB_MCP, HandPoint.THUMB_IP)):
        pts[p] = (-0.3 * size * (j + 1), -0.3 * size * (j + 1), 0.0)
    # thumb tip pinch_gap hand sizes from the index tip
    pts[HandPoint.THUMB_TIP] = pts[HandPoint.INDEX_TIP] + (-pinch_gap * size, 0.0, 0.0)
    a = math.radians(tilt)
    rot = np.array([[1, 0, 0], [0, math.cos(a), -math.sin(a)], [0, math.sin(a), math.cos(a)]])
    pts = pts @ rot.T
    pts[:, 0] += centre[0]
    pts[:, 1] += centre[1]
    return pts


def hand_frame(points_h: np.ndarray, aspect: float = ASPECT) -> Hand:
    p = points_h.copy()
    p[:, 0] /= aspect
    p[:, 2] /= aspect
    return Hand(p, "right")


@pytest.mark.parametrize("gap", [0.05, 0.1, 0.5, 1.0])
@pytest.mark.parametrize("tilt", [0.0, 50.0])
def test_pinch_distance_in_hand_sizes_survives_tilt(gap: float, tilt: float) -> None:
    hand = hand_frame(open_hand(size=0.12, pinch_gap=gap, tilt=tilt))
    assert g.hand_size(hand, ASPECT) == pytest.approx(0.12, rel=1e-6)
    assert g.pinch_distance(hand, ASPECT) == pytest.approx(gap, rel=1e-6)


# --- invariance to where and how big the child is in the picture --------------------------------

def _all_angles(f: PoseFrame) -> list[float | None]:
    out: list[float | None] = []
    for side in ("left", "right"):
        out += [g.shoulder_abduction(f, side), g.arm_elevation(f, side), g.elbow_angle(f, side),
                g.hip_angle(f, side), g.knee_angle(f, side)]
    unit = g.torso_length(f)
    assert unit is not None
    out += [g.shoulder_width(f) / unit, g.arm_length(f, "left") / unit,  # type: ignore[operator]
            g.distance(f, Body.LEFT_WRIST, Body.RIGHT_ANKLE, unit)]
    return out


def _transform(body: np.ndarray, scale: float, dx: float, dy: float, cx: float = 0.5,
               cy: float = 0.5) -> np.ndarray:
    """The same child `scale` times as big (nearer the camera) and moved by (dx, dy)."""
    out = body.copy()
    out[:, 0] = cx + scale * (body[:, 0] - cx) + dx
    out[:, 1] = cy + scale * (body[:, 1] - cy) + dy
    out[:, 2] = scale * body[:, 2]
    return out


angle = st.floats(0.0, 170.0)


@settings(max_examples=60, deadline=None)
@given(la=angle, ra=angle, le=st.floats(0.0, 120.0), re=st.floats(0.0, 120.0),
       lf=st.floats(0.0, 100.0), rk=st.floats(0.0, 110.0), lean=st.floats(-20.0, 20.0),
       scale=st.floats(0.3, 2.0), dx=st.floats(-0.4, 0.4), dy=st.floats(-0.4, 0.4))
def test_body_measures_invariant_to_scale_and_translation(
        la: float, ra: float, le: float, re: float, lf: float, rk: float, lean: float,
        scale: float, dx: float, dy: float) -> None:
    pose = BodyPose(left_arm=ArmPose(la, 0.0, le), right_arm=ArmPose(ra, 20.0, re),
                    left_leg=LegPose(flexion=lf), right_leg=LegPose(knee=rk), lean=lean)
    body = render_body(pose, Placement(height=0.5))
    a = _all_angles(PoseFrame(0, 0.0, body, (), SIZE))
    b = _all_angles(PoseFrame(0, 0.0, _transform(body, scale, dx, dy), (), SIZE))
    assert None not in a
    for x, y in zip(a, b, strict=True):
        assert y == pytest.approx(x, rel=1e-6, abs=1e-4)  # degrees; arccos near 0 magnifies rounding


@settings(max_examples=60, deadline=None)
@given(gap=st.floats(0.0, 1.5), tilt=st.floats(0.0, 70.0), size=st.floats(0.03, 0.3),
       scale=st.floats(0.3, 3.0), dx=st.floats(-0.3, 0.3), dy=st.floats(-0.3, 0.3))
def test_hand_measures_invariant_to_scale_and_translation(
        gap: float, tilt: float, size: float, scale: float, dx: float, dy: float) -> None:
    hand = hand_frame(open_hand(size=size, pinch_gap=gap, tilt=tilt))
    pts = hand.points.copy()
    pts[:, 0] = 0.5 + scale * (pts[:, 0] - 0.5) + dx
    pts[:, 1] = 0.5 + scale * (pts[:, 1] - 0.5) + dy
    pts[:, 2] *= scale
    moved = Hand(pts, hand.side)
    assert g.pinch_distance(moved, ASPECT) == pytest.approx(g.pinch_distance(hand, ASPECT), rel=1e-6, abs=1e-9)
    assert g.pinch_distance(hand, ASPECT) == pytest.approx(gap, rel=1e-6, abs=1e-9)
    assert g.hand_size(moved, ASPECT) == pytest.approx(scale * g.hand_size(hand, ASPECT), rel=1e-6)
