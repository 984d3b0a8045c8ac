"""Colours and type for the whole game, in one place so every scene looks like one game.

The palette is Okabe-Ito (safe for the common colour-vision differences): the child's left side
is sky blue and the right side orange, a pair that stays apart for every kind of colour
blindness; "good" is bluish green and "gentle" (try again) a soft purple — never red.
The font is the one bundled with pygame-ce, so screenshots are the same on every machine.
Rendered text is cached per (text, size, colour): the game draws the same words every frame.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

import pygame

Color = tuple[int, int, int]

# Okabe-Ito, the palette for colour-blind-safe charts.
ORANGE: Color = (230, 159, 0)
SKY: Color = (86, 180, 233)
GREEN: Color = (0, 158, 115)
YELLOW: Color = (240, 228, 66)
BLUE: Color = (0, 114, 178)
VERMILLION: Color = (213, 94, 0)
PURPLE: Color = (204, 121, 167)
WHITE: Color = (255, 255, 255)
INK: Color = (20, 24, 44)

NAMED: dict[str, Color] = {
    "red": VERMILLION, "orange": ORANGE, "yellow": YELLOW, "green": GREEN, "blue": SKY,
    "dark blue": BLUE, "purple": PURPLE, "pink": PURPLE,
}


@dataclass
class Theme:
    """Named colours plus a cached font and text renderer."""

    bg: Color = (27, 42, 73)  # deep night blue behind everything
    bg2: Color = (44, 72, 122)  # lighter blue for gradients
    panel: Color = (250, 247, 238)  # cream cards and buttons
    panel_edge: Color = INK
    text: Color = WHITE  # on dark backgrounds
    text_dark: Color = INK  # on panels
    accent: Color = YELLOW  # stars, highlights
    good: Color = GREEN
    gentle: Color = PURPLE  # try again, never red
    left: Color = SKY  # the child's left side
    right: Color = ORANGE  # the child's right side
    shadow: Color = (10, 12, 24)
    grass: Color = (0, 158, 115)
    # Indexed by Target.color: distinct in hue and lightness.
    palette: tuple[Color, ...] = (ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE)
    palette_names: tuple[str, ...] = ("orange", "blue", "green", "yellow", "dark blue", "red", "pink")
    _fonts: dict[int, pygame.font.Font] = field(default_factory=dict, init=False, repr=False, compare=False)
    _texts: dict[tuple[str, int, Color, bool], pygame.Surface] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    _sprites: dict[Hashable, pygame.Surface] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def default(cls) -> Theme:
        return cls()

    def side_color(self, side: str | None) -> Color:
        if side == "left":
            return self.left
        if side == "right":
            return self.right
        return self.accent

    def color(self, index: int) -> Color:
        return self.palette[index % len(self.palette)]

    def color_for(self, label: str, index: int = 0) -> Color:
        """A target's colour: its label when that names a colour (pinch_and_sort's "red"),
        else the palette entry `index`."""
        return NAMED.get(label.lower(), self.color(index)) if label else self.color(index)

    def font(self, size: int) -> pygame.font.Font:
        """pygame-ce's bundled font at this pixel size (cached)."""
        font = self._fonts.get(size)
        if font is None:
            if not pygame.font.get_init():
                pygame.font.init()
            font = pygame.font.Font(None, size)
            self._fonts[size] = font
        return font

    def label(self, words: str, size: int, color: Color | None = None, outline: bool = False) -> pygame.Surface:
        """Rendered words (cached); with `outline` a dark rim keeps them readable over the camera."""
        c = color or self.text
        key = (words, size, c, outline)
        surf = self._texts.get(key)
        if surf is None:
            if len(self._texts) > 512:
                self._texts.clear()
            body = self.font(size).render(words, True, c)
            if outline:
                rim = self.font(size).render(words, True, self.shadow)
                r = max(2, size // 16)
                surf = pygame.Surface((body.get_width() + 2 * r, body.get_height() + 2 * r), pygame.SRCALPHA)
                for dx in (-r, 0, r):
                    for dy in (-r, 0, r):
                        if dx or dy:
                            surf.blit(rim, (r + dx, r + dy))
                surf.blit(body, (r, r))
            else:
                surf = body
            self._texts[key] = surf
        return surf

    def sprite(self, key: Hashable, make: Callable[[], pygame.Surface]) -> pygame.Surface:
        """A drawn picture cached by key (bubbles, glows, cards): drawn once, blitted every frame."""
        surf = self._sprites.get(key)
        if surf is None:
            if len(self._sprites) > 256:
                self._sprites.clear()
            surf = make()
            self._sprites[key] = surf
        return surf
