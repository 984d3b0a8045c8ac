"""The grown-ups' area, behind a parent gate: today's log, the plan and how much of it is done,
and the settings.  The gate asks for a button held down for three seconds (a mouse button or a
key: a hovering hand or a child's quick clicks never do it), then a two-digit sum with a carry
(27 + 15) and four close answers, which a young child can neither work out nor guess often
(one in four); a wrong answer closes the gate."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pygame

from exercises import catalog
from game.input import Intents
from game.parent_words import TodaySummary, plan_amount, today_summary
from game.render import art
from game.scenes.base import Scene
from game.scenes.common import draw_sky, draw_sticker, heading, small_text
from game.storage import PlanStep
from game.widgets import Button
from logbook.words import plural

if TYPE_CHECKING:
    from game.context import GameContext

TODAY_LINES = 6  # the day's latest activities listed
PLAN_LINES = 5
SETTINGS_TOP, SETTINGS_ROW = 162, 76
SPEEDS = {1.0: "Normal", 0.75: "Slower", 0.5: "Slowest"}  # game_speed -> words
GATE_HOLD_S = 3.0
GATE_IDLE_S = 30.0  # an unattended gate closes by itself


def gate_sum(rng: random.Random) -> tuple[int, int]:
    """Two two-digit numbers whose ones carry (27 + 15): beyond a young child's counting."""
    while True:
        a, b = rng.randint(13, 59), rng.randint(12, 39)
        if a % 10 + b % 10 >= 10 and a % 10 and b % 10:
            return a, b


