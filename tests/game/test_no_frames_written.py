"""Privacy, end to end: a whole session played from a real video file (the real tracker and
MediaPipe, as `wigglequest play --video PATH` builds it) writes no picture anywhere.  Every way
the code base could save a picture or an array fails the test if called; afterwards the data
folder and the working folder hold no image, video or array file, and the logbook database
holds no image bytes and no large blobs -- only landmarks' results and settings."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pygame
import pytest

from game.clock import ManualClock
from game.feeds import TrackerFeed
from game.launch import PlayOptions, open_feed, open_storage
from game.scenes.path import PathScene
from game.scenes.play import PausedScene, PlayScene
from game.scenes.ready import GetReadyScene
from game.scenes.title import TitleScene
from logbook.paths import DB_FILE
from tests.game.harness import Game
from tracking.testclips import make_person_clip

PICTURE_FILES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".ppm", ".pgm",
                 ".pnm", ".exr", ".mp4", ".avi", ".mov", ".mkv", ".webm", ".m4v", ".npy", ".npz", ".raw", ".yuv"}
MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"\x93NUMPY": "numpy",
         b"RIFF": "RIFF/AVI/WebP", b"ftyp": "MP4", b"\x1aE\xdf\xa3": "Matroska", b"BM": "BMP"}
BIG_BLOB = 16_384  # bytes: a landmark row is far smaller, the smallest picture far bigger


def _forbid(monkeypatch: pytest.MonkeyPatch, calls: list[str]) -> None:
    """Make every picture/array writer record its call and fail (also inside threads)."""

    def trap(name: str) -> Callable[..., Any]:
        def fail(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            raise AssertionError(f"{name} was called: camera frames must never be written")

        return fail

    for name in ("imwrite", "VideoWriter", "imencode"):
        monkeypatch.setattr(cv2, name, trap(f"cv2.{name}"))
    for name in ("save", "save_extended"):
        if hasattr(pygame.image, name):
            monkeypatch.setattr(pygame.image, name, trap(f"pygame.image.{name}"))
    for name in ("save", "savez", "savez_compressed", "savetxt"):
        monkeypatch.setattr(np, name, trap(f"numpy.{name}"))
    try:
        from PIL import Image
    except ImportError:
        return
    monkeypatch.setattr(Image.Image, "save", trap("PIL.Image.save"))


def _picture_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in PICTURE_FILES]


def _run_until(game: Game, done: Callable[[], bool], wall_s: float) -> bool:
    """Run the game (hand-ticked clock) while the real tracker works in real time."""
    deadline = time.monotonic() + wall_s
    while not done():
        if time.monotonic() > deadline:
            return False
        game.run(0.05, draw_every=3)
        time.sleep(0.005)
    return True


def test_a_session_from_a_real_video_writes_no_picture_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "clips").mkdir()
    clip = make_person_clip(tmp_path / "clips" / "person.mp4", frames=45)  # before writers are trapped
    assert clip.path.is_file()
    data = Path(os.environ["WIGGLEQUEST_DATA_DIR"])
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    calls: list[str] = []
    _forbid(monkeypatch, calls)

    storage = open_storage(None)  # the default logbook, in the data folder
    feed, notice = open_feed(PlayOptions(video=str(clip.path)), ManualClock(), print)
    assert isinstance(feed, TrackerFeed) and feed.kind == "video" and notice == ""
    game = Game(storage, lambda clock: feed)
    try:
        game.ctx.scenes.push(TitleScene(game.ctx))
        game.run(0.2)
        game.press("add")  # a new player, as a child would make one
        game.press("avatar:owl")
        game.type("Zoe")
        game.press("ok")
        assert isinstance(game.top, PathScene) and game.top.free_play
        game.press(f"step:{[s.activity_id for s in game.top.steps].index('arm_raises')}")
        assert isinstance(game.top, GetReadyScene)
        camera = game.ctx.camera
        # the real tracker finds the person in the clip: pictures and landmarks arrive
        assert _run_until(game, lambda: camera.conversions >= 8 and game.top.frame is not None
                          and game.top.frame.body is not None, 20.0), feed.message()
        game.press("go")  # the grown-up starts the game
        assert isinstance(game.top, PlayScene)
        play = game.top
        seen = camera.conversions
        assert _run_until(game, lambda: play.started and camera.conversions >= seen + 8, 15.0)
        game.press("pause")
        assert isinstance(game.top, PausedScene)
        game.press("home")
        assert isinstance(game.top, PathScene)
        game.press("home")
        assert isinstance(game.top, TitleScene)
    finally:
        game.close()
        feed.stop()
        storage.close()

    assert calls == []
    assert _picture_files(data) == [] and _picture_files(work) == []
    # the data folder holds the logbook and nothing else
    assert {p.name for p in data.rglob("*") if p.is_file()} <= {DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm"}
    db = sqlite3.connect(data / DB_FILE)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "sessions" in tables
        (sessions,) = db.execute("SELECT count(*) FROM sessions").fetchone()
        assert sessions == 1  # the session that was played is there ...
        cells = 0
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - names from sqlite_master
                for value in row:
                    cells += 1
                    raw = value if isinstance(value, bytes) else str(value).encode("utf-8", "replace")
                    assert len(raw) < BIG_BLOB, f"{table}: a {len(raw)}-byte value"
                    for magic, kind in MAGIC.items():
                        if len(magic) >= 4 or isinstance(value, bytes):
                            assert magic not in raw, f"{table}: {kind} bytes in the logbook"
        assert cells > 0
    finally:
        db.close()
    for path in data.iterdir():  # the raw database files too (pages, write-ahead log)
        raw = path.read_bytes()
        for magic, kind in MAGIC.items():
            if len(magic) >= 4 and magic not in (b"RIFF", b"ftyp"):
                assert magic not in raw, f"{path.name}: {kind} bytes"
