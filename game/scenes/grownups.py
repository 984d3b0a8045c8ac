"""The grown-ups' area, behind a parent gate: today's log, the plan and how much of it is done,
and the settings.  The gate asks for a button held down for three seconds (a mouse button or a
key: a hovering hand or a child's quick clicks never do it), then a simple sum with four
answers; a wrong answer closes the gate."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from exercises import catalog
from game.input import Intents
from game.render import art
from game.scenes.base import Scene
from game.scenes.common import draw_sky, heading, small_text
from game.storage import LogLine, PlanStep
from game.widgets import Button

if TYPE_CHECKING:
    from game.context import GameContext

GATE_HOLD_S = 3.0
GATE_IDLE_S = 30.0  # an unattended gate closes by itself


class ParentGateScene(Scene):
    name = "parent_gate"
    hand_pointers = False

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.stage = "hold"
        self.a = ctx.rng.randint(3, 9)
        self.b = ctx.rng.randint(2, 9)
        answer = self.a + self.b
        wrong = [v for v in range(answer - 5, answer + 6) if v != answer and v > 0]
        ctx.rng.shuffle(wrong)
        self.choices = sorted([answer, *wrong[:3]])
        self.idle = 0.0
        w, h = ctx.canvas_size
        self.buttons.add(Button("hold", pygame.Rect(w // 2 - 130, 250, 260, 260), icon="lock",
                                hold_s=GATE_HOLD_S, hold_only=True))
        self.buttons.add(Button("back", pygame.Rect(30, 30, 110, 110), icon="back"))
        self.buttons.focus = 0

    @property
    def answer(self) -> int:
        return self.a + self.b

    def ask(self) -> None:
        self.stage = "sum"
        self.ctx.audio.play("chime")
        w, _ = self.ctx.canvas_size
        self.buttons.items = [b for b in self.buttons.items if b.id == "back"]
        for i, value in enumerate(self.choices):
            self.buttons.add(Button(f"answer:{value}", pygame.Rect(w // 2 - 470 + i * 240, 360, 200, 160), label=str(value)))

    def update(self, intents: Intents, dt: float) -> None:
        active = intents.clicks or intents.pressed or intents.mouse_down or intents.held
        self.idle = 0.0 if active else self.idle + dt
        if self.idle >= GATE_IDLE_S:
            self.ctx.scenes.pop()
            return
        super().update(intents, dt)

    def on_button(self, button_id: str) -> None:
        if button_id == "hold":
            self.ask()
        elif button_id == "back":
            self.ctx.scenes.pop()
        elif button_id.startswith("answer:"):
            if int(button_id.split(":")[1]) == self.answer:
                self.ctx.scenes.replace(GrownUpsScene(self.ctx))
            else:
                self.ctx.audio.play("soft_oops")
                self.ctx.scenes.pop()

    def on_back(self) -> None:
        self.ctx.scenes.pop()

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        draw_sky(surface, self.ctx)
        w, _ = self.ctx.canvas_size
        if self.stage == "hold":
            heading(surface, theme, "For grown-ups", (w / 2, 120), 72)
            small_text(surface, theme, "Press and hold the lock for 3 seconds", (w / 2, 200), 36, anchor="center")
        else:
            heading(surface, theme, f"{self.a} + {self.b} = ?", (w / 2, 200), 110, theme.accent)
        super().draw(surface)


class GrownUpsScene(Scene):
    name = "grownups"
    hand_pointers = False
    TABS = (("today", "Today", "check"), ("plan", "Plan", "album"), ("settings", "Settings", "gear"))

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.tab = "today"
        players = ctx.storage.players()
        self.nick = ctx.player.nickname if ctx.player else (players[0].nickname if players else "")
        self.log: list[LogLine] = []
        self.plan: list[PlanStep] = []
        self.plan_id: str | None = None
        self.streak = 0
        self.refresh()
        self.layout()

    def refresh(self) -> None:
        ctx = self.ctx
        if not self.nick:
            return
        day = ctx.today()
        self.log = ctx.storage.log(self.nick, day)
        self.plan_id, self.plan = ctx.storage.today(self.nick, day)
        self.streak = ctx.storage.streak(self.nick, day)

    def layout(self) -> None:
        self.buttons.items.clear()
        self.buttons.add(Button("back", pygame.Rect(24, 24, 96, 96), icon="back"))
        for i, (tab, label, icon) in enumerate(self.TABS):
            self.buttons.add(Button(f"tab:{tab}", pygame.Rect(180 + i * 300, 30, 270, 84), label=label, icon=icon))
        players = self.ctx.storage.players()
        for i, p in enumerate(players[:6]):
            self.buttons.add(Button(f"child:{p.nickname}", pygame.Rect(1140 - i * 0, 140 + i * 96, 84, 84), icon=p.avatar))
        if self.tab == "settings":
            rows = self.setting_rows()
            for r, (key, _label, _value, kind) in enumerate(rows):
                y = 170 + r * 86
                if kind == "step":
                    self.buttons.add(Button(f"dec:{key}", pygame.Rect(640, y, 76, 68), label="-"))
                    self.buttons.add(Button(f"inc:{key}", pygame.Rect(900, y, 76, 68), label="+"))
                else:
                    self.buttons.add(Button(f"cycle:{key}", pygame.Rect(640, y, 336, 68), label=_value))

    def setting_rows(self) -> list[tuple[str, str, str, str]]:
        s = self.ctx.settings
        side = s.favoured_side or "none"
        return [
            ("volume", "Volume", f"{round(float(s.volume) * 100)} %", "step"),
            ("voice_prompts", "Voice prompts", "on" if s.voice_prompts else "off", "cycle"),
            ("seated_mode", "Seated mode", "on" if s.seated_mode else "off", "cycle"),
            ("favoured_side", "Favour side", side, "cycle"),
            ("session_minutes_limit", "Session limit", f"{int(s.session_minutes_limit)} min", "step"),
            ("camera_index", "Camera (next start)", f"{int(s.camera_index)}", "step"),
        ]

    def change(self, key: str, how: str) -> None:
        s = self.ctx.settings
        if key == "volume":
            s.volume = round(min(1.0, max(0.0, float(s.volume) + (0.1 if how == "inc" else -0.1))), 2)
        elif key == "session_minutes_limit":
            s.session_minutes_limit = int(min(120, max(5, int(s.session_minutes_limit) + (5 if how == "inc" else -5))))
        elif key == "camera_index":
            s.camera_index = int(min(9, max(0, int(s.camera_index) + (1 if how == "inc" else -1))))
        elif key in ("voice_prompts", "seated_mode"):
            setattr(s, key, not getattr(s, key))
        elif key == "favoured_side":
            order = [None, "left", "right"]
            s.favoured_side = order[(order.index(s.favoured_side) + 1) % 3]
        s.save(self.ctx.storage, key)
        self.ctx.apply_settings()
        self.ctx.audio.play("tick")
        self.layout()

    def on_button(self, button_id: str) -> None:
        kind, _, arg = button_id.partition(":")
        if kind == "back":
            self.ctx.scenes.pop()
        elif kind == "tab":
            self.tab = arg
            self.layout()
        elif kind == "child":
            self.nick = arg
            self.refresh()
        elif kind in ("dec", "inc"):
            self.change(arg, kind)
        elif kind == "cycle":
            self.change(arg, "inc")

    def on_back(self) -> None:
        self.ctx.scenes.pop()

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        draw_sky(surface, self.ctx)
        panel = pygame.Rect(40, 140, 1060, 560)
        pygame.draw.rect(surface, theme.panel, panel, border_radius=28)
        ink = theme.text_dark
        tab = self.buttons.get(f"tab:{self.tab}").rect
        pygame.draw.rect(surface, theme.accent, tab.inflate(12, 12), 6, border_radius=tab.h // 3)
        x0, y = 80, 170
        if self.tab == "today":
            small_text(surface, theme, f"{self.nick}: {len(self.log)} activities today, {self.streak} day streak", (x0, y), 40, ink)
            y += 60
            if not self.log:
                small_text(surface, theme, "Nothing played yet today.", (x0, y), 34, ink)
            for line in self.log[-9:]:
                name = catalog.info(line.activity_id).name
                reps = "" if line.reps is None else f"{line.reps} reps"
                done = "finished" if line.completed else "stopped early"
                text = f"{line.started_at:%H:%M}  {name}  {reps}  {line.duration_s / 60:.1f} min  {done}"
                small_text(surface, theme, text, (x0, y), 32, ink)
                y += 48
        elif self.tab == "plan":
            if not self.plan:
                small_text(surface, theme, "No plan for today: free play from every activity.", (x0, y), 34, ink)
            for step in self.plan[:9]:
                name = catalog.info(step.activity_id).name
                small_text(surface, theme, f"{name}  (level {step.level})", (x0, y + 6), 32, ink)
                bar = pygame.Rect(560, y + 4, 360, 30)
                pygame.draw.rect(surface, theme.bg2, bar, border_radius=15)
                share = 0.0 if step.required <= 0 else min(1.0, step.done / step.required)
                if share > 0:
                    pygame.draw.rect(surface, theme.good, (bar.x, bar.y, max(30, int(bar.w * share)), bar.h), border_radius=15)
                small_text(surface, theme, f"{step.done:g} / {step.required:g} {step.unit}", (940, y + 6), 30, ink)
                y += 56
        else:
            for r, (_key, label, value, kind) in enumerate(self.setting_rows()):
                yy = 170 + r * 86
                small_text(surface, theme, label, (x0, yy + 18), 38, ink)
                if kind == "step":
                    small_text(surface, theme, value, (808, yy + 34), 38, ink, anchor="center")
        super().draw(surface)
        for b in self.buttons.items:
            if b.id == f"child:{self.nick}":
                pygame.draw.rect(surface, theme.good, b.rect.inflate(10, 10), 6, border_radius=b.rect.w // 3)
        art.draw_ui_icon(surface, "lock", (1180, 660), 40, theme.panel)