class ParentGateScene(Scene):
    name = "parent_gate"
    hand_pointers = False

    def __init__(self, ctx: GameContext) -> None:
        super().__init__(ctx)
        self.stage = "hold"
        self.a, self.b = gate_sum(ctx.rng)
        answer = self.a + self.b
        wrong = [answer - 10, answer + 10, answer - 1, answer + 1, answer - 2, answer + 2]
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
            heading(surface, theme, f"{self.a} + {self.b} = ?", (w / 2, 190), 110, theme.accent)
            small_text(surface, theme, "Grown-ups: tap the answer", (w / 2, 290), 36, anchor="center")
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
        self.summary: TodaySummary | None = None
        self.plan: list[PlanStep] = []
        self.plan_id: str | None = None
        self.refresh()
        self.layout()

    def refresh(self) -> None:
        ctx = self.ctx
        if not self.nick:
            return
        day = ctx.today()
        self.summary = today_summary(ctx.storage, self.nick, day)
        self.plan_id, self.plan = ctx.storage.today(self.nick, day)

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
                y = SETTINGS_TOP + r * SETTINGS_ROW
                if kind == "step":  # the - and + are drawn as bold bars (see draw)
                    self.buttons.add(Button(f"dec:{key}", pygame.Rect(640, y, 76, 62)))
                    self.buttons.add(Button(f"inc:{key}", pygame.Rect(900, y, 76, 62)))
                else:
                    self.buttons.add(Button(f"cycle:{key}", pygame.Rect(640, y, 336, 62), label=_value))

    def setting_rows(self) -> list[tuple[str, str, str, str]]:
        s = self.ctx.settings
        side = {"left": "Left side", "right": "Right side"}.get(s.favoured_side or "", "Either side")
        return [
            ("volume", "Volume", f"{round(float(s.volume) * 100)} %", "step"),
            ("voice_prompts", "Voice prompts", "On" if s.voice_prompts else "Off", "cycle"),
            ("seated_mode", "Seated mode", "On" if s.seated_mode else "Off", "cycle"),
            ("favoured_side", "Favour side", side, "cycle"),
            ("game_speed", "Game speed", SPEEDS.get(float(s.game_speed), "Normal"), "cycle"),
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
        elif key == "game_speed":
            order = list(SPEEDS)
            now = float(s.game_speed) if float(s.game_speed) in SPEEDS else 1.0
            s.game_speed = order[(order.index(now) + 1) % len(order)]
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

    def draw_today(self, surface: pygame.Surface, today: TodaySummary) -> None:
        """Left: what was played and when.  Right: the plan, the week, the streak, stickers."""
        theme = self.ctx.theme
        ink, soft = theme.text_dark, (86, 92, 116)
        small_text(surface, theme, today.title, (80, 162), 42, ink)
        small_text(surface, theme, today.played_words, (80, 212), 32, ink)
        y = 262
        shown = today.lines[-TODAY_LINES:]
        for when, words in shown:
            name, _, amount = words.partition(": ")
            small_text(surface, theme, f"{when:%H:%M}", (80, y), 28, soft)
            small_text(surface, theme, name, (158, y), 30, ink)
            small_text(surface, theme, amount, (158, y + 28), 26, soft)
            y += 66
        if len(today.lines) > len(shown):
            small_text(surface, theme, f"and {plural(len(today.lines) - len(shown), 'earlier activity')}",
                       (158, y), 26, soft)
        # the right-hand column
        x = 650
        pygame.draw.line(surface, theme.bg2, (x - 24, 160), (x - 24, 680), 2)
        small_text(surface, theme, today.plan_words, (x, 162), 32, ink)
        y = 204
        for ok, words in today.plan[:PLAN_LINES]:
            if ok:
                pygame.draw.circle(surface, theme.good, (x + 12, y + 13), 13)
                art.draw_ui_icon(surface, "check", (x + 12, y + 13), 20, theme.panel)
            else:
                pygame.draw.circle(surface, soft, (x + 12, y + 13), 12, 3)
            small_text(surface, theme, words, (x + 34, y), 27, ink)
            y += 36
        if len(today.plan) > PLAN_LINES:
            small_text(surface, theme, f"and {len(today.plan) - PLAN_LINES} more", (x + 34, y), 25, soft)
        y = 430
        small_text(surface, theme, "Last 7 days", (x, y), 30, ink)
        for i, dot in enumerate(today.week):
            cx, cy = x + 24 + i * 56, y + 62
            if dot.played:
                pygame.draw.circle(surface, theme.good, (cx, cy), 20)
            else:
                pygame.draw.circle(surface, theme.bg2, (cx, cy), 19, 3)
            if i == len(today.week) - 1:
                pygame.draw.circle(surface, theme.accent, (cx, cy), 25, 4)
            small_text(surface, theme, f"{dot.day:%a}"[:2], (cx, cy + 28), 22, soft, anchor="midtop")
        small_text(surface, theme, today.streak_words, (x, y + 120), 30, ink)
        small_text(surface, theme, today.sticker_words, (x, y + 166), 30, ink)
        for i, sticker in enumerate(today.stickers_today[:6]):
            draw_sticker(surface, theme, sticker, (x + 24 + i * 52, y + 232), 46)

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
            if self.summary is not None:
                self.draw_today(surface, self.summary)
        elif self.tab == "plan":
            if not self.plan:
                small_text(surface, theme, "No plan for today: free play from every activity.", (x0, y), 34, ink)
            for step in self.plan[:PLAN_LINES]:
                name = catalog.info(step.activity_id).name
                small_text(surface, theme, f"{name}  (level {step.level})", (x0, y), 32, ink)
                small_text(surface, theme, plan_amount(step), (1060, y + 2), 30, ink, anchor="topright")
                bar = pygame.Rect(x0, y + 40, 980, 26)
                pygame.draw.rect(surface, theme.bg2, bar, border_radius=13)
                share = 0.0 if step.required <= 0 else min(1.0, step.done / step.required)
                if share > 0:
                    pygame.draw.rect(surface, theme.good, (bar.x, bar.y, max(26, int(bar.w * share)), bar.h), border_radius=13)
                y += 96
            if len(self.plan) > PLAN_LINES:
                small_text(surface, theme, f"and {len(self.plan) - PLAN_LINES} more", (x0, y), 28, ink)
        else:
            for r, (_key, label, value, kind) in enumerate(self.setting_rows()):
                yy = SETTINGS_TOP + r * SETTINGS_ROW
                small_text(surface, theme, label, (x0, yy + 14), 38, ink)
                if kind == "step":
                    small_text(surface, theme, value, (808, yy + 31), 38, ink, anchor="center")
        super().draw(surface)
        for b in self.buttons.items:
            if b.id.startswith(("dec:", "inc:")):
                cx, cy = b.rect.center
                pygame.draw.rect(surface, ink, (cx - 16, cy - 4, 32, 9), border_radius=3)
                if b.id.startswith("inc:"):
                    pygame.draw.rect(surface, ink, (cx - 4, cy - 16, 9, 32), border_radius=3)
            if b.id == f"child:{self.nick}":
                pygame.draw.rect(surface, theme.good, b.rect.inflate(10, 10), 6, border_radius=b.rect.w // 3)
        art.draw_ui_icon(surface, "lock", (1180, 660), 40, theme.panel)
