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
    out = soften(_halves(), (64, 48), mirror=True)
    assert out.shape == (48, 64, 3) and out.dtype == np.uint8 and out.flags["C_CONTIGUOUS"]
    # mirrored: blue now on the left, red on the right
    assert np.abs(out[10, 5].astype(float) - _expected((255, 0, 0))).max() <= 1
    assert np.abs(out[10, 60].astype(float) - _expected((0, 0, 255))).max() <= 1
    # softened: less saturated and darker than the input
    assert out[10, 60, 2] < 255 and out[10, 60, 0] > 0


def test_soften_without_mirror_keeps_sides_and_resizes() -> None:
    out = soften(_halves(), (128, 96), mirror=False)
    assert out.shape == (96, 128, 3)
    assert out[50, 10, 2] > out[50, 10, 0]  # red still on the left
    assert out[50, 120, 0] > out[50, 120, 2]


def test_layer_converts_once_per_new_seq_and_draws_the_mirrored_picture() -> None:
    layer = CameraLayer(Theme.default(), mirror=True)
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


def test_soften_rgb_softens_exactly_in_rgb_order() -> None:
    rgb = _halves()[:, :, ::-1].copy()  # left half red, right half blue, as RGB
    out = soften(rgb, (64, 48), mirror=False, rgb=True)
    assert np.abs(out[10, 5].astype(float) - _expected((0, 0, 255))[::-1]).max() <= 1
    assert np.abs(out[10, 60].astype(float) - _expected((255, 0, 0))[::-1]).max() <= 1


def test_rgb_mirrored_input_shows_the_same_picture_without_a_colour_conversion(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The tracker's picture (RGB, already mirrored) looks exactly like the camera's BGR picture
    mirrored by the layer, and costs no cvtColor."""
    import cv2

    bgr = np.zeros((48, 64, 3), np.uint8)
    bgr[:, :20] = (0, 0, 255)
    bgr[:, 20:40] = (0, 200, 30)
    bgr[:, 40:] = (255, 40, 0)
    tracker_rgb = np.ascontiguousarray(cv2.flip(bgr, 1)[:, :, ::-1])
    from_camera, from_tracker = pygame.Surface((128, 96)), pygame.Surface((128, 96))
    cam = CameraLayer(mirror=True)
    cam.set_image(bgr, seq=1)
    cam.draw(from_camera)
    calls: list[int] = []
    real = cv2.cvtColor
    monkeypatch.setattr(cv2, "cvtColor", lambda *a, **k: calls.append(1) or real(*a, **k))
    trk = CameraLayer(mirror=True, input_format="rgb_mirrored")
    trk.set_image(tracker_rgb, seq=1)
    trk.draw(from_tracker)
    trk.set_image(tracker_rgb, seq=1)
    trk.draw(from_tracker)
    assert calls == [] and trk.conversions == 1
    a = pygame.surfarray.array3d(from_camera).astype(int)
    b = pygame.surfarray.array3d(from_tracker).astype(int)
    assert np.abs(a - b).max() <= 1
    left = from_tracker.get_at((5, 40))  # the camera's right (blue) side shows on the screen's left
    exp = _expected((255, 40, 0))
    assert abs(left.b - exp[0]) <= 1 and abs(left.g - exp[1]) <= 1 and abs(left.r - exp[2]) <= 1


def test_unknown_input_format_is_refused() -> None:
    with pytest.raises(ValueError, match="input_format"):
        CameraLayer(input_format="yuv")
