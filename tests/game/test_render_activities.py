"""Every activity's play view draws, is a pure function of (view, t), and puts the right
colours in the right places."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from exercises import catalog
from exercises.api import ActivityView, Target
from game.render import activities as act
from game.render.activities import DRAWERS, draw_activity, time_fraction, token_centers, token_slots
from game.render.preview import HAND_MADE, sample
from game.theme import GREEN, INK, YELLOW, Theme

W, H = 640, 360
BG = (1, 2, 3)


def _surface() -> pygame.Surface:
    s = pygame.Surface((W, H))
    s.fill(BG)
    return s


def _rgb(surface: pygame.Surface, x: float, y: float) -> tuple[int, int, int]:
    c = surface.get_at((int(x), int(y)))
    return (c.r, c.g, c.b)


def _painted_share(surface: pygame.Surface) -> float:
    px = pygame.surfarray.array3d(surface)
    return float(np.mean(np.any(px != BG, axis=2)))


def test_every_catalog_activity_has_its_own_drawer() -> None:
    assert set(DRAWERS) == set(catalog.ids()) == set(HAND_MADE)
    assert len(set(DRAWERS.values())) == 13


@pytest.mark.parametrize("activity_id", catalog.ids())
def test_every_view_draws_something_and_drawing_is_pure(activity_id: str) -> None:
    theme = Theme.default()
    views = [HAND_MADE[activity_id], sample(activity_id).view]
    for view in views:
        for phase in ("waiting", "playing"):
            v = ActivityView(**{**view.__dict__, "phase": phase})
            a, b = _surface(), _surface()
            draw_activity(a, v, theme, 1.25)
            draw_activity(b, v, theme, 1.25)
            assert _painted_share(a) > 0.02, f"{activity_id} {phase}: almost nothing drawn"
            assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")
            assert v == ActivityView(**{**view.__dict__, "phase": phase})


@pytest.mark.parametrize("activity_id", catalog.ids())
def test_the_real_activity_fed_synthetic_frames_draws(activity_id: str) -> None:
    s = sample(activity_id)
    assert s.view.activity_id == activity_id
    surface = _surface()
    draw_activity(surface, s.view, Theme.default(), s.t)
    assert _painted_share(surface) > 0.02


def test_star_target_drawn_at_its_place_in_the_side_colour() -> None:
    theme = Theme.default()
    view = ActivityView("reach_stars", "playing", goal=5, targets=(
        Target(1, 0.25, 0.5, 0.08, "star", side="left"), Target(2, 0.75, 0.5, 0.08, "star", side="right")))
    surface = _surface()
    draw_activity(surface, view, theme, 0.0)
    r = 0.08 * H
    assert _rgb(surface, 0.25 * W, 0.5 * H + 0.3 * r) == theme.left
    assert _rgb(surface, 0.75 * W, 0.5 * H + 0.3 * r) == theme.right
    # nothing star-coloured where there is no star
    assert _rgb(surface, 0.5 * W, 0.5 * H) == BG


def test_progress_row_fills_one_token_per_rep() -> None:
    theme = Theme.default()
    view = ActivityView("jumping_jacks", "playing", count=3, goal=5)
    assert token_slots(view) == (3, 5)
    surface = _surface()
    act.draw_progress_row(surface, view, theme, 0.0)
    centers, r = token_centers(surface, 5)
    lit = [_rgb(surface, x, y + r * 0.3) for x, y in centers]
    assert lit[:3] == [YELLOW] * 3
    assert all(c != YELLOW for c in lit[3:])


def test_untimed_long_goal_uses_ten_slots_of_progress() -> None:
    assert token_slots(ActivityView("bubble_pop", "playing", count=30, goal=40, progress=0.75)) == (8, 10)
    assert token_slots(ActivityView("bubble_pop", "playing", goal=0, progress=0.5)) == (5, 10)


def test_time_bar_shrinks() -> None:
    theme = Theme.default()
    v = ActivityView("bubble_pop", "playing", goal=0, progress=0.5, time_left_s=30.0)
    assert time_fraction(v) == pytest.approx(0.5)
    assert time_fraction(ActivityView("bubble_pop", "playing")) is None
    assert time_fraction(ActivityView("x", "playing", goal=5, time_left_s=20.0, extra={"duration_s": 80})) == 0.25
    surface = _surface()
    act.draw_time_bar(surface, v, theme)
    y = int(H * 0.14 + H * 0.011)
    assert _rgb(surface, W * 0.3 + W * 0.4 * 0.2, y) == theme.left
    assert _rgb(surface, W * 0.3 + W * 0.4 * 0.8, y) != theme.left


def test_ready_ring_fills_green_from_the_top() -> None:
    theme = Theme.default()
    top = (W / 2, H * 0.5 - H * 0.2 + 2)
    empty, full = _surface(), _surface()
    draw_activity(empty, ActivityView("frog_squats", "waiting", ready=0.0), theme, 0.0)
    draw_activity(full, ActivityView("frog_squats", "waiting", ready=1.0), theme, 0.0)
    assert _rgb(full, *top) == GREEN
    assert _rgb(empty, *top) != GREEN


def test_cue_banner_shows_an_icon_at_the_bottom() -> None:
    theme = Theme.default()
    with_cue, without = _surface(), _surface()
    draw_activity(with_cue, ActivityView("frog_squats", "playing", cue="go_lower"), theme, 0.0)
    draw_activity(without, ActivityView("frog_squats", "playing"), theme, 0.0)
    band = (slice(int(W * 0.35), int(W * 0.65)), slice(int(H * 0.85), int(H * 0.95)))
    a = pygame.surfarray.array3d(with_cue)[band]
    b = pygame.surfarray.array3d(without)[band]
    assert np.mean(np.any(a != b, axis=2)) > 0.3


def test_air_trace_glows_where_covered() -> None:
    theme = Theme.default()
    path = tuple((0.2 + 0.6 * k / 20, 0.5) for k in range(21))
    covered = tuple(k <= 10 for k in range(21))
    view = ActivityView("air_trace", "playing", path=path, path_covered=covered)
    surface = _surface()
    draw_activity(surface, view, theme, 0.0)
    assert _rgb(surface, (0.2 + 0.6 * 5.5 / 20) * W, 0.5 * H) == YELLOW
    assert _rgb(surface, (0.2 + 0.6 * 15.5 / 20) * W, 0.5 * H) != YELLOW


def test_baskets_in_their_colours_and_bubbles_where_they_float() -> None:
    theme = Theme.default()
    view = ActivityView("pinch_and_sort", "playing", targets=(
        Target(10, 0.25, 0.7, 0.1, "basket", color=1), Target(11, 0.75, 0.7, 0.1, "basket", label="yellow", color=0)))
    surface = _surface()
    draw_activity(surface, view, theme, 0.0)
    r = 0.1 * H
    assert _rgb(surface, 0.25 * W - 0.5 * r, 0.7 * H + 0.35 * r) == theme.color(1)
    assert _rgb(surface, 0.75 * W - 0.5 * r, 0.7 * H + 0.35 * r) == YELLOW  # a colour label wins
    bubbles = ActivityView("bubble_pop", "playing", targets=(Target(1, 0.5, 0.5, 0.1, "bubble", color=2),))
    surface = _surface()
    draw_activity(surface, bubbles, theme, 0.0)
    rim = _rgb(surface, 0.5 * W + 0.1 * H - 2, 0.5 * H)
    assert rim == theme.color(2)


def test_finger_count_shows_the_number_and_turns_green_when_matched() -> None:
    theme = Theme.default()
    asked = ActivityView("finger_count", "playing", number=3, shown=2)
    matched = ActivityView("finger_count", "playing", number=3, shown=3)
    a, b = _surface(), _surface()
    draw_activity(a, asked, theme, 0.0)
    draw_activity(b, matched, theme, 0.0)
    card_edge = (W // 2, int(H * 0.19) + 3)
    assert _rgb(b, *card_edge) == GREEN
    assert _rgb(a, *card_edge) == INK


def _flashes(series: np.ndarray, threshold: float) -> int:
    """Opposing brightness changes of at least `threshold` (a rise then a fall, hysteresis)."""
    count, direction, anchor = 0, 0, series[0]
    for v in series[1:]:
        if direction >= 0 and v <= anchor - threshold:
            count += direction > 0
            direction, anchor = -1, v
        elif direction <= 0 and v >= anchor + threshold:
            count += direction < 0
            direction, anchor = 1, v
        elif (direction > 0 and v > anchor) or (direction < 0 and v < anchor):
            anchor = v
    return count


def test_flash_counter() -> None:
    t = np.arange(60) / 30
    assert _flashes(np.sin(2 * np.pi * 1.0 * t) * 50, 10) <= 4
    assert _flashes(np.sin(2 * np.pi * 5.0 * t) * 50, 10) >= 15


def test_nothing_flashes_more_than_three_times_a_second() -> None:
    """Sample every view at 30 fps for 2 s and check each of 16 screen regions: brightness may
    drift and pulse gently, but never swing up and down (by 10 levels) more than 3 times a second."""
    theme = Theme.default()
    for activity_id, view in HAND_MADE.items():
        frames = []
        for k in range(60):
            s = pygame.Surface((320, 180))
            draw_activity(s, view, theme, k / 30)
            lum = pygame.surfarray.array3d(s).astype(float) @ np.array([0.2126, 0.7152, 0.0722])
            frames.append(lum.reshape(4, 80, 4, 45).mean(axis=(1, 3)))
        cube = np.array(frames)  # (60, 4, 4)
        worst = max(_flashes(cube[:, i, j], 10.0) for i in range(4) for j in range(4))
        assert worst <= 6, f"{activity_id}: a region flashes {worst} times in 2 s"
