"""Where the logbook lives: the data folder and the default database URL."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "wigglequest"
DB_FILE = "logbook.sqlite3"


def data_dir_path() -> Path:
    """`WIGGLEQUEST_DATA_DIR`, else the platform's user data folder (not created)."""
    return Path(os.environ.get("WIGGLEQUEST_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def data_dir() -> Path:
    """The data folder, created when missing."""
    path = data_dir_path()
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> str:
    """`WIGGLEQUEST_DB`, else SQLite in the data folder."""
    return os.environ.get("WIGGLEQUEST_DB") or f"sqlite:///{data_dir() / DB_FILE}"
