"""The window and the frame loop: events -> intents -> fixed 60 Hz updates -> sync -> one draw.

Updates run at a fixed step (1/60 s) whatever the frame rate: a slow frame is caught up with
at most MAX_STEPS updates, and a very long one (the window dragged, the laptop asleep) is
clamped to MAX_FRAME_S, so the game never fast-forwards through a child's turn.  The game draws
on a fixed 1280x720 canvas; a window of another size shows it scaled with bars, and pointer
positions are mapped back, so layouts and screenshots never depend on the window.

Latency: the loop sleeps in `clock.tick` until the next frame is due, but a feed that can say
when a new pose is published (`Feed.wait`) wakes it at once.  Before each draw the top scene's
`sync()` takes a PoseFrame that arrived since its last update (activities run on frame time,
so they may take it between fixed steps); after the flip, the picture the tracker is still
working on is prepared (`CameraLayer.prepare`), so the pose's frame only has to be drawn.
"""

from __future__ import annotations

import logging
import os
import time

import pygame

from game.context import GameContext
from tracking.landmarks import Body, HandPoint

log = logging.getLogger(__name__)

UPDATE_HZ = 60.0
STEP = 1.0 / UPDATE_HZ
MAX_STEPS = 5  # catch-up cap per drawn frame
MAX_FRAME_S = 0.25  # a longer frame counts as this long
TARGET_FPS = 60.0


