"""The grown-ups' "Today" in plain words: what was played and when, how much ("Jumping Jacks:
10 jumps, 2 minutes"), whether today's plan was followed, the streak, the last seven days and
the stickers.  Pure data and sentences, built once from the logbook; the scene only draws them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from exercises import catalog
from game.storage import LogLine, PlanStep, Storage
from logbook.words import plural


def count_words(activity_id: str) -> tuple[str, str, str]:
    """(the figure a plan's reps count, one, many): "bubble_pop" -> ("pops", "bubble popped",
    "bubbles popped").  The words live with each activity in the catalog."""
    try:
        info = catalog.info(activity_id)
    except KeyError:
        return ("reps", "time", "times")
    return (info.goal_measure, *info.count_words)




def duration_words(seconds: float) -> str:
    """ "45 seconds", "1 minute", "3 minutes" (rounded to what a parent cares about)."""
    if seconds < 59.5:
        return plural(max(1, round(seconds)), "second")
    return plural(max(1, round(seconds / 60.0)), "minute")


def activity_name(activity_id: str) -> str:
    try:
        return catalog.info(activity_id).name
    except (KeyError, ValueError):
        return activity_id.replace("_", " ").capitalize()


def amount_words(activity_id: str, reps: int | None, metrics: Mapping[str, float | None]) -> str:
    """How much was done, in the activity's own words ("10 jumps", "stood up to 6 seconds")."""
    if activity_id == "flamingo_balance":
        held = metrics.get("longest_hold_s")
        return f"stood on one leg for up to {duration_words(float(held))}" if held else "tried standing on one leg"
    key, one, many = count_words(activity_id)
    value = reps if key == "reps" else metrics.get(key)
    if value is None:
        value = reps
    if value is None:
        return ""
    return plural(int(round(float(value))), one, many)


def line_words(line: LogLine) -> str:
    """ "Jumping Jacks: 10 jumps, 2 minutes" (+ ", stopped early")."""
    parts = [p for p in (amount_words(line.activity_id, line.reps, line.metrics), duration_words(line.duration_s)) if p]
    if not line.completed:
        parts.append("stopped early")
    return f"{activity_name(line.activity_id)}: {', '.join(parts)}"


def plan_amount(step: PlanStep) -> str:
    """ "3 of 8 squats" / "1 of 2 minutes"."""
    if step.unit == "minutes":
        return f"{step.done:.0f} of {plural(round(step.required), 'minute')}"
    _, one, many = count_words(step.activity_id)
    return f"{int(step.done)} of {plural(int(step.required), one, many)}"


def plan_words(step: PlanStep) -> str:
    """ "Frog Squats: 3 of 8 squats" / "Flamingo balance: 1 of 2 minutes"."""
    return f"{activity_name(step.activity_id)}: {plan_amount(step)}"


@dataclass(frozen=True)
class DayDot:
    day: date
    played: bool


@dataclass(frozen=True)
class TodaySummary:
    nickname: str
    day: date
    lines: tuple[tuple[datetime, str], ...]  # when, what ("Jumping Jacks: 10 jumps, 2 minutes")
    activities: int
    seconds: float
    plan: tuple[tuple[bool, str], ...]  # done?, words ("Frog Squats: 3 of 8 squats")
    streak: int
    week: tuple[DayDot, ...]  # the last 7 days, oldest first, today last
    stickers_today: tuple[str, ...]
    stickers_total: int

    @property
    def title(self) -> str:
        return f"{self.nickname} today, {self.day:%A} {self.day.day} {self.day:%B}"

    @property
    def played_words(self) -> str:
        if not self.activities:
            return "Nothing played yet today."
        return f"Played {plural(self.activities, 'activity')} for {duration_words(self.seconds)}."

    @property
    def plan_words(self) -> str:
        if not self.plan:
            return "No plan today: free play."
        done = sum(ok for ok, _ in self.plan)
        if done == len(self.plan):
            return f"Today's plan: all {len(self.plan)} done!"
        return f"Today's plan: {done} of {len(self.plan)} done"

    @property
    def streak_words(self) -> str:
        if self.streak <= 0:
            return "No days in a row yet."
        return f"{plural(self.streak, 'day')} in a row"

    @property
    def sticker_words(self) -> str:
        return f"Stickers: {len(self.stickers_today)} today, {self.stickers_total} in all"


def today_summary(storage: Storage, nickname: str, day: date) -> TodaySummary:
    log: Sequence[LogLine] = storage.log(nickname, day)
    _, steps = storage.today(nickname, day)
    since = day - timedelta(days=6)
    played = set(storage.days_played(nickname, since))
    week = tuple(DayDot(since + timedelta(days=i), since + timedelta(days=i) in played) for i in range(7))
    return TodaySummary(
        nickname=nickname,
        day=day,
        lines=tuple((line.started_at, line_words(line)) for line in log),
        activities=len(log),
        seconds=sum(line.duration_s for line in log),
        plan=tuple((step.complete, plan_words(step)) for step in steps),
        streak=storage.streak(nickname, day),
        week=week,
        stickers_today=tuple(storage.stickers_on(nickname, day)),
        stickers_total=len(storage.stickers(nickname)),
    )
