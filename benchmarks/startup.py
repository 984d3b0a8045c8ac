"""Startup: from launching `python -m game play` to the first drawn title frame, and to the tracker
running (its models load in the background while the title is already on screen).

    python -m benchmarks.startup [--runs 3]

Each run starts a fresh process (SDL dummy drivers, a fresh SQLite logbook) with
WQ_STARTUP_PROBE=file, where the app writes the wall time of its first drawn frame and of the
first frame its feed reports "running"; the process is then stopped.  Two launches are timed:
`play --video CLIP` (a clip stands in for the webcam: same tracker, same models) and
`play --mouse` (no camera, no models).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks._cli import table

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Launch:
    mode: str
    first_frame_s: float | None  # after the process was started
    tracker_s: float | None  # None: no tracker in this mode (or it never ran)
    scene: str  # what the first frame showed


def read_probe(path: Path) -> dict[str, tuple[float, str]]:
    events: dict[str, tuple[float, str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                events[parts[0]] = (float(parts[1]), parts[2] if len(parts) > 2 else "-")
    return events


def launch(mode: str, args: list[str], tmp: Path, run: int, timeout: float) -> Launch:
    """Start the game, wait for the probe's events, stop it."""
    probe = tmp / f"probe-{mode}-{run}.txt"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1", WQ_STARTUP_PROBE=str(probe))
    db = f"sqlite:///{tmp / f'logbook-{mode}-{run}.sqlite3'}"
    wanted = {"first_frame", "feed_running"} if mode == "video" else {"first_frame"}
    started = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "game", "play", *args, "--db", db], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            if wanted <= set(read_probe(probe)):
                break
            time.sleep(0.01)
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    events = read_probe(probe)
    if "first_frame" not in events:
        tail = (err or "").strip().splitlines()[-1:] or ["no frame drawn"]
        raise RuntimeError(f"play {' '.join(args)}: {tail[0]}")
    frame_t, scene = events["first_frame"]
    tracker = events.get("feed_running") if mode == "video" else None  # the mouse has no models
    return Launch(mode, frame_t - started, None if tracker is None else tracker[0] - started, scene)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="launches per mode (median reported)")
    parser.add_argument("--timeout", type=float, default=60.0, help="give up on a launch after this")
    args = parser.parse_args(argv)
    if args.runs < 1:
        print("startup: error: --runs must be at least 1", file=sys.stderr)
        return 2
    from tracking.testclips import make_person_clip

    launches: list[Launch] = []
    with tempfile.TemporaryDirectory(prefix="wq-startup-") as tmp_name:
        tmp = Path(tmp_name)
        clip = make_person_clip(tmp / "person.mp4", frames=60)
        try:
            for run in range(args.runs):
                launches.append(launch("video", ["--video", str(clip.path)], tmp, run, args.timeout))
                launches.append(launch("mouse", ["--mouse"], tmp, run, args.timeout))
        except RuntimeError as exc:
            print(f"startup: error: {exc}", file=sys.stderr)
            return 1
    rows = []
    medians: dict[str, tuple[float, float | None]] = {}
    for mode, label in (("video", "play --video (camera stand-in)"), ("mouse", "play --mouse")):
        runs = [launch for launch in launches if launch.mode == mode]
        first = statistics.median(r.first_frame_s for r in runs if r.first_frame_s is not None)
        ready = [r.tracker_s for r in runs if r.tracker_s is not None]
        tracker = statistics.median(ready) if ready else None
        medians[mode] = (first, tracker)
        rows.append([label, len(runs), runs[0].scene, f"{first:.2f}",
                     "-" if tracker is None else f"{tracker:.2f}",
                     " ".join(f"{r.first_frame_s:.2f}" for r in runs)])
    print(table(rows, ["launch", "runs", "first scene", "first frame s", "tracker running s",
                       "each run (first frame s)"]))
    first, tracker = medians["video"]
    print(f"target: [{'met' if first <= 1.5 else 'MISSED'}] first title frame within 1.5 s of launch")
    tracker_text = "never" if tracker is None else f"{tracker:.2f} s"
    print(f"startup: first title frame {first:.2f} s after launch, tracker running {tracker_text} "
          f"(median of {args.runs}; mouse mode {medians['mouse'][0]:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
