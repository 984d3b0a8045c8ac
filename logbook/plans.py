"""Therapist plan files (YAML or JSON): parsed with pydantic, checked against the activity catalog.

A plan says which activities a child practises, how much (reps or minutes), at which difficulty
and on which side, from when to when and how many sessions a week.  See assets/plans/ for
commented examples.  Every problem is reported as `FILE: PLACE: what is allowed`, where PLACE is
like `items[2].params.reps` (items counted from 0).
"""

from __future__ import annotations

import json
import math
import reprlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from exercises.api import ActivityInfo
from logbook.words import plural

MAX_FILE_BYTES = 1_000_000
LEVELS = (1, 5)

StrictInt = Annotated[int, Field(strict=True)]


class Catalog(Protocol):
    """What plan checking needs from `exercises.catalog` (injectable for tests)."""

    def ids(self) -> list[str]: ...

    def info(self, activity_id: str) -> ActivityInfo: ...


class PlanError(Exception):
    """A plan file that cannot be used; the message names the file, the place and what is allowed."""

    def __init__(self, source: str, problems: Sequence[tuple[str, str]]) -> None:
        self.source = source
        self.problems = list(problems)
        place, what = self.problems[0]
        more = len(self.problems) - 1
        text = f"{source}: {place + ': ' if place else ''}{what}"
        if more:
            others = ", ".join(p or "file" for p, _ in self.problems[1:4]) + (", ..." if more > 3 else "")
            text += f" (and {plural(more, 'more problem')}: {others})"
        super().__init__(text)


def _no_number_dates(value: Any) -> Any:
    if value is None or isinstance(value, date | str):
        return value
    raise ValueError("must be a date like 2025-03-01")


