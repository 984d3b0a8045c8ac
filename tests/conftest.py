"""Test setup shared by the whole suite: headless SDL, and no test touches the user's data folder."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("GLOG_minloglevel", "2")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the app's data folder and database at a temp folder for every test."""
    data = tmp_path_factory.mktemp("wq-data")
    monkeypatch.setenv("WIGGLEQUEST_DATA_DIR", str(data))
    monkeypatch.delenv("WIGGLEQUEST_DB", raising=False)
