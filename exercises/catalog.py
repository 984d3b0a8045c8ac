"""The thirteen activities by id.  Ids are fixed: plans, the logbook and reports refer to them.

Each activity module defines `INFO: ActivityInfo` and `create() -> Activity`; modules are
imported on first use so listing the catalog stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType
from typing import Any

from exercises.api import Activity, ActivityInfo

MODULES: dict[str, str] = {
    # gross motor (body pose)
    "jumping_jacks": "exercises.activities.jumping_jacks",
    "arm_raises": "exercises.activities.arm_raises",
    "reach_stars": "exercises.activities.reach_stars",
    "flamingo_balance": "exercises.activities.flamingo_balance",
    "frog_squats": "exercises.activities.frog_squats",
    "bunny_hops": "exercises.activities.bunny_hops",
    "march_in_place": "exercises.activities.march_in_place",
    "copy_the_pose": "exercises.activities.copy_the_pose",
    # fine motor (hands)
    "bubble_pop": "exercises.activities.bubble_pop",
    "air_trace": "exercises.activities.air_trace",
    "finger_count": "exercises.activities.finger_count",
    "finger_taps": "exercises.activities.finger_taps",
    "pinch_and_sort": "exercises.activities.pinch_and_sort",
}


def ids() -> list[str]:
    """Every activity id, in catalog order (gross motor first)."""
    return list(MODULES)


def _module(activity_id: str) -> ModuleType:
    if activity_id not in MODULES:
        raise KeyError(f"unknown activity {activity_id!r}; known: {', '.join(MODULES)}")
    return importlib.import_module(MODULES[activity_id])


def info(activity_id: str) -> ActivityInfo:
    return _module(activity_id).INFO


def infos() -> list[ActivityInfo]:
    return [info(i) for i in MODULES]


def create(activity_id: str) -> Activity:
    """A fresh activity object, not started."""
    return _module(activity_id).create()


def resolve_params(
    activity_id: str, level: int = 1, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Defaults, then the level's values, then the overrides, each checked against the schema.

    With `adaptive` on, a level outside min_level..max_level is moved inside them.  Raises
    ValueError naming the parameter and what is allowed.
    """
    spec = info(activity_id)
    if level not in spec.levels:
        raise ValueError(f"level must be between {min(spec.levels)} and {max(spec.levels)}")
    params: dict[str, Any] = {p.name: p.default for p in spec.params}
    params.update(spec.levels[level])
    for name, value in (overrides or {}).items():
        try:
            p = spec.param(name)
        except KeyError:
            allowed = ", ".join(q.name for q in spec.params)
            raise ValueError(f"{activity_id} has no parameter {name!r}; it has: {allowed}") from None
        params[name] = p.check(value)
    lo, hi = params.get("min_level"), params.get("max_level")
    if lo is not None and hi is not None:
        if lo > hi:
            raise ValueError(f"min_level ({lo}) must not be above max_level ({hi})")
        if params.get("adaptive") and not lo <= level <= hi:
            # adaptive play starts inside the therapist's bounds, with that level's values
            return resolve_params(activity_id, max(lo, min(hi, level)), overrides)
    params["level"] = level
    return params


def goal_amount(activity_id: str, reps: float | None, metrics: Mapping[str, Any]) -> float:
    """How much of a plan's `reps` one result counts for: its reps, or the metric the activity's
    goal counts (stars hit, bubbles popped, ...; see ActivityInfo.goal_measure)."""
    try:
        measure = info(activity_id).goal_measure
    except KeyError:
        measure = "reps"
    value = reps if measure == "reps" else metrics.get(measure)
    return float(value or 0)
