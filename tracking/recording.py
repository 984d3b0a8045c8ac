"""Landmark recordings: what the tracker saw, as text, so sessions can be replayed without a model.

Format ("wigglequest-landmarks", version 1): JSON Lines, UTF-8; gzip-compressed when the file
name ends in ``.gz``.  Line 1 is the header, every further line one processed frame::

    {"format": "wigglequest-landmarks", "version": 1, "source": "webcam:0", "fps": 30.0,
     "image_size": [640, 480], "created": "2024-05-01T10:00:00+00:00", ...extra keys}
    {"seq": 0, "t": 0.0, "body": [[x, y, z, visibility], ... 33 rows] | null,
     "hands": [{"side": "left", "score": 0.98, "points": [[x, y, z], ... 21 rows]}, ...]}

Coordinates are exactly those of `PoseFrame` (normalised, mirrored like the screen, sides the
child's own).  Floats are written with Python's shortest round-trip repr, so a replay gives
back bit-for-bit the float64 values recorded.  Readers refuse a newer version with a message
asking for an update; only images are never recorded (privacy: landmarks only).
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

import numpy as np

from tracking.frame import Hand, PoseFrame
from tracking.landmarks import BODY_COUNT, HAND_COUNT
from tracking.sources.base import SourceError

FORMAT = "wigglequest-landmarks"
VERSION = 1


class RecordingError(SourceError):
    """A recording cannot be read: missing, corrupt, not a recording, or from a newer version."""


@dataclass(frozen=True)
class RecordingHeader:
    source: str
    fps: float
    image_size: tuple[int, int]
    created: str = ""
    version: int = VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "source": self.source,
            "fps": self.fps,
            "image_size": list(self.image_size),
            "created": self.created,
            **self.extra,
        }


def _open_text(path: Path, mode: str) -> IO[str]:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, mode + "b"), encoding="utf-8", newline="\n")
    return open(path, mode, encoding="utf-8", newline="\n")


def frame_to_json(frame: PoseFrame) -> dict[str, Any]:
    body = None if frame.body is None else np.asarray(frame.body, dtype=np.float64).tolist()
    hands = [
        {"side": h.side, "score": float(h.score),
         "points": np.asarray(h.points, dtype=np.float64).tolist()}
        for h in frame.hands
    ]
    return {"seq": int(frame.seq), "t": float(frame.t), "body": body, "hands": hands}


def frame_from_json(data: dict[str, Any], header: RecordingHeader) -> PoseFrame:
    body = data["body"]
    body_arr = None if body is None else np.array(body, dtype=np.float64).reshape(BODY_COUNT, 4)
    hands = tuple(
        Hand(np.array(h["points"], dtype=np.float64).reshape(HAND_COUNT, 3), h["side"],
             float(h["score"]))
        for h in data.get("hands", ())
    )
    for h in hands:
        if h.side not in ("left", "right"):
            raise ValueError(f"hand side must be left or right, got {h.side!r}")
    return PoseFrame(
        seq=int(data["seq"]), t=float(data["t"]), body=body_arr, hands=hands,
        image_size=header.image_size, source=header.source,
    )


class RecordingWriter:
    """Writes a recording line by line (flushed per frame, so a crash loses at most one frame)."""

    def __init__(self, path: str | Path, source: str, fps: float, image_size: tuple[int, int],
                 **extra: Any) -> None:
        self.path = Path(path)
        self.header = RecordingHeader(
            source=source, fps=float(fps), image_size=(int(image_size[0]), int(image_size[1])),
            created=datetime.now(timezone.utc).isoformat(timespec="seconds"), extra=extra,
        )
        self.frames_written = 0
        self._file = _open_text(self.path, "w")
        self._write(self.header.to_json())

    def _write(self, obj: dict[str, Any]) -> None:
        self._file.write(json.dumps(obj, separators=(",", ":")) + "\n")
        self._file.flush()

    def write(self, frame: PoseFrame) -> None:
        self._write(frame_to_json(frame))
        self.frames_written += 1

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()

    def __enter__(self) -> RecordingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _parse_header(line: str, path: Path) -> RecordingHeader:
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordingError(f"{path} is not a Wiggle Quest landmark recording")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise RecordingError(f"{path} has an invalid recording version: {version!r}")
    if version > VERSION:
        raise RecordingError(
            f"{path} was recorded by a newer Wiggle Quest (format version {version}; this one "
            f"reads up to {VERSION}); please update Wiggle Quest to replay it"
        )
    try:
        w, h = data["image_size"]
        known = {"format", "version", "source", "fps", "image_size", "created"}
        return RecordingHeader(
            source=str(data["source"]), fps=float(data["fps"]), image_size=(int(w), int(h)),
            created=str(data.get("created", "")), version=version,
            extra={k: v for k, v in data.items() if k not in known},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordingError(f"{path} has a damaged header ({exc})") from None


class RecordingReader:
    """Streams a recording: `header` is read on open, frames on iteration."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise RecordingError(f"recording not found: {self.path}")
        self._file = _open_text(self.path, "r")
        try:
            first = self._file.readline()
        except (OSError, EOFError, UnicodeDecodeError):
            self.close()
            raise RecordingError(f"{self.path} is not a Wiggle Quest landmark recording") from None
        try:
            self.header = _parse_header(first, self.path)
        except RecordingError:
            self.close()
            raise
        self._line = 1

    def __iter__(self) -> Iterator[PoseFrame]:
        return self

    def __next__(self) -> PoseFrame:
        line = ""
        while not line.strip():
            try:
                line = self._file.readline()
            except (OSError, EOFError, UnicodeDecodeError) as exc:
                raise RecordingError(
                    f"{self.path} is damaged after line {self._line} ({exc})"
                ) from None
            if not line:
                raise StopIteration
            self._line += 1
        try:
            return frame_from_json(json.loads(line), self.header)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise RecordingError(
                f"{self.path} is damaged at line {self._line} ({reason})"
            ) from None

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> RecordingReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_recording(path: str | Path) -> tuple[RecordingHeader, list[PoseFrame]]:
    """The whole recording in memory (fine for minutes of landmarks: ~10 kB per frame)."""
    with RecordingReader(path) as reader:
        return reader.header, list(reader)
