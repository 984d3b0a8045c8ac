"""Where the game's PoseFrames come from: the tracker (camera, video, replay), a synthetic
motion script, or the mouse (game.mouse_mode).  Scenes only ever ask a Feed for its newest
frame, so the draw loop never waits for a model.

Time: a feed's `now()` is on the same clock as its frames' `t`, so the play scene can advance
an activity with `update(None, feed.now())` while no new frame arrives.  Scripted and mouse
feeds run on the game clock (exact in tests); tracker feeds on the monotonic clock.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from exercises.api import ActivityView
from game.clock import Clock
from game.input import Intents
from tracking.frame import PoseFrame
from tracking.synthetic.source import MotionScript


@dataclass(frozen=True)
class Seen:
    """The newest thing a feed has: seq grows by one with every new frame (-1: none yet)."""

    frame: PoseFrame | None = None
    image: np.ndarray | None = None  # the picture to show (see Feed.image_format), or None
    seq: int = -1


class Feed(Protocol):
    kind: str  # camera | video | replay | synthetic | mouse
    hands_point: bool  # do this feed's hands count as pointers on menu buttons
    image_format: str  # "bgr" (as the camera saw it) or "rgb_mirrored" (the tracker's)

    def latest(self) -> Seen: ...

    def now(self) -> float: ...

    def begin(self, activity_id: str | None, needs: str | None) -> None:
        """A scene starts: an activity (with the landmarks it needs) or a menu (None)."""
        ...

    def update(self, intents: Intents, dt: float) -> None: ...

    def status(self) -> str:
        """running | starting | camera lost | ended | error"""
        ...

    def message(self) -> str: ...

    def stop(self) -> None: ...


# Optional, for feeds whose frames come from another thread (TrackerFeed):
#   wait(timeout) -> bool        sleep until a new frame is published (True) or the timeout
#   fresh() -> bool              a frame was published that `wait` has not woken for yet
#   upcoming() -> ndarray | None the picture whose frame is being worked on, to prepare early
#   start() -> None              start the tracker (`play` calls it after its first frame)


class ScriptFeed:
    """PoseFrames from motion scripts sampled on the game clock: one script per activity (or
    one for all), rewound when the activity begins.  After a script's end (without `loop`)
    the picture is empty, as if the child walked away.  A reactive script (game.autoplay) is
    shown the activity's view before each sample (`watch` says where to find it)."""

    kind = "synthetic"
    hands_point = True
    image_format = "bgr"

    def __init__(self, clock: Clock, scripts: Mapping[str, MotionScript] | None = None,
                 default: MotionScript | None = None, menu: MotionScript | None = None,
                 fps: float = 30.0, loop: bool = False, image_size: tuple[int, int] = (640, 480)) -> None:
        self.clock = clock
        self.scripts = dict(scripts or {})
        self.default = default
        self.menu = menu
        self.fps = fps
        self.loop = loop
        self.image_size = image_size
        self._script: MotionScript | None = menu
        self._t0 = clock.now()
        self._index = -1
        self._seq = -1
        self._frame: PoseFrame | None = None
        self._view_of: Callable[[], ActivityView | None] | None = None

    def watch(self, view_of: Callable[[], ActivityView | None]) -> None:
        """Where reactive scripts see the current activity's view (the game context wires it)."""
        self._view_of = view_of

    def begin(self, activity_id: str | None, needs: str | None) -> None:
        if activity_id is None:
            script = self.menu
        else:
            script = self.scripts.get(activity_id, self.default)
        self._script = script
        self._t0 = self.clock.now()
        self._index = -1
        reset = getattr(script, "reset", None)
        if reset is not None:
            reset()

    def update(self, intents: Intents, dt: float) -> None:
        pass

    def now(self) -> float:
        return self.clock.now()

    def latest(self) -> Seen:
        index = int((self.clock.now() - self._t0) * self.fps + 1e-9)
        if index != self._index:
            self._index = index
            self._seq += 1
            script_t = index / self.fps
            body, hands = None, ()
            if self._script is not None:
                duration = float(self._script.duration)
                if self.loop and duration > 0:
                    script_t %= duration
                if script_t <= duration:
                    react = getattr(self._script, "react", None)
                    if react is not None and self._view_of is not None:
                        react(self._view_of())
                    snap = self._script(script_t)
                    body, hands = snap.body, snap.hands
            self._frame = PoseFrame(seq=self._seq, t=self._t0 + index / self.fps, body=body, hands=hands,
                                    image_size=self.image_size, source="synthetic")
        return Seen(self._frame, None, self._seq)

    def status(self) -> str:
        return "running"

    def message(self) -> str:
        return ""

    def stop(self) -> None:
        pass


TrackerFactory = Callable[[str], Any]  # needs -> a started tracking.tracker.Tracker

# The draw loop and the tracker's threads share the GIL.  Python hands it over only every
# switch interval (5 ms by default), so a finished inference could wait that long for it before
# it is published -- and again in MediaPipe's own callbacks.  0.5 ms: in an A/B inside one game
# process (toggled every second, 2 x 60 s) capture-to-screen p95 fell by 9-15 ms, p50 unchanged.
GIL_SWITCH_S = 0.0005


