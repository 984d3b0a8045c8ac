"""Finger count: show the asked number of fingers (1-10, with two hands above five).

Trains finger individuation and number sense.  A number counts as shown when the fingers seen
match it, held steady for `hold_s`; a different (non-zero) count held steady for twice as long
is an error (changing fingers passes through other counts, which must never be errors) -- but
only once the child has changed their fingers since the number was asked: a hand simply left
as it was (the open ready hand, the last answer) is not an answer yet.
Numbers come from `seed`, never the same twice in a row.  Timing runs on the activity clock,
so pauses do not count against the child.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from exercises import params as P
from exercises.activities._hands_common import SIDES, HandActivity, Settled, count_fingers, mean
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.events import Event, Side, TargetHit, TargetMissed
from tracking.frame import PoseFrame

GAP_S = 0.8  # after an answer, the next number comes this much later
ERROR_HOLD_FACTOR = 2.0  # a wrong count held this many hold times is an error

INFO = ActivityInfo(
    id="finger_count",
    name="Finger Count",
    domain="fine",
    needs="hands",
    skills=("finger individuation", "number sense", "bilateral hand use"),
    clinical_domain="manual dexterity",
    count_words=("number shown", "numbers shown"),
    params=(
        P.side("either", ("either", "left", "right")),
        P.reps(6, 1, 50, unit="numbers", meaning="numbers to show to finish"),
        ParamSpec("max_number", "int", 5, "largest number asked (above 5 needs both hands)", minimum=1, maximum=10),
        ParamSpec("hold_s", "float", 0.6, "hold the fingers steady this long to answer", unit="s",
                  minimum=0.2, maximum=3.0),
        ParamSpec("time_per_number_s", "float", 8.0, "time to show each number", unit="s",
                  minimum=2.0, maximum=60.0),
        ParamSpec("seed", "int", 1, "fixes the order of the numbers", minimum=0, maximum=1_000_000),
        P.duration(0.0),
        P.adaptive(),
        *P.level_bounds(),
    ),
    levels={
        1: {"max_number": 3, "hold_s": 0.6, "time_per_number_s": 10.0, "reps": 5},
        2: {"max_number": 5, "hold_s": 0.6, "time_per_number_s": 8.0, "reps": 6},
        3: {"max_number": 5, "hold_s": 0.5, "time_per_number_s": 6.0, "reps": 8},
        4: {"max_number": 10, "hold_s": 0.6, "time_per_number_s": 10.0, "reps": 8},
        5: {"max_number": 10, "hold_s": 0.5, "time_per_number_s": 7.0, "reps": 10},
    },
    metrics=(
        MetricSpec("correct", "numbers", "numbers shown right (held steady for hold_s)"),
        MetricSpec("errors", "times", "a wrong number of fingers held steady (2 x hold_s)",
                   higher_is_better=False),
        MetricSpec("timeouts", "numbers", "numbers not shown within time_per_number_s",
                   higher_is_better=False),
        MetricSpec("time_to_show_s", "s", "mean time from a number being asked to the right "
                   "fingers being up (start of the steady hold)", higher_is_better=False),
        MetricSpec("accuracy", "ratio", "correct / numbers asked"),
    ),
    main_measure="reps",
    sides=("either", "left", "right"),
    description="Show the number with your fingers.",
)


def asked_number(seed: int, index: int, max_number: int, previous: int | None) -> int:
    """The index-th number asked: a pure function of the seed (and the one before), so tests and
    replays know the sequence.  Never the same number twice in a row."""
    rng = random.Random(seed * 7919 + index)
    if max_number <= 1:
        return 1
    choices = [n for n in range(1, max_number + 1) if n != previous]
    return rng.choice(choices)


class FingerCount(HandActivity):
    info = INFO

    def on_start(self, t: float) -> None:
        self.asked: list[int] = []
        self.correct = 0
        self.errors = 0
        self.timeouts = 0
        self.times: list[float] = []
        self.state = "gap"  # asking | gap
        self.state_since = 0.0  # activity clock
        self.reading = Settled()  # fingers shown, glitches of a frame or two ignored
        self.error_counted = False
        self.shown_at_ask: int | None = None
        self.responded = False
        self.apply_level(t)

    def apply_level(self, t: float) -> None:
        self.max_number = int(self.params.get("max_number", 5))
        if self.side_param() in SIDES:
            self.max_number = min(self.max_number, 5)
        self.hold_s = float(self.params.get("hold_s", 0.6))
        self.time_limit = float(self.params.get("time_per_number_s", 8.0))

    def on_play(self, t: float) -> None:
        self._ask()

    def _ask(self) -> None:
        previous = self.asked[-1] if self.asked else None
        self.asked.append(asked_number(int(self.params.get("seed", 1)), len(self.asked), self.max_number, previous))
        self.state, self.state_since = "asking", self.active_s
        self.error_counted = False
        self.shown_at_ask, self.responded = self.shown, False

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        events: list[Event] = []
        clock = self.active_s
        raw = sum(count_fingers(h, frame.aspect) for h in self.wanted_hands(frame))
        if self.reading.update(raw, clock):
            self.error_counted = False
        shown = self.reading.value
        if shown is None:  # nothing has lasted long enough to be believed yet
            return events
        if self.state == "asking":
            if self.shown_at_ask is None:  # asked before any frame was seen (at the gate)
                self.shown_at_ask = shown
            self.responded = self.responded or shown != self.shown_at_ask
        if self.state == "gap":
            if clock - self.state_since >= GAP_S and not self.done():
                self._ask()  # fingers held from before the question do not answer it (held below)
            return events
        number = self.asked[-1]
        held = self.held()
        # Only an answer counts: fingers already up when the number was asked (the open hand of
        # the ready pose shows five) must change first, or an idle hand would score.
        if shown == number and held >= self.hold_s and self.responded:
            self.correct += 1
            took = max(0.0, clock - held - self.state_since)
            self.times.append(took)
            events.append(TargetHit(t, len(self.asked) - 1, reaction_s=round(took, 3)))
            self.cue(events, "great", t)
            self.trial(True, t, events)
            self.state, self.state_since = "gap", clock
        elif (shown not in (0, number) and self.responded and not self.error_counted
              and held >= ERROR_HOLD_FACTOR * self.hold_s):
            self.errors += 1
            self.error_counted = True
            self.cue(events, "show_fingers", t)
        elif clock - self.state_since >= self.time_limit:
            self.timeouts += 1
            events.append(TargetMissed(t, len(self.asked) - 1, "timeout"))
            self.trial(False, t, events)
            self.state, self.state_since = "gap", clock
        return events

    @property
    def shown(self) -> int | None:
        return self.reading.value

    def held(self) -> float:
        """How long the fingers shown now have been shown since the number was asked."""
        return max(0.0, min(self.active_s - self.reading.since, self.active_s - self.state_since))

    def count(self) -> int:
        return self.correct

    def done(self) -> bool:
        return self.correct + self.timeouts >= self.goal() > 0

    def reps(self) -> int | None:
        return self.correct

    def metrics(self) -> Mapping[str, float]:
        answered = self.correct + self.timeouts
        return {"correct": self.correct, "errors": self.errors, "timeouts": self.timeouts,
                "time_to_show_s": round(mean(self.times), 3),
                "accuracy": round(self.correct / answered, 4) if answered else 0.0}

    def per_side(self) -> Mapping[Side, Mapping[str, float]]:
        return {}

    def success_rate(self) -> float | None:
        answered = self.correct + self.timeouts
        return round(self.correct / answered, 4) if answered else None

    def view_fields(self) -> Mapping[str, Any]:
        number = self.asked[-1] if self.asked else None
        hold = None
        if self.state == "asking" and self.shown == number:
            hold = min(1.0, self.held() / self.hold_s)
        return {"number": number, "shown": self.shown, "hold": hold,
                "extra": {"state": self.state, "asked": len(self.asked)}}


def create() -> FingerCount:
    return FingerCount()
