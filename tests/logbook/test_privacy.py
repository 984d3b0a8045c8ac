"""After a full scripted session, nothing resembling an image exists in the data folder or database."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from lbhelpers import result, run, seed_logbook
from sqlalchemy import LargeBinary

from exercises.events import HoldEnded, RepCompleted, TargetHit
from logbook import schema
from logbook.paths import DB_FILE, data_dir
from logbook.store import Logbook

IMAGE_MAGIC = {
    "PNG": b"\x89PNG\r\n\x1a\n",
    "JPEG": b"\xff\xd8\xff",
    "GIF": b"GIF8",
    "BMP": b"BM",
    "WebP": b"WEBP",
    "TIFF": b"II*\x00",
    "numpy": b"\x93NUMPY",
}
BIG_VALUE = 64 * 1024


def test_no_image_anywhere_after_a_session(tmp_path: Path) -> None:
    folder = data_dir()  # the test's own data folder (tests/conftest.py)
    with Logbook.open() as lb:  # the default: SQLite in the data folder
        seed_logbook(lb, days=3)
        session = lb.start_session("Sam")
        t0 = datetime.now()
        events = [RepCompleted(0.5 * k, k + 1, "left", 0.9) for k in range(40)]
        events += [TargetHit(30.0, 1, "right", 0.4, 0.7), HoldEnded(35.0, 4.2, True, "left")]
        for k in range(5):
            lb.save_result(session, result(reps=10 + k), t0 + timedelta(minutes=k), t0 + timedelta(minutes=k, seconds=50), events)
        lb.add_sticker("Sam", "gold_star", session)
        lb.set_setting("camera_index", 0)
        lb.end_session(session)
    assert run("report", "--child", "Sam", "-o", str(folder / "report.html"))[0] == 0
    assert run("export", "--child", "Sam", "--format", "csv", "-o", str(folder / "export"))[0] == 0
    Logbook.open(today=(datetime.now() + timedelta(days=1)).date()).close()  # make a backup too
    assert (folder / DB_FILE).exists() and any((folder / "backups").iterdir())

    files = [p for p in folder.rglob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        for kind, magic in IMAGE_MAGIC.items():
            if kind in ("BMP", "TIFF"):  # short magics: only at the start of a file
                assert not data.startswith(magic), (path, kind)
            else:
                assert magic not in data, (path, kind)
        assert path.suffix.lower() not in (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".mp4", ".avi", ".npy")

    for path in [folder / DB_FILE, *sorted((folder / "backups").iterdir())]:
        conn = sqlite3.connect(path)
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            assert set(schema.metadata.tables) <= set(tables)
            for table in tables:
                for row in conn.execute(f'SELECT * FROM "{table}"'):
                    for value in row:
                        assert not isinstance(value, bytes), (path, table)
                        assert not (isinstance(value, str) and len(value) > BIG_VALUE), (path, table)
        finally:
            conn.close()
    assert os.path.getsize(folder / DB_FILE) < 2_000_000


def test_schema_has_no_binary_columns() -> None:
    for table in schema.metadata.tables.values():
        for column in table.columns:
            assert not isinstance(column.type, LargeBinary), f"{table.name}.{column.name}"
