"""Play one activity: a 3-2-1 start, then the activity advanced on frame time from the
tracker's newest PoseFrame, its events turned into sounds and sparkles, its view drawn over the
child's picture.  The result is written to the logbook the moment the activity ends.

Pausing: when the activity reports it lost the child (or Escape), the paused scene goes on top;
the activity itself is not advanced meanwhile, so paused time is not play time.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pygame

from exercises import catalog, runner
from exercises.api import Activity, ActivityInfo, ActivityResult, ActivityView
from exercises.calibration import Calibration
from exercises.events import (
    Cue,
    Event,
    Finished,
    HoldEnded,
    LevelChanged,
    RepCompleted,
    TargetHit,
    TargetMissed,
)
from game.input import Intents
from game.render import art
from game.render.activities import draw_activity
from game.render.effects import Effects
from game.render.overlay import draw_body, draw_hands
from game.scenes.base import Scene
from game.scenes.common import bob, draw_avatar, heading
from game.storage import PlanStep
from game.widgets import Button
from tracking.frame import PoseFrame

if TYPE_CHECKING:
    from game.context import GameContext

log = logging.getLogger(__name__)

COUNTDOWN_S = 3.0
NO_FRAME_S = 0.2  # without a new frame this long, the activity is advanced with None
SAVE_PARTIAL_S = 5.0  # an activity stopped early is saved if it ran this long (or counted)
LOST_STATUSES = ("camera lost", "error")


# The pacing parameters a slower game speed stretches (times) or slows (speeds).
PACE_TIMES = ("time_per_star_s", "card_time_s", "time_per_shape_s", "time_per_number_s", "spawn_every_s")
PACE_SPEEDS = ("rise_speed",)


def paced(info: ActivityInfo, level: int, overrides: dict[str, Any], speed: float) -> dict[str, Any]:
    """The grown-ups' game speed applied to the activity's pacing parameters (those the plan
    does not set), kept inside each parameter's allowed range."""
    if speed == 1.0 or speed <= 0:
        return overrides
    base = catalog.resolve_params(info.id, level, {})
    out = dict(overrides)
    for spec in info.params:
        if spec.name in out or spec.name not in (*PACE_TIMES, *PACE_SPEEDS) or spec.name not in base:
            continue
        value = float(base[spec.name]) * (speed if spec.name in PACE_SPEEDS else 1.0 / speed)
        if spec.minimum is not None:
            value = max(float(spec.minimum), value)
        if spec.maximum is not None:
            value = min(float(spec.maximum), value)
        out[spec.name] = round(value, 3)
    return out


def activity_params(ctx: GameContext, step: PlanStep, calibration: Calibration | None) -> dict[str, Any]:
    """The plan item's parameters, plus the grown-ups' seated mode, favoured side and game speed
    where the activity has such parameters, resolved against the catalog."""
    info = catalog.info(step.activity_id)
    specs = {p.name: p for p in info.params}
    overrides: dict[str, Any] = dict(step.params)
    if ctx.settings.seated_mode and info.seated_variant and "seated" in specs:
        overrides.setdefault("seated", True)
    side = ctx.settings.favoured_side
    if side and "side" in specs and "side" not in overrides:
        spec = specs["side"]
        if spec.type != "choice" or side in spec.choices:
            overrides["side"] = side
    try:
        overrides = paced(info, step.level, overrides, float(ctx.settings.game_speed or 1.0))
        return runner.resolve(step.activity_id, overrides, step.level, calibration)
    except ValueError as exc:  # a plan value this activity refuses: play with its defaults
        log.warning("plan parameters for %s ignored: %s", step.activity_id, exc)
        return runner.resolve(step.activity_id, None, step.level, calibration)


