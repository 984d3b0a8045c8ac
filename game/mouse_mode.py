"""Mouse mode: no camera, so the mouse is the child's hand and keys stand in for body moves.

The frames are built with the same synthetic body and hand the tests use, so every activity
plays exactly as with a camera.  The hand nearest the mouse follows it (left half of the
screen: the child's left hand) and a held mouse button pinches.  Keys (held):

    Up: arms up        T: arms out      J: jumping jacks    Down: squat     H: bunny hops
    Left/Right: lift that leg           M: march            Space: one hop
    0-5: fingers shown                  B: show both hands
"""

from __future__ import annotations

import math
from dataclasses import replace

import pygame

from game.clock import Clock
from game.feeds import Seen
from game.input import Intents
from tracking.frame import PoseFrame
from tracking.landmarks import Body, HandPoint
from tracking.synthetic.body import ArmPose, BodyPose, LegPose, Placement, render_body
from tracking.synthetic.hand import HOME, HandPlace, HandShape, place_landmark_at, render_hand

IMAGE_SIZE = (640, 480)
FPS = 30.0
PLACE = Placement(x=0.5, floor=0.95, height=0.72, image_size=IMAGE_SIZE)
UP, OUT = ArmPose(abduction=172.0), ArmPose(abduction=90.0)
SQUAT = LegPose(flexion=75.0, knee=105.0)
LIFTED = LegPose(flexion=65.0, knee=90.0)
HOP_S = 0.35


def finger_shape(fingers: int, pinch: bool) -> HandShape:
    """An open hand, a pinch, or 0-5 fingers up (thumb first, then index, middle, ...)."""
    if pinch:
        return HandShape(oppose="index")
    order = (1, 2, 3, 4, 0)  # index, middle, ring, pinky, thumb: how children count
    up = set(order[:fingers])
    curl = tuple(0.0 if i in up else 1.0 for i in range(5))
    return HandShape(curl=curl)  # type: ignore[arg-type]


def body_pose(keys: frozenset[int], t: float, hop_until: float) -> BodyPose:
    """The body the held keys ask for at time t."""
    pose = BodyPose()
    phase = (t * 1.2) % 1.0
    if pygame.K_j in keys:
        if phase < 0.5:
            pose = BodyPose(left_arm=UP, right_arm=UP, left_leg=LegPose(abduction=24.0),
                            right_leg=LegPose(abduction=24.0), lift=0.03 if phase < 0.15 else 0.0)
        return pose
    if pygame.K_UP in keys:
        pose = pose.with_arms(UP, UP)
    elif pygame.K_t in keys:
        pose = pose.with_arms(OUT, OUT)
    if pygame.K_DOWN in keys:
        pose = replace(pose, left_leg=SQUAT, right_leg=SQUAT)
    if pygame.K_LEFT in keys:
        pose = replace(pose, left_leg=LIFTED)
    elif pygame.K_RIGHT in keys:
        pose = replace(pose, right_leg=LIFTED)
    elif pygame.K_m in keys:
        step = (t * 1.6) % 1.0
        pose = replace(pose, **{"left_leg" if step < 0.5 else "right_leg": LIFTED})
    if pygame.K_h in keys:
        pose = replace(pose, lift=0.07 if phase < 0.35 else 0.0)
    elif t < hop_until:
        pose = replace(pose, lift=0.07)
    return pose


class MouseFeed:
    """A Feed (game.feeds) built from the mouse and keys, on the game clock."""

    kind = "mouse"
    hands_point = False  # in menus the mouse already points; no second pointer
    image_format = "bgr"

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._t0 = clock.now()
        self._mouse: tuple[float, float] = HOME["right"]  # normalised 0..1; the hand rests here
        self._down = False
        self._keys: frozenset[int] = frozenset()
        self._fingers = 5
        self._both = False
        self._hop_until = -1.0
        self._index = -1
        self._seq = -1
        self._frame: PoseFrame | None = None
        self._canvas = (1280, 720)

    def set_canvas(self, size: tuple[int, int]) -> None:
        self._canvas = size

    def begin(self, activity_id: str | None, needs: str | None) -> None:
        pass

    def update(self, intents: Intents, dt: float) -> None:
        w, h = self._canvas
        if intents.mouse is not None:
            self._mouse = (min(1.0, max(0.0, intents.mouse[0] / w)), min(1.0, max(0.0, intents.mouse[1] / h)))
        self._down = intents.mouse_down
        self._keys = intents.keys
        for key in intents.keys_pressed:
            if pygame.K_0 <= key <= pygame.K_5:
                self._fingers = key - pygame.K_0
            elif key == pygame.K_b:
                self._both = not self._both
            elif key == pygame.K_SPACE:
                self._hop_until = self.now() + HOP_S

    def now(self) -> float:
        return self.clock.now()

    def status(self) -> str:
        return "running"

    def message(self) -> str:
        return ""

    def stop(self) -> None:
        pass

    def latest(self) -> Seen:
        now = self.clock.now()
        index = int((now - self._t0) * FPS + 1e-9)
        if index != self._index or self._frame is None:
            self._index = index
            self._seq += 1
            self._frame = self.build(self._t0 + index / FPS, self._seq)
        return Seen(self._frame, None, self._seq)

    def build(self, t: float, seq: int) -> PoseFrame:
        pose = body_pose(self._keys, t - self._t0, self._hop_until)
        side = "left" if self._mouse[0] < 0.5 else "right"
        if not (self._keys & {pygame.K_UP, pygame.K_t, pygame.K_j}):
            pose = self._reach(pose, side, self._mouse)
        shape = finger_shape(self._fingers, self._down)
        place = HandPlace(side=side, image_size=IMAGE_SIZE, size=0.11)
        tip = HandPoint.INDEX_TIP if not self._down else (HandPoint.THUMB_TIP, HandPoint.INDEX_TIP)
        hands = [render_hand(shape, place_landmark_at(shape, place, tip, self._mouse))]
        if self._both:
            other = "right" if side == "left" else "left"
            x, y = HOME[other]
            hands.append(render_hand(shape, HandPlace(x=x, y=y, side=other, image_size=IMAGE_SIZE, size=0.11)))
        body = render_body(pose, PLACE)
        return PoseFrame(seq=seq, t=t, body=body, hands=tuple(hands), image_size=IMAGE_SIZE, source="mouse")

    @staticmethod
    def _reach(pose: BodyPose, side: str, target: tuple[float, float]) -> BodyPose:
        """The arm on `side` stretched toward the mouse (2-link IK in the body model)."""
        base = render_body(pose, PLACE)
        shoulder = base[Body.LEFT_SHOULDER if side == "left" else Body.RIGHT_SHOULDER]
        aspect = IMAGE_SIZE[0] / IMAGE_SIZE[1]
        dx = (target[0] - shoulder[0]) * aspect / PLACE.height
        dy = (target[1] - shoulder[1]) / PLACE.height
        reach = math.hypot(dx, dy)
        limit = 0.16 + 0.135 + 0.05  # upper arm + forearm + a little of the hand
        if reach > limit:
            dx, dy = dx * limit / reach, dy * limit / reach
        arm = ArmPose(wrist=(float(dx), float(dy)))
        return replace(pose, **{f"{side}_arm": arm})

