"""What every activity shares: the ready gate, pausing when the child is lost, the activity
clock, cue pacing, tracking quality and the result envelope.

Subclasses implement `sees`, `in_start_pose`, `step`, `done` and the figures; the base makes
sure nothing is counted before the child is in position or from frames where the needed
landmarks were not seen, and that pauses do not count as active time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exercises.api import ActivityInfo, ActivityResult, ActivityView, LevelChange, Params, Phase
from exercises.calibration import Calibration
from exercises.difficulty import Staircase
from exercises.events import CUES, Cue, Event, Finished, LevelChanged, Side
from tracking.frame import PoseFrame

READY_HOLD_S = 1.0  # hold the start pose this long before counting begins
LOST_AFTER_S = 0.6  # unseen this long pauses the activity and asks the child to come back
CUE_REPEAT_S = 3.0  # the same cue is not repeated sooner than this
CUE_SHOW_S = 2.0  # how long a cue stays in the view


class ActivityBase:
    """Lifecycle shared by all activities.  Subclasses set `info` and override the hooks."""

    info: ActivityInfo
    ready_hold_s: float = READY_HOLD_S
    # True: any break in the start pose starts the gate over (a hand that keeps pinching, a knee
    # that lifts); False: the gate's progress drains back at twice the rate it filled.
    gate_resets: bool = False

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}
        self.level = 1
        self.phase: Phase = "waiting"
        self.t_start = 0.0
        self.t_last: float | None = None
        self.t_end: float | None = None
        self.active_s = 0.0  # playing time, pauses excluded
        self.tracked_s = 0.0  # time after the gate with the needed landmarks seen
        self.total_s = 0.0  # time after the gate, paused or not
        self.ready_s = 0.0
        self.unseen_s = 0.0
        self.paused_at: float | None = None
        self.away_s = 0.0  # how long the last pause lasted (set before on_resume)
        self.completed = False
        self.level_changes: list[LevelChange] = []
        self.trials: list[tuple[float, bool]] = []
        self.last_count_t: float | None = None  # when the main count last went up
        self._cue: str | None = None
        self._cue_t = -1e9
        self._cue_last: dict[str, float] = {}
        self._staircase: Staircase | None = None

    # --- the Activity protocol ---------------------------------------------------------------

    def start(self, params: Params, t: float) -> None:
        self.__init__()  # type: ignore[misc]  # a restart is a fresh run
        self.params = dict(params)
        self.level = int(self.params.get("level", 1))
        self.t_start = t
        self.on_start(t)

    def skip_gate(self, t: float) -> None:
        """Start playing now, without waiting for the start pose.

        For analysing a recorded clip whole (`wigglequest count`), where the child may never
        hold the start pose on camera.  Call right after `start`; no effect once playing."""
        if self.phase == "waiting":
            self.ready_s = self.ready_hold_s
            self.phase = "playing"
            self.on_play(t)

    def update(self, frame: PoseFrame | None, t: float) -> list[Event]:
        if self.phase == "finished":
            return []
        events: list[Event] = []
        dt = 0.0 if self.t_last is None else max(0.0, min(t - self.t_last, 0.5))
        self.t_last = t
        seen = frame is not None and self.sees(frame)
        if self.phase == "waiting":
            if seen and self.in_start_pose(frame):  # type: ignore[arg-type]
                self.unseen_s = 0.0
                self.ready_s += dt
                if self.ready_s >= self.ready_hold_s:
                    self.phase = "playing"
                    self.on_play(t)
                    self.cue(events, "get_ready", t, force=True)
            else:
                # Unseen frames count against the gate like being out of pose: a child still
                # stepping in (feet flickering at the picture's edge) must not open it.
                self.ready_s = 0.0 if seen and self.gate_resets else max(0.0, self.ready_s - 2 * dt)
                if not seen:
                    self.unseen_s += dt
                    if self.unseen_s > LOST_AFTER_S:
                        self.cue(events, self.missing_cue(frame), t)
                else:
                    self.unseen_s = 0.0
                    self.cue(events, self.start_pose_cue(), t)
            return events
        self.total_s += dt
        if seen:
            self.tracked_s += dt
            self.unseen_s = 0.0
            if self.phase == "paused":
                self.phase = "playing"
                self.away_s = t - self.paused_at if self.paused_at is not None else 0.0
                self.paused_at = None
                self.on_resume(t)
            self.active_s += dt
            assert frame is not None
            before = self.count()
            events.extend(self.step(frame, t, dt))
            if self.count() != before:
                self.last_count_t = t
        else:
            self.unseen_s += dt
            if self.phase == "playing":
                if self.unseen_s > LOST_AFTER_S:
                    self.phase = "paused"
                    self.paused_at = t
                    self.on_pause(t)
                    self.cue(events, "come_back", t, force=True)
                else:
                    self.active_s += dt  # a short dropout is still play time
        time_limit = self.time_limit_s()
        if self.done() or (time_limit is not None and self.active_s >= time_limit):
            self.completed = self.done()
            self.finish(t, events)
        return events

    def finish(self, t: float, events: list[Event] | None = None) -> None:
        """End now (the goal was reached, time ran out, or the game stopped it)."""
        if self.phase == "finished":
            return
        self.phase = "finished"
        self.t_end = t
        self.on_finish(t)
        if events is not None:
            events.append(Finished(t, completed=self.completed))

    @property
    def finished(self) -> bool:
        return self.phase == "finished"

    def view(self) -> ActivityView:
        current_t = self.t_last if self.t_last is not None else self.t_start
        cue = self._cue if current_t - self._cue_t <= CUE_SHOW_S else None
        limit = self.time_limit_s()
        base = dict(
            activity_id=self.info.id,
            phase=self.phase,
            count=self.count(),
            goal=self.goal(),
            progress=self.progress(),
            time_left_s=None if limit is None else max(0.0, limit - self.active_s),
            ready=min(1.0, self.ready_s / self.ready_hold_s) if self.phase == "waiting" else 1.0,
            cue=cue,
            level=self.level,
        )
        base.update(self.view_fields())
        # What the scene needs to animate without reaching inside: the full time bar and how
        # long ago the count last went up (for a bounce).
        extra = dict(base.get("extra") or {})
        extra.setdefault("duration_s", limit)
        if self.last_count_t is not None:
            extra.setdefault("since_count_s", max(0.0, current_t - self.last_count_t))
        base["extra"] = extra
        return ActivityView(**base)

    def result(self) -> ActivityResult:
        return ActivityResult(
            activity_id=self.info.id,
            reps=self.reps(),
            metrics={k: float(v) for k, v in self.metrics().items()},
            per_side={s: {k: float(v) for k, v in m.items()} for s, m in self.per_side().items()},
            tracking_quality=self.tracking_quality(),
            duration_s=round(self.active_s, 3),
            success_rate=self.success_rate(),
            params={k: v for k, v in self.params.items() if k != "calibration"},
            level=self.level,
            completed=self.completed,
            level_changes=tuple(self.level_changes),
        )

    # --- helpers for subclasses ---------------------------------------------------------------

    def cue(self, events: list[Event], cue: str, t: float, force: bool = False) -> None:
        """Emit a cue unless the same one was given moments ago."""
        if cue not in CUES:
            raise ValueError(f"unknown cue {cue!r}")
        if not force and t - self._cue_last.get(cue, -1e9) < CUE_REPEAT_S:
            return
        self._cue_last[cue] = t
        self._cue, self._cue_t = cue, t
        events.append(Cue(t, cue))

    def trial(self, success: bool, t: float, events: list[Event]) -> None:
        """Record one attempt (a target, a bubble, a pose) for adaptive difficulty.

        When the `adaptive` parameter is on, the level may move within min_level..max_level;
        a change is recorded in `level_changes`, emitted as LevelChanged, and `on_level_change`
        lets the activity re-read its level's parameters.
        """
        self.trials.append((t, success))
        if not self.params.get("adaptive"):
            return
        if self._staircase is None:
            self._staircase = Staircase(
                level=self.level,
                min_level=int(self.params.get("min_level", 1)),
                max_level=int(self.params.get("max_level", max(self.info.levels, default=5))),
            )
        change = self._staircase.record(success)
        if change is None:
            return
        old, (new, reason) = self.level, change
        self.level = new
        self.level_changes.append(LevelChange(t, old, new, reason))
        events.append(LevelChanged(t, old, new, reason))
        self.on_level_change(old, new, t)

    def level_params(self, level: int | None = None) -> dict[str, Any]:
        """The current parameters with `level`'s values (default: the current level) laid over
        them: what `on_level_change` usually re-reads."""
        params = dict(self.params)
        params.update(self.info.levels.get(self.level if level is None else level, {}))
        return params

    def calibration(self) -> Calibration | None:
        """This child's body measurements, when the game calibrated (params key "calibration")."""
        cal = self.params.get("calibration")
        return cal if isinstance(cal, Calibration) else None

    def tracking_quality(self) -> float:
        return round(self.tracked_s / self.total_s, 4) if self.total_s > 0 else 0.0

    def side_param(self) -> str:
        return str(self.params.get("side", "both"))

    def time_limit_s(self) -> float | None:
        value = self.params.get("duration_s")
        return float(value) if value else None

    # --- hooks -------------------------------------------------------------------------------

    def on_start(self, t: float) -> None: ...

    def on_play(self, t: float) -> None: ...

    def on_pause(self, t: float) -> None: ...

    def on_resume(self, t: float) -> None: ...

    def on_finish(self, t: float) -> None: ...

    def on_level_change(self, old: int, new: int, t: float) -> None: ...

    def sees(self, frame: PoseFrame) -> bool:
        """Are the landmarks this activity needs visible in this frame?"""
        raise NotImplementedError

    def in_start_pose(self, frame: PoseFrame) -> bool:
        """Is the child in the position counting starts from?  Default: simply being seen."""
        return True

    def start_pose_cue(self) -> str:
        return "get_ready"

    def missing_cue(self, frame: PoseFrame | None) -> str:
        return "show_hands" if self.info.needs == "hands" else "show_body"

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        """Advance the activity with a frame in which the needed landmarks are seen."""
        raise NotImplementedError

    def done(self) -> bool:
        return False

    def count(self) -> int:
        return 0

    def goal(self) -> int:
        return int(self.params.get("reps", 0) or 0)

    def progress(self) -> float:
        goal = self.goal()
        if goal:
            return min(1.0, self.count() / goal)
        limit = self.time_limit_s()
        return min(1.0, self.active_s / limit) if limit else 0.0

    def view_fields(self) -> Mapping[str, Any]:
        return {}

    def reps(self) -> int | None:
        return None

    def metrics(self) -> Mapping[str, float]:
        return {}

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {}

    def success_rate(self) -> float | None:
        return None


def asymmetry_index(left: float, right: float) -> float:
    """(L - R) / (L + R) * 100: 0 is symmetric, +100 all left, -100 all right; the common
    clinical convention so a therapist reads it the same way for every activity."""
    total = abs(left) + abs(right)
    return 0.0 if total == 0 else round(100.0 * (left - right) / total, 2)
