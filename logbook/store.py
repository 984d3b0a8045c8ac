"""The logbook the game writes to: children, plans, sessions, results, stickers and settings.

One `Logbook` per open database (SQLite file by default, PostgreSQL for a clinic).  Every write
is its own short transaction, so a killed process loses at most the activity in progress.
"""

from __future__ import annotations

import math
import re
import sqlite3
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, or_, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from exercises import catalog
from exercises.api import ActivityResult
from exercises.events import Event
from logbook import migrate, schema
from logbook.backup import backups_dir, daily_backup
from logbook.errors import LogbookError
from logbook.paths import default_url
from logbook.plans import Plan
from logbook.records import (
    Child,
    ItemProgress,
    Sticker,
    StoredEvent,
    StoredPlan,
    StoredPlanItem,
    StoredResult,
    StoredSession,
)
from logbook.settings import SETTINGS, check_setting

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 60
CHILD_FIELDS = ("nickname", "avatar", "birth_year", "dominant_hand", "affected_side", "seated", "notes")
GLOBAL = ""


def new_id() -> str:
    return str(uuid.uuid4())


def local_time(moment: datetime) -> datetime:
    """Naive local wall-clock time (what the family's calendar counts)."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def jsonable(value: Any) -> Any:
    """Plain JSON data: numpy scalars become numbers, NaN and infinity become null."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if hasattr(value, "item") and callable(value.item):  # numpy scalar
        return jsonable(value.item())
    if hasattr(value, "tolist") and callable(value.tolist):  # small numpy array
        return jsonable(value.tolist())
    return str(value)


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


