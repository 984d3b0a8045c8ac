"""The synthetic hand and the hand motion scripts produce the geometry they claim.

Checked with plain geometry written here (not the activities' detectors), so a detector bug and
a model bug cannot cancel out."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tracking.landmarks import HandPoint as H
from tracking.shapes import SHAPES
from tracking.synthetic.hand import (
    CONTACT_GAP,
    LEAD_IN_S,
    PINCH_POINT,
    HandPlace,
    HandShape,
    place_landmark_at,
    render_hand,
)
from tracking.synthetic.motions import fingers, pinch, sort, taps, trace
from tracking.synthetic.source import SyntheticSource

ASPECT = 640 / 480
TIPS = {"index": H.INDEX_TIP, "middle": H.MIDDLE_TIP, "ring": H.RING_TIP, "pinky": H.PINKY_TIP}
PIPS = {"index": H.INDEX_PIP, "middle": H.MIDDLE_PIP, "ring": H.RING_PIP, "pinky": H.PINKY_PIP}
POSES = [HandPlace(), HandPlace(side="left"), HandPlace(rotation=60, pitch=50, yaw=35),
         HandPlace(side="left", rotation=-45, pitch=-30, yaw=-50, size=0.14, x=0.3, y=0.4)]


def xyz(points: np.ndarray, p: H) -> np.ndarray:
    x, y, z = points[int(p)]
    return np.array([x * ASPECT, y, z * ASPECT])


def dist(points: np.ndarray, a: H, b: H) -> float:
    return float(np.linalg.norm(xyz(points, a) - xyz(points, b)))


def unit(points: np.ndarray) -> float:
    return dist(points, H.WRIST, H.MIDDLE_MCP)


def straight(points: np.ndarray, finger: str) -> bool:
    return dist(points, TIPS[finger], H.WRIST) > dist(points, PIPS[finger], H.WRIST)


@pytest.mark.parametrize("place", POSES)
def test_size_and_placement(place: HandPlace) -> None:
    pts = render_hand(HandShape.open(), place).points
    assert unit(pts) == pytest.approx(place.size, abs=1e-9)
    assert pts[int(H.WRIST)].tolist() == pytest.approx([place.x, place.y, 0.0])


@pytest.mark.parametrize("place", POSES)
def test_open_fist_and_counting_shapes(place: HandPlace) -> None:
    open_pts = render_hand(HandShape.open(), place).points
    fist_pts = render_hand(HandShape.fist(), place).points
    for f in TIPS:
        assert straight(open_pts, f) and not straight(fist_pts, f)
        # curled fingertips come back to the palm: within one hand size of the wrist
        assert dist(fist_pts, TIPS[f], H.WRIST) < 0.8 * place.size
    # thumb out vs folded across the palm, measured against the little finger's knuckle
    assert dist(open_pts, H.THUMB_TIP, H.PINKY_MCP) > 1.3 * dist(open_pts, H.THUMB_MCP, H.PINKY_MCP)
    assert dist(fist_pts, H.THUMB_TIP, H.PINKY_MCP) < 0.6 * dist(fist_pts, H.THUMB_MCP, H.PINKY_MCP)
    for n in range(6):
        pts = render_hand(HandShape.showing(n), place).points
        up = [f for f in TIPS if straight(pts, f)]
        assert up == ["index", "middle", "ring", "pinky"][:min(n, 4)]
        assert HandShape.showing(n).extended().count(True) == n


def test_thumb_side_in_the_mirrored_picture() -> None:
    """Palm to the camera: the right hand's thumb is toward the screen's left, the left hand's
    toward the right; showing the back of the hand (yaw 180) swaps it."""
    for side, sign in (("right", -1), ("left", 1)):
        for yaw, flip in ((0.0, 1), (180.0, -1)):
            pts = render_hand(HandShape.open(), HandPlace(side=side, yaw=yaw)).points
            assert sign * flip * (pts[int(H.THUMB_TIP), 0] - pts[int(H.WRIST), 0]) > 0.02
            assert sign * flip * (pts[int(H.INDEX_MCP), 0] - pts[int(H.PINKY_MCP), 0]) > 0.01


def test_rotation_and_tilt_directions() -> None:
    up = render_hand(HandShape.open(), HandPlace()).points
    assert up[int(H.MIDDLE_TIP), 1] < up[int(H.WRIST), 1] - 0.1  # fingers up (y down)
    right = render_hand(HandShape.open(), HandPlace(rotation=90)).points
    assert right[int(H.MIDDLE_TIP), 0] > right[int(H.WRIST), 0] + 0.1
    back = render_hand(HandShape.open(), HandPlace(pitch=60)).points
    assert back[int(H.MIDDLE_TIP), 2] > 0.05  # fingertips away from the camera
    # curled fingers come toward the camera when the palm faces it
    assert render_hand(HandShape.fist(), HandPlace()).points[int(H.INDEX_PIP), 2] < 0


@pytest.mark.parametrize("place", POSES)
@pytest.mark.parametrize("finger", list(TIPS))
def test_thumb_reaches_the_fingertip_it_opposes(place: HandPlace, finger: str) -> None:
    pts = render_hand(HandShape.pinch(1.0, finger), place).points
    assert dist(pts, H.THUMB_TIP, TIPS[finger]) == pytest.approx(CONTACT_GAP * place.size, rel=1e-6)
    others = [dist(pts, H.THUMB_TIP, TIPS[f]) for f in TIPS if f != finger]
    assert min(others) > 0.8 * place.size
    half = render_hand(HandShape.pinch(0.5, finger), place).points
    assert dist(half, H.THUMB_TIP, TIPS[finger]) > 0.55 * place.size


def test_place_landmark_at_puts_the_pinch_point_on_target() -> None:
    place = place_landmark_at(HandShape.pinch(1.0), HandPlace(pitch=40), PINCH_POINT, (0.3, 0.25))
    pts = render_hand(HandShape.pinch(1.0), place).points
    mid = (pts[int(H.THUMB_TIP), :2] + pts[int(H.INDEX_TIP), :2]) / 2
    assert mid.tolist() == pytest.approx([0.3, 0.25], abs=1e-12)


# --- the motion scripts ------------------------------------------------------------------------

def _all_scripts() -> list[tuple[str, object]]:
    out = []
    for module in (pinch, fingers, taps, trace, sort):
        out.extend((name, factory()) for name, factory in module.SCRIPTS.items())
    return out


@pytest.mark.parametrize(("name", "script"), _all_scripts())
def test_every_script_starts_with_an_open_still_hand(name: str, script: object) -> None:
    frames = SyntheticSource(script, fps=10).frames()  # type: ignore[arg-type]
    assert frames and all(f.hands for f in frames), name
    lead = [f for f in frames if f.t < LEAD_IN_S - 0.05]
    first = {h.side: h.points for h in lead[0].hands}
    for f in lead:
        for h in f.hands:
            assert all(straight(h.points, finger) for finger in TIPS), name
            assert np.abs(h.points - first[h.side]).max() < 1e-9, name


def test_pinch_script_closes_on_its_targets_and_partials_stay_open() -> None:
    targets = ((0.3, 0.3), (0.6, 0.5), (0.45, 0.2), (0.7, 0.7))
    s = pinch.PinchCycles(pinches=4, targets=targets, partial=(2,), pitch=45, yaw=30, hands=("left", "right"))
    for k, target in enumerate(targets):
        hand = next(h for h in s(s.closed_at(k)).hands if h.side == s.hand_of(k))
        gap = dist(hand.points, H.THUMB_TIP, H.INDEX_TIP) / unit(hand.points)
        if k == 2:
            assert gap > 0.5
        else:
            assert gap == pytest.approx(CONTACT_GAP, abs=1e-6)
            mid = (hand.points[int(H.THUMB_TIP), :2] + hand.points[int(H.INDEX_TIP), :2]) / 2
            assert mid.tolist() == pytest.approx(list(target), abs=1e-9)
        other = next(h for h in s(s.closed_at(k)).hands if h.side != s.hand_of(k))
        assert dist(other.points, H.THUMB_TIP, H.INDEX_TIP) / unit(other.points) > 1.0


def test_show_fingers_script_shows_each_number() -> None:
    seq = ((3, 1.5), (7, 1.5), (10, 1.5), (1, 1.5), (0, 1.5))
    s = fingers.ShowFingers(sequence=seq, rotation=20, yaw=-30)
    for start, (n, hold) in zip(s.starts(), seq, strict=True):
        hands = s(start + hold * 0.6).hands
        assert len(hands) == 2
        total = 0
        for h in hands:
            total += sum(straight(h.points, f) for f in TIPS)
            total += dist(h.points, H.THUMB_TIP, H.PINKY_MCP) > dist(h.points, H.THUMB_MCP, H.PINKY_MCP)
        assert total == n


def test_taps_script_touches_the_planned_fingers() -> None:
    s = taps.FingerTaps(taps=8, errors_at=(2,), hands=("left", "right"))
    plan = s.plan()
    assert plan == [("index", True), ("middle", True), ("index", False), ("ring", True),
                    ("pinky", True), ("ring", True), ("middle", True), ("index", True), ("middle", True)]
    for k, (finger, _) in enumerate(plan):
        for h in s(s.touched_at(k) + 0.05).hands:
            assert dist(h.points, H.THUMB_TIP, TIPS[finger]) == pytest.approx(CONTACT_GAP * s.size, rel=1e-6)
    assert taps.tap_order(3) == ("index", "middle", "ring", "middle")


@pytest.mark.parametrize("offset", [0.0, 0.02])
def test_trace_script_keeps_the_fingertip_on_the_path(offset: float) -> None:
    s = trace.trace_shape("square", size=0.3, offset=offset)
    stroke = np.array([[x * ASPECT, y] for x, y in s.strokes[0]])
    for what, _, start, end in s.timeline():
        if what != "trace":
            continue
        for t in np.linspace(start + 0.05, end - 0.05, 25):
            tip = s(float(t)).hands[0].points[int(H.INDEX_TIP)]
            p = np.array([tip[0] * ASPECT, tip[1]])
            d = min(_segment_distance(p, stroke[i], stroke[i + 1]) for i in range(len(stroke) - 1))
            assert d == pytest.approx(offset, abs=1e-9)
    assert SHAPES["circle"][0][0] == (0.0, -0.5)  # circles start at the top


def _segment_distance(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    u = max(0.0, min(1.0, float(np.dot(p - a, b - a) / np.dot(b - a, b - a))))
    return float(np.linalg.norm(a + u * (b - a) - p))


def test_trace_speed_is_as_asked() -> None:
    s = trace.trace_shape("horizontal", size=0.4, speed=0.2)
    _, _, start, end = next(x for x in s.timeline() if x[0] == "trace")
    assert end - start == pytest.approx(0.4 / 0.2)
    a = s(start + 0.5).hands[0].points[int(H.INDEX_TIP)]
    b = s(start + 1.0).hands[0].points[int(H.INDEX_TIP)]
    assert math.hypot((b[0] - a[0]) * ASPECT, b[1] - a[1]) == pytest.approx(0.1, abs=1e-9)


def test_carry_script_picks_and_drops_where_asked() -> None:
    moves = (((0.3, 0.3), (0.2, 0.8)), ((0.7, 0.4), (0.8, 0.8)))
    s = sort.PinchAndCarry(moves=moves, hand="left", pitch=30)
    for k, (pick, drop) in enumerate(moves):
        h = s(s.picked_at(k) + 0.05).hands[0]
        mid = (h.points[int(H.THUMB_TIP), :2] + h.points[int(H.INDEX_TIP), :2]) / 2
        assert mid.tolist() == pytest.approx(list(pick), abs=1e-9)
        assert dist(h.points, H.THUMB_TIP, H.INDEX_TIP) / unit(h.points) == pytest.approx(CONTACT_GAP, abs=1e-6)
        h = s(s.released_at(k)).hands[0]
        assert dist(h.points, H.THUMB_TIP, H.INDEX_TIP) / unit(h.points) > 1.0
        mid = (h.points[int(H.THUMB_TIP), :2] + h.points[int(H.INDEX_TIP), :2]) / 2
        assert math.hypot((mid[0] - drop[0]) * ASPECT, mid[1] - drop[1]) < 0.06  # opened around it
