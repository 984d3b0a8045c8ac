"""The lifecycle every activity shares, checked with a tiny one-arm activity: the ready gate,
pausing when the child is lost, tracking quality, time limits and adaptive difficulty."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from exercises import geometry as g
from exercises.api import ActivityInfo, MetricSpec, ParamSpec
from exercises.base import ActivityBase, asymmetry_index
from exercises.calibration import Calibration
from exercises.events import Cue, Event, Finished, LevelChanged, RepCompleted
from exercises.params import adaptive, duration, level_bounds, reps
from exercises.reps import RepCounter, normalise
from tracking.frame import PoseFrame
from tracking.landmarks import Body
from tracking.synthetic.body import ArmPose, BodyPose, Placement, render_body

FPS = 30.0

INFO = ActivityInfo(
    id="tiny_raises", name="Tiny raises", domain="gross", needs="body", skills=("raise an arm",),
    clinical_domain="test", params=(reps(3), duration(), adaptive(), *level_bounds(),
                                    ParamSpec("depth", "float", 0.5, "test value")),
    levels={i: {"depth": i / 10} for i in range(1, 6)},
    metrics=(MetricSpec("raises", "reps", "left arm raised past 160 degrees and lowered"),),
)


class TinyRaises(ActivityBase):
    """Left arm from down (start pose) to up and back is one rep."""

    info = INFO

    def on_start(self, t: float) -> None:
        self.counter = RepCounter(high=0.8, low=0.3, partial=0.5)
        self.hooks: list[tuple[str, float]] = []
        self.depth = float(self.params.get("depth", 0.5))

    def on_play(self, t: float) -> None:
        self.hooks.append(("play", t))

    def on_pause(self, t: float) -> None:
        self.hooks.append(("pause", t))

    def on_resume(self, t: float) -> None:
        self.hooks.append(("resume", t))

    def on_finish(self, t: float) -> None:
        self.hooks.append(("finish", t))

    def on_level_change(self, old: int, new: int, t: float) -> None:
        self.hooks.append((f"level {old}->{new}", t))
        self.depth = float(self.level_params()["depth"])

    def sees(self, frame: PoseFrame) -> bool:
        return g.visible(frame, (Body.LEFT_SHOULDER, Body.LEFT_WRIST, Body.LEFT_HIP))

    def in_start_pose(self, frame: PoseFrame) -> bool:
        elev = g.arm_elevation(frame, "left")
        return elev is not None and elev < 30

    def step(self, frame: PoseFrame, t: float, dt: float) -> list[Event]:
        out = self.counter.update(normalise(g.arm_elevation(frame, "left"), 20.0, 160.0), t)
        return [RepCompleted(t, self.counter.reps)] if out.completed else []

    def done(self) -> bool:
        return self.goal() > 0 and self.counter.reps >= self.goal()

    def count(self) -> int:
        return self.counter.reps

    def reps(self) -> int | None:
        return self.counter.reps

    def metrics(self) -> dict[str, float]:
        return {"raises": self.counter.reps}


def params(**over: object) -> dict[str, object]:
    p = {"reps": 3, "duration_s": 0.0, "adaptive": False, "min_level": 1, "max_level": 5,
         "depth": 0.1, "level": 1}
    p.update(over)
    return p


def body_at(abduction: float, hide_wrist: bool = False) -> PoseFrame:
    body = render_body(BodyPose(left_arm=ArmPose(abduction, 0.0, 0.0)), Placement())
    if hide_wrist:
        body[int(Body.LEFT_WRIST), 3] = 0.05
    return body


Script = Callable[[float], tuple[str, float]]  # t -> (what, arm abduction)


def run(a: TinyRaises, segments: list[tuple[float, str, float | str]], t0: float = 0.0) -> list[Event]:
    """segments: (seconds, kind, arg): kind "hold" at an angle, "reps" (arg = number of
    1.2 s raises), "gone" (no body), "hidden" (wrist not visible, arm moving)."""
    events: list[Event] = []
    t = t0
    seq = 0
    for seconds, kind, arg in segments:
        n = int(round(seconds * FPS))
        for i in range(n):
            if kind == "hold":
                body = body_at(float(arg))
            elif kind in ("reps", "hidden"):
                phase = (i / FPS) / 1.2
                ang = 10.0 + 160.0 * 0.5 * (1 - math.cos(2 * math.pi * phase))
                body = body_at(ang, hide_wrist=kind == "hidden")
            else:
                body = None
            frame = PoseFrame(seq, t, body, (), (640, 480))
            events.extend(a.update(frame, t))
            seq += 1
            t += 1 / FPS
    return events


def started(**over: object) -> TinyRaises:
    a = TinyRaises()
    a.start(params(**over), 0.0)
    return a


def test_nothing_counts_before_the_start_pose_is_held() -> None:
    a = started(reps=10)
    # Raising and lowering straight away (getting into position, fooling around): not counted.
    run(a, [(3.6, "reps", 3)])
    assert a.phase == "waiting" and a.count() == 0 and a.active_s == 0.0
    assert a.view().ready < 1.0
    # Hold the arm down: the gate opens after READY_HOLD_S, with a get_ready cue.
    ev = run(a, [(1.5, "hold", 10.0)], t0=4.0)
    assert a.phase == "playing"
    assert [e.cue for e in ev if isinstance(e, Cue)][-1] == "get_ready"
    assert a.hooks[0][0] == "play"
    ev = run(a, [(3.6, "reps", 3)], t0=6.0)
    assert a.count() == 3
    assert [e.count for e in ev if isinstance(e, RepCompleted)] == [1, 2, 3]


def test_ready_progress_rises_while_holding() -> None:
    a = started()
    readies = []
    for i in range(25):
        a.update(PoseFrame(i, i / FPS, body_at(10.0), (), (640, 480)), i / FPS)
        readies.append(a.view().ready)
    assert readies == sorted(readies)
    assert 0.7 < readies[-1] < 1.0 and a.phase == "waiting"


def test_no_body_while_waiting_asks_to_be_seen() -> None:
    a = started()
    ev = run(a, [(1.0, "gone", 0)])
    assert [e.cue for e in ev if isinstance(e, Cue)] == ["show_body"]
    assert a.phase == "waiting"


def test_losing_the_child_pauses_the_clock_and_asks_them_back() -> None:
    a = started(reps=10)
    run(a, [(1.2, "hold", 10.0), (2.4, "reps", 2)])
    assert a.count() == 2
    active_before = a.active_s
    ev = run(a, [(2.0, "gone", 0)], t0=3.6)
    assert a.phase == "paused"
    assert any(isinstance(e, Cue) and e.cue == "come_back" for e in ev)
    assert a.view().cue == "come_back"
    # only the first LOST_AFTER_S of the gap counted as play time
    assert a.active_s - active_before == pytest.approx(0.6, abs=0.05)
    ev = run(a, [(2.4, "reps", 2)], t0=5.6)
    assert a.phase == "playing" and ("resume", pytest.approx(5.6)) in a.hooks
    paused_at = next(t for name, t in a.hooks if name == "pause")
    assert a.away_s == pytest.approx(5.6 - paused_at) and a.away_s > 1.0  # for on_resume
    assert a.count() == 4
    r = a.result()
    # the gate opened at t = 1.0 (READY_HOLD_S of holding); 7.0 s after it, 2.0 s unseen
    assert r.tracking_quality == pytest.approx(5.0 / 7.0, abs=0.01)
    assert r.duration_s == pytest.approx(5.55, abs=0.1)  # 5.0 seen + the first 0.6 s unseen


def test_short_dropout_does_not_pause() -> None:
    a = started(reps=10)
    run(a, [(1.2, "hold", 10.0), (0.3, "gone", 0), (0.5, "hold", 10.0)])
    assert a.phase == "playing"
    assert not any(h[0] == "pause" for h in a.hooks)


def test_frames_with_hidden_landmarks_count_nothing() -> None:
    a = started(reps=10)
    run(a, [(1.2, "hold", 10.0), (3.6, "hidden", 3)])
    assert a.count() == 0
    assert a.phase == "paused"  # not seen for more than LOST_AFTER_S
    assert a.tracking_quality() < 0.05


def test_reaching_the_goal_finishes_completed() -> None:
    a = started(reps=2)
    ev = run(a, [(1.2, "hold", 10.0), (6.0, "reps", 5)])
    fin = [e for e in ev if isinstance(e, Finished)]
    assert len(fin) == 1 and fin[0].completed
    assert a.finished and a.count() == 2 and a.result().completed
    assert a.update(PoseFrame(0, 99.0, body_at(10.0), (), (640, 480)), 99.0) == []


def test_time_limit_finishes_not_completed() -> None:
    a = started(reps=50, duration_s=2.0)
    ev = run(a, [(1.2, "hold", 10.0), (6.0, "reps", 5)])
    fin = [e for e in ev if isinstance(e, Finished)]
    assert len(fin) == 1 and not fin[0].completed
    assert fin[0].t == pytest.approx(1.0 + 2.0, abs=0.07)  # gate opened at 1.0
    r = a.result()
    assert not r.completed and r.duration_s == pytest.approx(2.0, abs=0.05)
    assert a.view().time_left_s == 0.0


def test_skip_gate_counts_from_the_first_frame() -> None:
    a = started(reps=10)
    a.skip_gate(0.0)
    assert a.phase == "playing" and a.hooks == [("play", 0.0)]
    run(a, [(3.6, "reps", 3)])
    assert a.count() == 3


def test_adaptive_trials_move_the_level_within_bounds() -> None:
    a = started(adaptive=True, min_level=2, max_level=3, level=2)
    events: list[Event] = []
    for i in range(9):
        a.trial(True, float(i), events)
    assert a.level == 3 and a.depth == pytest.approx(0.3)
    changes = [e for e in events if isinstance(e, LevelChanged)]
    assert [(e.old, e.new) for e in changes] == [(2, 3)]
    a.trial(False, 10.0, events)
    a.trial(False, 11.0, events)
    assert a.level == 2
    assert [(c.old, c.new, c.t) for c in a.level_changes] == [(2, 3, 2.0), (3, 2, 10.0)]
    assert ("level 2->3", 2.0) in a.hooks
    r = a.result()
    assert r.level == 2 and len(r.level_changes) == 2


def test_without_adaptive_the_level_stays() -> None:
    a = started(level=2)
    events: list[Event] = []
    for i in range(10):
        a.trial(i % 4 != 0, float(i), events)
    assert a.level == 2 and not events and len(a.trials) == 10


def test_cues_are_paced_and_must_be_known() -> None:
    a = started()
    ev: list[Event] = []
    a.cue(ev, "arms_higher", 1.0)
    a.cue(ev, "arms_higher", 2.0)
    a.cue(ev, "arms_higher", 4.5)
    assert [e.t for e in ev] == [1.0, 4.5]
    with pytest.raises(ValueError):
        a.cue(ev, "no_such_cue", 5.0)


def test_calibration_reaches_the_activity_but_not_the_result() -> None:
    cal = Calibration.default()
    a = started(calibration=cal)
    assert a.calibration() is cal
    assert "calibration" not in a.result().params
    assert started().calibration() is None


def test_asymmetry_index() -> None:
    assert asymmetry_index(10, 10) == 0.0
    assert asymmetry_index(10, 0) == 100.0
    assert asymmetry_index(1, 3) == -50.0
    assert asymmetry_index(0, 0) == 0.0


# --- the headless runner (exercises.runner), on the same tiny activity ---------------------------

def create() -> TinyRaises:
    return TinyRaises()


@pytest.fixture
def tiny_in_catalog(monkeypatch: pytest.MonkeyPatch) -> str:
    from exercises import catalog

    monkeypatch.setitem(catalog.MODULES, "tiny_raises", __name__)
    return "tiny_raises"


def clip(segments: list[tuple[float, str, float | str]]) -> list[PoseFrame]:
    """The frames `run` would feed, as a list (a recorded clip)."""
    rec = TinyRaises()
    rec.start(params(), 0.0)
    frames: list[PoseFrame] = []
    original = rec.update

    def keep(frame: PoseFrame | None, t: float) -> list[Event]:
        assert frame is not None
        frames.append(frame)
        return original(frame, t)

    rec.update = keep  # type: ignore[method-assign]
    run(rec, segments)
    return frames


def test_runner_gate_modes(tiny_in_catalog: str) -> None:
    from exercises import runner

    mid_movement = clip([(4.8, "reps", 4)])  # the clip starts mid-exercise: no start pose held
    on = runner.run(tiny_in_catalog, mid_movement, {"reps": 20})
    assert (on.gate, on.result.reps, on.result.tracking_quality) == ("never", 0, 0.0)
    off = runner.run(tiny_in_catalog, mid_movement, {"reps": 20}, gate=False)
    assert (off.gate, off.result.reps) == ("skipped", 4)
    assert off.result.tracking_quality == 1.0
    auto = runner.run(tiny_in_catalog, mid_movement, {"reps": 20}, gate="auto")
    assert (auto.gate, auto.result.reps) == ("skipped", 4)
    # with a proper start the gate is used, and the fooling around before it is not counted
    proper = clip([(2.4, "reps", 2), (1.5, "hold", 10.0), (3.6, "reps", 3)])
    auto = runner.run(tiny_in_catalog, proper, {"reps": 20}, gate="auto")
    assert (auto.gate, auto.result.reps, auto.frames) == ("passed", 3, len(proper))


def test_run_activity_finishes_at_the_end_of_the_input(tiny_in_catalog: str) -> None:
    from exercises.runner import run_activity

    frames = clip([(1.5, "hold", 10.0), (2.4, "reps", 2)])
    result, events = run_activity(tiny_in_catalog, frames, {"reps": 5}, level=3)
    assert result.reps == 2 and not result.completed and result.level == 3
    assert isinstance(events[-1], Finished) and not events[-1].completed
    assert events[-1].t == frames[-1].t
    assert result.params["depth"] == pytest.approx(0.3)  # the level's value
    # reaching the goal stops early, and the rest of the input is ignored
    result, events = run_activity(tiny_in_catalog, frames + clip([(2.4, "reps", 2)]), {"reps": 1})
    assert result.reps == 1 and result.completed
    assert sum(isinstance(e, Finished) for e in events) == 1


def test_run_activity_takes_a_landmark_source_and_a_calibration(tiny_in_catalog: str) -> None:
    from exercises.runner import run_activity
    from tracking.synthetic.motions.raises import ArmRaises
    from tracking.synthetic.source import SyntheticSource

    script = ArmRaises(reps=3, side="left")
    result, _ = run_activity(tiny_in_catalog, SyntheticSource(script, seed=1),
                             {"reps": 10}, calibration=Calibration.default())
    assert result.reps == 3


def test_run_activity_rejects_bad_input(tiny_in_catalog: str) -> None:
    from exercises.runner import run_activity

    with pytest.raises(ValueError, match="unknown activity"):
        run_activity("no_such_activity", [])
    with pytest.raises(ValueError, match="no parameter 'speed'"):
        run_activity(tiny_in_catalog, [], {"speed": 3})
    with pytest.raises(ValueError, match="reps must be"):
        run_activity(tiny_in_catalog, [], {"reps": "many"})
    with pytest.raises(ValueError, match="level must be"):
        run_activity(tiny_in_catalog, [], level=9)
    result, events = run_activity(tiny_in_catalog, [])  # no frames: an empty result
    assert result.reps == 0 and result.duration_s == 0.0 and isinstance(events[-1], Finished)


def test_resolve_params_keeps_adaptive_play_within_bounds(tiny_in_catalog: str) -> None:
    from exercises.catalog import resolve_params

    p = resolve_params(tiny_in_catalog, 1, {"adaptive": True, "min_level": 3, "max_level": 4})
    assert p["level"] == 3 and p["depth"] == pytest.approx(0.3)
    p = resolve_params(tiny_in_catalog, 5, {"adaptive": "true", "min_level": 3, "max_level": 4})
    assert p["level"] == 4
    assert resolve_params(tiny_in_catalog, 1, {"min_level": 3})["level"] == 1  # not adaptive
    with pytest.raises(ValueError, match="min_level"):
        resolve_params(tiny_in_catalog, 2, {"min_level": 4, "max_level": 2})
    with pytest.raises(ValueError, match="depth must be a number"):
        resolve_params(tiny_in_catalog, 2, {"depth": "deep"})


@pytest.mark.parametrize("resets", [False, True])
def test_a_break_in_the_start_pose_drains_or_restarts_the_gate(resets: bool) -> None:
    a = started()
    a.gate_resets = resets
    run(a, [(0.6, "hold", 10.0)])  # 0.6 s of the 1 s gate
    assert a.ready_s == pytest.approx(0.6, abs=0.05)
    run(a, [(2 / FPS, "hold", 90.0)], t0=18 / FPS)  # two frames out of the pose
    assert a.phase == "waiting"
    assert a.ready_s == (0.0 if resets else pytest.approx(0.6 - 4 / FPS, abs=0.05))