class Logbook:
    """An open logbook.  Use `Logbook.open(url)`; close it (or use it as a context manager)."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, *, today: date | None = None) -> Logbook:
        """Open (creating and migrating as needed) the logbook at `url`, default SQLite in the
        data folder.  LogbookError in one line for a damaged database, a newer schema, or a
        server that cannot be reached."""
        url = url or default_url()
        try:
            parsed = make_url(url)
            backend = parsed.get_backend_name()
        except (ArgumentError, ValueError):
            raise LogbookError(f"not a database URL: {url!r} (e.g. sqlite:///path/logbook.sqlite3 or postgresql://user@host/db)") from None
        where = parsed.render_as_string(hide_password=True)
        if backend == "sqlite":
            path = None if parsed.database in (None, "", ":memory:") else Path(parsed.database)
            if path is not None:
                where = str(path)
                path.parent.mkdir(parents=True, exist_ok=True)
                if path.exists():
                    _check_sqlite_file(path)
                    try:
                        daily_backup(path, today or date.today())
                    except (sqlite3.Error, OSError):
                        pass  # a missed backup (disk full, file busy) must not stop the child playing
            engine = _sqlite_engine(url, memory=path is None)
        elif backend == "postgresql":
            if parsed.drivername == "postgresql":  # SQLAlchemy 2.1 would pick psycopg 3
                parsed = parsed.set(drivername="postgresql+psycopg2")
            try:
                engine = create_engine(parsed, pool_pre_ping=True)
            except (ArgumentError, NoSuchModuleError, ImportError) as exc:
                raise LogbookError(f"cannot use {where}: {exc}") from None
        else:
            raise LogbookError(f"unsupported database {backend!r} in {where}; use sqlite:/// or postgresql://")
        try:
            migrate.upgrade(engine, where)
        except LogbookError:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise LogbookError(f"cannot open the logbook at {where}: {reason}") from None
        return cls(engine, where)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Logbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self, write: bool = False) -> Iterator[Connection]:
        """One transaction; SQLite write transactions take the write lock up front."""
        with self.engine.connect() as conn:
            if write:
                conn.execution_options(wq_write=True)
            with conn.begin():
                yield conn

    # -- children --------------------------------------------------------------------------

    def add_child(
        self,
        nickname: str,
        avatar: str = "fox",
        birth_year: int | None = None,
        dominant_hand: str | None = None,
        affected_side: str | None = None,
        seated: bool = False,
        notes: str = "",
    ) -> Child:
        fields = _clean_child_fields(
            dict(nickname=nickname, avatar=avatar, birth_year=birth_year, dominant_hand=dominant_hand,
                 affected_side=affected_side, seated=seated, notes=notes)
        )
        row = dict(fields, id=new_id(), created_at=datetime.now().replace(microsecond=0))
        with self._tx(write=True) as conn:
            if _find_child(conn, fields["nickname"]) is not None:
                raise LogbookError(f"a child called {fields['nickname']!r} already exists")
            conn.execute(schema.children.insert().values(row))
        return _child(row)

    def list_children(self) -> list[Child]:
        with self._tx() as conn:
            rows = conn.execute(select(schema.children).order_by(func.lower(schema.children.c.nickname), schema.children.c.nickname)).mappings()
            return [_child(r) for r in rows]

    def get_child(self, nickname: str) -> Child | None:
        """The child with this nickname (case does not matter), or None."""
        with self._tx() as conn:
            row = _find_child(conn, nickname)
            return None if row is None else _child(row)

    def child(self, nickname: str) -> Child:
        """Like get_child, but LogbookError naming the known children when there is none."""
        with self._tx() as conn:
            return _child(self._require(conn, nickname))

    def update_child(self, nickname: str, /, **fields: Any) -> Child:
        """Change some fields (pass nickname=... to rename)."""
        unknown = set(fields) - set(CHILD_FIELDS)
        if unknown:
            raise LogbookError(f"cannot change {', '.join(sorted(unknown))}; a child has {', '.join(CHILD_FIELDS)}")
        with self._tx(write=True) as conn:
            row = dict(self._require(conn, nickname))
            changes = _clean_child_fields({**{k: row[k] for k in CHILD_FIELDS}, **fields})
            if changes["nickname"].casefold() != row["nickname"].casefold():
                if _find_child(conn, changes["nickname"]) is not None:
                    raise LogbookError(f"a child called {changes['nickname']!r} already exists")
            conn.execute(schema.children.update().where(schema.children.c.id == row["id"]).values(changes))
            row.update(changes)
        return _child(row)

    def remove_child(self, nickname: str) -> None:
        """Delete the child and everything recorded for them (export first: see logbook.exchange)."""
        t = schema
        with self._tx(write=True) as conn:
            child_id = self._require(conn, nickname)["id"]
            results = select(t.activity_results.c.id).where(t.activity_results.c.child_id == child_id)
            plans = select(t.plans.c.id).where(t.plans.c.child_id == child_id)
            conn.execute(t.events.delete().where(t.events.c.result_id.in_(results)))
            conn.execute(t.activity_results.delete().where(t.activity_results.c.child_id == child_id))
            conn.execute(t.stickers.delete().where(t.stickers.c.child_id == child_id))
            conn.execute(t.sessions.delete().where(t.sessions.c.child_id == child_id))
            conn.execute(t.plan_items.delete().where(t.plan_items.c.plan_id.in_(plans)))
            conn.execute(t.plans.delete().where(t.plans.c.child_id == child_id))
            conn.execute(t.settings.delete().where(t.settings.c.scope == child_id))
            conn.execute(t.children.delete().where(t.children.c.id == child_id))

    def _require(self, conn: Connection, nickname: str) -> Mapping[str, Any]:
        row = _find_child(conn, nickname)
        if row is None:
            names = conn.execute(select(schema.children.c.nickname).order_by(schema.children.c.nickname)).scalars().all()
            known = f"children: {', '.join(names)}" if names else "no children yet (wigglequest child add NAME)"
            raise LogbookError(f"no child called {nickname!r} in the logbook; {known}")
        return row

    # -- plans -----------------------------------------------------------------------------

    def assign_plan(self, child_nickname: str, plan: Plan, on: date | None = None) -> str:
        """Store the plan for the child; the newest plan covering a date is the active one.

        A plan without valid_from starts on the day it is assigned (`on`, default today)."""
        plan_id = new_id()
        valid_from = plan.valid_from or on or date.today()
        with self._tx(write=True) as conn:
            child_id = self._require(conn, child_nickname)["id"]
            conn.execute(schema.plans.insert().values(
                id=plan_id, child_id=child_id, name=plan.name, valid_from=valid_from,
                valid_to=plan.valid_to, sessions_per_week=plan.sessions_per_week, notes=plan.notes,
                created_at=datetime.now(),
            ))
            conn.execute(schema.plan_items.insert(), [
                dict(id=new_id(), plan_id=plan_id, position=i, activity_id=item.activity,
                     params=jsonable(item.params), level=item.level, min_level=item.low,
                     max_level=item.high, reps=item.reps, minutes=item.minutes, side=item.side)
                for i, item in enumerate(plan.items)
            ])
        return plan_id

    def active_plan(self, child_nickname: str, on: date) -> StoredPlan | None:
        p = schema.plans.c
        with self._tx() as conn:
            child_id = self._require(conn, child_nickname)["id"]
            row = conn.execute(
                select(schema.plans)
                .where(p.child_id == child_id, p.valid_from <= on, or_(p.valid_to.is_(None), p.valid_to >= on))
                .order_by(p.created_at.desc(), p.id)
                .limit(1)
            ).mappings().first()
            return None if row is None else _plan(conn, row)

    def plans(self, child_nickname: str) -> list[StoredPlan]:
        """Every plan assigned to the child, newest first."""
        p = schema.plans.c
        with self._tx() as conn:
            child_id = self._require(conn, child_nickname)["id"]
            rows = conn.execute(select(schema.plans).where(p.child_id == child_id).order_by(p.created_at.desc())).mappings().all()
            return [_plan(conn, r) for r in rows]

    # -- sessions and results --------------------------------------------------------------

    def start_session(
        self,
        child_nickname: str,
        plan_id: str | None = None,
        app_version: str = "",
        started_at: datetime | None = None,
    ) -> str:
        """A new play session; without `plan_id` it is linked to the plan active that day."""
        started = local_time(started_at or datetime.now())
        if plan_id is None:
            active = self.active_plan(child_nickname, started.date())
            plan_id = active.id if active else None
        session_id = new_id()
        with self._tx(write=True) as conn:
            child_id = self._require(conn, child_nickname)["id"]
            conn.execute(schema.sessions.insert().values(
                id=session_id, child_id=child_id, plan_id=plan_id, started_at=started, ended_at=None,
                app_version=app_version[:40],
            ))
        return session_id

    def end_session(self, session_id: str, ended_at: datetime | None = None) -> None:
        with self._tx(write=True) as conn:
            done = conn.execute(
                schema.sessions.update().where(schema.sessions.c.id == session_id)
                .values(ended_at=local_time(ended_at or datetime.now()))
            )
            if done.rowcount == 0:
                raise LogbookError(f"no session {session_id} in the logbook")

    def sessions(self, child_nickname: str, since: date | None = None) -> list[StoredSession]:
        s = schema.sessions.c
        with self._tx() as conn:
            child_id = self._require(conn, child_nickname)["id"]
            query = select(schema.sessions).where(s.child_id == child_id)
            if since is not None:
                query = query.where(s.started_at >= _start_of(since))
            rows = conn.execute(query.order_by(s.started_at)).mappings()
            return [StoredSession(**r) for r in rows]

    def save_result(
        self,
        session_id: str,
        result: ActivityResult,
        started_at: datetime,
        ended_at: datetime,
        events: Sequence[Event] = (),
        plan_item_id: str | None = None,
    ) -> str:
        """Store one finished activity with its events, all in one transaction."""
        result_id = new_id()
        changes = [jsonable({"t": c.t, "old": c.old, "new": c.new, "reason": c.reason}) for c in result.level_changes]
        row = dict(
            id=result_id, session_id=session_id, activity_id=result.activity_id, plan_item_id=plan_item_id,
            started_at=local_time(started_at), ended_at=local_time(ended_at),
            level=int(result.level),
            level_end=int(result.level_changes[-1].new if result.level_changes else result.level),
            params=jsonable(result.params), reps=None if result.reps is None else int(result.reps),
            success_rate=_number(result.success_rate), duration_s=_number(result.duration_s) or 0.0,
            tracking_quality=_number(result.tracking_quality) or 0.0, completed=bool(result.completed),
            metrics=jsonable(result.metrics), per_side=jsonable(result.per_side), level_changes=changes,
        )
        event_rows = [
            dict(result_id=result_id, seq=i, t=_number(e.t) or 0.0, kind=e.kind, data=jsonable(e.data()))
            for i, e in enumerate(events)
        ]
        with self._tx(write=True) as conn:
            child_id = conn.execute(
                select(schema.sessions.c.child_id).where(schema.sessions.c.id == session_id)
            ).scalar()
            if child_id is None:
                raise LogbookError(f"no session {session_id} in the logbook")
            conn.execute(schema.activity_results.insert().values({**row, "child_id": child_id}))
            if event_rows:
                conn.execute(schema.events.insert(), event_rows)
        return result_id

    # -- queries ---------------------------------------------------------------------------

    def results_for(
        self, child_nickname: str, since: date | None = None, activity_id: str | None = None
    ) -> list[StoredResult]:
        """The child's results, oldest first."""
        r = schema.activity_results.c
        with self._tx() as conn:
            child_id = self._require(conn, child_nickname)["id"]
            query = select(schema.activity_results).where(r.child_id == child_id)
            if since is not None:
                query = query.where(r.started_at >= _start_of(since))
            if activity_id is not None:
                query = query.where(r.activity_id == activity_id)
            rows = conn.execute(query.order_by(r.started_at, r.id)).mappings()
            return [_result(row) for row in rows]

    def events_for(self, result_id: str) -> list[StoredEvent]:
        e = schema.events.c
        with self._tx() as conn:
            rows = conn.execute(select(schema.events).where(e.result_id == result_id).order_by(e.seq)).mappings()
            return [StoredEvent(r["result_id"], r["seq"], r["t"], r["kind"], r["data"]) for r in rows]

    def days_played(self, child_nickname: str, since: date | None = None) -> list[date]:
        """The dates on which the child finished at least one activity, oldest first."""
        return sorted({r.day for r in self.results_for(child_nickname, since)})

    def streak(self, child_nickname: str, today: date) -> int:
        """Days in a row with play, ending today (or yesterday, when today has no play yet)."""
        days = set(self.days_played(child_nickname))
        day = today if today in days else today - timedelta(days=1)
        count = 0
        while day in days:
            count += 1
            day -= timedelta(days=1)
        return count

    def minutes_played(self, child_nickname: str, since: date | None = None) -> float:
        return sum(r.duration_s for r in self.results_for(child_nickname, since)) / 60.0

    def today_progress(self, child_nickname: str, today: date,
                       plan: StoredPlan | None = None) -> list[ItemProgress]:
        """Per item of the plan active today (or of `plan`, already fetched): how much is done
        of what is required."""
        plan = plan or self.active_plan(child_nickname, today)
        if plan is None:
            return []
        todays = [r for r in self.results_for(child_nickname, today) if r.day == today]
        return item_progress(plan, todays)

    # -- stickers and settings -------------------------------------------------------------

    def add_sticker(self, child_nickname: str, sticker_id: str, session_id: str | None = None) -> str:
        sticker_row_id = new_id()
        with self._tx(write=True) as conn:
            child_id = self._require(conn, child_nickname)["id"]
            conn.execute(schema.stickers.insert().values(
                id=sticker_row_id, child_id=child_id, sticker_id=sticker_id[:60], session_id=session_id,
                earned_at=datetime.now(),
            ))
        return sticker_row_id

    def stickers(self, child_nickname: str) -> list[Sticker]:
        s = schema.stickers.c
        with self._tx() as conn:
            child_id = self._require(conn, child_nickname)["id"]
            rows = conn.execute(select(schema.stickers).where(s.child_id == child_id).order_by(s.earned_at)).mappings()
            return [Sticker(**r) for r in rows]

    def get_setting(self, key: str, child: str | None = None, default: Any = None) -> Any:
        """The child's value, else the global one, else `default`, else the known default."""
        st = schema.settings.c
        with self._tx() as conn:
            scopes = [GLOBAL]
            if child is not None:
                scopes.insert(0, self._require(conn, child)["id"])
            rows = dict(conn.execute(select(st.scope, st.value).where(st.key == key, st.scope.in_(scopes))).all())
        for scope in scopes:
            if scope in rows:
                return rows[scope]
        if default is not None or key not in SETTINGS:
            return default
        return SETTINGS[key].default

    def set_setting(self, key: str, value: Any, child: str | None = None) -> None:
        """Store a setting for one child, or for everyone when `child` is None."""
        if not re.fullmatch(r"[a-z][a-z0-9_]{0,59}", key):
            raise LogbookError(f"setting names are lower_case_words, not {key!r}")
        try:
            value = jsonable(check_setting(key, value))
        except ValueError as exc:
            raise LogbookError(str(exc)) from None
        st = schema.settings.c
        with self._tx(write=True) as conn:
            scope = GLOBAL if child is None else self._require(conn, child)["id"]
            conn.execute(schema.settings.delete().where(st.scope == scope, st.key == key))
            conn.execute(schema.settings.insert().values(scope=scope, key=key, value=value))

    def settings(self, child: str | None = None) -> dict[str, Any]:
        """Every known setting (defaults filled in), with this child's overrides applied."""
        st = schema.settings.c
        merged = {key: spec.default for key, spec in SETTINGS.items()}
        with self._tx() as conn:
            merged.update(dict(conn.execute(select(st.key, st.value).where(st.scope == GLOBAL)).all()))
            if child is not None:
                child_id = self._require(conn, child)["id"]
                merged.update(dict(conn.execute(select(st.key, st.value).where(st.scope == child_id)).all()))
        return merged


