"""Procedural art: avatars, stickers, cue icons, result stars and big buttons.

Everything is drawn from circles and polygons at any size, so there are no image files to
license and nothing blurs when the window is resized.  Each function draws centred on `center`
within a square of side `size`; none keeps state.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.render.effects import star_points
from game.render.figures import FIGURES, draw_figure, draw_hand_icon, fingers_for_count
from game.theme import (
    BLUE,
    GREEN,
    INK,
    ORANGE,
    PURPLE,
    SKY,
    VERMILLION,
    WHITE,
    YELLOW,
    Color,
    Theme,
)

Point = tuple[float, float]

AVATARS: tuple[str, ...] = ("fox", "owl", "bear", "frog", "cat", "bunny", "robot", "dino")
STICKERS: tuple[str, ...] = (
    "sun", "rainbow", "rocket", "heart", "star", "flower", "moon", "fish",
    "balloon", "tree", "crown", "butterfly", "icecream", "planet",
)
UI_ICONS: tuple[str, ...] = ("play", "next", "again", "back", "pause", "home", "gear", "plus", "album", "check", "lock", "hand")

CREAM: Color = (250, 247, 238)
PEACH: Color = (250, 215, 170)
BROWN: Color = (150, 95, 55)


def _c(center: Point, size: float) -> tuple[float, float, float]:
    return center[0], center[1], size / 2


def _eyes(s: pygame.Surface, cx: float, cy: float, r: float, gap: float, y: float) -> None:
    for dx in (-gap, gap):
        pygame.draw.circle(s, WHITE, (cx + dx * r, cy + y * r), r * 0.17)
        pygame.draw.circle(s, INK, (cx + dx * r, cy + y * r), r * 0.1)
        pygame.draw.circle(s, WHITE, (cx + dx * r + r * 0.03, cy + y * r - r * 0.04), r * 0.03)


def _smile(s: pygame.Surface, cx: float, cy: float, r: float, y: float = 0.3, w: float = 0.3) -> None:
    rect = pygame.Rect(0, 0, r * w * 2, r * w * 1.4)
    rect.center = (int(cx), int(cy + y * r - r * w * 0.35))
    pygame.draw.arc(s, INK, rect, math.pi * 1.1, math.pi * 1.9, max(2, int(r * 0.06)))


def _cheeks(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    for dx in (-0.5, 0.5):
        pygame.draw.circle(s, PURPLE, (cx + dx * r, cy + 0.22 * r), r * 0.1)


# --- avatars -----------------------------------------------------------------------------------


def _fox(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    for sx in (-1, 1):
        pygame.draw.polygon(s, ORANGE, [(cx + sx * 0.85 * r, cy - 0.95 * r), (cx + sx * 0.25 * r, cy - 0.5 * r), (cx + sx * 0.8 * r, cy - 0.1 * r)])
        pygame.draw.polygon(s, INK, [(cx + sx * 0.75 * r, cy - 0.75 * r), (cx + sx * 0.45 * r, cy - 0.5 * r), (cx + sx * 0.7 * r, cy - 0.3 * r)])
    pygame.draw.circle(s, ORANGE, (cx, cy), r * 0.8)
    pygame.draw.polygon(s, CREAM, [(cx - 0.78 * r, cy + 0.05 * r), (cx, cy + 0.8 * r), (cx + 0.78 * r, cy + 0.05 * r), (cx, cy + 0.3 * r)])
    _eyes(s, cx, cy, r, 0.32, -0.12)
    pygame.draw.circle(s, INK, (cx, cy + 0.35 * r), r * 0.1)


def _owl(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    for sx in (-1, 1):
        pygame.draw.polygon(s, BROWN, [(cx + sx * 0.7 * r, cy - 0.95 * r), (cx + sx * 0.3 * r, cy - 0.6 * r), (cx + sx * 0.75 * r, cy - 0.45 * r)])
    pygame.draw.ellipse(s, BROWN, (cx - 0.8 * r, cy - 0.8 * r, 1.6 * r, 1.7 * r))
    pygame.draw.ellipse(s, PEACH, (cx - 0.45 * r, cy + 0.1 * r, 0.9 * r, 0.75 * r))
    for dx in (-0.33, 0.33):
        pygame.draw.circle(s, CREAM, (cx + dx * r, cy - 0.2 * r), r * 0.3)
        pygame.draw.circle(s, INK, (cx + dx * r, cy - 0.2 * r), r * 0.14)
        pygame.draw.circle(s, WHITE, (cx + dx * r + 0.05 * r, cy - 0.25 * r), r * 0.05)
    pygame.draw.polygon(s, YELLOW, [(cx - 0.1 * r, cy + 0.02 * r), (cx + 0.1 * r, cy + 0.02 * r), (cx, cy + 0.22 * r)])


def _bear(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    for sx in (-1, 1):
        pygame.draw.circle(s, BROWN, (cx + sx * 0.6 * r, cy - 0.6 * r), r * 0.3)
        pygame.draw.circle(s, PEACH, (cx + sx * 0.6 * r, cy - 0.6 * r), r * 0.15)
    pygame.draw.circle(s, BROWN, (cx, cy), r * 0.82)
    pygame.draw.ellipse(s, PEACH, (cx - 0.35 * r, cy + 0.05 * r, 0.7 * r, 0.5 * r))
    _eyes(s, cx, cy, r, 0.32, -0.2)
    pygame.draw.ellipse(s, INK, (cx - 0.12 * r, cy + 0.1 * r, 0.24 * r, 0.16 * r))
    _smile(s, cx, cy, r, 0.45, 0.18)


def _frog(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    for sx in (-1, 1):
        pygame.draw.circle(s, GREEN, (cx + sx * 0.45 * r, cy - 0.55 * r), r * 0.32)
    pygame.draw.ellipse(s, GREEN, (cx - 0.88 * r, cy - 0.55 * r, 1.76 * r, 1.3 * r))
    for dx in (-0.45, 0.45):
        pygame.draw.circle(s, WHITE, (cx + dx * r, cy - 0.55 * r), r * 0.22)
        pygame.draw.circle(s, INK, (cx + dx * r, cy - 0.55 * r), r * 0.11)
    rect = pygame.Rect(0, 0, r * 1.1, r * 0.6)
    rect.center = (int(cx), int(cy + 0.1 * r))
    pygame.draw.arc(s, INK, rect, math.pi * 1.05, math.pi * 1.95, max(2, int(r * 0.07)))
    _cheeks(s, cx, cy + 0.05 * r, r)


def _cat(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    grey = (160, 160, 175)
    for sx in (-1, 1):
        pygame.draw.polygon(s, grey, [(cx + sx * 0.75 * r, cy - 0.95 * r), (cx + sx * 0.2 * r, cy - 0.6 * r), (cx + sx * 0.8 * r, cy - 0.2 * r)])
        pygame.draw.polygon(s, PURPLE, [(cx + sx * 0.68 * r, cy - 0.75 * r), (cx + sx * 0.4 * r, cy - 0.58 * r), (cx + sx * 0.7 * r, cy - 0.38 * r)])
    pygame.draw.circle(s, grey, (cx, cy), r * 0.8)
    _eyes(s, cx, cy, r, 0.32, -0.15)
    pygame.draw.polygon(s, PURPLE, [(cx - 0.08 * r, cy + 0.1 * r), (cx + 0.08 * r, cy + 0.1 * r), (cx, cy + 0.2 * r)])
    for sy in (0.15, 0.28):
        for sx in (-1, 1):
            pygame.draw.line(s, INK, (cx + sx * 0.3 * r, cy + sy * r), (cx + sx * 0.75 * r, cy + (sy - 0.05) * r), max(1, int(r * 0.03)))
    _smile(s, cx, cy, r, 0.38, 0.15)


def _bunny(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    for sx in (-1, 1):
        pygame.draw.ellipse(s, CREAM, (cx + sx * 0.35 * r - 0.17 * r, cy - 1.0 * r, 0.34 * r, 0.85 * r))
        pygame.draw.ellipse(s, PURPLE, (cx + sx * 0.35 * r - 0.08 * r, cy - 0.9 * r, 0.16 * r, 0.6 * r))
    pygame.draw.circle(s, CREAM, (cx, cy + 0.1 * r), r * 0.75)
    _eyes(s, cx, cy + 0.1 * r, r, 0.3, -0.1)
    pygame.draw.circle(s, PURPLE, (cx, cy + 0.25 * r), r * 0.08)
    _cheeks(s, cx, cy + 0.1 * r, r)
    pygame.draw.rect(s, WHITE, (cx - 0.08 * r, cy + 0.36 * r, 0.16 * r, 0.14 * r))


def _robot(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pygame.draw.line(s, INK, (cx, cy - 0.65 * r), (cx, cy - 0.95 * r), max(2, int(r * 0.06)))
    pygame.draw.circle(s, VERMILLION, (cx, cy - 0.95 * r), r * 0.1)
    body = pygame.Rect(0, 0, 1.5 * r, 1.3 * r)
    body.center = (int(cx), int(cy + 0.05 * r))
    pygame.draw.rect(s, SKY, body, border_radius=int(r * 0.25))
    for sx in (-1, 1):
        pygame.draw.rect(s, BLUE, (cx + sx * 0.85 * r - 0.1 * r, cy - 0.15 * r, 0.2 * r, 0.4 * r), border_radius=int(r * 0.05))
        pygame.draw.circle(s, WHITE, (cx + sx * 0.33 * r, cy - 0.15 * r), r * 0.2)
        pygame.draw.circle(s, INK, (cx + sx * 0.33 * r, cy - 0.15 * r), r * 0.1)
    mouth = pygame.Rect(0, 0, 0.7 * r, 0.2 * r)
    mouth.center = (int(cx), int(cy + 0.35 * r))
    pygame.draw.rect(s, INK, mouth, border_radius=int(r * 0.08))
    for k in range(1, 4):
        x = mouth.left + k * mouth.width / 4
        pygame.draw.line(s, YELLOW, (x, mouth.top + 2), (x, mouth.bottom - 2), max(1, int(r * 0.04)))


def _dino(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    for k, dx in enumerate((-0.5, -0.15, 0.2)):
        pygame.draw.polygon(s, ORANGE, [(cx + dx * r, cy - (0.62 - 0.05 * k) * r), (cx + (dx + 0.17) * r, cy - (0.98 - 0.05 * k) * r), (cx + (dx + 0.34) * r, cy - (0.6 - 0.05 * k) * r)])
    pygame.draw.ellipse(s, GREEN, (cx - 0.85 * r, cy - 0.7 * r, 1.7 * r, 1.45 * r))
    pygame.draw.ellipse(s, (120, 200, 160), (cx - 0.55 * r, cy + 0.05 * r, 1.1 * r, 0.6 * r))
    _eyes(s, cx, cy, r, 0.35, -0.25)
    for dx in (-0.15, 0.15):
        pygame.draw.circle(s, INK, (cx + dx * r, cy + 0.2 * r), r * 0.05)
    _smile(s, cx, cy, r, 0.5, 0.25)


_AVATAR_DRAW: dict[str, Callable[[pygame.Surface, float, float, float], None]] = {
    "fox": _fox, "owl": _owl, "bear": _bear, "frog": _frog, "cat": _cat, "bunny": _bunny, "robot": _robot, "dino": _dino,
}
_AVATAR_BG: dict[str, Color] = {
    "fox": SKY, "owl": YELLOW, "bear": SKY, "frog": YELLOW, "cat": SKY, "bunny": GREEN, "robot": YELLOW, "dino": PURPLE,
}


def draw_avatar(surface: pygame.Surface, avatar_id: str, center: Point, size: float, badge: bool = True) -> None:
    """A friendly animal face on a round badge; unknown ids fall back to the first avatar."""
    cx, cy, r = _c(center, size)
    name = avatar_id if avatar_id in _AVATAR_DRAW else AVATARS[0]
    if badge:
        pygame.draw.circle(surface, INK, (cx, cy), r)
        pygame.draw.circle(surface, _AVATAR_BG[name], (cx, cy), r * 0.93)
    _AVATAR_DRAW[name](surface, cx, cy + r * 0.08, r * 0.72)


# --- stickers ----------------------------------------------------------------------------------


def _sun(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    for k in range(12):
        a = k * math.pi / 6
        pygame.draw.polygon(s, ORANGE, [(cx + 0.55 * r * math.cos(a - 0.2), cy + 0.55 * r * math.sin(a - 0.2)), (cx + 0.95 * r * math.cos(a), cy + 0.95 * r * math.sin(a)), (cx + 0.55 * r * math.cos(a + 0.2), cy + 0.55 * r * math.sin(a + 0.2))])
    pygame.draw.circle(s, YELLOW, (cx, cy), r * 0.6)
    _eyes(s, cx, cy, r * 0.7, 0.35, -0.1)
    _smile(s, cx, cy, r * 0.7, 0.35, 0.35)


def _rainbow(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    cols = (VERMILLION, ORANGE, YELLOW, GREEN, SKY, BLUE)
    for k, c in enumerate(cols):
        rr = r * (0.95 - 0.1 * k)
        pygame.draw.circle(s, c, (cx, cy + 0.35 * r), rr, draw_top_left=True, draw_top_right=True)
    pygame.draw.circle(s, CREAM, (cx, cy + 0.35 * r), r * 0.35, draw_top_left=True, draw_top_right=True)
    for dx in (-0.7, 0.7):
        for k, (ox, oy, rr) in enumerate(((-0.15, 0.0, 0.2), (0.1, -0.05, 0.24), (0.3, 0.03, 0.18))):
            del k
            pygame.draw.circle(s, WHITE, (cx + (dx + ox) * r, cy + (0.4 + oy) * r), rr * r)


def _rocket(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pygame.draw.polygon(s, ORANGE, [(cx - 0.15 * r, cy + 0.55 * r), (cx, cy + 0.95 * r), (cx + 0.15 * r, cy + 0.55 * r)])
    pygame.draw.polygon(s, YELLOW, [(cx - 0.08 * r, cy + 0.55 * r), (cx, cy + 0.8 * r), (cx + 0.08 * r, cy + 0.55 * r)])
    for sx in (-1, 1):
        pygame.draw.polygon(s, VERMILLION, [(cx + sx * 0.25 * r, cy + 0.1 * r), (cx + sx * 0.5 * r, cy + 0.6 * r), (cx + sx * 0.2 * r, cy + 0.5 * r)])
    pygame.draw.ellipse(s, CREAM, (cx - 0.27 * r, cy - 0.9 * r, 0.54 * r, 1.5 * r))
    pygame.draw.polygon(s, VERMILLION, [(cx - 0.2 * r, cy - 0.55 * r), (cx, cy - 0.92 * r), (cx + 0.2 * r, cy - 0.55 * r)])
    pygame.draw.circle(s, SKY, (cx, cy - 0.15 * r), r * 0.14)
    pygame.draw.circle(s, INK, (cx, cy - 0.15 * r), r * 0.14, max(2, int(r * 0.04)))


def _heart(s: pygame.Surface, cx: float, cy: float, r: float, color: Color = VERMILLION) -> None:
    pygame.draw.circle(s, color, (cx - 0.38 * r, cy - 0.25 * r), r * 0.42)
    pygame.draw.circle(s, color, (cx + 0.38 * r, cy - 0.25 * r), r * 0.42)
    pygame.draw.polygon(s, color, [(cx - 0.78 * r, cy - 0.12 * r), (cx, cy + 0.8 * r), (cx + 0.78 * r, cy - 0.12 * r)])
    pygame.draw.circle(s, WHITE, (cx - 0.45 * r, cy - 0.35 * r), r * 0.1)


def _star(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pygame.draw.polygon(s, INK, star_points(cx, cy + 0.05 * r, r * 1.0))
    pygame.draw.polygon(s, YELLOW, star_points(cx, cy + 0.05 * r, r * 0.88))
    _eyes(s, cx, cy + 0.05 * r, r * 0.6, 0.3, 0.0)
    _smile(s, cx, cy + 0.05 * r, r * 0.6, 0.45, 0.3)


def _flower(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pygame.draw.line(s, GREEN, (cx, cy), (cx, cy + 0.95 * r), max(3, int(r * 0.1)))
    pygame.draw.ellipse(s, GREEN, (cx, cy + 0.45 * r, 0.4 * r, 0.2 * r))
    for k in range(6):
        a = k * math.pi / 3
        pygame.draw.circle(s, PURPLE, (cx + 0.4 * r * math.cos(a), cy - 0.15 * r + 0.4 * r * math.sin(a)), r * 0.28)
    pygame.draw.circle(s, YELLOW, (cx, cy - 0.15 * r), r * 0.25)


def _moon(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pygame.draw.circle(s, YELLOW, (cx, cy), r * 0.8)
    pygame.draw.circle(s, BLUE, (cx + 0.4 * r, cy - 0.25 * r), r * 0.65)
    pygame.draw.circle(s, INK, (cx - 0.45 * r, cy + 0.05 * r), r * 0.07)
    for k in range(3):
        pygame.draw.polygon(s, WHITE, star_points(cx + (0.35 + 0.2 * k) * r, cy + (0.1 + 0.25 * (k % 2)) * r, r * 0.1))


def _fish(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pygame.draw.polygon(s, ORANGE, [(cx + 0.45 * r, cy), (cx + 0.95 * r, cy - 0.4 * r), (cx + 0.95 * r, cy + 0.4 * r)])
    pygame.draw.ellipse(s, ORANGE, (cx - 0.8 * r, cy - 0.45 * r, 1.4 * r, 0.9 * r))
    for dx in (-0.1, 0.2):
        pygame.draw.line(s, WHITE, (cx + dx * r, cy - 0.4 * r), (cx + dx * r, cy + 0.4 * r), max(2, int(r * 0.08)))
    pygame.draw.circle(s, WHITE, (cx - 0.45 * r, cy - 0.1 * r), r * 0.14)
    pygame.draw.circle(s, INK, (cx - 0.45 * r, cy - 0.1 * r), r * 0.07)
    for k in range(3):
        pygame.draw.circle(s, SKY, (cx - (0.9 - 0.05 * k) * r, cy - (0.45 + 0.25 * k) * r), r * (0.07 + 0.02 * k), 2)


def _balloon(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pygame.draw.line(s, INK, (cx, cy + 0.4 * r), (cx + 0.1 * r, cy + 0.95 * r), 2)
    pygame.draw.ellipse(s, VERMILLION, (cx - 0.5 * r, cy - 0.9 * r, 1.0 * r, 1.25 * r))
    pygame.draw.polygon(s, VERMILLION, [(cx - 0.1 * r, cy + 0.42 * r), (cx, cy + 0.3 * r), (cx + 0.1 * r, cy + 0.42 * r)])
    pygame.draw.ellipse(s, WHITE, (cx - 0.3 * r, cy - 0.7 * r, 0.2 * r, 0.35 * r))


def _tree(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pygame.draw.rect(s, BROWN, (cx - 0.12 * r, cy + 0.2 * r, 0.24 * r, 0.75 * r))
    for ox, oy, rr in ((0, -0.35, 0.5), (-0.4, 0.0, 0.38), (0.4, 0.0, 0.38), (0, 0.05, 0.45)):
        pygame.draw.circle(s, GREEN, (cx + ox * r, cy + oy * r), rr * r)
    for ox, oy in ((-0.2, -0.3), (0.25, -0.1), (-0.35, 0.1)):
        pygame.draw.circle(s, VERMILLION, (cx + ox * r, cy + oy * r), r * 0.08)


def _crown(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pts = [(cx - 0.8 * r, cy + 0.5 * r), (cx - 0.8 * r, cy - 0.5 * r), (cx - 0.4 * r, cy - 0.05 * r), (cx, cy - 0.7 * r), (cx + 0.4 * r, cy - 0.05 * r), (cx + 0.8 * r, cy - 0.5 * r), (cx + 0.8 * r, cy + 0.5 * r)]
    pygame.draw.polygon(s, YELLOW, pts)
    pygame.draw.polygon(s, ORANGE, pts, max(2, int(r * 0.06)))
    for dx, c in ((-0.45, VERMILLION), (0, SKY), (0.45, GREEN)):
        pygame.draw.circle(s, c, (cx + dx * r, cy + 0.22 * r), r * 0.12)
    for x in (-0.8, 0, 0.8):
        pygame.draw.circle(s, WHITE, (cx + x * r, cy - (0.7 if x == 0 else 0.5) * r), r * 0.09)


def _butterfly(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    for sx in (-1, 1):
        pygame.draw.ellipse(s, SKY, (cx + (0.05 if sx > 0 else -0.85) * r, cy - 0.75 * r, 0.8 * r, 0.8 * r))
        pygame.draw.ellipse(s, PURPLE, (cx + (0.05 if sx > 0 else -0.6) * r, cy - 0.05 * r, 0.55 * r, 0.65 * r))
        pygame.draw.circle(s, YELLOW, (cx + sx * 0.45 * r, cy - 0.35 * r), r * 0.14)
    pygame.draw.ellipse(s, INK, (cx - 0.09 * r, cy - 0.6 * r, 0.18 * r, 1.25 * r))
    for sx in (-1, 1):
        pygame.draw.line(s, INK, (cx, cy - 0.55 * r), (cx + sx * 0.25 * r, cy - 0.9 * r), 2)


def _icecream(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    pygame.draw.polygon(s, ORANGE, [(cx - 0.4 * r, cy), (cx, cy + 0.95 * r), (cx + 0.4 * r, cy)])
    for k in range(3):
        pygame.draw.line(s, BROWN, (cx - 0.3 * r + k * 0.2 * r, cy + 0.05 * r), (cx - 0.05 * r + k * 0.1 * r, cy + 0.5 * r), 2)
    pygame.draw.circle(s, PURPLE, (cx - 0.22 * r, cy - 0.15 * r), r * 0.3)
    pygame.draw.circle(s, CREAM, (cx + 0.22 * r, cy - 0.15 * r), r * 0.3)
    pygame.draw.circle(s, SKY, (cx, cy - 0.5 * r), r * 0.32)
    pygame.draw.circle(s, VERMILLION, (cx, cy - 0.85 * r), r * 0.1)


def _planet(s: pygame.Surface, cx: float, cy: float, r: float) -> None:
    ring = pygame.Rect(0, 0, 1.9 * r, 0.6 * r)
    ring.center = (int(cx), int(cy))
    pygame.draw.ellipse(s, YELLOW, ring, max(3, int(r * 0.1)))
    pygame.draw.circle(s, PURPLE, (cx, cy), r * 0.55)
    pygame.draw.circle(s, (220, 150, 190), (cx - 0.2 * r, cy - 0.2 * r), r * 0.12)
    front = pygame.Rect(0, 0, 1.9 * r, 0.6 * r)
    front.center = (int(cx), int(cy))
    pygame.draw.arc(s, YELLOW, front, math.pi, 2 * math.pi, max(3, int(r * 0.1)))


_STICKER_DRAW: dict[str, Callable[[pygame.Surface, float, float, float], None]] = {
    "sun": _sun, "rainbow": _rainbow, "rocket": _rocket, "heart": _heart, "star": _star, "flower": _flower,
    "moon": _moon, "fish": _fish, "balloon": _balloon, "tree": _tree, "crown": _crown, "butterfly": _butterfly,
    "icecream": _icecream, "planet": _planet,
}


def draw_sticker(surface: pygame.Surface, sticker_id: str, center: Point, size: float, locked: bool = False) -> None:
    """A round die-cut sticker with a white rim; `locked` draws a grey placeholder for the album."""
    cx, cy, r = _c(center, size)
    pygame.draw.circle(surface, INK, (cx, cy + r * 0.04), r)
    pygame.draw.circle(surface, WHITE, (cx, cy), r * 0.98)
    if locked:
        pygame.draw.circle(surface, (200, 200, 210), (cx, cy), r * 0.86)
        surface.blit(_question(r), _question(r).get_rect(center=(int(cx), int(cy))))
        return
    pygame.draw.circle(surface, (210, 232, 250) if sticker_id != "moon" else BLUE, (cx, cy), r * 0.86)
    name = sticker_id if sticker_id in _STICKER_DRAW else STICKERS[0]
    _STICKER_DRAW[name](surface, cx, cy, r * 0.7)


def _question(r: float) -> pygame.Surface:
    if not pygame.font.get_init():
        pygame.font.init()
    font = pygame.font.Font(None, max(8, int(r * 1.3)))
    return font.render("?", True, (150, 150, 165))


# --- result stars -------------------------------------------------------------------------------


def draw_star(surface: pygame.Surface, center: Point, r: float, filled: bool = True, color: Color = YELLOW, angle: float = 0.0) -> None:
    cx, cy = center
    pygame.draw.polygon(surface, INK, star_points(cx, cy + r * 0.06, r * 1.08, angle))
    pygame.draw.polygon(surface, color if filled else (90, 96, 120), star_points(cx, cy, r, angle))
    if filled:
        pygame.draw.polygon(surface, (255, 248, 190), star_points(cx - r * 0.1, cy - r * 0.12, r * 0.35, angle))


def draw_stars(surface: pygame.Surface, n_of_3: int, center: Point, size: float) -> None:
    """Three stars in a gentle arc, `n_of_3` of them gold; the middle one is biggest."""
    cx, cy = center
    n = max(0, min(3, n_of_3))
    lit = {0: (), 1: (1,), 2: (0, 1), 3: (0, 1, 2)}[n]
    for k, (dx, dy, scale) in enumerate(((-1.05, 0.18, 0.8), (0.0, 0.0, 1.0), (1.05, 0.18, 0.8))):
        draw_star(surface, (cx + dx * size * 0.5, cy + dy * size * 0.5), size * 0.25 * scale, k in lit)


# --- cue icons ----------------------------------------------------------------------------------


def _arrow(s: pygame.Surface, color: Color, a: Point, b: Point, w: int) -> None:
    pygame.draw.line(s, color, a, b, w)
    ang = math.atan2(b[1] - a[1], b[0] - a[0])
    h = w * 2.2
    pts = [(b[0] + h * math.cos(ang), b[1] + h * math.sin(ang)),
           (b[0] + h * math.cos(ang + 2.4), b[1] + h * math.sin(ang + 2.4)),
           (b[0] + h * math.cos(ang - 2.4), b[1] + h * math.sin(ang - 2.4))]
    pygame.draw.polygon(s, color, pts)


_CUE_FIGURE: dict[str, str] = {
    "get_ready": "star", "arms_higher": "arms_up", "arms_out": "arms_out", "jump": "jump",
    "feet_apart": "wide_feet", "go_lower": "squat", "stand_up": "stand", "knees_higher": "left_knee_up",
    "other_leg": "right_knee_up", "lift_leg": "flamingo", "hold_still": "stand", "copy_pose": "star",
    "step_back": "stand", "come_closer": "stand", "show_body": "stand", "come_back": "arms_up", "slow_down": "stand",
}


def draw_cue_icon(surface: pygame.Surface, cue_id: str, center: Point, size: float, theme: Theme | None = None) -> None:
    """A round cream badge with a picture of what the cue asks, for every id in CUES."""
    theme = theme or Theme.default()
    cx, cy, r = _c(center, size)
    pygame.draw.circle(surface, INK, (cx, cy), r)
    pygame.draw.circle(surface, CREAM, (cx, cy), r * 0.92)
    w = max(2, int(r * 0.09))
    fig_h = r * 1.25
    L, R = theme.left, theme.right
    if cue_id in ("great", "almost"):
        if cue_id == "great":
            draw_star(surface, (cx, cy), r * 0.62, True)
        else:
            draw_star(surface, (cx - r * 0.18, cy), r * 0.5, True)
            _arrow(surface, GREEN, (cx + r * 0.2, cy + r * 0.25), (cx + r * 0.45, cy - r * 0.35), w)
        return
    if cue_id == "keep_going":
        draw_figure(surface, FIGURES["march"], (cx - r * 0.22, cy + r * 0.05), fig_h * 0.9, INK, L, R)
        for k in range(2):
            x = cx + r * 0.3 + k * r * 0.28
            pygame.draw.polygon(surface, GREEN, [(x - r * 0.12, cy - r * 0.28), (x + r * 0.16, cy), (x - r * 0.12, cy + r * 0.28)])
        return
    if cue_id == "more_light":
        pygame.draw.circle(surface, YELLOW, (cx, cy - r * 0.12), r * 0.34)
        pygame.draw.circle(surface, INK, (cx, cy - r * 0.12), r * 0.34, max(2, w // 2))
        pygame.draw.rect(surface, (150, 150, 160), (cx - r * 0.16, cy + r * 0.22, r * 0.32, r * 0.22), border_radius=int(r * 0.05))
        for k in range(7):
            a = math.pi + k * math.pi / 6
            pygame.draw.line(surface, ORANGE, (cx + r * 0.45 * math.cos(a), cy - r * 0.12 + r * 0.45 * math.sin(a)), (cx + r * 0.68 * math.cos(a), cy - r * 0.12 + r * 0.68 * math.sin(a)), w)
        return
    if cue_id in ("show_hands", "open_hand", "use_left", "use_right", "other_hand", "show_fingers", "tap_next", "pinch", "follow_path"):
        hs = r * 1.25
        if cue_id == "show_hands":
            draw_hand_icon(surface, (cx - r * 0.32, cy), hs * 0.75, side="left", color=L)
            draw_hand_icon(surface, (cx + r * 0.32, cy), hs * 0.75, side="right", color=R)
        elif cue_id == "open_hand":
            draw_hand_icon(surface, (cx, cy), hs)
        elif cue_id == "use_left":
            draw_hand_icon(surface, (cx, cy), hs, side="left", color=L)
        elif cue_id == "use_right":
            draw_hand_icon(surface, (cx, cy), hs, side="right", color=R)
        elif cue_id == "other_hand":
            draw_hand_icon(surface, (cx - r * 0.3, cy + r * 0.05), hs * 0.7, side="left", color=L)
            draw_hand_icon(surface, (cx + r * 0.3, cy + r * 0.05), hs * 0.7, side="right", color=R)
            _arrow(surface, INK, (cx - r * 0.3, cy - r * 0.62), (cx + r * 0.2, cy - r * 0.62), max(2, w // 2))
        elif cue_id == "show_fingers":
            draw_hand_icon(surface, (cx, cy), hs, fingers_for_count(3))
        elif cue_id == "tap_next":
            tips = draw_hand_icon(surface, (cx, cy), hs, (True, True, False, False, False), highlight=1)
            pygame.draw.circle(surface, GREEN, tips[1], r * 0.12, max(2, w // 2))
        elif cue_id == "pinch":
            # thumb and index meeting
            pygame.draw.circle(surface, PEACH, (cx, cy + r * 0.2), r * 0.32)
            pygame.draw.circle(surface, INK, (cx, cy + r * 0.2), r * 0.32, max(2, w // 2))
            pygame.draw.line(surface, INK, (cx - r * 0.2, cy), (cx + r * 0.05, cy - r * 0.45), w + 4)
            pygame.draw.line(surface, PEACH, (cx - r * 0.2, cy), (cx + r * 0.05, cy - r * 0.45), w)
            pygame.draw.line(surface, INK, (cx + r * 0.25, cy + r * 0.05), (cx + r * 0.08, cy - r * 0.42), w + 4)
            pygame.draw.line(surface, PEACH, (cx + r * 0.25, cy + r * 0.05), (cx + r * 0.08, cy - r * 0.42), w)
            pygame.draw.circle(surface, VERMILLION, (cx + r * 0.07, cy - r * 0.52), r * 0.1)
        else:  # follow_path
            pts = [(cx - r * 0.6 + k * r * 0.12, cy + r * 0.35 * math.sin(k * 0.7)) for k in range(11)]
            pygame.draw.lines(surface, YELLOW, False, pts, w * 2)
            pygame.draw.lines(surface, ORANGE, False, pts, max(2, w // 2))
            draw_hand_icon(surface, (pts[4][0] + r * 0.05, pts[4][1] + r * 0.35), r * 0.7, (False, True, False, False, False))
        return
    fig = FIGURES[_CUE_FIGURE.get(cue_id, "stand")]
    fcenter = (cx, cy + r * 0.05)
    if cue_id == "step_back":
        draw_figure(surface, fig, (cx, cy + r * 0.08), fig_h * 0.6, INK, L, R)
        _arrow(surface, GREEN, (cx + r * 0.62, cy - r * 0.45), (cx + r * 0.35, cy - r * 0.2), w)
        _arrow(surface, GREEN, (cx - r * 0.62, cy - r * 0.45), (cx - r * 0.35, cy - r * 0.2), w)
        return
    if cue_id == "come_closer":
        draw_figure(surface, fig, (cx, cy + r * 0.08), fig_h * 0.9, INK, L, R)
        _arrow(surface, GREEN, (cx + r * 0.3, cy - r * 0.2), (cx + r * 0.55, cy - r * 0.5), w)
        _arrow(surface, GREEN, (cx - r * 0.3, cy - r * 0.2), (cx - r * 0.55, cy - r * 0.5), w)
        return
    if cue_id == "show_body":
        rect = pygame.Rect(0, 0, r * 1.0, r * 1.4)
        rect.center = (int(cx), int(cy))
        pygame.draw.rect(surface, GREEN, rect, max(2, w // 2), border_radius=int(r * 0.1))
        draw_figure(surface, fig, (cx, cy + r * 0.04), fig_h * 0.85, INK, L, R)
        return
    draw_figure(surface, fig, fcenter, fig_h, INK, L, R)
    if cue_id == "arms_higher":
        _arrow(surface, GREEN, (cx - r * 0.58, cy + r * 0.1), (cx - r * 0.58, cy - r * 0.45), w)
        _arrow(surface, GREEN, (cx + r * 0.58, cy + r * 0.1), (cx + r * 0.58, cy - r * 0.45), w)
    elif cue_id == "arms_out":
        _arrow(surface, GREEN, (cx - r * 0.2, cy - r * 0.55), (cx - r * 0.55, cy - r * 0.55), w)
        _arrow(surface, GREEN, (cx + r * 0.2, cy - r * 0.55), (cx + r * 0.55, cy - r * 0.55), w)
    elif cue_id == "jump":
        pygame.draw.line(surface, GREEN, (cx - r * 0.3, cy + r * 0.72), (cx + r * 0.3, cy + r * 0.72), w)
    elif cue_id == "feet_apart":
        _arrow(surface, GREEN, (cx - r * 0.15, cy + r * 0.72), (cx - r * 0.5, cy + r * 0.72), max(2, w // 2 + 1))
        _arrow(surface, GREEN, (cx + r * 0.15, cy + r * 0.72), (cx + r * 0.5, cy + r * 0.72), max(2, w // 2 + 1))
    elif cue_id == "go_lower":
        _arrow(surface, GREEN, (cx + r * 0.6, cy - r * 0.5), (cx + r * 0.6, cy + r * 0.1), w)
    elif cue_id == "stand_up":
        _arrow(surface, GREEN, (cx + r * 0.6, cy + r * 0.3), (cx + r * 0.6, cy - r * 0.35), w)
    elif cue_id in ("knees_higher", "other_leg", "lift_leg"):
        x = cx - r * 0.55 if cue_id != "other_leg" else cx + r * 0.55
        _arrow(surface, GREEN, (x, cy + r * 0.55), (x, cy), w)
    elif cue_id == "hold_still":
        for sx in (-1, 1):
            pygame.draw.line(surface, GREEN, (cx + sx * r * 0.55, cy - r * 0.4), (cx + sx * r * 0.55, cy + r * 0.4), w)
    elif cue_id == "slow_down":
        pygame.draw.circle(surface, SKY, (cx + r * 0.45, cy - r * 0.4), r * 0.22)
        pygame.draw.line(surface, INK, (cx + r * 0.45, cy - r * 0.4), (cx + r * 0.45, cy - r * 0.55), 2)
        pygame.draw.line(surface, INK, (cx + r * 0.45, cy - r * 0.4), (cx + r * 0.56, cy - r * 0.4), 2)
    elif cue_id == "come_back":
        _heart(surface, cx + r * 0.5, cy - r * 0.45, r * 0.2)
    elif cue_id == "copy_pose":
        pygame.draw.rect(surface, GREEN, pygame.Rect(cx - r * 0.62, cy - r * 0.62, r * 1.24, r * 1.24), max(2, w // 2), border_radius=int(r * 0.15))
    elif cue_id == "get_ready":
        pass


# --- buttons -----------------------------------------------------------------------------------


def draw_ui_icon(surface: pygame.Surface, icon: str, center: Point, size: float, color: Color = INK) -> None:
    """Plain pictograms for buttons: play, next, again, back, pause, home, gear, plus, album,
    check, lock, hand."""
    cx, cy, r = _c(center, size)
    w = max(2, int(r * 0.16))
    if icon == "play":
        pygame.draw.polygon(surface, color, [(cx - r * 0.45, cy - r * 0.6), (cx + r * 0.6, cy), (cx - r * 0.45, cy + r * 0.6)])
    elif icon == "next":
        for dx in (-0.35, 0.25):
            pygame.draw.polygon(surface, color, [(cx + (dx - 0.3) * r, cy - r * 0.5), (cx + (dx + 0.3) * r, cy), (cx + (dx - 0.3) * r, cy + r * 0.5)])
    elif icon == "again":
        rect = pygame.Rect(0, 0, r * 1.2, r * 1.2)
        rect.center = (int(cx), int(cy))
        pygame.draw.arc(surface, color, rect, 0.6, 2 * math.pi - 0.3, w)
        a = 0.6
        tip = (cx + r * 0.6 * math.cos(a), cy - r * 0.6 * math.sin(a))
        pygame.draw.polygon(surface, color, [(tip[0] - r * 0.3, tip[1] - r * 0.05), (tip[0] + r * 0.2, tip[1] - r * 0.2), (tip[0] + r * 0.05, tip[1] + r * 0.3)])
    elif icon == "back":
        _arrow(surface, color, (cx + r * 0.6, cy), (cx - r * 0.15, cy), int(w * 1.5))
    elif icon == "pause":
        for dx in (-0.28, 0.28):
            pygame.draw.rect(surface, color, (cx + dx * r - r * 0.13, cy - r * 0.5, r * 0.26, r * 1.0), border_radius=int(r * 0.06))
    elif icon == "home":
        pygame.draw.polygon(surface, color, [(cx - r * 0.65, cy - r * 0.05), (cx, cy - r * 0.65), (cx + r * 0.65, cy - r * 0.05)])
        pygame.draw.rect(surface, color, (cx - r * 0.45, cy - r * 0.1, r * 0.9, r * 0.7))
        pygame.draw.rect(surface, CREAM, (cx - r * 0.12, cy + r * 0.2, r * 0.24, r * 0.4))
    elif icon == "gear":
        for k in range(8):
            a = k * math.pi / 4
            pygame.draw.line(surface, color, (cx, cy), (cx + r * 0.7 * math.cos(a), cy + r * 0.7 * math.sin(a)), int(r * 0.3))
        pygame.draw.circle(surface, color, (cx, cy), r * 0.5)
        pygame.draw.circle(surface, CREAM, (cx, cy), r * 0.2)
    elif icon == "plus":
        pygame.draw.rect(surface, color, (cx - r * 0.12, cy - r * 0.6, r * 0.24, r * 1.2), border_radius=int(r * 0.08))
        pygame.draw.rect(surface, color, (cx - r * 0.6, cy - r * 0.12, r * 1.2, r * 0.24), border_radius=int(r * 0.08))
    elif icon == "album":
        pygame.draw.rect(surface, color, (cx - r * 0.6, cy - r * 0.65, r * 1.2, r * 1.3), border_radius=int(r * 0.1))
        pygame.draw.polygon(surface, YELLOW, star_points(cx, cy, r * 0.4))
    elif icon == "check":
        pygame.draw.lines(surface, color, False, [(cx - r * 0.55, cy), (cx - r * 0.15, cy + r * 0.45), (cx + r * 0.6, cy - r * 0.5)], int(w * 1.4))
    elif icon == "lock":
        rect = pygame.Rect(0, 0, r * 0.8, r * 0.9)
        rect.center = (int(cx), int(cy - r * 0.25))
        pygame.draw.arc(surface, color, rect, 0, math.pi, w)
        pygame.draw.rect(surface, color, (cx - r * 0.55, cy - r * 0.2, r * 1.1, r * 0.85), border_radius=int(r * 0.12))
    elif icon == "hand":
        draw_hand_icon(surface, (cx, cy), size)
    else:
        pygame.draw.circle(surface, color, (cx, cy), r * 0.5)


def draw_icon(surface: pygame.Surface, icon: str, center: Point, size: float, theme: Theme | None = None) -> None:
    """Any named picture: an avatar, a sticker, a cue or a button pictogram."""
    from exercises.events import CUES

    if icon in _AVATAR_DRAW:
        draw_avatar(surface, icon, center, size)
    elif icon in _STICKER_DRAW:
        draw_sticker(surface, icon, center, size)
    elif icon in CUES:
        draw_cue_icon(surface, icon, center, size, theme)
    else:
        draw_ui_icon(surface, icon, center, size)


def draw_hold_ring(surface: pygame.Surface, center: Point, radius: float, fill: float, color: Color = GREEN, width: int = 10) -> None:
    """The ring that fills while a hand (or the mouse) hovers over a button: full at 1."""
    fill = max(0.0, min(1.0, fill))
    if fill <= 0:
        return
    cx, cy = center
    rect = pygame.Rect(0, 0, radius * 2, radius * 2)
    rect.center = (int(cx), int(cy))
    pygame.draw.circle(surface, INK, (cx, cy), radius + 2, width + 4)
    pygame.draw.circle(surface, WHITE, (cx, cy), radius, width)
    if fill >= 1:
        pygame.draw.circle(surface, color, (cx, cy), radius, width)
    else:
        start = math.pi / 2 - 2 * math.pi * fill
        pygame.draw.arc(surface, color, rect, start, math.pi / 2, width)
        # round cap at the moving end
        a = start
        pygame.draw.circle(surface, color, (cx + (radius - width / 2) * math.cos(a), cy - (radius - width / 2) * math.sin(a)), width / 2)


def draw_button(
    surface: pygame.Surface,
    rect: pygame.Rect,
    label: str,
    icon: str | None,
    theme: Theme,
    hover_fill: float = 0.0,
    color: Color | None = None,
) -> None:
    """A big rounded button: picture on the left (or centred with no label), words beside it,
    and a ring around the picture that fills while it is held.  It grows a little when hovered."""
    rect = pygame.Rect(rect)
    hovered = hover_fill > 0
    if hovered:
        rect = rect.inflate(int(rect.w * 0.04), int(rect.h * 0.04))
    radius = int(min(rect.w, rect.h) * 0.3)
    shadow = rect.move(0, max(4, rect.h // 14))
    pygame.draw.rect(surface, theme.shadow, shadow, border_radius=radius)
    pygame.draw.rect(surface, color or theme.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, theme.accent if hovered else theme.panel_edge, rect, max(3, rect.h // 20), border_radius=radius)
    pad = rect.h * 0.12
    icon_size = rect.h - 2 * pad
    if icon:
        if label:
            ic = (rect.left + pad + icon_size / 2 + rect.h * 0.05, rect.centery)
        else:
            ic = rect.center
        draw_icon(surface, icon, ic, icon_size * 0.82, theme)
        draw_hold_ring(surface, ic, icon_size / 2, hover_fill, theme.good, max(5, int(rect.h * 0.08)))
    else:
        ic = None
    if label:
        size = max(14, int(rect.h * 0.42))
        text = theme.label(label, size, theme.text_dark)
        if ic is not None:
            left = ic[0] + icon_size / 2 + pad
            area_w = rect.right - pad - left
            pos = text.get_rect(midleft=(int(left + max(0, (area_w - text.get_width()) / 2)), rect.centery))
        else:
            pos = text.get_rect(center=rect.center)
        surface.blit(text, pos)
    if ic is None and hover_fill > 0:
        # no picture: fill a bar along the bottom edge instead of a ring
        bar = pygame.Rect(rect.left + radius // 2, rect.bottom - rect.h // 8, int((rect.w - radius) * min(1.0, hover_fill)), rect.h // 12)
        pygame.draw.rect(surface, theme.good, bar, border_radius=bar.h // 2)
