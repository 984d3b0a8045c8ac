"""The pre-writing shapes a child traces in the air, as plain data.

One home for what the air-trace activity asks for (exercises.activities.air_trace) and what the
synthetic child traces (tracking.synthetic.motions.trace), so the two can never drift apart.
Shapes come in developmental order (Beery VMI): vertical, horizontal, circle, cross, right
diagonal (/), left diagonal (\\), square, X, triangle.  Shape units: extent 1, centred on 0,
y down; each shape is its strokes in drawing order.
"""

from __future__ import annotations

import math

Stroke = tuple[tuple[float, float], ...]
SHAPE_CENTER = (0.5, 0.45)  # where shapes are drawn, normalised screen coordinates


def _circle(n: int = 64) -> Stroke:
    # From the top, counter-clockwise on the screen (toward the left first), as children learn it.
    return tuple((-0.5 * math.sin(2 * math.pi * i / n), -0.5 * math.cos(2 * math.pi * i / n))
                 for i in range(n + 1))


SHAPES: dict[str, tuple[Stroke, ...]] = {
    "vertical": (((0.0, -0.5), (0.0, 0.5)),),
    "horizontal": (((-0.5, 0.0), (0.5, 0.0)),),
    "circle": (_circle(),),
    "cross": (((0.0, -0.5), (0.0, 0.5)), ((-0.5, 0.0), (0.5, 0.0))),
    "diagonal_right": (((0.5, -0.5), (-0.5, 0.5)),),
    "diagonal_left": (((-0.5, -0.5), (0.5, 0.5)),),
    "square": (((-0.5, -0.5), (-0.5, 0.5), (0.5, 0.5), (0.5, -0.5), (-0.5, -0.5)),),
    "x": (((-0.5, -0.5), (0.5, 0.5)), ((0.5, -0.5), (-0.5, 0.5))),
    "triangle": (((0.0, -0.5), (-0.5, 0.5), (0.5, 0.5), (0.0, -0.5)),),
}
SHAPE_ORDER: tuple[str, ...] = tuple(SHAPES)  # developmental order


def shape_strokes(shape: str, size: float, aspect: float,
                  center: tuple[float, float] = SHAPE_CENTER) -> tuple[Stroke, ...]:
    """A named shape in normalised screen coordinates: `size` in image heights, `aspect` the
    picture's width over height (so a circle stays round on a wide picture)."""
    return tuple(tuple((center[0] + x * size / aspect, center[1] + y * size) for x, y in stroke)
                 for stroke in SHAPES[shape])