def item_progress(plan: StoredPlan, results: Sequence[StoredResult]) -> list[ItemProgress]:
    """Share one day's results out over the plan's items, in plan order.

    A result counts toward the item it names (plan_item_id), else toward the first unfinished
    item with the same activity (and side, when both say one).
    """
    done = {item.id: 0.0 for item in plan.items}

    def amount(item: StoredPlanItem, r: StoredResult) -> float:
        if item.reps is None:
            return r.duration_s / 60.0
        return catalog.goal_amount(r.activity_id, r.reps, r.metrics)

    for r in results:
        target = next((i for i in plan.items if i.id == r.plan_item_id), None)
        if target is None:
            side = r.params.get("side")
            fits = [
                i for i in plan.items
                if i.activity_id == r.activity_id
                and (i.side in (None, "either", "both") or side in (None, "either", "both") or side == i.side)
            ]
            target = next((i for i in fits if done[i.id] < i.required), fits[-1] if fits else None)
        if target is not None:
            done[target.id] += amount(target, r)
    return [ItemProgress(i, round(done[i.id], 2), i.required, i.unit) for i in plan.items]


# -- helpers -------------------------------------------------------------------------------


def _sqlite_engine(url: str, memory: bool) -> Engine:
    extra: dict[str, Any] = {"poolclass": StaticPool} if memory else {}
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}, **extra)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("wq_write") else "BEGIN")

    return engine


