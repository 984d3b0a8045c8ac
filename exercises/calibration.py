"""This child's body in this camera picture: sizes and reach, so targets and thresholds fit them.

A few seconds of the child standing (or sitting) still, then a T-pose (body activities) or an
open hand (hand activities).  Every measurement is a median over the frames where the landmarks
it needs were seen, so a noisy frame or a hidden elbow does not skew it; anything that could not
be measured is estimated from what could (child proportions), and failing that from defaults.

Units: lengths are in image-height units (x scaled by the aspect, as `exercises.geometry.pt`);
points are normalised screen coordinates (x 0..1 of the width, y 0..1 of the height, mirrored
like the screen), the coordinates of `exercises.api.Target`.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

import numpy as np

from exercises import geometry as g
from exercises.events import Side
from tracking.frame import Hand, PoseFrame
from tracking.landmarks import Body, HandPoint

Mode = Literal["body", "hands"]

# Ratios of a 6-8 year old (tracking.synthetic.body.CHILD_PROPORTIONS), used to estimate a
# length that could not be measured from one that could.
ARM_PER_SHOULDER = 1.34  # shoulder-elbow-wrist / shoulder width
TORSO_PER_SHOULDER = 1.32
LEG_PER_TORSO = 1.52  # hip-to-ankle / torso
HAND_PER_SHOULDER = 0.25  # wrist to middle knuckle / shoulder width
FINGERTIP_PER_ARM = 1.24  # shoulder-to-fingertip / shoulder-elbow-wrist
REACH_SHARE = 0.9  # comfortable reach: this share of a full stretch to the fingertips

STILL_S = 2.0  # seconds of standing/sitting still wanted
POSE_S = 1.0  # seconds of T-pose / open hand wanted
MAX_DT = 0.2  # a longer gap between frames counts as this much


@dataclass(frozen=True)
class Calibration:
    """Body measurements of one child at one camera distance.

    `arm_length_*` is shoulder-elbow-wrist; `reach_*` the comfortable reach radius around that
    shoulder; `centre` the mid-chest (body) or the resting hands' midpoint (hands);
    `shoulder_*` the shoulder positions.  `measured` names what came from frames (the rest is
    estimated)."""

    shoulder_width: float
    arm_length_left: float
    arm_length_right: float
    torso: float
    leg_length: float  # hip to ankle
    hand_size: float  # wrist to middle-finger knuckle (see geometry.hand_size)
    reach_left: float
    reach_right: float
    centre: tuple[float, float]
    shoulder_left: tuple[float, float]
    shoulder_right: tuple[float, float]
    seated: bool = False
    aspect: float = 4 / 3
    measured: tuple[str, ...] = ()

    @staticmethod
    def default(aspect: float = 4 / 3, seated: bool = False) -> Calibration:
        """A 6-8 year old standing centred, 3/4 of the picture tall (the synthetic child)."""
        h, floor = 0.75, 0.95
        sw, torso = 0.22 * h, 0.29 * h
        arm = (0.16 + 0.135) * h
        sy = floor - (0.225 + 0.215 + 0.04 + 0.29) * h  # soles -> hips -> shoulders
        half = sw / 2 / aspect
        reach = arm * FINGERTIP_PER_ARM * REACH_SHARE
        return Calibration(
            shoulder_width=sw, arm_length_left=arm, arm_length_right=arm, torso=torso,
            leg_length=(0.225 + 0.215) * h, hand_size=sw * HAND_PER_SHOULDER,
            reach_left=reach, reach_right=reach, centre=(0.5, sy + 0.4 * torso),
            shoulder_left=(0.5 - half, sy), shoulder_right=(0.5 + half, sy), seated=seated,
            aspect=aspect,
        )

    @property
    def arm_length(self) -> float:
        """Mean of both arms: the unit for "farthest reach in arm lengths"."""
        return (self.arm_length_left + self.arm_length_right) / 2

    def arm(self, side: Side) -> float:
        return self.arm_length_left if side == "left" else self.arm_length_right

    def reach(self, side: Side) -> float:
        return self.reach_left if side == "left" else self.reach_right

    def shoulder(self, side: Side) -> tuple[float, float]:
        return self.shoulder_left if side == "left" else self.shoulder_right

    def reach_point(self, side: Side, angle_deg: float, fraction: float = 1.0) -> tuple[float, float]:
        """A screen point `fraction` of the comfortable reach from that shoulder.

        angle_deg: 0 straight down, 90 out to that side, 180 straight up, over 90+90 (i.e.
        beyond 180 toward the other side) crosses the midline.  Clipped to the picture."""
        sx, sy = self.shoulder(side)
        out = -1.0 if side == "left" else 1.0  # the child's left is on the screen's left
        a = np.radians(angle_deg)
        r = self.reach(side) * fraction
        x = sx + out * np.sin(a) * r / self.aspect
        y = sy + np.cos(a) * r
        return float(np.clip(x, 0.02, 0.98)), float(np.clip(y, 0.02, 0.98))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- the calibrator ----------------------------------------------------------------------------

@dataclass
class _Samples:
    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float | None, length: bool = True) -> None:
        """Keep a finite value (and, for a length, a positive one)."""
        if value is not None and np.isfinite(value) and (value > 0 or not length):
            self.values.setdefault(name, []).append(float(value))

    def median(self, name: str) -> float | None:
        v = self.values.get(name)
        return statistics.median(v) if v else None


class Calibrator:
    """Feed frames (on frame time) until `done`; show `progress` and `cue` on the get-ready screen.

    Stage 1 "still": the child stands (or sits) still and is seen — gives shoulder width, torso,
    legs, the shoulders' and chest's positions, seated or not.  Stage 2 "pose": a T-pose (body)
    or an open hand (hands) — gives arm lengths / hand size.  Frames where the needed
    landmarks are not seen add nothing (and the cue asks the child to show themselves).
    """

    def __init__(self, mode: Mode = "body", seated: bool | None = None, still_s: float = STILL_S,
                 pose_s: float = POSE_S) -> None:
        self.mode: Mode = mode
        self.seated_hint = seated
        self.still_s, self.pose_s = still_s, pose_s
        self.stage: Literal["still", "pose", "done"] = "still"
        self.still_done = 0.0
        self.pose_done = 0.0
        self.cue: str = "show_hands" if mode == "hands" else "show_body"
        self._t: float | None = None
        self._s = _Samples()
        self._aspect = 4 / 3

    @property
    def done(self) -> bool:
        return self.stage == "done"

    @property
    def progress(self) -> float:
        """0..1 for the get-ready screen: half for standing still, half for the pose."""
        return round(0.5 * min(1.0, self.still_done / self.still_s)
                     + 0.5 * min(1.0, self.pose_done / self.pose_s), 4)

    def update(self, frame: PoseFrame | None) -> None:
        if self.done or frame is None:
            return
        dt = 0.0 if self._t is None else max(0.0, min(frame.t - self._t, MAX_DT))
        self._t = frame.t
        self._aspect = frame.aspect
        if self.mode == "body":
            self._body(frame, dt)
        else:
            self._hands(frame, dt)
        if self.still_done >= self.still_s and self.pose_done >= self.pose_s:
            self.stage, self.cue = "done", "great"

    def _body(self, f: PoseFrame, dt: float) -> None:
        core = (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER, Body.LEFT_HIP, Body.RIGHT_HIP)
        if not g.visible(f, core):
            self.cue = "show_body"
            return
        s = self._s
        s.add("shoulder_width", g.shoulder_width(f))
        s.add("torso", g.torso_length(f))
        for side in ("left", "right"):
            sh = g.pt(f, g.side_lm(side, "SHOULDER"))
            s.add(f"{side}_sx", sh[0] / f.aspect, length=False)
            s.add(f"{side}_sy", sh[1], length=False)
            s.add(f"{side}_leg", g.leg_length(f, side))
            s.add(f"{side}_knee", g.knee_angle(f, side))
            s.add(f"{side}_hip", g.hip_angle(f, side))
        if self.stage == "still":
            self.still_done += dt
            self.cue = "hold_still"
            if self.still_done >= self.still_s:
                self.stage, self.cue = "pose", "arms_out"
            return
        if _t_pose(f):
            self.pose_done += dt
            self.cue = "hold_still"
            for side in ("left", "right"):
                s.add(f"{side}_arm", g.arm_length(f, side))
                s.add(f"{side}_reach", _reach(f, side))
        else:
            self.cue = "arms_out"

    def _hands(self, f: PoseFrame, dt: float) -> None:
        if not f.hands:
            self.cue = "show_hands"
            return
        s = self._s
        centre = np.mean([h.points[int(HandPoint.MIDDLE_MCP), :2] for h in f.hands], axis=0)
        s.add("hands_x", float(centre[0]), length=False)
        s.add("hands_y", float(centre[1]), length=False)
        if g.visible(f, (Body.LEFT_SHOULDER, Body.RIGHT_SHOULDER)):
            s.add("shoulder_width", g.shoulder_width(f))
        if self.stage == "still":
            self.still_done += dt
            self.cue = "hold_still"
            if self.still_done >= self.still_s:
                self.stage, self.cue = "pose", "open_hand"
            return
        open_hands = [h for h in f.hands if _open_hand(h, f.aspect)]
        if open_hands:
            self.pose_done += dt
            self.cue = "hold_still"
            for h in open_hands:
                s.add("hand_size", g.hand_size(h, f.aspect))
        else:
            self.cue = "open_hand"

    def result(self) -> Calibration:
        """The calibration so far (complete or not): measured where possible, estimated elsewhere."""
        s, aspect = self._s, self._aspect
        base = Calibration.default(aspect)
        measured: list[str] = []

        def take(name: str) -> float | None:
            value = s.median(name)
            if value is not None:
                measured.append(name)
            return value

        sw, torso = take("shoulder_width"), take("torso")
        sized = sw is not None or torso is not None  # anything to scale the estimates by
        if sw is None:
            sw = torso / TORSO_PER_SHOULDER if torso is not None else base.shoulder_width
        if torso is None:
            torso = sw * TORSO_PER_SHOULDER if sized else base.torso
        arms: dict[str, float | None] = {side: take(f"{side}_arm") for side in ("left", "right")}
        known = [a for a in arms.values() if a is not None]
        for side in arms:  # one arm hidden: mirror the other; none: proportions
            if arms[side] is None:
                arms[side] = (statistics.mean(known) if known
                              else sw * ARM_PER_SHOULDER if sized else base.arm_length)
        reach = {}
        for side in ("left", "right"):
            r = take(f"{side}_reach")
            full = r if r is not None else arms[side] * FINGERTIP_PER_ARM  # type: ignore[operator]
            reach[side] = full * REACH_SHARE
        legs = [v for v in (take("left_leg"), take("right_leg")) if v is not None]
        # the straighter leg is the length
        leg = max(legs) if legs else torso * LEG_PER_TORSO if sized else base.leg_length
        hand = take("hand_size") or (sw * HAND_PER_SHOULDER if sized else base.hand_size)
        shoulders = {}
        for side in ("left", "right"):
            x, y = s.median(f"{side}_sx"), s.median(f"{side}_sy")
            shoulders[side] = (x, y) if x is not None and y is not None else None
        if shoulders["left"] and shoulders["right"]:
            (lx, ly), (rx, ry) = shoulders["left"], shoulders["right"]
            centre = ((lx + rx) / 2, (ly + ry) / 2 + 0.4 * torso)
        else:
            hx, hy = s.median("hands_x"), s.median("hands_y")
            centre = (hx, hy) if hx is not None and hy is not None else base.centre
            half = sw / 2 / aspect
            top = centre[1] - 0.4 * torso
            shoulders = {"left": (centre[0] - half, top), "right": (centre[0] + half, top)}
        seated = self.seated_hint if self.seated_hint is not None else self._looks_seated()
        return Calibration(
            shoulder_width=sw, arm_length_left=float(arms["left"]),  # type: ignore[arg-type]
            arm_length_right=float(arms["right"]), torso=torso, leg_length=leg,  # type: ignore[arg-type]
            hand_size=hand, reach_left=reach["left"], reach_right=reach["right"],
            centre=(float(centre[0]), float(centre[1])),
            shoulder_left=(float(shoulders["left"][0]), float(shoulders["left"][1])),  # type: ignore[index]
            shoulder_right=(float(shoulders["right"][0]), float(shoulders["right"][1])),  # type: ignore[index]
            seated=bool(seated), aspect=aspect, measured=tuple(sorted(set(measured))),
        )

    def _looks_seated(self) -> bool:
        """Knees bent near a right angle, and hips too: sitting on a chair."""
        knees = [v for v in (self._s.median("left_knee"), self._s.median("right_knee")) if v]
        hips = [v for v in (self._s.median("left_hip"), self._s.median("right_hip")) if v]
        return bool(knees and hips and statistics.mean(knees) < 130 and statistics.mean(hips) < 140)


def calibrate(frames: Iterable[PoseFrame | None], mode: Mode = "body",
              seated: bool | None = None) -> Calibration:
    """Run a Calibrator over recorded frames; measured where seen, estimated otherwise."""
    cal = Calibrator(mode, seated=seated)
    for frame in frames:
        cal.update(frame)
    return cal.result()


def with_seated(cal: Calibration, seated: bool) -> Calibration:
    return replace(cal, seated=seated)


# --- measurements ------------------------------------------------------------------------------

def _t_pose(f: PoseFrame) -> bool:
    """Both arms out sideways (elevation 65..115 degrees) and nearly straight."""
    for side in ("left", "right"):
        elev, elbow = g.arm_elevation(f, side), g.elbow_angle(f, side)
        if elev is None or elbow is None or not 65 <= elev <= 115 or elbow < 150:
            return False
    return True


def _reach(f: PoseFrame, side: Side) -> float | None:
    """Shoulder to fingertip (index knuckle when seen, else wrist) with the arm stretched."""
    s = g.side_lm(side, "SHOULDER")
    for tip in (g.side_lm(side, "INDEX"), g.side_lm(side, "WRIST")):
        if g.visible(f, (s, tip)):
            return float(np.linalg.norm(g.pt(f, s) - g.pt(f, tip)))
    return None


def _open_hand(hand: Hand, aspect: float) -> bool:
    """Every fingertip farther from the wrist than its middle joint: fingers straight."""
    wrist = g.hand_xyz(hand, HandPoint.WRIST, aspect)
    for tip, pip in ((HandPoint.INDEX_TIP, HandPoint.INDEX_PIP), (HandPoint.MIDDLE_TIP, HandPoint.MIDDLE_PIP),
                     (HandPoint.RING_TIP, HandPoint.RING_PIP), (HandPoint.PINKY_TIP, HandPoint.PINKY_PIP)):
        d_tip = np.linalg.norm(g.hand_xyz(hand, tip, aspect) - wrist)
        d_pip = np.linalg.norm(g.hand_xyz(hand, pip, aspect) - wrist)
        if d_tip < 1.15 * d_pip:
            return False
    return True
