"""Sounds and voice prompts: every cue and effect has a valid small WAV, and Audio never crashes
(SDL dummy audio driver, no mixer at all, voice switched off)."""

from __future__ import annotations

import importlib.util
import wave
from pathlib import Path

import pygame
import pytest

from exercises.events import CUES
from game.audio import EFFECTS, SOUNDS_DIR, VOICE_DIR, Audio

PHRASES = (*CUES, *(str(n) for n in range(1, 11)), "go", "well_done", "great_job", "come_back")


def _check_wav(path: Path) -> float:
    assert path.is_file(), f"missing {path.name}"
    with wave.open(str(path)) as f:
        assert (f.getframerate(), f.getnchannels(), f.getsampwidth()) == (22050, 1, 2), path.name
        assert f.getnframes() > 0.03 * 22050, f"{path.name} is (nearly) empty"
        return f.getnframes() / 22050


@pytest.mark.parametrize("phrase", PHRASES)
def test_voice_prompt_for_every_cue_and_number(phrase: str) -> None:
    seconds = _check_wav(VOICE_DIR / f"{phrase}.wav")
    assert seconds < 4.0


@pytest.mark.parametrize("effect", EFFECTS)
def test_sound_file_for_every_effect(effect: str) -> None:
    assert _check_wav(SOUNDS_DIR / f"{effect}.wav") < 3.0


def test_assets_stay_small() -> None:
    total = sum(p.stat().st_size for d in (SOUNDS_DIR, VOICE_DIR) for p in d.glob("*.wav"))
    assert total < 5 * 1024 * 1024


def test_sound_script_reproduces_the_committed_files(tmp_path: Path) -> None:
    path = Path(__file__).resolve().parents[2] / "assets" / "make_sounds.py"
    spec = importlib.util.spec_from_file_location("make_sounds", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(tmp_path)]) == 0
    assert set(module.SOUNDS) == set(EFFECTS)
    for name in module.SOUNDS:
        assert (tmp_path / f"{name}.wav").read_bytes() == (SOUNDS_DIR / f"{name}.wav").read_bytes(), name


def test_audio_with_the_dummy_driver_plays_and_speaks() -> None:
    audio = Audio(volume=0.5)
    try:
        assert audio.available, audio.error
        assert set(EFFECTS) <= set(audio.sounds)
        assert set(PHRASES) <= set(audio.voices)
        assert audio.play("pop") is True
        assert audio.say("great") is True
        assert audio.play("no_such_sound") is False
        audio.set_volume(2.0)
        assert audio.volume == 1.0
        audio.set_voice(False)
        assert audio.say("great") is False
        audio.stop()
    finally:
        pygame.mixer.quit()


def test_audio_switched_off_is_silent() -> None:
    audio = Audio(enabled=False)
    assert not audio.available
    assert audio.play("pop") is False and audio.say("jump") is False


def test_no_audio_device_means_silence_not_a_crash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pygame.mixer.quit()

    def broken(*args: object, **kwargs: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", broken)
    audio = Audio()
    assert not audio.available
    assert audio.play("pop") is False and audio.say("jump") is False
    audio.set_volume(0.3)
    audio.stop()
    assert "sound is off" in capsys.readouterr().err
