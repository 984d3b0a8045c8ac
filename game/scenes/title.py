"""Title and player choice: one big avatar card per child, a "+" card to add one, and a small
lock for the grown-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.input import Intents
from game.render import art
from game.scenes.base import Scene
from game.scenes.common import bob, draw_avatar, draw_hand_cursors, draw_sky, heading, small_text
from game.widgets import Button

if TYPE_CHECKING:
    from game.context import GameContext

MAX_CARDS = 5
NAME_MAX = 14


class TitleScene(Scene):
    name = "title"

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.players = []
        self.waiting = False  # the logbook is still opening: no cards yet (game.storage.OpeningStorage)
        self.layout()

    def layout(self) -> None:
        self.waiting = not getattr(self.ctx.storage, "ready", True)
        self.players = [] if self.waiting else self.ctx.storage.players()[:MAX_CARDS]
        self.buttons.items.clear()
        if not self.waiting:
            n = len(self.players) + 1
            card, gap = 210, 36
            left = (self.ctx.canvas_size[0] - (n * card + (n - 1) * gap)) // 2
            for i, p in enumerate(self.players):
                self.buttons.add(Button(f"player:{p.nickname}", pygame.Rect(left + i * (card + gap), 260, card, card), icon=p.avatar))
            self.buttons.add(Button("add", pygame.Rect(left + (n - 1) * (card + gap), 260, card, card), icon="plus"))
        self.buttons.add(Button("grownups", pygame.Rect(self.ctx.canvas_size[0] - 120, 24, 96, 96), icon="lock", hold_s=2.0))

    def on_enter(self) -> None:
        self.ctx.feed.begin(None, None)

    def resume(self) -> None:
        self.ctx.feed.begin(None, None)
        self.layout()

    def update(self, intents: Intents, dt: float) -> None:
        if self.waiting and getattr(self.ctx.storage, "ready", True):
            self.layout()
        super().update(intents, dt)

    def on_button(self, button_id: str) -> None:
        from game.scenes.grownups import ParentGateScene
        from game.scenes.path import PathScene

        if button_id.startswith("player:"):
            player = self.ctx.storage.find_player(button_id.split(":", 1)[1])
            if player is None:
                return
            self.ctx.choose_player(player)
            self.ctx.audio.play("chime")
            self.ctx.scenes.push(PathScene(self.ctx))
        elif button_id == "add":
            self.ctx.audio.play("pop")
            self.ctx.scenes.push(AddPlayerScene(self.ctx))
        elif button_id == "grownups":
            self.ctx.scenes.push(ParentGateScene(self.ctx))

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        draw_sky(surface, self.ctx)
        w = self.ctx.canvas_size[0]
        heading(surface, theme, "Wiggle Quest", (w / 2, 120 + bob(self.t, 1.6, 6)), 132, theme.accent)
        for x, phase in ((w / 2 - 420, 0.0), (w / 2 + 420, 1.5)):
            art.draw_star(surface, (x, 118 + bob(self.t, 1.6, 10, phase)), 34, True, theme.accent, angle=self.t * 0.6)
        super().draw(surface)
        for b in self.buttons.items:
            if b.id.startswith("player:"):
                name = b.id.split(":", 1)[1]
                small_text(surface, theme, name, (b.rect.centerx, b.rect.bottom + 22), 44, anchor="midtop")
        if self.ctx.notice:
            small_text(surface, theme, self.ctx.notice, (w / 2, self.ctx.canvas_size[1] - 40), 28,
                       color=(225, 230, 245), anchor="center")
        draw_hand_cursors(surface, self.ctx, self.t)


class AddPlayerScene(Scene):
    """Pick an animal; a grown-up may type a nickname (the animal's name is used otherwise)."""

    name = "add_player"

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.avatar = art.AVATARS[0]
        self.typed = ""
        size, gap = 150, 28
        left, top = 90, 190
        for i, avatar in enumerate(art.AVATARS):
            r, c = divmod(i, 4)
            self.buttons.add(Button(f"avatar:{avatar}", pygame.Rect(left + c * (size + gap), top + r * (size + gap), size, size), icon=avatar))
        self.buttons.add(Button("ok", pygame.Rect(880, 470, 300, 130), icon="check", label="OK"))
        self.buttons.add(Button("back", pygame.Rect(30, 30, 110, 110), icon="back"))

    @property
    def nickname(self) -> str:
        name = self.typed.strip() or self.avatar.capitalize()
        taken = {p.nickname.casefold() for p in self.ctx.storage.players()}
        if self.typed.strip() or name.casefold() not in taken:
            return name
        n = 2
        while f"{name} {n}".casefold() in taken:
            n += 1
        return f"{name} {n}"

    def update(self, intents: Intents, dt: float) -> None:
        if intents.text:
            clean = "".join(ch for ch in intents.text if ch.isprintable())
            self.typed = (self.typed + clean)[:NAME_MAX]
        if intents.backspace:
            self.typed = self.typed[: max(0, len(self.typed) - intents.backspace)]
        super().update(intents, dt)

    def on_button(self, button_id: str) -> None:
        if button_id.startswith("avatar:"):
            self.avatar = button_id.split(":", 1)[1]
            self.ctx.audio.play("pop")
        elif button_id == "ok":
            self.create()
        elif button_id == "back":
            self.ctx.scenes.pop()

    def on_back(self) -> None:
        self.ctx.scenes.pop()

    def create(self) -> None:
        from game.scenes.path import PathScene

        try:
            player = self.ctx.storage.add_player(self.nickname, self.avatar)
        except Exception:  # a clash typed by a grown-up: keep the screen, nothing lost
            self.ctx.audio.play("soft_oops")
            return
        self.ctx.choose_player(player)
        self.ctx.audio.play("cheer")
        self.ctx.scenes.replace(PathScene(self.ctx))

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        draw_sky(surface, self.ctx)
        heading(surface, theme, "Who are you?", (self.ctx.canvas_size[0] / 2, 90), 80)
        super().draw(surface)
        chosen = self.buttons.get(f"avatar:{self.avatar}").rect
        pygame.draw.rect(surface, theme.good, chosen.inflate(18, 18), 8, border_radius=chosen.w // 3)
        draw_avatar(surface, theme, self.avatar, (1030, 270 + bob(self.t, 3.0, 10)), 230)
        box = pygame.Rect(860, 400, 340, 56)
        pygame.draw.rect(surface, theme.panel, box, border_radius=18)
        small_text(surface, theme, self.nickname, box.center, 44, theme.text_dark, anchor="center")
        draw_hand_cursors(surface, self.ctx, self.t)
