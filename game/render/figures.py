"""Little stick figures and hand pictures, the building blocks of pose cards and cue icons.

A child who cannot read understands a picture of a child doing the move.  Figures are drawn from
a few angles (like tracking.synthetic.body, but flat) and mirrored like the screen: the figure's
left arm is on the screen's left, coloured like the child's left side on their own skeleton.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

Color = tuple[int, int, int]
Point = tuple[float, float]


@dataclass(frozen=True)
class Figure:
    """Angles in degrees.  Arms: 0 hanging down, 90 straight out, 180 straight up; `*_elbow`
    bends the forearm on from there (positive: further round toward up, negative: back in,
    like hands on hips).  Legs: `*_out` spreads the leg sideways, `*_knee_up` lifts the thigh
    (90: thigh level).  `squat` 0..1 bends both knees; `hop` lifts the whole figure (share of
    its height); `tilt` leans the upper body toward the screen's right (degrees)."""

    left_arm: float = 12
    right_arm: float = 12
    left_elbow: float = 0
    right_elbow: float = 0
    left_out: float = 6
    right_out: float = 6
    left_knee_up: float = 0
    right_knee_up: float = 0
    squat: float = 0.0
    hop: float = 0.0
    tilt: float = 0.0


FIGURES: dict[str, Figure] = {
    "stand": Figure(),
    "arms_up": Figure(left_arm=165, right_arm=165),
    "arms_out": Figure(left_arm=90, right_arm=90),
    "t_pose": Figure(left_arm=90, right_arm=90),
    "star": Figure(left_arm=135, right_arm=135, left_out=24, right_out=24),
    "jack_open": Figure(left_arm=155, right_arm=155, left_out=24, right_out=24, hop=0.04),
    "jump": Figure(left_arm=150, right_arm=150, left_knee_up=35, right_knee_up=35, hop=0.1),
    "squat": Figure(left_arm=80, right_arm=80, squat=1.0),
    "frog": Figure(left_arm=25, right_arm=25, squat=1.0),
    "left_knee_up": Figure(left_arm=35, right_arm=35, left_knee_up=90),
    "right_knee_up": Figure(left_arm=35, right_arm=35, right_knee_up=90),
    "flamingo": Figure(left_arm=90, right_arm=90, right_knee_up=80),
    "flamingo_left": Figure(left_arm=90, right_arm=90, left_knee_up=80),
    "tree": Figure(left_arm=165, right_arm=165, left_elbow=40, right_elbow=40, left_knee_up=60),
    "left_arm_up": Figure(left_arm=165, right_arm=12),
    "right_arm_up": Figure(left_arm=12, right_arm=165),
    "left_arm_out": Figure(left_arm=90, right_arm=12),
    "right_arm_out": Figure(left_arm=12, right_arm=90),
    "hands_on_head": Figure(left_arm=140, right_arm=140, left_elbow=105, right_elbow=105),
    "hands_on_hips": Figure(left_arm=50, right_arm=50, left_elbow=-85, right_elbow=-85),
    "muscles": Figure(left_arm=90, right_arm=90, left_elbow=90, right_elbow=90),
    "cross_arms": Figure(left_arm=25, right_arm=25, left_elbow=-150, right_elbow=-150),
    "airplane": Figure(left_arm=90, right_arm=90, left_out=12, right_out=12, tilt=20),
    "superhero": Figure(left_arm=165, right_arm=50, right_elbow=-85, left_out=14, right_out=14),
    "wide_feet": Figure(left_out=26, right_out=26),
    "hop": Figure(left_arm=60, right_arm=60, left_knee_up=30, right_knee_up=30, hop=0.1),
    "march": Figure(left_arm=20, right_arm=50, right_elbow=60, left_knee_up=80),
}


def figure_for(name: str | None) -> Figure:
    """A figure by name; unknown names get a friendly standing figure (never an error)."""
    if name is None:
        return FIGURES["stand"]
    key = name.lower().replace("-", "_").replace(" ", "_")
    if key in FIGURES:
        return FIGURES[key]
    for k, fig in FIGURES.items():
        if k in key or key in k:
            return fig
    return FIGURES["stand"]


def blend(a: Figure, b: Figure, u: float) -> Figure:
    """The figure part-way from a to b (for slow demo animations)."""
    return Figure(*[getattr(a, f) + (getattr(b, f) - getattr(a, f)) * u for f in a.__dataclass_fields__])


