"""Migrations, refusing newer schemas and damaged files, backups, concurrent writers, SIGKILL."""

from __future__ import annotations

import hashlib
import signal
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from lbhelpers import PYTHON, subprocess_env
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from logbook import migrate, schema
from logbook.backup import daily_backup
from logbook.errors import LogbookError
from logbook.store import Logbook

WRITER = str(Path(__file__).with_name("writer_proc.py"))


def _engine(url: str):
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg2")
    return create_engine(parsed)


def test_migrations_from_empty_match_the_schema(db_url: str) -> None:
    Logbook.open(db_url).close()
    engine = _engine(db_url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_heads() == (migrate.head_revision(),)
        assert compare_metadata(MigrationContext.configure(conn), schema.metadata) == []
        assert set(inspect(conn).get_table_names()) == set(schema.metadata.tables) | {"alembic_version"}
    engine.dispose()
    Logbook.open(db_url).close()  # opening again is a no-op upgrade


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_sqlite_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "logbook.sqlite3"
    with Logbook.open(f"sqlite:///{path}") as lb:
        lb.add_child("Sam")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = _sha(path)
    listing = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(LogbookError, match="newer Wiggle Quest.*9999_from_the_future.*untouched") as err:
        Logbook.open(f"sqlite:///{path}")
    assert "\n" not in str(err.value)
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.rglob("*")) == listing  # no backup, no -wal left behind


def test_newer_postgres_schema_is_refused_and_untouched(pg_url: str) -> None:
    Logbook.open(pg_url).close()
    engine = _engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        conn.execute(text("DROP TABLE stickers"))  # an upgrade would have to recreate it
    with pytest.raises(LogbookError, match="newer Wiggle Quest"):
        Logbook.open(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"
        assert "stickers" not in inspect(conn).get_table_names()
    engine.dispose()


def test_not_a_database_is_reported_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "logbook.sqlite3"
    path.write_bytes(b"\x00garbage" * 500)
    before = _sha(path)
    with pytest.raises(LogbookError) as err:
        Logbook.open(f"sqlite:///{path}")
    message = str(err.value)
    assert "damaged" in message and "backups" in message and "\n" not in message
    assert _sha(path) == before


def test_damaged_pages_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "logbook.sqlite3"
    with Logbook.open(f"sqlite:///{path}") as lb:
        for i in range(30):
            lb.add_child(f"Child {i}", notes="x" * 300)
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // page_size):  # scribble over every page header but the first
        data[page * page_size: page * page_size + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))
    with pytest.raises(LogbookError, match="damaged.*restore the newest copy"):
        Logbook.open(f"sqlite:///{path}")


def test_daily_backup_once_a_day_keeping_seven(tmp_path: Path) -> None:
    path = tmp_path / "logbook.sqlite3"
    url = f"sqlite:///{path}"
    Logbook.open(url).close()  # a new logbook: nothing to back up yet
    assert not (tmp_path / "backups").exists()
    start = date(2025, 3, 1)
    for i in range(9):
        for _ in range(2):  # twice a day: still one copy
            with Logbook.open(url, today=start + timedelta(days=i)) as lb:
                lb.add_child(f"Kid {i}-{len(lb.list_children())}")
    copies = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert copies == [f"logbook-{(start + timedelta(days=i)).isoformat()}.sqlite3" for i in range(2, 9)]
    with sqlite3.connect(tmp_path / "backups" / copies[-1]) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM children").fetchone()[0] == 16
    conn.close()
    assert daily_backup(path, start + timedelta(days=8)) is None


def test_a_backup_restores_a_damaged_logbook(tmp_path: Path) -> None:
    path = tmp_path / "logbook.sqlite3"
    with Logbook.open(f"sqlite:///{path}") as lb:
        lb.add_child("Sam")
    Logbook.open(f"sqlite:///{path}", today=date(2025, 3, 1)).close()
    path.write_bytes(b"not a database any more")
    with pytest.raises(LogbookError):
        Logbook.open(f"sqlite:///{path}")
    (tmp_path / "backups" / "logbook-2025-03-01.sqlite3").replace(path)
    with Logbook.open(f"sqlite:///{path}") as lb:
        assert [c.nickname for c in lb.list_children()] == ["Sam"]


def _spawn(url: str, count: int, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PYTHON, WRITER, url, "Sam", str(count), mode],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=subprocess_env(),
    )


def test_two_writers_at_once_lose_nothing(db_url: str) -> None:
    with Logbook.open(db_url) as lb:
        lb.add_child("Sam")
    count = 40
    procs = [_spawn(db_url, count, "race") for _ in range(2)]
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    for p in procs:  # release both at once
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and out.strip() == "done", err
    with Logbook.open(db_url) as lb:
        results = lb.results_for("Sam")
        assert len(results) == 2 * count
        assert len({r.session_id for r in results}) == 2
        assert sorted(r.reps for r in results) == sorted(list(range(1, count + 1)) * 2)
        assert all(len(lb.events_for(r.id)) == 6 for r in results[:: count // 4])


def test_sigkill_mid_session_keeps_every_finished_activity(db_url: str) -> None:
    with Logbook.open(db_url) as lb:
        lb.add_child("Sam")
    proc = _spawn(db_url, 5, "hang")
    lines = [proc.stdout.readline().strip() for _ in range(6)]
    assert lines == ["saved 1", "saved 2", "saved 3", "saved 4", "saved 5", "hanging"], proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with Logbook.open(db_url) as lb:  # opens cleanly (the integrity check passes)
        results = lb.results_for("Sam")
        assert [r.reps for r in results] == [1, 2, 3, 4, 5]
        assert all(len(lb.events_for(r.id)) == 6 for r in results)
        [session] = lb.sessions("Sam")
        assert session.ended_at is None  # the session itself never ended
        lb.add_child("Ada")  # and the write lock is free again
