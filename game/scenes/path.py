"""Today's path: the therapist's activities as stepping stones, the done ones ticked, the next
one bouncing.  Without a plan: every activity in the catalog, free to pick."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from exercises import catalog
from game.render import art
from game.scenes.base import Scene
from game.scenes.common import (
    bob,
    draw_activity_icon,
    draw_avatar,
    draw_hand_cursors,
    draw_sky,
    draw_sticker,
    small_text,
)
from game.storage import PlanStep
from game.widgets import Button

if TYPE_CHECKING:
    from game.context import GameContext


def free_play_ids(seated: bool) -> list[str]:
    """The whole catalog; in seated mode only what can be played sitting down (a seated variant,
    or the hands alone)."""
    ids = catalog.ids()
    if not seated:
        return ids
    return [a for a in ids if catalog.info(a).seated_variant or catalog.info(a).needs == "hands"]


class PathScene(Scene):
    name = "path"

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.steps: list[PlanStep] = []
        self.free_play = False
        self.played_today: set[str] = set()
        self.streak = 0
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        assert ctx.player is not None
        nick = ctx.player.nickname
        _, steps = ctx.storage.today(nick, ctx.today())
        self.free_play = not steps
        self.steps = steps or [PlanStep(a) for a in free_play_ids(ctx.settings.seated_mode)]
        self.played_today = {line.activity_id for line in ctx.storage.log(nick, ctx.today())}
        self.streak = ctx.storage.streak(nick, ctx.today())
        self.layout()

    def done(self, i: int) -> bool:
        step = self.steps[i]
        return step.complete if not self.free_play else step.activity_id in self.played_today

    def next_index(self) -> int:
        for i in range(len(self.steps)):
            if not self.done(i):
                return i
        return 0

    def stone_centres(self) -> list[tuple[float, float]]:
        n = len(self.steps)
        w, _ = self.ctx.canvas_size
        if self.free_play:
            out = []
            for i in range(n):
                row, col = divmod(i, 7)
                count = min(7, n - row * 7)
                x0 = w / 2 - (count - 1) * 80
                out.append((x0 + col * 160, 300 + row * 190))
            return out
        span = min(w - 260, 170 * (n - 1)) if n > 1 else 0
        x0 = w / 2 - span / 2
        return [(x0 + (span * i / (n - 1) if n > 1 else 0), 400 + 80 * math.sin(i * 1.3)) for i in range(n)]

    def stone_size(self) -> int:
        if self.free_play:
            return 140
        return int(min(150, max(90, (self.ctx.canvas_size[0] - 200) / max(1, len(self.steps)) - 24)))

    def layout(self) -> None:
        self.buttons.items.clear()
        size = self.stone_size()
        for i, (x, y) in enumerate(self.stone_centres()):
            rect = pygame.Rect(0, 0, size, size)
            rect.center = (int(x), int(y))
            self.buttons.add(Button(f"step:{i}", rect))
        w, h = self.ctx.canvas_size
        self.buttons.add(Button("play", pygame.Rect(w // 2 - 150, h - 150, 300, 120), icon="play", label="Go!"))
        self.buttons.add(Button("home", pygame.Rect(24, 24, 100, 100), icon="home"))
        self.buttons.add(Button("album", pygame.Rect(w - 124, 24, 100, 100), icon="album"))
        if self.free_play:
            self.buttons.get("play").enabled = False

    def on_enter(self) -> None:
        self.ctx.feed.begin(None, None)

    def resume(self) -> None:
        self.ctx.feed.begin(None, None)
        self.refresh()

    def on_button(self, button_id: str) -> None:
        from game.scenes.album import AlbumScene

        if button_id.startswith("step:"):
            self.start(int(button_id.split(":")[1]))
        elif button_id == "play":
            self.start(self.next_index())
        elif button_id == "home":
            self.on_back()
        elif button_id == "album":
            self.ctx.scenes.push(AlbumScene(self.ctx))

    def on_back(self) -> None:
        self.ctx.end_session()
        self.ctx.scenes.pop()

    def start(self, index: int) -> None:
        from game.scenes.ready import GetReadyScene

        self.ctx.audio.play("whoosh")
        self.ctx.scenes.push(GetReadyScene(self.ctx, self.steps[index], self.steps[index + 1:]))

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        ctx = self.ctx
        draw_sky(surface, ctx)
        centres = self.stone_centres()
        if not self.free_play and len(centres) > 1:
            for (x0, y0), (x1, y1) in zip(centres, centres[1:], strict=False):
                for k in range(1, 6):
                    u = k / 6
                    pygame.draw.circle(surface, (240, 232, 200), (int(x0 + (x1 - x0) * u), int(y0 + (y1 - y0) * u)), 9)
        nxt = self.next_index()
        size = self.stone_size()
        for i, b in enumerate(self.buttons.items[: len(self.steps)]):
            x, y = b.rect.center
            done = self.done(i)
            lift = bob(self.t, 3.0, 10) if i == nxt and not self.free_play else 0.0
            color = theme.good if done else theme.panel
            art.draw_button(surface, b.rect.move(0, int(lift)), "", None, theme, b.fill, color=color)
            draw_activity_icon(surface, self.steps[i].activity_id, (x, y + lift), size * 0.7, theme)
            if b.fill > 0:
                art.draw_hold_ring(surface, (x, y + lift), size * 0.45, b.fill, theme.good, 10)
            if done:
                pygame.draw.circle(surface, theme.panel, (x + size * 0.38, y - size * 0.38 + lift), size * 0.18)
                art.draw_ui_icon(surface, "check", (x + size * 0.38, y - size * 0.38 + lift), size * 0.3, theme.good)
        if not self.free_play and centres:
            fx, fy = centres[nxt]
            draw_avatar(surface, theme, ctx.player.avatar if ctx.player else "fox", (fx, fy - size * 0.95 + bob(self.t, 3.0, 10)), size * 0.7)
        for b in self.buttons.items[len(self.steps):]:
            if b.enabled:
                art.draw_button(surface, b.rect, b.label, b.icon, theme, b.fill)
        if self.buttons.focus_visible:
            fb = self.buttons.items[self.buttons.focus]
            pygame.draw.rect(surface, theme.accent, fb.rect.inflate(16, 16), 6, border_radius=fb.rect.w // 3)
        if ctx.player is not None:
            draw_avatar(surface, theme, ctx.player.avatar, (190, 74), 90)
            small_text(surface, theme, ctx.player.nickname, (245, 74), 52, anchor="midleft")
        w = ctx.canvas_size[0]
        if self.streak:
            draw_sticker(surface, theme, "sun", (w - 250, 74), 84)
            small_text(surface, theme, f"{self.streak}", (w - 200, 74), 64, theme.accent, anchor="midleft")
        draw_hand_cursors(surface, ctx, self.t)
