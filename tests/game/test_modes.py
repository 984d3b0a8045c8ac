"""No camera -> one friendly line and mouse mode; the mouse and keys then play for real."""

from __future__ import annotations

import pygame
import pytest

from game.clock import ManualClock
from game.launch import NO_CAMERA, PlayOptions, open_feed
from game.mouse_mode import MouseFeed
from game.scenes.play import PlayScene
from game.scenes.results import ResultsScene
from game.storage import MemoryStorage, PlanStep
from tests.game.harness import Game


def test_no_camera_falls_back_to_mouse_mode_with_one_friendly_line() -> None:
    said: list[str] = []
    feed, notice = open_feed(PlayOptions(camera=7), ManualClock(), said.append)
    assert isinstance(feed, MouseFeed)
    assert notice == NO_CAMERA
    assert len(said) == 1 and NO_CAMERA in said[0] and "\n" not in said[0]


def test_play_command_without_camera_starts_in_mouse_mode(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import main

    shot = tmp_path / "title.png"
    code = main(["play", "--camera", "5", "--db", f"sqlite:///{tmp_path / 'lb.sqlite3'}",
                 "--screenshot", str(shot), "--frames", "20"])
    err = capsys.readouterr().err
    assert code == 0 and shot.is_file()
    assert [line for line in err.splitlines() if "camera" in line.lower()] == [line for line in err.splitlines() if NO_CAMERA in line]
    assert sum(NO_CAMERA in line for line in err.splitlines()) == 1
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)


@pytest.mark.parametrize("argv, words", [
    (["play", "--video", "/nonexistent/clip.mp4"], "video file not found"),
    (["play", "--replay", "/nonexistent/rec.npz"], "replay file not found"),
    (["play", "--synthetic", "no_such_script"], "unknown motion script"),
    (["play", "--mouse", "--child", "Nobody"], "no child called 'Nobody'"),
    (["play", "--mouse", "--frames", "3"], "--frames goes with --screenshot"),
])
def test_bad_input_is_one_line_and_exit_2(argv: list[str], words: str, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import main

    code = main([*argv, "--db", f"sqlite:///{tmp_path / 'lb.sqlite3'}"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and err[0].startswith("wigglequest: error:") and words in err[0]


def _mouse_game(activity: str, overrides: dict[str, object]) -> tuple[Game, MemoryStorage]:
    storage = MemoryStorage()
    storage.add_player("Ada", "cat")
    game = Game(storage)
    game.ctx.player = storage.find_player("Ada")
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep(activity, 1, overrides)))
    return game, storage


def test_keys_stand_in_for_body_moves_arm_raises() -> None:
    game, storage = _mouse_game("arm_raises", {"reps": 3})
    game.run(5.0)  # 3-2-1 and the ready gate (standing still)
    for _ in range(3):
        game.key(pygame.K_UP, hold_s=1.2)  # arms up ...
        game.run(1.2)  # ... and down
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), 5)
    (saved,) = storage.results
    assert saved.result.reps == 3 and saved.result.completed
    game.close()


def test_the_mouse_is_the_hand_bubble_pop() -> None:
    game, storage = _mouse_game("bubble_pop", {"reps": 3})
    game.run(3.5)
    w, h = game.ctx.canvas_size
    for _ in range(200):  # point at the lowest bubble, pinch (mouse button), let go
        if isinstance(game.top, ResultsScene):
            break
        play = game.top
        assert isinstance(play, PlayScene)
        bubbles = [t for t in (play.view.targets if play.view else ()) if t.state == "active"]
        if not bubbles:
            game.run(0.25)
            continue
        b = max(bubbles, key=lambda t: t.y)
        pos = (int(b.x * w), int((b.y - 0.01) * h))
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        game.run(0.2)
        game.click(pos, hold_s=0.25)
        game.run(0.3)
    assert isinstance(game.top, ResultsScene)
    (saved,) = storage.results
    assert saved.result.activity_id == "bubble_pop" and saved.result.completed
    assert any(e.kind == "target_hit" for e in saved.events)  # a bubble popped under the mouse
    game.close()