def _check_sqlite_file(path: Path) -> None:
    """Refuse a damaged file or a newer schema before anything writes to it."""
    restore = (
        f"restore the newest copy from {backups_dir(path)} over it (or move it away to start afresh)"
    )
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise LogbookError(f"cannot read the logbook at {path}: {exc.strerror}") from None
    if not header:
        return  # an empty file becomes a new logbook
    if header != SQLITE_MAGIC:
        raise LogbookError(f"the logbook at {path} is damaged (not a SQLite database); {restore}")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)  # reads only; closing tidies -wal/-shm
    except sqlite3.Error as exc:
        raise LogbookError(f"cannot open the logbook at {path}: {exc}") from None
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise LogbookError(f"the logbook at {path} is damaged ({problems[0]}); {restore}")
        has_version = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        revisions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")} if has_version else set()
    except sqlite3.DatabaseError as exc:
        raise LogbookError(f"the logbook at {path} is damaged ({exc}); {restore}") from None
    finally:
        conn.close()
    migrate.refuse_unknown(revisions, str(path))


def _find_child(conn: Connection, nickname: str) -> Mapping[str, Any] | None:
    c = schema.children.c
    rows = conn.execute(select(schema.children).where(func.lower(c.nickname) == nickname.strip().lower())).mappings().all()
    exact = [r for r in rows if r["nickname"] == nickname.strip()]
    return (exact or rows or [None])[0]


