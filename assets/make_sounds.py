"""Synthesise the game's sound effects with numpy and write them to assets/sounds/*.wav.

Every sound is made here from sine waves, gentle harmonics and seeded noise — no recordings,
nothing to license — so anyone can regenerate exactly the same files:

    python assets/make_sounds.py            # writes assets/sounds/<name>.wav
    python assets/make_sounds.py OUT_DIR

All files: 22050 Hz, mono, 16-bit PCM.  Design rules: soft attacks (no clicks), nothing harsh or
buzzy (children with sensory sensitivities play this), "try again" sounds are gentle and low,
peaks at most -3 dBFS.
"""

from __future__ import annotations

import sys
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

RATE = 22050
OUT = Path(__file__).resolve().parent / "sounds"


def _t(seconds: float) -> np.ndarray:
    return np.arange(int(RATE * seconds)) / RATE


def _env(n: int, attack: float = 0.005, release: float = 0.05) -> np.ndarray:
    """Linear fade in/out so no sound starts or stops with a click."""
    e = np.ones(n)
    a, r = max(1, int(attack * RATE)), max(1, int(release * RATE))
    e[:a] = np.linspace(0.0, 1.0, a)
    e[-r:] *= np.linspace(1.0, 0.0, r)
    return e


def _bell(freq: float, seconds: float, decay: float = 3.0) -> np.ndarray:
    """A soft bell: a sine plus a few quiet inharmonic partials, decaying exponentially."""
    t = _t(seconds)
    tone = np.sin(2 * np.pi * freq * t) + 0.3 * np.sin(2 * np.pi * freq * 2.0 * t) * np.exp(-decay * 2 * t)
    tone += 0.12 * np.sin(2 * np.pi * freq * 3.01 * t) * np.exp(-decay * 3 * t)
    return tone * np.exp(-decay * t) * _env(len(t), 0.003, 0.05)


def _note(freq: float, seconds: float, bright: float = 0.25) -> np.ndarray:
    """A rounded note (sine with a little 2nd/3rd harmonic), soft attack and release."""
    t = _t(seconds)
    tone = np.sin(2 * np.pi * freq * t) + bright * np.sin(4 * np.pi * freq * t) + bright * 0.4 * np.sin(6 * np.pi * freq * t)
    return tone * _env(len(t), 0.01, min(0.08, seconds / 3))


def _place(total: float, parts: list[tuple[float, np.ndarray]]) -> np.ndarray:
    out = np.zeros(int(RATE * total))
    for start, sig in parts:
        i = int(start * RATE)
        j = min(len(out), i + len(sig))
        out[i:j] += sig[: j - i]
    return out


def _lowpass(x: np.ndarray, alpha: float) -> np.ndarray:
    """One-pole low-pass (alpha 0..1, smaller is darker); vectorised enough for short sounds."""
    y = np.empty_like(x)
    acc = 0.0
    for i, v in enumerate(x):
        acc += alpha * (v - acc)
        y[i] = acc
    return y


def pop() -> np.ndarray:
    """A bubble pop: a quick downward pitch blip with a tiny soft click."""
    t = _t(0.14)
    freq = 900 * np.exp(-t * 22) + 260
    phase = 2 * np.pi * np.cumsum(freq) / RATE
    body = np.sin(phase) * np.exp(-t * 30)
    rng = np.random.default_rng(1)
    click = _lowpass(rng.normal(0, 1, len(t)), 0.3) * np.exp(-t * 250) * 0.6
    return (body + click) * _env(len(t), 0.001, 0.02)


def chime() -> np.ndarray:
    """A bright two-note 'ding-ding' for a success."""
    return _place(1.0, [(0.0, _bell(1046.5, 0.9)), (0.09, _bell(1318.5, 0.9))])


def whoosh() -> np.ndarray:
    """Air moving past: noise with a rising-then-falling brightness."""
    t = _t(0.5)
    rng = np.random.default_rng(2)
    noise = rng.normal(0, 1, len(t))
    out = np.zeros_like(noise)
    acc = 0.0
    for i, v in enumerate(noise):  # sweep the filter opening
        a = 0.04 + 0.35 * np.sin(np.pi * i / len(t)) ** 2
        acc += a * (v - acc)
        out[i] = acc
    return out * np.sin(np.pi * t / t[-1]) ** 2


def tick() -> np.ndarray:
    """A soft wood-block tick for countdowns and hovering."""
    t = _t(0.06)
    return (np.sin(2 * np.pi * 1800 * t) * 0.6 + np.sin(2 * np.pi * 900 * t)) * np.exp(-t * 90) * _env(len(t), 0.001, 0.01)


def cheer() -> np.ndarray:
    """A happy rising arpeggio with sparkles: the end of an activity."""
    notes = [523.25, 659.25, 783.99, 1046.5]
    parts = [(0.11 * k, _note(f, 0.35 if k < 3 else 0.8, 0.3)) for k, f in enumerate(notes)]
    parts += [(0.33, _note(659.25, 0.8, 0.2) * 0.6), (0.33, _note(783.99, 0.8, 0.2) * 0.6)]
    parts += [(0.5 + 0.07 * k, _bell(2093.0 * (1 + 0.12 * (k % 3)), 0.4, 8.0) * 0.25) for k in range(6)]
    return _place(1.3, parts)


def soft_oops() -> np.ndarray:
    """'Try again': two low, round notes sliding down a little.  Gentle, never a buzzer."""
    return _place(0.7, [(0.0, _note(392.0, 0.25, 0.05)), (0.2, _note(329.63, 0.45, 0.05))]) * 0.55


def countdown() -> np.ndarray:
    """One 3-2-1 beep: a soft rounded tone."""
    return _note(659.25, 0.22, 0.1) * np.exp(-_t(0.22) * 3)


def countdown_go() -> np.ndarray:
    """'Go!': higher and longer than the countdown beeps."""
    return _place(0.6, [(0.0, _note(987.77, 0.5, 0.15)), (0.0, _note(1318.5, 0.5, 0.1) * 0.4)])


def sticker() -> np.ndarray:
    """Sticker fanfare: a little trumpet-like 'ta-da-daa' and a glittery tail."""
    parts = [
        (0.0, _note(523.25, 0.14, 0.45)),
        (0.15, _note(523.25, 0.14, 0.45)),
        (0.3, _note(783.99, 0.7, 0.45)),
        (0.3, _note(659.25, 0.7, 0.3) * 0.6),
    ]
    parts += [(0.55 + 0.06 * k, _bell(1567.98 * (1 + 0.25 * (k % 4)), 0.35, 9.0) * 0.3) for k in range(8)]
    return _place(1.4, parts)


SOUNDS: dict[str, Callable[[], np.ndarray]] = {
    "pop": pop,
    "chime": chime,
    "whoosh": whoosh,
    "tick": tick,
    "cheer": cheer,
    "soft_oops": soft_oops,
    "countdown": countdown,
    "countdown_go": countdown_go,
    "sticker": sticker,
}
PEAK = {"soft_oops": 0.4, "tick": 0.5, "whoosh": 0.5}  # quieter than the -3 dBFS default


def to_pcm16(signal: np.ndarray, peak: float = 0.707) -> bytes:
    """Normalise to `peak` of full scale and convert to 16-bit little-endian PCM."""
    m = float(np.max(np.abs(signal))) or 1.0
    return (signal / m * peak * 32767).astype("<i2").tobytes()


def write_wav(path: Path, pcm: bytes) -> None:
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(pcm)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        write_wav(out / f"{name}.wav", to_pcm16(make(), PEAK.get(name, 0.707)))
        print(f"{out / name}.wav")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
