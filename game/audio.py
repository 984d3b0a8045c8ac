"""Sound effects and voice prompts, loaded from the assets package.

The game must never crash or stall because a machine has no sound card: if the mixer cannot
start, every call is silently a no-op.  Sounds are loaded once at start (small 16-bit mono
WAVs) and played on their own channels: effects may overlap, the voice uses one reserved
channel so a new prompt replaces the old one instead of talking over it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pygame

import assets

ASSETS_DIR = Path(assets.__file__).resolve().parent
SOUNDS_DIR = ASSETS_DIR / "sounds"
VOICE_DIR = ASSETS_DIR / "voice"
EFFECTS: tuple[str, ...] = ("pop", "chime", "whoosh", "tick", "cheer", "soft_oops", "countdown", "countdown_go", "sticker")
SAMPLE_RATE = 22050


class Audio:
    """Effects by name (`play`), voice prompts by cue id or phrase id (`say`)."""

    def __init__(self, volume: float = 0.8, voice: bool = True, enabled: bool = True, sounds_dir: Path = SOUNDS_DIR, voice_dir: Path = VOICE_DIR) -> None:
        self.volume = max(0.0, min(1.0, volume))
        self.voice = voice
        self.enabled = enabled
        self.available = False
        self.error = ""
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.voices: dict[str, pygame.mixer.Sound] = {}
        self._voice_channel: pygame.mixer.Channel | None = None
        if enabled:
            self._start(sounds_dir, voice_dir)

    def _start(self, sounds_dir: Path, voice_dir: Path) -> None:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=SAMPLE_RATE, size=-16, channels=1, buffer=512)
            pygame.mixer.set_num_channels(16)
            pygame.mixer.set_reserved(1)
            self._voice_channel = pygame.mixer.Channel(0)
            self.sounds = _load_dir(sounds_dir)
            self.voices = _load_dir(voice_dir)
            self.available = True
        except (pygame.error, OSError, ValueError) as exc:
            self.error = str(exc) or type(exc).__name__
            self.available = False
            print(f"wigglequest: sound is off ({self.error})", file=sys.stderr)
        self.set_volume(self.volume)

    def set_volume(self, volume: float) -> None:
        self.volume = max(0.0, min(1.0, volume))
        for snd in (*self.sounds.values(), *self.voices.values()):
            snd.set_volume(self.volume)

    def set_voice(self, on: bool) -> None:
        self.voice = on

    def play(self, name: str) -> bool:
        """Play an effect (see EFFECTS).  Returns whether anything was started."""
        if not (self.enabled and self.available):
            return False
        snd = self.sounds.get(name)
        if snd is None:
            return False
        try:
            snd.play()
        except pygame.error:
            return False
        return True

    def say(self, phrase_id: str) -> bool:
        """Speak a prompt: a CUES id, a number "1".."10", "3", "2", "1", "go", "well_done",
        "great_job", "come_back".  A new prompt cuts off the previous one."""
        if not (self.enabled and self.available and self.voice):
            return False
        snd = self.voices.get(phrase_id)
        if snd is None:
            return False
        try:
            if self._voice_channel is not None:
                self._voice_channel.play(snd)
            else:
                snd.play()
        except pygame.error:
            return False
        return True

    def stop(self) -> None:
        if self.available:
            try:
                pygame.mixer.stop()
            except pygame.error:
                pass


def _load_dir(folder: Path) -> dict[str, pygame.mixer.Sound]:
    out: dict[str, pygame.mixer.Sound] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.wav")):
        try:
            out[path.stem] = pygame.mixer.Sound(str(path))
        except pygame.error as exc:
            print(f"wigglequest: could not load {path.name}: {exc}", file=sys.stderr)
    return out
