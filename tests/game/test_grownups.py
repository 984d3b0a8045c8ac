"""The grown-ups' area: a parent gate a young child cannot pass, and a plain-language "Today"
built from the real logbook."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from game.devshots import sample_result
from game.parent_words import amount_words, duration_words, line_words, today_summary
from game.scenes.grownups import GrownUpsScene, ParentGateScene, gate_sum
from game.storage import LogbookStorage, LogLine, MemoryStorage, PlanStep
from logbook.plans import parse_plan
from logbook.store import Logbook
from logbook.words import plural
from tests.game.harness import Game

DAY = date(2025, 3, 3)


def test_plural_and_durations_read_like_a_person_wrote_them() -> None:
    assert plural(1, "activity") == "1 activity" and plural(2, "activity") == "2 activities"
    assert plural(0, "jump") == "0 jumps" and plural(1, "day") == "1 day" and plural(3, "day") == "3 days"
    assert duration_words(42) == "42 seconds" and duration_words(1) == "1 second"
    assert duration_words(61) == "1 minute" and duration_words(130) == "2 minutes"


def test_each_activity_is_told_in_its_own_words() -> None:
    line = LogLine("jumping_jacks", datetime(2025, 3, 3, 16, 5), 10, 125.0, True)
    assert line_words(line) == "Jumping Jacks: 10 jumps, 2 minutes"
    one = LogLine("frog_squats", datetime(2025, 3, 3, 16, 5), 1, 20.0, False)
    assert line_words(one) == "Frog Squats: 1 squat, 20 seconds, stopped early"
    assert amount_words("bubble_pop", 7, {"pops": 5.0}) == "5 bubbles popped"  # pops, not pinches
    assert amount_words("flamingo_balance", None, {"longest_hold_s": 6.2}) == "stood on one leg for up to 6 seconds"


def test_gate_sum_is_two_digit_with_a_carry_and_four_close_answers() -> None:
    rng = random.Random(1)
    for _ in range(200):
        a, b = gate_sum(rng)
        assert 10 <= a <= 99 and 10 <= b <= 99 and a % 10 + b % 10 >= 10
    storage = MemoryStorage()
    game = Game(storage)
    for seed in range(20):
        game.ctx.rng = random.Random(seed)
        gate = ParentGateScene(game.ctx)
        assert gate.a >= 10 and gate.b >= 10
        assert len(set(gate.choices)) == 4 and gate.answer in gate.choices
        assert max(gate.choices) - min(gate.choices) <= 20  # close: no answer gives itself away
    game.close()


@pytest.fixture
def mia(logbook: Logbook, storage: LogbookStorage) -> LogbookStorage:
    logbook.add_child("Mia", avatar="owl")
    plan = parse_plan({"name": "Spring", "valid_from": "2025-03-01", "items": [
        {"activity": "jumping_jacks", "reps": 10}, {"activity": "frog_squats", "reps": 8}]}, "plan.yaml")
    logbook.assign_plan("Mia", plan)
    for days_ago in (3, 1):
        when = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=10) - timedelta(days=days_ago)
        sid = storage.start_session("Mia", None, when)
        storage.save_result(sid, sample_result("bunny_hops", 5, True), when, when, [], None)
    sid = storage.start_session("Mia", None, datetime(2025, 3, 3, 16, 0))
    storage.save_result(sid, sample_result("jumping_jacks", 10, True, 125.0), datetime(2025, 3, 3, 16, 0),
                        datetime(2025, 3, 3, 16, 2, 5), [], None)
    storage.add_sticker("Mia", "sun", sid)
    storage.add_sticker("Mia", "moon", None)
    return storage


def test_today_summary_from_the_logbook(mia: LogbookStorage) -> None:
    s = today_summary(mia, "Mia", DAY)
    assert s.title == "Mia today, Monday 3 March"
    assert s.played_words == "Played 1 activity for 2 minutes."
    assert [(when.strftime("%H:%M"), words) for when, words in s.lines] == [("16:00", "Jumping Jacks: 10 jumps, 2 minutes")]
    assert s.plan == ((True, "Jumping Jacks: 10 of 10 jumps"), (False, "Frog Squats: 0 of 8 squats"))
    assert s.plan_words == "Today's plan: 1 of 2 done"
    assert s.streak == 2 and s.streak_words == "2 days in a row"
    assert [d.played for d in s.week] == [False, False, False, True, False, True, True]
    assert s.week[-1].day == DAY
    assert s.stickers_today == ("sun",) and s.sticker_words == "Stickers: 1 today, 2 in all"


def test_a_day_without_play_says_so(mia: LogbookStorage) -> None:
    s = today_summary(mia, "Mia", DAY + timedelta(days=2))
    assert s.played_words == "Nothing played yet today." and s.lines == ()
    assert s.streak == 0 and s.streak_words == "No days in a row yet."
    assert s.plan_words == "Today's plan: 0 of 2 done"


def test_grown_ups_today_tab_draws_the_summary(mia: LogbookStorage) -> None:
    game = Game(mia)
    game.ctx.scenes.push(GrownUpsScene(game.ctx))
    scene = game.top
    assert isinstance(scene, GrownUpsScene) and scene.summary is not None and scene.summary.nickname == "Mia"
    game.run(0.5, draw_every=1)
    plan: list[PlanStep] = scene.plan
    assert [p.activity_id for p in plan] == ["jumping_jacks", "frog_squats"]
    game.close()
