"""Run one activity over recorded frames, with no window: for `wigglequest count`, tests and
benchmarks.

Frames are fed on their own time (`frame.t`), so a result depends only on the frames, never on
how fast this machine runs.  At the end of the input the activity is finished if it has not
finished itself.

The ready gate: live, an activity counts only after the child has held its start pose.  A
therapist's clip may never show that pose (it starts mid-movement, or the child was asked to
do something else first), so `gate` chooses:

- ``True``: as in the game; a clip without the start pose counts nothing.
- ``False``: play from the first frame; everything in the clip is analysed (getting into
  position included).
- ``"auto"`` (what `count` uses): as in the game, but if the gate never opened the clip is run
  again with the gate skipped, so the result still carries the movement metrics.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from exercises import catalog
from exercises.api import Activity, ActivityResult
from exercises.calibration import Calibration
from exercises.events import Event
from tracking.frame import PoseFrame
from tracking.sources.base import FrameSource, SourceError

Gate = bool | Literal["auto"]
GateOutcome = Literal["passed", "skipped", "never"]


@dataclass(frozen=True)
class RunOutcome:
    result: ActivityResult
    events: list[Event]
    gate: GateOutcome  # passed: the start pose was held; skipped: gate off; never: not held
    frames: int


def source_frames(source: FrameSource) -> Iterator[PoseFrame]:
    """The PoseFrames of a landmark source (replay, synthetic); the source is opened and closed.

    Camera and video sources give pictures, not landmarks: run them through the tracker first."""
    source.open()
    try:
        while (grab := source.read()) is not None:
            if grab.frame is None:
                raise SourceError(f"{source.name} gives pictures, not landmarks; track it first")
            yield grab.frame
    finally:
        source.close()


def _frames(frames_or_source: Iterable[PoseFrame] | FrameSource) -> Iterable[PoseFrame]:
    if isinstance(frames_or_source, FrameSource) and not isinstance(frames_or_source, Iterable):
        return source_frames(frames_or_source)
    return frames_or_source  # type: ignore[return-value]


def resolve(activity_id: str, params: Mapping[str, Any] | None = None, level: int | None = None,
            calibration: Calibration | None = None) -> dict[str, Any]:
    """Schema-checked parameters: defaults, the level, then `params` as overrides.

    `params` may also be an already resolved set (its "level" is then used when `level` is not
    given).  ValueError names the bad parameter."""
    if activity_id not in catalog.MODULES:
        raise ValueError(f"unknown activity {activity_id!r}; known: {', '.join(catalog.ids())}")
    overrides = dict(params or {})
    given_level = overrides.pop("level", None)
    overrides.pop("calibration", None)
    lvl = int(level if level is not None else given_level if given_level is not None else 1)
    resolved = catalog.resolve_params(activity_id, lvl, overrides)
    if calibration is not None:
        resolved["calibration"] = calibration
    return resolved


def run_frames(activity: Activity, frames: Iterable[PoseFrame], params: Mapping[str, Any],
               gate: bool = True) -> RunOutcome:
    """Drive a started-from-scratch activity over frames (one pass)."""
    events: list[Event] = []
    started = False
    count = 0
    last_t = 0.0
    for frame in frames:
        if not started:
            activity.start(params, frame.t)
            if not gate:
                _skip_gate(activity, frame.t)
            started = True
        count += 1
        last_t = frame.t
        events.extend(activity.update(frame, frame.t))
        if activity.finished:
            break
    if not started:
        activity.start(params, 0.0)
        if not gate:
            _skip_gate(activity, 0.0)
    opened = getattr(activity, "phase", "playing") != "waiting"
    if not activity.finished:
        finish = getattr(activity, "finish", None)
        if finish is not None:
            finish(last_t, events)
    outcome: GateOutcome = "skipped" if not gate else "passed" if opened else "never"
    return RunOutcome(activity.result(), events, outcome, count)


def _skip_gate(activity: Activity, t: float) -> None:
    skip = getattr(activity, "skip_gate", None)
    if skip is None:
        raise TypeError(f"{type(activity).__name__} cannot start without its ready gate")
    skip(t)


def run(activity_id: str, frames_or_source: Iterable[PoseFrame] | FrameSource,
        params: Mapping[str, Any] | None = None, level: int | None = None,
        calibration: Calibration | None = None, gate: Gate = True) -> RunOutcome:
    """`run_activity` with the gate outcome and frame count (what `count` prints)."""
    resolved = resolve(activity_id, params, level, calibration)
    frames = _frames(frames_or_source)
    if gate == "auto":
        frames = list(frames)
        outcome = run_frames(catalog.create(activity_id), frames, resolved, gate=True)
        if outcome.gate == "never" and frames:
            outcome = run_frames(catalog.create(activity_id), frames, resolved, gate=False)
        return outcome
    return run_frames(catalog.create(activity_id), frames, resolved, gate=bool(gate))


def run_activity(activity_id: str, frames_or_source: Iterable[PoseFrame] | FrameSource,
                 params: Mapping[str, Any] | None = None, level: int | None = None,
                 calibration: Calibration | None = None,
                 gate: Gate = True) -> tuple[ActivityResult, list[Event]]:
    """Run one activity over PoseFrames (a list, an iterator, or a landmark FrameSource).

    `params`: overrides of the level's values (or a resolved set); `level` 1..5 (default the
    params' "level", else 1); `calibration` is handed to the activity as params["calibration"].
    ValueError for an unknown activity id or a bad parameter; SourceError from the source.
    """
    outcome = run(activity_id, frames_or_source, params, level, calibration, gate)
    return outcome.result, outcome.events
