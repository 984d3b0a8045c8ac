"""A new pose is drawn as soon as it exists: the loop wakes for it, the top scene takes it before
the draw (not at the next fixed step), and its picture was prepared while the model ran."""

from __future__ import annotations

import numpy as np
import pygame

from game.clock import SystemClock
from game.feeds import Seen, TrackerFeed
from game.render.camera import CameraLayer
from game.scenes.play import PlayScene
from game.storage import MemoryStorage, PlanStep
from tests.game.harness import Game
from tracking.frame import PoseFrame, TrackingStats
from tracking.synthetic import motions
from tracking.tracker import Latest


class FakeTime:
    """time.monotonic/time.sleep for game.clock: sleeping moves the time, nothing waits."""

    def __init__(self) -> None:
        self.t = 100.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds


def test_the_clock_draws_at_once_when_woken_and_restarts_its_timeline_there(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import game.clock

    fake = FakeTime()
    monkeypatch.setattr(game.clock, "time", fake)
    clock = SystemClock()
    asked: list[float] = []

    def woken_after(seconds: float):  # type: ignore[no-untyped-def]
        def wake(timeout: float) -> bool:
            asked.append(timeout)
            fake.t += min(seconds, timeout)
            return seconds < timeout
        return wake

    assert abs(clock.tick(60.0) - 1 / 60) < 1e-9  # no wake: sleeps the whole period
    assert abs(clock.tick(60.0, woken_after(0.005)) - 0.005) < 1e-9  # a pose after 5 ms: drawn then
    assert abs(asked[-1] - 1 / 60) < 1e-9
    # the next frame is due a full period after the early one, so frames stay <= 1/60 s apart
    assert abs(clock.tick(60.0, woken_after(1.0)) - 1 / 60) < 1e-9
    assert abs(asked[-1] - 1 / 60) < 1e-9


class SlotTracker:
    """A tracker whose results the test publishes by hand (wait_result never blocks)."""

    def __init__(self) -> None:
        self.count = 0
        self.image: np.ndarray | None = None
        self._latest = Latest(None, None)

    def publish(self, frame: PoseFrame, image: np.ndarray | None) -> None:
        self.count += 1
        self._latest = Latest(frame, image)

    def latest(self) -> Latest:
        return self._latest

    def results(self) -> int:
        return self.count

    def wait_result(self, after: int, timeout: float) -> int:
        return self.count

    def newest_image(self) -> np.ndarray | None:
        return self.image

    def stats(self) -> TrackingStats:
        return TrackingStats(status="running")

    def stop(self) -> bool:
        return True


def test_each_published_result_wakes_the_loop_once() -> None:
    tracker = SlotTracker()
    feed = TrackerFeed(lambda needs: tracker, "camera")
    feed._sleep = lambda seconds: None  # noqa: SLF001 - a feed without results would sleep
    assert feed.wait(0.01) is False
    tracker.publish(PoseFrame(seq=0, t=1.0, image_size=(64, 48)), None)
    assert feed.wait(0.01) is True
    assert feed.wait(0.01) is False  # the same result never wakes it twice: no spinning
    tracker.publish(PoseFrame(seq=1, t=1.03, image_size=(64, 48)), None)
    tracker.publish(PoseFrame(seq=2, t=1.06, image_size=(64, 48)), None)
    assert feed.wait(0.01) is True and feed.wait(0.01) is False


def test_a_real_tracker_wakes_a_waiting_feed_when_it_publishes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.clock import ManualClock
    from game.launch import PlayOptions, open_feed
    from tracking.recording import RecordingWriter

    script = motions.registry()["arm_raises"]()
    path = tmp_path / "arms.wqrec"
    with RecordingWriter(path, "synthetic", 30.0, (640, 480)) as writer:
        for i in range(30):
            writer.write(PoseFrame(seq=i, t=i / 30.0, body=script(i / 30.0).body, image_size=(640, 480),
                                   source="synthetic"))
    feed, _ = open_feed(PlayOptions(replay=str(path)), ManualClock(), print, start=False)
    assert isinstance(feed, TrackerFeed)
    try:
        assert feed.status() == "starting" and feed.latest().frame is None  # nothing made yet
        feed.start()
        woke = [feed.wait(10.0) for _ in range(3)]  # generous: a result comes every 33 ms
        assert woke == [True, True, True]
        assert feed.latest().frame is not None
    finally:
        feed.stop()


def _picture(value: int) -> np.ndarray:
    image = np.zeros((48, 64, 3), np.uint8)
    image[:, :32] = (value, 40, 200)
    return image


def test_a_prepared_picture_is_shown_without_converting_it_again() -> None:
    pygame.init()
    pygame.display.set_mode((64, 48))
    prepared, direct = CameraLayer(input_format="rgb_mirrored"), CameraLayer(input_format="rgb_mirrored")
    for layer in (prepared, direct):
        layer.set_size((64, 48))
    image = _picture(90)
    prepared.prepare(image)
    prepared.prepare(image)  # asked again: still one conversion
    assert prepared.conversions == 1 and not prepared.has_image  # not shown before its pose
    prepared.set_image(image, seq=0)
    direct.set_image(image, seq=0)
    assert prepared.conversions == 1 and direct.conversions == 1
    a, b = pygame.Surface((64, 48)), pygame.Surface((64, 48))
    prepared.draw(a)
    direct.draw(b)
    assert np.array_equal(pygame.surfarray.array3d(a), pygame.surfarray.array3d(b))
    other = _picture(10)
    prepared.set_image(other, seq=1)  # not the prepared one: converted as before
    assert prepared.conversions == 2


class StepFeed:
    """A feed whose next frame the test publishes between the game's fixed steps."""

    kind = "camera"
    hands_point = False
    image_format = "rgb_mirrored"

    def __init__(self) -> None:
        self.seen = Seen()
        self.t = 0.0

    def publish(self, frame: PoseFrame, image: np.ndarray) -> None:
        self.seen = Seen(frame, image, self.seen.seq + 1)

    def latest(self) -> Seen:
        return self.seen

    def now(self) -> float:
        return self.t

    def begin(self, activity_id: str | None, needs: str | None) -> None:
        pass

    def update(self, intents: object, dt: float) -> None:
        pass

    def status(self) -> str:
        return "running"

    def message(self) -> str:
        return ""

    def stop(self) -> None:
        pass


def test_the_play_scene_takes_a_new_pose_before_the_draw_not_at_the_next_step() -> None:
    feed = StepFeed()
    game = Game(MemoryStorage(), lambda clock: feed)  # type: ignore[arg-type, return-value]
    scene = PlayScene(game.ctx, PlanStep("arm_raises"))
    game.ctx.scenes.push(scene)
    game.run(3.2, draw_every=1000)  # past the 3-2-1
    assert scene.started
    script = motions.registry()["arm_raises"]()
    image = _picture(120)
    frame = PoseFrame(seq=0, t=scene.t_act + 0.5, body=script(0.5).body, image_size=(640, 480), source="camera")
    feed.publish(frame, image)
    updates = game.app.updates
    game.ctx.scenes.sync()  # what App.frame does right before drawing
    assert game.app.updates == updates  # no fixed step ran ...
    assert scene.frame is frame and scene.t_act == frame.t  # ... yet the activity has the pose
    assert game.ctx.camera.has_image
    before = (scene.t_act, scene.view, game.ctx.camera.conversions)
    surface = pygame.Surface(game.ctx.canvas_size)
    scene.draw(surface)
    game.ctx.scenes.sync()  # nothing new: nothing taken twice
    assert (scene.t_act, scene.view, game.ctx.camera.conversions) == before
    game.close()


def test_the_app_prepares_the_picture_the_tracker_is_working_on() -> None:
    tracker = SlotTracker()
    game = Game(MemoryStorage(), lambda clock: TrackerFeed(lambda needs: tracker, "camera"))
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("arm_raises")))
    game.run(0.1, draw_every=1)
    image = _picture(200)
    tracker.image = image  # the model has started on it
    game.run(1 / 60, draw_every=1)
    assert game.ctx.camera.conversions == 1 and not game.ctx.camera.has_image
    tracker.publish(PoseFrame(seq=0, t=1.0, image_size=(64, 48)), image)  # its pose is ready
    game.run(2 / 60, draw_every=1)
    assert game.ctx.camera.has_image and game.ctx.camera.conversions == 1  # shown, not redone
    game.close()


def test_starting_the_tracker_shortens_the_gil_switch_interval() -> None:
    """Draw loop and tracker share the GIL; a finished inference must not wait 5 ms for it."""
    import sys

    from game.feeds import GIL_SWITCH_S

    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        feed = TrackerFeed(lambda needs: SlotTracker(), "video", start=False)
        assert sys.getswitchinterval() == 0.005  # nothing changes until a tracker runs
        feed.start()
        assert sys.getswitchinterval() <= GIL_SWITCH_S
    finally:
        sys.setswitchinterval(before)
