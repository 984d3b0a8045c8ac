"""Generate the spoken prompts with espeak-ng and write them to assets/voice/<id>.wav.

One prompt per cue id in exercises.events.CUES (the same short words the screen shows), the
numbers 1-10 for finger_count and the 3-2-1 countdown, "go", and a few words of praise.  The
generated files are committed, so the game never needs espeak at run time.  To regenerate:

    apt-get update && apt-get install -y espeak-ng
    python assets/make_voice.py             # writes assets/voice/<id>.wav
    python assets/make_voice.py OUT_DIR

Voice: espeak-ng's English voice with the "f3" variant, slower than default (rate 135 words
a minute) and higher (pitch 70), which children found friendlier than the default.  Each clip is
trimmed of silence, faded in and out, normalised to -3 dBFS, written as 22050 Hz mono 16-bit.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np

RATE = 22050
OUT = Path(__file__).resolve().parent / "voice"
VOICE = "en-us+f3"
SPEED = 135  # words per minute (espeak default 175)
PITCH = 70  # 0..99 (default 50)
NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
EXTRA: dict[str, str] = {
    "go": "Go!",
    "well_done": "Well done!",
    "great_job": "Great job!",
    "try_again": "Let's try again!",
    "sticker": "You got a sticker!",
    "hello": "Hello! Let's wiggle!",
    "all_done": "All done!",
}


def phrases() -> dict[str, str]:
    """Prompt id -> the words spoken."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from exercises.events import CUES

    out = dict(CUES)
    out.update({str(k + 1): f"{w.capitalize()}!" for k, w in enumerate(NUMBERS)})
    out.update(EXTRA)
    return out


def speak(words: str) -> np.ndarray:
    """espeak-ng's samples for `words` as float -1..1 at RATE."""
    wav = subprocess.run(
        ["espeak-ng", "-v", VOICE, "-s", str(SPEED), "-p", str(PITCH), "-a", "160", "--stdout", words],
        check=True, capture_output=True,
    ).stdout
    with wave.open(io.BytesIO(wav)) as f:
        rate, width, channels = f.getframerate(), f.getsampwidth(), f.getnchannels()
        frames = f.readframes(f.getnframes())
    if width != 2:
        raise SystemExit(f"make_voice: espeak-ng gave {width * 8}-bit audio, expected 16-bit")
    x = np.frombuffer(frames, "<i2").astype(np.float64) / 32768.0
    if channels > 1:
        x = x.reshape(-1, channels).mean(axis=1)
    if rate != RATE:  # linear resampling is plenty for speech prompts
        n = int(len(x) * RATE / rate)
        x = np.interp(np.linspace(0, len(x) - 1, n), np.arange(len(x)), x)
    return x


def tidy(x: np.ndarray, threshold: float = 0.01, pad_s: float = 0.03) -> np.ndarray:
    """Trim leading/trailing silence, fade the ends, normalise the peak to -3 dBFS."""
    loud = np.nonzero(np.abs(x) > threshold)[0]
    if len(loud):
        pad = int(pad_s * RATE)
        x = x[max(0, loud[0] - pad) : loud[-1] + pad]
    fade = min(len(x) // 4, int(0.01 * RATE))
    if fade > 0:
        x = x.copy()
        x[:fade] *= np.linspace(0, 1, fade)
        x[-fade:] *= np.linspace(1, 0, fade)
    peak = float(np.max(np.abs(x))) or 1.0
    return x / peak * 0.707


def write(path: Path, x: np.ndarray) -> None:
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes((x * 32767).astype("<i2").tobytes())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if shutil.which("espeak-ng") is None:
        print("make_voice: espeak-ng not found; install it with: apt-get install -y espeak-ng", file=sys.stderr)
        return 2
    out = Path(args[0]) if args else OUT
    out.mkdir(parents=True, exist_ok=True)
    for pid, words in phrases().items():
        write(out / f"{pid}.wav", tidy(speak(words)))
        print(f"{pid}: {words}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
