"""Pieces several scenes draw: the sky backdrop, the camera picture, hand cursors, headings,
and an icon for every activity."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.render import art
from game.theme import Theme

if TYPE_CHECKING:
    from game.context import GameContext

# A picture for each activity (avatars, stickers and cue icons that LOOK draws).
ACTIVITY_ICONS: dict[str, str] = {
    "jumping_jacks": "jump",
    "arm_raises": "arms_higher",
    "reach_stars": "star",
    "flamingo_balance": "lift_leg",
    "frog_squats": "frog",
    "bunny_hops": "bunny",
    "march_in_place": "knees_higher",
    "copy_the_pose": "copy_pose",
    "bubble_pop": "balloon",
    "air_trace": "follow_path",
    "finger_count": "show_fingers",
    "finger_taps": "tap_next",
    "pinch_and_sort": "pinch",
}


def activity_icon(activity_id: str) -> str:
    return ACTIVITY_ICONS.get(activity_id, "star")


def blit_cached(surface: pygame.Surface, theme: Theme, key: tuple[object, ...], center: tuple[float, float],
                size: float, draw: Callable[[pygame.Surface, tuple[float, float], float], None]) -> None:
    """Draw a procedural picture once into a cached sprite, then just blit it (art is costly
    to redraw every frame at 60 fps)."""
    side = int(size * 1.3) + 2

    def make() -> pygame.Surface:
        sprite = pygame.Surface((side, side), pygame.SRCALPHA)
        draw(sprite, (side / 2, side / 2), size)
        return sprite

    sprite = theme.sprite(("wq-core", *key, int(size)), make)
    surface.blit(sprite, sprite.get_rect(center=(int(center[0]), int(center[1]))))


def draw_activity_icon(surface: pygame.Surface, activity_id: str, center: tuple[float, float], size: float,
                       theme: Theme) -> None:
    drawer = getattr(art, "draw_activity_icon", None)

    def draw(s: pygame.Surface, c: tuple[float, float], z: float) -> None:
        if activity_id == "bubble_pop":  # bubbles, not the balloons that arm raises fills
            draw_bubbles_icon(s, c, z, theme)
        elif drawer is not None:
            drawer(s, activity_id, c, z, theme)
        else:
            art.draw_icon(s, activity_icon(activity_id), c, z, theme)

    blit_cached(surface, theme, ("activity", activity_id), center, size, draw)


def draw_bubbles_icon(surface: pygame.Surface, center: tuple[float, float], size: float, theme: Theme) -> None:
    """Three soap bubbles, as bubble_pop draws them (tinted, rimmed, with a shine)."""
    cx, cy = center
    for dx, dy, k, color in ((-0.17, 0.12, 0.25, theme.left), (0.19, 0.16, 0.19, theme.good),
                             (0.06, -0.2, 0.16, theme.right)):
        x, y, r = cx + dx * size, cy + dy * size, k * size
        tint = tuple(int(v * 0.55 + 255 * 0.45) for v in color)
        pygame.draw.circle(surface, tint, (x, y), r)
        pygame.draw.circle(surface, theme.text_dark, (x, y), r + 2, 3)
        pygame.draw.circle(surface, color, (x, y), r, max(3, int(r // 6)))
        pygame.draw.circle(surface, (255, 255, 255), (x - r * 0.38, y - r * 0.38), max(3, r * 0.2))


def draw_sticker(surface: pygame.Surface, theme: Theme, sticker_id: str, center: tuple[float, float], size: float,
                 locked: bool = False) -> None:
    blit_cached(surface, theme, ("sticker", sticker_id, locked), center, size,
                lambda s, c, z: art.draw_sticker(s, sticker_id, c, z, locked=locked))


def draw_avatar(surface: pygame.Surface, theme: Theme, avatar_id: str, center: tuple[float, float], size: float) -> None:
    blit_cached(surface, theme, ("avatar", avatar_id), center, size,
                lambda s, c, z: art.draw_avatar(s, avatar_id, c, z))


def draw_sky(surface: pygame.Surface, ctx: GameContext) -> None:
    """The friendly backdrop behind menus (LOOK's camera layer without a picture)."""
    ctx.backdrop.draw(surface)


def heading(surface: pygame.Surface, theme: Theme, words: str, center: tuple[float, float], size: int = 72,
            color: tuple[int, int, int] | None = None) -> None:
    text = theme.label(words, size, color or theme.text, outline=True)
    surface.blit(text, text.get_rect(center=(int(center[0]), int(center[1]))))


def small_text(surface: pygame.Surface, theme: Theme, words: str, pos: tuple[float, float], size: int = 30,
               color: tuple[int, int, int] | None = None, anchor: str = "topleft") -> pygame.Rect:
    text = theme.label(words, size, color or theme.text)
    rect = text.get_rect(**{anchor: (int(pos[0]), int(pos[1]))})
    surface.blit(text, rect)
    return rect


def draw_hand_cursors(surface: pygame.Surface, ctx: GameContext, t: float) -> None:
    """Show the child where the game sees their hands, so holding over a button makes sense."""
    for i, (x, y) in enumerate(ctx.input.hands):
        pulse = 1.0 + 0.08 * math.sin(t * 4.0 + i)
        r = int(26 * pulse)
        color = ctx.theme.left if i == 0 else ctx.theme.right
        pygame.draw.circle(surface, ctx.theme.shadow, (int(x), int(y) + 4), r)
        pygame.draw.circle(surface, color, (int(x), int(y)), r)
        pygame.draw.circle(surface, (255, 255, 255), (int(x), int(y)), r, 5)
        art.draw_ui_icon(surface, "hand", (x, y), r * 1.5)


def bob(t: float, speed: float = 2.0, amount: float = 8.0, phase: float = 0.0) -> float:
    """A gentle up-down offset in pixels (well under 3 Hz)."""
    return amount * math.sin(t * speed + phase)
