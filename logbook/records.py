"""What the logbook hands back: plain frozen dataclasses, one per stored thing."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Child:
    id: str
    nickname: str
    avatar: str = "fox"
    birth_year: int | None = None
    dominant_hand: str | None = None  # left | right
    affected_side: str | None = None  # left | right | both
    seated: bool = False
    notes: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class StoredPlanItem:
    id: str
    position: int
    activity_id: str
    params: Mapping[str, Any]
    level: int
    min_level: int
    max_level: int
    reps: int | None
    minutes: float | None
    side: str | None

    @property
    def required(self) -> float:
        """How much makes this item done: reps, or minutes."""
        return float(self.reps if self.reps is not None else self.minutes or 0.0)

    @property
    def unit(self) -> str:
        return "reps" if self.reps is not None else "minutes"

    def overrides(self, param_names: Collection[str]) -> dict[str, Any]:
        """Parameter overrides for `exercises.catalog.resolve_params(activity_id, level, ...)`:
        params plus reps, minutes (as duration_s), side and level bounds where the activity
        has such parameters (`param_names`: the names in its ActivityInfo.params)."""
        out = dict(self.params)
        extra = {"reps": self.reps, "duration_s": None if self.minutes is None else self.minutes * 60,
                 "side": self.side, "min_level": self.min_level, "max_level": self.max_level}
        out.update({k: v for k, v in extra.items() if v is not None and k in param_names})
        return out


@dataclass(frozen=True)
class StoredPlan:
    id: str
    child_id: str
    name: str
    valid_from: date
    valid_to: date | None
    sessions_per_week: int
    notes: str
    items: tuple[StoredPlanItem, ...]
    created_at: datetime | None = None

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class StoredSession:
    id: str
    child_id: str
    plan_id: str | None
    started_at: datetime
    ended_at: datetime | None
    app_version: str


@dataclass(frozen=True)
class StoredResult:
    id: str
    session_id: str
    child_id: str
    activity_id: str
    plan_item_id: str | None
    started_at: datetime
    ended_at: datetime
    level: int
    level_end: int
    params: Mapping[str, Any]
    reps: int | None
    success_rate: float | None
    duration_s: float
    tracking_quality: float
    completed: bool
    metrics: Mapping[str, float | None]
    per_side: Mapping[str, Mapping[str, float | None]]
    level_changes: tuple[Mapping[str, Any], ...] = ()

    @property
    def day(self) -> date:
        return self.started_at.date()


@dataclass(frozen=True)
class StoredEvent:
    result_id: str
    seq: int
    t: float
    kind: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sticker:
    id: str
    child_id: str
    sticker_id: str
    session_id: str | None
    earned_at: datetime


@dataclass(frozen=True)
class ItemProgress:
    """Today's progress on one plan item: `done` of `required` (reps, or minutes)."""

    item: StoredPlanItem
    done: float
    required: float
    unit: str

    @property
    def complete(self) -> bool:
        return self.done >= self.required
