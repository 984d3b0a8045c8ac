"""Known settings with their types and defaults; a child's value overrides the global one."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    meaning: str
    check: Callable[[Any], Any]


def _number(low: float, high: float, whole: bool = False) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"must be a number from {low:g} to {high:g}")
        if whole and value != int(value):
            raise ValueError(f"must be a whole number from {low:g} to {high:g}")
        if not low <= value <= high:
            raise ValueError(f"must be from {low:g} to {high:g}")
        return int(value) if whole else float(value)

    return check


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _side(value: Any) -> str | None:
    if value not in (None, "left", "right"):
        raise ValueError("must be left, right or none")
    return value


SETTINGS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("volume", 0.8, "sound volume, 0 silent to 1 full", _number(0, 1)),
        SettingSpec("voice_prompts", True, "spoken cues on or off", _flag),
        SettingSpec("seated_mode", False, "offer seated variants of standing activities", _flag),
        SettingSpec("favoured_side", None, "side to favour in one-sided activities", _side),
        SettingSpec("session_minutes_limit", 20, "stop a session after this many minutes", _number(1, 120, whole=True)),
        SettingSpec("camera_index", 0, "which webcam to use (0 is the first)", _number(0, 63, whole=True)),
    )
}


def check_setting(key: str, value: Any) -> Any:
    """The value as stored; ValueError naming the key and what is allowed.  Unknown keys pass
    through unchanged (game features may add their own)."""
    spec = SETTINGS.get(key)
    if spec is None:
        return value
    try:
        return spec.check(value)
    except ValueError as exc:
        raise ValueError(f"setting {key} {exc}") from None
