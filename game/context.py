"""Everything the scenes share, passed in (no globals): clock, feed, storage, input, art and
sound, the settings, the current player and their play session."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from exercises.api import ActivityResult, ActivityView
from exercises.events import Event
from game.audio import Audio
from game.clock import Clock
from game.feeds import Feed
from game.input import InputLayer
from game.render.camera import CameraLayer
from game.scenes.base import SceneStack
from game.storage import Player, Storage
from game.theme import Theme

log = logging.getLogger(__name__)

CANVAS = (1280, 720)


@dataclass
class Settings:
    """The grown-ups' settings, stored in the logbook (names as logbook.settings)."""

    volume: float = 0.8
    voice_prompts: bool = True
    seated_mode: bool = False
    favoured_side: str | None = None
    session_minutes_limit: int = 20
    camera_index: int = 0
    game_speed: float = 1.0  # 1 normal; below 1 gives more time per target (see play.activity_params)

    @classmethod
    def load(cls, storage: Storage) -> Settings:
        s = cls()
        for name, default in vars(cls()).items():
            try:
                value = storage.get_setting(name, default)
            except Exception:  # a bad stored value must not stop a child's game
                value = default
            setattr(s, name, default if value is None and default is not None else value)
        return s

    def save(self, storage: Storage, name: str) -> None:
        try:
            storage.set_setting(name, getattr(self, name))
        except Exception as exc:
            log.warning("could not save setting %s: %s", name, exc)


@dataclass
class PlaySession:
    id: str
    player: Player
    started_at: datetime
    started_t: float  # game clock
    plan_id: str | None
    finished: int = 0  # activities finished in it


@dataclass
class GameContext:
    clock: Clock
    feed: Feed
    storage: Storage
    audio: Audio
    theme: Theme = field(default_factory=Theme.default)
    input: InputLayer = field(default_factory=InputLayer)
    scenes: SceneStack = field(default_factory=SceneStack)
    settings: Settings = field(default_factory=Settings)
    camera: CameraLayer = field(default_factory=CameraLayer)  # the child's picture (play scenes)
    backdrop: CameraLayer = field(default_factory=CameraLayer)  # never given a picture: the sky
    wall: Callable[[], datetime] = datetime.now
    rng: random.Random = field(default_factory=lambda: random.Random(4))
    canvas_size: tuple[int, int] = CANVAS
    notice: str = ""  # one friendly line for the grown-up (e.g. no camera found)
    player: Player | None = None
    session: PlaySession | None = None
    quit_requested: bool = False
    saved: int = 0  # results written this run (for the HUD and tests)

    def __post_init__(self) -> None:
        self.camera.input_format = self.feed.image_format  # the layer reads the feed's own format
        watch = getattr(self.feed, "watch", None)  # reactive synthetic players see the activity
        if watch is not None:
            watch(self.activity_view)

    def activity_view(self) -> ActivityView | None:
        """The view of the activity being played (None on menus and while paused)."""
        top = self.scenes.top
        view = getattr(top, "view", None)
        return view if isinstance(view, ActivityView) else None

    def today(self) -> date:
        return self.wall().date()

    def choose_player(self, player: Player) -> None:
        if self.player is not None and self.player.nickname != player.nickname:
            self.end_session()
        self.player = player

    def ensure_session(self) -> PlaySession:
        """The player's session, started with their first activity."""
        assert self.player is not None, "choose a player first"
        if self.session is None or self.session.player.nickname != self.player.nickname:
            plan_id, _ = self.storage.today(self.player.nickname, self.today())
            started = self.wall()
            sid = self.storage.start_session(self.player.nickname, plan_id, started)
            self.session = PlaySession(sid, self.player, started, self.clock.now(), plan_id)
        return self.session

    def end_session(self) -> None:
        if self.session is not None:
            try:
                self.storage.end_session(self.session.id, self.wall())
            except Exception as exc:
                log.warning("could not close the session: %s", exc)
            self.session = None

    def save_result(self, result: ActivityResult, started_at: datetime, ended_at: datetime,
                    events: Sequence[Event], plan_item_id: str | None) -> None:
        """Write one finished activity now (the logbook commits it at once)."""
        session = self.ensure_session()
        self.storage.save_result(session.id, result, started_at, ended_at, events, plan_item_id)
        session.finished += 1
        self.saved += 1

    def session_over(self) -> bool:
        """Has the grown-ups' session length limit been reached?"""
        if self.session is None:
            return False
        return self.clock.now() - self.session.started_t >= 60.0 * float(self.settings.session_minutes_limit)

    def apply_settings(self) -> None:
        self.audio.set_volume(float(self.settings.volume))
        self.audio.voice = bool(self.settings.voice_prompts)
