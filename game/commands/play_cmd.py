"""`wigglequest play`: the game itself."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from pathlib import Path

from game.errors import CliError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "play",
        help="play the game (webcam; mouse mode when there is no camera)",
        description="Play Wiggle Quest.  With no camera the mouse is the hand and keys stand in "
        "for body moves (arrows, J, T, H, M, Space, 0-5).",
    )
    src = p.add_mutually_exclusive_group()
    src.add_argument("--camera", type=int, metavar="N", help="webcam index (default 0)")
    src.add_argument("--video", metavar="PATH", help="play from a video file, as if it were the camera")
    src.add_argument("--replay", metavar="REC", help="play from a landmark recording")
    src.add_argument("--mouse", action="store_true", help="no camera: the mouse is the hand")
    src.add_argument("--synthetic", metavar="SCRIPT", help="synthetic motion: a script name, or 'auto' (each activity's own)")
    p.add_argument("--child", metavar="NAME", help="start as this child (skips the title)")
    p.add_argument("--plan", metavar="FILE", help="a therapist's plan file to play today (needs --child)")
    p.add_argument("--db", metavar="URL", help="logbook database URL (default: SQLite in the data folder)")
    p.add_argument("--fullscreen", action="store_true", help="start full screen (F11 toggles)")
    p.add_argument("--screenshot", metavar="PNG", help="render headless and save the last frame here")
    p.add_argument("--frames", type=int, metavar="N", help="with --screenshot: frames to render (default 120)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before anything imports pygame
    from game.launch import PlayOptions

    opts = PlayOptions(
        camera=args.camera, video=args.video, replay=args.replay, mouse=args.mouse,
        synthetic=args.synthetic, child=args.child, plan=args.plan, db=args.db,
        fullscreen=args.fullscreen, screenshot=args.screenshot, frames=args.frames,
    )
    if opts.frames is not None and opts.screenshot is None:
        raise CliError("--frames goes with --screenshot PNG")
    if opts.frames is not None and opts.frames < 1:
        raise CliError("--frames must be at least 1")
    if opts.screenshot is not None:
        parent = Path(opts.screenshot).expanduser().resolve().parent
        if not parent.is_dir():
            raise CliError(f"cannot save a screenshot in {parent}: no such folder")
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    return play(opts)


def play(opts: object) -> int:
    """Fast start: the first title frame is drawn before anything slow starts.  The tracker
    (MediaPipe: a second or more) starts right after it, and the logbook (SQLAlchemy and the
    schema check: most of a second) opens in the background meanwhile -- unless the options
    need it first (--child, --plan, the grown-ups' camera choice) or it is a screenshot."""
    import pygame

    from game.app import App
    from game.audio import Audio
    from game.clock import ManualClock, SystemClock
    from game.context import GameContext, Settings
    from game.launch import PlayOptions, open_feed, open_storage, stderr_line, use_plan
    from game.scenes.path import PathScene
    from game.scenes.title import TitleScene
    from game.storage import OpeningStorage, Storage

    assert isinstance(opts, PlayOptions)
    camera_choice = opts.camera is None and not (opts.mouse or opts.video or opts.replay or opts.synthetic)
    late = opts.child is None and opts.plan is None and not opts.screenshot and not camera_choice
    holder: list[GameContext] = []

    def read_settings(opened: Storage) -> None:  # in the opening thread: only reads
        holder[0].settings = Settings.load(opened)

    db = opts.db
    storage: Storage = OpeningStorage(lambda: open_storage(db), then=read_settings) if late else open_storage(db)
    try:
        player = None
        if opts.child is not None:
            player = storage.find_player(opts.child)
            if player is None:
                known = ", ".join(p.nickname for p in storage.players()) or "none yet"
                raise CliError(f"no child called {opts.child!r} (children: {known}); add one in the game or with `wigglequest child add`")
        if opts.plan is not None:
            use_plan(storage, opts.plan, opts.child)
        clock = ManualClock() if opts.screenshot else SystemClock()
        settings = Settings() if late else Settings.load(storage)
        if camera_choice:
            opts = replace(opts, camera=int(settings.camera_index))  # the grown-ups' camera choice
        feed, notice = open_feed(opts, clock, stderr_line, start=False)
        pygame.init()
        audio = Audio(volume=float(settings.volume), voice=bool(settings.voice_prompts))
        ctx = GameContext(clock=clock, feed=feed, storage=storage, audio=audio, settings=settings, notice=notice)
        holder.append(ctx)
        ctx.scenes.push(TitleScene(ctx))
        if player is not None:
            ctx.choose_player(player)
            ctx.scenes.push(PathScene(ctx))
        app = App(ctx, fullscreen=opts.fullscreen and not opts.screenshot)
        try:
            running = app.frame()  # the title is on screen before the slow things start
            start = getattr(feed, "start", None)
            if start is not None:
                start()
            if isinstance(storage, OpeningStorage):
                storage.start()
            if opts.screenshot:
                frames = opts.frames or 120
                while running and app.frames < frames and app.frame():
                    pass
                pygame.image.save(app.window, opts.screenshot)
                print(f"saved {opts.screenshot} after {app.frames} frames ({app.frames / 60:.1f} s of game time)")
            else:
                opening = storage if isinstance(storage, OpeningStorage) else None
                while running and app.frame():
                    if opening is not None and opening.ready:
                        opening.wait()  # raises the error of a logbook that could not be opened
                        ctx.apply_settings()  # its settings were read in the opening thread
                        opening = None
        finally:
            app.close()
            feed.stop()
            audio.stop()
            pygame.quit()
    finally:
        storage.close()
    return 0
