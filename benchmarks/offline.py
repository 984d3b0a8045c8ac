"""Offline throughput: `track` and `count` on a clip, as a multiple of real time.

    python -m benchmarks.offline [--frames 300] [--activity arm_raises]

Builds a real-person clip (tracking.testclips), then times the two commands in this process,
each including its model loading (Python's imports are warmed first, so neither command pays
for them).  A figure above 1.0x means a therapist's clip is analysed faster than it plays.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._cli import run_cli, table
from tracking.testclips import make_person_clip


def timed(argv: list[str]) -> tuple[float, int, str]:
    t0 = time.perf_counter()
    code, out, err = run_cli(argv)
    return time.perf_counter() - t0, code, err.strip()


def warm_imports() -> None:
    """Import what both commands import, so the first one timed is not charged for it."""
    import cv2  # noqa: F401

    from tracking.estimators import _import_mediapipe

    _import_mediapipe()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300, help="clip length in frames (30 fps)")
    parser.add_argument("--activity", default="arm_raises")
    args = parser.parse_args(argv)
    if args.frames < 2:
        print("offline: error: --frames must be at least 2", file=sys.stderr)
        return 2
    warm_imports()
    with tempfile.TemporaryDirectory(prefix="wq-bench-") as tmp:
        clip = make_person_clip(Path(tmp) / "clip.mp4", frames=args.frames)
        clip_s = clip.frames / clip.fps
        rows = []
        ratios = {}
        for name, cmd in (
            ("track", ["track", str(clip.path), "-o", str(Path(tmp) / "clip.landmarks.jsonl")]),
            ("count", ["count", str(clip.path), "--activity", args.activity, "--json"]),
        ):
            seconds, code, err = timed(cmd)
            if code != 0:
                print(f"offline: {name} failed: {err}", file=sys.stderr)
                return 1
            ratios[name] = clip_s / seconds
            rows.append([name, clip.frames, round(clip_s, 2), round(seconds, 2),
                         round(clip.frames / seconds, 1), f"{ratios[name]:.2f}x"])
    print(table(rows, ["command", "frames", "clip s", "wall s", "frames/s", "x real time"]))
    verdict = "met" if ratios["count"] >= 1.5 else "MISSED"
    print(f"target: [{verdict}] count at >= 1.5x real time")
    print(f"offline: track {ratios['track']:.2f}x real time, count {ratios['count']:.2f}x real time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
