"""Raw events in, intents out: what the scenes read instead of pygame's event queue.

Keyboard and mouse always work; a hand seen by the camera (or by the synthetic source) is a
pointer too, and pressing with it means holding it over a button (see game.widgets).  Scenes
ask `pressed` (began this frame), `held` and `hold_time`; positions are in canvas pixels
(the fixed 1280x720 picture the game draws, whatever the window size).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pygame

Point = tuple[float, float]

KEY_ACTIONS: Mapping[int, str] = {
    pygame.K_RETURN: "confirm",
    pygame.K_KP_ENTER: "confirm",
    pygame.K_SPACE: "confirm",
    pygame.K_ESCAPE: "back",
    pygame.K_LEFT: "left",
    pygame.K_RIGHT: "right",
    pygame.K_UP: "up",
    pygame.K_DOWN: "down",
    pygame.K_TAB: "next",
    pygame.K_F11: "fullscreen",
    pygame.K_PAUSE: "back",
}


@dataclass(frozen=True)
class Intents:
    """One update step's worth of input.  Edge-triggered fields (pressed, clicks, text) are
    delivered once, in the first update step after the events arrived."""

    pressed: frozenset[str] = frozenset()
    held: frozenset[str] = frozenset()
    hold_times: Mapping[str, float] = field(default_factory=dict)
    clicks: tuple[Point, ...] = ()  # left-button presses
    releases: tuple[Point, ...] = ()
    mouse: Point | None = None
    mouse_down: bool = False
    mouse_down_s: float = 0.0  # how long the left button has been held
    hands: tuple[Point, ...] = ()  # hand pointers (camera/synthetic) in canvas pixels
    keys: frozenset[int] = frozenset()  # raw keys held (mouse mode's stand-ins for body moves)
    keys_pressed: frozenset[int] = frozenset()
    text: str = ""
    backspace: int = 0
    quit: bool = False

    def is_pressed(self, action: str) -> bool:
        return action in self.pressed

    def is_held(self, action: str) -> bool:
        return action in self.held

    def hold_time(self, action: str) -> float:
        return self.hold_times.get(action, 0.0)

    @property
    def pointers(self) -> tuple[Point, ...]:
        """Everything pointing at the screen now: the mouse and the hands."""
        return ((self.mouse,) if self.mouse is not None else ()) + self.hands


class InputLayer:
    """Collects one frame of pygame events, then hands out Intents per fixed update step."""

    def __init__(self) -> None:
        self._keys: set[int] = set()
        self._key_time: dict[int, float] = {}
        self._mouse: Point | None = None
        self._mouse_down = False
        self._mouse_down_s = 0.0
        self._hands: tuple[Point, ...] = ()
        self._pending_pressed: set[str] = set()
        self._pending_keys: set[int] = set()
        self._pending_clicks: list[Point] = []
        self._pending_releases: list[Point] = []
        self._pending_text: list[str] = []
        self._pending_backspace = 0
        self._quit = False
        self.last_activity = 0.0  # game time of the last key/click (an idle timer may use it)

    @property
    def keys(self) -> frozenset[int]:
        return frozenset(self._keys)

    @property
    def mouse(self) -> Point | None:
        return self._mouse

    @property
    def hands(self) -> tuple[Point, ...]:
        return self._hands

    def feed(self, events: Iterable[pygame.event.Event], to_canvas: Callable[[Point], Point | None]) -> None:
        """Take this frame's events.  `to_canvas` maps window pixels to canvas pixels (None:
        outside the picture, e.g. in the letterbox)."""
        for event in events:
            kind = event.type
            if kind == pygame.QUIT:
                self._quit = True
            elif kind == pygame.KEYDOWN:
                if event.key not in self._keys:
                    self._keys.add(event.key)
                    self._key_time[event.key] = 0.0
                    self._pending_keys.add(event.key)
                    action = KEY_ACTIONS.get(event.key)
                    if action:
                        self._pending_pressed.add(action)
                if event.key == pygame.K_BACKSPACE:
                    self._pending_backspace += 1
            elif kind == pygame.KEYUP:
                self._keys.discard(event.key)
                self._key_time.pop(event.key, None)
            elif kind == pygame.TEXTINPUT:
                self._pending_text.append(event.text)
            elif kind == pygame.MOUSEMOTION:
                self._mouse = to_canvas(event.pos)
            elif kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
                pos = to_canvas(event.pos)
                self._mouse = pos
                if pos is not None:
                    self._pending_clicks.append(pos)
                    self._mouse_down, self._mouse_down_s = True, 0.0
            elif kind == pygame.MOUSEBUTTONUP and event.button == 1:
                pos = to_canvas(event.pos)
                if pos is not None:
                    self._mouse = pos
                    self._pending_releases.append(pos)
                self._mouse_down, self._mouse_down_s = False, 0.0
            elif kind == pygame.WINDOWLEAVE:
                self._mouse = None
            elif kind == pygame.WINDOWFOCUSLOST:
                self._keys.clear()
                self._key_time.clear()
                self._mouse_down = False

    def set_hands(self, hands: tuple[Point, ...]) -> None:
        """Hand pointers for this frame (the scene with the camera feed decides what counts)."""
        self._hands = hands

    def step(self, dt: float) -> Intents:
        """The intents for one fixed update step of `dt` seconds."""
        for key in self._keys:
            self._key_time[key] = self._key_time.get(key, 0.0) + dt
        if self._mouse_down:
            self._mouse_down_s += dt
        held: dict[str, float] = {}
        for key in self._keys:
            action = KEY_ACTIONS.get(key)
            if action:
                held[action] = max(held.get(action, 0.0), self._key_time[key])
        intents = Intents(
            pressed=frozenset(self._pending_pressed),
            held=frozenset(held),
            hold_times=held,
            clicks=tuple(self._pending_clicks),
            releases=tuple(self._pending_releases),
            mouse=self._mouse,
            mouse_down=self._mouse_down,
            mouse_down_s=self._mouse_down_s,
            hands=self._hands,
            keys=frozenset(self._keys),
            keys_pressed=frozenset(self._pending_keys),
            text="".join(self._pending_text),
            backspace=self._pending_backspace,
            quit=self._quit,
        )
        self._pending_pressed.clear()
        self._pending_keys.clear()
        self._pending_clicks.clear()
        self._pending_releases.clear()
        self._pending_text.clear()
        self._pending_backspace = 0
        self._quit = False
        return intents
