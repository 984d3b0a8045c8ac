"""Tracing a path in the air with the index fingertip, at a set speed, on or off the path."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from tracking.landmarks import HandPoint
from tracking.shapes import Stroke, shape_strokes
from tracking.synthetic.hand import (
    LEAD_IN_S,
    HandPlace,
    HandShape,
    HandSide,
    blend_shapes,
    ease,
    place_landmark_at,
    render_hand,
)
from tracking.synthetic.source import MotionScript, Snapshot


def screen_strokes(shape: str, center: tuple[float, float] = (0.5, 0.45), size: float = 0.35,
                   image_size: tuple[int, int] = (640, 480)) -> tuple[Stroke, ...]:
    """A named shape (tracking.shapes) in normalised screen coordinates (size in image heights)."""
    return shape_strokes(shape, size, image_size[0] / image_size[1], center)


@dataclass(frozen=True)
class TraceScript:
    """The index fingertip follows `strokes` (normalised screen points) at `speed` image heights a
    second, displaced `offset` image heights to the right of the direction of travel plus a
    `wobble` of that amplitude at `wobble_hz`.  It dwells `dwell_s` on each stroke's start and
    end, and moves between strokes in `travel_s` (pen up)."""

    strokes: tuple[Stroke, ...] = field(default_factory=lambda: screen_strokes("circle"))
    speed: float = 0.3
    hand: HandSide = "right"
    offset: float = 0.0
    wobble: float = 0.0
    wobble_hz: float = 2.0
    size: float = 0.09
    rest: tuple[float, float] = (0.5, 0.85)  # fingertip during the lead-in
    dwell_s: float = 0.4
    travel_s: float = 0.8
    lead_in_s: float = LEAD_IN_S
    tail_s: float = 0.5
    image_size: tuple[int, int] = (640, 480)

    @property
    def aspect(self) -> float:
        return self.image_size[0] / self.image_size[1]

    def _stroke_h(self, i: int) -> np.ndarray:
        """Stroke i in image-height units."""
        return np.array([[x * self.aspect, y] for x, y in self.strokes[i]])

    def stroke_time(self, i: int) -> float:
        pts = self._stroke_h(i)
        return float(np.linalg.norm(np.diff(pts, axis=0), axis=1).sum()) / self.speed

    def timeline(self) -> list[tuple[str, int, float, float]]:
        """(what, stroke, start, end): travel / dwell / trace phases after the lead-in."""
        out, t = [], self.lead_in_s
        for i in range(len(self.strokes)):
            for what, length in (("travel", self.travel_s), ("dwell", self.dwell_s),
                                 ("trace", self.stroke_time(i)), ("dwell_end", self.dwell_s)):
                out.append((what, i, t, t + length))
                t += length
        return out

    @property
    def duration(self) -> float:
        return self.timeline()[-1][3] + self.tail_s

    def _along(self, i: int, s: float) -> tuple[np.ndarray, np.ndarray]:
        """Point and unit direction at arc length s (height units) along stroke i."""
        pts = self._stroke_h(i)
        seg = np.diff(pts, axis=0)
        lengths = np.linalg.norm(seg, axis=1)
        s = max(0.0, min(float(lengths.sum()), s))
        for j, length in enumerate(lengths):
            if s <= length or j == len(lengths) - 1:
                u = s / length if length > 0 else 0.0
                return pts[j] + u * seg[j], seg[j] / max(length, 1e-12)
            s -= length
        raise AssertionError("unreachable")

    def fingertip(self, t: float) -> tuple[tuple[float, float], float]:
        """(fingertip in normalised screen coordinates, how far the hand has become a pointing hand)."""
        rest = np.array([self.rest[0] * self.aspect, self.rest[1]])
        prev_end = rest
        point, pointing = rest, 0.0
        for what, i, start, end in self.timeline():
            if t < start:
                break
            u = (t - start) / (end - start) if end > start else 1.0
            first, d_first = self._along(i, 0.0)
            last, d_last = self._along(i, 1e9)
            off_first = first + self._displace(d_first, t)
            if what == "travel":
                point = prev_end + (off_first - prev_end) * ease(u)
                pointing = ease(u) if i == 0 else 1.0
            elif what == "dwell":
                point, pointing = off_first, 1.0
            elif what == "trace":
                p, d = self._along(i, (min(t, end) - start) * self.speed)
                point, pointing = p + self._displace(d, t), 1.0
            else:
                point, pointing = last + self._displace(d_last, t), 1.0
                prev_end = point
        return (float(point[0] / self.aspect), float(point[1])), pointing

    def _displace(self, direction: np.ndarray, t: float) -> np.ndarray:
        normal = np.array([-direction[1], direction[0]])  # right of travel on the screen (y down)
        amount = self.offset + self.wobble * math.sin(2 * math.pi * self.wobble_hz * t)
        return amount * normal

    def __call__(self, t: float) -> Snapshot:
        tip, pointing = self.fingertip(t)
        shape = blend_shapes(HandShape.open(), HandShape.pointing(), pointing)
        place = HandPlace(size=self.size, side=self.hand, image_size=self.image_size)
        place = place_landmark_at(shape, place, HandPoint.INDEX_TIP, tip)
        return Snapshot(hands=(render_hand(shape, place),))


def trace_shape(shape: str = "circle", center: tuple[float, float] = (0.5, 0.45), size: float = 0.35,
                **kwargs: object) -> TraceScript:
    image_size = kwargs.get("image_size", (640, 480))
    return TraceScript(strokes=screen_strokes(shape, center, size, image_size), **kwargs)  # type: ignore[arg-type]


def trace_path(points: tuple[tuple[float, float], ...] = ((0.3, 0.3), (0.7, 0.3), (0.7, 0.6)),
               **kwargs: object) -> TraceScript:
    return TraceScript(strokes=(tuple(points),), **kwargs)  # type: ignore[arg-type]


SCRIPTS: dict[str, Callable[..., MotionScript]] = {
    "trace_shape": trace_shape,
    "trace_path": trace_path,
}
