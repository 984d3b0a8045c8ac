"""A child-sized 3D hand that turns a few readable settings into MediaPipe's 21 hand landmarks.

Hand activities are tested as exactly as body ones: "the thumb touches the index tip" or "three
fingers up" must give known landmarks, with the palm turned or tilted as a real child turns it.

Units and axes.  The hand is built in its own frame, in *hand units* (1 = wrist to the middle
finger's knuckle, which is what `exercises.geometry.hand_size` measures):

- a: along the palm, wrist -> middle knuckle (the direction the straight fingers point),
- b: across the palm toward the thumb,
- c: out of the palm's inner side (the way the fingers curl).

It is then placed in the picture (x, y normalised like the screen, z relative to the wrist and
scaled like x, smaller = closer to the camera, as MediaPipe does).

Mirroring.  The picture is mirrored like the screen: the child's right hand appears on the
screen's right.  A hand held up with its palm to the camera shows its thumb toward the body's
midline, so the child's RIGHT hand has its thumb toward the screen's LEFT and the LEFT hand
toward the screen's RIGHT (hold your own right hand up in front of a mirror to check).  A left
hand is the mirror image of a right one, which is why only the thumb direction changes sign.

Turning the hand:
- rotation: in the picture plane, degrees, positive clockwise on the screen (90 = fingers
  pointing to the screen's right);
- pitch: fingertips tipped away from the camera, degrees (90 = fingers pointing straight back);
- yaw: turned about the finger axis, positive takes the thumb away from the camera (180 shows
  the back of the hand).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from tracking.frame import Hand
from tracking.landmarks import HAND_COUNT, HandPoint

HandSide = Literal["left", "right"]
FINGERS: tuple[str, ...] = ("thumb", "index", "middle", "ring", "pinky")
LONG_FINGERS: tuple[str, ...] = FINGERS[1:]

# Knuckle (MCP) positions in hand units (a, b), segment lengths (proximal, middle, distal) and
# the splay of each straight finger, degrees toward the thumb: a 6-8 year old's hand.
_MCP: dict[str, tuple[float, float]] = {
    "index": (0.95, 0.30), "middle": (1.0, 0.0), "ring": (0.93, -0.25), "pinky": (0.82, -0.48)}
_SEGMENTS: dict[str, tuple[float, float, float]] = {
    "index": (0.45, 0.27, 0.22), "middle": (0.50, 0.30, 0.23),
    "ring": (0.46, 0.29, 0.22), "pinky": (0.36, 0.22, 0.20)}
_SPLAY: dict[str, float] = {"index": 7.0, "middle": 0.0, "ring": -7.0, "pinky": -15.0}
_FLEX_AT_FULL_CURL = (85.0, 100.0, 65.0)  # MCP, PIP, DIP degrees for curl 1
_FIRST_POINT: dict[str, int] = {"thumb": 1, "index": 5, "middle": 9, "ring": 13, "pinky": 17}

# The thumb: base (CMC), the straight thumb sticking out at ~45 degrees, and the thumb folded
# across the palm with its tip near the ring finger's knuckle.
_THUMB_CMC = np.array([0.28, 0.32, 0.05])
_THUMB_LENGTHS = (0.40, 0.32, 0.27)
_THUMB_OUT = np.array([0.65, 0.72, 0.22]) / np.linalg.norm([0.65, 0.72, 0.22])
_THUMB_FOLDED = np.array([[0.50, 0.36, 0.22], [0.68, 0.14, 0.34], [0.74, -0.12, 0.32]])
# How far the touched finger bends to meet the thumb, and the pad-to-pad gap when touching.
OPPOSITION_CURL: dict[str, float] = {"index": 0.30, "middle": 0.35, "ring": 0.40, "pinky": 0.45}
CONTACT_GAP = 0.10  # hand units between thumb tip and fingertip when they touch


@dataclass(frozen=True)
class HandShape:
    """What the fingers do.  curl: thumb, index, middle, ring, pinky, each 0 straight .. 1
    fully curled.  oppose: the finger whose tip the thumb moves to (a pinch is "index"), with
    oppose_amount 0 (thumb where curl puts it) .. 1 (touching, CONTACT_GAP apart)."""

    curl: tuple[float, float, float, float, float] = (0.0, 0.0, 0.0, 0.0, 0.0)
    oppose: str | None = None
    oppose_amount: float = 1.0
    spread: float = 1.0  # 1 natural splay, 0 fingers together

    @staticmethod
    def open() -> HandShape:
        return HandShape()

    @staticmethod
    def fist() -> HandShape:
        return HandShape(curl=(1.0, 1.0, 1.0, 1.0, 1.0))

    @staticmethod
    def pointing() -> HandShape:
        """Index straight, the rest curled: the air-tracing hand."""
        return HandShape(curl=(1.0, 0.0, 1.0, 1.0, 1.0))

    @staticmethod
    def showing(n: int) -> HandShape:
        """n fingers up the way children count: index first, then middle, ring, pinky, thumb."""
        if not 0 <= n <= 5:
            raise ValueError("one hand shows 0 to 5 fingers")
        order = ("index", "middle", "ring", "pinky", "thumb")
        up = set(order[:n])
        return HandShape(curl=tuple(0.0 if f in up else 1.0 for f in FINGERS))  # type: ignore[arg-type]

    @staticmethod
    def pinch(amount: float = 1.0, finger: str = "index") -> HandShape:
        return HandShape(oppose=finger, oppose_amount=amount)

    def extended(self) -> tuple[bool, ...]:
        """Which fingers this shape holds straight (curl under 0.5, thumb not opposing)."""
        out = []
        for i, f in enumerate(FINGERS):
            straight = self.curl[i] < 0.5
            if f == "thumb" and self.oppose and self.oppose_amount > 0.5:
                straight = False
            out.append(straight)
        return tuple(out)


@dataclass(frozen=True)
class HandPlace:
    """Where and how the hand is held in the picture."""

    x: float = 0.5  # wrist, 0..1 of the image width (mirrored like the screen)
    y: float = 0.6  # wrist, 0..1 of the image height
    size: float = 0.09  # wrist to middle knuckle, in image heights
    side: HandSide = "right"  # the child's own hand
    rotation: float = 0.0  # degrees clockwise on screen; 0 = fingers up
    pitch: float = 0.0  # degrees, fingertips away from the camera
    yaw: float = 0.0  # degrees about the finger axis, thumb away from the camera
    image_size: tuple[int, int] = (640, 480)

    @property
    def aspect(self) -> float:
        w, h = self.image_size
        return w / h


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 1e-12 else v


def _finger_chain(finger: str, curl: float, spread: float) -> np.ndarray:
    """(4, 3) MCP, PIP, DIP, TIP of one long finger in hand units."""
    a, b = _MCP[finger]
    phi = math.radians(_SPLAY[finger] * spread)
    d0 = np.array([math.cos(phi), math.sin(phi), 0.0])
    c = np.array([0.0, 0.0, 1.0])
    pts = [np.array([a, b, 0.0])]
    theta = 0.0
    for length, flex in zip(_SEGMENTS[finger], _FLEX_AT_FULL_CURL, strict=True):
        theta += math.radians(flex * max(0.0, min(1.0, curl)))
        pts.append(pts[-1] + length * (math.cos(theta) * d0 + math.sin(theta) * c))
    return np.array(pts)


def _thumb_rest(curl: float) -> np.ndarray:
    """(4, 3) CMC, MCP, IP, TIP of the thumb placed by its curl alone."""
    straight = [_THUMB_CMC]
    for length in _THUMB_LENGTHS:
        straight.append(straight[-1] + length * _THUMB_OUT)
    k = max(0.0, min(1.0, curl))
    out = np.array(straight)
    out[1:] = (1 - k) * out[1:] + k * _THUMB_FOLDED
    return out


def _thumb_to(target: np.ndarray) -> np.ndarray:
    """(4, 3) a thumb whose tip is at `target`: joints on a gentle outward arc."""
    cmc = _THUMB_CMC
    span = target - cmc
    bulge = _unit(np.array([0.0, 1.0, 0.6])) * 0.18 * min(1.0, float(np.linalg.norm(span)))
    mcp = cmc + 0.40 * span + bulge
    ip = cmc + 0.72 * span + 0.6 * bulge
    return np.array([cmc, mcp, ip, target])


def hand_points_local(shape: HandShape) -> np.ndarray:
    """(21, 3) landmarks in hand units, in the hand's own (a, b, c) frame, wrist at 0."""
    pts = np.zeros((HAND_COUNT, 3))
    curls = dict(zip(FINGERS, shape.curl, strict=True))
    touched = shape.oppose
    amount = max(0.0, min(1.0, shape.oppose_amount)) if touched else 0.0
    if touched is not None and touched not in OPPOSITION_CURL:
        raise ValueError(f"the thumb can oppose {', '.join(OPPOSITION_CURL)}, not {touched!r}")
    for finger in LONG_FINGERS:
        curl = curls[finger]
        if finger == touched:
            curl = curl + (OPPOSITION_CURL[finger] - curl) * amount
        i = _FIRST_POINT[finger]
        pts[i:i + 4] = _finger_chain(finger, curl, shape.spread)
    thumb = _thumb_rest(curls["thumb"])
    if touched is not None and amount > 0:
        tip = pts[_FIRST_POINT[touched] + 3]
        contact = tip + CONTACT_GAP * _unit(thumb[3] - tip)
        thumb = (1 - amount) * thumb + amount * _thumb_to(contact)
    pts[1:5] = thumb
    return pts


