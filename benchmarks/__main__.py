"""Every benchmark at its default size, one after the other: `python -m benchmarks`.

Prints each benchmark's table as it finishes, then the headline lines together.  `--quick`
runs them on tiny inputs (a smoke run, figures meaningless)."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def _runs(quick: bool, tmp: Path) -> list[tuple[str, Callable[[list[str]], int], list[str]]]:
    from benchmarks import accuracy, make_accuracy_set, offline, pipeline, startup

    labels = make_accuracy_set.write_set(tmp / "accuracy")
    return [
        ("pipeline", pipeline.main, ["--seconds", "1", "--size", "320x240"] if quick else ["--repeat", "3"]),
        ("offline", offline.main, ["--frames", "12"] if quick else []),
        ("startup", startup.main, ["--runs", "1"] if quick else []),
        ("accuracy", accuracy.main, ["--clips", str(labels.parent), "--labels", str(labels)]),
    ]


def machine() -> str:
    """One line saying what these figures were measured on."""
    import platform
    from importlib.metadata import version

    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines()
                 if ln.startswith("model name")]
        model = f" ({names[0]})" if names else ""
    libs = ", ".join(f"{name} {version(name)}" for name in ("mediapipe", "pygame-ce", "opencv-contrib-python"))
    return f"machine: {os.cpu_count()} cores{model}, {platform.system()}, Python {platform.python_version()}, {libs}"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny inputs: check that all run")
    args = parser.parse_args(argv)
    print(machine())
    print(f"start: {load()}\n", flush=True)
    headlines: list[str] = []
    worst = 0
    with tempfile.TemporaryDirectory(prefix="wq-bench-") as tmp:
        for name, run, run_args in _runs(args.quick, Path(tmp)):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                code = run(run_args)
            text = out.getvalue().rstrip()
            print(f"== {name} {' '.join(run_args)}".rstrip())
            print(text + "\n", flush=True)
            worst = max(worst, code)
            lines = text.splitlines()
            headlines.append(lines[-1] if code == 0 and lines else f"{name}: failed (exit {code})")
    print(f"end: {load()}")
    print("\n".join(headlines))
    return worst


if __name__ == "__main__":
    sys.exit(main())
