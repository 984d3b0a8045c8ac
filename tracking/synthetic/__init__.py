"""Synthetic motion: child bodies and hands driven by scripts, for exact tests and demos."""

from tracking.synthetic.body import ArmPose, BodyPose, LegPose, Placement, render_body
from tracking.synthetic.source import Degrade, MotionScript, Snapshot, SyntheticSource, Together

__all__ = [
    "ArmPose", "BodyPose", "Degrade", "LegPose", "MotionScript", "Placement", "Snapshot",
    "SyntheticSource", "Together", "render_body",
]