class TrackerFeed:
    """The tracker in its background thread.  When an activity needs other landmarks (body,
    hands, both), a new tracker is started beside the frame loop, so only the models needed
    run and the game never stalls while they load.

    With `start=False` the tracker is made only when `start()` is called: `play` draws its
    first title frame before MediaPipe is even imported.  `wait` lets the frame loop sleep
    until the tracker publishes a new pose (so it is drawn at once, not at the next 60 Hz
    tick); `upcoming` gives the picture the model is working on, to prepare meanwhile."""

    image_format = "rgb_mirrored"

    def __init__(self, make_tracker: TrackerFactory, kind: str, needs: str = "body",
                 monotonic: Callable[[], float] | None = None, start: bool = True) -> None:
        import time

        self.kind = kind
        self.hands_point = True
        self._make = make_tracker
        self._now = monotonic or time.monotonic
        self._sleep = time.sleep
        self._needs = needs
        self._lock = threading.Lock()
        self._tracker: Any = _NotStarted()
        self._seq = -1
        self._last_frame_seq: int | None = None
        self._last: Seen = Seen()
        self._switching: threading.Thread | None = None
        self._waited: tuple[int, int] = (0, 0)  # (id(tracker), results) when `wait` last woke
        if start:
            self.start()

    def start(self) -> None:
        """Make the tracker (for the needs asked so far), unless it is already made."""
        with self._lock:
            if not isinstance(self._tracker, _NotStarted):
                return
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_S))
        tracker = self._make(self._needs)
        with self._lock:
            self._tracker = tracker

    def begin(self, activity_id: str | None, needs: str | None) -> None:
        wanted = needs or "body"
        if wanted == self._needs:
            return
        self._needs = wanted
        old = self._tracker
        if isinstance(old, _NotStarted):
            return  # start() makes the right one

        def switch() -> None:
            old.stop()
            try:
                new = self._make(wanted)
            except Exception as exc:  # a failing camera shows as a status, never a crash
                new = _FailedTracker(str(exc))
            with self._lock:
                self._tracker = new

        self._switching = threading.Thread(target=switch, name="tracker-switch", daemon=True)
        self._switching.start()

    def update(self, intents: Intents, dt: float) -> None:
        pass

    def now(self) -> float:
        return self._now()

    def wait(self, timeout: float) -> bool:
        """Sleep until the tracker publishes a result this method has not woken for yet (True),
        or `timeout` s (False).  Each result wakes it once, so a loop drawing after each wake
        draws at most one extra frame per camera frame and never spins."""
        with self._lock:
            tracker = self._tracker
        waiter = getattr(tracker, "wait_result", None)
        if waiter is None:
            self._sleep(timeout)
            return False
        key, seen = self._waited
        after = seen if key == id(tracker) else 0
        count = int(waiter(after, timeout))
        self._waited = (id(tracker), count)
        return count > after

    def fresh(self) -> bool:
        """Has a result been published that `wait` has not woken for yet?"""
        with self._lock:
            tracker = self._tracker
        results = getattr(tracker, "results", None)
        if results is None:
            return False
        key, seen = self._waited
        return int(results()) > (seen if key == id(tracker) else 0)

    def upcoming(self) -> np.ndarray | None:
        """The newest picture, maybe still without its pose (None when there is none)."""
        with self._lock:
            tracker = self._tracker
        newest = getattr(tracker, "newest_image", None)
        return None if newest is None else newest()

    def latest(self) -> Seen:
        with self._lock:
            tracker = self._tracker
        frame, image = tracker.latest()
        if frame is None:
            return self._last
        key = (id(tracker), frame.seq, frame.t)
        if key != self._last_frame_seq:
            self._last_frame_seq = key  # type: ignore[assignment]
            self._seq += 1
            self._last = Seen(frame, image, self._seq)
        return self._last

    def status(self) -> str:
        with self._lock:
            tracker = self._tracker
        if self._switching is not None and self._switching.is_alive():
            return "starting"
        status = getattr(tracker, "status", None)  # asked every update: skip the full stats
        return status if isinstance(status, str) else tracker.stats().status

    def message(self) -> str:
        with self._lock:
            return self._tracker.stats().error

    def stop(self) -> None:
        if self._switching is not None:
            self._switching.join(2.0)
        with self._lock:
            self._tracker.stop()


class _NotStarted:
    """The tracker before `TrackerFeed.start`: no frames yet, status "starting"."""

    status = "starting"

    def latest(self) -> tuple[None, None]:
        return None, None

    def stats(self) -> Any:
        from tracking.frame import TrackingStats

        return TrackingStats(status="starting")

    def stop(self) -> bool:
        return True


class _FailedTracker:
    def __init__(self, error: str) -> None:
        from tracking.frame import TrackingStats

        self._stats = TrackingStats(status="error", error=error)

    def latest(self) -> tuple[None, None]:
        return None, None

    def stats(self) -> Any:
        return self._stats

    def stop(self) -> bool:
        return True
