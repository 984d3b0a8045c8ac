"""Calibration measures this child's body from a few seconds of frames, robustly."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from exercises.calibration import Calibration, Calibrator, calibrate
from tracking.frame import PoseFrame
from tracking.landmarks import Body
from tracking.synthetic.body import ArmPose, BodyPose, Placement, render_body
from tracking.synthetic.hand import HandPlace, HandShape, render_hand
from tracking.synthetic.source import Degrade, Snapshot, SyntheticSource

T_POSE = ArmPose(abduction=90.0, flexion=0.0, elbow=0.0)


@dataclass
class StandThenTPose:
    """Stand still with arms down `still` s, then arms out in a T for `tpose` s."""

    place: Placement
    still: float = 2.5
    tpose: float = 1.5
    seated: bool = False

    @property
    def duration(self) -> float:
        return self.still + self.tpose

    def __call__(self, t: float) -> Snapshot:
        arms = T_POSE if self.tpose > 0 and t >= self.still else ArmPose()
        return Snapshot(render_body(BodyPose(left_arm=arms, right_arm=arms, seated=self.seated),
                                    self.place))


@dataclass
class HandsUpThenOpen:
    place: HandPlace
    duration: float = 4.0

    def __call__(self, t: float) -> Snapshot:
        shape = HandShape.showing(2) if t < 2.5 else HandShape.open()
        return Snapshot(None, (render_hand(shape, self.place),))


def frames(script: object, **kw: object) -> list[PoseFrame]:
    return SyntheticSource(script, seed=7, **kw).frames()  # type: ignore[arg-type]


@pytest.mark.parametrize("height,x", [(0.75, 0.5), (0.5, 0.35), (0.9, 0.6)])
def test_measures_the_child_wherever_they_stand(height: float, x: float) -> None:
    place = Placement(x=x, height=height)
    cal = calibrate(frames(StandThenTPose(place)))
    assert cal.shoulder_width == pytest.approx(0.22 * height, rel=0.01)
    assert cal.torso == pytest.approx(0.29 * height, rel=0.01)
    assert cal.arm_length_left == pytest.approx(0.295 * height, rel=0.01)
    assert cal.arm_length_right == pytest.approx(0.295 * height, rel=0.01)
    assert cal.leg_length == pytest.approx(0.44 * height, rel=0.01)
    reach = 0.9 * np.hypot(0.295 + 0.07, 0.012) * height  # 90% of shoulder to fingertip
    assert cal.reach_left == pytest.approx(reach, rel=0.01)
    assert cal.reach("right") == pytest.approx(reach, rel=0.01)
    assert cal.centre[0] == pytest.approx(x, abs=0.005)
    assert cal.shoulder_left[0] < x < cal.shoulder_right[0]  # child's left on the screen's left
    assert not cal.seated
    assert {"shoulder_width", "torso", "left_arm", "right_arm", "left_reach"} <= set(cal.measured)


def test_progress_and_cues_follow_the_stages() -> None:
    c = Calibrator("body")
    script = StandThenTPose(Placement(), still=2.5, tpose=1.5)
    fs = frames(script)
    assert c.cue == "show_body" and c.progress == 0.0
    seen_cues, progress = [], []
    for f in fs:
        c.update(f)
        seen_cues.append(c.cue)
        progress.append(c.progress)
    assert progress == sorted(progress) and progress[-1] == 1.0 and c.done
    assert seen_cues[0] == "hold_still"
    assert "arms_out" in seen_cues  # asked for the T-pose after standing still
    assert seen_cues[-1] == "great"
    # half way once standing still is done, before the T-pose starts
    assert progress[int(2.3 * 30)] == pytest.approx(0.5)


def test_no_t_pose_means_no_arm_measurement_but_a_sensible_estimate() -> None:
    c = Calibrator("body")
    for f in frames(StandThenTPose(Placement(height=0.6), still=4.0, tpose=0.0)):
        c.update(f)
    assert not c.done and c.progress == pytest.approx(0.5) and c.cue == "arms_out"
    cal = c.result()
    assert "left_arm" not in cal.measured
    assert cal.arm_length == pytest.approx(0.295 * 0.6, rel=0.05)  # from shoulder width


def test_noise_dropouts_and_hidden_elbows_do_not_skew_it() -> None:
    place = Placement(height=0.7)
    degrade = Degrade(noise=0.004, jitter=0.004, drop_rate=0.1,
                      occlude=(int(Body.LEFT_ELBOW), int(Body.LEFT_WRIST)), occlude_rate=0.2)
    cal = calibrate(frames(StandThenTPose(place, still=3.0, tpose=2.0), degrade=degrade))
    assert cal.shoulder_width == pytest.approx(0.22 * 0.7, rel=0.04)
    assert cal.torso == pytest.approx(0.29 * 0.7, rel=0.04)
    assert cal.arm_length_left == pytest.approx(0.295 * 0.7, rel=0.04)
    assert cal.arm_length_right == pytest.approx(0.295 * 0.7, rel=0.04)


def test_one_arm_hidden_mirrors_the_other() -> None:
    fs = frames(StandThenTPose(Placement()))
    hidden = []
    for f in fs:
        body = f.body.copy()  # type: ignore[union-attr]
        body[[int(Body.RIGHT_ELBOW), int(Body.RIGHT_WRIST), int(Body.RIGHT_INDEX)], 3] = 0.0
        hidden.append(PoseFrame(f.seq, f.t, body, (), f.image_size))
    cal = calibrate(hidden)
    assert cal.arm_length_right == pytest.approx(cal.arm_length_left)
    assert "right_arm" not in cal.measured


def test_seated_child_is_recognised() -> None:
    cal = calibrate(frames(StandThenTPose(Placement(floor=0.98, height=0.8), seated=True)))
    assert cal.seated
    assert calibrate(frames(StandThenTPose(Placement())), seated=True).seated  # therapist says so


def test_nobody_seen_gives_the_default() -> None:
    empty = [PoseFrame(i, i / 30, None, (), (640, 480)) for i in range(60)]
    c = Calibrator("body")
    for f in empty:
        c.update(f)
    assert c.cue == "show_body" and c.progress == 0.0
    assert c.result() == Calibration.default()


@pytest.mark.parametrize("size", [0.06, 0.12])
def test_hands_measure_hand_size_from_the_open_hand(size: float) -> None:
    place = HandPlace(x=0.4, y=0.6, size=size, side="right", pitch=30.0)
    c = Calibrator("hands")
    cues = []
    for f in frames(HandsUpThenOpen(place)):
        c.update(f)
        cues.append(c.cue)
    assert c.done and "open_hand" in cues
    cal = c.result()
    assert cal.hand_size == pytest.approx(size, rel=0.01)  # 3D: the pitched palm is not smaller
    assert cal.centre[0] == pytest.approx(0.4, abs=0.1)


def test_reach_points_fall_within_reach() -> None:
    cal = Calibration.default()
    for side in ("left", "right"):
        sx, sy = cal.shoulder(side)
        for angle in (0, 45, 90, 135, 180, 225):
            x, y = cal.reach_point(side, angle)
            d = np.hypot((x - sx) * cal.aspect, y - sy)
            assert d == pytest.approx(cal.reach(side), rel=1e-6)
        out_x, _ = cal.reach_point(side, 90)
        assert (out_x < sx) == (side == "left")
        across_x, _ = cal.reach_point(side, 240)  # past straight up: across the midline
        assert (across_x > 0.5) == (side == "left")
