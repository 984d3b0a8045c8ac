"""Daily backup copies of a SQLite logbook: what makes a damaged database recoverable."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

KEEP = 7
PREFIX = "logbook-"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def daily_backup(db_path: Path, today: date, keep: int = KEEP) -> Path | None:
    """Copy the database (SQLite online backup API) once per day; keep the newest `keep` copies.

    Returns the new copy, or None when today's copy already exists or there is nothing to copy.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{PREFIX}{today.isoformat()}.sqlite3"
    if target.exists():
        return None
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(db_path, timeout=60)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    except BaseException:
        partial.unlink(missing_ok=True)  # never leave a half-written copy beside the good ones
        raise
    finally:
        source.close()
    partial.replace(target)
    copies = sorted(folder.glob(f"{PREFIX}*.sqlite3"))
    for old in copies[:-keep]:
        old.unlink()
    return target
