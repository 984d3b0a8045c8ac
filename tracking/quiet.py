"""Silence native libraries (FFmpeg, MediaPipe's absl/TFLite) that write straight to fd 2.

Their chatter is not ours to fix and would break the promise that a command prints only its own
output (and one clear line on errors).  MediaPipe 0.10.21 logs through absl's C++ logger, which
no environment variable reaches (GLOG_minloglevel does not): e.g. the hands graph's
``W0000 ... landmark_projection_calculator.cc`` warning, printed mid-run from `process()`.

- `quiet_stderr()`: around one noisy native call (opening a file or camera, loading a model).
- `native_stderr_silenced()`: around a whole command (`track`, `record`, `count`, `doctor`).
  fd 2 points at /dev/null once for the run, while Python's `sys.stderr` keeps writing to the
  real stderr through a copy of the old fd 2, so our own messages still show.  One redirect per
  run costs nothing per frame (a redirect around every `process()` call would need the fd-2
  lock on the tracker thread and could swallow another thread's message).
  ``WIGGLEQUEST_NATIVE_LOGS=1`` leaves fd 2 alone, to read the native logs when debugging.
"""

from __future__ import annotations

import io
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_FD2_LOCK = threading.Lock()  # fd 2 is process-wide: only one switch at a time
NATIVE_LOGS_ENV = "WIGGLEQUEST_NATIVE_LOGS"


def _fd2_to_devnull() -> int:
    """Point fd 2 at /dev/null (Python's stderr flushed first); returns a copy of the old fd 2."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    return saved


def _restore_fd2(saved: int) -> None:
    os.dup2(saved, 2)
    os.close(saved)


@contextmanager
def quiet_stderr(enabled: bool = True) -> Iterator[None]:
    """Point fd 2 at /dev/null for the duration; Python's own stderr is flushed first."""
    if not enabled:
        yield
        return
    with _FD2_LOCK:
        saved = _fd2_to_devnull()
        try:
            yield
        finally:
            _restore_fd2(saved)


def native_logs_wanted() -> bool:
    return os.environ.get(NATIVE_LOGS_ENV, "").strip() not in ("", "0")


def _writes_to_fd2(stream: object) -> bool:
    try:
        return stream is not None and stream.fileno() == 2  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False


@contextmanager
def native_stderr_silenced(enabled: bool | None = None) -> Iterator[None]:
    """fd 2 -> /dev/null for a whole run; Python's sys.stderr still reaches the real stderr.

    `enabled` None: on unless WIGGLEQUEST_NATIVE_LOGS is set."""
    if enabled is None:
        enabled = not native_logs_wanted()
    if not enabled:
        yield
        return
    with _FD2_LOCK:
        saved = _fd2_to_devnull()
    original = sys.stderr
    swapped = _writes_to_fd2(original)  # under pytest's capture sys.stderr is not fd 2: leave it
    if swapped:
        encoding = getattr(original, "encoding", None) or "utf-8"
        sys.stderr = open(saved, "w", buffering=1, encoding=encoding,  # noqa: SIM115
                          errors="backslashreplace", closefd=False)
    try:
        yield
    finally:
        if swapped:
            try:
                sys.stderr.flush()
            finally:
                sys.stderr = original
        with _FD2_LOCK:
            _restore_fd2(saved)

