"""Render every scene to PNG files, headless, to look at what a child sees:

    python -m game.devshots [OUT_DIR] [--only NAME ...]

Each shot is a small staged game (in-memory logbook, hand-ticked clock, synthetic motion or
the mouse), run for a fixed stretch of game time, so the pictures are the same every run; the
golden screenshot tests render the same shots.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from exercises.api import ActivityResult

START = datetime(2025, 3, 3, 16, 0, 0)


@dataclass
class Stage:
    ctx: object
    app: object
    seconds: float


def _game(feed_kind: str = "mouse", activity: str | None = None) -> tuple[object, object]:
    import pygame

    from game.app import App
    from game.audio import Audio
    from game.clock import ManualClock
    from game.context import GameContext
    from game.feeds import ScriptFeed
    from game.launch import ACTIVITY_SCRIPTS, activity_script
    from game.mouse_mode import MouseFeed
    from game.storage import MemoryStorage, PlanStep

    pygame.init()
    window = pygame.display.set_mode((1280, 720))
    clock = ManualClock()
    t0 = clock.now()
    if feed_kind == "empty":
        feed: object = ScriptFeed(clock)
    elif feed_kind in ("script", "once"):  # once: the child plays each script, then walks away
        feed = ScriptFeed(clock, {a: activity_script(a) for a in ACTIVITY_SCRIPTS}, loop=feed_kind == "script")
    else:
        feed = MouseFeed(clock)
    storage = MemoryStorage()
    for nick, avatar in (("Mia", "owl"), ("Leo", "frog"), ("Sam", "dino")):
        storage.add_player(nick, avatar)
    storage.set_plan("Mia", "plan-1", [
        PlanStep("arm_raises", 1, {"reps": 10}, "i1", required=10),
        PlanStep("frog_squats", 1, {"reps": 8}, "i2", required=8),
        PlanStep("reach_stars", 2, {"reps": 10}, "i3", required=10),
        PlanStep("bubble_pop", 1, {"reps": 10}, "i4", required=10),
        PlanStep("finger_count", 1, {"reps": 6}, "i5", required=6),
    ])
    ctx = GameContext(clock=clock, feed=feed, storage=storage, audio=Audio(enabled=False),  # type: ignore[arg-type]
                      wall=lambda: START + timedelta(seconds=clock.now() - t0))
    ctx.player = storage.find_player("Mia")
    for days_ago, activity, reps in ((3, "frog_squats", 8), (2, "bubble_pop", 6), (1, "arm_raises", 10)):
        when = START - timedelta(days=days_ago)
        old = storage.start_session("Mia", "plan-1", when)
        storage.save_result(old, sample_result(activity, reps, True), when, when + timedelta(seconds=42), [], None)
    sid = storage.start_session("Mia", "plan-1", START - timedelta(minutes=20))
    storage.save_result(sid, sample_result("arm_raises", 10, True), START - timedelta(minutes=20), START, [], "i1")
    storage.save_result(sid, sample_result("jumping_jacks", 4, False, 95.0), START - timedelta(minutes=12), START, [], None)
    for sticker in ("sun", "rainbow", "rocket", "sun", "heart"):
        storage.add_sticker("Mia", sticker, sid)
    app = App(ctx, window)
    return ctx, app


def sample_result(activity_id: str, reps: int, completed: bool, seconds: float = 42.0) -> ActivityResult:
    return ActivityResult(activity_id=activity_id, reps=reps, metrics={}, per_side={}, tracking_quality=0.95,
                          duration_s=seconds, success_rate=None, params={"reps": reps}, level=1, completed=completed)


def _title(ctx, app):  # type: ignore[no-untyped-def]
    from game.scenes.title import TitleScene

    ctx.player = None
    ctx.scenes.push(TitleScene(ctx))


def _add_player(ctx, app):  # type: ignore[no-untyped-def]
    from game.scenes.title import AddPlayerScene, TitleScene

    ctx.scenes.push(TitleScene(ctx))
    ctx.scenes.push(AddPlayerScene(ctx))


def _path(ctx, app):  # type: ignore[no-untyped-def]
    from game.scenes.path import PathScene
    from game.scenes.title import TitleScene

    ctx.scenes.push(TitleScene(ctx))
    ctx.scenes.push(PathScene(ctx))


def _free_play(ctx, app):  # type: ignore[no-untyped-def]
    from game.scenes.path import PathScene
    from game.scenes.title import TitleScene

    ctx.player = ctx.storage.find_player("Leo")
    ctx.scenes.push(TitleScene(ctx))
    ctx.scenes.push(PathScene(ctx))


def _ready(ctx, app):  # type: ignore[no-untyped-def]
    from game.scenes.ready import GetReadyScene
    from game.storage import PlanStep

    ctx.scenes.push(GetReadyScene(ctx, PlanStep("jumping_jacks")))


def _play(activity: str) -> Callable[..., None]:
    def stage(ctx, app):  # type: ignore[no-untyped-def]
        from game.scenes.play import PlayScene
        from game.storage import PlanStep

        ctx.scenes.push(PlayScene(ctx, PlanStep(activity)))

    return stage


def _paused(ctx, app):  # type: ignore[no-untyped-def]
    """Bunny hops in full swing; then the child walks out of the picture and the game pauses
    by itself (the real path, not a pushed overlay)."""
    from game.scenes.play import PausedScene, PlayScene
    from game.storage import PlanStep

    ctx.scenes.push(PlayScene(ctx, PlanStep("bunny_hops", 1, {"reps": 30})))
    for _ in range(60 * 30):
        if isinstance(ctx.scenes.top, PausedScene):
            break
        app.frame(draw=False)
    assert isinstance(ctx.scenes.top, PausedScene), "the child walked away but the game did not pause"


def _results(ctx, app):  # type: ignore[no-untyped-def]
    from game.scenes.results import ResultsScene
    from game.storage import PlanStep

    ctx.session = None
    ctx.scenes.push(ResultsScene(ctx, PlanStep("frog_squats"), [], sample_result("frog_squats", 8, True)))


def _results_rest(ctx, app):  # type: ignore[no-untyped-def]
    """The grown-ups' session limit is reached: the results say it is time for a rest."""
    from game.scenes.results import ResultsScene
    from game.scenes.title import TitleScene
    from game.storage import PlanStep

    ctx.settings.session_minutes_limit = 0
    ctx.ensure_session()
    ctx.scenes.push(TitleScene(ctx))
    ctx.scenes.push(ResultsScene(ctx, PlanStep("frog_squats"), [], sample_result("frog_squats", 8, True)))