class PlanItem(BaseModel):
    """One thing to practise.  Give `reps` or `minutes`, not both."""

    model_config = ConfigDict(extra="forbid")

    activity: str = Field(min_length=1, max_length=60)
    params: dict[str, Any] = Field(default_factory=dict)
    level: StrictInt = Field(1, ge=LEVELS[0], le=LEVELS[1])
    min_level: StrictInt | None = Field(None, ge=LEVELS[0], le=LEVELS[1])
    max_level: StrictInt | None = Field(None, ge=LEVELS[0], le=LEVELS[1])
    reps: StrictInt | None = Field(None, ge=1, le=1000)
    minutes: float | None = Field(None, gt=0, le=60)
    side: Literal["left", "right", "both", "either"] | None = None

    @field_validator("minutes", mode="before")
    @classmethod
    def _minutes_not_bool(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("must be a number of minutes")
        return value

    @model_validator(mode="after")
    def _amount_and_levels(self) -> PlanItem:
        if (self.reps is None) == (self.minutes is None):
            raise ValueError("give either reps or minutes (exactly one of them)")
        low = self.min_level if self.min_level is not None else LEVELS[0]
        high = self.max_level if self.max_level is not None else LEVELS[1]
        if not low <= self.level <= high:
            raise ValueError(f"level {self.level} must lie within min_level {low} .. max_level {high}")
        return self

    @property
    def low(self) -> int:
        return self.min_level if self.min_level is not None else LEVELS[0]

    @property
    def high(self) -> int:
        return self.max_level if self.max_level is not None else LEVELS[1]


class Plan(BaseModel):
    """A therapist's plan for one child over a stretch of dates."""

    model_config = ConfigDict(extra="forbid")

    child: str | None = Field(None, min_length=1, max_length=40)
    name: str = Field("", max_length=200)
    valid_from: date | None = None  # None: from the day it is assigned
    valid_to: date | None = None
    sessions_per_week: StrictInt = Field(3, ge=1, le=14)
    notes: str = Field("", max_length=5000)
    items: list[PlanItem] = Field(min_length=1, max_length=50)

    _dates = field_validator("valid_from", "valid_to", mode="before")(_no_number_dates)

    @model_validator(mode="after")
    def _date_order(self) -> Plan:
        if self.valid_to is not None and self.valid_from is not None and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")
        return self

    def to_text(self, fmt: Literal["yaml", "json"] = "yaml") -> str:
        data = self.model_dump(exclude_none=True, exclude_defaults=False)
        if fmt == "json":
            return json.dumps(self.model_dump(mode="json", exclude_none=True), indent=2) + "\n"
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


# What each field allows, in words, for error messages.
ALLOWED: dict[str, str] = {
    "child": "a child's nickname (1 to 40 characters)",
    "name": "a short title (text)",
    "valid_from": "a date like 2025-03-01 (leave out to start the day the plan is assigned)",
    "valid_to": "a date like 2025-04-30, not before valid_from",
    "sessions_per_week": "a whole number from 1 to 14",
    "notes": "text",
    "items": "a list of 1 to 50 activities to practise",
    "activity": "an activity id (see `wigglequest activities`)",
    "params": "a mapping of parameter name to value",
    "level": "a whole number from 1 to 5",
    "min_level": "a whole number from 1 to 5",
    "max_level": "a whole number from 1 to 5",
    "reps": "a whole number from 1 to 1000",
    "minutes": "a number of minutes above 0 and at most 60",
    "side": "one of left, right, both, either",
}
PLAN_FIELDS = ", ".join(Plan.model_fields)
ITEM_FIELDS = ", ".join(PlanItem.model_fields)


def place(loc: Sequence[int | str]) -> str:
    """('items', 2, 'params', 'reps') -> 'items[2].params.reps'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(error: Any) -> tuple[str, str]:
    loc = tuple(error["loc"])
    kind = error["type"]
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    where = place(loc)
    if kind == "extra_forbidden":
        inside_item = len(loc) >= 2 and loc[0] == "items"
        allowed = ITEM_FIELDS if inside_item else PLAN_FIELDS
        return where, f"is not a plan field; allowed here: {allowed}"
    if kind == "missing":
        return where, f"is missing; it must be {ALLOWED.get(field, 'given')}"
    if kind in ("model_type", "dict_type"):
        what = "an item mapping (activity, reps, ...)" if loc and loc[-1] != "params" and "items" in loc else ALLOWED.get(field, "a mapping")
        return where, f"must be {what}, not {_shown(error.get('input'))}"
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return where, message
    allowed = ALLOWED.get(field)
    if allowed:
        return where, f"must be {allowed}, not {_shown(error.get('input'))}"
    return where, error["msg"]


def _shown(value: Any) -> str:
    short = reprlib.Repr()
    short.maxlevel, short.maxstring, short.maxother, short.maxlist, short.maxdict = 2, 30, 30, 4, 4
    return short.repr(value)


def parse_plan(data: Any, source: str, catalog: Catalog | None = None) -> Plan:
    """A checked Plan from already-loaded data; PlanError naming `source` otherwise."""
    if not isinstance(data, dict):
        raise PlanError(source, [("", f"a plan must be a mapping with fields {PLAN_FIELDS}, not {type(data).__name__}")])
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise PlanError(source, [_describe(e) for e in exc.errors()]) from None
    problems = check_against_catalog(plan, catalog)
    if problems:
        raise PlanError(source, problems)
    return plan


def check_against_catalog(plan: Plan, catalog: Catalog | None = None) -> list[tuple[str, str]]:
    """Unknown activities, unknown parameters, values out of range, levels and sides not offered."""
    if catalog is None:
        from exercises import catalog as default_catalog

        catalog = default_catalog
    known = catalog.ids()
    problems: list[tuple[str, str]] = []
    for i, item in enumerate(plan.items):
        at = f"items[{i}]"
        if item.activity not in known:
            problems.append((f"{at}.activity", f"unknown activity {item.activity!r}; known: {', '.join(known)}"))
            continue
        try:
            info = catalog.info(item.activity)
        except (KeyError, ImportError):
            problems.append((f"{at}.activity", f"{item.activity} is not available in this version of Wiggle Quest"))
            continue
        problems += _check_item(item, info, at)
    return problems


# Item fields that some activities also list as parameters: set them on the item, not in params.
ITEM_LEVEL_PARAMS = {"reps": "reps", "side": "side", "min_level": "min_level", "max_level": "max_level",
                     "level": "level", "duration_s": "minutes"}


def _check_item(item: PlanItem, info: ActivityInfo, at: str) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    names = [p.name for p in info.params]
    for name, value in item.params.items():
        if name in ITEM_LEVEL_PARAMS:
            field = ITEM_LEVEL_PARAMS[name]
            problems.append((f"{at}.params.{name}", f"set {field} on the item itself ({at}.{field}), not in params"))
            continue
        if name not in names:
            problems.append((
                f"{at}.params.{name}",
                f"{item.activity} has no parameter {name!r}; it has: {', '.join(n for n in names if n not in ITEM_LEVEL_PARAMS) or 'none'}",
            ))
            continue
        try:
            checked = info.param(name).check(value)
            if isinstance(checked, float) and not math.isfinite(checked):
                raise ValueError(f"{name} must be a finite number")
        except ValueError as exc:
            problems.append((f"{at}.params.{name}", str(exc)))
    levels = sorted(info.levels) or list(range(LEVELS[0], LEVELS[1] + 1))
    for field in ("level", "min_level", "max_level"):
        value = getattr(item, field)
        if value is not None and value not in levels:
            problems.append((f"{at}.{field}", f"{item.activity} has levels {levels[0]} to {levels[-1]}"))
    if item.side is not None and item.side not in info.sides:
        problems.append((f"{at}.side", f"{item.activity} can be played with side: {', '.join(info.sides)}"))
    if item.reps is not None and "reps" in names:
        try:
            info.param("reps").check(item.reps)
        except ValueError as exc:
            problems.append((f"{at}.reps", f"{exc} for {item.activity}"))
    if item.minutes is not None and "duration_s" in names:
        spec = info.param("duration_s")
        if spec.maximum is not None and item.minutes * 60 > spec.maximum:
            problems.append((f"{at}.minutes", f"minutes must be at most {spec.maximum / 60:g} for {item.activity}"))
    return problems


def load_plan(path: str | Path, catalog: Catalog | None = None) -> Plan:
    """Read and check a plan file (.yaml, .yml or .json; other names are tried as YAML)."""
    path = Path(path)
    source = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PlanError(source, [("", f"file is larger than {MAX_FILE_BYTES // 1000} kB; a plan is a short text file")])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanError(source, [("", "no such file")]) from None
    except IsADirectoryError:
        raise PlanError(source, [("", "is a folder, not a plan file")]) from None
    except OSError as exc:
        raise PlanError(source, [("", f"cannot read it ({exc.strerror})")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanError(source, [("", f"is not UTF-8 text (bad byte at offset {exc.start})")]) from None
    if "\x00" in text:
        raise PlanError(source, [("", "is a binary file, not a YAML or JSON plan")])
    return parse_plan(_load_text(text, source, path.suffix.lower()), source, catalog)


def _load_text(text: str, source: str, suffix: str) -> Any:
    if not text.strip():
        raise PlanError(source, [("", "is empty; a plan needs items")])
    if suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PlanError(source, [(f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}")]) from None
        except RecursionError:
            raise PlanError(source, [("", "not valid JSON: nested too deeply")]) from None
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1} column {mark.column + 1}" if mark else ""
        raise PlanError(source, [(where, f"not valid YAML: {exc.problem or exc}")]) from None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        raise PlanError(source, [("", f"not valid YAML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")]) from None
