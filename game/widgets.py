"""Big buttons a child can press three ways: click, keyboard, or holding a hand over them.

A hand press fills a ring for `hold_s`; moving away drains it, so a hand sweeping past presses
nothing.  A hand that is already over a button when it appears must leave and come back first
(otherwise a child standing still would tumble through screens).  Hold-only buttons (the parent
gate) need a physical press held down — a mouse button or a key — which a hovering hand or a
quick click never gives.  Drawing goes through LOOK's `art.draw_button`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pygame

from game.input import Intents, Point
from game.theme import Theme

HAND_HOLD_S = 1.2  # a child holds a hand over a button this long to press it
DRAIN_RATE = 2.0  # the ring drains this many times faster than it fills


@dataclass
class Button:
    id: str
    rect: pygame.Rect
    label: str = ""
    icon: str | None = None
    hold_s: float = HAND_HOLD_S
    hold_only: bool = False  # only a held mouse button or key presses it (the parent gate)
    enabled: bool = True
    fill: float = 0.0  # 0..1, the ring the hand (or held press) is filling
    hovered: bool = False
    _armed: bool = False  # a hand may fill it (it has been seen without a hand over it)

    def contains(self, point: Point | None) -> bool:
        return point is not None and self.rect.collidepoint(point[0], point[1])

    def update(self, intents: Intents, dt: float, focused: bool) -> bool:
        """Advance one step; True when pressed now."""
        if not self.enabled:
            self.fill, self.hovered = 0.0, False
            return False
        hand_over = any(self.contains(h) for h in intents.hands)
        self.hovered = hand_over or self.contains(intents.mouse)
        if self.hold_only:
            mouse_hold = intents.mouse_down and self.contains(intents.mouse)
            key_hold = focused and intents.is_held("confirm")
            held = 0.0
            if mouse_hold:
                held = intents.mouse_down_s
            if key_hold:
                held = max(held, intents.hold_time("confirm"))
            self.fill = min(1.0, held / self.hold_s)
            if self.fill >= 1.0:
                self.fill = 0.0
                return True
            return False
        if any(self.contains(c) for c in intents.clicks):
            self.fill = 0.0
            return True
        if focused and intents.is_pressed("confirm"):
            return True
        if not hand_over:
            self._armed = True
            self.fill = max(0.0, self.fill - DRAIN_RATE * dt / self.hold_s)
            return False
        if not self._armed:
            return False
        self.fill = min(1.0, self.fill + dt / self.hold_s)
        if self.fill >= 1.0:
            self.fill = 0.0
            self._armed = False  # leave and come back to press again
            return True
        return False


class Buttons:
    """A scene's buttons, with keyboard focus (arrows/Tab move it, Enter/Space press)."""

    def __init__(self, buttons: Iterable[Button] = ()) -> None:
        self.items: list[Button] = list(buttons)
        self.focus = 0
        self.focus_visible = False  # shown once the keyboard has been used

    def add(self, button: Button) -> Button:
        self.items.append(button)
        return button

    def get(self, button_id: str) -> Button:
        for b in self.items:
            if b.id == button_id:
                return b
        raise KeyError(button_id)

    def __contains__(self, button_id: str) -> bool:
        return any(b.id == button_id for b in self.items)

    def update(self, intents: Intents, dt: float) -> str | None:
        """The id of the button pressed in this step, if any (the first one wins)."""
        enabled = [i for i, b in enumerate(self.items) if b.enabled]
        if enabled and intents.pressed & {"left", "right", "up", "down", "next"}:
            if self.focus not in enabled:
                self.focus = enabled[0]
            elif not self.focus_visible:
                pass
            else:
                step = -1 if intents.pressed & {"left", "up"} else 1
                self.focus = enabled[(enabled.index(self.focus) + step) % len(enabled)]
            self.focus_visible = True
            intents = Intents(**{**intents.__dict__, "pressed": intents.pressed - {"confirm"}})
        chosen: str | None = None
        for i, button in enumerate(self.items):
            focused = self.focus_visible and i == self.focus
            if button.update(intents, dt, focused) and chosen is None:
                chosen = button.id
        return chosen

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        from game.render import art

        for i, b in enumerate(self.items):
            if not b.enabled:
                continue
            art.draw_button(surface, b.rect, b.label, b.icon, theme, b.fill)
            if self.focus_visible and i == self.focus:
                pygame.draw.rect(surface, theme.accent, b.rect.inflate(16, 16), width=6,
                                 border_radius=min(b.rect.w, b.rect.h) // 3)
