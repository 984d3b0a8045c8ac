"""Parameter specs that many activities share, so "side" or "reps" mean the same everywhere."""

from __future__ import annotations

from exercises.api import ParamSpec, SideChoice


def side(default: SideChoice = "both", choices: tuple[SideChoice, ...] = ("left", "right", "both")) -> ParamSpec:
    return ParamSpec("side", "choice", default, "which side the child should use", choices=choices)


def seated(default: bool = False) -> ParamSpec:
    return ParamSpec("seated", "bool", default, "play sitting on a chair (upper body only)")


def reps(default: int, minimum: int = 1, maximum: int = 50, unit: str = "reps",
         meaning: str = "repetitions to finish the activity") -> ParamSpec:
    return ParamSpec("reps", "int", default, meaning, unit=unit, minimum=minimum, maximum=maximum)


def duration(default: float = 0.0, maximum: float = 600.0) -> ParamSpec:
    return ParamSpec("duration_s", "float", default,
                     "time limit in seconds of active play (0 = no limit, finish on the goal)",
                     unit="s", minimum=0.0, maximum=maximum)


def adaptive(default: bool = False) -> ParamSpec:
    return ParamSpec("adaptive", "bool", default,
                     "move the level up or down to keep success near 75-80%, within min/max level")


def level_bounds() -> tuple[ParamSpec, ParamSpec]:
    return (
        ParamSpec("min_level", "int", 1, "lowest level adaptive difficulty may choose", minimum=1, maximum=5),
        ParamSpec("max_level", "int", 5, "highest level adaptive difficulty may choose", minimum=1, maximum=5),
    )
