"""Adaptive difficulty: a staircase that keeps a child succeeding about four times in five.

A transformed up/down staircase (Levitt 1971): the level goes up one step after `up_after`
successes in a row and down one step after a failure.  It settles where going up and going
down are equally likely, i.e. where p**up_after = 0.5 — for 3-up/1-down p = 0.794, the
"challenging but mostly winning" zone therapists aim for.  The level never leaves
min_level..max_level (the therapist's bounds), and every move is reported so it can be recorded.
"""

from __future__ import annotations

from dataclasses import dataclass


def target_success_rate(up_after: int) -> float:
    """The success rate an `up_after`-up / 1-down staircase converges to."""
    return 0.5 ** (1.0 / up_after)


@dataclass
class Staircase:
    level: int = 1
    min_level: int = 1
    max_level: int = 5
    up_after: int = 3  # successes in a row before a step up (harder)
    successes: int = 0  # current run of successes
    trials: int = 0
    hits: int = 0

    def __post_init__(self) -> None:
        if self.min_level > self.max_level:
            raise ValueError(f"min_level {self.min_level} is above max_level {self.max_level}")
        if self.up_after < 1:
            raise ValueError("up_after must be at least 1")

    @property
    def target(self) -> float:
        return target_success_rate(self.up_after)

    def record(self, success: bool) -> tuple[int, str] | None:
        """Count one attempt; (new level, reason) when the level moves, else None."""
        self.trials += 1
        if success:
            self.hits += 1
            self.successes += 1
            if self.successes < self.up_after:
                return None
            self.successes = 0
            new = self._clamp(self.level + 1)
            reason = f"{self.up_after} successes in a row"
        else:
            self.successes = 0
            new = self._clamp(self.level - 1)
            reason = "missed"
        if new == self.level:
            return None
        if not self.min_level <= self.level <= self.max_level:
            reason = "back within the therapist's level bounds"
        self.level = new
        return new, reason

    def _clamp(self, level: int) -> int:
        return max(self.min_level, min(self.max_level, level))