def hand_axes(place: HandPlace) -> np.ndarray:
    """(3, 3) rows: where the hand's a, b, c axes point in the picture (x right, y down, z away)."""
    up = np.array([0.0, -1.0, 0.0])
    thumb = np.array([-1.0 if place.side == "right" else 1.0, 0.0, 0.0])
    normal = np.array([0.0, 0.0, -1.0])  # palm toward the camera
    yaw, pitch, roll = (math.radians(v) for v in (place.yaw, place.pitch, place.rotation))
    thumb, normal = math.cos(yaw) * thumb - math.sin(yaw) * normal, math.sin(yaw) * thumb + math.cos(yaw) * normal
    up, normal = math.cos(pitch) * up - math.sin(pitch) * normal, math.sin(pitch) * up + math.cos(pitch) * normal
    rot = np.array([[math.cos(roll), -math.sin(roll), 0.0], [math.sin(roll), math.cos(roll), 0.0], [0, 0, 1.0]])
    return np.array([rot @ up, rot @ thumb, rot @ normal])


def hand_points(shape: HandShape, place: HandPlace) -> np.ndarray:
    """(21, 3) landmarks as a tracker reports them for this hand."""
    world = hand_points_local(shape) @ hand_axes(place) * place.size  # image-height units
    out = np.empty_like(world)
    out[:, 0] = place.x + world[:, 0] / place.aspect
    out[:, 1] = place.y + world[:, 1]
    out[:, 2] = world[:, 2] / place.aspect
    return out