def _dir(angle_from_down_deg: float, outward: int) -> Point:
    a = math.radians(angle_from_down_deg)
    return (outward * math.sin(a), math.cos(a))


def _line(surface: pygame.Surface, color: Color, p: Point, q: Point, width: int) -> None:
    pygame.draw.line(surface, color, p, q, width)
    pygame.draw.circle(surface, color, p, width / 2)
    pygame.draw.circle(surface, color, q, width / 2)


def draw_figure(
    surface: pygame.Surface,
    fig: Figure,
    center: Point,
    height: float,
    color: Color = (20, 24, 44),
    left: Color | None = None,
    right: Color | None = None,
    width: int | None = None,
) -> None:
    """A stick child about `height` px tall centred on `center`: big round head, thick limbs,
    the left limbs in `left` and the right in `right` (like the child's own skeleton)."""
    cx, cy = center
    u = height
    lw = width or max(3, int(height * 0.085))
    left = left or color
    right = right or color
    feet_y = cy + 0.5 * u - fig.hop * u
    head_r = 0.115 * u
    leg_len = 0.4 * u
    torso = 0.27 * u
    thigh = shin = leg_len / 2
    drop = fig.squat * 0.17 * u
    hip = (cx, feet_y - leg_len + drop)
    neck = (cx, hip[1] - torso)
    tilt = math.radians(fig.tilt)

    def lean(p: Point) -> Point:  # rotate the upper body about the hip
        dx, dy = p[0] - hip[0], p[1] - hip[1]
        return (hip[0] + dx * math.cos(tilt) - dy * math.sin(tilt), hip[1] + dx * math.sin(tilt) + dy * math.cos(tilt))

    # legs first (behind the body)
    for outward, out, knee_up, col in ((-1, fig.left_out, fig.left_knee_up, left), (1, fig.right_out, fig.right_knee_up, right)):
        hp = (cx + outward * 0.045 * u, hip[1])
        if knee_up > 0:
            a = math.radians(knee_up)
            kn = (hp[0] + outward * thigh * 0.35 * math.sin(a), hp[1] + thigh * math.cos(a))
            ft = (kn[0] + outward * 0.01 * u, kn[1] + shin * (0.95 if knee_up < 60 else 0.8))
        elif fig.squat > 0:
            spread = 0.16 * u * fig.squat
            ft = (hp[0] + outward * (0.05 * u + spread * 0.3), feet_y)
            kn = (hp[0] + outward * (0.04 * u + spread), (hp[1] + ft[1]) / 2 - 0.02 * u * fig.squat)
        else:
            d = _dir(out, outward)
            kn = (hp[0] + d[0] * thigh, hp[1] + d[1] * thigh)
            ft = (kn[0] + d[0] * shin, kn[1] + d[1] * shin)
        _line(surface, col, hp, kn, lw)
        _line(surface, col, kn, ft, lw)
        _line(surface, col, ft, (ft[0] + outward * 0.05 * u, ft[1]), lw)
    # body
    _line(surface, color, lean(neck), hip, int(lw * 1.6))
    shoulder_y = neck[1] + 0.03 * u
    upper, fore = 0.14 * u, 0.13 * u
    for outward, angle, elbow, col in ((-1, fig.left_arm, fig.left_elbow, left), (1, fig.right_arm, fig.right_elbow, right)):
        sh = (cx + outward * 0.07 * u, shoulder_y)
        d = _dir(angle, outward)
        el = (sh[0] + d[0] * upper, sh[1] + d[1] * upper)
        d2 = _dir(angle + elbow, outward)
        wr = (el[0] + d2[0] * fore, el[1] + d2[1] * fore)
        sh, el, wr = lean(sh), lean(el), lean(wr)
        _line(surface, col, lean((cx, shoulder_y)), sh, lw)
        _line(surface, col, sh, el, lw)
        _line(surface, col, el, wr, lw)
        pygame.draw.circle(surface, col, wr, lw * 0.95)
    head = lean((cx, neck[1] - head_r * 0.95))
    pygame.draw.circle(surface, color, head, head_r)


# --- hands -----------------------------------------------------------------------------------

FINGER_NAMES = ("thumb", "index", "middle", "ring", "pinky")


