"""`wigglequest track`, `record` and `doctor`: the tracking layer from the command line.

Heavy imports (cv2, mediapipe, pygame) happen inside the handlers so other commands start fast.
"""

from __future__ import annotations

import argparse
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any

from game.errors import CliError

Handler = Callable[[argparse.Namespace], int]


def silences_native_stderr(handler: Handler) -> Handler:
    """Run a command with native libraries' stderr chatter silenced (tracking.quiet), so it
    prints only its own output.  Imported lazily: every command's start-up stays light."""

    @wraps(handler)
    def run(args: argparse.Namespace) -> int:
        from tracking.quiet import native_stderr_silenced

        with native_stderr_silenced():
            return handler(args)

    return run

CAMERA_INDICES = range(4)


def parse_workers(value: str | None) -> int | None:
    """`--workers N` as a number of worker threads (None: the default for this machine)."""
    if value is None:
        return None
    try:
        workers = int(value)
    except ValueError:
        workers = 0
    if not 1 <= workers <= 64:
        raise CliError(f"--workers must be a whole number from 1 to 64, got {value!r}")
    return workers


def register(subparsers: Any) -> None:
    track = subparsers.add_parser(
        "track", help="track a video file and write a landmark recording",
        description="Run the real tracker over a video file as fast as this machine can, write "
                    "a landmark recording and print a summary.",
    )
    track.add_argument("video", help="video file (mp4, avi, mov, ...)")
    track.add_argument("-o", "--output", metavar="OUT",
                       help="recording to write (default: VIDEO name + .landmarks.jsonl here)")
    track.add_argument("--hands", action="store_true", help="track hands as well as the body")
    track.add_argument("--no-smooth", action="store_true", help="write raw, unsmoothed landmarks")
    track.add_argument("--workers", default=None, metavar="N",
                       help="track in N parallel chunks, written back in order (default: "
                            "min(2, CPU cores); 1 = one after another, for exact reproducibility)")
    track.set_defaults(func=track_command)

    record = subparsers.add_parser(
        "record", help="record landmarks (never pictures) from a webcam",
        description="Record body (and hand) landmarks from a webcam; no picture is stored.",
    )
    record.add_argument("--camera", type=int, default=0, metavar="N", help="camera index (default 0)")
    record.add_argument("-o", "--output", metavar="OUT",
                        help="recording to write (default: cameraN-DATE-TIME.landmarks.jsonl here)")
    record.add_argument("--seconds", type=float, default=None, metavar="S",
                        help="stop after S seconds (default: when you press Ctrl-C)")
    record.add_argument("--hands", action="store_true", help="track hands as well as the body")
    record.add_argument("--no-smooth", action="store_true", help="record raw, unsmoothed landmarks")
    record.set_defaults(func=record_command)

    doctor = subparsers.add_parser(
        "doctor", help="check cameras, models, speed, display, sound and the data folder",
        description="Check that this computer can run Wiggle Quest; prints a fix for each problem.",
    )
    doctor.add_argument("--cameras", type=int, default=len(CAMERA_INDICES), metavar="N",
                        help="check camera indices 0..N-1 (default 4)")
    doctor.set_defaults(func=doctor_command)


# ------------------------------------------------------------------------------------ track
def _build_estimator(needs: str) -> Any:
    from tracking.estimators import EstimatorError, make_estimator

    try:
        return make_estimator(needs)
    except EstimatorError as exc:
        raise CliError(str(exc)) from None
    except (ImportError, RuntimeError) as exc:
        raise CliError(f"the MediaPipe models could not be loaded ({exc}); "
                       "run `wigglequest doctor`") from None


def _open_writer(out: Path, source: Any, **extra: Any) -> Any:
    from tracking.recording import RecordingWriter

    try:
        return RecordingWriter(out, source=source.name, fps=source.fps,
                               image_size=source.image_size, **extra)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None


def _share(count: int, total: int) -> str:
    return f"{count}/{total} frames ({100.0 * count / total if total else 0.0:.1f}%)"


