"""The camera layer: exact softening and mirroring, converted once per new frame."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.render.camera import DESATURATE, DIM, LIFT, CameraLayer, soften
from game.theme import Theme


def _halves(w: int = 64, h: int = 48) -> np.ndarray:
    """Left half pure red, right half pure blue (BGR)."""
    img = np.zeros((h, w, 3), np.uint8)
    img[:, : w // 2] = (0, 0, 255)
    img[:, w // 2 :] = (255, 0, 0)
    return img


def _expected(bgr: tuple[int, int, int]) -> np.ndarray:
    b, g, r = bgr
    grey = round(0.299 * r + 0.587 * g + 0.114 * b)
    c = np.array(bgr, float)
    return np.clip(c * (1 - DESATURATE) * DIM + grey * DESATURATE * DIM + LIFT, 0, 255)


def test_soften_mirrors_and_softens_exactly() -> None:
    out = soften(_halves(), (64, 48), mirror=True, blur=False)
    assert out.shape == (48, 64, 3) and out.dtype == np.uint8 and out.flags["C_CONTIGUOUS"]
    # mirrored: blue now on the left, red on the right
    assert np.abs(out[10, 5].astype(float) - _expected((255, 0, 0))).max() <= 1
    assert np.abs(out[10, 60].astype(float) - _expected((0, 0, 255))).max() <= 1
    # softened: less saturated and darker than the input
    assert out[10, 60, 2] < 255 and out[10, 60, 0] > 0


def test_soften_without_mirror_keeps_sides_and_resizes() -> None:
    out = soften(_halves(), (128, 96), mirror=False, blur=False)
    assert out.shape == (96, 128, 3)
    assert out[50, 10, 2] > out[50, 10, 0]  # red still on the left
    assert out[50, 120, 0] > out[50, 120, 2]


def test_layer_converts_once_per_new_seq_and_draws_the_mirrored_picture() -> None:
    layer = CameraLayer(Theme.default(), mirror=True, blur=False)
    screen = pygame.Surface((64, 48))
    img = _halves()
    layer.set_image(img, seq=1)
    layer.draw(screen)
    layer.set_image(img, seq=1)
    layer.draw(screen)
    layer.draw(screen)
    assert layer.conversions == 1
    left = screen.get_at((5, 10))
    exp = _expected((255, 0, 0))  # BGR blue -> shown on the left after mirroring
    assert abs(left.b - exp[0]) <= 1 and abs(left.g - exp[1]) <= 1 and abs(left.r - exp[2]) <= 1
    layer.set_image(img, seq=2)
    layer.draw(screen)
    assert layer.conversions == 2
    layer.draw(pygame.Surface((128, 96)))  # a resize converts the last picture once more
    assert layer.conversions == 3


@pytest.mark.parametrize("shape", [(48, 64), (48, 64, 4)])
def test_layer_accepts_grey_and_bgra(shape: tuple[int, ...]) -> None:
    layer = CameraLayer(mirror=False)
    layer.set_image(np.full(shape, 200, np.uint8), seq=1)
    screen = pygame.Surface((64, 48))
    layer.draw(screen)
    assert layer.has_image and layer.conversions == 1


def test_no_picture_draws_a_friendly_backdrop() -> None:
    layer = CameraLayer()
    layer.set_image(None, seq=5)
    screen = pygame.Surface((320, 180))
    screen.fill((255, 0, 255))
    layer.draw(screen)
    px = pygame.surfarray.array3d(screen).reshape(-1, 3)
    assert not np.any(np.all(px == (255, 0, 255), axis=1))  # every pixel painted
    assert len(np.unique(px, axis=0)) > 20  # a gradient and hills, not a flat fill
    assert layer.conversions == 0
