"""The storage suite, run on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from lbhelpers import result

from exercises.api import LevelChange
from exercises.events import Cue, RepCompleted, TargetHit
from logbook.errors import LogbookError
from logbook.plans import Plan
from logbook.store import Logbook

T0 = datetime(2025, 3, 3, 16, 0)


@pytest.fixture
def logbook(db_url: str):
    lb = Logbook.open(db_url)
    yield lb
    lb.close()


def plan(**overrides) -> Plan:
    data = {
        "valid_from": date(2025, 3, 1),
        "sessions_per_week": 4,
        "items": [
            {"activity": "jumping_jacks", "reps": 10, "level": 2},
            {"activity": "flamingo_balance", "minutes": 2, "side": "left"},
            {"activity": "flamingo_balance", "minutes": 2, "side": "right"},
        ],
    }
    data.update(overrides)
    return Plan.model_validate(data)


def test_children_add_list_get_update_remove(logbook: Logbook) -> None:
    sam = logbook.add_child("Sam", avatar="owl", birth_year=2018, dominant_hand="left", affected_side="right", seated=True, notes="likes stars")
    logbook.add_child("Ada")
    assert [c.nickname for c in logbook.list_children()] == ["Ada", "Sam"]
    got = logbook.get_child("sam")  # case does not matter
    assert got is not None and got.id == sam.id and got.avatar == "owl" and got.seated is True
    assert got.birth_year == 2018 and got.dominant_hand == "left" and got.affected_side == "right"
    assert logbook.get_child("Nobody") is None
    with pytest.raises(LogbookError, match="already exists"):
        logbook.add_child("SAM")
    changed = logbook.update_child("Sam", nickname="Sammy", seated=False, birth_year=None)
    assert changed.nickname == "Sammy" and changed.seated is False and changed.birth_year is None
    assert logbook.get_child("Sammy").notes == "likes stars"
    with pytest.raises(LogbookError, match="already exists"):
        logbook.update_child("Sammy", nickname="ada")
    with pytest.raises(LogbookError, match="cannot change"):
        logbook.update_child("Sammy", full_name="x")
    with pytest.raises(LogbookError, match="no child called 'Bob'.*Ada, Sammy"):
        logbook.child("Bob")
    logbook.remove_child("Sammy")
    assert [c.nickname for c in logbook.list_children()] == ["Ada"]


@pytest.mark.parametrize(
    "fields",
    [
        {"nickname": ""},
        {"nickname": "x" * 41},
        {"nickname": "Sam", "birth_year": 1800},
        {"nickname": "Sam", "dominant_hand": "middle"},
        {"nickname": "Sam", "affected_side": "up"},
        {"nickname": "Sam", "avatar": "Big Fox!"},
    ],
)
def test_bad_child_fields_are_refused(logbook: Logbook, fields: dict) -> None:
    with pytest.raises(LogbookError):
        logbook.add_child(**fields)
    assert logbook.list_children() == []


def test_plans_newest_covering_plan_is_active(logbook: Logbook) -> None:
    logbook.add_child("Sam")
    first = logbook.assign_plan("Sam", plan(valid_to=date(2025, 3, 31)))
    assert logbook.active_plan("Sam", date(2025, 2, 28)) is None
    active = logbook.active_plan("Sam", date(2025, 3, 15))
    assert active is not None and active.id == first and active.sessions_per_week == 4
    assert [i.activity_id for i in active.items] == ["jumping_jacks", "flamingo_balance", "flamingo_balance"]
    assert active.items[0].reps == 10 and active.items[0].level == 2 and active.items[0].minutes is None
    assert active.items[1].minutes == 2 and active.items[1].side == "left"
    assert (active.items[0].min_level, active.items[0].max_level) == (1, 5)
    assert logbook.active_plan("Sam", date(2025, 4, 1)) is None
    second = logbook.assign_plan("Sam", plan(valid_from=date(2025, 3, 10), items=[{"activity": "bubble_pop", "minutes": 3}]))
    assert logbook.active_plan("Sam", date(2025, 3, 15)).id == second
    assert logbook.active_plan("Sam", date(2025, 3, 5)).id == first
    assert [p.id for p in logbook.plans("Sam")] == [second, first]


def test_save_result_round_trip(logbook: Logbook) -> None:
    logbook.add_child("Sam")
    session = logbook.start_session("Sam", app_version="0.1.0", started_at=T0)
    r = result(
        "reach_stars", 12, level=2, quality=0.85, duration_s=75.5, success_rate=0.75,
        metrics={"reaction_time_s": 0.61, "bad": float("nan")},
        per_side={"left": {"hits": 5.0}, "right": {"hits": 7.0}},
        params={"level": 2, "targets": 12},
        level_changes=(LevelChange(30.0, 2, 3, "doing well"),),
    )
    events = [TargetHit(1.5, 1, "left", 0.5, 0.7), Cue(2.0, "great"), RepCompleted(3.0, 1, "right", 0.9)]
    rid = logbook.save_result(session, r, T0, T0 + timedelta(seconds=80), events)
    logbook.end_session(session, T0 + timedelta(minutes=5))
    [stored] = logbook.results_for("Sam")
    assert stored.id == rid and stored.session_id == session and stored.activity_id == "reach_stars"
    assert stored.reps == 12 and stored.success_rate == 0.75 and stored.duration_s == 75.5
    assert stored.tracking_quality == 0.85 and stored.completed is True
    assert stored.level == 2 and stored.level_end == 3
    assert stored.metrics == {"reaction_time_s": 0.61, "bad": None}
    assert stored.per_side == {"left": {"hits": 5.0}, "right": {"hits": 7.0}}
    assert stored.params == {"level": 2, "targets": 12}
    assert stored.level_changes == ({"t": 30.0, "old": 2, "new": 3, "reason": "doing well"},)
    assert stored.started_at == T0 and stored.ended_at == T0 + timedelta(seconds=80)
    got = logbook.events_for(rid)
    assert [(e.seq, e.t, e.kind) for e in got] == [(0, 1.5, "target_hit"), (1, 2.0, "cue"), (2, 3.0, "rep_completed")]
    assert got[0].data == {"target_id": 1, "side": "left", "reaction_s": 0.5, "movement_s": 0.7}
    [s] = logbook.sessions("Sam")
    assert s.app_version == "0.1.0" and s.ended_at == T0 + timedelta(minutes=5)
    with pytest.raises(LogbookError, match="no session"):
        logbook.save_result("not-a-session", r, T0, T0)


def test_aware_times_are_stored_as_local_wall_clock(logbook: Logbook) -> None:
    from datetime import timezone

    logbook.add_child("Sam")
    session = logbook.start_session("Sam")
    aware = datetime(2025, 3, 3, 12, 0, tzinfo=timezone.utc)
    logbook.save_result(session, result(), aware, aware)
    [stored] = logbook.results_for("Sam")
    assert stored.started_at == aware.astimezone().replace(tzinfo=None)


def test_days_streak_minutes_and_since(logbook: Logbook) -> None:
    logbook.add_child("Sam")
    days = [date(2025, 3, d) for d in (1, 2, 4, 5, 6)]
    for d in days:
        session = logbook.start_session("Sam", started_at=datetime.combine(d, T0.time()))
        for k in range(2):
            start = datetime.combine(d, T0.time()) + timedelta(minutes=k)
            logbook.save_result(session, result(duration_s=90), start, start + timedelta(seconds=90))
    assert logbook.days_played("Sam") == days
    assert logbook.days_played("Sam", since=date(2025, 3, 4)) == days[2:]
    assert logbook.streak("Sam", date(2025, 3, 6)) == 3
    assert logbook.streak("Sam", date(2025, 3, 7)) == 3  # today not played yet: still alive
    assert logbook.streak("Sam", date(2025, 3, 8)) == 0
    assert logbook.streak("Sam", date(2025, 3, 3)) == 2
    assert logbook.minutes_played("Sam") == pytest.approx(15.0)
    assert len(logbook.results_for("Sam", since=date(2025, 3, 5))) == 4


def test_today_progress_counts_reps_and_minutes_per_item(logbook: Logbook) -> None:
    logbook.add_child("Sam")
    logbook.assign_plan("Sam", plan())
    day = date(2025, 3, 3)
    assert [(p.done, p.required, p.unit) for p in logbook.today_progress("Sam", day)] == [
        (0, 10, "reps"), (0, 2, "minutes"), (0, 2, "minutes"),
    ]
    session = logbook.start_session("Sam", started_at=T0)
    assert logbook.sessions("Sam")[0].plan_id == logbook.active_plan("Sam", day).id
    logbook.save_result(session, result("jumping_jacks", 6), T0, T0)
    logbook.save_result(session, result("jumping_jacks", 5), T0, T0)
    logbook.save_result(session, result("flamingo_balance", None, duration_s=150, params={"side": "right"}), T0, T0)
    logbook.save_result(session, result("bubble_pop", 20), T0, T0)  # not in the plan
    progress = logbook.today_progress("Sam", day)
    assert [(p.done, p.complete) for p in progress] == [(11, True), (0, False), (2.5, True)]
    assert logbook.today_progress("Sam", day + timedelta(days=1))[0].done == 0


def test_stickers_and_settings(logbook: Logbook) -> None:
    logbook.add_child("Sam")
    logbook.add_child("Ada")
    session = logbook.start_session("Sam")
    logbook.add_sticker("Sam", "gold_star", session)
    logbook.add_sticker("Sam", "gold_star", session)
    logbook.add_sticker("Sam", "rocket")
    assert [s.sticker_id for s in logbook.stickers("Sam")] == ["gold_star", "gold_star", "rocket"]
    assert logbook.stickers("Ada") == []
    assert logbook.get_setting("volume") == 0.8  # the known default
    logbook.set_setting("volume", 0.5)
    logbook.set_setting("volume", 0.2, child="Sam")
    logbook.set_setting("favoured_side", "left", child="Sam")
    logbook.set_setting("camera_index", 1)
    assert logbook.get_setting("volume", child="Sam") == 0.2
    assert logbook.get_setting("volume", child="Ada") == 0.5
    assert logbook.get_setting("unknown_thing", default=7) == 7
    merged = logbook.settings("Sam")
    assert merged["volume"] == 0.2 and merged["favoured_side"] == "left" and merged["camera_index"] == 1
    assert merged["voice_prompts"] is True and merged["session_minutes_limit"] == 20
    with pytest.raises(LogbookError, match="volume"):
        logbook.set_setting("volume", 3)
    with pytest.raises(LogbookError, match="seated_mode"):
        logbook.set_setting("seated_mode", "yes please")
    logbook.remove_child("Sam")
    assert logbook.get_setting("volume") == 0.5


def test_reopening_keeps_everything(db_url: str) -> None:
    with Logbook.open(db_url) as lb:
        lb.add_child("Sam")
        session = lb.start_session("Sam", started_at=T0)
        lb.save_result(session, result(), T0, T0)
    with Logbook.open(db_url) as lb:
        assert len(lb.results_for("Sam")) == 1


def test_plan_reps_count_what_the_activity_counts_toward_its_goal(logbook: Logbook) -> None:
    """A plan's "reps: 10" on reach_stars means 10 stars hit, on bubble_pop 10 bubbles popped
    (not pinches, which the result's reps holds), on flamingo_balance 10 one-leg holds."""
    logbook.add_child("Sam")
    logbook.assign_plan("Sam", plan(items=[
        {"activity": "reach_stars", "reps": 10},
        {"activity": "bubble_pop", "reps": 10},
        {"activity": "flamingo_balance", "reps": 4},
    ]))
    session = logbook.start_session("Sam", started_at=T0)
    logbook.save_result(session, result("reach_stars", None, metrics={"hits": 7, "misses": 3}), T0, T0)
    logbook.save_result(session, result("bubble_pop", 12, metrics={"pops": 6, "pinches": 12}), T0, T0)
    logbook.save_result(session, result("flamingo_balance", None, metrics={"holds": 4}), T0, T0)
    progress = logbook.today_progress("Sam", T0.date())
    assert [(p.done, p.required, p.complete) for p in progress] == [(7, 10, False), (6, 10, False), (4, 4, True)]
