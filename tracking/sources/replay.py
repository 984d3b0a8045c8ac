"""ReplaySource: a landmark recording played back as a source, with no camera and no model."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from tracking.recording import RecordingReader
from tracking.sources.base import Grab


class ReplaySource:
    """Gives back exactly the frames recorded (see tracking.recording for the format).

    Not realtime (the default): frames come as fast as asked, each with its recorded `t`.
    Realtime: paced by the recorded timestamps, and `t` restamped to monotonic grab time, as
    a camera would give it.  `loop` starts over at the end.
    """

    def __init__(self, path: str | Path, realtime: bool = False, loop: bool = False) -> None:
        self.path = Path(path)
        self.realtime = realtime
        self.loop = loop
        self.name = f"replay:{self.path.name}"
        self.image_size: tuple[int, int] = (640, 480)
        self.fps = 30.0
        self._reader: RecordingReader | None = None
        self._first_t: float | None = None
        self._start = 0.0
        self._offset = 0.0  # recorded seconds played in earlier loops
        self._last_t = 0.0

    def open(self) -> None:
        if self._reader is not None:
            return
        self._reader = RecordingReader(self.path)
        header = self._reader.header
        self.image_size = header.image_size
        self.fps = header.fps or 30.0
        self._first_t = None
        self._start = time.monotonic()

    def read(self) -> Grab | None:
        if self._reader is None:
            self.open()
        assert self._reader is not None
        frame = next(self._reader, None)
        if frame is None:
            if not self.loop:
                return None
            self._offset += self._last_t + 1.0 / self.fps
            self._reader.close()
            self._reader = RecordingReader(self.path)
            frame = next(self._reader, None)
            if frame is None:
                return None
        if self._first_t is None:
            self._first_t = frame.t
        rel = frame.t - self._first_t
        self._last_t = rel
        if not self.realtime:
            if self._offset:  # later loops: keep time running forward
                frame = replace(frame, t=frame.t + self._offset)
            return Grab(t=frame.t, index=frame.seq, frame=frame)
        due = self._start + self._offset + rel
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        now = time.monotonic()
        return Grab(t=now, index=frame.seq, frame=replace(frame, t=now))

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
