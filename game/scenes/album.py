"""The sticker album: every sticker there is, the earned ones in colour (with how many),
the others waiting as question marks."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pygame

from game.render import art
from game.scenes.base import Scene
from game.scenes.common import bob, draw_hand_cursors, draw_sky, draw_sticker, heading, small_text
from game.widgets import Button

if TYPE_CHECKING:
    from game.context import GameContext

COLUMNS = 7


class AlbumScene(Scene):
    name = "album"

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        nick = ctx.player.nickname if ctx.player else ""
        self.owned = Counter(ctx.storage.stickers(nick)) if nick else Counter()
        self.buttons.add(Button("back", pygame.Rect(30, 30, 110, 110), icon="back"))

    def on_button(self, button_id: str) -> None:
        self.on_back()

    def on_back(self) -> None:
        self.ctx.scenes.pop()

    def slots(self) -> list[tuple[str, tuple[float, float]]]:
        w, _ = self.ctx.canvas_size
        out = []
        for i, sticker in enumerate(art.STICKERS):
            row, col = divmod(i, COLUMNS)
            out.append((sticker, (w / 2 + (col - (COLUMNS - 1) / 2) * 160, 290 + row * 200)))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        draw_sky(surface, self.ctx)
        w, _ = self.ctx.canvas_size
        heading(surface, theme, "", (w / 2, 90))
        art.draw_ui_icon(surface, "album", (w / 2, 95), 120, theme.panel)
        for i, (sticker, (x, y)) in enumerate(self.slots()):
            have = self.owned.get(sticker, 0)
            pygame.draw.circle(surface, theme.bg2 if not have else theme.panel, (int(x), int(y)), 72)
            if have:
                draw_sticker(surface, theme, sticker, (x, y + bob(self.t, 2.0, 4, i)), 120)
                if have > 1:
                    pygame.draw.circle(surface, theme.accent, (int(x + 52), int(y - 52)), 24)
                    small_text(surface, theme, str(have), (x + 52, y - 52), 34, theme.text_dark, anchor="center")
            else:
                draw_sticker(surface, theme, sticker, (x, y), 120, locked=True)
        super().draw(surface)
        draw_hand_cursors(surface, self.ctx, self.t)
