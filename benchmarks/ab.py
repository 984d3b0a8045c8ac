"""One latency setting switched on and off every second inside one running game: an A/B that the
machine's drift cannot fool.

    python -m benchmarks.ab --knob gil_switch [--seconds 60] [--period 1]

Whole-run comparisons on a shared 2-core machine cannot see a 5 ms change: its speed drifts by
a quarter within an hour.  Here the game of benchmarks/pipeline.py (tracker + real frame loop
drawing the play scene of a clip played as a live camera) runs once, and the knob flips every
`--period` seconds.  Each pose shown on screen is credited to the knob's state if that state
held from the grab of its picture to the flip that showed it (poses spanning a flip are left
out), so both states see the same slow and fast moments.

Knobs (the setting the game uses is "on"):
- gil_switch: Python's GIL switch interval 0.5 ms (game.feeds.GIL_SWITCH_S) against the default 5 ms;
- fresher_wait: the tracker waits up to 6 ms for the camera's next frame when the waiting one is
  nearly a frame old (tracking.tracker.FRESHER_WAIT_S) against never.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks._cli import table

KNOBS = ("gil_switch", "fresher_wait")
DEFAULT_SWITCH_S = 0.005


def knob_setter(knob: str, tracker: Any) -> Callable[[bool], None]:
    """A function putting `knob` in its on (the game's own) or off state."""
    from game.feeds import GIL_SWITCH_S
    from tracking.tracker import FRESHER_WAIT_S

    if knob == "gil_switch":
        return lambda on: sys.setswitchinterval(GIL_SWITCH_S if on else DEFAULT_SWITCH_S)

    def fresher(on: bool) -> None:
        tracker.fresher_wait_s = FRESHER_WAIT_S if on else 0.0

    return fresher


def run(clip: Path, knob: str, seconds: float, period: float, activity: str) -> dict[bool, list[tuple[float, float]]]:
    """(from grab, from capture) latencies in ms of every pose shown, by the knob's state."""
    from benchmarks.pipeline import WARMUP_LIMIT_S, build_play_game

    trackers: list[Any] = []
    app, scene, feed = build_play_game(clip, activity, trackers)
    deadline = time.monotonic() + WARMUP_LIMIT_S
    while not (feed.status() == "running" and scene.started and scene.frame is not None):
        app.frame()
        if time.monotonic() > deadline or feed.status() == "error":
            raise RuntimeError(f"the game never started tracking: {feed.status()} {feed.message()}")
    tracker = trackers[-1]
    t0, fps = tracker.source._t0, tracker.source.fps  # noqa: SLF001 - the simulated camera's timeline
    setter = knob_setter(knob, tracker)
    flips: list[tuple[float, bool]] = []  # (when, state from then on)
    got: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    shown: tuple[int, float] | None = None
    start = time.monotonic()
    try:
        while (now := time.monotonic()) < start + seconds:
            on = int((now - start) / period) % 2 == 1
            if not flips or flips[-1][1] != on:
                setter(on)
                flips.append((time.monotonic(), on))
            app.frame()
            flipped = time.monotonic()
            frame = scene.frame
            if frame is None or (frame.seq, frame.t) == shown:
                continue
            shown = (frame.seq, frame.t)
            before = [state for when, state in flips if when < frame.t]
            if not before or any(frame.t <= when <= flipped for when, _ in flips):
                continue  # grabbed before the first flip, or the state changed on its way
            captured = t0 + math.floor((frame.t - t0) * fps + 1e-6) / fps
            got[before[-1]].append(((flipped - frame.t) * 1000.0, (flipped - captured) * 1000.0))
    finally:
        setter(True)
        app.close()
        feed.stop()
    return got


def report(knob: str, got: dict[bool, list[tuple[float, float]]]) -> tuple[str, str]:
    rows = []
    for on in (True, False):
        a = np.array(got[on]) if got[on] else np.zeros((0, 2))
        cells = [float(np.percentile(a[:, i], q)) if len(a) else float("nan") for i in (1, 0) for q in (50, 95)]
        rows.append([f"{knob} {'on' if on else 'off'}", len(a), *(f"{c:.1f}" for c in cells)])
    head = ["", "poses", "capture p50", "capture p95", "grab p50", "grab p95"]
    on95, off95 = rows[0][3], rows[1][3]
    return table(rows, head), f"ab: {knob} on/off capture-to-screen p95 {on95} / {off95} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knob", choices=KNOBS, required=True)
    parser.add_argument("--seconds", type=float, default=60.0, help="measured seconds in all")
    parser.add_argument("--period", type=float, default=1.0, help="seconds between flips")
    parser.add_argument("--activity", default="arm_raises", help="whose play scene the game draws")
    parser.add_argument("--clip", type=Path, help="use this video instead of making one")
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # headless, like benchmarks.pipeline
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    if args.seconds <= 0 or args.period <= 0 or args.seconds < 2 * args.period:
        print("ab: error: --seconds must cover at least two periods", file=sys.stderr)
        return 2
    if args.clip is not None and not args.clip.is_file():
        print(f"ab: error: clip not found: {args.clip}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="wq-ab-") as tmp:
        clip = args.clip
        if clip is None:
            from tracking.testclips import make_person_clip

            clip = make_person_clip(Path(tmp) / "person.mp4", frames=300, size=(1280, 720)).path
        try:
            got = run(clip, args.knob, args.seconds, args.period, args.activity)
        except RuntimeError as exc:
            print(f"ab: error: {exc}", file=sys.stderr)
            return 1
    text, headline = report(args.knob, got)
    print(f"{args.knob} flipped every {args.period:g} s for {args.seconds:g} s in one game process")
    print(text)
    print(headline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
