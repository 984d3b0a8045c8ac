"""Repetition counting that survives jitter, dropouts and half-moves.

A rep is a signal (normalised so 0 is the rest position and 1 the full movement) that rises
past `high` and falls back past `low`.  The gap between them (hysteresis) means noise around
one threshold cannot count twice; `confirm` frames beyond a threshold mean one wild frame
cannot either; `min_rep_s` rejects movements faster than a child can really make.  A rise
past `partial` that turns back before `high` is a partial rep: useful to a therapist, never
counted as a rep.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RepOutcome:
    """What one update produced (at most one of the two)."""

    completed: bool = False
    partial: bool = False
    peak: float = 0.0  # highest signal during the (partial) rep
    duration_s: float = 0.0


@dataclass
class RepCounter:
    high: float = 0.8
    low: float = 0.3
    partial: float = 0.5
    min_rep_s: float = 0.35
    confirm: int = 2
    reps: int = 0
    partials: int = 0
    state: str = "down"  # down | rising | up
    peak: float = 0.0
    rep_start: float | None = None
    rep_times: list[float] = field(default_factory=list)
    _streak: int = 0

    def reset(self) -> None:
        self.reps = self.partials = 0
        self.state, self.peak, self.rep_start = "down", 0.0, None
        self.rep_times.clear()
        self._streak = 0

    def update(self, value: float | None, t: float) -> RepOutcome:
        """Feed one sample; None (not seen) keeps the state and counts nothing."""
        if value is None:
            self._streak = 0
            return RepOutcome()
        if self.state in ("down", "rising"):
            if value >= self.high:
                self._streak += 1
                if self._streak >= self.confirm:
                    self.state, self._streak = "up", 0
                    if self.rep_start is None:
                        self.rep_start = t
                self.peak = max(self.peak, value)
                return RepOutcome()
            self._streak = 0
            if value >= self.partial:
                if self.state == "down":
                    self.state, self.rep_start = "rising", t
                self.peak = max(self.peak, value)
            elif value > self.low:
                if self.state == "down" and self.rep_start is None:
                    self.rep_start = t
                self.peak = max(self.peak, value)
            else:  # back at rest
                outcome = RepOutcome()
                if self.state == "rising":
                    self.partials += 1
                    outcome = RepOutcome(partial=True, peak=self.peak)
                self.state, self.peak, self.rep_start = "down", 0.0, None
                return outcome
            return RepOutcome()
        # state == "up": waiting to come back down
        self.peak = max(self.peak, value)
        if value <= self.low:
            self._streak += 1
            if self._streak >= self.confirm:
                start = self.rep_start if self.rep_start is not None else t
                duration = t - start
                self._streak = 0
                self.state, self.rep_start = "down", None
                peak, self.peak = self.peak, 0.0
                if duration < self.min_rep_s:
                    return RepOutcome()
                self.reps += 1
                self.rep_times.append(t)
                return RepOutcome(completed=True, peak=peak, duration_s=duration)
        else:
            self._streak = 0
        return RepOutcome()

    def cadence_per_min(self) -> float:
        """Reps per minute between the first and the last rep (0 with fewer than two)."""
        return cadence_per_min(self.rep_times)


def cadence_per_min(times: list[float]) -> float:
    """Events per minute between the first and the last (0 with fewer than two)."""
    times = sorted(times)
    if len(times) < 2 or times[-1] <= times[0]:
        return 0.0
    return round(60.0 * (len(times) - 1) / (times[-1] - times[0]), 2)


def mean_interval_s(times: list[float]) -> float:
    """Mean time between consecutive events (0 with fewer than two)."""
    times = sorted(times)
    if len(times) < 2:
        return 0.0
    return round((times[-1] - times[0]) / (len(times) - 1), 3)


def normalise(value: float | None, rest: float, full: float) -> float | None:
    """Map a raw measurement onto 0 (rest) .. 1 (full movement), unclamped."""
    if value is None or full == rest:
        return None
    return (value - rest) / (full - rest)
