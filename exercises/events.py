"""What an activity tells the game as it runs.  Frozen dataclasses: the game turns them into
sounds and sparkles, the logbook stores them (`kind` + `data()`), nothing mutates them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

Side = Literal["left", "right"]


@dataclass(frozen=True)
class Event:
    t: float  # frame time (seconds) at which it happened

    @property
    def kind(self) -> str:
        return re.sub(r"(?<!^)(?=[A-Z])", "_", type(self).__name__).lower()

    def data(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("t", None)
        return d


@dataclass(frozen=True)
class RepCompleted(Event):
    count: int  # reps so far, after this one
    side: Side | None = None
    quality: float = 1.0  # 0..1, how full the movement was


@dataclass(frozen=True)
class PartialRep(Event):
    side: Side | None = None
    reached: float = 0.0  # share of the full movement reached


@dataclass(frozen=True)
class TargetHit(Event):
    target_id: int
    side: Side | None = None
    reaction_s: float | None = None  # target shown -> movement starts
    movement_s: float | None = None  # movement starts -> target touched


@dataclass(frozen=True)
class TargetMissed(Event):
    target_id: int
    reason: str = "timeout"  # timeout | wrong_hand | dropped | wrong_basket


@dataclass(frozen=True)
class HoldStarted(Event):
    side: Side | None = None


@dataclass(frozen=True)
class HoldProgress(Event):
    held_s: float
    goal_s: float
    side: Side | None = None


@dataclass(frozen=True)
class HoldEnded(Event):
    held_s: float
    success: bool
    side: Side | None = None


@dataclass(frozen=True)
class Cue(Event):
    """A hint for the child.  `cue` is an id from CUES; the game shows an icon and plays a sound."""

    cue: str


@dataclass(frozen=True)
class LevelChanged(Event):
    old: int
    new: int
    reason: str


@dataclass(frozen=True)
class Finished(Event):
    completed: bool = True  # False when stopped early


# Every cue id an activity may emit, with the short words shown beside its icon.  The game has
# an icon and a voice prompt for each; a test checks that nothing emits an unknown id.
CUES: dict[str, str] = {
    "get_ready": "Get ready!",
    "come_back": "Come back!",
    "step_back": "Step back",
    "come_closer": "Come closer",
    "more_light": "Find more light",
    "show_hands": "Show your hands",
    "show_body": "Show your whole body",
    "arms_higher": "Arms higher!",
    "arms_out": "Arms out wide",
    "jump": "Jump!",
    "feet_apart": "Feet apart",
    "go_lower": "Go lower!",
    "stand_up": "Stand up tall",
    "knees_higher": "Knees higher!",
    "other_leg": "Now the other leg",
    "other_hand": "Use the other hand",
    "use_left": "Use your left hand",
    "use_right": "Use your right hand",
    "lift_leg": "Lift one foot",
    "hold_still": "Hold still",
    "slow_down": "Slow down",
    "keep_going": "Keep going!",
    "pinch": "Pinch!",
    "open_hand": "Open your hand",
    "follow_path": "Follow the path",
    "show_fingers": "Show the fingers",
    "tap_next": "Tap the next finger",
    "copy_pose": "Copy the pose",
    "great": "Great!",
    "almost": "Almost!",
}