def render_hand(shape: HandShape, place: HandPlace, score: float = 0.95) -> Hand:
    return Hand(hand_points(shape, place), place.side, score)


def landmark_offset(shape: HandShape, place: HandPlace, point: HandPoint | tuple[HandPoint, ...]) -> np.ndarray:
    """(dx, dy) in normalised screen units from the wrist to a landmark (or the mean of several)."""
    pts = hand_points(shape, replace(place, x=0.0, y=0.0))
    idx = [int(point)] if isinstance(point, HandPoint) else [int(p) for p in point]
    return pts[idx, :2].mean(axis=0)


def place_landmark_at(shape: HandShape, place: HandPlace, point: HandPoint | tuple[HandPoint, ...],
                      target: tuple[float, float]) -> HandPlace:
    """The same placement moved so that `point` (or the mean of several) lands on `target`."""
    off = landmark_offset(shape, place, point)
    return replace(place, x=float(target[0] - off[0]), y=float(target[1] - off[1]))


PINCH_POINT: tuple[HandPoint, HandPoint] = (HandPoint.THUMB_TIP, HandPoint.INDEX_TIP)


# --- helpers shared by the hand motion scripts ---------------------------------------------------

LEAD_IN_S = 1.5  # every hand script starts with the open hand held still this long (ready gate)
HOME: dict[str, tuple[float, float]] = {"left": (0.32, 0.62), "right": (0.68, 0.62)}  # wrists at rest


def ease(u: float) -> float:
    """0..1 -> 0..1 with zero speed at both ends (smoothstep): how a child's hand starts and stops."""
    u = max(0.0, min(1.0, u))
    return u * u * (3.0 - 2.0 * u)


def blend_shapes(a: HandShape, b: HandShape, u: float) -> HandShape:
    """A shape part way (u 0..1) from a to b; the thumb's opposition fades out and in."""
    curl = tuple(x + (y - x) * u for x, y in zip(a.curl, b.curl, strict=True))
    if a.oppose and not b.oppose:
        oppose, amount = a.oppose, a.oppose_amount * (1 - u)
    elif b.oppose and not a.oppose:
        oppose, amount = b.oppose, b.oppose_amount * u
    else:
        oppose, amount = b.oppose, a.oppose_amount + (b.oppose_amount - a.oppose_amount) * u
    return HandShape(curl=curl, oppose=oppose, oppose_amount=amount,  # type: ignore[arg-type]
                     spread=a.spread + (b.spread - a.spread) * u)
