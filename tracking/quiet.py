"""Silence native libraries (FFmpeg, MediaPipe's absl/TFLite) that write straight to fd 2.

Their chatter is not ours to fix and would break the promise of one clear line on errors, so
noisy native calls (opening files and cameras, loading models) run inside `quiet_stderr()`.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_FD2_LOCK = threading.Lock()  # fd 2 is process-wide: only one redirect at a time


@contextmanager
def quiet_stderr(enabled: bool = True) -> Iterator[None]:
    """Point fd 2 at /dev/null for the duration; Python's own stderr is flushed first."""
    if not enabled:
        yield
        return
    with _FD2_LOCK:
        sys.stderr.flush()
        saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(devnull)
