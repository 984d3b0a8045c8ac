"""Particles: bursts start, move, fade and end; the same seed draws the same sparkles."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.render.effects import KINDS, Effects, bounce


@pytest.mark.parametrize("kind", KINDS)
def test_burst_moves_fades_and_ends(kind: str) -> None:
    fx = Effects(seed=3)
    fx.burst(200, 150, kind)
    assert fx.particles
    before = [(p.x, p.y) for p in fx.particles]
    s = pygame.Surface((400, 300))
    fx.draw(s)
    assert pygame.surfarray.array3d(s).any()
    fx.update(1 / 60)
    moved = [(p.x, p.y) for p in fx.particles]
    assert moved != before or kind == "pop"
    for _ in range(180):
        fx.update(1 / 60)
    assert fx.particles == []


def test_same_seed_same_picture_and_draw_does_not_change_state() -> None:
    pics = []
    for _ in range(2):
        fx = Effects(seed=9)
        fx.burst(100, 100, "confetti")
        fx.update(0.2)
        s = pygame.Surface((300, 300))
        state = [(p.x, p.y, p.life) for p in fx.particles]
        fx.draw(s)
        fx.draw(s)
        assert state == [(p.x, p.y, p.life) for p in fx.particles]
        pics.append(pygame.image.tobytes(s, "RGB"))
    assert pics[0] == pics[1]


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown burst kind"):
        Effects().burst(0, 0, "lightning")


def test_bounce_springs_once_and_settles() -> None:
    values = np.array([bounce(k / 100) for k in range(60)])
    assert values[0] == 1.0 and values[-1] == 1.0 and values.max() > 1.1
    assert np.sum(np.diff(np.sign(np.diff(values))) != 0) <= 2  # up once, down once
