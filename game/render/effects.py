"""Celebration particles: pops, star showers and confetti that drift and fade.

State changes only in `burst` and `update` (called from the scene's update); `draw` just paints.
Particles fade smoothly over their life — nothing blinks, so nothing flashes faster than the
3-per-second limit for photosensitive children.  Randomness comes from a seeded generator, so a
scripted session draws the same sparkles every run.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pygame

from game.theme import Theme

KINDS = ("pop", "star", "confetti")
MAX_PARTICLES = 400


@dataclass
class Particle:
    x: float
    y: float
    vx: float
    vy: float
    life: float  # seconds left
    span: float  # seconds at birth
    size: float
    color: tuple[int, int, int]
    shape: str  # dot | star | ring | rect
    spin: float = 0.0
    angle: float = 0.0


def star_points(cx: float, cy: float, r: float, angle: float = 0.0, inner: float = 0.45) -> list[tuple[float, float]]:
    """A five-pointed star as a polygon, point up at angle 0."""
    pts = []
    for k in range(10):
        rr = r if k % 2 == 0 else r * inner
        a = angle - math.pi / 2 + k * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def bounce(age: float, duration: float = 0.5, amount: float = 0.35) -> float:
    """A scale factor that springs up and settles back to 1 (for counters and targets that just
    changed): 1 + amount at the peak, smooth, one overshoot — never a flash."""
    if age < 0 or age >= duration:
        return 1.0
    u = age / duration
    return 1.0 + amount * math.sin(math.pi * u) * (1.0 - u)


class Effects:
    """A pool of particles in screen pixels."""

    def __init__(self, theme: Theme | None = None, seed: int = 1) -> None:
        self.theme = theme or Theme.default()
        self.particles: list[Particle] = []
        self._rng = random.Random(seed)

    def burst(self, x: float, y: float, kind: str = "pop", color: tuple[int, int, int] | None = None, scale: float = 1.0) -> None:
        """Start a burst at (x, y) pixels.  kind: pop (a ring of drops), star, confetti."""
        rng = self._rng
        t = self.theme
        if kind == "pop":
            base = color or t.left
            self.particles.append(Particle(x, y, 0, 0, 0.45, 0.45, 30 * scale, base, "ring"))
            for k in range(14):
                a = k * 2 * math.pi / 14 + rng.uniform(-0.2, 0.2)
                v = rng.uniform(180, 320) * scale
                self.particles.append(Particle(x, y, v * math.cos(a), v * math.sin(a), 0.6, 0.6, rng.uniform(5, 9) * scale, base, "dot"))
        elif kind == "star":
            for _ in range(12):
                a = rng.uniform(0, 2 * math.pi)
                v = rng.uniform(120, 360) * scale
                life = rng.uniform(0.7, 1.1)
                c = color or t.accent
                self.particles.append(Particle(x, y, v * math.cos(a), v * math.sin(a) - 120, life, life, rng.uniform(10, 18) * scale, c, "star", rng.uniform(-4, 4)))
        elif kind == "confetti":
            for _ in range(40):
                a = rng.uniform(-math.pi, 0)
                v = rng.uniform(250, 600) * scale
                life = rng.uniform(1.2, 2.0)
                c = t.palette[rng.randrange(len(t.palette))]
                self.particles.append(Particle(x, y, v * math.cos(a), v * math.sin(a), life, life, rng.uniform(7, 12) * scale, c, "rect", rng.uniform(-8, 8), rng.uniform(0, 6)))
        else:
            raise ValueError(f"unknown burst kind {kind!r}; known: {', '.join(KINDS)}")
        if len(self.particles) > MAX_PARTICLES:
            del self.particles[: len(self.particles) - MAX_PARTICLES]

    def update(self, dt: float) -> None:
        keep = []
        for p in self.particles:
            p.life -= dt
            if p.life <= 0:
                continue
            if p.shape != "ring":
                p.vy += (260 if p.shape == "rect" else 520) * dt  # gravity; confetti floats
                p.vx *= 1.0 - min(1.0, 1.5 * dt)
                p.x += p.vx * dt
                p.y += p.vy * dt
                p.angle += p.spin * dt
            keep.append(p)
        self.particles = keep

    def clear(self) -> None:
        self.particles.clear()

    def draw(self, surface: pygame.Surface) -> None:
        for p in self.particles:
            fade = max(0.0, min(1.0, p.life / p.span))
            if p.shape == "ring":
                r = int(p.size * (1.0 + 2.0 * (1.0 - fade)))
                pygame.draw.circle(surface, p.color, (int(p.x), int(p.y)), r, max(1, int(6 * fade)))
            elif p.shape == "dot":
                pygame.draw.circle(surface, p.color, (int(p.x), int(p.y)), max(1, int(p.size * (0.4 + 0.6 * fade))))
            elif p.shape == "star":
                r = p.size * (0.5 + 0.5 * fade)
                pts = star_points(p.x, p.y, r, p.angle)
                pygame.draw.polygon(surface, p.color, pts)
                pygame.draw.polygon(surface, (255, 255, 255), pts, 1)
            else:
                c, s = math.cos(p.angle), math.sin(p.angle)
                hw, hh = p.size * 0.6, p.size * 0.35
                pts = [(p.x + dx * c - dy * s, p.y + dx * s + dy * c) for dx, dy in ((-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh))]
                pygame.draw.polygon(surface, p.color, pts)
