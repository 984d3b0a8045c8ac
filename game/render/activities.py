"""What each of the thirteen activities looks like while it is played.

`draw_activity(surface, view, theme, t)` is a pure function of the view and the game time `t`
(only gentle motion — bobbing, slow pulses under 1 Hz — depends on t, so nothing flashes).
Each activity has its own look; every one shares the same readable frame: a row of tokens at
the top that fill up as the child scores (no numbers needed), a shrinking time bar, the current
cue as a picture with short words at the bottom, and the ready ring while the start pose is held.
Positions in a view are normalised (x of the width, y of the height); radii are in height units.
Drawn pictures that do not change per frame (bubbles, glows, cards) are cached on the Theme.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from exercises.api import ActivityView, Target
from exercises.events import CUES
from game.render.art import CREAM, Point, _heart, draw_cue_icon, draw_star
from game.render.effects import bounce, star_points
from game.render.figures import (
    Figure,
    blend,
    draw_figure,
    draw_hand_icon,
    figure_for,
    fingers_for_count,
)
from game.theme import (
    BLUE,
    GREEN,
    INK,
    ORANGE,
    PURPLE,
    SKY,
    VERMILLION,
    WHITE,
    YELLOW,
    Color,
    Theme,
)

DIM: Color = (90, 96, 120)

# Which token fills the progress row, per activity.
TOKENS: dict[str, str] = {
    "jumping_jacks": "star",
    "arm_raises": "balloon",
    "reach_stars": "star",
    "flamingo_balance": "heart",
    "frog_squats": "lily",
    "bunny_hops": "carrot",
    "march_in_place": "foot",
    "copy_the_pose": "card",
    "bubble_pop": "bubble",
    "air_trace": "star",
    "finger_count": "jar",
    "finger_taps": "jar",
    "pinch_and_sort": "jar",
}
HAND_ACTIVITIES = ("bubble_pop", "air_trace", "finger_count", "finger_taps", "pinch_and_sort")


def px(surface: pygame.Surface, x: float, y: float) -> tuple[int, int]:
    w, h = surface.get_size()
    return int(x * w), int(y * h)


def _alpha_circle(theme: Theme, r: int, color: Color, alpha: int) -> pygame.Surface:
    def make() -> pygame.Surface:
        s = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
        pygame.draw.circle(s, (*color, alpha), (r + 1, r + 1), r)
        return s

    return theme.sprite(("acircle", r, color, alpha), make)


def _glow(theme: Theme, r: int, color: Color) -> pygame.Surface:
    """A soft round glow (concentric translucent rings), cached."""

    def make() -> pygame.Surface:
        s = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
        steps = 8
        for k in range(steps):
            rr = int(r * (1 - k / steps))
            a = int(18 + 14 * k)
            pygame.draw.circle(s, (*color, min(255, a)), (r + 1, r + 1), rr)
        return s

    return theme.sprite(("glow", r, color), make)


def _blit_center(surface: pygame.Surface, sprite: pygame.Surface, center: Point) -> None:
    surface.blit(sprite, sprite.get_rect(center=(int(center[0]), int(center[1]))))


def _panel(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, color: Color | None = None, edge: Color | None = None) -> None:
    radius = int(min(rect.w, rect.h) * 0.18)
    pygame.draw.rect(surface, theme.shadow, rect.move(0, 5), border_radius=radius)
    pygame.draw.rect(surface, color or CREAM, rect, border_radius=radius)
    pygame.draw.rect(surface, edge or INK, rect, 4, border_radius=radius)


# --- shared frame: tokens, time, cue, ready ring ------------------------------------------------


def _token(surface: pygame.Surface, kind: str, center: Point, r: float, filled: bool, theme: Theme, k: int) -> None:
    cx, cy = center
    if kind == "star":
        draw_star(surface, center, r, filled)
    elif kind == "heart":
        _heart(surface, cx, cy + r * 0.1, r * 0.95, theme.gentle if filled else DIM)
    elif kind == "balloon":
        col = theme.color(k) if filled else DIM
        pygame.draw.line(surface, INK, (cx, cy + r * 0.6), (cx + r * 0.15, cy + r * 1.1), 2)
        pygame.draw.ellipse(surface, INK, (cx - r * 0.72, cy - r * 1.02, r * 1.44, r * 1.72))
        pygame.draw.ellipse(surface, col, (cx - r * 0.62, cy - r * 0.92, r * 1.24, r * 1.52))
        if filled:
            pygame.draw.ellipse(surface, WHITE, (cx - r * 0.38, cy - r * 0.7, r * 0.25, r * 0.45))
    elif kind == "lily":
        pygame.draw.ellipse(surface, INK, (cx - r * 1.05, cy - r * 0.6, r * 2.1, r * 1.2))
        pygame.draw.ellipse(surface, GREEN if filled else DIM, (cx - r * 0.95, cy - r * 0.5, r * 1.9, r * 1.0))
        pygame.draw.polygon(surface, INK, [(cx, cy), (cx + r, cy - r * 0.3), (cx + r, cy + r * 0.05)])
        if filled:
            pygame.draw.circle(surface, PURPLE, (cx - r * 0.3, cy - r * 0.1), r * 0.22)
    elif kind == "carrot":
        col = ORANGE if filled else DIM
        pts = [(cx - r * 0.4, cy - r * 0.45), (cx + r * 0.4, cy - r * 0.45), (cx, cy + r)]
        pygame.draw.polygon(surface, INK, [(x + (x - cx) * 0.15, y + (y - cy) * 0.12) for x, y in pts])
        pygame.draw.polygon(surface, col, pts)
        for dx in (-0.2, 0.0, 0.2):
            pygame.draw.line(surface, GREEN if filled else DIM, (cx + dx * r, cy - r * 0.45), (cx + dx * r * 2, cy - r * 1.0), max(2, int(r * 0.16)))
    elif kind == "foot":
        side_left = k % 2 == 0
        col = (theme.left if side_left else theme.right) if filled else DIM
        f = r * 1.3
        ox = -f * 0.3 if side_left else f * 0.3
        oy = f * 0.12 if side_left else -f * 0.12
        pygame.draw.ellipse(surface, INK, (cx + ox - f * 0.4, cy + oy - f * 0.45, f * 0.8, f * 1.1))
        pygame.draw.ellipse(surface, col, (cx + ox - f * 0.32, cy + oy - f * 0.37, f * 0.64, f * 0.94))
        for j in range(4):
            tx = cx + ox + (j - 1.5) * f * 0.17 * (1 if side_left else -1)
            pygame.draw.circle(surface, INK, (tx, cy + oy - f * 0.55 + abs(j - 1) * f * 0.04), f * 0.11)
            pygame.draw.circle(surface, col, (tx, cy + oy - f * 0.55 + abs(j - 1) * f * 0.04), f * 0.08)
    elif kind == "card":
        rect = pygame.Rect(0, 0, r * 1.5, r * 1.9)
        rect.center = (int(cx), int(cy))
        pygame.draw.rect(surface, INK, rect.inflate(4, 4), border_radius=int(r * 0.25))
        pygame.draw.rect(surface, CREAM if filled else DIM, rect, border_radius=int(r * 0.25))
        if filled:
            draw_figure(surface, Figure(left_arm=135, right_arm=135, left_out=25, right_out=25), (cx, cy), r * 1.5, INK, width=max(2, int(r * 0.12)))
    elif kind == "bubble":
        col = theme.color(k + 1) if filled else DIM
        pygame.draw.circle(surface, INK, (cx, cy), r)
        pygame.draw.circle(surface, col, (cx, cy), r * 0.86)
        pygame.draw.circle(surface, WHITE, (cx - r * 0.3, cy - r * 0.3), r * 0.22)
    else:  # jar: a little jar with a marble
        body = pygame.Rect(0, 0, r * 1.4, r * 1.6)
        body.center = (int(cx), int(cy + r * 0.1))
        pygame.draw.rect(surface, INK, body.inflate(6, 6), border_radius=int(r * 0.35))
        pygame.draw.rect(surface, (210, 230, 245), body, border_radius=int(r * 0.3))
        if filled:
            fill = body.inflate(-int(r * 0.2), -int(r * 0.2))
            fill.height = int(fill.height * 0.8)
            fill.bottom = body.bottom - int(r * 0.1)
            pygame.draw.rect(surface, theme.color(k), fill, border_radius=int(r * 0.25))
        lid = pygame.Rect(0, 0, r * 1.6, r * 0.35)
        lid.midbottom = (body.centerx, body.top + 2)
        pygame.draw.rect(surface, INK, lid.inflate(4, 4), border_radius=int(r * 0.1))
        pygame.draw.rect(surface, ORANGE, lid, border_radius=int(r * 0.1))


def token_slots(view: ActivityView) -> tuple[int, int]:
    """(filled, slots) for the progress row: one token per rep up to 12, else a share of 10."""
    if 0 < view.goal <= 12:
        return min(view.count, view.goal), view.goal
    slots = 10
    return int(round(max(0.0, min(1.0, view.progress)) * slots)), slots


def token_centers(surface: pygame.Surface, slots: int) -> tuple[list[Point], float]:
    w, h = surface.get_size()
    r = h * 0.032
    gap = r * 2.6
    total = gap * (slots - 1)
    x0 = w / 2 - total / 2
    y = h * 0.075
    return [(x0 + k * gap, y) for k in range(slots)], r


def draw_progress_row(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    filled, slots = token_slots(view)
    kind = TOKENS.get(view.activity_id, "star")
    centers, r = token_centers(surface, slots)
    if not centers:
        return
    band = pygame.Rect(0, 0, int(centers[-1][0] - centers[0][0] + r * 3.4), int(r * 3.0))
    band.center = (int((centers[0][0] + centers[-1][0]) / 2), int(centers[0][1]))
    _panel(surface, band, theme, (44, 60, 100), INK)
    for k, c in enumerate(centers):
        is_new = k == filled - 1
        rr = r * (1.0 + (0.12 * (0.5 + 0.5 * math.sin(t * 2 * math.pi * 0.8)) if is_new else 0.0))
        _token(surface, kind, c, rr, k < filled, theme, k)


def time_fraction(view: ActivityView) -> float | None:
    """Share of the time still left (1 full .. 0 empty), or None when the activity is untimed."""
    if view.time_left_s is None:
        return None
    total = view.extra.get("duration_s") or view.extra.get("time_total_s")
    if total:
        return max(0.0, min(1.0, view.time_left_s / float(total)))
    if view.goal == 0:
        return max(0.0, min(1.0, 1.0 - view.progress))
    return max(0.0, min(1.0, view.time_left_s / 60.0))


def draw_time_bar(surface: pygame.Surface, view: ActivityView, theme: Theme) -> None:
    frac = time_fraction(view)
    if frac is None:
        return
    w, h = surface.get_size()
    bar = pygame.Rect(int(w * 0.3), int(h * 0.14), int(w * 0.4), int(h * 0.022))
    pygame.draw.rect(surface, INK, bar.inflate(8, 8), border_radius=bar.h)
    pygame.draw.rect(surface, (60, 70, 100), bar, border_radius=bar.h)
    fill = bar.copy()
    fill.width = int(bar.width * frac)
    if fill.width > 0:
        pygame.draw.rect(surface, theme.left if frac > 0.25 else theme.right, fill, border_radius=bar.h)
    # a little sand timer at the left end
    cx, cy, s = bar.left - h * 0.03, bar.centery, h * 0.022
    pygame.draw.polygon(surface, CREAM, [(cx - s, cy - s * 1.2), (cx + s, cy - s * 1.2), (cx, cy), (cx + s, cy + s * 1.2), (cx - s, cy + s * 1.2), (cx, cy)])
    pygame.draw.polygon(surface, INK, [(cx - s, cy - s * 1.2), (cx + s, cy - s * 1.2), (cx, cy), (cx + s, cy + s * 1.2), (cx - s, cy + s * 1.2), (cx, cy)], 2)


def draw_cue(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """The cue as a picture badge plus its short words, in a banner at the bottom."""
    if not view.cue:
        return
    w, h = surface.get_size()
    words = CUES.get(view.cue, "")
    size = int(h * 0.065)
    text = theme.label(words, size, INK)
    icon = int(h * 0.15)
    bw = icon + text.get_width() + int(h * 0.09)
    banner = pygame.Rect(0, 0, bw, int(icon * 0.8))
    banner.midbottom = (w // 2, int(h * 0.965))
    _panel(surface, banner, theme, CREAM, INK)
    s = 1.0 + 0.04 * math.sin(t * 2 * math.pi * 0.7)
    ic = (banner.left + icon * 0.45, banner.centery - icon * 0.08)
    draw_cue_icon(surface, view.cue, ic, icon * s, theme)
    surface.blit(text, text.get_rect(midleft=(int(banner.left + icon + h * 0.02), banner.centery)))


def draw_ready_ring(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """Before play: a big ring in the middle that fills while the child holds the start pose."""
    w, h = surface.get_size()
    cx, cy = w / 2, h * 0.5
    r = h * 0.2
    _blit_center(surface, _alpha_circle(theme, int(r * 1.15), INK, 150), (cx, cy))
    rect = pygame.Rect(0, 0, 2 * r, 2 * r)
    rect.center = (int(cx), int(cy))
    pygame.draw.circle(surface, (70, 80, 110), (cx, cy), r, int(r * 0.14))
    fill = max(0.0, min(1.0, view.ready))
    if fill >= 1.0:
        pygame.draw.circle(surface, theme.good, (cx, cy), r, int(r * 0.14))
    elif fill > 0:
        pygame.draw.arc(surface, theme.good, rect, math.pi / 2 - 2 * math.pi * fill, math.pi / 2, int(r * 0.14))
    if view.activity_id in HAND_ACTIVITIES:
        draw_hand_icon(surface, (cx - r * 0.32, cy + r * 0.05), r * 0.85, side="left", color=theme.left)
        draw_hand_icon(surface, (cx + r * 0.32, cy + r * 0.05), r * 0.85, side="right", color=theme.right)
    else:
        draw_figure(surface, figure_for(_start_pose(view)), (cx, cy + r * 0.05), r * 1.25, CREAM, theme.left, theme.right)
    label = theme.label(CUES["get_ready"], int(h * 0.07), WHITE, outline=True)
    surface.blit(label, label.get_rect(midtop=(int(cx), int(cy + r * 1.2))))


def _start_pose(view: ActivityView) -> str:
    return str(view.extra.get("start_pose", "stand"))


def draw_pointer(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """The fingertip being used: a bright dot with a soft glow; a ring closes while pinching."""
    if view.pointer is None:
        return
    p = px(surface, *view.pointer)
    h = surface.get_height()
    r = int(h * 0.022)
    color = theme.side_color(view.side) if view.side else WHITE
    _blit_center(surface, _glow(theme, r * 3, YELLOW), p)
    pygame.draw.circle(surface, INK, p, r + 3)
    pygame.draw.circle(surface, color, p, r)
    pygame.draw.circle(surface, WHITE, p, max(2, r // 3))
    if view.pinching:
        pygame.draw.circle(surface, theme.good, p, int(r * 1.8), 5)


# --- per-activity pictures ----------------------------------------------------------------------


def _demo_card(surface: pygame.Surface, theme: Theme, figs: tuple[Figure, Figure], t: float, period: float = 2.0, mark: str | None = None) -> pygame.Rect:
    """A card at the left showing the move as a slowly animated stick child (two poses
    cross-faded by a sine: smooth, never a flash)."""
    w, h = surface.get_size()
    rect = pygame.Rect(int(w * 0.02), int(h * 0.2), int(h * 0.3), int(h * 0.4))
    _panel(surface, rect, theme, CREAM, INK)
    u = 0.5 - 0.5 * math.cos(2 * math.pi * t / period)
    a, b = figs
    fig = blend(a, b, u)
    draw_figure(surface, fig, (rect.centerx, rect.centery + rect.h * 0.05), rect.h * 0.78, INK, theme.left, theme.right)
    return rect


def _side_badge(surface: pygame.Surface, rect: pygame.Rect, side: str | None, theme: Theme) -> None:
    """A coloured dot on a card telling which side (the skeleton uses the same colours)."""
    if side not in ("left", "right"):
        return
    c = (rect.left + rect.w * 0.16, rect.top + rect.w * 0.16) if side == "left" else (rect.right - rect.w * 0.16, rect.top + rect.w * 0.16)
    pygame.draw.circle(surface, INK, c, rect.w * 0.1)
    pygame.draw.circle(surface, theme.side_color(side), c, rect.w * 0.08)


def _big_counter(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """A round badge at the top right with the count (the numbers are for grown-ups)."""
    w, h = surface.get_size()
    c = (w - h * 0.11, h * 0.1)
    age = float(view.extra.get("since_count_s", 9.0))
    s = bounce(age)
    pygame.draw.circle(surface, INK, c, h * 0.075 * s)
    pygame.draw.circle(surface, YELLOW, c, h * 0.068 * s)
    label = theme.label(str(view.count), int(h * 0.085), INK)
    surface.blit(label, label.get_rect(center=(int(c[0]), int(c[1] + 2))))


def _track_steps(view: ActivityView) -> tuple[int, int]:
    """(position, steps) of the hero on a story track: one step per rep (goal <= 12) or a share."""
    if 0 < view.goal <= 12:
        return min(view.count, view.goal), view.goal
    return int(round(max(0.0, min(1.0, view.progress)) * 10)), 10


def _story_track(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float,
                 step: Callable[[Point, float, bool], None], hero: Callable[[Point, float], None],
                 prize: Callable[[Point, float], None], panel: Color = (44, 60, 100)) -> None:
    """A column at the right edge: steps from the bottom to a prize at the top; the hero climbs
    one step per rep, so the child sees how far there is still to go."""
    w, h = surface.get_size()
    col = pygame.Rect(0, 0, int(h * 0.2), int(h * 0.62))
    col.topright = (int(w - h * 0.03), int(h * 0.2))
    _panel(surface, col, theme, panel, INK)
    pos, steps = _track_steps(view)
    r = h * 0.026
    top, bottom = col.top + h * 0.12, col.bottom - h * 0.04
    pts = [(col.centerx + (h * 0.035 if k % 2 else -h * 0.035), bottom - (bottom - top) * k / max(1, steps - 1)) for k in range(steps)]
    for k, p in enumerate(pts):
        step(p, r, k < pos)
    prize((col.centerx, col.top + h * 0.06), h * 0.045)
    at = pts[pos - 1] if pos > 0 else (col.centerx, bottom + h * 0.005)
    if pos >= steps:
        at = (col.centerx, col.top + h * 0.06)
    bob = h * 0.006 * math.sin(t * 2 * math.pi * 0.5)
    hero((at[0], at[1] - r * 1.4 + bob), h * 0.042)


def _cloud_step(surface: pygame.Surface) -> Callable[[Point, float, bool], None]:
    def step(p: Point, r: float, done: bool) -> None:
        col = CREAM if done else DIM
        for dx, dy, rr in ((-0.7, 0.1, 0.6), (0.0, -0.15, 0.8), (0.7, 0.1, 0.6)):
            pygame.draw.circle(surface, col, (p[0] + dx * r, p[1] + dy * r), rr * r)
    return step


def _rocket(surface: pygame.Surface, c: Point, r: float) -> None:
    cx, cy = c
    pygame.draw.polygon(surface, ORANGE, [(cx - r * 0.3, cy + r * 0.8), (cx, cy + r * 1.5), (cx + r * 0.3, cy + r * 0.8)])
    for sx in (-1, 1):
        pygame.draw.polygon(surface, INK, [(cx + sx * r * 0.35, cy + r * 0.1), (cx + sx * r * 0.85, cy + r * 0.95), (cx + sx * r * 0.3, cy + r * 0.8)])
    pygame.draw.ellipse(surface, INK, (cx - r * 0.48, cy - r * 1.3, r * 0.96, r * 2.3))
    pygame.draw.ellipse(surface, CREAM, (cx - r * 0.4, cy - r * 1.22, r * 0.8, r * 2.14))
    pygame.draw.polygon(surface, VERMILLION, [(cx - r * 0.3, cy - r * 0.8), (cx, cy - r * 1.25), (cx + r * 0.3, cy - r * 0.8)])
    pygame.draw.circle(surface, SKY, (cx, cy - r * 0.2), r * 0.22)
    pygame.draw.circle(surface, INK, (cx, cy - r * 0.2), r * 0.22, 2)


def _moon(surface: pygame.Surface, c: Point, r: float) -> None:
    pygame.draw.circle(surface, INK, c, r + 3)
    pygame.draw.circle(surface, YELLOW, c, r)
    pygame.draw.circle(surface, (220, 205, 60), (c[0] - r * 0.3, c[1] - r * 0.2), r * 0.22)
    pygame.draw.circle(surface, (220, 205, 60), (c[0] + r * 0.35, c[1] + r * 0.3), r * 0.15)


def _meter(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, value: float, color: Color, down: bool = False) -> None:
    """A vertical gauge the child moves with their body (arm height, squat depth, hop height);
    full at 1, where the rep counts."""
    _panel(surface, rect, theme, (44, 60, 100), INK)
    inner = rect.inflate(-rect.w // 3, -rect.w // 3)
    pygame.draw.rect(surface, (70, 80, 110), inner, border_radius=inner.w // 2)
    v = max(0.0, min(1.0, value))
    fill = inner.copy()
    fill.height = max(inner.w, int(inner.height * v))
    if down:
        fill.top = inner.top
    else:
        fill.bottom = inner.bottom
    pygame.draw.rect(surface, theme.good if v >= 0.99 else color, fill, border_radius=inner.w // 2)
    # the line to reach
    y = inner.bottom - 3 if down else inner.top + 3
    draw_star(surface, (rect.centerx, y), rect.w * 0.35, v >= 0.99)


def draw_jumping_jacks(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """Demo card; a rocket that climbs to the moon, one cloud per jack; arm and leg gauges."""
    _demo_card(surface, theme, (figure_for("stand"), figure_for("jack_open")), t)
    _story_track(surface, view, theme, t, _cloud_step(surface), lambda c, r: _rocket(surface, c, r), lambda c, r: _moon(surface, c, r))
    w, h = surface.get_size()
    arms = view.extra.get("arms")
    if isinstance(arms, (int, float)):
        _meter(surface, theme, pygame.Rect(int(w * 0.02), int(h * 0.63), int(h * 0.08), int(h * 0.28)), float(arms), YELLOW)


def draw_arm_raises(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """Demo card; one balloon per arm on a string that rises as the arm goes up (from the
    activity's live arm signal), reaching the star line when the raise counts."""
    side = view.side
    if side == "left":
        figs = (figure_for("stand"), figure_for("left_arm_up"))
    elif side == "right":
        figs = (figure_for("stand"), figure_for("right_arm_up"))
    else:
        figs = (figure_for("stand"), figure_for("arms_up"))
    rect = _demo_card(surface, theme, figs, t)
    _side_badge(surface, rect, side, theme)
    w, h = surface.get_size()
    panel = pygame.Rect(0, 0, int(h * 0.3), int(h * 0.62))
    panel.topright = (int(w - h * 0.03), int(h * 0.2))
    _panel(surface, panel, theme, (44, 60, 100), INK)
    top, bottom = panel.top + h * 0.1, panel.bottom - h * 0.08
    pygame.draw.line(surface, YELLOW, (panel.left + 12, top), (panel.right - 12, top), 4)
    for s_, x in (("left", panel.left + panel.w * 0.3), ("right", panel.left + panel.w * 0.7)):
        level = view.extra.get(f"{s_}_arm")
        v = float(level) if isinstance(level, (int, float)) else 0.0
        asked = side in (None, s_) or side not in ("left", "right")
        y = bottom - (bottom - top) * v
        pygame.draw.line(surface, CREAM, (x, bottom + h * 0.06), (x, y + h * 0.05), 2)
        c = (x, y + math.sin(t * 1.5 + x) * 3)
        col = theme.side_color(s_) if asked else DIM
        pygame.draw.ellipse(surface, INK, (c[0] - h * 0.045, c[1] - h * 0.055, h * 0.09, h * 0.105))
        pygame.draw.ellipse(surface, col, (c[0] - h * 0.04, c[1] - h * 0.05, h * 0.08, h * 0.095))
        pygame.draw.ellipse(surface, WHITE, (c[0] - h * 0.025, c[1] - h * 0.037, h * 0.016, h * 0.032))
        if v >= 0.99:
            draw_star(surface, (x, top), h * 0.025, True)


def _draw_star_target(surface: pygame.Surface, tgt: Target, theme: Theme, t: float) -> None:
    w, h = surface.get_size()
    c = (tgt.x * w, tgt.y * h)
    r = max(12.0, tgt.radius * h)
    color = theme.side_color(tgt.side) if tgt.side else YELLOW
    if tgt.state == "hit":
        pygame.draw.circle(surface, theme.good, c, r * 0.9, 5)
        draw_star(surface, c, r * 0.5, True, YELLOW)
        return
    if tgt.state == "missed":
        pygame.draw.polygon(surface, DIM, star_points(c[0], c[1], r * 0.7))
        return
    wob = 1.0 + 0.06 * math.sin(t * 2 * math.pi * 0.6 + tgt.id)
    _blit_center(surface, _glow(theme, int(r * 1.6), color), c)
    draw_star(surface, c, r * wob, True, color, angle=0.08 * math.sin(t * 1.3 + tgt.id))
    pygame.draw.circle(surface, WHITE, (c[0] - r * 0.2, c[1] - r * 0.25), max(2, r * 0.1))
    if tgt.state == "held":
        pygame.draw.circle(surface, theme.good, c, r * 1.25, 6)


def draw_reach_stars(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    for tgt in view.targets:
        _draw_star_target(surface, tgt, theme, t)


def draw_flamingo_balance(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    w, h = surface.get_size()
    side = view.side or "left"
    fig = Figure(left_arm=90, right_arm=90, left_knee_up=70 if side == "left" else 0, right_knee_up=70 if side == "right" else 0)
    card = pygame.Rect(int(w * 0.02), int(h * 0.2), int(h * 0.3), int(h * 0.4))
    _panel(surface, card, theme)
    tilt = view.sway * 0.5 * math.sin(t * 2 * math.pi * 0.5)
    draw_figure(surface, fig, (card.centerx + tilt * 20, card.centery + card.h * 0.05), card.h * 0.78, INK, theme.left, theme.right)
    _side_badge(surface, card, side, theme)
    # balance meter on the right: an arc from steady (green, centre) to wobbly (ends)
    cx, cy, r = w * 0.85, h * 0.5, h * 0.15
    panel = pygame.Rect(0, 0, int(r * 2.5), int(r * 2.2))
    panel.center = (int(cx), int(cy - r * 0.15))
    _panel(surface, panel, theme)
    arc = pygame.Rect(0, 0, 2 * r, 2 * r)
    arc.center = (int(cx), int(cy + r * 0.2))
    zones = ((0.0, 0.3, PURPLE), (0.3, 0.7, GREEN), (0.7, 1.0, PURPLE))
    for a0, a1, col in zones:
        pygame.draw.arc(surface, col, arc, math.pi * (1 - a1), math.pi * (1 - a0), int(r * 0.22))
    sway = max(0.0, min(1.0, view.sway))
    needle_pos = 0.5 + 0.5 * sway * math.sin(t * 2 * math.pi * 0.45)
    a = math.pi * (1 - needle_pos)
    tip = (arc.centerx + r * 0.85 * math.cos(a), arc.centery - r * 0.85 * math.sin(a))
    pygame.draw.line(surface, INK, arc.center, tip, 8)
    pygame.draw.circle(surface, INK, arc.center, r * 0.12)
    # flamingo friend on the needle base
    pygame.draw.circle(surface, PURPLE, (arc.centerx, arc.centery + r * 0.3), r * 0.12)
    # hold ring: how long the balance is held
    hold = view.hold if view.hold is not None else view.progress
    hc = (card.centerx, card.bottom + h * 0.11)
    hr = h * 0.06
    pygame.draw.circle(surface, INK, hc, hr + 6)
    pygame.draw.circle(surface, (70, 80, 110), hc, hr)
    if hold and hold > 0:
        rect = pygame.Rect(0, 0, 2 * hr, 2 * hr)
        rect.center = (int(hc[0]), int(hc[1]))
        if hold >= 1:
            pygame.draw.circle(surface, theme.good, hc, hr)
        else:
            pygame.draw.arc(surface, theme.good, rect, math.pi / 2 - 2 * math.pi * hold, math.pi / 2, int(hr))
    _heart(surface, hc[0], hc[1], hr * 0.5, CREAM)


def draw_frog_squats(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """Demo card; a frog hopping up lily pads to a fly; a depth gauge filling as the child goes low."""
    _demo_card(surface, theme, (figure_for("stand"), figure_for("frog")), t, period=2.4)

    def pad(p: Point, r: float, done: bool) -> None:
        _token(surface, "lily", p, r, done, theme, 0)

    def fly(c: Point, r: float) -> None:
        for sx in (-1, 1):
            pygame.draw.ellipse(surface, CREAM, (c[0] + (0 if sx > 0 else -r * 0.9), c[1] - r * 0.7, r * 0.9, r * 0.6))
        pygame.draw.circle(surface, INK, c, r * 0.4)

    _story_track(surface, view, theme, t, pad, lambda c, r: _frog(surface, c, r), fly, panel=BLUE)
    depth = view.extra.get("depth")
    if isinstance(depth, (int, float)):
        w, h = surface.get_size()
        _meter(surface, theme, pygame.Rect(int(w * 0.02), int(h * 0.63), int(h * 0.08), int(h * 0.28)), float(depth), SKY, down=True)


def _frog(surface: pygame.Surface, c: Point, r: float) -> None:
    cx, cy = c
    for sx in (-1, 1):
        pygame.draw.circle(surface, INK, (cx + sx * r * 0.5, cy - r * 0.7), r * 0.4)
        pygame.draw.circle(surface, GREEN, (cx + sx * r * 0.5, cy - r * 0.7), r * 0.33)
        pygame.draw.circle(surface, WHITE, (cx + sx * r * 0.5, cy - r * 0.72), r * 0.18)
        pygame.draw.circle(surface, INK, (cx + sx * r * 0.5, cy - r * 0.72), r * 0.09)
    pygame.draw.ellipse(surface, INK, (cx - r * 1.05, cy - r * 0.65, r * 2.1, r * 1.35))
    pygame.draw.ellipse(surface, GREEN, (cx - r * 0.95, cy - r * 0.55, r * 1.9, r * 1.15))
    pygame.draw.arc(surface, INK, (cx - r * 0.5, cy - r * 0.4, r, r * 0.6), math.pi * 1.1, math.pi * 1.9, 2)


def draw_bunny_hops(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """Demo card; a bunny hopping up a hill of carrots; a gauge for how high the hop was."""
    _demo_card(surface, theme, (figure_for("stand"), figure_for("hop")), t, period=1.6)

    def mound(p: Point, r: float, done: bool) -> None:
        pygame.draw.ellipse(surface, GREEN if done else DIM, (p[0] - r * 1.2, p[1] - r * 0.4, r * 2.4, r * 0.9))
        if done:
            _token(surface, "carrot", (p[0], p[1] - r * 0.2), r * 0.5, True, theme, 0)

    _story_track(surface, view, theme, t, mound, lambda c, r: _bunny_face(surface, c, r * 0.9),
                 lambda c, r: _token(surface, "carrot", c, r, True, theme, 0))
    height = view.extra.get("height")
    if isinstance(height, (int, float)):
        w, h = surface.get_size()
        _meter(surface, theme, pygame.Rect(int(w * 0.02), int(h * 0.63), int(h * 0.08), int(h * 0.28)), float(height), ORANGE)


def _bunny_face(surface: pygame.Surface, c: Point, r: float) -> None:
    cx, cy = c
    for sx in (-1, 1):
        pygame.draw.ellipse(surface, INK, (cx + sx * r * 0.4 - r * 0.3, cy - r * 2.0, r * 0.6, r * 1.6))
        pygame.draw.ellipse(surface, CREAM, (cx + sx * r * 0.4 - r * 0.22, cy - r * 1.92, r * 0.44, r * 1.44))
    pygame.draw.circle(surface, INK, (cx, cy), r * 1.05)
    pygame.draw.circle(surface, CREAM, (cx, cy), r * 0.95)
    for sx in (-1, 1):
        pygame.draw.circle(surface, INK, (cx + sx * r * 0.35, cy - r * 0.15), r * 0.12)
    pygame.draw.circle(surface, PURPLE, (cx, cy + r * 0.15), r * 0.12)


def draw_march_in_place(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    side = view.side
    if side == "right":
        figs = (figure_for("stand"), figure_for("right_knee_up"))
    else:
        figs = (figure_for("stand"), figure_for("left_knee_up"))
    if side is None:
        figs = (figure_for("left_knee_up"), figure_for("right_knee_up"))
    rect = _demo_card(surface, theme, figs, t, period=1.6)
    _side_badge(surface, rect, side, theme)
    w, h = surface.get_size()
    # a drum: each knee lift is a beat; the next knee's colour glows on the drum
    c = (w * 0.86, h * 0.5)
    r = h * 0.09
    next_col = theme.side_color(side) if side else YELLOW
    _blit_center(surface, _glow(theme, int(r * 1.6), next_col), c)
    pygame.draw.ellipse(surface, INK, (c[0] - r * 1.05, c[1] - r * 0.2, r * 2.1, r * 1.4))
    pygame.draw.rect(surface, VERMILLION, (c[0] - r, c[1], r * 2, r * 0.9))
    pygame.draw.ellipse(surface, VERMILLION, (c[0] - r, c[1] + r * 0.5, r * 2, r * 0.8))
    pygame.draw.ellipse(surface, CREAM, (c[0] - r, c[1] - r * 0.4, r * 2, r * 0.8))
    pygame.draw.ellipse(surface, INK, (c[0] - r, c[1] - r * 0.4, r * 2, r * 0.8), 3)
    for k in range(5):
        x = c[0] - r + r * 0.5 * k
        pygame.draw.line(surface, YELLOW, (x, c[1] + r * 0.1), (x + r * 0.25, c[1] + r * 0.9), 3)
    for sx in (-1, 1):
        pygame.draw.line(surface, INK, (c[0] + sx * r * 0.2, c[1] - r * 0.2), (c[0] + sx * r * 0.9, c[1] - r * 1.0), 8)
        pygame.draw.circle(surface, next_col if (sx < 0) == (side != "right") else CREAM, (c[0] + sx * r * 0.9, c[1] - r * 1.0), r * 0.14)




def draw_copy_the_pose(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    w, h = surface.get_size()
    card = pygame.Rect(0, 0, int(h * 0.36), int(h * 0.48))
    card.topleft = (int(w * 0.02), int(h * 0.18))
    matched = view.match >= 0.8
    _panel(surface, card, theme, CREAM, theme.good if matched else INK)
    if matched:
        pygame.draw.rect(surface, theme.good, card, 10, border_radius=int(card.w * 0.18))
    draw_figure(surface, figure_for(view.pose_card), (card.centerx, card.centery + card.h * 0.04), card.h * 0.8, INK, theme.left, theme.right)
    # match meter: a column of five dots filling from the bottom, beside the card
    m = max(0.0, min(1.0, view.match))
    col_x = card.right + h * 0.05
    for k in range(5):
        cy = card.bottom - h * 0.04 - k * card.h * 0.2
        lit = m >= (k + 1) / 5 - 1e-6
        pygame.draw.circle(surface, INK, (col_x, cy), h * 0.03)
        pygame.draw.circle(surface, (theme.good if lit else DIM), (col_x, cy), h * 0.024)
    # hold ring under the card
    hold = view.hold or 0.0
    hc = (card.centerx, card.bottom + h * 0.1)
    hr = h * 0.055
    pygame.draw.circle(surface, INK, hc, hr + 5)
    pygame.draw.circle(surface, (70, 80, 110), hc, hr)
    if hold > 0:
        rect = pygame.Rect(0, 0, 2 * hr, 2 * hr)
        rect.center = (int(hc[0]), int(hc[1]))
        pygame.draw.arc(surface, theme.good, rect, math.pi / 2 - 2 * math.pi * min(1.0, hold), math.pi / 2, int(hr * 0.5))
    draw_star(surface, hc, hr * 0.5, hold >= 1.0)


def _bubble_sprite(theme: Theme, r: int, color: Color) -> pygame.Surface:
    def make() -> pygame.Surface:
        s = pygame.Surface((2 * r + 8, 2 * r + 8), pygame.SRCALPHA)
        c = (r + 4, r + 4)
        tint = tuple(int(v * 0.6 + 255 * 0.4) for v in color)
        pygame.draw.circle(s, (*tint, 110), c, r)
        pygame.draw.circle(s, (*INK, 255), c, r + 2, 3)
        pygame.draw.circle(s, (*color, 255), c, r, max(3, r // 9))
        pygame.draw.circle(s, (255, 255, 255, 230), (c[0] - r * 0.38, c[1] - r * 0.38), max(3, r * 0.2))
        pygame.draw.circle(s, (255, 255, 255, 200), (c[0] - r * 0.08, c[1] - r * 0.55), max(2, r * 0.08))
        pygame.draw.arc(s, (255, 255, 255, 180), pygame.Rect(c[0] - r * 0.75, c[1] - r * 0.75, r * 1.5, r * 1.5), math.pi * 1.2, math.pi * 1.6, 3)
        return s

    return theme.sprite(("bubble", r, color), make)


def draw_bubble_pop(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    w, h = surface.get_size()
    for tgt in view.targets:
        r = int(max(14.0, tgt.radius * h))
        bob = math.sin(t * 2 * math.pi * 0.4 + tgt.id * 1.7) * h * 0.006
        c = (tgt.x * w, tgt.y * h + bob)
        color = theme.color(tgt.color)
        if tgt.side:
            color = theme.side_color(tgt.side)
        if tgt.state == "hit":
            for k in range(8):
                a = k * math.pi / 4
                pygame.draw.circle(surface, color, (c[0] + r * 0.9 * math.cos(a), c[1] + r * 0.9 * math.sin(a)), max(3, r // 7))
            continue
        if tgt.state == "missed":
            _blit_center(surface, _alpha_circle(theme, r, DIM, 80), c)
            continue
        _blit_center(surface, _bubble_sprite(theme, r, color), c)
    draw_pointer(surface, view, theme, t)


def _strokes(view: ActivityView) -> list[tuple[int, int]]:
    """Index ranges of the separate strokes of the path (one range when the view has none)."""
    raw = view.extra.get("strokes")
    n = len(view.path)
    out: list[tuple[int, int]] = []
    if isinstance(raw, (tuple, list)):
        for item in raw:
            try:
                a, b = int(item[0]), int(item[1])
            except (TypeError, ValueError, IndexError):
                continue
            if 0 <= a < b <= n:
                out.append((a, b))
    return out or [(0, n)]


def draw_air_trace(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """A wide dark road with small guide dots; the part the finger has covered glows yellow;
    a green dot marks where to start, a star where the shape ends, a ring pulses at the next
    point to reach."""
    w, h = surface.get_size()
    pts = [(x * w, y * h) for x, y in view.path]
    covered = view.path_covered if len(view.path_covered) == len(pts) else (False,) * len(pts)
    width = int(h * 0.05)
    current = view.extra.get("stroke")
    strokes = _strokes(view)
    for si, (a, b) in enumerate(strokes):
        seg = pts[a:b]
        if len(seg) < 2:
            continue
        road = (70, 80, 120) if current in (None, si) else (55, 62, 92)
        pygame.draw.lines(surface, INK, False, seg, width + 8)
        for p in seg:
            pygame.draw.circle(surface, INK, p, (width + 8) // 2)
        pygame.draw.lines(surface, road, False, seg, width)
        for p in seg:
            pygame.draw.circle(surface, road, p, width // 2)
        for k in range(a, b - 1):
            if covered[k] and covered[k + 1]:
                pygame.draw.line(surface, YELLOW, pts[k], pts[k + 1], width - 6)
                pygame.draw.circle(surface, YELLOW, pts[k], (width - 6) // 2)
        if covered[b - 1]:
            pygame.draw.circle(surface, YELLOW, pts[b - 1], (width - 6) // 2)
        step = max(1, (b - a) // 20)
        for k in range(a, b, step):
            if not covered[k]:
                pygame.draw.circle(surface, CREAM, pts[k], max(3, width // 6))
        pygame.draw.circle(surface, INK, pts[a], width * 0.75)
        pygame.draw.circle(surface, theme.good, pts[a], width * 0.65)
        draw_star(surface, pts[b - 1], width * 0.8, bool(covered[b - 1]))
    nxt = next((k for k, c in enumerate(covered) if not c), None)
    if nxt is not None and pts:
        s = 1.0 + 0.15 * math.sin(t * 2 * math.pi * 0.8)
        pygame.draw.circle(surface, WHITE, pts[nxt], width * 0.45 * s, 4)
    draw_pointer(surface, view, theme, t)


def _finger_tally(surface: pygame.Surface, view: ActivityView, theme: Theme) -> None:
    """Dots under the hands: one per finger seen, green when it matches the number asked."""
    if view.shown is None:
        return
    w, h = surface.get_size()
    n = max(0, min(10, view.shown))
    r = h * 0.022
    y = h * 0.7
    ok = view.number is not None and n == view.number
    for k in range(10):
        x = w * 0.5 + (k - 4.5) * r * 2.6
        lit = k < n
        pygame.draw.circle(surface, INK, (x, y), r + 3)
        pygame.draw.circle(surface, (theme.good if ok else SKY) if lit else DIM, (x, y), r)


def draw_finger_count(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    w, h = surface.get_size()
    n = view.number or 0
    card = pygame.Rect(0, 0, int(w * 0.46), int(h * 0.42))
    card.midtop = (w // 2, int(h * 0.19))
    matched = view.shown is not None and view.shown == n
    _panel(surface, card, theme, CREAM, theme.good if matched else INK)
    # the number, big, on the left of the card
    big = theme.label(str(n), int(card.h * 0.75), BLUE)
    surface.blit(big, big.get_rect(center=(card.left + card.w * 0.2, card.centery + card.h * 0.04)))
    # hands showing that number: right hand 1..5, then the left hand for 6..10
    hs = card.h * 0.8
    first = min(5, n)
    second = max(0, n - 5)
    if second:
        draw_hand_icon(surface, (card.left + card.w * 0.5, card.centery + hs * 0.05), hs * 0.95, fingers_for_count(5), side="left", color=theme.left)
        draw_hand_icon(surface, (card.left + card.w * 0.79, card.centery + hs * 0.05), hs * 0.95, fingers_for_count(second), side="right", color=theme.right)
    else:
        draw_hand_icon(surface, (card.left + card.w * 0.64, card.centery + hs * 0.05), hs, fingers_for_count(first), side="right", color=theme.right)
    if matched:
        pygame.draw.rect(surface, theme.good, card, 10, border_radius=int(min(card.w, card.h) * 0.18))
    _finger_tally(surface, view, theme)


FINGER_ORDER = ("thumb", "index", "middle", "ring", "pinky")


def draw_finger_taps(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """A big hand; the finger to touch with the thumb glows with a target ring; the sequence
    index → middle → ring → pinky is shown as four dots, done ones filled."""
    w, h = surface.get_size()
    card = pygame.Rect(0, 0, int(h * 0.5), int(h * 0.52))
    card.topright = (int(w * 0.98), int(h * 0.18))
    _panel(surface, card, theme)
    finger = view.number if view.number is not None else 1  # 1 index .. 4 pinky
    finger = max(1, min(4, finger))
    side = view.side or "right"
    tips = draw_hand_icon(surface, (card.centerx, card.centery + card.h * 0.08), card.h * 0.85, side=side, color=theme.side_color(side), highlight=finger)
    s = 1.0 + 0.15 * math.sin(t * 2 * math.pi * 0.8)
    tip = tips[finger]
    pygame.draw.circle(surface, INK, tip, card.h * 0.075 * s + 3, 6)
    pygame.draw.circle(surface, theme.good, tip, card.h * 0.075 * s, 5)
    # a dashed line from thumb tip to the target finger tip: "bring them together"
    a, b = tips[0], tip
    for k in range(1, 8, 2):
        u0, u1 = k / 9, (k + 1) / 9
        pygame.draw.line(surface, INK, (a[0] + (b[0] - a[0]) * u0, a[1] + (b[1] - a[1]) * u0), (a[0] + (b[0] - a[0]) * u1, a[1] + (b[1] - a[1]) * u1), 5)
    # sequence dots along the bottom of the card
    for k in range(4):
        x = card.left + card.w * (0.2 + 0.2 * k)
        y = card.bottom + h * 0.06
        pygame.draw.circle(surface, INK, (x, y), h * 0.028)
        col = theme.good if k + 1 < finger else (YELLOW if k + 1 == finger else DIM)
        pygame.draw.circle(surface, col, (x, y), h * 0.022)
    draw_pointer(surface, view, theme, t)


def _basket(surface: pygame.Surface, c: Point, r: float, color: Color, theme: Theme) -> None:
    cx, cy = c
    body = [(cx - r, cy - r * 0.3), (cx + r, cy - r * 0.3), (cx + r * 0.75, cy + r * 0.75), (cx - r * 0.75, cy + r * 0.75)]
    pygame.draw.polygon(surface, INK, [(x + (x - cx) * 0.08, y + (y - cy) * 0.08) for x, y in body])
    pygame.draw.polygon(surface, color, body)
    for k in range(1, 4):
        y = cy - r * 0.3 + k * r * 0.26
        pygame.draw.line(surface, INK, (cx - r * (1 - 0.06 * k), y), (cx + r * (1 - 0.06 * k), y), 2)
    rim = pygame.Rect(0, 0, r * 2.1, r * 0.4)
    rim.center = (int(cx), int(cy - r * 0.3))
    pygame.draw.ellipse(surface, INK, rim.inflate(6, 6))
    pygame.draw.ellipse(surface, color, rim)
    pygame.draw.ellipse(surface, INK, rim.inflate(-int(r * 0.3), -int(r * 0.15)))
    handle = pygame.Rect(0, 0, r * 1.6, r * 1.5)
    handle.center = (int(cx), int(cy - r * 0.3))
    pygame.draw.arc(surface, INK, handle, 0.05, math.pi - 0.05, max(6, int(r * 0.12)))


SHAPE_OF: dict[str, str] = {"red": "heart", "blue": "ball", "yellow": "star", "green": "block"}


def _object(surface: pygame.Surface, tgt: Target, c: Point, r: float, color: Color) -> None:
    """Objects to sort: each colour also has its own shape (red heart, blue ball, yellow star,
    green block), so a child who cannot tell the colours apart can still match the basket."""
    cx, cy = c
    label = SHAPE_OF.get(tgt.label.lower(), tgt.label.lower())
    if "star" in label:
        pygame.draw.polygon(surface, INK, star_points(cx, cy, r * 1.15))
        pygame.draw.polygon(surface, color, star_points(cx, cy, r))
    elif "heart" in label:
        _heart(surface, cx, cy, r * 1.05, INK)
        _heart(surface, cx, cy, r * 0.88, color)
    elif "block" in label or "square" in label or "cube" in label:
        rect = pygame.Rect(0, 0, r * 1.7, r * 1.7)
        rect.center = (int(cx), int(cy))
        pygame.draw.rect(surface, INK, rect.inflate(8, 8), border_radius=int(r * 0.3))
        pygame.draw.rect(surface, color, rect, border_radius=int(r * 0.25))
    else:
        pygame.draw.circle(surface, INK, (cx, cy), r + 4)
        pygame.draw.circle(surface, color, (cx, cy), r)
        pygame.draw.circle(surface, WHITE, (cx - r * 0.35, cy - r * 0.35), max(2, r * 0.22))


def draw_pinch_and_sort(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    w, h = surface.get_size()
    for tgt in view.targets:
        if tgt.kind == "basket":
            r = max(30.0, tgt.radius * h)
            color = theme.color_for(tgt.label, tgt.color)
            _basket(surface, (tgt.x * w, tgt.y * h), r, color, theme)
            emblem = Target(tgt.id, tgt.x, tgt.y, 0.0, "object", label=tgt.label)
            _object(surface, emblem, (tgt.x * w, tgt.y * h + r * 0.3), r * 0.3, WHITE)
    loose = [tg for tg in view.targets if tg.kind != "basket" and tg.state not in ("hit", "missed", "held")]
    held = [tg for tg in view.targets if tg.kind != "basket" and tg.state == "held"]
    for tgt in loose:
        r = max(14.0, tgt.radius * h)
        c = (tgt.x * w, tgt.y * h + math.sin(t * 2 * math.pi * 0.4 + tgt.id) * 4)
        _object(surface, tgt, c, r, theme.color_for(tgt.label, tgt.color))
    draw_pointer(surface, view, theme, t)
    for tgt in held:  # carried: on top of the fingers, glowing
        r = max(14.0, tgt.radius * h)
        c = (tgt.x * w, tgt.y * h)
        _blit_center(surface, _glow(theme, int(r * 1.8), YELLOW), c)
        _object(surface, tgt, c, r * 1.1, theme.color_for(tgt.label, tgt.color))


DRAWERS: dict[str, Callable[[pygame.Surface, ActivityView, Theme, float], None]] = {
    "jumping_jacks": draw_jumping_jacks,
    "arm_raises": draw_arm_raises,
    "reach_stars": draw_reach_stars,
    "flamingo_balance": draw_flamingo_balance,
    "frog_squats": draw_frog_squats,
    "bunny_hops": draw_bunny_hops,
    "march_in_place": draw_march_in_place,
    "copy_the_pose": draw_copy_the_pose,
    "bubble_pop": draw_bubble_pop,
    "air_trace": draw_air_trace,
    "finger_count": draw_finger_count,
    "finger_taps": draw_finger_taps,
    "pinch_and_sort": draw_pinch_and_sort,
}


def _generic_targets(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    for tgt in view.targets:
        _draw_star_target(surface, tgt, theme, t)
    draw_pointer(surface, view, theme, t)


def draw_activity(surface: pygame.Surface, view: ActivityView, theme: Theme, t: float) -> None:
    """Draw one activity's state over the camera picture (and the child's skeleton)."""
    if view.phase == "waiting":
        draw_progress_row(surface, view, theme, t)
        draw_ready_ring(surface, view, theme, t)
        draw_cue(surface, view, theme, t) if view.cue and view.cue != "get_ready" else None
        return
    drawer = DRAWERS.get(view.activity_id, _generic_targets)
    drawer(surface, view, theme, t)
    draw_progress_row(surface, view, theme, t)
    draw_time_bar(surface, view, theme)
    _big_counter(surface, view, theme, t)
    draw_cue(surface, view, theme, t)
