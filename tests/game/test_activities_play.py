"""Every activity plays to its end inside the game from synthetic motion: the 3-2-1, the
activity on frame time, the result saved the moment it ends, then the results screen.  None is
skipped: bubble_pop, whose pinches must land on bubbles, is played by a synthetic child who
watches the screen (game.autoplay) and pops them for real.

Parameters are chosen so each script (tracking.synthetic.motions) reaches the end: the goal
for scripts that complete it, a short time limit for the others."""

from __future__ import annotations

import pytest

from exercises import catalog
from game.feeds import ScriptFeed
from game.launch import ACTIVITY_SCRIPTS, activity_script
from game.scenes.play import PlayScene
from game.scenes.results import ResultsScene
from game.storage import MemoryStorage, PlanStep
from tests.game.harness import Game

# activity -> (plan overrides, completed by reaching the goal?)
ENDINGS: dict[str, tuple[dict[str, object], bool]] = {
    "jumping_jacks": ({}, True),
    "arm_raises": ({}, True),
    "frog_squats": ({}, True),
    "bunny_hops": ({}, True),
    "march_in_place": ({"reps": 12}, True),
    "finger_taps": ({"reps": 4}, True),
    "finger_count": ({"reps": 1}, True),
    "bubble_pop": ({"reps": 4}, True),
    "flamingo_balance": ({"duration_s": 6.0}, False),
    "reach_stars": ({"duration_s": 6.0}, False),
    "copy_the_pose": ({"duration_s": 6.0}, False),
    "air_trace": ({"duration_s": 5.0}, False),
    "pinch_and_sort": ({"duration_s": 5.0}, False),
}


def test_every_activity_has_an_ending_and_a_synthetic_player() -> None:
    assert sorted(ENDINGS) == sorted(catalog.ids()) == sorted(ACTIVITY_SCRIPTS)


@pytest.mark.parametrize("activity_id", catalog.ids())
def test_activity_plays_to_its_end(activity_id: str) -> None:
    script = activity_script(activity_id)
    storage = MemoryStorage()
    storage.add_player("Ada", "cat")
    game = Game(storage, lambda clock: ScriptFeed(clock, {activity_id: script}))
    game.ctx.player = storage.find_player("Ada")
    overrides, reaches_goal = ENDINGS[activity_id]
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep(activity_id, 1, overrides)))
    budget = script.duration + 6 if script.duration < float("inf") else 40.0
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), budget, draw_every=30)
    (saved,) = storage.results
    assert saved.result.activity_id == activity_id
    assert saved.result.completed is reaches_goal
    if reaches_goal and saved.result.reps is not None:
        goal = catalog.resolve_params(activity_id, 1, overrides).get("reps")
        assert saved.result.reps == goal
    else:
        assert saved.result.duration_s == pytest.approx(float(overrides["duration_s"]), abs=0.2)
    assert saved.events[-1].kind == "finished"
    game.run(1.0)  # the results screen runs
    game.close()


def test_bubble_pop_pops_every_bubble_it_pinches() -> None:
    """The reactive player pinches only on bubbles: every pinch pops one, none is missed."""
    script = activity_script("bubble_pop")
    storage = MemoryStorage()
    storage.add_player("Ada", "cat")
    game = Game(storage, lambda clock: ScriptFeed(clock, {"bubble_pop": script}))
    game.ctx.player = storage.find_player("Ada")
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("bubble_pop", 1, {"reps": 3})))
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), 40.0, draw_every=60)
    (saved,) = storage.results
    metrics = saved.result.metrics
    assert (metrics["pops"], metrics["pinches"], metrics["missed"]) == (3, 3, 0)
    assert [e.kind for e in saved.events].count("target_hit") == 3
    game.close()
