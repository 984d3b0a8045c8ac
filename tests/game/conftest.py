"""Fixtures for the game tests: a real logbook on a temp SQLite file, and a game on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.storage import LogbookStorage
from logbook.store import Logbook


@pytest.fixture
def logbook(tmp_path: Path) -> Iterator[Logbook]:
    book = Logbook.open(f"sqlite:///{tmp_path / 'logbook.sqlite3'}")
    yield book
    book.close()


@pytest.fixture
def storage(logbook: Logbook) -> LogbookStorage:
    return LogbookStorage(logbook)
