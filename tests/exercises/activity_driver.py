"""Feed an activity a synthetic motion script frame by frame, on frame time, as the tests do."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exercises.api import Activity
from exercises.catalog import create, resolve_params
from exercises.events import Event
from tracking.synthetic.source import Degrade, MotionScript, SyntheticSource


def drive(activity_id: str, script: MotionScript, level: int, params: Mapping[str, Any],
          seed: int = 0, degrade: Degrade | None = None) -> tuple[Activity, list[Event]]:
    """The started activity after every frame of the script, and all the events it emitted.

    The activity is not finished: tests read its state as the script left it."""
    activity = create(activity_id)
    activity.start(resolve_params(activity_id, level, params), 0.0)
    events: list[Event] = []
    for frame in SyntheticSource(script, seed=seed, degrade=degrade or Degrade()).frames():
        events += activity.update(frame, frame.t)
    return activity, events