def _album(ctx, app):  # type: ignore[no-untyped-def]
    from game.scenes.album import AlbumScene

    ctx.scenes.push(AlbumScene(ctx))


def _gate(ctx, app):  # type: ignore[no-untyped-def]
    from game.scenes.grownups import ParentGateScene

    ctx.scenes.push(ParentGateScene(ctx))


def _gate_sum(ctx, app):  # type: ignore[no-untyped-def]
    from game.scenes.grownups import ParentGateScene

    gate = ParentGateScene(ctx)
    ctx.scenes.push(gate)
    gate.ask()


def _grownups(tab: str) -> Callable[..., None]:
    def stage(ctx, app):  # type: ignore[no-untyped-def]
        from game.scenes.grownups import GrownUpsScene

        scene = GrownUpsScene(ctx)
        scene.tab = tab
        scene.layout()
        ctx.scenes.push(scene)

    return stage


# name -> (feed, stage, seconds of game time before the picture)
SHOTS: dict[str, tuple[str, Callable[..., None], float]] = {
    "title": ("mouse", _title, 1.0),
    "add_player": ("mouse", _add_player, 1.0),
    "path": ("mouse", _path, 1.0),
    "free_play": ("mouse", _free_play, 1.0),
    "get_ready": ("script", _ready, 1.5),
    "paused": ("once", _paused, 1.0),
    "results": ("mouse", _results, 3.0),
    "results_rest": ("mouse", _results_rest, 3.0),
    "album": ("mouse", _album, 1.0),
    "parent_gate": ("mouse", _gate, 1.0),
    "parent_gate_sum": ("mouse", _gate_sum, 1.0),
    "grownups_today": ("mouse", _grownups("today"), 0.5),
    "grownups_plan": ("mouse", _grownups("plan"), 0.5),
    "grownups_settings": ("mouse", _grownups("settings"), 0.5),
}
for _a in ("arm_raises", "reach_stars", "bubble_pop", "air_trace", "finger_count", "copy_the_pose"):
    SHOTS[f"play_{_a}"] = ("script", _play(_a), 9.0)


def render(name: str):  # type: ignore[no-untyped-def]
    """The window surface after the shot's stretch of game time."""
    feed, stage, seconds = SHOTS[name]
    ctx, app = _game(feed)
    stage(ctx, app)
    frames = round(seconds * 60)
    for i in range(frames):
        app.frame(draw=i == frames - 1)  # type: ignore[attr-defined]
    return app.window  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    parser = argparse.ArgumentParser(prog="python -m game.devshots", description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="/tmp/wq/shots")
    parser.add_argument("--only", nargs="*", choices=sorted(SHOTS), metavar="NAME")
    args = parser.parse_args(argv)
    import pygame

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.only or SHOTS:
        pygame.image.save(render(name), str(out / f"{name}.png"))
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
