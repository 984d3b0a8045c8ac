"""Schema versions: refuse a logbook from a newer Wiggle Quest, upgrade an older one to head.

Opening a logbook already at head (every launch but the first) skips Alembic altogether: the
head is read from the migration files' own `revision` lines and compared with the version
table, which saves importing Alembic (about 0.4 s of a game's start).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from logbook.errors import LogbookError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default, which migrations/env.py keeps
_REVISION = re.compile(r'^revision\s*=\s*"([^"]+)"', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*=\s*(None|"([^"]*)")\s*$', re.MULTILINE)


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configured in code, so no alembic.ini is needed at run time."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _read_files() -> tuple[set[str], str | None]:
    """The revisions the migration files declare, and the head -- None when they are not a
    plain line of single-parent revisions (then Alembic itself must decide)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    plain = True
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None:
            continue
        revisions.add(revision.group(1))
        if down is None:
            plain = False  # a merge (a tuple of parents) or a form not recognised
        elif down.group(2) is not None:
            parents.add(down.group(2))
    heads = revisions - parents
    return revisions, (next(iter(heads)) if plain and len(heads) == 1 else None)


def head_from_files() -> str | None:
    """The head revision read straight from the migration files (see `_read_files`)."""
    return _read_files()[1]


def stored_revisions(connection: Connection) -> set[str] | None:
    """The revisions in the version table (None when there is no such table)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return {str(row[0]) for row in connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))}


def current_revisions(connection: Connection) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    return set(MigrationContext.configure(connection).get_current_heads())


def refuse_unknown(revisions: set[str], where: str) -> None:
    """LogbookError when the database carries a schema revision this version does not know."""
    unknown = revisions - _read_files()[0]
    if unknown:
        unknown -= known_revisions()  # what the quick read did not find, Alembic decides
    if unknown:
        raise LogbookError(
            f"the logbook at {where} was written by a newer Wiggle Quest (schema "
            f"{', '.join(sorted(unknown))}); update Wiggle Quest to open it — it was left untouched"
        )


def upgrade(engine: Engine, where: str) -> None:
    """Nothing when the schema is at head already; otherwise check the revision, then
    `upgrade head` in one locked transaction."""
    head = head_from_files()
    with engine.connect() as conn:
        if head is not None and stored_revisions(conn) == {head}:
            return
        refuse_unknown(current_revisions(conn), where)
    from alembic import command

    with engine.connect() as conn:
        conn.execution_options(wq_write=True)  # SQLite: take the write lock before looking
        with conn.begin():
            if conn.dialect.name == "postgresql":  # two programs starting at once migrate once
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(57721)")
            command.upgrade(alembic_config(conn), "head")
