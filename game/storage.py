"""The few things the game asks of the logbook, behind one small interface.

`LogbookStorage` speaks to `logbook.store.Logbook` (SQLite or PostgreSQL); `MemoryStorage`
keeps the same promises in memory for a quick try-out.  Players are keyed by nickname, as the
logbook is.  `save_result` is called the moment an activity ends and the logbook commits it at
once, so quitting or a crash never loses a finished activity.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from exercises import catalog
from exercises.api import ActivityResult
from exercises.events import Event


@dataclass(frozen=True)
class Player:
    nickname: str
    avatar: str = "fox"
    seated: bool = False


@dataclass(frozen=True)
class PlanStep:
    """One stepping stone of today's path: an activity with its plan settings and progress."""

    activity_id: str
    level: int = 1
    params: Mapping[str, Any] = field(default_factory=dict)  # plan overrides (reps, side, ...)
    item_id: str | None = None
    done: float = 0.0
    required: float = 0.0
    unit: str = "reps"

    @property
    def complete(self) -> bool:
        return self.required > 0 and self.done >= self.required


@dataclass(frozen=True)
class LogLine:
    """One finished activity, as the grown-ups area lists it."""

    activity_id: str
    started_at: datetime
    reps: int | None
    duration_s: float
    completed: bool
    success_rate: float | None = None
    metrics: Mapping[str, float | None] = field(default_factory=dict)


class Storage(Protocol):
    def players(self) -> list[Player]: ...

    def add_player(self, nickname: str, avatar: str) -> Player: ...

    def find_player(self, nickname: str) -> Player | None: ...

    def today(self, nickname: str, day: date) -> tuple[str | None, list[PlanStep]]:
        """(plan id, steps) of the plan active that day; (None, []) without a plan."""
        ...

    def start_session(self, nickname: str, plan_id: str | None, started_at: datetime) -> str: ...

    def end_session(self, session_id: str, ended_at: datetime) -> None: ...

    def save_result(self, session_id: str, result: ActivityResult, started_at: datetime,
                    ended_at: datetime, events: Sequence[Event], plan_item_id: str | None) -> None: ...

    def streak(self, nickname: str, day: date) -> int: ...

    def days_played(self, nickname: str, since: date) -> list[date]:
        """The days (from `since` on) with at least one activity played."""
        ...

    def add_sticker(self, nickname: str, sticker_id: str, session_id: str | None) -> None: ...

    def stickers(self, nickname: str) -> list[str]: ...

    def stickers_on(self, nickname: str, day: date) -> list[str]:
        """Stickers earned in that day's play sessions."""
        ...

    def log(self, nickname: str, day: date) -> list[LogLine]: ...

    def get_setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...

    def close(self) -> None: ...


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wiggle-quest")
    except PackageNotFoundError:
        return ""


class LogbookStorage:
    """The real thing: `logbook.store.Logbook`."""

    def __init__(self, logbook: Any) -> None:
        self.book = logbook

    @classmethod
    def open(cls, url: str | None = None) -> LogbookStorage:
        from logbook.store import Logbook

        return cls(Logbook.open(url))

    def players(self) -> list[Player]:
        return [Player(c.nickname, c.avatar, bool(c.seated)) for c in self.book.list_children()]

    def add_player(self, nickname: str, avatar: str) -> Player:
        c = self.book.add_child(nickname, avatar=avatar)
        return Player(c.nickname, c.avatar, bool(c.seated))

    def find_player(self, nickname: str) -> Player | None:
        c = self.book.get_child(nickname)
        return None if c is None else Player(c.nickname, c.avatar, bool(c.seated))

    def today(self, nickname: str, day: date) -> tuple[str | None, list[PlanStep]]:
        plan = self.book.active_plan(nickname, day)
        if plan is None:
            return None, []
        steps = []
        for p in self.book.today_progress(nickname, day, plan):
            item = p.item
            steps.append(PlanStep(
                activity_id=item.activity_id, level=item.level,
                params=item.overrides({q.name for q in catalog.info(item.activity_id).params}),
                item_id=item.id, done=p.done, required=p.required, unit=p.unit,
            ))
        return plan.id, steps

    def start_session(self, nickname: str, plan_id: str | None, started_at: datetime) -> str:
        return self.book.start_session(nickname, plan_id=plan_id, app_version=app_version(), started_at=started_at)

    def end_session(self, session_id: str, ended_at: datetime) -> None:
        self.book.end_session(session_id, ended_at=ended_at)

    def save_result(self, session_id: str, result: ActivityResult, started_at: datetime,
                    ended_at: datetime, events: Sequence[Event], plan_item_id: str | None) -> None:
        self.book.save_result(session_id, result, started_at, ended_at, events, plan_item_id=plan_item_id)

    def streak(self, nickname: str, day: date) -> int:
        return int(self.book.streak(nickname, day))

    def days_played(self, nickname: str, since: date) -> list[date]:
        return list(self.book.days_played(nickname, since))

    def add_sticker(self, nickname: str, sticker_id: str, session_id: str | None) -> None:
        self.book.add_sticker(nickname, sticker_id, session_id)

    def stickers(self, nickname: str) -> list[str]:
        return [s.sticker_id for s in self.book.stickers(nickname)]

    def stickers_on(self, nickname: str, day: date) -> list[str]:
        sessions = {s.id for s in self.book.sessions(nickname, since=day) if s.started_at.date() == day}
        return [s.sticker_id for s in self.book.stickers(nickname) if s.session_id in sessions]

    def log(self, nickname: str, day: date) -> list[LogLine]:
        return [LogLine(r.activity_id, r.started_at, r.reps, r.duration_s, r.completed, r.success_rate, dict(r.metrics))
                for r in self.book.results_for(nickname, since=day) if r.day == day]

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self.book.get_setting(key, default=default)

    def set_setting(self, key: str, value: Any) -> None:
        self.book.set_setting(key, value)

    def close(self) -> None:
        self.book.close()


