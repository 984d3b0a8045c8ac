"""Tracking lost -> pause -> resume by itself; Escape pauses; the parent gate keeps a child's
random clicks out; a hand held over a button presses it."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

from exercises.events import Finished
from game.feeds import ScriptFeed
from game.scenes.grownups import GrownUpsScene, ParentGateScene
from game.scenes.path import PathScene
from game.scenes.play import PausedScene, PlayScene
from game.scenes.results import ResultsScene
from game.scenes.title import TitleScene
from game.storage import MemoryStorage, PlanStep
from tests.game.harness import Game
from tracking.landmarks import HandPoint
from tracking.synthetic import motions
from tracking.synthetic.hand import HandPlace, HandShape, place_landmark_at, render_hand
from tracking.synthetic.source import MotionScript, Snapshot


@dataclass
class WithGap:
    """A script with the child gone (nothing seen) from `start` to `end`."""

    script: MotionScript
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.script.duration + (self.end - self.start)

    def __call__(self, t: float) -> Snapshot:
        if self.start <= t < self.end:
            return Snapshot()
        return self.script(t if t < self.start else t - (self.end - self.start))


@dataclass
class HandAt:
    """An open hand held still with its index fingertip at (x, y)."""

    x: float
    y: float
    duration: float = 60.0

    def __call__(self, t: float) -> Snapshot:
        shape = HandShape()
        place = place_landmark_at(shape, HandPlace(side="right"), HandPoint.INDEX_TIP, (self.x, self.y))
        return Snapshot(hands=(render_hand(shape, place),))


def _game(feed_factory=None) -> tuple[Game, MemoryStorage]:  # type: ignore[no-untyped-def]
    storage = MemoryStorage()
    storage.add_player("Ada", "cat")
    game = Game(storage, feed_factory)
    game.ctx.player = storage.find_player("Ada")
    return game, storage


def test_tracking_lost_pauses_and_the_child_coming_back_resumes() -> None:
    script = WithGap(motions.registry()["arm_raises"](), start=8.0, end=12.0)
    game, storage = _game(lambda clock: ScriptFeed(clock, {"arm_raises": script}))
    game.ctx.scenes.push(PathScene(game.ctx))
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("arm_raises")))
    play = game.top
    assert game.run_until(lambda: isinstance(game.top, PausedScene), 12)
    assert game.top.auto and game.stack[-2:] == ["play", "paused"]
    count_at_pause = play.view.count
    game.run(2.0)  # still away: stays paused, the activity is not advanced
    assert isinstance(game.top, PausedScene) and play.view.count == count_at_pause
    assert game.run_until(lambda: isinstance(game.top, PlayScene), 5)  # back by itself
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), 40)
    (saved,) = storage.results
    assert saved.result.reps == 10 and saved.result.completed
    assert saved.result.duration_s < script.duration - 3.0  # the time away is not play time
    game.close()


def test_escape_pauses_until_asked_and_home_keeps_what_was_done() -> None:
    game, storage = _game()
    game.ctx.scenes.push(PathScene(game.ctx))
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("arm_raises", 1, {"reps": 5})))
    game.run(5.0)
    game.key(pygame.K_UP, hold_s=1.2)
    game.run(1.2)
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.top, PausedScene) and not game.top.auto
    game.run(3.0)
    assert isinstance(game.top, PausedScene)  # no auto-resume after Escape
    game.key(pygame.K_ESCAPE)
    assert isinstance(game.top, PlayScene)
    game.key(pygame.K_ESCAPE)
    game.press("home")
    assert isinstance(game.top, PathScene)
    (saved,) = storage.results
    assert saved.result.reps == 1 and not saved.result.completed  # stopped early, still kept
    assert isinstance(saved.events[-1], Finished)
    game.close()


def test_random_click_storm_never_opens_the_parent_gate() -> None:
    game, _ = _game()
    game.ctx.scenes.push(TitleScene(game.ctx))
    rng = random.Random(11)
    for _ in range(400):
        pos = (rng.randrange(1280), rng.randrange(720))
        if rng.random() < 0.3 and isinstance(game.top, ParentGateScene):  # aim at the lock itself
            r = game.top.buttons.items[0].rect
            pos = (rng.randrange(r.left, r.right), rng.randrange(r.top, r.bottom))
        game.click(pos, hold_s=rng.uniform(0.0, 0.6))
        if rng.random() < 0.1:
            game.key(rng.choice([pygame.K_SPACE, pygame.K_RETURN, pygame.K_a, pygame.K_ESCAPE]), hold_s=rng.uniform(0, 0.5))
        assert "grownups" not in game.stack
        if not isinstance(game.top, (TitleScene, ParentGateScene)):  # wandered into a game: go back
            game.ctx.scenes.pop_to(TitleScene)
    game.close()


def test_a_grown_up_opens_the_gate_by_holding_then_summing() -> None:
    game, _ = _game()
    game.ctx.scenes.push(TitleScene(game.ctx))
    game.press("grownups")
    gate = game.top
    assert isinstance(gate, ParentGateScene)
    game.press("hold", hold_s=2.5)
    assert gate.stage == "hold"  # not long enough
    game.press("hold", hold_s=3.1)
    assert gate.stage == "sum"
    wrong = next(v for v in gate.choices if v != gate.answer)
    game.press(f"answer:{wrong}")
    assert isinstance(game.top, TitleScene)  # a wrong answer closes the gate
    game.press("grownups")
    gate = game.top
    game.press("hold", hold_s=3.1)
    game.press(f"answer:{gate.answer}")
    assert isinstance(game.top, GrownUpsScene)
    game.press("tab:settings")
    game.press("dec:volume")
    assert game.ctx.settings.volume == 0.7 and game.ctx.storage.get_setting("volume") == 0.7
    game.close()


def test_a_hand_held_over_a_button_presses_it_without_touching_anything() -> None:
    game, _ = _game(lambda clock: ScriptFeed(clock, menu=HandAt(0.1, 0.9)))
    game.ctx.player = None
    game.ctx.scenes.push(TitleScene(game.ctx))
    game.run(0.3)  # the hand rests somewhere empty ...
    button = game.top.buttons.get("player:Ada")
    hand = button.rect.center
    game.ctx.feed.menu = HandAt(hand[0] / 1280, hand[1] / 720)  # ... then moves over Ada's card
    game.ctx.feed.begin(None, None)
    game.run(0.6)
    assert isinstance(game.top, TitleScene) and 0.3 < button.fill < 0.7  # the ring is filling
    assert game.run_until(lambda: isinstance(game.top, PathScene), 1.0)
    # the hand is still there: the next screen does not press itself
    game.run(3.0)
    assert isinstance(game.top, PathScene)
