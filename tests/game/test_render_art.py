"""Avatars, stickers, cue icons, result stars and buttons: drawn, distinct, complete."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from exercises.events import CUES
from game.render import art
from game.theme import GREEN, YELLOW, Theme

BG = (1, 2, 3)


def _draw(fn, *args) -> np.ndarray:  # type: ignore[no-untyped-def]
    s = pygame.Surface((120, 120))
    s.fill(BG)
    fn(s, *args)
    return pygame.surfarray.array3d(s)


def _painted(px: np.ndarray) -> float:
    return float(np.mean(np.any(px != BG, axis=2)))


def _distinct(pictures: dict[str, np.ndarray]) -> None:
    names = list(pictures)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            differ = np.mean(np.any(pictures[a] != pictures[b], axis=2))
            assert differ > 0.05, f"{a} and {b} look the same"


def test_eight_avatars_each_their_own_face() -> None:
    assert len(art.AVATARS) == 8 and len(set(art.AVATARS)) == 8
    pics = {a: _draw(art.draw_avatar, a, (60, 60), 110) for a in art.AVATARS}
    assert all(_painted(p) > 0.5 for p in pics.values())
    _distinct(pics)


def test_at_least_twelve_distinct_stickers() -> None:
    assert len(art.STICKERS) >= 12 and len(set(art.STICKERS)) == len(art.STICKERS)
    pics = {s: _draw(art.draw_sticker, s, (60, 60), 110) for s in art.STICKERS}
    assert all(_painted(p) > 0.5 for p in pics.values())
    _distinct(pics)
    locked = _draw(lambda surf: art.draw_sticker(surf, "sun", (60, 60), 110, locked=True))
    assert np.mean(np.any(locked != pics["sun"], axis=2)) > 0.2


def test_an_icon_for_every_cue() -> None:
    pics = {c: _draw(art.draw_cue_icon, c, (60, 60), 110) for c in CUES}
    for cue, p in pics.items():
        inner = p[35:85, 35:85]
        assert len(np.unique(inner.reshape(-1, 3), axis=0)) >= 3, f"{cue}: empty badge"
    # a few pairs that must never be confused
    for a, b in (("use_left", "use_right"), ("step_back", "come_closer"), ("arms_higher", "arms_out"), ("great", "almost")):
        assert np.mean(np.any(pics[a] != pics[b], axis=2)) > 0.03, f"{a} vs {b}"


@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_result_stars_light_n_of_three(n: int) -> None:
    s = pygame.Surface((300, 160))
    s.fill(BG)
    art.draw_stars(s, n, (150, 80), 200)
    centres = [(150 - 105, 80 + 18), (150, 80), (150 + 105, 80 + 18)]
    lit = [tuple(s.get_at((int(x), int(y + 12)))[:3]) == YELLOW for x, y in centres]
    assert sum(lit) == n
    if n == 1:
        assert lit == [False, True, False]  # the big middle star first


def test_button_hold_ring_fills() -> None:
    theme = Theme.default()
    rect = pygame.Rect(20, 20, 300, 100)
    empty, half, full = (pygame.Surface((340, 140)) for _ in range(3))
    art.draw_button(empty, rect, "Play", "play", theme, 0.0)
    art.draw_button(half, rect, "Play", "play", theme, 0.5)
    art.draw_button(full, rect, "Play", "play", theme, 1.0)
    a, b, c = (pygame.surfarray.array3d(x) for x in (empty, half, full))
    green = [int(np.sum(np.all(x == GREEN, axis=2))) for x in (a, b, c)]
    assert green[0] < green[1] < green[2]


@pytest.mark.parametrize("icon", art.UI_ICONS)
def test_ui_icons_draw(icon: str) -> None:
    assert _painted(_draw(art.draw_ui_icon, icon, (60, 60), 100)) > 0.05


def test_draw_icon_knows_every_kind_of_name() -> None:
    for name in (art.AVATARS[0], art.STICKERS[0], "jump", "play", "something-unknown"):
        assert _painted(_draw(art.draw_icon, name, (60, 60), 100)) > 0.03