class OpeningStorage:
    """A Storage whose logbook opens in a background thread: importing SQLAlchemy and checking
    the schema take most of a second, and `play` puts its title on screen first.

    `start()` begins opening (then runs `then(storage)` in the same thread: reading the
    settings, say).  `ready` says whether that has finished, so the title shows its children
    once they are known without waiting.  Any other call waits for the opening and is passed
    on; an opening that failed raises its error there (and from `wait()`)."""

    def __init__(self, open_storage: Callable[[], Storage],
                 then: Callable[[Storage], None] | None = None) -> None:
        self._open = open_storage
        self._then = then
        self._thread: threading.Thread | None = None
        self._storage: Storage | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="logbook-open", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            storage = self._open()
            if self._then is not None:
                self._then(storage)
            self._storage = storage
        except BaseException as exc:  # handed to the main thread by wait()
            self._error = exc

    @property
    def ready(self) -> bool:
        return self._thread is not None and not self._thread.is_alive()

    def wait(self) -> Storage:
        self.start()
        assert self._thread is not None
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._storage is not None
        return self._storage

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.wait(), name)

    def close(self) -> None:
        if self._thread is not None:
            self._thread.join()
        if self._storage is not None:
            self._storage.close()


@dataclass
class _Saved:
    session_id: str
    result: ActivityResult
    started_at: datetime
    ended_at: datetime
    events: tuple[Event, ...]
    plan_item_id: str | None


class MemoryStorage:
    """Everything in memory (nothing survives the process): for trying the game out."""

    def __init__(self) -> None:
        self._players: dict[str, Player] = {}
        self._plans: dict[str, tuple[str, list[PlanStep]]] = {}
        self.sessions: dict[str, dict[str, Any]] = {}
        self.results: list[_Saved] = []
        self._stickers: dict[str, list[tuple[str, str | None]]] = {}  # (sticker, session)
        self._settings: dict[str, Any] = {}

    def players(self) -> list[Player]:
        return sorted(self._players.values(), key=lambda p: p.nickname.casefold())

    def add_player(self, nickname: str, avatar: str) -> Player:
        if nickname.casefold() in self._players:
            raise ValueError(f"a child called {nickname!r} already exists")
        player = Player(nickname, avatar)
        self._players[nickname.casefold()] = player
        return player

    def find_player(self, nickname: str) -> Player | None:
        return self._players.get(nickname.casefold())

    def set_plan(self, nickname: str, plan_id: str, steps: list[PlanStep]) -> None:
        self._plans[nickname.casefold()] = (plan_id, steps)

    def today(self, nickname: str, day: date) -> tuple[str | None, list[PlanStep]]:
        plan_id, steps = self._plans.get(nickname.casefold(), (None, []))
        todays = [r for r in self._results_of(nickname) if r.started_at.date() == day]
        out = []
        for step in steps:
            done = 0.0
            for r in todays:
                if r.plan_item_id == step.item_id or (r.plan_item_id is None and r.result.activity_id == step.activity_id):
                    done += catalog.goal_amount(r.result.activity_id, r.result.reps, r.result.metrics) if step.unit == "reps" else r.result.duration_s / 60
            out.append(PlanStep(step.activity_id, step.level, step.params, step.item_id, done, step.required, step.unit))
        return plan_id, out

    def start_session(self, nickname: str, plan_id: str | None, started_at: datetime) -> str:
        session_id = f"s{len(self.sessions) + 1}"
        self.sessions[session_id] = dict(child=nickname.casefold(), plan_id=plan_id, started_at=started_at, ended_at=None)
        return session_id

    def end_session(self, session_id: str, ended_at: datetime) -> None:
        self.sessions[session_id]["ended_at"] = ended_at

    def save_result(self, session_id: str, result: ActivityResult, started_at: datetime,
                    ended_at: datetime, events: Sequence[Event], plan_item_id: str | None) -> None:
        if session_id not in self.sessions:
            raise ValueError(f"no session {session_id}")
        self.results.append(_Saved(session_id, result, started_at, ended_at, tuple(events), plan_item_id))

    def _results_of(self, nickname: str) -> list[_Saved]:
        key = nickname.casefold()
        return [r for r in self.results if self.sessions[r.session_id]["child"] == key]

    def streak(self, nickname: str, day: date) -> int:
        days = {r.started_at.date() for r in self._results_of(nickname)}
        current = day if day in days else day - timedelta(days=1)
        count = 0
        while current in days:
            count += 1
            current -= timedelta(days=1)
        return count

    def days_played(self, nickname: str, since: date) -> list[date]:
        return sorted({r.started_at.date() for r in self._results_of(nickname) if r.started_at.date() >= since})

    def add_sticker(self, nickname: str, sticker_id: str, session_id: str | None) -> None:
        self._stickers.setdefault(nickname.casefold(), []).append((sticker_id, session_id))

    def stickers(self, nickname: str) -> list[str]:
        return [s for s, _ in self._stickers.get(nickname.casefold(), [])]

    def stickers_on(self, nickname: str, day: date) -> list[str]:
        return [s for s, sid in self._stickers.get(nickname.casefold(), [])
                if sid in self.sessions and self.sessions[sid]["started_at"].date() == day]

    def log(self, nickname: str, day: date) -> list[LogLine]:
        return [LogLine(r.result.activity_id, r.started_at, r.result.reps, r.result.duration_s,
                        r.result.completed, r.result.success_rate, dict(r.result.metrics))
                for r in self._results_of(nickname) if r.started_at.date() == day]

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self._settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self._settings[key] = value

    def close(self) -> None:
        pass
