"""Results: one to three stars, a sticker for the album, the streak of days, and big buttons
for again / next / home.  Everything here was already saved by the play scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from exercises.api import ActivityResult
from exercises.calibration import Calibration
from game.input import Intents
from game.render import art
from game.render.effects import Effects
from game.scenes.base import Scene
from game.scenes.common import (
    bob,
    draw_activity_icon,
    draw_hand_cursors,
    draw_sky,
    draw_sticker,
    small_text,
)
from game.storage import PlanStep
from game.widgets import Button

if TYPE_CHECKING:
    from game.context import GameContext

STAR_EVERY_S = 0.45


def stars_for(result: ActivityResult) -> int:
    """Always at least one star for playing; two for finishing; three for finishing well."""
    if not result.completed:
        return 1
    good = (result.success_rate is None or result.success_rate >= 0.75) and result.tracking_quality >= 0.7
    return 3 if good else 2


def next_sticker(owned: list[str], stickers: tuple[str, ...]) -> str:
    """The first sticker the child does not have yet (then round again)."""
    for s in stickers:
        if s not in owned:
            return s
    return stickers[len(owned) % len(stickers)]


class ResultsScene(Scene):
    name = "results"

    def __init__(self, ctx: GameContext, step: PlanStep, rest: list[PlanStep], result: ActivityResult,
                 calibration: Calibration | None = None) -> None:
        super().__init__(ctx)
        self.step = step
        self.rest = rest
        self.result = result
        self.calibration = calibration
        self.stars = stars_for(result)
        self.sticker: str | None = None
        self.effects = Effects(ctx.theme, seed=3)
        self._shown = 0
        player = ctx.player
        nick = player.nickname if player else ""
        if result.completed and player is not None:
            try:
                self.sticker = next_sticker(ctx.storage.stickers(nick), art.STICKERS)
                ctx.storage.add_sticker(nick, self.sticker, ctx.session.id if ctx.session else None)
            except Exception:
                self.sticker = None
        try:
            self.streak = ctx.storage.streak(nick, ctx.today()) if player else 0
        except Exception:
            self.streak = 0
        self.over = ctx.session_over()
        w, h = ctx.canvas_size
        y = h - 190
        self.buttons.add(Button("again", pygame.Rect(w // 2 - 430, y, 250, 150), icon="again"))
        self.buttons.add(Button("next", pygame.Rect(w // 2 - 125, y, 250, 150), icon="next"))
        self.buttons.add(Button("home", pygame.Rect(w // 2 + 180, y, 250, 150), icon="home"))
        if self.over:  # the grown-ups' session limit: time for a rest, home is the one way on
            self.buttons.get("again").enabled = False
            self.buttons.get("next").enabled = False
            self.buttons.get("home").rect.centerx = w // 2

    def on_enter(self) -> None:
        self.ctx.feed.begin(None, None)
        w, h = self.ctx.canvas_size
        self.effects.burst(w / 2, h * 0.3, "confetti")
        self.ctx.audio.say("all_done" if self.over else "well_done" if self.result.completed else "great")

    def update(self, intents: Intents, dt: float) -> None:
        self.effects.update(dt)
        shown = min(self.stars, int(self.t / STAR_EVERY_S))
        w = self.ctx.canvas_size[0]
        while self._shown < shown:
            self._shown += 1
            self.ctx.audio.play("chime")
            self.effects.burst(w / 2 + (self._shown - 2) * 150, 170, "star")
        if self.sticker and self.t >= STAR_EVERY_S * (self.stars + 1) and self._shown == self.stars:
            self._shown += 1
            self.ctx.audio.play("sticker")
        super().update(intents, dt)

    def on_button(self, button_id: str) -> None:
        from game.scenes.play import PlayScene
        from game.scenes.ready import GetReadyScene

        if button_id == "again":
            self.ctx.scenes.replace(PlayScene(self.ctx, self.step, self.rest, self.calibration))
        elif button_id == "next":
            if self.rest:
                self.ctx.scenes.replace(GetReadyScene(self.ctx, self.rest[0], self.rest[1:]))
            else:
                self.ctx.scenes.pop()
        elif button_id == "home":
            self.go_home()

    def on_back(self) -> None:
        self.go_home()

    def go_home(self) -> None:
        """Back to the path; after the session limit, to the title (the session is over)."""
        from game.scenes.title import TitleScene

        if self.over and self.ctx.scenes.find(TitleScene) is not None:
            self.ctx.end_session()
            self.ctx.scenes.pop_to(TitleScene)
        else:
            self.ctx.scenes.pop()

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        w, h = self.ctx.canvas_size
        draw_sky(surface, self.ctx)
        shown = min(self.stars, int(self.t / STAR_EVERY_S))
        for i in range(3):
            x = w / 2 + (i - 1) * 150
            art.draw_star(surface, (x, 170 + bob(self.t, 2.0, 6, i)), 70, i < shown, theme.accent)
        pygame.draw.circle(surface, theme.panel, (w // 2 - 300, 390), 95)
        draw_activity_icon(surface, self.result.activity_id, (w / 2 - 300, 390), 140, theme)
        if self.sticker and self.t >= STAR_EVERY_S * (self.stars + 1):
            pop = min(1.0, (self.t - STAR_EVERY_S * (self.stars + 1)) / 0.4)
            draw_sticker(surface, theme, self.sticker, (w / 2, 380 + bob(self.t, 2.5, 8)), 200 * (0.6 + 0.4 * pop))
        if self.result.reps is not None:
            small_text(surface, theme, str(self.result.reps), (w / 2 - 300, 510), 72, theme.accent, anchor="center")
        if self.streak:
            draw_sticker(surface, theme, "sun", (w / 2 + 300, 380), 150)
            small_text(surface, theme, str(self.streak), (w / 2 + 300, 500), 72, theme.accent, anchor="center")
        if self.over:  # time for a rest: a sleepy moon and the words, beside the home button
            home = self.buttons.get("home").rect
            draw_sticker(surface, theme, "moon", (home.left - 120, home.centery), 120)
            words = theme.label("Time for a rest!", 52, theme.text, outline=True)
            surface.blit(words, words.get_rect(midleft=(home.right + 36, home.centery)))
        self.effects.draw(surface)
        super().draw(surface)
        draw_hand_cursors(surface, self.ctx, self.t)
