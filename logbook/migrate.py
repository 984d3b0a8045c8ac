"""Schema versions: refuse a logbook from a newer Wiggle Quest, upgrade an older one to head."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from logbook.errors import LogbookError

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configured in code, so no alembic.ini is needed at run time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revisions(connection: Connection) -> set[str]:
    return set(MigrationContext.configure(connection).get_current_heads())


def refuse_unknown(revisions: set[str], where: str) -> None:
    """LogbookError when the database carries a schema revision this version does not know."""
    unknown = revisions - known_revisions()
    if unknown:
        raise LogbookError(
            f"the logbook at {where} was written by a newer Wiggle Quest (schema "
            f"{', '.join(sorted(unknown))}); update Wiggle Quest to open it — it was left untouched"
        )


def upgrade(engine: Engine, where: str) -> None:
    """Check the revision, then `upgrade head` in one locked transaction."""
    with engine.connect() as conn:
        refuse_unknown(current_revisions(conn), where)
    with engine.connect() as conn:
        conn.execution_options(wq_write=True)  # SQLite: take the write lock before looking
        with conn.begin():
            if conn.dialect.name == "postgresql":  # two programs starting at once migrate once
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(57721)")
            command.upgrade(alembic_config(conn), "head")
