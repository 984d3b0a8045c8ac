"""Bubble pop: bubbles float up; pinch thumb and index together on one to pop it.

Trains the pincer grasp and eye-hand coordination.  Every pinch counts as a pinch (the main
repetition count), whether or not a bubble was under the fingers; a pinch whose pinch point
(between thumb tip and index tip) lies on a bubble pops it.  Bubbles rise on the activity
clock (pauses freeze them) from a layout fixed by `seed`, so a run can be replayed exactly.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from exercises import params as P
from exercises.activities._hands_common import (
    SIDES,
    HandActivity,
    PinchDetector,
    mean,
    pinch_point,
    screen_distance,
)
from exercises.api import ActivityInfo, MetricSpec, ParamSpec, Target
from exercises.base import asymmetry_index
from exercises.events import Event, PartialRep, RepCompleted, Side, TargetHit, TargetMissed
from tracking.frame import PoseFrame

START_Y = 0.9  # bubbles appear here (normalised height) and rise ...
ESCAPE_Y = 0.05  # ... until they float away above this
SWAY = 0.015  # side-to-side drift, normalised width
HIT_SLACK = 1.15  # the pinch point may be this many radii from the bubble's centre

INFO = ActivityInfo(
    id="bubble_pop",
    name="Bubble Pop",
    domain="fine",
    needs="hands",
    skills=("pincer grasp", "eye-hand coordination", "reaction"),
    clinical_domain="fine-motor precision",
    count_words=("bubble popped", "bubbles popped"),
    params=(
        P.side("either", ("either", "left", "right", "both")),
        P.reps(10, 1, 100, unit="bubbles", meaning="bubbles to pop to finish"),
        P.duration(90.0),
        ParamSpec("bubble_radius", "float", 0.085, "bubble radius", unit="image heights", minimum=0.02, maximum=0.2),
        ParamSpec("rise_speed", "float", 0.05, "how fast bubbles rise", unit="image heights/s", minimum=0.01, maximum=0.4),
        ParamSpec("spawn_every_s", "float", 2.5, "a new bubble every this many seconds", unit="s", minimum=0.3, maximum=10.0),
        ParamSpec("max_bubbles", "int", 3, "most bubbles on screen at once", minimum=1, maximum=10),
        ParamSpec("seed", "int", 1, "fixes where the bubbles appear", minimum=0, maximum=1_000_000),
        P.adaptive(),
        *P.level_bounds(),
    ),
    levels={
        1: {"bubble_radius": 0.10, "rise_speed": 0.04, "spawn_every_s": 3.0, "max_bubbles": 2},
        2: {"bubble_radius": 0.085, "rise_speed": 0.05, "spawn_every_s": 2.5, "max_bubbles": 3},
        3: {"bubble_radius": 0.07, "rise_speed": 0.065, "spawn_every_s": 2.0, "max_bubbles": 3},
        4: {"bubble_radius": 0.06, "rise_speed": 0.08, "spawn_every_s": 1.6, "max_bubbles": 4},
        5: {"bubble_radius": 0.05, "rise_speed": 0.10, "spawn_every_s": 1.3, "max_bubbles": 5},
    },
    metrics=(
        MetricSpec("pops", "bubbles", "bubbles popped by a pinch on them", per_side=True),
        MetricSpec("pinches", "pinches", "every completed thumb-index pinch, on a bubble or not "
                   "(thumb tip to index tip under 0.25 hand sizes, then apart beyond 0.45)", per_side=True),
        MetricSpec("pinch_accuracy", "ratio", "pops / pinches: how many pinches landed on a bubble", per_side=True),
        MetricSpec("reaction_s", "s", "mean time from a bubble appearing to popping it", per_side=True,
                   higher_is_better=False),
        MetricSpec("missed", "bubbles", "bubbles that floated away unpopped", higher_is_better=False),
        MetricSpec("partial_pinches", "pinches", "thumb and index moved toward each other but did not "
                   "close (below 0.75 hand sizes, never below 0.25)", per_side=True, higher_is_better=None),
        MetricSpec("asymmetry_index", "%", "(left - right) / (left + right) pinches x 100; 0 is even "
                   "(only with side 'both')", higher_is_better=None),
    ),
    main_measure="pops",
    goal_measure="pops",
    sides=("either", "left", "right", "both"),
    description="Pinch the bubbles as they float up.",
)


@dataclass
class Bubble:
    id: int
    x0: float
    born: float  # activity clock (active seconds) when it appeared
    radius: float
    speed: float
    phase: float
    side: Side | None = None
    state: str = "active"  # active | hit | missed
    ended: float = 0.0

    def position(self, clock: float) -> tuple[float, float]:
        age = clock - self.born
        return self.x0 + SWAY * math.sin(1.3 * age + self.phase), START_Y - self.speed * age


def bubble_layout(seed: int, index: int, side_mode: str) -> tuple[float, float, Side | None]:
    """(x at birth, sway phase, hand) of bubble `index`: a pure function of the seed, so tests and
    replays know where every bubble will be."""
    rng = random.Random(seed * 100_003 + index)
    side: Side | None = None
    if side_mode == "both":
        side = SIDES[index % 2]
        lo, hi = (0.12, 0.45) if side == "left" else (0.55, 0.88)  # the left hand is on the screen's left
    else:
        lo, hi = 0.15, 0.85
    return lo + (hi - lo) * rng.random(), 2 * math.pi * rng.random(), side


@dataclass
class HandScore:
    pinches: int = 0
    pops: int = 0
    partials: int = 0
    reactions: list[float] = field(default_factory=list)

    def as_metrics(self) -> dict[str, float]:
        r = self.reactions
        return {"pops": self.pops, "pinches": self.pinches,
                "pinch_accuracy": round(self.pops / self.pinches, 4) if self.pinches else 0.0,
                "reaction_s": round(mean(r), 3), "partial_pinches": self.partials}


class BubblePop(HandActivity):
    info = INFO

    def on_start(self, t: float) -> None:
        self.bubbles: list[Bubble] = []
        self.spawned = 0
        self.next_spawn = 0.0
        self.detectors: dict[str, PinchDetector] = {}
        self.scores: dict[str, HandScore] = {s: HandScore() for s in SIDES}
        self.missed = 0
        self.pointer: tuple[float, float] | None = None
        self.pinching = False
        self.apply_level(t)

    def apply_level(self, t: float) -> None:
        p = self.params
        self.radius = float(p["bubble_radius"])
        self.speed = float(p["rise_speed"])
        self.spawn_every = float(p["spawn_every_s"])
        self.max_bubbles = int(p["max_bubbles"])

    @property
    def clock(self) -> float:
        return self.active_s

    def _spawn(self) -> None:
        while self.clock >= self.next_spawn:
            if sum(b.state == "active" for b in self.bubbles) >= self.max_bubbles:
                self.next_spawn = self.clock + self.spawn_every
                return
            x0, phase, side = bubble_layout(int(self.params.get("seed", 1)), self.spawned, self.side_param())
            self.bubbles.append(Bubble(self.spawned, x0, self.next_spawn, self.radius, self.speed, phase, side))
            self.spawned += 1
            self.next_spawn += self.spawn_every

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        events: list[Event] = []
        self._spawn()
        for b in self.bubbles:
            if b.state == "active" and b.position(self.clock)[1] < ESCAPE_Y:
                b.state, b.ended = "missed", self.clock
                self.missed += 1
                events.append(TargetMissed(t, b.id, "timeout"))
                self.trial(False, t, events)
        main = self.main_hand(frame)
        self.pointer, self.pinching = None, False
        for hand in self.wanted_hands(frame):
            det = self.detectors.setdefault(hand.side, PinchDetector())
            what = det.update(hand, frame.aspect)
            score = self.scores[hand.side]
            if hand is main:
                self.pointer, self.pinching = pinch_point(hand), det.pinched
            if what == "partial":
                score.partials += 1
                events.append(PartialRep(t, side=hand.side, reached=0.5))
            if what != "close":
                continue
            score.pinches += 1
            events.append(RepCompleted(t, count=self.reps() or 0, side=hand.side))
            bubble = self._bubble_under(pinch_point(hand), frame.aspect, hand.side)
            if bubble is None:
                self.cue(events, "pinch", t)
                continue
            if bubble.side is not None and bubble.side != hand.side:
                self.cue(events, "other_hand", t)
                continue
            bubble.state, bubble.ended = "hit", self.clock
            score.pops += 1
            score.reactions.append(self.clock - bubble.born)
            events.append(TargetHit(t, bubble.id, side=hand.side, reaction_s=round(self.clock - bubble.born, 3)))
            self.trial(True, t, events)
        return events

    def _bubble_under(self, point: tuple[float, float], aspect: float, side: Side) -> Bubble | None:
        best, best_d = None, float("inf")
        for b in self.bubbles:
            if b.state != "active":
                continue
            d = screen_distance(point, b.position(self.clock), aspect)
            # A bubble for this hand wins over a nearer one for the other hand.
            key = d - (10.0 if b.side in (None, side) else 0.0)
            if d <= HIT_SLACK * b.radius and key < best_d:
                best, best_d = b, key
        return best

    def count(self) -> int:
        return sum(s.pops for s in self.scores.values())

    def done(self) -> bool:
        return self.count() >= self.goal() > 0

    def reps(self) -> int | None:
        return sum(s.pinches for s in self.scores.values())

    def _used_sides(self) -> list[str]:
        side = self.side_param()
        if side in SIDES:
            return [side]
        if side == "both":
            return list(SIDES)
        return [s for s in SIDES if self.scores[s].pinches or self.scores[s].partials]

    def metrics(self) -> Mapping[str, float]:
        total = HandScore()
        for s in self.scores.values():
            total.pinches += s.pinches
            total.pops += s.pops
            total.partials += s.partials
            total.reactions.extend(s.reactions)
        out: dict[str, float] = {**total.as_metrics(), "missed": self.missed}
        if self.side_param() == "both":
            out["asymmetry_index"] = asymmetry_index(self.scores["left"].pinches, self.scores["right"].pinches)
        return out

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {s: self.scores[s].as_metrics() for s in self._used_sides()}  # type: ignore[misc]

    def success_rate(self) -> float | None:
        tried = self.count() + self.missed
        return round(self.count() / tried, 4) if tried else None

    def view_fields(self) -> Mapping[str, Any]:
        targets = []
        for b in self.bubbles:
            if b.state == "active" or self.clock - b.ended < 0.5:  # popped ones linger for the sparkle
                x, y = b.position(b.ended if b.state != "active" else self.clock)
                targets.append(Target(b.id, x, y, b.radius, "bubble", b.state, b.side, color=b.id % 6))
        return {"targets": tuple(targets), "pointer": self.pointer, "pinching": self.pinching}


def create() -> BubblePop:
    return BubblePop()
