"""What the issue promises about playing, checked in the running game: get-ready calibrates and
the activity gets the calibration; the grown-ups' seated mode and favoured side reach the
activities; cues are spoken and shown as icons; wrong moves get gentle help, never a harsh
sound; the streak shows on the results; voice prompts on/off is obeyed; the session length
limit ends the session gently."""

from __future__ import annotations

import wave
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest

from exercises.calibration import Calibration
from exercises.events import Cue, PartialRep, TargetMissed
from game.audio import SOUNDS_DIR, Audio
from game.context import Settings
from game.devshots import sample_result
from game.feeds import ScriptFeed
from game.render import activities as activity_art
from game.scenes.grownups import GrownUpsScene
from game.scenes.path import PathScene
from game.scenes.play import PlayScene, activity_params
from game.scenes.ready import GetReadyScene
from game.scenes.results import ResultsScene
from game.scenes.title import TitleScene
from game.storage import MemoryStorage, PlanStep
from tests.game.harness import START, Game
from tracking.synthetic import motions

# Everything the game may play when something goes wrong: soft and short, never a buzzer.
GENTLE = {"soft_oops"}


class SpyAudio(Audio):
    """The real Audio (dummy SDL driver), remembering what was played and said."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.played: list[str] = []
        self.said: list[tuple[str, bool]] = []  # (phrase, was it spoken)

    def play(self, name: str) -> bool:
        self.played.append(name)
        return super().play(name)

    def say(self, phrase_id: str) -> bool:
        spoken = super().say(phrase_id)
        self.said.append((phrase_id, spoken))
        return spoken


def _game(scripts: dict[str, object], settings: Settings | None = None) -> tuple[Game, MemoryStorage, SpyAudio]:
    storage = MemoryStorage()
    storage.add_player("Ada", "cat")
    game = Game(storage, lambda clock: ScriptFeed(clock, scripts), settings)  # type: ignore[arg-type]
    audio = SpyAudio()
    game.ctx.audio = audio
    game.ctx.apply_settings()
    game.ctx.player = storage.find_player("Ada")
    return game, storage, audio


def test_get_ready_calibrates_and_the_activity_plays_with_that_calibration() -> None:
    game, _, _ = _game({"reach_stars": motions.registry()["reach_sequence"]()})
    ready = GetReadyScene(game.ctx, PlanStep("reach_stars", 1, {"duration_s": 4.0}))
    game.ctx.scenes.push(ready)
    assert game.run_until(lambda: isinstance(game.top, PlayScene), 15)
    play = game.top
    assert isinstance(play, PlayScene)
    calibration = play.params["calibration"]
    assert isinstance(calibration, Calibration) and calibration == ready.calibration()
    assert "shoulder_width" in calibration.measured  # measured from the child, not a default
    assert game.run_until(lambda: play.started, 5)
    assert play.activity.params["calibration"] is calibration  # the activity itself has it
    game.close()


def test_seated_mode_and_favoured_side_reach_the_activities() -> None:
    game, _, _ = _game({}, Settings(seated_mode=True, favoured_side="left"))
    ctx = game.ctx
    assert activity_params(ctx, PlanStep("arm_raises"), None)["seated"] is True
    assert activity_params(ctx, PlanStep("arm_raises"), None)["side"] == "left"
    assert activity_params(ctx, PlanStep("bubble_pop"), None)["side"] == "left"
    assert activity_params(ctx, PlanStep("arm_raises", 1, {"side": "right"}), None)["side"] == "right"  # the plan wins
    frog = activity_params(ctx, PlanStep("frog_squats"), None)
    assert "side" not in frog and not frog.get("seated", False)
    ready = GetReadyScene(ctx, PlanStep("march_in_place"))
    assert ready.seated and ready.calibrator.seated_hint is True
    # free play offers only what can be played sitting down
    ctx.scenes.push(PathScene(ctx))
    path = game.top
    assert isinstance(path, PathScene) and path.free_play
    assert "frog_squats" not in {s.activity_id for s in path.steps}
    assert {"arm_raises", "march_in_place", "bubble_pop"} <= {s.activity_id for s in path.steps}
    game.close()


def test_cues_are_spoken_and_shown_as_icons(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[str] = []
    real = activity_art.draw_cue_icon
    monkeypatch.setattr(activity_art, "draw_cue_icon", lambda s, cue, *a, **k: drawn.append(cue) or real(s, cue, *a, **k))
    game, storage, audio = _game({"arm_raises": motions.registry()["arm_raises"]()})
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("arm_raises", 1, {"reps": 3})))
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), 30, draw_every=2)
    (saved,) = storage.results
    cues = [e.cue for e in saved.events if isinstance(e, Cue)]
    assert cues, "the activity gave no cue"
    said = [p for p, _ in audio.said]
    for cue in cues:
        assert cue in said and cue in drawn
    game.close()


def test_wrong_moves_get_gentle_help_never_a_harsh_sound() -> None:
    game, storage, audio = _game({"finger_taps": motions.registry()["finger_taps_with_errors"]()})
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("finger_taps", 1, {"reps": 4})))
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), 30)
    (saved,) = storage.results
    wrong = [e for e in saved.events if isinstance(e, (TargetMissed, PartialRep))]
    assert wrong, "the script made no mistake"
    assert audio.played.count("soft_oops") == sum(isinstance(e, TargetMissed) for e in saved.events)
    assert set(audio.played) <= {"countdown", "countdown_go", "chime", "pop", "cheer", "whoosh", "sticker", *GENTLE}
    # the gentle sound is the quietest and lowest of all, with nothing shrill in it (no buzzer)
    oops = _wav(SOUNDS_DIR / "soft_oops.wav")
    for other in ("chime", "pop", "cheer", "sticker", "countdown", "countdown_go"):
        sound = _wav(SOUNDS_DIR / f"{other}.wav")
        assert _peak(oops) < _peak(sound) and _centroid(oops) < _centroid(sound), other
    assert _shrill(oops) < 0.01 and len(oops) < 22050
    game.close()


def _wav(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        return np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(float) / 32768.0


def _peak(x: np.ndarray) -> float:
    return float(np.abs(x).max())


def _shrill(x: np.ndarray) -> float:
    """Share of the energy above 3 kHz."""
    spectrum = np.abs(np.fft.rfft(x)) ** 2
    return float(spectrum[np.fft.rfftfreq(len(x), 1 / 22050) > 3000].sum() / spectrum.sum())


def _centroid(x: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(x))
    freqs = np.fft.rfftfreq(len(x), 1 / 22050)
    return float((spectrum * freqs).sum() / spectrum.sum())


def test_the_streak_shows_on_the_results() -> None:
    game, storage, _ = _game({"arm_raises": motions.registry()["arm_raises"]()})
    for days_ago in (1, 2):
        when = START - timedelta(days=days_ago)
        sid = storage.start_session("Ada", None, when)
        storage.save_result(sid, sample_result("arm_raises", 10, True), when, when, [], None)
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("arm_raises", 1, {"reps": 2})))
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), 30)
    assert game.top.streak == 3  # yesterday, the day before, and today
    game.close()


def test_voice_prompts_switched_off_in_the_grown_ups_area_stay_off() -> None:
    game, _, audio = _game({"arm_raises": motions.registry()["arm_raises"]()})
    game.ctx.scenes.push(TitleScene(game.ctx))
    game.ctx.scenes.push(GrownUpsScene(game.ctx))
    game.press("tab:settings")
    game.press("cycle:voice_prompts")
    assert game.ctx.settings.voice_prompts is False and game.ctx.storage.get_setting("voice_prompts") is False
    assert Settings.load(game.ctx.storage).voice_prompts is False  # kept for the next start
    audio.said.clear()
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("arm_raises", 1, {"reps": 2})))
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), 30)
    assert audio.said and not any(spoken for _, spoken in audio.said)  # asked for, never spoken
    assert "chime" in audio.played  # the sounds still play
    game.close()


def test_the_session_limit_ends_the_session_gently() -> None:
    game, storage, audio = _game({"arm_raises": motions.registry()["arm_raises"]()}, Settings(session_minutes_limit=0))
    game.ctx.scenes.push(TitleScene(game.ctx))
    game.ctx.scenes.push(PathScene(game.ctx))
    game.ctx.scenes.push(PlayScene(game.ctx, PlanStep("arm_raises", 1, {"reps": 2})))
    play = game.top
    game.run(5.0)
    assert game.top is play  # the activity under way is never cut short ...
    assert game.run_until(lambda: isinstance(game.top, ResultsScene), 30)
    results = game.top
    assert results.over and storage.results[0].result.completed  # ... it ends, and is kept
    assert not results.buttons.get("again").enabled and not results.buttons.get("next").enabled
    assert "all_done" in [p for p, _ in audio.said]  # said, not only written
    game.run(1.0)
    game.press("home")
    assert isinstance(game.top, TitleScene)  # back to the start, the session closed
    assert game.ctx.session is None
    assert all(s["ended_at"] is not None for s in storage.sessions.values())
    game.close()


def test_a_slower_game_speed_gives_more_time_where_the_plan_does_not_say() -> None:
    from exercises import catalog

    game, _, _ = _game({}, Settings(game_speed=0.5))
    ctx = game.ctx
    normal = catalog.resolve_params("bubble_pop", 1, {})
    slow = activity_params(ctx, PlanStep("bubble_pop"), None)
    assert slow["rise_speed"] == pytest.approx(normal["rise_speed"] * 0.5)
    assert slow["spawn_every_s"] == pytest.approx(min(10.0, normal["spawn_every_s"] * 2))
    stars = activity_params(ctx, PlanStep("reach_stars", 2), None)
    assert stars["time_per_star_s"] == pytest.approx(catalog.resolve_params("reach_stars", 2, {})["time_per_star_s"] * 2)
    assert activity_params(ctx, PlanStep("bubble_pop", 1, {"rise_speed": 0.2}), None)["rise_speed"] == 0.2  # the plan wins
    ctx.settings.game_speed = 1.0
    assert activity_params(ctx, PlanStep("bubble_pop"), None)["rise_speed"] == normal["rise_speed"]
    ctx.scenes.push(GrownUpsScene(ctx))
    game.press("tab:settings")
    game.press("cycle:game_speed")
    assert ctx.settings.game_speed == 0.75 and Settings.load(ctx.storage).game_speed == 0.75
    game.close()
