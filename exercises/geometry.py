"""Angles and body-relative distances, so results do not depend on camera distance or framing.

All points are in image-height units (x scaled by the aspect ratio) so angles are true angles.
Every function that reads landmarks returns None when one of them is not visible: a result is
never computed from a guess.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from exercises.events import Side
from tracking.frame import Hand, PoseFrame
from tracking.landmarks import Body, HandPoint

VISIBLE = 0.5  # MediaPipe visibility above which a landmark counts as seen


def angle_deg(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> float:
    """The angle at b between b->a and b->c, in degrees (0..180); works in 2D or 3D."""
    v1, v2 = np.asarray(a, float) - np.asarray(b, float), np.asarray(c, float) - np.asarray(b, float)
    n = float(np.linalg.norm(v1) * np.linalg.norm(v2))
    if n < 1e-12:
        return 0.0
    return math.degrees(math.acos(max(-1.0, min(1.0, float(np.dot(v1, v2)) / n))))


def vector_angle_deg(u: np.ndarray, v: np.ndarray) -> float:
    """The angle between two direction vectors, in degrees."""
    return angle_deg(np.asarray(u, float), np.zeros(len(u)), np.asarray(v, float))


def side_lm(side: Side, name: str) -> Body:
    """`side_lm("left", "WRIST")` -> Body.LEFT_WRIST."""
    return Body[f"{side.upper()}_{name}"]


def visible(frame: PoseFrame | None, landmarks: Iterable[Body], threshold: float = VISIBLE) -> bool:
    if frame is None or frame.body is None:
        return False
    return all(float(frame.body[int(lm), 3]) >= threshold for lm in landmarks)


def pt(frame: PoseFrame, lm: Body) -> np.ndarray:
    """(x, y) in height units, visible or not (check first)."""
    assert frame.body is not None
    return np.array([frame.body[int(lm), 0] * frame.aspect, frame.body[int(lm), 1]])


def pt3(frame: PoseFrame, lm: Body) -> np.ndarray:
    """(x, y, z) in height units; MediaPipe's z is scaled like x."""
    assert frame.body is not None
    row = frame.body[int(lm)]
    return np.array([row[0] * frame.aspect, row[1], row[2] * frame.aspect])


def mid(frame: PoseFrame, a: Body, b: Body) -> np.ndarray:
    return (pt(frame, a) + pt(frame, b)) / 2.0


def trunk_down(frame: PoseFrame) -> np.ndarray:
    """Unit vector from the shoulder midpoint to the hip midpoint: the body's own "down", so a
    leaning child's arm angles are still measured against their trunk."""
    v = mid(frame, Body.LEFT_HIP, Body.RIGHT_HIP) - mid(frame, Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER)
    n = float(np.linalg.norm(v))
    return v / n if n > 1e-9 else np.array([0.0, 1.0])


_TRUNK = (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER, Body.LEFT_HIP, Body.RIGHT_HIP)


def shoulder_abduction(frame: PoseFrame, side: Side) -> float | None:
    """Upper arm against the trunk axis in the picture plane: 0 arm down, 90 out sideways,
    180 straight up (the clinical convention, measured from the trunk's midline, not from the
    shoulder-to-hip line which slopes inward)."""
    s, e = side_lm(side, "SHOULDER"), side_lm(side, "ELBOW")
    if not visible(frame, (s, e, *_TRUNK)):
        return None
    return vector_angle_deg(trunk_down(frame), pt(frame, e) - pt(frame, s))


def arm_elevation(frame: PoseFrame, side: Side) -> float | None:
    """Like shoulder_abduction but from shoulder to wrist, which is what a child's "arm up" is
    when the elbow bends a little."""
    s, w = side_lm(side, "SHOULDER"), side_lm(side, "WRIST")
    if not visible(frame, (s, w, *_TRUNK)):
        return None
    return vector_angle_deg(trunk_down(frame), pt(frame, w) - pt(frame, s))


def elbow_angle(frame: PoseFrame, side: Side) -> float | None:
    """180 straight arm, smaller when bent (3D)."""
    s, e, w = side_lm(side, "SHOULDER"), side_lm(side, "ELBOW"), side_lm(side, "WRIST")
    if not visible(frame, (s, e, w)):
        return None
    return angle_deg(pt3(frame, s), pt3(frame, e), pt3(frame, w))


def hip_angle(frame: PoseFrame, side: Side) -> float | None:
    """Trunk to thigh, 180 standing straight, about 90 seated or knee lifted (3D)."""
    s, h, k = side_lm(side, "SHOULDER"), side_lm(side, "HIP"), side_lm(side, "KNEE")
    if not visible(frame, (s, h, k)):
        return None
    return angle_deg(pt3(frame, s), pt3(frame, h), pt3(frame, k))


