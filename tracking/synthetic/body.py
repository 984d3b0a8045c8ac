"""A child-proportioned 3D stick body that turns joint angles into MediaPipe's 33 landmarks.

Synthetic motion must be exact and explainable: tests assert "arms at 170 degrees gives a rep",
so the body is built from angles and lengths, not from noise.  Units: the child's standing
height is 1.0; x to the screen's right, y down, z away from the camera (like MediaPipe, where
smaller z is closer).  The picture is mirrored like the screen, so the child's *left* side is
on the screen's left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from tracking.landmarks import BODY_COUNT, Body

# Segment lengths of a 6-8 year old, as fractions of standing height (children have larger
# heads and shorter legs than adults).
CHILD_PROPORTIONS: dict[str, float] = {
    "head": 0.17,  # chin to crown
    "neck": 0.04,
    "shoulder_width": 0.22,
    "torso": 0.29,  # shoulder midpoint to hip midpoint
    "hip_width": 0.13,
    "upper_arm": 0.16,
    "forearm": 0.135,
    "hand": 0.07,
    "thigh": 0.225,
    "shin": 0.215,
    "ankle_height": 0.04,
    "foot": 0.09,
}


@dataclass(frozen=True)
class ArmPose:
    """Angles in degrees.  abduction: 0 arm down, 90 straight out sideways, 180 straight up.
    flexion: raises the arm toward the camera (0 none, 90 pointing at the camera).
    elbow: 0 straight; bends the forearm further in the direction of abduction (up when the
    arm is out to the side).  `wrist` overrides the angles: the hand goes to that point (in
    body units relative to the shoulder, frontal plane) with the elbow solved by 2-link IK.
    """

    abduction: float = 8.0
    flexion: float = 0.0
    elbow: float = 5.0
    wrist: tuple[float, float] | None = None


@dataclass(frozen=True)
class LegPose:
    """Angles in degrees.  abduction: leg out to the side; flexion: thigh forward (90 = thigh
    horizontal, a knee lift); knee: bend (0 straight)."""

    abduction: float = 3.0
    flexion: float = 0.0
    knee: float = 0.0


@dataclass(frozen=True)
class BodyPose:
    """Everything that places one body in one frame."""

    left_arm: ArmPose = field(default_factory=ArmPose)
    right_arm: ArmPose = field(default_factory=ArmPose)
    left_leg: LegPose = field(default_factory=LegPose)
    right_leg: LegPose = field(default_factory=LegPose)
    lean: float = 0.0  # trunk tilt sideways in degrees, positive toward the screen's right
    lift: float = 0.0  # feet above the floor (a hop), in body heights
    seated: bool = False  # pelvis on a chair; legs bent at 90 degrees unless flexion says more

    def with_arms(self, left: ArmPose, right: ArmPose) -> BodyPose:
        return replace(self, left_arm=left, right_arm=right)


@dataclass(frozen=True)
class Placement:
    """Where the body stands in the picture."""

    x: float = 0.5  # horizontal centre, 0..1 of the image width
    floor: float = 0.95  # y of the soles, 0..1 of the image height
    height: float = 0.75  # standing height as a fraction of the image height
    image_size: tuple[int, int] = (640, 480)
    proportions: dict[str, float] = field(default_factory=lambda: dict(CHILD_PROPORTIONS))


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 1e-9 else v


def _limb_direction(out: float, abduction: float, flexion: float) -> np.ndarray:
    a, f = math.radians(abduction), math.radians(flexion)
    return _unit(np.array([out * math.sin(a) * math.cos(f), math.cos(a) * math.cos(f), -math.sin(f)]))


def _abduction_tangent(out: float, abduction: float) -> np.ndarray:
    a = math.radians(abduction)
    return np.array([out * math.cos(a), -math.sin(a), 0.0])


def _arm(shoulder: np.ndarray, out: float, pose: ArmPose, p: dict[str, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Elbow, wrist and the hand direction for one arm."""
    l1, l2 = p["upper_arm"], p["forearm"]
    if pose.wrist is not None:
        target = shoulder + np.array([pose.wrist[0], pose.wrist[1], 0.0])
        d = target - shoulder
        dist = min(float(np.linalg.norm(d)), (l1 + l2) * 0.999)
        d = _unit(d)
        # Elbow angle from the law of cosines; the elbow sits outward and down of the line.
        cos_a = (l1 * l1 + dist * dist - l2 * l2) / (2 * l1 * dist) if dist > 1e-6 else 1.0
        alpha = math.acos(max(-1.0, min(1.0, cos_a)))
        perp = np.array([-d[1], d[0], 0.0])
        if perp[0] * out < 0 or (abs(perp[0]) < 1e-6 and perp[1] < 0):
            perp = -perp
        elbow = shoulder + l1 * (math.cos(alpha) * d + math.sin(alpha) * perp)
        wrist = elbow + l2 * _unit(shoulder + dist * d - elbow)
        return elbow, wrist, _unit(wrist - elbow)
    upper = _limb_direction(out, pose.abduction, pose.flexion)
    e = math.radians(pose.elbow)
    bend = _unit(_abduction_tangent(out, pose.abduction))
    fore = _unit(math.cos(e) * upper + math.sin(e) * bend)
    elbow = shoulder + l1 * upper
    wrist = elbow + l2 * fore
    return elbow, wrist, fore


