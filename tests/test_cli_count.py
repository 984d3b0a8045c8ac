"""`wigglequest count` and `wigglequest activities` end to end: real recordings, a real video of
a real photograph through real MediaPipe, and every bad input -> one line, exit code 2."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from tracking.recording import RecordingWriter
from tracking.synthetic.motions.jacks import JumpingJacks
from tracking.synthetic.motions.raises import ArmRaises
from tracking.synthetic.source import Degrade, SyntheticSource

ROOT = Path(__file__).resolve().parents[1]


def record(path: Path, script: object, seed: int = 0, degrade: Degrade | None = None) -> Path:
    source = SyntheticSource(script, seed=seed, degrade=degrade or Degrade())  # type: ignore[arg-type]
    with RecordingWriter(path, source="synthetic", fps=30.0, image_size=(640, 480)) as w:
        for frame in source.frames():
            w.write(frame)
    return path


def count_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code = main(["count", *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1  # one JSON object, nothing else on stdout
    return json.loads(lines[0])


def fails(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("wigglequest: error: ")
    assert "Traceback" not in err and out == ""
    return lines[0]


@pytest.fixture(scope="module")
def jacks_recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return record(tmp_path_factory.mktemp("rec") / "jacks.jsonl.gz", JumpingJacks(reps=6, lead_in_s=3.0))


def test_count_jumping_jacks_from_a_recording(capsys: pytest.CaptureFixture[str],
                                              jacks_recording: Path) -> None:
    r = count_json(capsys, str(jacks_recording), "--activity", "jumping_jacks", "--param", "reps=20")
    assert r["activity"] == "jumping_jacks"
    assert r["reps"] == 6
    assert r["tracking_quality"] == pytest.approx(1.0)
    assert r["gate"] == "passed"
    assert r["level"] == 1 and r["params"]["reps"] == 20
    assert r["metrics"] and all(isinstance(v, (int, float)) for v in r["metrics"].values())
    assert set(r) >= {"activity", "reps", "metrics", "tracking_quality", "per_side", "duration_s",
                      "success_rate", "level", "params"}
    assert r["duration_s"] > 0


def test_count_noisy_jacks_recording_plain_jsonl(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    degrade = Degrade(noise=0.004, jitter=0.004, drop_rate=0.05)
    rec = record(tmp_path / "noisy.jsonl", JumpingJacks(reps=5, lead_in_s=3.0), seed=3, degrade=degrade)
    r = count_json(capsys, str(rec), "--activity", "jumping_jacks", "--level", "2")
    assert r["reps"] == 5 and r["level"] == 2
    assert 0.85 <= r["tracking_quality"] <= 1.0


def test_count_arm_raises_per_side(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rec = record(tmp_path / "raises.jsonl", ArmRaises(reps=4, side="left"))
    r = count_json(capsys, str(rec), "--activity", "arm_raises", "--param", "side=left",
                   "--param", "reps=10")
    assert r["reps"] == 4
    assert r["params"]["side"] == "left"


def test_count_bubble_pop_reports_pinches_with_no_bubble_underneath(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tracking.synthetic.motions.pinch import PinchCycles

    rec = record(tmp_path / "pinch.jsonl", PinchCycles(pinches=5))
    r = count_json(capsys, str(rec), "--activity", "bubble_pop")
    assert r["metrics"]["pinches"] == 5 and r["reps"] == 5
    assert r["tracking_quality"] == pytest.approx(1.0)


def test_count_flamingo_reports_the_longest_hold(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    from tracking.synthetic.motions.balance import BalanceScript, Segment

    script = BalanceScript([Segment(None, 2.0), Segment("left", 3.0), Segment(None, 1.0),
                            Segment("left", 1.5), Segment(None, 1.0)])
    rec = record(tmp_path / "balance.jsonl", script)
    r = count_json(capsys, str(rec), "--activity", "flamingo_balance", "--param", "side=left")
    assert r["metrics"]["longest_hold_s"] == pytest.approx(3.0, abs=0.2)  # lifting the foot takes 0.1 s
    assert r["per_side"]["left"]["longest_hold_s"] == r["metrics"]["longest_hold_s"]
    assert r["reps"] is None


def test_count_human_output(capsys: pytest.CaptureFixture[str], jacks_recording: Path) -> None:
    assert main(["count", str(jacks_recording), "--activity", "jumping_jacks"]) == 0
    out = capsys.readouterr().out
    assert "reps: 6" in out and "tracking quality: 100%" in out


def test_count_gate_off_analyses_the_whole_clip(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    rec = record(tmp_path / "straight_in.jsonl", JumpingJacks(reps=4, lead_in_s=0.0, tail_s=0.5))
    on = count_json(capsys, str(rec), "--activity", "jumping_jacks", "--gate", "on")
    auto = count_json(capsys, str(rec), "--activity", "jumping_jacks")
    assert on["gate"] == "never" and on["reps"] == 0
    assert auto["gate"] == "skipped" and auto["reps"] == 4


@pytest.fixture(scope="module")
def person_clip(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from tracking.testclips import make_person_clip

    return make_person_clip(tmp_path_factory.mktemp("clip") / "person.mp4", frames=45)


def test_track_video_runs_the_real_pose_model(person_clip) -> None:  # noqa: ANN001
    """What `count` feeds the activity: real MediaPipe landmarks, mirrored like the screen."""
    import numpy as np

    from game.commands.activity_cmds import track_video
    from tracking.landmarks import Body

    frames = track_video(person_clip.path, "body")
    assert len(frames) == 45
    assert [f.t for f in frames] == pytest.approx([i / 30.0 for i in range(45)])
    assert all(f.body is not None and not f.hands for f in frames)  # only the pose model ran
    nose = np.array([f.body[int(Body.NOSE), :2] for f in frames])
    assert np.abs(nose - person_clip.nose_screen).max() < 0.03
    # the portrait shows head and shoulders; elbows and hips are outside the photograph
    assert all(f.visible(Body.LEFT_SHOULDER) and f.visible(Body.RIGHT_SHOULDER) for f in frames)
    assert not any(f.visible(Body.LEFT_HIP) or f.visible(Body.LEFT_ELBOW) for f in frames)


def test_count_video_of_a_real_photograph(person_clip) -> None:  # noqa: ANN001
    """Grace Hopper's portrait through the whole command: no rep, and since the arms and hips an
    arm raise needs are not in the picture, nothing is counted and tracking quality says so."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "game", "count", str(person_clip.path), "--activity", "arm_raises",
         "--json"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    assert r["activity"] == "arm_raises" and r["reps"] == 0
    assert r["frames"] == 45
    assert r["gate"] == "skipped"  # the start pose (arms down) never showed: whole clip analysed
    assert r["tracking_quality"] == 0.0
    assert set(r) >= {"metrics", "per_side", "duration_s", "success_rate", "level", "params"}