class PlayScene(Scene):
    name = "play"
    hand_pointers = False  # the hands are playing, not pressing buttons
    shows_camera = True

    def __init__(self, ctx: GameContext, step: PlanStep, rest: list[PlanStep] | None = None,
                 calibration: Calibration | None = None) -> None:
        super().__init__(ctx)
        self.step = step
        self.rest = list(rest or [])
        self.calibration = calibration
        self.info = catalog.info(step.activity_id)
        self.params = activity_params(ctx, step, calibration)
        self.activity: Activity = catalog.create(step.activity_id)
        self.view: ActivityView | None = None
        self.events: list[Event] = []
        self.effects = Effects(ctx.theme)
        self.started = False
        self.started_at: datetime | None = None
        self.t_act = 0.0  # the last time given to the activity (frame time)
        self.frame: PoseFrame | None = None
        self.result: ActivityResult | None = None
        self.saved = False
        self._phase = "waiting"
        self._count_said = 4
        self.paused = False  # the "come back!" overlay is on top
        # top left: the top right holds the activity's count badge
        self.buttons.add(Button("pause", pygame.Rect(20, 20, 90, 90), icon="pause"))

    # --- lifecycle ---------------------------------------------------------------------------

    def on_enter(self) -> None:
        self.ctx.feed.begin(self.step.activity_id, self.info.needs)

    def on_exit(self) -> None:
        """Leaving mid-activity (home, quit, window closed): keep what was done."""
        if self.started and not self.saved:
            self.stop_early()

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False

    def start_activity(self) -> None:
        if self.ctx.player is not None:  # the play session starts with its first activity
            try:
                self.ctx.ensure_session()
            except Exception as exc:  # the game goes on; save() reports what could not be kept
                log.warning("could not start a play session: %s", exc)
        self.ctx.feed.begin(self.step.activity_id, self.info.needs)  # scripted feeds rewind here
        self.t_act = self.ctx.feed.now()
        self.activity.start(self.params, self.t_act)
        self.started = True
        self.started_at = self.ctx.wall()
        self.view = self.activity.view()
        self.ctx.audio.play("countdown_go")

    # --- update ------------------------------------------------------------------------------

    def update(self, intents: Intents, dt: float) -> None:
        self.t += dt
        self.effects.update(dt)
        pressed = self.buttons.update(intents, dt)
        if pressed == "pause" or intents.is_pressed("back"):
            self.pause_game(auto=False)
            return
        taken = self.take_frame()
        if not self.started:
            left = COUNTDOWN_S - self.t
            number = int(left) + 1
            if number < self._count_said and number >= 1:
                self._count_said = number
                self.ctx.audio.play("countdown")
                self.ctx.audio.say(str(number))
            if left <= 0:
                self.start_activity()
            return
        events = taken
        if taken is None and not self.activity.finished and self.ctx.feed.now() - self.t_act >= NO_FRAME_S:
            self.t_act = max(self.t_act, self.ctx.feed.now())
            events = self.activity.update(None, self.t_act)
        if events is not None:  # the activity advanced: a new view, and what happened
            self.advanced(events)
        if self.activity.finished:
            self.finish()
            return
        if self.ctx.feed.status() == "ended":  # a video or replay ran out: end here
            self.stop_early()
            self.show_results()
            return
        phase = self.view.phase
        if phase == "paused" and self._phase != "paused":
            self._phase = phase
            self.pause_game(auto=True)
            return
        self._phase = phase

    def take_frame(self) -> list[Event] | None:
        """Take the feed's newest PoseFrame if it is new: its picture, and (once started) the
        activity advanced on its time.  The events, or None when no frame with landmarks
        came (the caller may then advance the activity without one)."""
        seen = self.take_new()
        if seen is None:
            return None
        self.frame = seen.frame
        if not self.started or seen.frame is None or self.activity.finished:
            return None
        self.t_act = max(self.t_act, seen.frame.t)
        return self.activity.update(seen.frame, self.t_act)

    def sync(self) -> None:
        """A pose published since the last update is taken now, so it is drawn at once (its
        events sound now too); ending, pausing and the countdown stay in `update`."""
        events = self.take_frame()
        if events is not None:
            self.advanced(events)

    def advanced(self, events: list[Event]) -> None:
        """The activity moved on: take its new view and react to what happened."""
        previous = self.view
        self.view = self.activity.view()
        self.react(events, previous)

    def pause_game(self, auto: bool) -> None:
        self.ctx.scenes.push(PausedScene(self.ctx, self, auto))

    def react(self, events: list[Event], before: ActivityView | None) -> None:
        """Sounds and sparkles for what just happened (gentle for misses, never harsh)."""
        self.events.extend(events)
        w, h = self.ctx.canvas_size
        audio = self.ctx.audio
        targets = {tg.id: tg for tg in (before.targets if before else ())}
        for e in events:
            if isinstance(e, RepCompleted):
                audio.play("chime")
                self.effects.burst(w / 2, h * 0.3, "star", self.ctx.theme.side_color(e.side))
            elif isinstance(e, TargetHit):
                audio.play("pop")
                tg = targets.get(e.target_id)
                x, y = (tg.x * w, tg.y * h) if tg else (w / 2, h / 2)
                self.effects.burst(x, y, "pop", self.ctx.theme.color(tg.color) if tg else None)
            elif isinstance(e, TargetMissed):
                audio.play("soft_oops")
            elif isinstance(e, HoldEnded) and e.success:
                audio.play("cheer")
                self.effects.burst(w / 2, h * 0.35, "star")
            elif isinstance(e, LevelChanged):
                audio.play("whoosh")
            elif isinstance(e, Cue):
                audio.say(e.cue)
            elif isinstance(e, Finished):
                audio.play("cheer")
                self.effects.burst(w / 2, h * 0.4, "confetti")

    # --- ending ------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the result now; a storage failure is logged, never a crash."""
        if self.saved:
            return
        self.saved = True
        self.result = self.activity.result()
        started = self.started_at or self.ctx.wall()
        try:
            self.ctx.save_result(self.result, started, self.ctx.wall(), self.events, self.step.item_id)
        except Exception as exc:
            log.error("could not save the result of %s: %s", self.step.activity_id, exc)
            self.ctx.notice = "A result could not be saved (see the log)."

    def finish(self) -> None:
        self.save()
        self.show_results()

    def stop_early(self) -> None:
        if self.saved or not self.started:
            return
        finish = getattr(self.activity, "finish", None)
        if finish is not None and not self.activity.finished:
            extra: list[Event] = []
            finish(self.t_act, extra)
            self.events.extend(extra)
        view = self.activity.view()
        active = float(getattr(self.activity, "active_s", 0.0))
        if view.count > 0 or active >= SAVE_PARTIAL_S:
            self.save()
        else:
            self.saved = True  # nothing worth a line in the logbook
            self.result = None

    def show_results(self) -> None:
        from game.scenes.results import ResultsScene

        if self.result is None:
            self.ctx.scenes.pop()
            return
        self.ctx.scenes.replace(ResultsScene(self.ctx, self.step, self.rest, self.result, self.calibration))

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        self.ctx.camera.draw(surface)
        if self.frame is not None:
            if self.info.needs != "hands":
                draw_body(surface, self.frame, theme)
            if self.info.needs != "body":
                draw_hands(surface, self.frame, theme)
        w, h = self.ctx.canvas_size
        if not self.started:
            left = max(0.0, COUNTDOWN_S - self.t)
            number = min(3, int(left) + 1)
            frac = left - int(left)
            size = int(200 + 120 * frac)
            pygame.draw.circle(surface, theme.panel, (w // 2, h // 2), 150)
            art.draw_hold_ring(surface, (w / 2, h / 2), 150, 1.0 - frac, theme.accent, 16)
            digit = theme.label(str(number), size, theme.text_dark)
            surface.blit(digit, digit.get_rect(center=(w // 2, h // 2 + 10)))
        elif self.view is not None:
            # under the pause overlay its own words say it all: no cue banner behind them
            view = replace(self.view, cue=None) if self.paused else self.view
            draw_activity(surface, view, theme, self.t)
        self.effects.draw(surface)
        super().draw(surface)


class PausedScene(Scene):
    """"Come back!" over the frozen game; resumes by itself when the child is seen again
    (auto) or when a button / Escape / Enter is pressed."""

    name = "paused"
    opaque = False
    shows_camera = True
    BACK_S = 0.5  # seen this long before resuming by itself

    def __init__(self, ctx: GameContext, play: PlayScene, auto: bool) -> None:
        super().__init__(ctx)
        self.play = play
        self.auto = auto
        self.back_s = 0.0
        w, h = ctx.canvas_size
        self.buttons.add(Button("resume", pygame.Rect(w // 2 - 110, h - 260, 220, 220), icon="play"))
        self.buttons.add(Button("home", pygame.Rect(40, h - 160, 120, 120), icon="home"))
        self._dim = pygame.Surface((w, h), pygame.SRCALPHA)
        self._dim.fill((10, 12, 30, 150))

    def on_enter(self) -> None:
        self.ctx.audio.say("come_back" if self.auto else "hold_still")

    def sees_child(self, frame: PoseFrame | None) -> bool:
        if frame is None:
            return False
        sees = getattr(self.play.activity, "sees", None)
        if sees is not None:
            return bool(sees(frame))
        return frame.body is not None or bool(frame.hands)

    def sync(self) -> None:
        seen = self.take_new()
        if seen is not None:
            self.play.frame = seen.frame

    def update(self, intents: Intents, dt: float) -> None:
        self.sync()
        seen = self.ctx.feed.latest()
        if self.auto:
            self.back_s = self.back_s + dt if self.sees_child(seen.frame) else 0.0
            if self.back_s >= self.BACK_S and self.ctx.feed.status() not in LOST_STATUSES:
                self.resume_game()
                return
        if not self.auto and intents.pressed & {"back", "confirm"} and not self.buttons.focus_visible:
            self.resume_game()
            return
        super().update(intents, dt)

    def on_button(self, button_id: str) -> None:
        if button_id == "resume":
            self.resume_game()
        elif button_id == "home":
            self.go_home()

    def resume_game(self) -> None:
        self.ctx.audio.play("chime")
        self.ctx.scenes.pop()

    def go_home(self) -> None:
        from game.scenes.path import PathScene

        self.ctx.scenes.pop()  # back to play ...
        if self.ctx.scenes.find(PathScene) is not None:
            self.ctx.scenes.pop_to(PathScene)  # ... whose on_exit keeps what was done
        else:
            self.ctx.scenes.pop()

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        w, h = self.ctx.canvas_size
        surface.blit(self._dim, (0, 0))
        avatar = self.ctx.player.avatar if self.ctx.player else "fox"
        wave = bob(self.t, 3.0, 14)
        draw_avatar(surface, theme, avatar, (w / 2, h * 0.33 + wave), 230)
        if self.auto:
            art.draw_cue_icon(surface, "come_back", (w / 2 + 200, h * 0.3), 130, theme)
            heading(surface, theme, "Come back!", (w / 2, h * 0.58), 96, theme.accent)
        else:
            heading(surface, theme, "Resting", (w / 2, h * 0.58), 80, theme.text)
        super().draw(surface)

