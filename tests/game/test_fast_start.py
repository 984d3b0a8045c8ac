"""`play` puts its title on screen first: the tracker starts after the first frame and the
logbook opens in the background, the title showing its children once they are known."""

from __future__ import annotations

import threading

import pytest

from game.scenes.title import TitleScene
from game.storage import MemoryStorage, OpeningStorage
from tests.game.harness import Game


def test_the_title_shows_its_children_once_the_logbook_has_opened() -> None:
    gate = threading.Event()
    inner = MemoryStorage()
    inner.add_player("Ada", "cat")
    read: list[int] = []

    def open_slowly() -> MemoryStorage:
        gate.wait(10.0)
        return inner

    opening = OpeningStorage(open_slowly, then=lambda s: read.append(len(s.players())))
    game = Game(opening)  # type: ignore[arg-type]
    title = TitleScene(game.ctx)
    game.ctx.scenes.push(title)
    opening.start()
    game.run(0.2, draw_every=1)
    assert title.waiting and [b.id for b in title.buttons.items] == ["grownups"]  # no cards yet
    gate.set()
    opening.wait()
    game.run(2 / 60, draw_every=1)
    assert not title.waiting
    assert [b.id for b in title.buttons.items] == ["player:Ada", "add", "grownups"]
    assert read == [1]  # `then` ran in the opening thread, once
    assert opening.find_player("Ada") is not None  # calls are passed on
    game.close()
    opening.close()


def test_a_logbook_that_cannot_be_opened_is_one_line_and_exit_2(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import main

    bad = tmp_path / "not-a-logbook.sqlite3"
    bad.write_bytes(b"this is not SQLite" * 100)
    code = main(["play", "--mouse", "--db", f"sqlite:///{bad}"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and err[0].startswith("wigglequest: error:") and str(bad) in err[0]


def test_the_first_frame_is_drawn_before_the_tracker_or_the_logbook_starts(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from game.app import App
    from game.cli import main
    from game.feeds import TrackerFeed
    from tracking.testclips import make_person_clip

    clip = make_person_clip(tmp_path / "clip.mp4", frames=4, size=(160, 120)).path
    order: list[str] = []
    real_draw, real_open = App.draw, OpeningStorage.start

    def draw(self: App) -> None:
        order.append("draw")
        real_draw(self)
        if len(order) > 8:
            self.ctx.quit_requested = True

    def opening(self: OpeningStorage) -> None:
        order.append("logbook")
        real_open(self)

    monkeypatch.setattr(App, "draw", draw)
    monkeypatch.setattr(TrackerFeed, "start", lambda self: order.append("tracker"))  # no models here
    monkeypatch.setattr(OpeningStorage, "start", opening)
    code = main(["play", "--video", str(clip), "--db", f"sqlite:///{tmp_path / 'lb.sqlite3'}"])
    assert code == 0
    assert order[:3] == ["draw", "tracker", "logbook"] and order.count("tracker") == 1


@pytest.mark.parametrize("argv", [["--child", "Ada"], ["--screenshot", "shot.png", "--frames", "2"]])
def test_options_that_need_the_logbook_first_open_it_first(tmp_path, monkeypatch, argv) -> None:  # type: ignore[no-untyped-def]
    """--child must be checked before the window opens; a screenshot must be deterministic."""
    from game.cli import main
    from logbook.store import Logbook

    url = f"sqlite:///{tmp_path / 'lb.sqlite3'}"
    with Logbook.open(url) as book:
        book.add_child("Ada", avatar="cat")
    made: list[object] = []
    monkeypatch.setattr(OpeningStorage, "__init__", lambda self, *a, **k: made.append(self))
    args = [a if a != "shot.png" else str(tmp_path / "shot.png") for a in argv]
    if "--child" in args:
        assert main(["play", "--mouse", "--db", url, "--child", "Nobody"]) == 2
    else:
        assert main(["play", "--mouse", "--db", url, *args]) == 0
    assert made == []
