"""Native libraries write to fd 2 behind Python's back; a command silences them for its whole
run while its own messages still reach stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import os, sys
from tracking.quiet import native_stderr_silenced
os.write(2, b"native before\\n")
with native_stderr_silenced():
    os.write(2, b"native inside\\n")  # what absl/FFmpeg do from C++
    print("ours inside", file=sys.stderr)
os.write(2, b"native after\\n")
print("ours after", file=sys.stderr)
"""


def run(env_extra: dict[str, str]) -> str:
    env = {k: v for k, v in os.environ.items() if k != "WIGGLEQUEST_NATIVE_LOGS"}
    env.update(env_extra, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stderr


def test_native_writes_are_silenced_and_ours_are_not() -> None:
    assert run({}).splitlines() == ["native before", "ours inside", "native after", "ours after"]


def test_an_environment_variable_shows_the_native_logs_for_debugging() -> None:
    assert run({"WIGGLEQUEST_NATIVE_LOGS": "1"}).splitlines() == [
        "native before", "native inside", "ours inside", "native after", "ours after"]
