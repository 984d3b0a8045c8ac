"""flamingo_balance — stand on one leg as long as you can.

A foot is "up" when its ankle is higher than the other by LIFT_ON leg lengths and "down" again
below LIFT_OFF (hysteresis, each confirmed over CONFIRM frames), so a wobble of the lifted foot
does not end a stand and noise on the ankles does not start one.  A stand reaching the hold goal
is a success (the game cheers), but it is timed until the foot really comes down: the longest
stand is the clinical figure.  A foot coming down before the goal is a put-down.  `side` names
the leg stood on (the clinical convention: "single-leg stance on the left").
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from exercises import geometry as g
from exercises import params as P
from exercises.activities._body_units import (
    Units,
    UnitSampler,
    from_calibration,
    hip_mid,
)
from exercises.activities._stillness import Stillness
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.base import ActivityBase, asymmetry_index
from exercises.events import Event, HoldEnded, HoldProgress, HoldStarted, Side
from exercises.geometry import leg_length
from tracking.frame import PoseFrame
from tracking.landmarks import Body

LIFT_ON = 0.15  # ankle height difference (leg lengths) above which a foot is up
LIFT_OFF = 0.07  # ... and below which it is down again
CONFIRM = 2  # frames beyond a threshold before the state changes
STRAIGHT_KNEE = 150.0  # standing, not squatting, at the ready gate
SWAY_WINDOW = 30  # frames of hip motion behind the live sway meter
SWAY_FULL = 0.08  # torso lengths RMS shown as a full "wobbling a lot" meter
PROGRESS_EVERY_S = 1.0

NEEDED = (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER, Body.LEFT_HIP, Body.RIGHT_HIP,
          Body.LEFT_KNEE, Body.RIGHT_KNEE, Body.LEFT_ANKLE, Body.RIGHT_ANKLE)

INFO = ActivityInfo(
    id="flamingo_balance",
    name="Flamingo balance",
    domain="gross",
    needs="body",
    skills=("static balance", "single-leg stance", "postural control"),
    clinical_domain="balance",
    count_words=("one-leg hold", "one-leg holds"),
    params=(
        P.side("both"),
        ParamSpec("hold_s", "float", 5.0, "seconds on one leg that count as a successful stand",
                  unit="s", minimum=1.0, maximum=60.0),
        P.reps(2, maximum=20, unit="stands", meaning="successful stands to finish (alternating legs with side both)"),
        P.duration(60.0),
        P.adaptive(),
        *P.level_bounds(),
    ),
    levels={1: {"hold_s": 3.0}, 2: {"hold_s": 5.0}, 3: {"hold_s": 8.0}, 4: {"hold_s": 12.0},
            5: {"hold_s": 20.0}},
    metrics=(
        MetricSpec("longest_hold_s", "s", "longest time standing on one leg, from foot up to foot down"),
        MetricSpec("total_hold_s", "s", "all the time spent standing on one leg (the asked leg)"),
        MetricSpec("sway", "torso lengths",
                   "RMS sideways movement of the hip midpoint about each stand's mean, over all stands",
                   higher_is_better=False),
        MetricSpec("put_downs", "count", "times the lifted foot came back down before the hold goal",
                   higher_is_better=False),
        MetricSpec("holds", "count", "stands that reached the hold goal"),
        MetricSpec("stands", "count", "one-leg stands started on the asked leg"),
        MetricSpec("asymmetry_longest_hold", "%",
                   "(left - right) / (left + right) x 100 of the longest hold per stance leg", higher_is_better=None),
        MetricSpec("longest_hold_s", "s", "longest stand on this leg", per_side=True),
        MetricSpec("total_hold_s", "s", "time standing on this leg", per_side=True),
        MetricSpec("sway", "torso lengths", "RMS sideways hip movement while standing on this leg",
                   per_side=True, higher_is_better=False),
        MetricSpec("put_downs", "count", "put-downs while standing on this leg", per_side=True,
                   higher_is_better=False),
        MetricSpec("holds", "count", "stands on this leg that reached the goal", per_side=True),
    ),
    main_measure="longest_hold_s",
    goal_measure="holds",
    sides=("left", "right", "both"),
    seated_variant=False,
    description="Stand on one leg like a flamingo: the hold meter fills while you keep the foot up.",
)


@dataclass
class SideStats:
    longest_s: float = 0.0
    total_s: float = 0.0
    stands: int = 0
    holds: int = 0
    put_downs: int = 0
    sway_ss: float = 0.0  # sum of squared deviations (torso lengths^2)
    sway_n: int = 0

    @property
    def sway(self) -> float:
        return math.sqrt(self.sway_ss / self.sway_n) if self.sway_n else 0.0


@dataclass
class Stand:
    side: Side
    t0: float
    succeeded: bool = False
    next_progress: float = PROGRESS_EVERY_S
    xs: list[float] = field(default_factory=list)


class FlamingoBalance(ActivityBase):
    info = INFO

    def on_start(self, t: float) -> None:
        self.sampler = UnitSampler()
        self.stillness = Stillness()
        self.units: Units | None = None
        side = self.side_param()
        self.asked: Side | None = side if side in ("left", "right") else None  # None: either leg
        self.stand: Stand | None = None
        self.wrong_leg = False  # the other foot is up: wait for it to come down
        self.streak_up = 0
        self.streak_down = 0
        self.first_up_t = 0.0
        self.first_down_t = 0.0
        self.stats: dict[Side, SideStats] = {"left": SideStats(), "right": SideStats()}
        self.recent: deque[float] = deque(maxlen=SWAY_WINDOW)
        self.hold_s = float(self.params.get("hold_s", 5.0))

    def on_play(self, t: float) -> None:
        cal = self.calibration()
        if cal is not None:
            self.units = from_calibration(cal)
        elif not self.sampler.empty:
            self.units = self.sampler.units()

    def on_level_change(self, old: int, new: int, t: float) -> None:
        self.hold_s = float(self.level_params()["hold_s"])

    # --- seeing the child ---------------------------------------------------------------------

    def sees(self, frame: PoseFrame) -> bool:
        return g.visible(frame, NEEDED)

    def _lift(self, frame: PoseFrame, leg: float) -> float:
        """Left ankle below the right one, in leg lengths: > 0 the right foot is up (standing on
        the left), < 0 the left foot is up."""
        return float(g.pt(frame, Body.LEFT_ANKLE)[1] - g.pt(frame, Body.RIGHT_ANKLE)[1]) / leg

    def in_start_pose(self, frame: PoseFrame) -> bool:
        if not self.stillness.still(frame, frame.t):
            return False
        legs = [v for v in (leg_length(frame, "left"), leg_length(frame, "right")) if v]
        knees = [g.knee_angle(frame, s) for s in ("left", "right")]
        if not legs or any(k is None or k < STRAIGHT_KNEE for k in knees):
            return False
        if abs(self._lift(frame, max(legs))) >= LIFT_OFF:
            return False
        self.sampler.add(frame)
        return True

    def start_pose_cue(self) -> str:
        return "stand_up"

    # --- playing ------------------------------------------------------------------------------

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        events: list[Event] = []
        if self.units is None:  # the gate was skipped: measure from the first frame seen
            self.sampler.add(frame)
            self.units = self.sampler.units()
        lift = self._lift(frame, self.units.leg)
        up_side: Side | None = "left" if lift > 0 else "right"  # the stance leg
        if abs(lift) >= LIFT_ON:
            if self.streak_up == 0:
                self.first_up_t = t
            self.streak_up += 1
        else:
            self.streak_up = 0
        if abs(lift) <= LIFT_OFF:
            if self.streak_down == 0:
                self.first_down_t = t
            self.streak_down += 1
            up_side = None
        else:
            self.streak_down = 0

        if self.stand is not None:
            self.stand.xs.append(float(hip_mid(frame)[0]) / self.units.torso)
            self.recent.append(self.stand.xs[-1])
            if self.streak_down >= CONFIRM:
                self._end_stand(self.first_down_t, events, put_down=not self.stand.succeeded)
            else:
                self._progress(t, events)
        elif self.wrong_leg:
            if self.streak_down >= CONFIRM:
                self.wrong_leg = False
        elif self.streak_up >= CONFIRM and up_side is not None:
            if self.asked is None or up_side == self.asked:
                self.stand = Stand(up_side, self.first_up_t)
                self.stats[up_side].stands += 1
                self.recent.clear()
                events.append(HoldStarted(self.first_up_t, side=up_side))
                self._progress(t, events)
            else:
                self.wrong_leg = True
                self.cue(events, "other_leg", t)
        elif self.streak_down >= CONFIRM:
            self.cue(events, "lift_leg", t)
        return events

    def _progress(self, t: float, events: list[Event]) -> None:
        stand = self.stand
        assert stand is not None
        held = t - stand.t0
        if not stand.succeeded and held >= self.hold_s:
            stand.succeeded = True
            self.stats[stand.side].holds += 1
            events.append(HoldEnded(t, held_s=round(held, 3), success=True, side=stand.side))
            self.cue(events, "great", t, force=True)
            self.trial(True, t, events)
            if self.side_param() == "both" and not self.done():
                self.asked = "right" if stand.side == "left" else "left"
                self.cue(events, "other_leg", t, force=True)
        elif held >= stand.next_progress:
            stand.next_progress += PROGRESS_EVERY_S
            events.append(HoldProgress(t, held_s=round(held, 3), goal_s=self.hold_s, side=stand.side))

    def _end_stand(self, t_down: float, events: list[Event], put_down: bool) -> None:
        stand = self.stand
        assert stand is not None
        held = max(0.0, t_down - stand.t0)
        s = self.stats[stand.side]
        s.longest_s = max(s.longest_s, held)
        s.total_s += held
        if stand.xs:
            mean = sum(stand.xs) / len(stand.xs)
            s.sway_ss += sum((x - mean) ** 2 for x in stand.xs)
            s.sway_n += len(stand.xs)
        if put_down:
            s.put_downs += 1
            events.append(HoldEnded(t_down, held_s=round(held, 3), success=False, side=stand.side))
            self.trial(False, t_down, events)
        self.stand = None
        self.recent.clear()

    def on_finish(self, t: float) -> None:
        if self.stand is not None:  # still on one leg when time ran out: the stand counts so far
            self._end_stand(t, [], put_down=False)

    # --- figures ------------------------------------------------------------------------------

    def done(self) -> bool:
        return self.count() >= self.goal() > 0

    def count(self) -> int:
        return sum(s.holds for s in self.stats.values())

    def metrics(self) -> Mapping[str, float]:
        ss = self.stats.values()
        n = sum(s.sway_n for s in ss)
        return {
            "longest_hold_s": round(max(s.longest_s for s in ss), 3),
            "total_hold_s": round(sum(s.total_s for s in ss), 3),
            "sway": round(math.sqrt(sum(s.sway_ss for s in ss) / n), 4) if n else 0.0,
            "put_downs": sum(s.put_downs for s in ss),
            "holds": self.count(),
            "stands": sum(s.stands for s in ss),
            "asymmetry_longest_hold": asymmetry_index(self.stats["left"].longest_s,
                                                      self.stats["right"].longest_s),
        }

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {side: {"longest_hold_s": round(s.longest_s, 3), "total_hold_s": round(s.total_s, 3),
                       "sway": round(s.sway, 4), "put_downs": s.put_downs, "holds": s.holds}
                for side, s in self.stats.items()}

    def success_rate(self) -> float | None:
        tried = sum(s.holds + s.put_downs for s in self.stats.values())
        return round(self.count() / tried, 4) if tried else None

    def view_fields(self) -> Mapping[str, Any]:
        hold = 0.0
        if self.stand is not None and self.t_last is not None:
            hold = min(1.0, (self.t_last - self.stand.t0) / self.hold_s)
        sway = 0.0
        if len(self.recent) >= 5:
            mean = sum(self.recent) / len(self.recent)
            rms = math.sqrt(sum((x - mean) ** 2 for x in self.recent) / len(self.recent))
            sway = min(1.0, rms / SWAY_FULL)
        return {"hold": hold, "sway": round(sway, 3), "side": self.asked,
                "extra": {"hold_goal_s": self.hold_s, "standing_on": self.stand.side if self.stand else None}}


def create() -> FlamingoBalance:
    return FlamingoBalance()
