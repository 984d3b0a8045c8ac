"""Get ready: the child's picture with a silhouette to stand in, help from what the tracker
sees (step back, come closer, more light, show your hands), and the calibration the activity
needs.  It never holds a child back for long: after READY_MAX_S of being seen, play starts with
whatever was measured (the rest is estimated), and a grown-up can always press play."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pygame

from exercises import catalog
from exercises.calibration import Calibration, Calibrator
from exercises.events import CUES
from game.input import Intents
from game.render import art
from game.render.figures import FIGURES, draw_figure
from game.render.overlay import draw_body, draw_hands
from game.scenes.base import Scene
from game.scenes.common import draw_activity_icon, draw_hand_cursors
from game.storage import PlanStep
from game.widgets import Button
from tracking.frame import PoseFrame
from tracking.landmarks import Body

if TYPE_CHECKING:
    from game.context import GameContext

READY_MAX_S = 8.0  # seconds of being seen in place before play starts anyway
POSE_WAIT_S = 3.0  # after standing still, this long for the T-pose / open hand
CUE_EVERY_S = 3.0  # a spoken cue is not repeated sooner
CORE = (Body.NOSE, Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER, Body.LEFT_HIP, Body.RIGHT_HIP)
FEET = (Body.LEFT_ANKLE, Body.RIGHT_ANKLE)


def placement_cue(frame: PoseFrame | None, needs: str, seated: bool) -> str | None:
    """What the child should do to be seen well, or None when they are in place."""
    if frame is None:
        return "show_hands" if needs == "hands" else "show_body"
    if needs == "hands":
        return None if frame.hands else "show_hands"
    body = frame.body
    if body is None:
        return "show_body"
    key = list(CORE) + ([] if seated else list(FEET))
    vis = body[key, 3]
    if float(np.mean(body[:, 3])) < 0.35 and float(np.max(vis)) > 0.1:
        return "more_light"
    if float(np.min(vis)) < 0.5:
        edge = body[key, :2]
        near_edge = bool(np.any(edge < 0.03) or np.any(edge > 0.97))
        return "step_back" if near_edge or float(np.mean(vis)) > 0.5 else "show_body"
    xy = body[key, :2]
    if np.any(xy < 0.02) or np.any(xy > 0.98):
        return "step_back"
    top = float(body[Body.NOSE, 1])
    bottom = float(np.max(body[list(FEET) if not seated else [Body.LEFT_HIP, Body.RIGHT_HIP], 1]))
    if bottom - top < (0.25 if seated else 0.4):
        return "come_closer"
    if needs == "both" and not frame.hands and frame.body is None:
        return "show_hands"
    return None


class GetReadyScene(Scene):
    name = "get_ready"
    shows_camera = True

    def __init__(self, ctx: GameContext, step: PlanStep, rest: list[PlanStep] | None = None) -> None:
        super().__init__(ctx)
        self.step = step
        self.rest = list(rest or [])
        self.info = catalog.info(step.activity_id)
        self.seated = bool(ctx.settings.seated_mode) and self.info.seated_variant
        mode = "hands" if self.info.needs == "hands" else "body"
        self.calibrator = Calibrator(mode, seated=self.seated or None)
        self.cue: str | None = None
        self.placed_s = 0.0
        self.pose_wait_s = 0.0
        self._said: dict[str, float] = {}
        self.frame: PoseFrame | None = None
        w, h = ctx.canvas_size
        self.buttons.add(Button("go", pygame.Rect(w - 200, h - 200, 170, 170), icon="play"))
        self.buttons.add(Button("back", pygame.Rect(30, 30, 110, 110), icon="back"))
        self.guide = self._guide(mode)

    def _guide(self, mode: str) -> pygame.Surface:
        w, h = self.ctx.canvas_size
        guide = pygame.Surface((w, h), pygame.SRCALPHA)
        if mode == "hands":
            for x in (0.32, 0.68):
                art.draw_ui_icon(guide, "hand", (w * x, h * 0.55), 260, (255, 255, 255, 90))
        else:
            fig = FIGURES["stand"]
            draw_figure(guide, fig, (w / 2, h * 0.55), h * 0.78, (255, 255, 255, 80), width=46)
        return guide

    def on_enter(self) -> None:
        self.ctx.feed.begin(self.step.activity_id, self.info.needs)

    def sync(self) -> None:
        """A new frame: its picture, where the child stands, and calibration (frame time)."""
        seen = self.take_new()
        if seen is not None:
            self.frame = seen.frame
            self.cue = placement_cue(seen.frame, self.info.needs, self.seated)
            if self.cue is None:
                self.calibrator.update(seen.frame)

    def update(self, intents: Intents, dt: float) -> None:
        self.sync()
        if self.cue is None:
            self.placed_s += dt
            if self.calibrator.stage == "pose":
                self.pose_wait_s += dt
        shown = self.cue or self.calibrator.cue
        if shown and self.t - self._said.get(shown, -1e9) >= CUE_EVERY_S:
            self._said[shown] = self.t
            self.ctx.audio.say(shown)
        if self.calibrator.done or self.pose_wait_s >= POSE_WAIT_S or self.placed_s >= READY_MAX_S:
            self.go()
            return
        super().update(intents, dt)

    @property
    def shown_cue(self) -> str:
        return self.cue or self.calibrator.cue

    def calibration(self) -> Calibration:
        return self.calibrator.result()

    def on_button(self, button_id: str) -> None:
        if button_id == "go":
            self.go()
        elif button_id == "back":
            self.on_back()

    def on_back(self) -> None:
        self.ctx.scenes.pop()

    def go(self) -> None:
        from game.scenes.play import PlayScene

        self.ctx.audio.play("chime")
        self.ctx.scenes.replace(PlayScene(self.ctx, self.step, self.rest, self.calibration()))

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        self.ctx.camera.draw(surface)
        surface.blit(self.guide, (0, 0))
        if self.frame is not None:
            draw_body(surface, self.frame, theme)
            draw_hands(surface, self.frame, theme)
        w, h = self.ctx.canvas_size
        # left column: the activity's picture, then the cue as icon + short words
        x = 170
        pygame.draw.circle(surface, theme.panel, (x, 250), 80)
        draw_activity_icon(surface, self.step.activity_id, (x, 250), 120, theme)
        cue = self.shown_cue
        pygame.draw.circle(surface, theme.panel, (x, 470), 95)
        art.draw_cue_icon(surface, cue, (x, 470), 140, theme)
        progress = self.calibrator.progress if self.cue is None else 0.0
        art.draw_hold_ring(surface, (x, 470), 104, max(progress, min(1.0, self.placed_s / READY_MAX_S)), theme.good, 12)
        words = theme.label(CUES.get(cue, ""), 48, theme.text, outline=True)
        surface.blit(words, words.get_rect(midtop=(x, 585)))
        super().draw(surface)
        draw_hand_cursors(surface, self.ctx, self.t)
