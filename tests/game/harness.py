"""A whole game on a hand-ticked clock, driven like a child and a grown-up would: clicks and
keys go through pygame's own event queue, hands come from synthetic motion."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pygame

from game.app import App
from game.audio import Audio
from game.clock import ManualClock
from game.context import GameContext, Settings
from game.feeds import Feed
from game.scenes.base import Scene
from game.storage import Storage

FPS = 60
START = datetime(2025, 3, 3, 16, 0, 0)


class Game:
    def __init__(self, storage: Storage, feed: Callable[[ManualClock], Feed] | None = None,
                 settings: Settings | None = None) -> None:
        from game.mouse_mode import MouseFeed

        pygame.init()
        window = pygame.display.set_mode((1280, 720))
        self.clock = ManualClock()
        t0 = self.clock.now()
        self.feed = feed(self.clock) if feed else MouseFeed(self.clock)
        self.ctx = GameContext(
            clock=self.clock, feed=self.feed, storage=storage, audio=Audio(enabled=False),
            settings=settings or Settings(), wall=lambda: START + timedelta(seconds=self.clock.now() - t0),
        )
        self.app = App(self.ctx, window)
        pygame.event.clear()

    @property
    def top(self) -> Scene:
        assert self.ctx.scenes.top is not None
        return self.ctx.scenes.top

    @property
    def stack(self) -> list[str]:
        return self.ctx.scenes.names()

    def run(self, seconds: float, draw_every: int = 6) -> None:
        for i in range(max(1, round(seconds * FPS))):
            self.app.frame(draw=i % draw_every == 0)

    def run_until(self, done: Callable[[], bool], max_seconds: float, draw_every: int = 10) -> bool:
        for i in range(round(max_seconds * FPS)):
            if done():
                return True
            self.app.frame(draw=i % draw_every == 0)
        return done()

    def click(self, pos: tuple[float, float], hold_s: float = 0.0) -> None:
        p = (int(pos[0]), int(pos[1]))
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=p, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=p, button=1))
        self.run(max(1 / FPS, hold_s), draw_every=1000)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=p, button=1))
        self.run(1 / FPS)

    def press(self, button_id: str, hold_s: float = 0.0) -> None:
        """Click a button of the top scene where it is drawn."""
        self.click(self.top.buttons.get(button_id).rect.center, hold_s)

    def key(self, key: int, hold_s: float = 0.0) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
        self.run(max(1 / FPS, hold_s), draw_every=1000)
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
        self.run(1 / FPS)

    def type(self, text: str) -> None:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        self.run(1 / FPS)

    def close(self) -> None:
        self.app.close()
        pygame.display.quit()
