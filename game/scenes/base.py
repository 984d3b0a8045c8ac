"""A scene and the stack that holds them (after Tuxemon's state stack and Arcade's views).

Only the top scene is updated.  push pauses the scene below and pop resumes it (paired), and
every scene gets on_enter/on_exit exactly once.  `draw` must not change state: every draw of
a scene is the same for the same game time (`self.t`, advanced only in `update`).  A scene
that is not `opaque` (the pause overlay) is drawn over the scenes below it.

`sync()` runs once per drawn frame, after the fixed updates and before the draw: a scene that
shows the camera takes a PoseFrame that arrived since its last update there (frame time, not
game time), so a new pose is drawn at once rather than at the next fixed step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.input import Intents
from game.widgets import Buttons

if TYPE_CHECKING:
    from game.context import GameContext
    from game.feeds import Seen


class Scene:
    name = "scene"
    opaque = True
    hand_pointers = True  # hands seen by the camera press this scene's buttons
    shows_camera = False  # the app prepares upcoming camera pictures for such scenes

    def __init__(self, ctx: GameContext) -> None:
        self.ctx = ctx
        self.t = 0.0  # game seconds since this scene was entered
        self.buttons = Buttons()
        self._seen_seq = -1  # the feed's newest frame this scene has taken (see take_new)

    def on_enter(self) -> None: ...

    def on_exit(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def sync(self) -> None:
        """Take what the feed published since the last update (see the module docstring)."""

    def take_new(self) -> Seen | None:
        """The feed's newest frame if this scene has not taken it yet, else None.  Its picture
        goes to the camera layer here (converted once per new frame): call from sync or update,
        never from draw."""
        seen = self.ctx.feed.latest()
        if seen.seq == self._seen_seq:
            return None
        self._seen_seq = seen.seq
        self.ctx.camera.set_image(seen.image, seen.seq)
        return seen

    def update(self, intents: Intents, dt: float) -> None:
        self.t += dt
        pressed = self.buttons.update(intents, dt)
        if pressed is not None:
            self.on_button(pressed)
        elif intents.is_pressed("back"):
            self.on_back()

    def on_button(self, button_id: str) -> None: ...

    def on_back(self) -> None: ...

    def draw(self, surface: pygame.Surface) -> None:
        self.buttons.draw(surface, self.ctx.theme)


class SceneStack:
    def __init__(self) -> None:
        self._scenes: list[Scene] = []

    def __len__(self) -> int:
        return len(self._scenes)

    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    def names(self) -> list[str]:
        return [s.name for s in self._scenes]

    def find(self, kind: type[Scene]) -> Scene | None:
        for scene in reversed(self._scenes):
            if isinstance(scene, kind):
                return scene
        return None

    def push(self, scene: Scene) -> None:
        if self._scenes:
            self._scenes[-1].pause()
        self._scenes.append(scene)
        scene.on_enter()

    def pop(self) -> Scene | None:
        if not self._scenes:
            return None
        scene = self._scenes.pop()
        scene.on_exit()
        if self._scenes:
            self._scenes[-1].resume()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another (the one below stays paused)."""
        if self._scenes:
            self._scenes.pop().on_exit()
        self._scenes.append(scene)
        scene.on_enter()

    def pop_to(self, kind: type[Scene]) -> Scene | None:
        """Pop until a scene of this kind is on top (its resume is called once)."""
        while self._scenes and not isinstance(self._scenes[-1], kind):
            if len(self._scenes) == 1:
                break
            self.pop()
        return self.top if isinstance(self.top, kind) else None

    def clear(self) -> None:
        while self._scenes:
            self._scenes.pop().on_exit()

    def update(self, intents: Intents, dt: float) -> None:
        if self._scenes:
            self._scenes[-1].update(intents, dt)

    def sync(self) -> None:
        if self._scenes:
            self._scenes[-1].sync()

    def draw(self, surface: pygame.Surface) -> None:
        start = len(self._scenes) - 1
        while start > 0 and not self._scenes[start].opaque:
            start -= 1
        for scene in self._scenes[max(0, start):]:
            scene.draw(surface)