def draw_hand_icon(
    surface: pygame.Surface,
    center: Point,
    size: float,
    fingers_up: tuple[bool, bool, bool, bool, bool] = (True, True, True, True, True),
    color: Color = (250, 215, 170),
    outline: Color = (20, 24, 44),
    side: str = "right",
    highlight: int | None = None,
    highlight_color: Color = (240, 228, 66),
) -> list[Point]:
    """A cartoon hand, palm toward the viewer, with the chosen fingers raised (a lowered finger
    is a short stub).  `side` is the child's own hand, seen as in a mirror: the right hand's
    thumb is on the screen's left.  `highlight` (0 thumb .. 4 pinky) paints one finger.
    Returns the fingertip centres (thumb..pinky) so callers can put targets on them."""
    cx, cy = center
    s = size
    flip = -1 if side == "right" else 1  # +1: thumb on the screen's right
    palm_w, palm_h = 0.46 * s, 0.4 * s
    palm = pygame.Rect(0, 0, int(palm_w), int(palm_h))
    palm.center = (int(cx), int(cy + 0.16 * s))
    fw = palm_w / 4.4  # finger width
    rim = max(2, int(s * 0.025))
    lengths = (0.0, 0.34, 0.38, 0.35, 0.28)
    shapes: list[tuple[int, pygame.Rect]] = []
    tips: list[Point] = []
    for k in range(1, 5):
        # index next to the thumb, pinky on the far side
        offset = palm_w / 2 - fw * 0.55 - (k - 1) * (palm_w - fw * 1.1) / 3
        fx = cx + flip * offset
        length = lengths[k] * s if fingers_up[k] else 0.09 * s
        rect = pygame.Rect(0, 0, int(fw), int(length + fw))
        rect.midbottom = (int(fx), int(palm.top + fw))
        shapes.append((k, rect))
        tips.append((fx, rect.top + fw / 2))
    t_len = 0.24 * s if fingers_up[0] else 0.1 * s
    t0 = (cx + flip * palm_w * 0.42, palm.centery + palm_h * 0.18)
    ang = math.radians(-55)
    t1 = (t0[0] + flip * t_len * math.cos(ang), t0[1] + t_len * math.sin(ang))
    tips.insert(0, t1)
    radius = int(fw / 2)
    # outlines first, then fills: one clean silhouette
    for _, rect in shapes:
        pygame.draw.rect(surface, outline, rect.inflate(2 * rim, 2 * rim), border_radius=radius + rim)
    pygame.draw.line(surface, outline, t0, t1, int(fw + 2 * rim))
    pygame.draw.circle(surface, outline, t1, fw / 2 + rim)
    pygame.draw.rect(surface, outline, palm.inflate(2 * rim, 2 * rim), border_radius=int(palm_w * 0.3))
    for k, rect in shapes:
        pygame.draw.rect(surface, highlight_color if highlight == k else color, rect, border_radius=radius)
    tcol = highlight_color if highlight == 0 else color
    pygame.draw.line(surface, tcol, t0, t1, int(fw))
    pygame.draw.circle(surface, tcol, t1, fw / 2)
    pygame.draw.rect(surface, color, palm, border_radius=int(palm_w * 0.3))
    pygame.draw.circle(surface, tcol, t0, fw / 2)
    # a highlighted finger keeps its colour down into the palm
    if highlight is not None and highlight > 0:
        rect = shapes[highlight - 1][1]
        pygame.draw.rect(surface, highlight_color, (rect.left, palm.top, rect.w, int(palm_h * 0.35)), border_bottom_left_radius=radius, border_bottom_right_radius=radius)
    # the gaps between raised fingers, down to the knuckles
    for k in range(len(shapes) - 1):
        a, b = shapes[k][1], shapes[k + 1][1]
        x = (a.centerx + b.centerx) / 2
        pygame.draw.line(surface, outline, (x, max(a.top, b.top) + fw * 0.5), (x, palm.top + fw * 0.1), max(1, rim // 2 + 1))
    return tips


def fingers_for_count(n: int) -> tuple[bool, bool, bool, bool, bool]:
    """Which fingers a child raises to show n (1..5) on one hand: index first, thumb last."""
    order = (1, 2, 3, 4, 0)
    up = [False] * 5
    for k in order[: max(0, min(5, n))]:
        up[k] = True
    return (up[0], up[1], up[2], up[3], up[4])