def test_a_replay_is_played_without_smoothing_it_twice(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Recordings hold smoothed landmarks already: the replay tracker passes them through."""
    import time

    import numpy as np

    from game.feeds import TrackerFeed
    from tracking.frame import PoseFrame
    from tracking.recording import RecordingWriter
    from tracking.synthetic import motions

    script = motions.registry()["jumping_jacks"]()
    path = tmp_path / "jacks.wqrec"
    recorded: dict[int, np.ndarray] = {}
    with RecordingWriter(path, "synthetic", 30.0, (640, 480)) as writer:
        for i in range(60):
            body = script(3.0 + i / 30.0).body
            writer.write(PoseFrame(seq=i, t=i / 30.0, body=body, image_size=(640, 480), source="synthetic"))
            recorded[i] = body
    feed, notice = open_feed(PlayOptions(replay=str(path)), ManualClock(), print)
    try:
        assert isinstance(feed, TrackerFeed) and notice == ""
        assert feed._tracker._smoother is None
        seen = []
        deadline = time.monotonic() + 10.0
        while len(seen) < 5 and time.monotonic() < deadline:
            frame = feed.latest().frame
            if frame is not None and (not seen or frame.seq != seen[-1].seq):
                seen.append(frame)
            time.sleep(0.01)
        assert len(seen) >= 5
        for frame in seen:  # exactly the recorded landmarks, not a smoothed version of them
            assert frame.body is not None
            np.testing.assert_allclose(frame.body, recorded[frame.seq], atol=1e-4)
    finally:
        feed.stop()


def test_the_camera_chosen_in_the_grown_ups_area_is_used_at_the_next_start(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import game.launch
    from game.cli import main
    from logbook.store import Logbook

    url = f"sqlite:///{tmp_path / 'lb.sqlite3'}"
    book = Logbook.open(url)
    book.set_setting("camera_index", 3)
    book.close()
    asked: list[int | None] = []
    real = game.launch.open_feed

    def spy(opts, clock, say, **options):  # type: ignore[no-untyped-def]
        asked.append(opts.camera)
        return real(opts, clock, say, **options)

    monkeypatch.setattr(game.launch, "open_feed", spy)
    assert main(["play", "--db", url, "--screenshot", str(tmp_path / "a.png"), "--frames", "2"]) == 0
    assert main(["play", "--db", url, "--camera", "5", "--screenshot", str(tmp_path / "b.png"), "--frames", "2"]) == 0
    assert asked == [3, 5]  # the stored choice, unless the command line names one


def test_the_webcam_is_opened_once_the_probe_becomes_the_trackers_camera(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Opening a webcam is slow: the probe that checks it exists is handed to the tracker."""
    import time

    import numpy as np

    import tracking.sources.webcam as webcam

    opened: list[int] = []

    class Camera:
        def __init__(self, index: int) -> None:
            opened.append(index)

        def isOpened(self) -> bool:  # noqa: N802
            return True

        def grab(self) -> bool:
            time.sleep(1 / 30)
            return True

        def retrieve(self) -> tuple[bool, np.ndarray]:
            return True, np.zeros((240, 320, 3), np.uint8)

        def read(self) -> tuple[bool, np.ndarray]:
            return self.grab() and self.retrieve()[0], self.retrieve()[1]

        def set(self, prop: int, value: float) -> bool:
            return True

        def get(self, prop: int) -> float:
            return 30.0

        def release(self) -> None:
            pass

    monkeypatch.setattr(webcam, "open_camera_quietly", Camera)
    feed, notice = open_feed(PlayOptions(camera=2), ManualClock(), print, start=False)
    assert notice == "" and opened == [2]
    try:
        feed.start()  # type: ignore[attr-defined]
        deadline = time.monotonic() + 20
        while feed.status() != "running" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert feed.status() == "running"
    finally:
        feed.stop()
    assert opened == [2]