def _leg(hip: np.ndarray, out: float, pose: LegPose, p: dict[str, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Knee, ankle, heel and toe for one leg."""
    thigh = _limb_direction(out, pose.abduction, pose.flexion)
    k = math.radians(pose.knee)
    # The shin rotates backward (+z) from the thigh, about the left-right axis.
    ty, tz = thigh[1], thigh[2]
    shin = _unit(np.array([thigh[0], ty * math.cos(k) - tz * math.sin(k), ty * math.sin(k) + tz * math.cos(k)]))
    knee = hip + p["thigh"] * thigh
    ankle = knee + p["shin"] * shin
    heel = ankle + np.array([0.0, p["ankle_height"], 0.02])
    toe = ankle + np.array([out * 0.015, p["ankle_height"], -p["foot"]])
    return knee, ankle, heel, toe


def body_points(pose: BodyPose, proportions: dict[str, float] | None = None) -> np.ndarray:
    """(33, 3) landmark positions in body units, hip midpoint at the origin (before the floor
    and placement are applied)."""
    p = proportions or CHILD_PROPORTIONS
    pts = np.zeros((BODY_COUNT, 3))
    lean = math.radians(pose.lean)
    up = np.array([math.sin(lean), -math.cos(lean), 0.0])
    across = np.array([math.cos(lean), math.sin(lean), 0.0])  # toward the screen's right
    hip_mid = np.zeros(3)
    shoulder_mid = hip_mid + p["torso"] * up
    neck_top = shoulder_mid + p["neck"] * up
    head_c = neck_top + 0.5 * p["head"] * up
    ls = shoulder_mid - 0.5 * p["shoulder_width"] * across
    rs = shoulder_mid + 0.5 * p["shoulder_width"] * across
    lh = np.array([-0.5 * p["hip_width"], 0.0, 0.0])
    rh = np.array([0.5 * p["hip_width"], 0.0, 0.0])

    hw = 0.055  # half the width of the face
    pts[Body.NOSE] = head_c + np.array([0, 0.01, -0.06])
    for idx, dx in ((Body.LEFT_EYE_INNER, -0.015), (Body.LEFT_EYE, -0.028), (Body.LEFT_EYE_OUTER, -0.04),
                    (Body.RIGHT_EYE_INNER, 0.015), (Body.RIGHT_EYE, 0.028), (Body.RIGHT_EYE_OUTER, 0.04)):
        pts[idx] = head_c + dx * across - 0.015 * up + np.array([0, 0, -0.05])
    pts[Body.LEFT_EAR] = head_c - hw * across
    pts[Body.RIGHT_EAR] = head_c + hw * across
    pts[Body.MOUTH_LEFT] = head_c - 0.018 * across - 0.045 * up + np.array([0, 0, -0.05])
    pts[Body.MOUTH_RIGHT] = head_c + 0.018 * across - 0.045 * up + np.array([0, 0, -0.05])
    pts[Body.LEFT_SHOULDER], pts[Body.RIGHT_SHOULDER] = ls, rs
    pts[Body.LEFT_HIP], pts[Body.RIGHT_HIP] = lh, rh

    for side, shoulder, arm, out in (("LEFT", ls, pose.left_arm, -1.0), ("RIGHT", rs, pose.right_arm, 1.0)):
        elbow, wrist, fore = _arm(shoulder, out, arm, p)
        pts[Body[f"{side}_ELBOW"]] = elbow
        pts[Body[f"{side}_WRIST"]] = wrist
        side_v = np.array([-fore[1], fore[0], 0.0]) * out
        pts[Body[f"{side}_INDEX"]] = wrist + p["hand"] * fore + 0.012 * side_v
        pts[Body[f"{side}_PINKY"]] = wrist + 0.85 * p["hand"] * fore - 0.02 * side_v
        pts[Body[f"{side}_THUMB"]] = wrist + 0.5 * p["hand"] * fore + 0.03 * side_v

    legs = (("LEFT", lh, pose.left_leg, -1.0), ("RIGHT", rh, pose.right_leg, 1.0))
    for side, hip, leg, out in legs:
        if pose.seated:
            leg = LegPose(abduction=leg.abduction, flexion=max(leg.flexion, 90.0), knee=max(leg.knee, 90.0))
        knee, ankle, heel, toe = _leg(hip, out, leg, p)
        pts[Body[f"{side}_KNEE"]] = knee
        pts[Body[f"{side}_ANKLE"]] = ankle
        pts[Body[f"{side}_HEEL"]] = heel
        pts[Body[f"{side}_FOOT_INDEX"]] = toe
    return pts


def standing_hip_height(proportions: dict[str, float] | None = None) -> float:
    """Height of the hips above the soles when standing straight."""
    p = proportions or CHILD_PROPORTIONS
    return p["thigh"] + p["shin"] + p["ankle_height"]


def render_body(pose: BodyPose, place: Placement, visibility: float = 0.99) -> np.ndarray:
    """(33, 4) MediaPipe-style landmarks: x, y normalised to the image, z normalised like x,
    visibility.  The lowest foot rests on the floor (plus any hop lift); a seated child's bent
    legs put the hips at chair height by the same rule."""
    p = place.proportions
    pts = body_points(pose, p)
    lowest = max(float(pts[Body.LEFT_HEEL, 1]), float(pts[Body.RIGHT_HEEL, 1]),
                 float(pts[Body.LEFT_FOOT_INDEX, 1]), float(pts[Body.RIGHT_FOOT_INDEX, 1]))
    pts[:, 1] -= lowest + pose.lift  # soles at y = 0, lifted by `lift`
    w, h = place.image_size
    aspect = w / h
    out = np.empty((BODY_COUNT, 4))
    out[:, 0] = place.x + pts[:, 0] * place.height / aspect
    out[:, 1] = place.floor + pts[:, 1] * place.height
    out[:, 2] = pts[:, 2] * place.height / aspect
    out[:, 3] = visibility
    return out
