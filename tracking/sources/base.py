"""The one interface every frame source speaks, so the tracker does not care where frames come from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from tracking.frame import PoseFrame


class SourceError(Exception):
    """A source cannot be opened or read; the message is one plain line for a person."""


@dataclass(frozen=True)
class Grab:
    """One grabbed frame.

    Camera and video sources fill `image` (BGR, as the camera saw it, *not* mirrored); replay
    and synthetic sources fill `frame` with landmarks that need no model.  `t` is monotonic
    seconds at grab time (for non-realtime file sources: the media time, so results do not
    depend on how fast this machine runs).
    """

    t: float
    index: int
    image: np.ndarray | None = None
    frame: PoseFrame | None = None


@runtime_checkable
class FrameSource(Protocol):
    name: str
    image_size: tuple[int, int]  # width, height
    fps: float

    def open(self) -> None: ...

    def read(self) -> Grab | None:
        """The next frame; None when the source has ended.  Raises SourceError on failure."""
        ...

    def close(self) -> None: ...
