"""Time for the game loop, injectable so tests run a minute of play in a blink.

The app asks `tick(fps, wake)` once per drawn frame: the system clock sleeps until the frame is
due (never spins) -- or until `wake` reports something worth drawing at once (a new pose) -- and
returns the real seconds since the last tick; the manual clock returns exactly 1/fps and moves
its own time forward (it never waits, so it never asks `wake`), so a test's game time is exact
and costs no waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

Wake = Callable[[float], bool]  # wait up to this many seconds; True when woken early


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on this clock (monotonic)."""
        ...

    def tick(self, fps: float, wake: Wake | None = None) -> float:
        """Wait until the next frame is due (or `wake` says to draw now); seconds since the
        previous tick."""
        ...


class SystemClock:
    """Real time.  Sleeps the rest of each frame (time.sleep gives the CPU to the tracker).

    Frames are due on a fixed timeline, not "one period after the last wake-up": a sleep that
    oversleeps (the tracker thread holding the GIL, a busy machine) is made up by the next
    one, so the game keeps its 60 fps on average; a frame late by more than a period restarts
    the timeline rather than rushing to catch up.

    With `wake`, the wait is spent inside it; woken early (a new pose), the frame is drawn at
    once and the timeline restarts there, so frames stay at most a period apart (>= 60 fps)
    and the extra frames are at most one per wake."""

    def __init__(self) -> None:
        self._last = time.monotonic()
        self._due = self._last

    def now(self) -> float:
        return time.monotonic()

    def tick(self, fps: float, wake: Wake | None = None) -> float:
        period = 1.0 / fps
        due = self._due + period
        wait = due - time.monotonic()
        woken = False
        if wait > 0.0005:
            if wake is None:
                time.sleep(wait)
            else:
                woken = wake(wait)
        now = time.monotonic()
        self._due = due if now - due < period and not woken else now
        dt, self._last = now - self._last, now
        return dt


class ManualClock:
    """Game time that only moves when told: `tick` moves it by one frame, `advance` by any amount."""

    def __init__(self, start: float = 1000.0) -> None:
        self._t = start
        self._pending = 0.0

    def now(self) -> float:
        return self._t

    def advance(self, seconds: float) -> None:
        """Make the next tick report a longer frame (a hiccup, for testing the catch-up cap)."""
        self._pending += seconds

    def tick(self, fps: float, wake: Wake | None = None) -> float:
        dt = 1.0 / fps + self._pending
        self._pending = 0.0
        self._t += dt
        return dt