def hip_flexion(frame: PoseFrame, side: Side) -> float | None:
    """Thigh against the trunk axis in 3D: 0 standing, 90 thigh level (knee lift or sitting)."""
    h, k = side_lm(side, "HIP"), side_lm(side, "KNEE")
    if not visible(frame, (*_TRUNK, k)):
        return None
    axis = (pt3(frame, Body.LEFT_HIP) + pt3(frame, Body.RIGHT_HIP)
            - pt3(frame, Body.LEFT_SHOULDER) - pt3(frame, Body.RIGHT_SHOULDER)) / 2.0
    return vector_angle_deg(pt3(frame, k) - pt3(frame, h), axis)


def knee_angle(frame: PoseFrame, side: Side) -> float | None:
    """Thigh to shin, 180 straight leg, smaller when bent (3D)."""
    h, k, a = side_lm(side, "HIP"), side_lm(side, "KNEE"), side_lm(side, "ANKLE")
    if not visible(frame, (h, k, a)):
        return None
    return angle_deg(pt3(frame, h), pt3(frame, k), pt3(frame, a))


def shoulder_width(frame: PoseFrame) -> float | None:
    if not visible(frame, (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER)):
        return None
    return float(np.linalg.norm(pt(frame, Body.LEFT_SHOULDER) - pt(frame, Body.RIGHT_SHOULDER)))


def torso_length(frame: PoseFrame) -> float | None:
    """Shoulder midpoint to hip midpoint: the most stable body unit when arms and legs move."""
    lms = (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER, Body.LEFT_HIP, Body.RIGHT_HIP)
    if not visible(frame, lms):
        return None
    return float(np.linalg.norm(mid(frame, Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER)
                                - mid(frame, Body.LEFT_HIP, Body.RIGHT_HIP)))


def arm_length(frame: PoseFrame, side: Side) -> float | None:
    """Shoulder to elbow to wrist, in the picture plane."""
    s, e, w = side_lm(side, "SHOULDER"), side_lm(side, "ELBOW"), side_lm(side, "WRIST")
    if not visible(frame, (s, e, w)):
        return None
    return float(np.linalg.norm(pt(frame, s) - pt(frame, e)) + np.linalg.norm(pt(frame, e) - pt(frame, w)))


def leg_length(frame: PoseFrame, side: Side) -> float | None:
    """Hip to knee to ankle, in the picture plane."""
    h, k, a = side_lm(side, "HIP"), side_lm(side, "KNEE"), side_lm(side, "ANKLE")
    if not visible(frame, (h, k, a)):
        return None
    return float(np.linalg.norm(pt(frame, h) - pt(frame, k)) + np.linalg.norm(pt(frame, k) - pt(frame, a)))


def distance(frame: PoseFrame, a: Body, b: Body, unit: float) -> float | None:
    """Distance between two landmarks in a body unit (e.g. torso lengths)."""
    if not visible(frame, (a, b)) or unit <= 0:
        return None
    return float(np.linalg.norm(pt(frame, a) - pt(frame, b))) / unit


# --- hands -----------------------------------------------------------------------------------

def hand_xy(hand: Hand, point: HandPoint, aspect: float) -> np.ndarray:
    """(x, y) of a hand landmark in height units."""
    p = hand.points[int(point)]
    return np.array([p[0] * aspect, p[1]])


def hand_xyz(hand: Hand, point: HandPoint, aspect: float) -> np.ndarray:
    """(x, y, z) in height units; MediaPipe's hand z is scaled roughly like x."""
    p = hand.points[int(point)]
    return np.array([p[0] * aspect, p[1], p[2] * aspect])


def hand_size(hand: Hand, aspect: float) -> float:
    """Wrist to middle-finger knuckle (3D), the unit for pinch and finger distances.

    3D so that a palm tilted away from the camera does not make the hand look smaller and
    every pinch threshold tighter."""
    return float(np.linalg.norm(hand_xyz(hand, HandPoint.WRIST, aspect)
                                - hand_xyz(hand, HandPoint.MIDDLE_MCP, aspect)))


def pinch_distance(hand: Hand, aspect: float) -> float:
    """Thumb tip to index tip in hand sizes (3D): about 0.1 pinched, over 0.5 open."""
    size = hand_size(hand, aspect)
    if size <= 1e-9:
        return float("inf")
    d = np.linalg.norm(hand_xyz(hand, HandPoint.THUMB_TIP, aspect) - hand_xyz(hand, HandPoint.INDEX_TIP, aspect))
    return float(d) / size