class App:
    def __init__(self, ctx: GameContext, window: pygame.Surface | None = None, fullscreen: bool = False) -> None:
        self.ctx = ctx
        self.window = window if window is not None else open_window(ctx.canvas_size, fullscreen)
        self.fullscreen = fullscreen
        self.canvas = pygame.Surface(ctx.canvas_size).convert() if pygame.display.get_surface() else pygame.Surface(ctx.canvas_size)
        self._acc = 0.0
        self.frames = 0
        self.updates = 0
        self.running = True
        setter = getattr(ctx.feed, "set_canvas", None)
        if setter is not None:
            setter(ctx.canvas_size)
        self._probe = StartupProbe.from_env()

    # --- geometry ------------------------------------------------------------------------

    def _view(self) -> tuple[float, int, int]:
        """Scale and offset of the canvas inside the window."""
        ww, wh = self.window.get_size()
        cw, ch = self.ctx.canvas_size
        scale = min(ww / cw, wh / ch)
        return scale, int((ww - cw * scale) / 2), int((wh - ch * scale) / 2)

    def to_canvas(self, pos: tuple[float, float]) -> tuple[float, float] | None:
        scale, ox, oy = self._view()
        x, y = (pos[0] - ox) / scale, (pos[1] - oy) / scale
        cw, ch = self.ctx.canvas_size
        if 0 <= x < cw and 0 <= y < ch:
            return (x, y)
        return None

    def hand_pointers(self) -> tuple[tuple[float, float], ...]:
        """Where the child's hands point, in canvas pixels (index fingertips, else the body's
        index landmarks), when the top scene takes hand presses and the feed gives them."""
        top = self.ctx.scenes.top
        feed = self.ctx.feed
        if top is None or not top.hand_pointers or not feed.hands_point:
            return ()
        frame = feed.latest().frame
        if frame is None:
            return ()
        w, h = self.ctx.canvas_size
        points: list[tuple[float, float]] = []
        for hand in frame.hands:
            x, y = hand.points[HandPoint.INDEX_TIP, :2]
            points.append((float(x) * w, float(y) * h))
        if not points and frame.body is not None:
            for lm in (Body.LEFT_INDEX, Body.RIGHT_INDEX):
                x, y, _, vis = frame.body[int(lm)]
                if vis >= 0.5 and 0 <= x <= 1 and 0 <= y <= 1:
                    points.append((float(x) * w, float(y) * h))
        return tuple(points)

    # --- the loop ------------------------------------------------------------------------

    def frame(self, draw: bool = True) -> bool:
        """One drawn frame (and the fixed updates due).  False once the game should close.
        Tests may skip drawing some frames to run long sessions quickly."""
        dt = min(self.ctx.clock.tick(TARGET_FPS, getattr(self.ctx.feed, "wait", None)), MAX_FRAME_S)
        events = pygame.event.get()
        for event in events:
            if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
                self.toggle_fullscreen()
            elif event.type == pygame.VIDEORESIZE and not self.fullscreen:
                self.window = pygame.display.get_surface() or self.window
        self.ctx.input.feed(events, self.to_canvas)
        self._acc += dt
        steps = 0
        while self._acc + 1e-9 >= STEP and steps < MAX_STEPS:
            self.step(STEP)
            self._acc -= STEP
            steps += 1
        if steps == MAX_STEPS:
            self._acc = min(self._acc, STEP)
        self.ctx.scenes.sync()
        if draw:
            self.draw()
            if self._probe is not None:
                self._probe.drawn(self.ctx.scenes.top, self.ctx.feed)
            self.prepare_camera()
        self.frames += 1
        if self.ctx.quit_requested or not len(self.ctx.scenes):
            self.running = False
        return self.running

    def step(self, dt: float) -> None:
        ctx = self.ctx
        ctx.input.set_hands(self.hand_pointers())
        intents = ctx.input.step(dt)
        if intents.quit:
            ctx.quit_requested = True
            return
        ctx.feed.update(intents, dt)
        ctx.scenes.update(intents, dt)
        self.updates += 1

    def prepare_camera(self) -> None:
        """Convert the picture the tracker is working on now, while its model runs -- unless a
        new pose is waiting: drawing it comes first (the next frame prepares instead)."""
        top = self.ctx.scenes.top
        upcoming = getattr(self.ctx.feed, "upcoming", None)
        fresh = getattr(self.ctx.feed, "fresh", None)
        if top is None or not top.shows_camera or upcoming is None or (fresh is not None and fresh()):
            return
        image = upcoming()
        if image is not None:
            self.ctx.camera.prepare(image)

    def draw(self) -> None:
        direct = self.window.get_size() == self.ctx.canvas_size
        target = self.window if direct else self.canvas
        self.ctx.scenes.draw(target)
        if not direct:
            scale, ox, oy = self._view()
            self.window.fill((0, 0, 0))
            size = (int(self.ctx.canvas_size[0] * scale), int(self.ctx.canvas_size[1] * scale))
            self.window.blit(pygame.transform.scale(self.canvas, size), (ox, oy))
        if pygame.display.get_surface() is self.window:
            pygame.display.flip()

    def run(self, max_frames: int | None = None) -> None:
        try:
            while self.frame():
                if max_frames is not None and self.frames >= max_frames:
                    break
        finally:
            self.close()

    def close(self) -> None:
        """Leave every scene (an activity in progress is saved if it counted anything) and
        close the session."""
        try:
            self.ctx.scenes.clear()
        finally:
            self.ctx.end_session()

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        try:
            self.window = open_window(self.ctx.canvas_size, self.fullscreen)
        except pygame.error as exc:  # some drivers cannot; stay as we are
            log.info("fullscreen not available: %s", exc)
            self.fullscreen = False


class StartupProbe:
    """WQ_STARTUP_PROBE=path: the app appends "event wall-seconds scene" lines there (the first
    drawn frame, the feed first running), for benchmarks/startup.py.  Off unless set."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.seen: set[str] = set()

    @classmethod
    def from_env(cls) -> StartupProbe | None:
        path = os.environ.get("WQ_STARTUP_PROBE")
        return cls(path) if path else None

    def drawn(self, top: object, feed: object) -> None:
        self.mark("first_frame", top)
        if "feed_running" not in self.seen and getattr(feed, "status", lambda: "")() == "running":
            self.mark("feed_running", top)

    def mark(self, event: str, top: object) -> None:
        if event in self.seen:
            return
        self.seen.add(event)
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(f"{event} {time.time():.6f} {getattr(top, 'name', '-')}\n")


def open_window(size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
    if not pygame.get_init():
        pygame.init()
    pygame.display.set_caption("Wiggle Quest")
    flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
    try:
        return pygame.display.set_mode((0, 0) if fullscreen else size, flags)
    except pygame.error:
        return pygame.display.set_mode(size, pygame.RESIZABLE if not fullscreen else 0)
