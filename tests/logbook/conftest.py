"""Logbook test fixtures: a database per test, on SQLite and on a real PostgreSQL server.

PostgreSQL comes from WIGGLEQUEST_TEST_PG (set by .ci/postgres.sh); when that is unset, a
throwaway server is started here with initdb/pg_ctl (as the `postgres` user when running as
root).  Only when no server can be started are the PostgreSQL cases skipped, with the reason
printed in the summary; under CI=true they fail instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

SKIP_REASON = pytest.StashKey[str]()


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: [int(x) if x.isdigit() else 0 for x in Path(p).parts[-3].split(".")])
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalServer:
    """A PostgreSQL cluster in a temp folder, for this test run only."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.base = Path(tempfile.mkdtemp(prefix="wq-pg-test-"))
        self.data = self.base / "data"
        self.port = _free_port()
        self.user = "postgres" if os.geteuid() == 0 else None

    def _run(self, *cmd: str) -> None:
        argv = list(cmd)
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(cmd[0]).name} failed: {(done.stderr or done.stdout).strip()[-300:]}")

    def start(self) -> str:
        if self.user:
            import pwd

            try:
                pw = pwd.getpwnam(self.user)
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user to run the server") from None
            os.chmod(self.base, 0o755)
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "wq", "--auth=trust",
                  "--encoding=UTF8", "--no-locale")
        options = (f"-h 127.0.0.1 -p {self.port} -k {self.base} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "server.log"),
                  "-w", "-t", "60", "-o", options, "start")
        return f"postgresql://wq@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_admin_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A URL of a PostgreSQL database on a server where we may create databases."""
    url = os.environ.get("WIGGLEQUEST_TEST_PG")
    if url:
        yield url
        return
    bin_dir = _bin_dir()
    server = None
    reason = ""
    if bin_dir is None:
        reason = "no PostgreSQL server binaries (initdb) found; run .ci/postgres.sh or set WIGGLEQUEST_TEST_PG"
    else:
        server = LocalServer(bin_dir)
        try:
            url = server.start()
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            reason = f"could not start a local PostgreSQL server: {exc}"
            server.stop()
            server = None
    if server is None:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"PostgreSQL is required in CI: {reason}")
        request.config.stash[SKIP_REASON] = reason
        pytest.skip(reason)
    try:
        yield url
    finally:
        server.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    reason = config.stash.get(SKIP_REASON, None)
    if reason:
        terminalreporter.write_line(f"logbook: PostgreSQL tests skipped: {reason}", yellow=True)


def _pg_database(admin_url: str) -> Iterator[str]:
    import psycopg2
    from sqlalchemy.engine import make_url

    name = f"wq_test_{uuid.uuid4().hex[:12]}"
    admin = make_url(admin_url)
    conn = psycopg2.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        yield admin.set(database=name).render_as_string(hide_password=False)
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        conn.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file in tmp, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'logbook.sqlite3'}"
    else:
        yield from _pg_database(request.getfixturevalue("pg_admin_url"))


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    yield from _pg_database(pg_admin_url)
