"""Putting a game together from the play command's options: the feed (camera, video, replay,
synthetic motion or the mouse), the logbook, sound, and the first scenes.  Tests and the
screenshot tool build games the same way."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.clock import Clock
from game.errors import CliError
from game.feeds import Feed, ScriptFeed, TrackerFeed
from game.storage import Storage
from tracking.synthetic.source import MotionScript

NO_CAMERA = "No camera found, so Wiggle Quest is playing with the mouse (keys stand in for moves)."

# The synthetic motion that plays each activity (`--synthetic auto`).
ACTIVITY_SCRIPTS: dict[str, str] = {
    "jumping_jacks": "jumping_jacks",
    "arm_raises": "arm_raises",
    "reach_stars": "reach_sequence",
    "flamingo_balance": "one_leg_stand",
    "frog_squats": "squats",
    "bunny_hops": "bunny_hops",
    "march_in_place": "march",
    "copy_the_pose": "pose_sequence",
    "bubble_pop": "reactive",  # game.autoplay: pinches must land on the bubbles
    "air_trace": "trace_shape",
    "finger_count": "show_fingers",
    "finger_taps": "finger_taps",
    "pinch_and_sort": "pinch_and_carry",
}


@dataclass
class PlayOptions:
    camera: int | None = None
    video: str | None = None
    replay: str | None = None
    mouse: bool = False
    synthetic: str | None = None
    child: str | None = None
    plan: str | None = None
    db: str | None = None
    fullscreen: bool = False
    screenshot: str | None = None
    frames: int | None = None


def activity_script(activity_id: str) -> MotionScript:
    """The synthetic child who plays this activity: its motion script, or a reactive player."""
    from game.autoplay import REACTIVE_PLAYERS
    from tracking.synthetic import motions

    if activity_id in REACTIVE_PLAYERS:
        return REACTIVE_PLAYERS[activity_id]()
    return motions.registry()[ACTIVITY_SCRIPTS[activity_id]]()


def synthetic_feed(clock: Clock, name: str) -> ScriptFeed:
    """`auto`: each activity's own script; otherwise one named script for every activity."""
    from tracking.synthetic import motions

    known = motions.registry()
    if name == "auto":
        return ScriptFeed(clock, {a: activity_script(a) for a in ACTIVITY_SCRIPTS}, loop=True)
    if name not in known:
        raise CliError(f"unknown motion script {name!r}; known: auto, {', '.join(sorted(known))}")
    return ScriptFeed(clock, default=known[name](), loop=True)


def tracker_factory(make_source: Callable[[], object], landmarks_only: bool = False) -> Callable[[str], object]:
    """Trackers for the feed.  A landmark recording (replay) runs no model and no smoothing:
    its landmarks were smoothed when they were recorded, and smoothing twice adds lag."""

    def make(needs: str) -> object:
        from tracking.tracker import Tracker, estimator_for

        if landmarks_only:
            return Tracker(make_source(), None, smooth=False).start()  # type: ignore[arg-type]
        return Tracker(make_source(), estimator_for(needs)).start()  # type: ignore[arg-type]

    return make


def open_feed(opts: PlayOptions, clock: Clock, say: Callable[[str], None],
              start: bool = True) -> tuple[Feed, str]:
    """The feed the options ask for, and a notice for the grown-up ('' when none).  A missing
    camera falls back to mouse mode; a bad file is a CliError.  With `start=False` a tracker
    feed's models are not loaded until its `start()` (play calls it after the first frame)."""
    from game.mouse_mode import MouseFeed
    from tracking.sources.base import SourceError

    chosen = [bool(opts.mouse), opts.video is not None, opts.replay is not None, opts.synthetic is not None]
    if sum(chosen) > 1 or (opts.camera is not None and any(chosen)):
        raise CliError("choose one of --camera, --video, --replay, --synthetic or --mouse")
    if opts.mouse:
        return MouseFeed(clock), ""
    if opts.synthetic is not None:
        return synthetic_feed(clock, opts.synthetic), ""
    if opts.video is not None:
        from tracking.sources.video import VideoFileSource

        path = opts.video
        probe = VideoFileSource(path)
        try:
            probe.open()
        except SourceError as exc:
            raise CliError(str(exc)) from None
        finally:
            probe.close()
        return TrackerFeed(tracker_factory(lambda: VideoFileSource(path, realtime=True, loop=True)), "video",
                           start=start), ""
    if opts.replay is not None:
        from tracking.sources.replay import ReplaySource

        rpath = opts.replay
        if not Path(rpath).is_file():
            raise CliError(f"replay file not found: {rpath}")
        probe_r = ReplaySource(rpath)
        try:
            probe_r.open()
        except (SourceError, OSError, ValueError) as exc:
            raise CliError(f"cannot read replay {rpath}: {exc}") from None
        finally:
            probe_r.close()
        return TrackerFeed(tracker_factory(lambda: ReplaySource(rpath, realtime=True, loop=True), True), "replay",
                           start=start), ""
    from tracking.sources.webcam import WebcamSource

    index = opts.camera if opts.camera is not None else 0
    probe_c = WebcamSource(index)
    try:
        probe_c.open()
    except (SourceError, OSError) as exc:
        probe_c.close()
        say(f"wigglequest: {NO_CAMERA} ({exc})")
        return MouseFeed(clock), NO_CAMERA
    # Opening a webcam is slow: the first tracker takes the one just opened, later ones (a
    # switch to the hands model) open their own.
    spare = [probe_c]
    return TrackerFeed(tracker_factory(lambda: spare.pop() if spare else WebcamSource(index)), "camera",
                       start=start), ""


def open_storage(url: str | None) -> Storage:
    from game.storage import LogbookStorage
    from logbook.errors import LogbookError

    try:
        return LogbookStorage.open(url)
    except LogbookError as exc:
        raise CliError(str(exc)) from None


def use_plan(storage: Storage, path: str, child: str | None) -> None:
    """Assign a plan file to the child (unless the same plan is already the active one)."""
    from datetime import date

    from logbook.plans import PlanError, load_plan

    try:
        plan = load_plan(path)
    except PlanError as exc:
        raise CliError(str(exc)) from None
    nick = child or plan.child
    if not nick:
        raise CliError(f"{path}: say which child the plan is for (--child NAME)")
    if storage.find_player(nick) is None:
        raise CliError(f"no child called {nick!r} in the logbook; add them first (wigglequest child add {nick})")
    book = getattr(storage, "book", None)
    if book is None:
        raise CliError("plans need the logbook (--db)")
    active = book.active_plan(nick, date.today())
    same = active is not None and active.name == plan.name and [
        (i.activity_id, i.level, i.reps, i.minutes) for i in active.items
    ] == [(i.activity, i.level, i.reps, i.minutes) for i in plan.items]
    if not same:
        book.assign_plan(nick, plan)


def stderr_line(text: str) -> None:
    print(text, file=sys.stderr)
