"""reach_stars — touch the stars that appear around you, with the hand the star asks for.

Stars are placed in this child's reach: a distance in arm lengths from the asked hand's
shoulder, measured on the body at the moment the star appears (so a child who steps aside still
gets reachable stars).  The sequence is drawn from a seeded generator that takes the same
numbers for every star whatever the body does, so a seed always gives the same stars relative to
the body.  A share of stars sit across the body's midline: touching one with the asked hand means
crossing the midline.  A touch is the hand centre (wrist, index and pinky) within the star's
radius plus HAND_TOL arm lengths; the other hand touching does not count (a cue says which hand).

Movement onset is the first moment after the star appears, and after the hand has been still,
that the wrist's speed over ONSET_WINDOW_S exceeds ONSET_SPEED arm lengths per second on two
frames in a row (taken at the middle of that window): reaction time is star -> onset, movement
time is onset -> touch.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from exercises import geometry as g
from exercises import params as P
from exercises.activities._body_units import Units, UnitSampler, from_calibration
from exercises.activities._poses import arm_direction
from exercises.activities._stillness import Stillness
from exercises.api import ActivityInfo, MetricSpec, ParamSpec, Target
from exercises.base import ActivityBase, asymmetry_index
from exercises.events import Event, Side, TargetHit, TargetMissed
from tracking.frame import PoseFrame
from tracking.landmarks import Body

HAND_TOL = 0.1  # arm lengths added to the star radius: the hand's own size
ONSET_SPEED = 1.0  # arm lengths per second: the hand has started to move
ONSET_WINDOW_S = 0.1
GAP_S = 1.0  # between a star's end and the next star
CROSS_MARGIN = 0.1  # arm lengths a crossing star sits beyond the midline, at least
NEAR_REACH = 0.2  # stars are placed between reach - NEAR_REACH and reach arm lengths away
REACH_OUT = 0.8  # wrist this many arm lengths from its hip: the arm is reaching out ...
REACH_BACK = 0.5  # ... and back by the side below this (hysteresis)
CROSS_IN = 0.05  # hand centre this many arm lengths past the body midline: crossing it

NEEDED = (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER, Body.LEFT_ELBOW, Body.RIGHT_ELBOW,
          Body.LEFT_WRIST, Body.RIGHT_WRIST, Body.LEFT_HIP, Body.RIGHT_HIP)

INFO = ActivityInfo(
    id="reach_stars",
    name="Reach for the stars",
    domain="gross",
    needs="body",
    skills=("reaching", "crossing the midline", "eye-hand coordination", "dynamic balance"),
    clinical_domain="upper-limb coordination",
    count_words=("star reached", "stars reached"),
    params=(
        P.side("both", ("left", "right", "both", "either")),
        P.reps(10, unit="stars", meaning="stars to show"),
        ParamSpec("star_size", "float", 0.3, "star radius in arm lengths", unit="arm lengths",
                  minimum=0.08, maximum=0.6),
        ParamSpec("time_per_star_s", "float", 5.0, "seconds to touch a star before it is missed",
                  unit="s", minimum=1.0, maximum=30.0),
        ParamSpec("cross_share", "float", 0.2, "share of stars across the midline (left/right/both)",
                  minimum=0.0, maximum=1.0),
        ParamSpec("reach", "float", 0.8, "farthest star distance from the shoulder, in arm lengths",
                  unit="arm lengths", minimum=0.4, maximum=0.98),
        ParamSpec("seed", "int", 0, "chooses where the stars appear (same seed, same stars)",
                  minimum=0, maximum=1_000_000),
        P.seated(),
        P.duration(0.0),
        P.adaptive(),
        *P.level_bounds(),
    ),
    levels={
        1: {"star_size": 0.35, "time_per_star_s": 6.0, "cross_share": 0.0, "reach": 0.75},
        2: {"star_size": 0.3, "time_per_star_s": 5.0, "cross_share": 0.2, "reach": 0.8},
        3: {"star_size": 0.25, "time_per_star_s": 4.0, "cross_share": 0.3, "reach": 0.85},
        4: {"star_size": 0.2, "time_per_star_s": 3.5, "cross_share": 0.4, "reach": 0.9},
        5: {"star_size": 0.15, "time_per_star_s": 3.0, "cross_share": 0.5, "reach": 0.95},
    },
    metrics=(
        MetricSpec("hits", "count", "stars touched with the asked hand in time"),
        MetricSpec("misses", "count", "stars not touched in time by the asked hand", higher_is_better=False),
        MetricSpec("reaction_time_s", "s", "mean time from a star appearing to the hand starting to "
                   "move (hits only)", higher_is_better=False),
        MetricSpec("movement_time_s", "s", "mean time from the hand starting to move to touching "
                   "the star (hits only)", higher_is_better=False),
        MetricSpec("midline_crossings", "count", "hits on stars across the body's midline from the "
                   "shoulder of the hand that touched them"),
        MetricSpec("farthest_reach", "arm lengths", "farthest shoulder-to-hand-centre distance at a touch"),
        MetricSpec("reaches", "count", "times a hand reached out (wrist over 0.8 arm lengths from "
                   "its hip) and came back, stars or not"),
        MetricSpec("hand_midline_crossings", "count", "times a hand crossed the body's midline "
                   "(hand centre 0.05 arm lengths past it), stars or not"),
        MetricSpec("wrong_hand_touches", "count", "stars touched with the other hand (not counted)",
                   higher_is_better=False),
        MetricSpec("asymmetry_success", "%", "(left - right) / (left + right) x 100 of the success "
                   "rates per hand", higher_is_better=None),
        MetricSpec("hits", "count", "stars touched with this hand", per_side=True),
        MetricSpec("misses", "count", "stars for this hand not touched", per_side=True,
                   higher_is_better=False),
        MetricSpec("success_rate", "0..1", "hits / stars for this hand", per_side=True),
        MetricSpec("reaction_time_s", "s", "mean reaction time of this hand", per_side=True,
                   higher_is_better=False),
        MetricSpec("movement_time_s", "s", "mean movement time of this hand", per_side=True,
                   higher_is_better=False),
    ),
    main_measure="hits",
    goal_measure="hits",
    sides=("left", "right", "both", "either"),
    seated_variant=True,
    description="Stars pop up around you: touch each one with the hand it asks for.",
)


@dataclass(frozen=True)
class StarPlan:
    """Where star k goes, relative to the body: `offset` (x to the screen's right, y down) in
    arm lengths from the shoulder of `anchor`."""

    index: int
    side: Side | None  # the hand asked for (None: either)
    anchor: Side  # the shoulder the offset is measured from
    cross: bool  # across the midline from the anchor shoulder
    distance: float  # arm lengths from the anchor shoulder
    offset: tuple[float, float]


def plan_star(rng: random.Random, index: int, side_choice: str, cross_share: float, reach: float,
              half_shoulders: float) -> StarPlan:
    """The next star of a seeded sequence; draws exactly four numbers whatever the outcome.

    half_shoulders: half the shoulder width in arm lengths (where the midline is)."""
    u_side, u_cross, u_dist, u_dir = rng.random(), rng.random(), rng.random(), rng.random()
    if side_choice in ("left", "right"):
        side: Side | None = side_choice  # type: ignore[assignment]
    elif side_choice == "both":
        side = "left" if index % 2 == 0 else "right"
    else:
        side = None
    anchor: Side = side or ("left" if u_side < 0.5 else "right")
    out = -1.0 if anchor == "left" else 1.0  # mirrored: the child's left is on the screen's left
    cross = side is not None and u_cross < cross_share
    d = max(0.2, reach - NEAR_REACH) + u_dist * min(NEAR_REACH, reach - 0.2)
    if cross:
        lo, hi = half_shoulders + CROSS_MARGIN, 0.97 * d
        h = lo + u_dir * (hi - lo) if hi > lo else d
        v = math.sqrt(max(0.0, d * d - h * h))
        offset = (-out * h, -v if u_side < 0.7 else v)
    else:
        theta = math.radians(-15.0 + u_dir * 135.0)  # from straight up (-15, slightly inward) to
        offset = (out * d * math.sin(theta), -d * math.cos(theta))  # 30 below horizontal outward
    return StarPlan(index, side, anchor, cross, d, offset)


@dataclass
class Star:
    plan: StarPlan
    target: Target
    shown_t: float
    arm: float  # the anchor arm's length (height units) when shown
    wrong_hand: bool = False


@dataclass
class HandTrack:
    """Recent wrist positions of one hand, for its movement onset."""

    history: deque[tuple[float, np.ndarray]] = field(default_factory=lambda: deque(maxlen=12))
    still: bool = False  # has been below the onset speed since the star appeared
    fast: int = 0
    fast_t: float = 0.0
    onset: float | None = None

    def reset(self) -> None:
        self.still, self.fast, self.onset = False, 0, None

    def update(self, t: float, p: np.ndarray, arm: float) -> None:
        self.history.append((t, p))
        old = [(ts, ps) for ts, ps in self.history if t - ts >= ONSET_WINDOW_S * 0.95]
        if not old:
            return
        ts, ps = old[-1]
        speed = float(np.linalg.norm(p - ps)) / (t - ts) / arm
        if speed < ONSET_SPEED:
            self.still, self.fast = True, 0
            return
        if not self.still or self.onset is not None:
            return
        if self.fast == 0:
            self.fast_t = t - (t - ts) / 2
        self.fast += 1
        if self.fast >= 2:
            self.onset = self.fast_t


@dataclass
class HandMoves:
    """Reaches and midline crossings of one hand from its movement alone, stars or no stars (so a
    plain video still gives movement figures)."""

    reaching: bool = False
    across: bool = False
    reaches: int = 0
    crossings: int = 0

    def update(self, extent: float, past_midline: float) -> None:
        if not self.reaching and extent >= REACH_OUT:
            self.reaching, self.reaches = True, self.reaches + 1
        elif self.reaching and extent <= REACH_BACK:
            self.reaching = False
        if not self.across and past_midline >= CROSS_IN:
            self.across, self.crossings = True, self.crossings + 1
        elif self.across and past_midline <= 0.0:
            self.across = False


@dataclass
class SideStats:
    hits: int = 0
    misses: int = 0
    reactions: list[float] = field(default_factory=list)
    movements: list[float] = field(default_factory=list)

    @property
    def rate(self) -> float:
        n = self.hits + self.misses
        return self.hits / n if n else 0.0


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 3) if values else 0.0


class ReachStars(ActivityBase):
    info = INFO

    def on_start(self, t: float) -> None:
        self.sampler = UnitSampler()
        self.stillness = Stillness()
        self.units: Units | None = None
        self._read_level(self.params)
        self.rng = random.Random(int(self.params.get("seed", 0)))
        self.star: Star | None = None
        self.last: Target | None = None  # the star just hit or missed, for the game's effect
        self.shown = 0
        self.next_star_t: float | None = None
        self.hands: dict[Side, HandTrack] = {"left": HandTrack(), "right": HandTrack()}
        self.moves: dict[Side, HandMoves] = {"left": HandMoves(), "right": HandMoves()}
        self.stats: dict[Side, SideStats] = {"left": SideStats(), "right": SideStats()}
        self.crossings = 0
        self.farthest = 0.0
        self.wrong_touches = 0

    def _read_level(self, params: Mapping[str, Any]) -> None:
        self.star_size = float(params.get("star_size", 0.3))
        self.time_per_star = float(params.get("time_per_star_s", 5.0))
        self.cross_share = float(params.get("cross_share", 0.2))
        self.reach = float(params.get("reach", 0.8))

    def on_level_change(self, old: int, new: int, t: float) -> None:
        self._read_level(self.level_params())

    # --- seeing the child ---------------------------------------------------------------------

    def sees(self, frame: PoseFrame) -> bool:
        return g.visible(frame, NEEDED)

    def in_start_pose(self, frame: PoseFrame) -> bool:
        if not self.stillness.still(frame, frame.t):
            return False
        for side in ("left", "right"):
            elbow = g.elbow_angle(frame, side)
            if elbow is None or elbow < 140.0 or not -30.0 <= arm_direction(frame, side) <= 40.0:
                return False
        self.sampler.add(frame)
        return True

    def start_pose_cue(self) -> str:
        return "get_ready"

    # --- playing ------------------------------------------------------------------------------

    def on_play(self, t: float) -> None:
        cal = self.calibration()
        if cal is not None:
            self.units = from_calibration(cal)
        elif not self.sampler.empty:
            self.units = self.sampler.units()
        self.next_star_t = t + GAP_S / 2

    def on_resume(self, t: float) -> None:
        if self.star is not None:
            self.star.shown_t += self.away_s  # time away does not count against the star
            for h in self.hands.values():
                h.reset()

    def _scale(self, frame: PoseFrame) -> float:
        """How much bigger the child looks now than when measured (stepping closer or back)."""
        assert self.units is not None
        torso = g.torso_length(frame)
        return min(2.0, max(0.5, torso / self.units.torso)) if torso else 1.0

    def _hand_centre(self, frame: PoseFrame, side: Side) -> np.ndarray:
        pts = [g.pt(frame, g.side_lm(side, n)) for n in ("WRIST", "INDEX", "PINKY")
               if g.visible(frame, (g.side_lm(side, n),))]
        return np.mean(pts, axis=0)

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        events: list[Event] = []
        if self.units is None:  # the gate was skipped: measure from the first frame seen
            self.sampler.add(frame)
            self.units = self.sampler.units()
        scale = self._scale(frame)
        mid_x = float(g.mid(frame, Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER)[0])
        for side in ("left", "right"):
            arm = self.units.arm(side) * scale
            wrist = g.pt(frame, g.side_lm(side, "WRIST"))
            self.hands[side].update(t, wrist, arm)
            out = -1.0 if side == "left" else 1.0
            extent = float(np.linalg.norm(wrist - g.pt(frame, g.side_lm(side, "HIP")))) / arm
            past = -out * (float(self._hand_centre(frame, side)[0]) - mid_x) / arm
            self.moves[side].update(extent, past)
        if self.star is None:
            if self.next_star_t is not None and t >= self.next_star_t and self.shown < self.goal():
                self._spawn(frame, t, scale, events)
            return events
        star = self.star
        tol = star.target.radius + HAND_TOL * star.arm
        centre = np.array([star.target.x * frame.aspect, star.target.y])
        for side in ("left", "right"):
            hand = self._hand_centre(frame, side)
            if float(np.linalg.norm(hand - centre)) > tol:
                continue
            if star.plan.side is None or star.plan.side == side:
                self._hit(frame, side, hand, t, scale, events)
                return events
            if not star.wrong_hand:
                star.wrong_hand = True
                self.wrong_touches += 1
            self.cue(events, "use_left" if star.plan.side == "left" else "use_right", t)
        if t - star.shown_t >= self.time_per_star:
            self._miss(t, events)
        return events

    def _spawn(self, frame: PoseFrame, t: float, scale: float, events: list[Event]) -> None:
        assert self.units is not None
        half = self.units.shoulder_width / 2 / ((self.units.arm_left + self.units.arm_right) / 2)
        plan = plan_star(self.rng, self.shown, self.side_param(), self.cross_share, self.reach, half)
        arm = self.units.arm(plan.anchor) * scale
        shoulder = g.pt(frame, g.side_lm(plan.anchor, "SHOULDER"))
        radius = self.star_size * arm
        x = float(np.clip(shoulder[0] + plan.offset[0] * arm, radius, frame.aspect - radius))
        y = float(np.clip(shoulder[1] + plan.offset[1] * arm, radius, 1.0 - radius))
        target = Target(id=self.shown + 1, x=x / frame.aspect, y=y, radius=radius, kind="star",
                        side=plan.side, label="cross" if plan.cross else "")
        self.star = Star(plan, target, t, arm)
        self.shown += 1
        self.next_star_t = None
        self.last = None
        for h in self.hands.values():
            h.reset()
        if plan.side is not None:
            self.cue(events, "use_left" if plan.side == "left" else "use_right", t)

    def _end(self, t: float, state: str) -> None:
        assert self.star is not None
        self.last = replace(self.star.target, state=state)
        self.star = None
        self.next_star_t = t + GAP_S

    def _hit(self, frame: PoseFrame, side: Side, hand: np.ndarray, t: float, scale: float,
             events: list[Event]) -> None:
        star = self.star
        assert star is not None and self.units is not None
        onset = self.hands[side].onset
        reaction = None if onset is None else max(0.0, onset - star.shown_t)
        movement = t - (onset if onset is not None else star.shown_t)
        s = self.stats[side]
        s.hits += 1
        if reaction is not None:
            s.reactions.append(reaction)
        s.movements.append(movement)
        star_x = star.target.x * frame.aspect
        mid_x = float(g.mid(frame, Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER)[0])
        own = float(g.pt(frame, g.side_lm(side, "SHOULDER"))[0])
        if (star_x - mid_x) * (own - mid_x) < 0:
            self.crossings += 1
        reach = float(np.linalg.norm(hand - g.pt(frame, g.side_lm(side, "SHOULDER"))))
        self.farthest = max(self.farthest, reach / (self.units.arm(side) * scale))
        events.append(TargetHit(t, star.target.id, side=side,
                                reaction_s=None if reaction is None else round(reaction, 3),
                                movement_s=round(movement, 3)))
        self.cue(events, "great", t, force=True)
        self._end(t, "hit")
        self.trial(True, t, events)

    def _miss(self, t: float, events: list[Event]) -> None:
        star = self.star
        assert star is not None
        side: Side = star.plan.side or star.plan.anchor
        self.stats[side].misses += 1
        events.append(TargetMissed(t, star.target.id, reason="wrong_hand" if star.wrong_hand else "timeout"))
        self._end(t, "missed")
        self.trial(False, t, events)

    # --- figures ------------------------------------------------------------------------------

    def done(self) -> bool:
        return self.star is None and self.shown >= self.goal() > 0

    def count(self) -> int:
        return sum(s.hits for s in self.stats.values())

    def metrics(self) -> Mapping[str, float]:
        ss = self.stats.values()
        return {
            "hits": self.count(),
            "misses": sum(s.misses for s in ss),
            "reaction_time_s": _mean([r for s in ss for r in s.reactions]),
            "movement_time_s": _mean([m for s in ss for m in s.movements]),
            "midline_crossings": self.crossings,
            "farthest_reach": round(self.farthest, 3),
            "reaches": sum(m.reaches for m in self.moves.values()),
            "hand_midline_crossings": sum(m.crossings for m in self.moves.values()),
            "wrong_hand_touches": self.wrong_touches,
            "asymmetry_success": asymmetry_index(self.stats["left"].rate, self.stats["right"].rate),
        }

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {side: {"hits": s.hits, "misses": s.misses, "success_rate": round(s.rate, 4),
                       "reaction_time_s": _mean(s.reactions), "movement_time_s": _mean(s.movements)}
                for side, s in self.stats.items()}

    def success_rate(self) -> float | None:
        tried = sum(s.hits + s.misses for s in self.stats.values())
        return round(self.count() / tried, 4) if tried else None

    def view_fields(self) -> Mapping[str, Any]:
        targets = tuple(t for t in (self.last, self.star.target if self.star else None) if t is not None)
        return {"targets": targets, "side": self.star.plan.side if self.star else None}


def create() -> ReachStars:
    return ReachStars()
