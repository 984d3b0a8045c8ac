"""copy_the_pose — copy the pose on the card (arms up, T, star, hands on head, ...).

Cards come in a seeded order (the same seed gives the same cards, so a plan is repeatable and
a test is exact).  A card is copied when the match (exercises.activities._poses: a geometric
mean of joint-angle closeness to the card's template) stays at or above the level's threshold
for the level's hold time; it drops out of the hold only below threshold - MATCH_HYSTERESIS, so
a wobble at the edge does not restart the hold.  Time to match runs from the card appearing to
the start of the hold that succeeded.  Seated: only cards that are copied with the arms.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from exercises import params as P
from exercises.activities._poses import BY_ID, CARDS, PoseCard, arms_down, features, match
from exercises.activities._stillness import Stillness
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.base import ActivityBase
from exercises.events import Event, HoldEnded, HoldStarted, RepCompleted, Side
from tracking.frame import PoseFrame

MATCH_HYSTERESIS = 0.1  # a hold breaks only below threshold minus this
CONFIRM = 2  # frames at / below a threshold before a hold starts / breaks
CARD_GAP_S = 1.0  # a breath between cards, with no card shown
LIFT_DOWN = 0.07  # standing start pose: feet down (leg lengths)

INFO = ActivityInfo(
    id="copy_the_pose",
    name="Copy the pose",
    domain="gross",
    needs="body",
    skills=("motor planning", "body awareness", "imitation", "bilateral coordination"),
    clinical_domain="visual-motor integration",
    count_words=("pose copied", "poses copied"),
    params=(
        P.reps(6, maximum=30, unit="cards", meaning="pose cards to show"),
        ParamSpec("threshold", "float", 0.6, "match (0..1) that counts as copying the pose",
                  minimum=0.3, maximum=0.95),
        ParamSpec("hold_s", "float", 1.0, "seconds the pose must be held", unit="s",
                  minimum=0.2, maximum=10.0),
        ParamSpec("card_time_s", "float", 10.0, "seconds to copy a card before it is missed", unit="s",
                  minimum=2.0, maximum=60.0),
        ParamSpec("hardest", "int", 2, "hardest card allowed (1 one-step arm poses, 2 bent arms and "
                  "star, 3 crossing, leaning and balancing)", minimum=1, maximum=3),
        ParamSpec("seed", "int", 0, "chooses the order of the cards (same seed, same cards)",
                  minimum=0, maximum=1_000_000),
        P.seated(),
        P.duration(0.0),
        P.adaptive(),
        *P.level_bounds(),
    ),
    levels={
        1: {"threshold": 0.5, "hold_s": 0.5, "reps": 4, "hardest": 1, "card_time_s": 12.0},
        2: {"threshold": 0.55, "hold_s": 0.8, "reps": 5, "hardest": 2, "card_time_s": 10.0},
        3: {"threshold": 0.6, "hold_s": 1.0, "reps": 6, "hardest": 2, "card_time_s": 10.0},
        4: {"threshold": 0.65, "hold_s": 1.5, "reps": 7, "hardest": 3, "card_time_s": 8.0},
        5: {"threshold": 0.7, "hold_s": 2.0, "reps": 8, "hardest": 3, "card_time_s": 8.0},
    },
    metrics=(
        MetricSpec("poses_matched", "count", "cards copied (match held for the hold time)"),
        MetricSpec("poses_missed", "count", "cards not copied in time", higher_is_better=False),
        MetricSpec("time_to_match_s", "s", "mean time from a card appearing to the start of the "
                   "hold that copied it", higher_is_better=False),
        MetricSpec("match_quality", "0..1", "mean match during the successful holds (1: the "
                   "card's joint angles exactly)"),
        MetricSpec("best_match", "0..1", "mean over all cards of the best match reached while shown"),
    ),
    main_measure="poses_matched",
    sides=("both",),
    seated_variant=True,
    description="A card shows a pose: copy it and hold it still until the meter fills.",
)


@dataclass
class CardRun:
    card: PoseCard
    shown_t: float
    hold_t: float | None = None  # hold in progress since
    above: int = 0
    below: int = 0
    first_above_t: float = 0.0
    first_below_t: float = 0.0
    matches: list[float] = field(default_factory=list)  # during the current hold
    best: float = 0.0


class CopyThePose(ActivityBase):
    info = INFO

    def on_start(self, t: float) -> None:
        self.seated = bool(self.params.get("seated", False))
        self.stillness = Stillness()
        self._read_level(self.params)
        self.rng = random.Random(int(self.params.get("seed", 0)))
        self.order: list[str] = []
        self.shown = 0
        self.card: CardRun | None = None
        self.next_card_t: float | None = None
        self.current_match = 0.0
        self.matched: list[tuple[str, float, float]] = []  # (card, time to match, quality)
        self.missed: list[str] = []
        self.best: list[float] = []

    def _read_level(self, params: Mapping[str, Any]) -> None:
        self.threshold = float(params.get("threshold", 0.6))
        self.hold_s = float(params.get("hold_s", 1.0))
        self.card_time_s = float(params.get("card_time_s", 10.0))
        self.hardest = int(params.get("hardest", 2))

    def on_level_change(self, old: int, new: int, t: float) -> None:
        lp = self.level_params()
        self._read_level(lp)
        self.params["reps"] = max(int(lp.get("reps", self.goal())), self.shown)

    def pool(self) -> list[str]:
        """Cards this child may be shown now, in catalog order."""
        return [c.id for c in CARDS if c.difficulty <= self.hardest and (c.arms_only or not self.seated)]

    def _next_card_id(self) -> str:
        pool = self.pool()
        fresh = [c for c in pool if c not in self.order]
        choices = fresh or [c for c in pool if not self.order or c != self.order[-1]] or pool
        card = self.rng.choice(choices)
        self.order.append(card)
        return card

    # --- seeing the child ---------------------------------------------------------------------

    def sees(self, frame: PoseFrame) -> bool:
        return self._features(frame) is not None

    def _features(self, frame: PoseFrame) -> dict[str, float] | None:
        return features(frame, legs=not self.seated)

    def in_start_pose(self, frame: PoseFrame) -> bool:
        still = self.stillness.still(frame, frame.t)
        f = self._features(frame)
        return still and f is not None and arms_down(f) and f.get("lift", 0.0) <= LIFT_DOWN

    def start_pose_cue(self) -> str:
        return "stand_up" if not self.seated else "get_ready"

    # --- playing ------------------------------------------------------------------------------

    def on_play(self, t: float) -> None:
        self.next_card_t = t

    def on_resume(self, t: float) -> None:
        if self.card is not None:
            self.card.shown_t += self.away_s  # time away does not count against the card
            self.card.hold_t = None
            self.card.above = self.card.below = 0

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        events: list[Event] = []
        if self.card is None:
            if self.next_card_t is not None and t >= self.next_card_t and self.shown < self.goal():
                self.card = CardRun(BY_ID[self._next_card_id()], t)
                self.shown += 1
                self.next_card_t = None
                self.cue(events, "copy_pose", t, force=True)
            self.current_match = 0.0
            return events
        run = self.card
        feats = self._features(frame)
        assert feats is not None
        m = match(run.card, feats)
        self.current_match = m
        run.best = max(run.best, m)
        if run.hold_t is None:
            if m >= self.threshold:
                if run.above == 0:
                    run.first_above_t = t
                run.above += 1
                run.matches.append(m)
                if run.above >= CONFIRM:
                    run.hold_t = run.first_above_t
                    events.append(HoldStarted(run.hold_t))
            else:
                run.above, run.matches = 0, []
        else:
            if m < self.threshold - MATCH_HYSTERESIS:
                if run.below == 0:
                    run.first_below_t = t
                run.below += 1
                if run.below >= CONFIRM:
                    held = run.first_below_t - run.hold_t
                    events.append(HoldEnded(run.first_below_t, held_s=round(held, 3), success=False))
                    run.hold_t, run.above, run.below, run.matches = None, 0, 0, []
            else:
                run.below = 0
                run.matches.append(m)
        if run.hold_t is not None and t - run.hold_t >= self.hold_s:
            self._resolve(True, t, events)
        elif t - run.shown_t >= self.card_time_s:
            self._resolve(False, t, events)
        return events

    def _resolve(self, success: bool, t: float, events: list[Event]) -> None:
        run = self.card
        assert run is not None
        self.best.append(run.best)
        if success:
            assert run.hold_t is not None
            quality = sum(run.matches) / len(run.matches) if run.matches else run.best
            self.matched.append((run.card.id, run.hold_t - run.shown_t, quality))
            events.append(HoldEnded(t, held_s=round(t - run.hold_t, 3), success=True))
            events.append(RepCompleted(t, count=len(self.matched), quality=round(quality, 3)))
            self.cue(events, "great", t, force=True)
        else:
            self.missed.append(run.card.id)
            self.cue(events, "almost", t, force=True)
        self.card = None
        self.next_card_t = t + CARD_GAP_S
        self.trial(success, t, events)

    # --- figures ------------------------------------------------------------------------------

    def done(self) -> bool:
        return self.card is None and len(self.matched) + len(self.missed) >= self.goal()

    def count(self) -> int:
        return len(self.matched)

    def reps(self) -> int | None:
        return len(self.matched)

    def metrics(self) -> Mapping[str, float]:
        n = len(self.matched)
        return {
            "poses_matched": n,
            "poses_missed": len(self.missed),
            "time_to_match_s": round(sum(m[1] for m in self.matched) / n, 3) if n else 0.0,
            "match_quality": round(sum(m[2] for m in self.matched) / n, 4) if n else 0.0,
            "best_match": round(sum(self.best) / len(self.best), 4) if self.best else 0.0,
        }

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {}

    def success_rate(self) -> float | None:
        tried = len(self.matched) + len(self.missed)
        return round(len(self.matched) / tried, 4) if tried else None

    def view_fields(self) -> Mapping[str, Any]:
        run = self.card
        hold = 0.0
        if run is not None and run.hold_t is not None and self.t_last is not None:
            hold = min(1.0, (self.t_last - run.hold_t) / self.hold_s)
        return {
            "pose_card": run.card.id if run else None,
            "match": round(self.current_match, 3),
            "hold": hold,
            "extra": {"card_name": run.card.name if run else "", "matched": [m[0] for m in self.matched],
                      "missed": list(self.missed)},
        }


def create() -> CopyThePose:
    return CopyThePose()
