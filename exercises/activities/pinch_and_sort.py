"""Pinch and sort: pinch an object to pick it up, carry it, open to drop it in its basket.

Trains a sustained pincer grasp while the arm moves, plus sorting by colour.  An object is
picked up by a pinch whose pinch point lies on it, follows the pinch point while the pinch is
held, and is released when the fingers open: inside the basket with its label it is sorted;
anywhere else it is a drop (inside the wrong basket it goes back where it started, outside any
basket it stays where it fell).  The layout is a pure function of `seed`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from exercises import params as P
from exercises.activities._hands_common import (
    HandActivity,
    PinchDetector,
    mean,
    pinch_point,
    screen_distance,
)
from exercises.api import ActivityInfo, MetricSpec, ParamSpec, Target
from exercises.events import Event, HoldStarted, Side, TargetHit, TargetMissed
from tracking.frame import PoseFrame

LABELS: tuple[str, ...] = ("red", "blue", "yellow", "green")
BASKET_Y = 0.82
GRAB_SLACK = 1.3  # the pinch point may be this many object radii from its centre

INFO = ActivityInfo(
    id="pinch_and_sort",
    name="Pinch and Sort",
    domain="fine",
    needs="hands",
    skills=("pincer grasp", "grasp and release", "sorting by colour", "eye-hand coordination"),
    clinical_domain="manual dexterity",
    count_words=("toy sorted", "toys sorted"),
    params=(
        P.side("either", ("either", "left", "right")),
        ParamSpec("objects", "int", 4, "objects to sort (the goal)", minimum=1, maximum=12),
        ParamSpec("baskets", "int", 2, "baskets, one per colour", minimum=2, maximum=4),
        ParamSpec("object_radius", "float", 0.06, "object size", unit="image heights", minimum=0.02, maximum=0.15),
        ParamSpec("basket_radius", "float", 0.11, "basket opening", unit="image heights", minimum=0.04, maximum=0.2),
        ParamSpec("seed", "int", 1, "fixes where objects lie and their colours", minimum=0, maximum=1_000_000),
        P.duration(120.0),
        P.adaptive(),
        *P.level_bounds(),
    ),
    levels={
        1: {"objects": 3, "baskets": 2, "object_radius": 0.07, "basket_radius": 0.12},
        2: {"objects": 4, "baskets": 2, "object_radius": 0.06, "basket_radius": 0.11},
        3: {"objects": 5, "baskets": 3, "object_radius": 0.055, "basket_radius": 0.10},
        4: {"objects": 6, "baskets": 3, "object_radius": 0.05, "basket_radius": 0.09},
        5: {"objects": 8, "baskets": 4, "object_radius": 0.045, "basket_radius": 0.08},
    },
    metrics=(
        MetricSpec("sorted", "objects", "objects released inside the basket of their colour"),
        MetricSpec("drops", "objects", "objects released outside any basket or in a wrong basket",
                   higher_is_better=False),
        MetricSpec("wrong_basket", "objects", "drops into a basket of another colour", higher_is_better=False),
        MetricSpec("transport_s", "s", "mean time from picking an object up to sorting it",
                   higher_is_better=False),
        MetricSpec("pinches", "pinches", "every completed thumb-index pinch, on an object or not"),
        MetricSpec("grabs", "objects", "pinches that picked an object up"),
    ),
    main_measure="reps",
    sides=("either", "left", "right"),
    description="Pick up each toy with a pinch and drop it in the basket of its colour.",
)


@dataclass
class Item:
    id: int
    x: float
    y: float
    label: str
    home: tuple[float, float]
    radius: float
    state: str = "active"  # active | held | hit
    holder: Side | None = None
    picked_at: float = 0.0


def layout(seed: int, objects: int, baskets: int, aspect: float) -> tuple[list[tuple[float, float, str]], list[tuple[float, float, str]]]:
    """(objects as (x, y, label), baskets as (x, y, label)) in normalised screen coordinates:
    baskets along the bottom, objects scattered above without overlapping, colours balanced."""
    rng = random.Random(seed)
    labels = LABELS[:baskets]
    basket_xs = [0.2 + 0.6 * i / (baskets - 1) for i in range(baskets)]
    bins = [(x, BASKET_Y, label) for x, label in zip(basket_xs, labels, strict=True)]
    kinds = [labels[i % baskets] for i in range(objects)]
    rng.shuffle(kinds)
    placed: list[tuple[float, float, str]] = []
    for kind in kinds:
        for attempt in range(200):
            x, y = rng.uniform(0.15, 0.85), rng.uniform(0.18, 0.55)
            far = all(math.hypot((x - px) * aspect, y - py) > 0.16 for px, py, _ in placed)
            if far or attempt == 199:
                placed.append((x, y, kind))
                break
    return placed, bins


class PinchAndSort(HandActivity):
    info = INFO

    def on_start(self, t: float) -> None:
        self.items: list[Item] = []
        self.baskets: list[tuple[float, float, str]] = []
        self.detectors: dict[str, PinchDetector] = {}
        self.sorted = self.drops = self.wrong = self.pinches = self.grabs = 0
        self.transport: list[float] = []
        self.pointer: tuple[float, float] | None = None
        self.pinching = False
        self.aspect = 4 / 3
        self.apply_level(t)
        self._lay_out(self.aspect)  # shown while waiting; laid out again for the camera's shape

    def apply_level(self, t: float) -> None:
        p = self.params
        self.object_radius = float(p.get("object_radius", 0.06))
        self.basket_radius = float(p.get("basket_radius", 0.11))

    def goal(self) -> int:
        return int(self.params.get("objects", 4))

    def _lay_out(self, aspect: float) -> None:
        self.aspect = aspect
        objs, self.baskets = layout(int(self.params.get("seed", 1)), self.goal(),
                                    int(self.params.get("baskets", 2)), aspect)
        self.items = [Item(i, x, y, label, (x, y), self.object_radius) for i, (x, y, label) in enumerate(objs)]

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        events: list[Event] = []
        if frame.aspect != self.aspect and not self.grabs:
            self._lay_out(frame.aspect)
        main = self.main_hand(frame)
        self.pointer, self.pinching = None, False
        for hand in self.wanted_hands(frame):
            det = self.detectors.setdefault(hand.side, PinchDetector())
            what = det.update(hand, frame.aspect)
            point = pinch_point(hand)
            if hand is main:
                self.pointer, self.pinching = point, det.pinched
            held = next((it for it in self.items if it.state == "held" and it.holder == hand.side), None)
            if what == "close":
                self.pinches += 1
                item = self._item_under(point, frame.aspect)
                if item is not None:
                    item.state, item.holder, item.picked_at = "held", hand.side, self.active_s
                    item.x, item.y = point
                    self.grabs += 1
                    events.append(HoldStarted(t, side=hand.side))
                else:
                    self.cue(events, "pinch", t)
            elif held is not None and what == "open":
                self._release(held, point, frame.aspect, t, events)
            elif held is not None:
                held.x, held.y = point
        return events

    def _item_under(self, point: tuple[float, float], aspect: float) -> Item | None:
        best, best_d = None, float("inf")
        for it in self.items:
            if it.state != "active":
                continue
            d = screen_distance(point, (it.x, it.y), aspect)
            if d <= GRAB_SLACK * it.radius and d < best_d:
                best, best_d = it, d
        return best

    def _release(self, item: Item, point: tuple[float, float], aspect: float, t: float, events: list[Event]) -> None:
        item.x, item.y = min(max(point[0], 0.02), 0.98), min(max(point[1], 0.02), 0.98)
        basket = next((b for b in self.baskets
                       if screen_distance(point, (b[0], b[1]), aspect) <= self.basket_radius), None)
        side, item.holder = item.holder, None
        if basket is not None and basket[2] == item.label:
            item.state = "hit"
            took = self.active_s - item.picked_at
            self.sorted += 1
            self.transport.append(took)
            events.append(TargetHit(t, item.id, side=side, movement_s=round(took, 3)))
            self.cue(events, "great", t)
            self.trial(True, t, events)
            return
        item.state = "active"
        self.drops += 1
        if basket is not None:
            self.wrong += 1
            item.x, item.y = item.home
            events.append(TargetMissed(t, item.id, "wrong_basket"))
        else:
            events.append(TargetMissed(t, item.id, "dropped"))
        self.trial(False, t, events)

    def count(self) -> int:
        return self.sorted

    def done(self) -> bool:
        return self.sorted >= self.goal() > 0

    def reps(self) -> int | None:
        return self.sorted

    def metrics(self) -> Mapping[str, float]:
        return {"sorted": self.sorted, "drops": self.drops, "wrong_basket": self.wrong,
                "transport_s": round(mean(self.transport), 3), "pinches": self.pinches, "grabs": self.grabs}

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {}

    def success_rate(self) -> float | None:
        tried = self.sorted + self.drops
        return round(self.sorted / tried, 4) if tried else None

    def view_fields(self) -> Mapping[str, Any]:
        targets = [Target(100 + i, x, y, self.basket_radius, "basket", "active", label=label,
                          color=LABELS.index(label)) for i, (x, y, label) in enumerate(self.baskets)]
        targets += [Target(it.id, it.x, it.y, it.radius, "object", it.state, it.holder, it.label,
                           LABELS.index(it.label)) for it in self.items if it.state != "hit"]
        return {"targets": tuple(targets), "pointer": self.pointer, "pinching": self.pinching,
                "extra": {"sorted": self.sorted}}


def create() -> PinchAndSort:
    return PinchAndSort()

