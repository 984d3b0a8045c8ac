"""Every scene runs a few seconds of game time (drawing every frame) without error, and the
stack keeps its promises."""

from __future__ import annotations

import pygame
import pytest

from game.clock import ManualClock
from game.devshots import SHOTS, _game
from game.input import Intents
from game.scenes.base import Scene, SceneStack


@pytest.mark.parametrize("name", sorted(SHOTS))
def test_scene_runs_for_three_seconds(name: str) -> None:
    feed, stage, _ = SHOTS[name]
    ctx, app = _game(feed)
    stage(ctx, app)
    for _ in range(180):
        assert app.frame()
    assert len(ctx.scenes) >= 1


def test_draw_never_changes_state() -> None:
    ctx, app = _game("script")
    SHOTS["play_reach_stars"][1](ctx, app)
    for _ in range(400):
        app.frame(draw=False)
    a, b = pygame.Surface((1280, 720)), pygame.Surface((1280, 720))
    ctx.scenes.draw(a)
    ctx.scenes.draw(b)
    assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")


def test_long_frames_are_clamped_and_catch_up_is_capped() -> None:
    ctx, app = _game("mouse")
    SHOTS["title"][1](ctx, app)
    clock = ctx.clock
    assert isinstance(clock, ManualClock)
    before = app.updates
    clock.advance(5.0)  # the laptop slept
    app.frame()
    assert app.updates - before == 5  # MAX_STEPS, not 300
    before = app.updates
    app.frame()
    assert app.updates - before <= 2


class Probe(Scene):
    def __init__(self, ctx, log: list[str], name: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.log, self.name = log, name

    def on_enter(self) -> None:
        self.log.append(f"enter {self.name}")

    def on_exit(self) -> None:
        self.log.append(f"exit {self.name}")

    def pause(self) -> None:
        self.log.append(f"pause {self.name}")

    def resume(self) -> None:
        self.log.append(f"resume {self.name}")

    def update(self, intents: Intents, dt: float) -> None:
        self.log.append(f"update {self.name}")


def test_stack_pairs_pause_and_resume() -> None:
    log: list[str] = []
    stack = SceneStack()
    a, b, c = (Probe(None, log, n) for n in "abc")
    stack.push(a)
    stack.push(b)
    stack.update(Intents(), 0.01)
    stack.replace(c)
    stack.pop()
    assert log == ["enter a", "pause a", "enter b", "update b", "exit b", "enter c", "exit c", "resume a"]