def _clean_child_fields(fields: dict[str, Any]) -> dict[str, Any]:
    nickname = str(fields.get("nickname") or "").strip()
    if not 1 <= len(nickname) <= 40 or any(ord(ch) < 32 for ch in nickname):
        raise LogbookError("a nickname is 1 to 40 characters (a first name or a made-up name; no full names needed)")
    avatar = str(fields.get("avatar") or "fox").strip()
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", avatar):
        raise LogbookError(f"avatar must be a lower_case name like fox, not {avatar!r}")
    year = fields.get("birth_year")
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= date.today().year:
            raise LogbookError(f"birth_year must be a year from 1990 to {date.today().year}, not {year!r}")
    hand = fields.get("dominant_hand")
    if hand not in (None, "left", "right"):
        raise LogbookError(f"dominant_hand must be left or right, not {hand!r}")
    side = fields.get("affected_side")
    if side not in (None, "left", "right", "both"):
        raise LogbookError(f"affected_side must be left, right or both, not {side!r}")
    seated = fields.get("seated", False)
    if not isinstance(seated, bool):
        raise LogbookError("seated must be true or false")
    notes = str(fields.get("notes") or "")
    if len(notes) > 5000:
        raise LogbookError("notes are at most 5000 characters")
    return dict(nickname=nickname, avatar=avatar, birth_year=year, dominant_hand=hand,
                affected_side=side, seated=seated, notes=notes)


def _child(row: Mapping[str, Any]) -> Child:
    return Child(**{k: row[k] for k in ("id", *CHILD_FIELDS, "created_at")})


def _plan(conn: Connection, row: Mapping[str, Any]) -> StoredPlan:
    pi = schema.plan_items.c
    items = conn.execute(select(schema.plan_items).where(pi.plan_id == row["id"]).order_by(pi.position)).mappings()
    return StoredPlan(
        id=row["id"], child_id=row["child_id"], name=row["name"], valid_from=row["valid_from"],
        valid_to=row["valid_to"], sessions_per_week=row["sessions_per_week"], notes=row["notes"],
        items=tuple(
            StoredPlanItem(i["id"], i["position"], i["activity_id"], i["params"], i["level"],
                           i["min_level"], i["max_level"], i["reps"], i["minutes"], i["side"])
            for i in items
        ),
        created_at=row["created_at"],
    )


def _result(row: Mapping[str, Any]) -> StoredResult:
    return StoredResult(**{**row, "level_changes": tuple(row["level_changes"] or ())})


def _start_of(day: date) -> datetime:
    return day if isinstance(day, datetime) else datetime.combine(day, datetime.min.time())


__all__ = ["Logbook", "LogbookError", "item_progress"]