@silences_native_stderr
def track_command(args: argparse.Namespace) -> int:
    from tracking.estimators import EstimatorError
    from tracking.offline import OfflineTracker
    from tracking.sources.base import SourceError

    video = Path(args.video)
    workers = parse_workers(args.workers)
    needs = "both" if args.hands else "body"
    tracker = OfflineTracker(video, needs, smooth=not args.no_smooth, workers=workers)
    try:
        tracker.open()
    except SourceError as exc:
        raise CliError(str(exc)) from None
    out = Path(args.output) if args.output else Path.cwd() / f"{video.stem}.landmarks.jsonl"
    if out.resolve() == video.resolve():
        raise CliError(f"the recording would overwrite the video itself: {out}")
    try:
        tracker.load()
    except EstimatorError as exc:
        raise CliError(str(exc)) from None
    except (ImportError, RuntimeError) as exc:
        raise CliError(f"the MediaPipe models could not be loaded ({exc}); "
                       "run `wigglequest doctor`") from None
    body = hands = total = 0
    started = time.monotonic()
    try:
        with _open_writer(out, tracker.source, needs=needs, smoothed=not args.no_smooth) as writer:
            for frame in tracker.frames():  # in file order, whatever the number of workers
                writer.write(frame)
                total += 1
                body += frame.body is not None
                hands += bool(frame.hands)
    except SourceError as exc:
        raise CliError(str(exc)) from None
    finally:
        tracker.close()
    elapsed = time.monotonic() - started
    stats = tracker.stats()
    print(f"tracked {video.name}: {total} frames in {elapsed:.1f} s "
          f"({total / elapsed if elapsed else 0.0:.1f} fps processing)")
    print(f"body found in {_share(body, total)}")
    if args.hands:
        print(f"hands found in {_share(hands, total)}")
    print(f"inference ms p50 {stats.inference_ms_p50:.1f}, p95 {stats.inference_ms_p95:.1f}")
    print(f"wrote {out}")
    return 0


# ----------------------------------------------------------------------------------- record
@dataclass
class _SafeWriter:
    """Writes frames from the tracker thread; ignores frames that arrive after closing."""

    writer: Any
    lock: threading.Lock
    closed: bool = False
    body: int = 0

    def write(self, frame: Any) -> None:
        with self.lock:
            if not self.closed:
                self.writer.write(frame)
                self.body += frame.body is not None

    def close(self) -> None:
        with self.lock:
            self.closed = True
            self.writer.close()


@silences_native_stderr
def record_command(args: argparse.Namespace) -> int:
    from tracking.sources.base import SourceError
    from tracking.sources.webcam import WebcamSource
    from tracking.tracker import Tracker

    if args.seconds is not None and args.seconds <= 0:
        raise CliError("--seconds must be more than 0")
    source = WebcamSource(args.camera)
    try:
        source.open()
    except SourceError as exc:
        raise CliError(str(exc)) from None
    needs = "both" if args.hands else "body"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = Path(args.output) if args.output else Path.cwd() / f"camera{args.camera}-{stamp}.landmarks.jsonl"
    try:
        estimator = _build_estimator(needs)
        writer = _SafeWriter(_open_writer(out, source, needs=needs, smoothed=not args.no_smooth),
                             threading.Lock())
    except CliError:
        source.close()
        raise
    tracker = Tracker(source, lambda: estimator, smooth=not args.no_smooth, keep_image=False,
                      on_frame=writer.write, live=True)
    limit = f" for {args.seconds:g} s" if args.seconds else "; press Ctrl-C to stop"
    print(f"recording landmarks (no pictures) from camera {args.camera}{limit}")
    started = time.monotonic()
    status = ""
    tracker.start()
    try:
        while args.seconds is None or time.monotonic() - started < args.seconds:
            stats = tracker.stats()
            if stats.status != status:
                status = stats.status
                if status == "camera lost":
                    print(f"camera lost ({stats.error}); retrying every second")
                elif status == "error":
                    break
            time.sleep(0.1)
    except KeyboardInterrupt:
        pass
    finally:
        tracker.stop()
        writer.close()
    stats = tracker.stats()
    if stats.status == "error":
        raise CliError(f"recording stopped: {stats.error}")
    total = writer.writer.frames_written
    print(f"recorded {total} frames in {time.monotonic() - started:.1f} s; "
          f"body found in {_share(writer.body, total)}")
    print(f"inference ms p50 {stats.inference_ms_p50:.1f}, p95 {stats.inference_ms_p95:.1f}; "
          f"frames dropped {stats.frames_dropped}")
    print(f"wrote {out}")
    return 0


# ----------------------------------------------------------------------------------- doctor
@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    essential: bool = False


def _check_cameras(count: int) -> Check:
    from tracking.sources.base import SourceError
    from tracking.sources.webcam import WebcamSource

    if count <= 0:
        return Check("camera", True, "not checked")
    found = []
    for index in range(count):
        source = WebcamSource(index)
        try:
            source.open()
            grab = source.read()
            if grab is None or grab.image is None:
                continue
            w, h = source.image_size
            found.append(f"{index} ({w}x{h})")
        except SourceError:
            continue
        finally:
            source.close()
    if found:
        return Check("camera", True, "found camera " + ", ".join(found))
    return Check("camera", False, f"no working camera at indices 0-{count - 1}",
                 "plug in a webcam and close other programs using it; "
                 "until then you can play with the mouse")


