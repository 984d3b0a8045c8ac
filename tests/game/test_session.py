"""A whole scripted session: title -> player -> today's path -> two activities played from
synthetic motion -> results -> home, then what the logbook holds."""

from __future__ import annotations

from datetime import date

import pygame

from game.feeds import ScriptFeed
from game.scenes.path import PathScene
from game.scenes.play import PlayScene
from game.scenes.ready import GetReadyScene
from game.scenes.results import ResultsScene
from game.scenes.title import TitleScene
from game.storage import LogbookStorage
from logbook.plans import parse_plan
from logbook.store import Logbook
from tests.game.harness import START, Game
from tracking.synthetic import motions

PLAN = {
    "name": "Spring block",
    "valid_from": "2025-03-01",
    "items": [
        {"activity": "arm_raises", "reps": 10},
        {"activity": "frog_squats", "reps": 8},
    ],
}


def scripted_feed(clock):  # type: ignore[no-untyped-def]
    reg = motions.registry()
    return ScriptFeed(clock, {"arm_raises": reg["arm_raises"](), "frog_squats": reg["squats"]()})


def play_through(game: Game) -> None:
    assert game.run_until(lambda: isinstance(game.top, PlayScene), 15)
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), 60)


def test_two_activities_from_title_to_results_land_in_the_logbook(logbook: Logbook, storage: LogbookStorage) -> None:
    logbook.add_child("Mia", avatar="owl")
    plan_id = logbook.assign_plan("Mia", parse_plan(PLAN, "plan.yaml"))
    game = Game(storage, scripted_feed)
    game.ctx.scenes.push(TitleScene(game.ctx))
    game.run(0.5)
    game.press("player:Mia")
    assert isinstance(game.top, PathScene)
    assert [s.activity_id for s in game.top.steps] == ["arm_raises", "frog_squats"]
    assert not game.top.free_play

    game.press("play")
    assert isinstance(game.top, GetReadyScene)
    play_through(game)
    first = game.top
    assert isinstance(first, ResultsScene) and first.result.activity_id == "arm_raises"
    # saved the moment it ended, before anyone pressed anything
    saved = logbook.results_for("Mia")
    assert [(r.activity_id, r.reps, r.completed) for r in saved] == [("arm_raises", 10, True)]

    game.run(2.0)
    game.press("next")
    assert isinstance(game.top, GetReadyScene)
    play_through(game)
    assert isinstance(game.top, ResultsScene) and game.top.result.activity_id == "frog_squats"
    game.run(2.0)
    game.press("home")
    assert isinstance(game.top, PathScene)
    assert game.top.done(0) and game.top.done(1)
    game.press("home")
    assert isinstance(game.top, TitleScene)

    results = logbook.results_for("Mia")
    assert [(r.activity_id, r.reps, r.completed) for r in results] == [("arm_raises", 10, True), ("frog_squats", 8, True)]
    plan = logbook.active_plan("Mia", START.date())
    assert plan is not None and plan.id == plan_id
    assert [r.plan_item_id for r in results] == [i.id for i in plan.items]
    sessions = logbook.sessions("Mia")
    assert len(sessions) == 1 and sessions[0].plan_id == plan_id and sessions[0].ended_at is not None
    assert {r.session_id for r in results} == {sessions[0].id}
    kinds = [e.kind for e in logbook.events_for(results[0].id)]
    assert kinds.count("rep_completed") == 10 and kinds[-1] == "finished"
    assert [p.complete for p in logbook.today_progress("Mia", START.date())] == [True, True]
    assert [s.sticker_id for s in logbook.stickers("Mia")] == ["sun", "rainbow"]
    assert logbook.streak("Mia", START.date()) == 1
    assert logbook.streak("Mia", date(2025, 3, 5)) == 0
    game.close()


def test_adding_a_player_by_clicks_and_typing(storage: LogbookStorage, logbook: Logbook) -> None:
    game = Game(storage)
    game.ctx.scenes.push(TitleScene(game.ctx))
    game.run(0.2)
    game.press("add")
    game.press("avatar:frog")
    game.type("Leo")
    game.key(pygame.K_BACKSPACE)
    game.type("o!")
    game.press("ok")
    assert isinstance(game.top, PathScene) and game.top.free_play
    child = logbook.get_child("Leo!")
    assert child is not None and child.avatar == "frog"
    assert game.ctx.player is not None and game.ctx.player.nickname == "Leo!"
    game.close()