# --- bad input ---------------------------------------------------------------------------------

def test_bad_inputs_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         jacks_recording: Path) -> None:
    rec = str(jacks_recording)
    assert "unknown activity 'dance'" in fails(capsys, "count", rec, "--activity", "dance")
    assert "NAME=VALUE" in fails(capsys, "count", rec, "--activity", "jumping_jacks", "--param", "reps")
    assert "no parameter 'speed'" in fails(capsys, "count", rec, "--activity", "jumping_jacks",
                                           "--param", "speed=3")
    assert "reps must be" in fails(capsys, "count", rec, "--activity", "jumping_jacks",
                                   "--param", "reps=lots")
    assert "level must be" in fails(capsys, "count", rec, "--activity", "jumping_jacks", "--level", "9")
    assert "--level must be" in fails(capsys, "count", rec, "--activity", "jumping_jacks", "--level", "x")
    assert "needs --activity" in fails(capsys, "count", rec)
    assert "needs a SOURCE" in fails(capsys, "count", "--activity", "jumping_jacks")
    assert "not found" in fails(capsys, "count", str(tmp_path / "nope.mp4"), "--activity", "jumping_jacks")
    assert "not a file" in fails(capsys, "count", str(tmp_path), "--activity", "jumping_jacks")

    text = tmp_path / "notes.mp4"
    text.write_text("this is not a video\n")
    assert "cannot" in fails(capsys, "count", str(text), "--activity", "jumping_jacks")
    empty = tmp_path / "empty.avi"
    empty.write_bytes(b"")
    fails(capsys, "count", str(empty), "--activity", "bubble_pop")

    not_rec = tmp_path / "data.jsonl"
    not_rec.write_text('{"hello": 1}\n')
    assert "not a Wiggle Quest landmark recording" in fails(capsys, "count", str(not_rec),
                                                            "--activity", "jumping_jacks")
    damaged = tmp_path / "damaged.jsonl"
    with gzip.open(jacks_recording, "rt") as fh:
        lines = fh.read().splitlines()
    damaged.write_text("\n".join(lines[:20] + ['{"seq": 19, "t": oops'] + lines[21:40]) + "\n")
    assert "damaged" in fails(capsys, "count", str(damaged), "--activity", "jumping_jacks")
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(jacks_recording.read_bytes()[:3000])
    fails(capsys, "count", str(truncated), "--activity", "jumping_jacks")
    newer = tmp_path / "newer.jsonl"
    newer.write_text('{"format": "wigglequest-landmarks", "version": 99, "source": "x", '
                     '"fps": 30, "image_size": [640, 480]}\n')
    assert "newer" in fails(capsys, "count", str(newer), "--activity", "jumping_jacks")


def test_bad_input_through_the_real_entry_point(tmp_path: Path) -> None:
    """As a user sees it: one line on stderr, exit code 2, no traceback."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    bad = tmp_path / "garbage.mov"
    bad.write_bytes(os.urandom(2048))
    proc = subprocess.run([sys.executable, "-m", "game", "count", str(bad), "--activity", "arm_raises"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and proc.stderr.startswith("wigglequest: error: ")
    assert proc.stdout == ""


# --- activities ------------------------------------------------------------------------------

def test_activities_lists_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    from exercises import catalog

    assert main(["activities", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in entries] == catalog.ids()
    for e in entries:
        assert e["domain"] in ("gross", "fine") and e["skills"]
        names = {p["name"] for p in e["params"]}
        assert {"adaptive", "min_level", "max_level", "duration_s"} <= names
        assert all(p["meaning"] for p in e["params"])
        assert sorted(e["levels"]) == ["1", "2", "3", "4", "5"]
    assert main(["activities"]) == 0
    out = capsys.readouterr().out
    for activity_id in catalog.ids():
        assert f"{activity_id} — " in out
    assert "parameters:" in out and "levels:" in out
