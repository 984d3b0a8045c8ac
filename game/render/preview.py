"""Play-scene pictures of every activity without a camera: for looking at the art and for the
golden screenshot tests.

Each activity is fed its own synthetic motion script (tracking.synthetic.motions) through the
real activity from exercises.catalog, stopped part-way, and its view drawn over the backdrop
with the child's synthetic skeleton/hands — exactly what the play scene shows.  Where an
activity module is missing, a hand-made view stands in, so the art can be checked early.

    python -m game.render.preview OUT_DIR      # writes play_<id>.png for all 13 activities
    python -m game.render.preview --bench      # ms per draw_activity / overlay / camera frame
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pygame

from exercises import catalog
from exercises.api import ActivityView, Target
from game.render.activities import draw_activity
from game.render.camera import CameraLayer
from game.render.overlay import draw_body, draw_hands
from game.theme import Theme
from tracking.frame import PoseFrame

SIZE = (1280, 720)

# activity -> (motion script, keyword args, share of the script's duration to stop at)
SCRIPTS: dict[str, tuple[str, dict[str, object], float]] = {
    "jumping_jacks": ("jumping_jacks", {}, 0.55),
    "arm_raises": ("arm_raises", {}, 0.55),
    "reach_stars": ("reach_sequence", {}, 0.5),
    "flamingo_balance": ("one_leg_stand", {}, 0.6),
    "frog_squats": ("squats", {}, 0.55),
    "bunny_hops": ("bunny_hops", {}, 0.55),
    "march_in_place": ("march", {}, 0.55),
    "copy_the_pose": ("pose_sequence", {}, 0.45),
    "bubble_pop": ("pinch_cycles", {}, 0.55),
    "air_trace": ("trace_shape", {}, 0.6),
    "finger_count": ("show_fingers", {}, 0.52),
    "finger_taps": ("finger_taps", {}, 0.55),
    "pinch_and_sort": ("pinch_and_carry", {}, 0.5),
}


@dataclass(frozen=True)
class Sample:
    view: ActivityView
    frame: PoseFrame | None
    t: float
    real: bool  # True: the view came from the real activity


def _frames(activity_id: str) -> list[PoseFrame]:
    from tracking.synthetic.motions import script
    from tracking.synthetic.source import SyntheticSource

    name, kwargs, _ = SCRIPTS[activity_id]
    return SyntheticSource(script(name, **kwargs), seed=0).frames()


def sample(activity_id: str, share: float | None = None, level: int = 1) -> Sample:
    """One moment of an activity, from its real module where it exists."""
    stop = SCRIPTS[activity_id][2] if share is None else share
    try:
        frames = _frames(activity_id)
    except Exception:  # noqa: BLE001 - a missing or broken script must not stop a picture
        frames = []
    frame = frames[int(len(frames) * stop)] if frames else None
    try:
        activity = catalog.create(activity_id)
    except Exception:  # noqa: BLE001 - module not written yet
        activity = None
    if activity is not None and frames:
        activity.start(catalog.resolve_params(activity_id, level), frames[0].t)
        last = frames[0]
        for f in frames[: int(len(frames) * stop) + 1]:
            activity.update(f, f.t)
            last = f
            if activity.finished:
                break
        return Sample(activity.view(), last, last.t, True)
    view = HAND_MADE[activity_id]
    return Sample(view, frame, frame.t if frame else 0.0, False)


def _ring(n: int, cx: float, cy: float, rx: float, ry: float) -> list[tuple[float, float]]:
    import math

    return [(cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n)) for k in range(n)]


def _star_path() -> tuple[tuple[float, float], ...]:
    import math

    pts = []
    for k in range(11):
        r = 0.3 if k % 2 == 0 else 0.13
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((0.5 + r * math.cos(a) * 720 / 1280, 0.5 + r * math.sin(a)))
    out: list[tuple[float, float]] = []
    for a, b in zip(pts, pts[1:], strict=False):
        for j in range(6):
            u = j / 6
            out.append((a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u))
    out.append(pts[-1])
    return tuple(out)


_PATH = _star_path()

HAND_MADE: dict[str, ActivityView] = {
    "jumping_jacks": ActivityView("jumping_jacks", "playing", count=4, goal=10, progress=0.4, time_left_s=40.0, cue="arms_higher"),
    "arm_raises": ActivityView("arm_raises", "playing", count=3, goal=8, progress=0.375, side="left", time_left_s=50.0),
    "reach_stars": ActivityView("reach_stars", "playing", count=2, goal=8, progress=0.25, time_left_s=45.0, targets=(
        Target(1, 0.28, 0.3, 0.07, "star", side="left"), Target(2, 0.72, 0.25, 0.07, "star", side="right"),
        Target(3, 0.5, 0.2, 0.07, "star", state="hit"))),
    "flamingo_balance": ActivityView("flamingo_balance", "playing", count=1, goal=3, progress=0.4, side="left", hold=0.6, sway=0.3, time_left_s=30.0, cue="hold_still"),
    "frog_squats": ActivityView("frog_squats", "playing", count=2, goal=6, progress=0.33, time_left_s=50.0, cue="go_lower"),
    "bunny_hops": ActivityView("bunny_hops", "playing", count=5, goal=10, progress=0.5, time_left_s=35.0),
    "march_in_place": ActivityView("march_in_place", "playing", count=7, goal=12, progress=0.58, side="right", time_left_s=30.0),
    "copy_the_pose": ActivityView("copy_the_pose", "playing", count=1, goal=4, progress=0.25, pose_card="star", match=0.6, hold=0.3, time_left_s=60.0, cue="copy_pose"),
    "bubble_pop": ActivityView("bubble_pop", "playing", count=6, goal=12, progress=0.5, time_left_s=40.0, pointer=(0.62, 0.5), pinching=True, targets=tuple(
        Target(k, x, y, 0.06 + 0.01 * (k % 3), "bubble", color=k) for k, (x, y) in enumerate(_ring(6, 0.5, 0.5, 0.3, 0.25)))),
    "air_trace": ActivityView("air_trace", "playing", count=0, goal=1, progress=0.45, time_left_s=40.0, path=_PATH,
                              path_covered=tuple(k < len(_PATH) * 0.45 for k in range(len(_PATH))), pointer=_PATH[int(len(_PATH) * 0.45)], side="right", cue="follow_path"),
    "finger_count": ActivityView("finger_count", "playing", count=2, goal=5, progress=0.4, number=3, shown=2, time_left_s=40.0, cue="show_fingers"),
    "finger_taps": ActivityView("finger_taps", "playing", count=5, goal=12, progress=0.42, number=2, side="right", time_left_s=40.0, cue="tap_next"),
    "pinch_and_sort": ActivityView("pinch_and_sort", "playing", count=3, goal=8, progress=0.375, pointer=(0.45, 0.42), pinching=True, time_left_s=50.0, targets=(
        Target(10, 0.2, 0.8, 0.1, "basket", color=0), Target(11, 0.5, 0.82, 0.1, "basket", color=1), Target(12, 0.8, 0.8, 0.1, "basket", color=2),
        Target(1, 0.45, 0.42, 0.045, "object", state="held", label="ball", color=1), Target(2, 0.3, 0.3, 0.045, "object", label="block", color=0),
        Target(3, 0.7, 0.35, 0.045, "object", label="star", color=2))),
}


def compose_play(surface: pygame.Surface, s: Sample, theme: Theme, camera: CameraLayer | None = None) -> None:
    """Everything the play scene draws, in its order: picture, skeleton/hands, activity."""
    (camera or CameraLayer(theme)).draw(surface)
    if s.frame is not None:
        draw_body(surface, s.frame, theme)
        draw_hands(surface, s.frame, theme)
    draw_activity(surface, s.view, theme, s.t)


def render(activity_id: str, theme: Theme | None = None, size: tuple[int, int] = SIZE) -> tuple[pygame.Surface, Sample]:
    theme = theme or Theme.default()
    s = sample(activity_id)
    surface = pygame.Surface(size)
    compose_play(surface, s, theme)
    return surface, s


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--bench"]:
        return bench()
    if len(args) != 1:
        print("usage: python -m game.render.preview OUT_DIR | --bench", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    pygame.init()
    theme = Theme.default()
    for activity_id in catalog.ids():
        surface, s = render(activity_id, theme)
        pygame.image.save(surface, str(out / f"play_{activity_id}.png"))
        print(f"{activity_id}: {'real activity' if s.real else 'hand-made view'} phase={s.view.phase} count={s.view.count}")
    return 0


def bench(repeats: int = 120) -> int:
    """Median milliseconds per draw at 1280x720 on a display-format surface."""
    import os
    import time

    import numpy as np

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.display.init()
    screen = pygame.display.set_mode(SIZE)
    theme = Theme.default()

    def median_ms(fn) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return 1000 * sorted(times)[len(times) // 2]

    worst = 0.0
    for activity_id in catalog.ids():
        s = sample(activity_id)
        play = ActivityView(**{**s.view.__dict__, "phase": "playing"})
        ms = median_ms(lambda v=play, t=s.t: draw_activity(screen, v, theme, t))
        ov = median_ms(lambda f=s.frame: (draw_body(screen, f, theme), draw_hands(screen, f, theme)))
        worst = max(worst, ms)
        print(f"{activity_id:18s} draw_activity {ms:5.2f} ms   skeleton/hands {ov:5.2f} ms")
    cam = CameraLayer(theme)
    img = np.random.default_rng(0).integers(0, 255, (480, 640, 3), dtype=np.uint8)
    cam.set_size(SIZE)
    seq = iter(range(10**9))
    convert = median_ms(lambda: cam.set_image(img, next(seq)))
    blit = median_ms(lambda: cam.draw(screen))
    print(f"camera: convert 640x480 -> 1280x720 once per frame {convert:.2f} ms, blit per draw {blit:.2f} ms")
    print(f"worst draw_activity {worst:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def art_sheet(theme: Theme | None = None) -> pygame.Surface:
    """Every figure, cue icon, avatar, sticker, star count and a button on one sheet."""
    from exercises.events import CUES
    from game.render import art
    from game.render.figures import FIGURES, draw_figure, draw_hand_icon, fingers_for_count

    theme = theme or Theme.default()
    surface = pygame.Surface((1600, 1200))
    surface.fill((60, 80, 120))
    x, y = 70, 70
    for name, fig in FIGURES.items():
        pygame.draw.rect(surface, (250, 247, 238), (x - 55, y - 60, 110, 120), border_radius=14)
        draw_figure(surface, fig, (x, y), 100, (20, 24, 44), theme.left, theme.right)
        surface.blit(theme.label(name, 16, (255, 255, 255)), (x - 50, y + 62))
        x += 125
        if x > 1550:
            x, y = 70, y + 150
    x, y = 70, y + 160
    for n in range(6):
        draw_hand_icon(surface, (x, y), 110, fingers_for_count(n), side="right" if n % 2 else "left", highlight=n - 1 if n else None)
        x += 125
    y += 140
    x = 60
    for cue in CUES:
        art.draw_cue_icon(surface, cue, (x, y), 100, theme)
        surface.blit(theme.label(cue, 14, (255, 255, 255)), (x - 48, y + 52))
        x += 110
        if x > 1550:
            x, y = 60, y + 125
    y += 130
    x = 60
    for a in art.AVATARS:
        art.draw_avatar(surface, a, (x, y), 100)
        x += 110
    for st in art.STICKERS[:6]:
        art.draw_sticker(surface, st, (x, y), 100)
        x += 110
    y += 115
    x = 60
    for st in art.STICKERS[6:]:
        art.draw_sticker(surface, st, (x, y), 100)
        x += 110
    for n in range(4):
        art.draw_stars(surface, n, (x + 60, y), 110)
        x += 150
    art.draw_button(surface, pygame.Rect(x - 30, y - 45, 260, 90), "Play", "play", theme, 0.6)
    return surface