def _check_models_and_speed() -> list[Check]:
    import numpy as np

    from tracking.camera_image import CameraImage
    from tracking.estimators import HandsEstimator, PoseEstimator
    from tracking.testclips import person_motion, person_photo, render_person_frame

    checks = []
    models: dict[str, Any] = {}
    for name, build in (("pose", PoseEstimator), ("hands", HandsEstimator)):
        started = time.monotonic()
        try:
            models[name] = build()
            checks.append(Check(f"{name} model", True, f"loads ({time.monotonic() - started:.1f} s)"))
        except Exception as exc:  # any failure here is worth reporting, not crashing on
            checks.append(Check(f"{name} model", False, f"does not load: {exc}",
                                "reinstall with `make clean && make play` (needs mediapipe==0.10.21); "
                                "mouse mode still works"))
    try:
        scale, offset = person_motion(1, (640, 480))
        picture = render_person_frame(person_photo(), float(scale[0]), tuple(offset[0]), (640, 480))
    except OSError:
        picture = np.full((480, 640, 3), 128, np.uint8)
    for name, model in models.items():
        times = []
        for _ in range(15):
            image = CameraImage(picture)  # fresh, so conversions are timed too
            started = time.monotonic()
            model.process(image)
            times.append((time.monotonic() - started) * 1000.0)
        model.close()
        p50 = float(np.percentile(times, 50))
        if p50 <= 45:
            checks.append(Check(f"{name} speed", True, f"{p50:.0f} ms per frame: smooth"))
        elif p50 <= 90:
            checks.append(Check(f"{name} speed", True, f"{p50:.0f} ms per frame: playable, a bit slow"))
        else:
            checks.append(Check(f"{name} speed", False, f"{p50:.0f} ms per frame: too slow for "
                                "smooth play", "close other programs, plug in the charger, or use "
                                "a faster computer"))
    return checks


def _check_display() -> Check:
    try:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        if pygame.display.get_init():  # already running (inside the game): just look
            return Check("display", True, f"works (SDL video driver: {pygame.display.get_driver()})",
                         essential=True)
        pygame.display.init()
        try:
            pygame.display.set_mode((64, 64), pygame.HIDDEN)
            driver = pygame.display.get_driver()
        finally:
            pygame.display.quit()
        return Check("display", True, f"works (SDL video driver: {driver})", essential=True)
    except Exception as exc:
        return Check("display", False, f"cannot open a window: {exc}",
                     "run Wiggle Quest inside a desktop session (a logged-in screen)",
                     essential=True)


def _check_sound() -> Check:
    try:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        audio = os.environ.get("SDL_AUDIODRIVER") or "default"
        if pygame.mixer.get_init():  # already running: leave it alone
            return Check("sound", True, f"works (SDL audio driver: {audio})")
        pygame.mixer.init()
        try:
            if not pygame.mixer.get_init():
                raise RuntimeError("mixer did not start")
        finally:
            pygame.mixer.quit()
        return Check("sound", True, f"works (SDL audio driver: {audio})")
    except Exception as exc:
        return Check("sound", False, f"no sound: {exc}",
                     "check that speakers or headphones are connected and not in use by another "
                     "program; the game still plays without sound")


def _check_data_dir() -> Check:
    from logbook.paths import data_dir_path

    path = data_dir_path()
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".doctor-{os.getpid()}"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
        return Check("data folder", True, f"writable: {path}", essential=True)
    except OSError as exc:
        return Check("data folder", False, f"cannot write to {path}: {exc.strerror or exc}",
                     "set WIGGLEQUEST_DATA_DIR to a folder you can write to", essential=True)


def run_checks(camera_count: int = len(CAMERA_INDICES)) -> list[Check]:
    steps: list[Callable[[], Check | list[Check]]] = [
        lambda: _check_cameras(camera_count), _check_models_and_speed, _check_display,
        _check_sound, _check_data_dir,
    ]
    checks: list[Check] = []
    for step in steps:
        result = step()
        checks.extend(result if isinstance(result, list) else [result])
    return checks


@silences_native_stderr
def doctor_command(args: argparse.Namespace) -> int:
    print("Wiggle Quest doctor")
    checks = run_checks(max(0, args.cameras))
    width = max(len(c.name) for c in checks)
    for c in checks:
        print(f"  {'ok' if c.ok else 'PROBLEM':7}  {c.name:{width}}  {c.detail}")
        if not c.ok and c.fix:
            print(f"  {'':7}  {'':{width}}  fix: {c.fix}")
    broken = [c for c in checks if c.essential and not c.ok]
    camera_ok = all(c.ok for c in checks if c.name in ("camera", "pose model"))
    if broken:
        print("Result: cannot play yet; fix the problems marked above.")
        return 1
    if camera_ok:
        print("Result: ready to play.")
    else:
        print("Result: ready to play with the mouse; camera games need the fixes above.")
    return 0
