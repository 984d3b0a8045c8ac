"""The copy_the_pose cards as data, and how close a body is to one.

A card is a template of a few body features: for each arm, the direction from shoulder to
wrist in the picture (0 hanging down, 90 straight out to that side, 180 straight up, negative
across the body toward the other side) and the elbow angle (180 straight); the trunk's tilt
from upright; how far apart the ankles are and how high one foot is (in leg lengths).  Each
feature scores 1 - (difference / tolerance)^2 (0 beyond the tolerance); the match is the
geometric mean of the scores, so one feature far off (the wrong arm up) gives no match however
good the rest is, while small differences everywhere cost little.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from exercises import geometry as g
from exercises.geometry import leg_length
from tracking.frame import PoseFrame
from tracking.landmarks import Body

# How far a feature may be off before it scores 0.
TOLERANCE: dict[str, float] = {
    "left_dir": 40.0, "right_dir": 40.0,  # degrees
    "left_elbow": 55.0, "right_elbow": 55.0,  # degrees
    "tilt": 15.0,  # degrees
    "spread": 0.45,  # leg lengths between the ankles
    "lift": 0.2,  # leg lengths one ankle is above the other
}
ANGULAR = {"left_dir", "right_dir"}  # compared around the circle (180 == -180)
ARM_FEATURES = ("left_dir", "right_dir", "left_elbow", "right_elbow", "tilt")
LEG_FEATURES = ("spread", "lift")

STAND_SPREAD = 0.4  # ankles of a child standing naturally, in leg lengths


@dataclass(frozen=True)
class Arm:
    direction: float  # shoulder -> wrist, degrees (see the module docstring)
    elbow: float = 172.0  # straight, as a relaxed arm is


DOWN = Arm(8.0)
UP = Arm(172.0)
OUT = Arm(90.0)


@dataclass(frozen=True)
class PoseCard:
    id: str
    name: str  # what the card says to the child
    left: Arm
    right: Arm
    tilt: float = 0.0
    spread: float = STAND_SPREAD
    lift: float = 0.0
    arms_only: bool = True  # can be copied sitting down
    difficulty: int = 1  # 1 easy .. 3 hard

    def template(self) -> dict[str, float]:
        return {"left_dir": self.left.direction, "right_dir": self.right.direction,
                "left_elbow": self.left.elbow, "right_elbow": self.right.elbow,
                "tilt": self.tilt, "spread": self.spread, "lift": self.lift}


CARDS: tuple[PoseCard, ...] = (
    PoseCard("arms_up", "Arms up high", UP, UP),
    PoseCard("t_pose", "Arms out like a T", OUT, OUT),
    PoseCard("left_arm_up", "Left arm up", UP, DOWN),
    PoseCard("right_arm_up", "Right arm up", DOWN, UP),
    PoseCard("left_arm_out", "Left arm out", OUT, DOWN),
    PoseCard("right_arm_out", "Right arm out", DOWN, OUT),
    PoseCard("hands_on_head", "Hands on your head", Arm(-165.0, 75.0), Arm(-165.0, 75.0), difficulty=2),
    PoseCard("hands_on_hips", "Hands on your hips", Arm(0.0, 85.0), Arm(0.0, 85.0), difficulty=2),
    PoseCard("muscles", "Show your muscles", Arm(130.0, 90.0), Arm(130.0, 90.0), difficulty=2),
    PoseCard("star", "Be a star", Arm(135.0), Arm(135.0), spread=1.0, arms_only=False, difficulty=2),
    PoseCard("cross_arms", "Cross your arms", Arm(-65.0, 95.0), Arm(-65.0, 95.0), difficulty=3),
    PoseCard("airplane", "Fly like an airplane", OUT, OUT, tilt=20.0, arms_only=False, difficulty=3),
    PoseCard("flamingo", "Arms out, one foot up", OUT, OUT, lift=0.3, arms_only=False, difficulty=3),
)
BY_ID: dict[str, PoseCard] = {c.id: c for c in CARDS}

ARMS = (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER, Body.LEFT_ELBOW, Body.RIGHT_ELBOW,
        Body.LEFT_WRIST, Body.RIGHT_WRIST, Body.LEFT_HIP, Body.RIGHT_HIP)
LEGS = (Body.LEFT_KNEE, Body.RIGHT_KNEE, Body.LEFT_ANKLE, Body.RIGHT_ANKLE)


def arm_direction(frame: PoseFrame, side: str) -> float:
    """Shoulder -> wrist in the picture: 0 down, 90 out to that side, +-180 up, < 0 across."""
    v = g.pt(frame, g.side_lm(side, "WRIST")) - g.pt(frame, g.side_lm(side, "SHOULDER"))  # type: ignore[arg-type]
    out = -1.0 if side == "left" else 1.0  # mirrored: the child's left is on the screen's left
    return math.degrees(math.atan2(out * v[0], v[1]))


def features(frame: PoseFrame, legs: bool) -> dict[str, float] | None:
    """The card features of one frame (None when a needed landmark is not seen)."""
    if not g.visible(frame, ARMS + (LEGS if legs else ())):
        return None
    f: dict[str, float] = {}
    for side in ("left", "right"):
        f[f"{side}_dir"] = arm_direction(frame, side)
        f[f"{side}_elbow"] = g.elbow_angle(frame, side) or 0.0  # type: ignore[arg-type]
    trunk = (g.mid(frame, Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER)
             - g.mid(frame, Body.LEFT_HIP, Body.RIGHT_HIP))
    f["tilt"] = abs(math.degrees(math.atan2(trunk[0], -trunk[1])))
    if legs:
        leg = max(leg_length(frame, "left") or 0.0, leg_length(frame, "right") or 0.0)
        if leg <= 0:
            return None
        la, ra = g.pt(frame, Body.LEFT_ANKLE), g.pt(frame, Body.RIGHT_ANKLE)
        f["spread"] = float(np.linalg.norm(la - ra)) / leg
        f["lift"] = abs(float(la[1] - ra[1])) / leg
    return f


def feature_scores(card: PoseCard, feats: dict[str, float]) -> dict[str, float]:
    template = card.template()
    scores = {}
    for name, value in feats.items():
        d = value - template[name]
        if name in ANGULAR:
            d = (d + 180.0) % 360.0 - 180.0
        scores[name] = max(0.0, 1.0 - (d / TOLERANCE[name]) ** 2)
    return scores


def match(card: PoseCard, feats: dict[str, float]) -> float:
    """0..1: how closely these features copy the card (geometric mean of the feature scores)."""
    scores = list(feature_scores(card, feats).values())
    if not scores or min(scores) <= 0.0:
        return 0.0
    return float(math.exp(sum(math.log(s) for s in scores) / len(scores)))


def arms_down(feats: dict[str, float]) -> bool:
    """The start pose: both arms hanging by the sides, fairly straight."""
    return all(-30.0 <= feats[f"{s}_dir"] <= 40.0 and feats[f"{s}_elbow"] >= 140.0 for s in ("left", "right"))
