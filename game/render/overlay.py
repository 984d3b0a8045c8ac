"""The child's skeleton and hands over the picture: proof that the game sees them.

The child's left side is drawn sky blue and the right side orange (Theme.left/right), so a
therapist can say "lift the blue arm".  Thick rounded limbs with a dark rim read over any picture.
"""

from __future__ import annotations

import math

import pygame

from game.theme import Theme
from tracking.frame import Hand, PoseFrame
from tracking.landmarks import BODY_BONES, HAND_BONES, Body, HandPoint

VISIBLE = 0.5
FINGERTIPS = (HandPoint.THUMB_TIP, HandPoint.INDEX_TIP, HandPoint.MIDDLE_TIP, HandPoint.RING_TIP, HandPoint.PINKY_TIP)


def _side_of(a: Body, b: Body) -> str | None:
    names = a.name + b.name
    if "LEFT" in names and "RIGHT" not in names:
        return "left"
    if "RIGHT" in names and "LEFT" not in names:
        return "right"
    return None


def _limb(surface: pygame.Surface, color: tuple[int, int, int], p: tuple[int, int], q: tuple[int, int], width: int, rim: tuple[int, int, int]) -> None:
    pygame.draw.line(surface, rim, p, q, width + 4)
    pygame.draw.circle(surface, rim, p, (width + 4) // 2)
    pygame.draw.circle(surface, rim, q, (width + 4) // 2)
    pygame.draw.line(surface, color, p, q, width)
    pygame.draw.circle(surface, color, p, width // 2)
    pygame.draw.circle(surface, color, q, width // 2)


def draw_body(surface: pygame.Surface, frame: PoseFrame | None, theme: Theme) -> None:
    """Limbs between visible landmarks, a round head, bright wrists (what most games track)."""
    if frame is None or frame.body is None:
        return
    w, h = surface.get_size()
    body = frame.body
    width = max(5, h // 55)
    pts = {int(i): (int(body[i, 0] * w), int(body[i, 1] * h)) for i in range(len(body)) if body[i, 3] >= VISIBLE}
    neutral = (245, 245, 245)
    for a, b in BODY_BONES:
        if int(a) in pts and int(b) in pts:
            side = _side_of(a, b)
            color = theme.side_color(side) if side else neutral
            _limb(surface, color, pts[int(a)], pts[int(b)], width, theme.shadow)
    if int(Body.NOSE) in pts:
        c = pts[int(Body.NOSE)]
        head_r = width * 3
        ls, rs = pts.get(int(Body.LEFT_SHOULDER)), pts.get(int(Body.RIGHT_SHOULDER))
        if ls and rs:
            head_r = max(head_r, int(abs(ls[0] - rs[0]) * 0.42))
            mid = ((ls[0] + rs[0]) // 2, (ls[1] + rs[1]) // 2)
            dx, dy = c[0] - mid[0], c[1] - mid[1]
            dist = max(1.0, (dx * dx + dy * dy) ** 0.5)
            if dist > head_r:  # the neck stops at the chin
                chin = (int(c[0] - dx / dist * head_r), int(c[1] - dy / dist * head_r))
                _limb(surface, neutral, mid, chin, width, theme.shadow)
        _face(surface, c, head_r, width, neutral, theme)
    for wrist, side in ((Body.LEFT_WRIST, "left"), (Body.RIGHT_WRIST, "right")):
        if int(wrist) in pts:
            c = pts[int(wrist)]
            pygame.draw.circle(surface, theme.shadow, c, width * 2 + 2)
            pygame.draw.circle(surface, theme.side_color(side), c, width * 2)
            pygame.draw.circle(surface, (255, 255, 255), c, width * 2, 2)


def _face(surface: pygame.Surface, c: tuple[int, int], r: int, width: int, color: tuple[int, int, int], theme: Theme) -> None:
    """A friendly round face on the skeleton: the child sees a happy version of themselves."""
    pygame.draw.circle(surface, theme.shadow, c, r + 2, width // 2 + 4)
    pygame.draw.circle(surface, color, c, r, width // 2 + 1)
    eye = max(3, r // 7)
    for sx in (-1, 1):
        pygame.draw.circle(surface, theme.shadow, (c[0] + sx * r * 0.35, c[1] - r * 0.12), eye + 2)
        pygame.draw.circle(surface, color, (c[0] + sx * r * 0.35, c[1] - r * 0.12), eye)
    mouth = pygame.Rect(0, 0, int(r * 0.9), int(r * 0.7))
    mouth.center = (c[0], int(c[1] + r * 0.12))
    pygame.draw.arc(surface, theme.shadow, mouth.inflate(4, 4), math.pi * 1.15, math.pi * 1.85, max(3, width // 2) + 4)
    pygame.draw.arc(surface, color, mouth, math.pi * 1.15, math.pi * 1.85, max(3, width // 2))


def draw_hand(surface: pygame.Surface, hand: Hand, theme: Theme) -> None:
    w, h = surface.get_size()
    p = hand.points
    pts = [(int(p[i, 0] * w), int(p[i, 1] * h)) for i in range(len(p))]
    color = theme.side_color(hand.side)
    width = max(4, h // 110)
    for a, b in HAND_BONES:
        _limb(surface, color, pts[int(a)], pts[int(b)], width, theme.shadow)
    for tip in FINGERTIPS:
        c = pts[int(tip)]
        pygame.draw.circle(surface, theme.shadow, c, width * 2 + 2)
        pygame.draw.circle(surface, (255, 255, 255), c, width * 2)


def draw_hands(surface: pygame.Surface, frame: PoseFrame | None, theme: Theme) -> None:
    """Every tracked hand, in its side's colour, with white fingertips."""
    if frame is None:
        return
    for hand in frame.hands:
        draw_hand(surface, hand, theme)
