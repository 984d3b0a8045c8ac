"""The game's eyes: camera and file sources, MediaPipe estimators, smoothing, the tracker thread.

Never imports pygame (a test enforces it)."""

from tracking.frame import Hand, PoseFrame, TrackingStats
from tracking.landmarks import Body, HandPoint

__all__ = ["Body", "Hand", "HandPoint", "PoseFrame", "TrackingStats"]
