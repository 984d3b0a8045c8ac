"""The skeleton and hands drawn over the picture, in the side colours."""

from __future__ import annotations

import numpy as np
import pygame

from game.render.overlay import draw_body, draw_hands
from game.theme import Theme
from tracking.frame import PoseFrame
from tracking.landmarks import Body, HandPoint
from tracking.synthetic.body import ArmPose, BodyPose, Placement, render_body
from tracking.synthetic.hand import HandPlace, HandShape, render_hand

W, H = 640, 360


def _at(surface: pygame.Surface, x: float, y: float) -> tuple[int, int, int]:
    c = surface.get_at((int(x * W), int(y * H)))
    return (c.r, c.g, c.b)


def test_body_limbs_in_side_colours() -> None:
    theme = Theme.default()
    pose = BodyPose(left_arm=ArmPose(abduction=90), right_arm=ArmPose(abduction=90))
    body = render_body(pose, Placement())
    frame = PoseFrame(seq=1, t=0.0, body=body, image_size=(640, 480))
    screen = pygame.Surface((W, H))
    draw_body(screen, frame, theme)
    lw, rw = body[int(Body.LEFT_WRIST)], body[int(Body.RIGHT_WRIST)]
    assert lw[0] < rw[0]  # mirrored like the screen: the child's left is on the left
    assert _at(screen, lw[0], lw[1]) == theme.left
    assert _at(screen, rw[0], rw[1]) == theme.right
    le, re = body[int(Body.LEFT_ELBOW)], body[int(Body.RIGHT_ELBOW)]
    mid_l = (lw[:2] + le[:2]) / 2
    mid_r = (rw[:2] + re[:2]) / 2
    assert _at(screen, *mid_l) == theme.left
    assert _at(screen, *mid_r) == theme.right


def test_unseen_landmarks_are_not_drawn() -> None:
    theme = Theme.default()
    body = render_body(BodyPose(), Placement())
    body[:, 3] = 0.0
    screen = pygame.Surface((W, H))
    draw_body(screen, PoseFrame(seq=1, t=0.0, body=body), theme)
    draw_body(screen, PoseFrame(seq=2, t=0.0, body=None), theme)
    draw_body(screen, None, theme)
    assert not pygame.surfarray.array3d(screen).any()


def test_hands_in_side_colour_with_white_fingertips() -> None:
    theme = Theme.default()
    hand = render_hand(HandShape(), HandPlace())
    screen = pygame.Surface((W, H))
    draw_hands(screen, PoseFrame(seq=1, t=0.0, hands=(hand,)), theme)
    tip = hand.points[int(HandPoint.INDEX_TIP)]
    assert _at(screen, tip[0], tip[1]) == (255, 255, 255)
    a, b = hand.points[int(HandPoint.MIDDLE_MCP)], hand.points[int(HandPoint.MIDDLE_PIP)]
    mid = (a[:2] + b[:2]) / 2
    assert _at(screen, *mid) == theme.side_color(hand.side)
    assert np.count_nonzero(pygame.surfarray.array3d(screen).any(axis=2)) > 200
