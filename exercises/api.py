"""The contract between activities, the game and the logbook.

An activity is pure: PoseFrames in (on frame time), events, a view and a result out.  The game
never reaches inside an activity; it draws `view()` and reacts to events.  The logbook stores
`result()`.  Coordinates in a view are normalised screen coordinates (x 0..1 of the width,
y 0..1 of the height, mirrored like the screen) so the game draws them straight over the
camera picture.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from exercises.events import Event, Side
from tracking.frame import PoseFrame

Domain = Literal["gross", "fine"]
Needs = Literal["body", "hands", "both"]
SideChoice = Literal["left", "right", "both", "either"]
Phase = Literal["waiting", "playing", "paused", "finished"]
Params = Mapping[str, Any]

# The motor domains a therapist's report is grouped by; every activity belongs to exactly one.
CLINICAL_DOMAINS: tuple[str, ...] = (
    "bilateral coordination",
    "balance",
    "upper-limb coordination",
    "visual-motor integration",
    "fine-motor precision",
    "manual dexterity",
)


@dataclass(frozen=True)
class ParamSpec:
    """One therapist-settable parameter, as shown in `wigglequest activities` and checked in plans."""

    name: str
    type: Literal["int", "float", "bool", "choice"]
    default: Any
    meaning: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()

    def check(self, value: Any) -> Any:
        """The value converted to this parameter's type; ValueError with what is allowed."""
        if self.type == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.lower() in ("true", "yes", "1", "false", "no", "0"):
                return value.lower() in ("true", "yes", "1")
            raise ValueError(f"{self.name} must be true or false")
        if self.type == "choice":
            if value not in self.choices:
                raise ValueError(f"{self.name} must be one of {', '.join(self.choices)}")
            return value
        try:
            if isinstance(value, bool):
                raise TypeError
            number = int(value) if self.type == "int" else float(value)
            if self.type == "int" and float(value) != number:
                raise ValueError
        except (TypeError, ValueError):
            raise ValueError(f"{self.name} must be {'a whole number' if self.type == 'int' else 'a number'}") from None
        if (self.minimum is not None and number < self.minimum) or (
            self.maximum is not None and number > self.maximum
        ):
            raise ValueError(f"{self.name} must be between {self.minimum:g} and {self.maximum:g}{' ' + self.unit if self.unit else ''}")
        return number


@dataclass(frozen=True)
class MetricSpec:
    """A metric defined once, in words, next to the code that computes it."""

    name: str
    unit: str
    meaning: str
    per_side: bool = False
    higher_is_better: bool | None = True


@dataclass(frozen=True)
class ActivityInfo:
    """Catalog entry.  `levels` maps difficulty 1..5 to parameter values; `main_measure` names the
    figure shown first (usually "reps" or "hits")."""

    id: str
    name: str
    domain: Domain
    needs: Needs
    skills: tuple[str, ...]
    clinical_domain: str  # one of CLINICAL_DOMAINS
    params: tuple[ParamSpec, ...]
    levels: Mapping[int, Mapping[str, Any]]
    metrics: tuple[MetricSpec, ...]
    main_measure: str = "reps"
    # What a plan's `reps` counts toward: "reps" (the result's reps) or a metric's name, e.g.
    # stars hit, bubbles popped, one-leg holds reached.  The activity's own goal counts the same.
    goal_measure: str = "reps"
    # What a parent calls one unit of goal_measure, singular and plural ("jump", "jumps").
    count_words: tuple[str, str] = ("time", "times")
    sides: tuple[SideChoice, ...] = ("both",)
    seated_variant: bool = False
    description: str = ""

    def param(self, name: str) -> ParamSpec:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)


@dataclass(frozen=True)
class Target:
    """Something on screen to reach, pop, carry or drop into."""

    id: int
    x: float
    y: float
    radius: float  # in image-height units
    kind: str  # star | bubble | object | basket
    state: str = "active"  # active | hit | missed | held
    side: Side | None = None  # which hand should take it, if it matters
    label: str = ""  # e.g. a colour or shape name for sorting
    color: int = 0  # palette index


@dataclass(frozen=True)
class ActivityView:
    """Everything a scene needs to draw one activity at one moment.  Plain data: drawing it never
    changes the activity."""

    activity_id: str
    phase: Phase
    count: int = 0  # main count so far (reps, hits, pops, ...)
    goal: int = 0  # main count that finishes the activity (0: finishes on time)
    progress: float = 0.0  # 0..1 toward finishing
    time_left_s: float | None = None
    ready: float = 0.0  # 0..1 of the ready gate (hold the start pose)
    cue: str | None = None  # the current cue id (see exercises.events.CUES)
    side: Side | None = None  # the side being asked for now
    level: int = 1
    targets: tuple[Target, ...] = ()
    path: tuple[tuple[float, float], ...] = ()  # air_trace: the shape to trace
    path_covered: tuple[bool, ...] = ()  # per path point: has the fingertip passed it
    pointer: tuple[float, float] | None = None  # the fingertip or hand being used
    pinching: bool = False
    pose_card: str | None = None  # copy_the_pose: the pose id to copy
    match: float = 0.0  # copy_the_pose: 0..1 how close the child is
    hold: float | None = None  # 0..1 of the current hold goal (balance, pose)
    sway: float = 0.0  # flamingo: 0 steady, 1 wobbling a lot
    number: int | None = None  # finger_count: fingers asked; finger_taps: the finger to touch
    shown: int | None = None  # finger_count: fingers seen
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LevelChange:
    t: float
    old: int
    new: int
    reason: str


@dataclass(frozen=True)
class ActivityResult:
    """What a therapist gets back from one run of one activity."""

    activity_id: str
    reps: int | None  # the main repetition count where the activity has one
    metrics: Mapping[str, float]  # name -> value, units in the ActivityInfo's MetricSpecs
    per_side: Mapping[str, Mapping[str, float]]  # "left"/"right" -> metrics for that side
    tracking_quality: float  # 0..1: share of active time with the needed landmarks seen
    duration_s: float  # active time, pauses excluded
    success_rate: float | None  # hits / attempts where the activity has attempts
    params: Mapping[str, Any]
    level: int
    completed: bool  # reached its goal (False: stopped early or timed out)
    level_changes: tuple[LevelChange, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["metrics"] = dict(self.metrics)
        d["per_side"] = {k: dict(v) for k, v in self.per_side.items()}
        d["params"] = dict(self.params)
        return d


@runtime_checkable
class Activity(Protocol):
    info: ActivityInfo

    def start(self, params: Params, t: float) -> None:
        """Begin (or begin again) with resolved parameters at frame time t."""
        ...

    def update(self, frame: PoseFrame | None, t: float) -> list[Event]:
        """Advance to frame time t.  `frame` is None when nothing new was seen."""
        ...

    def view(self) -> ActivityView: ...

    def result(self) -> ActivityResult: ...

    @property
    def finished(self) -> bool: ...
