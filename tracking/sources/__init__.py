"""Where frames come from: a webcam, a video file, a landmark recording, or a synthetic script."""

from tracking.sources.base import FrameSource, Grab, SourceError

__all__ = ["FrameSource", "Grab", "SourceError"]
