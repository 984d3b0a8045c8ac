"""The benchmark scripts run end to end on tiny inputs: they work, print their table and end with
their headline line.  Timings are never asserted (they belong to the benchmarks' output)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from benchmarks import accuracy, make_accuracy_set, offline, pipeline, startup


def last_line(out: str) -> str:
    return out.strip().splitlines()[-1]


def test_pipeline_runs_both_modes_and_prints_ratios(capsys: pytest.CaptureFixture[str]) -> None:
    code = pipeline.main(["--seconds", "1", "--size", "320x240"])
    out, err = capsys.readouterr()
    assert code == 0, err
    for row in ("draw fps", "tracking fps", "latency p50 ms", "latency p95 ms", "from grab p95 ms", "frames dropped",
                "CPU %", "peak memory MB"):
        assert re.search(rf"^{re.escape(row)}\s+\S+\s+\S+\s+\S+", out, re.M), row
    assert "project/naive" in out and out.count("[met]") + out.count("[MISSED]") == 4
    assert "ended on: play" in out  # the game really showed the play scene
    assert re.fullmatch(r"pipeline: game draws \d+ fps \(\d+\.\dx naive\) while tracking \d+ fps; "
                        r"capture-to-screen p50/p95 \d+/\d+ ms vs \d+/\d+ ms naive", last_line(out))


def _result(mode: str, p50: float, p95: float) -> pipeline.ModeResult:
    return pipeline.ModeResult(
        mode=mode, seconds=10, draw_fps=60 if mode == "project" else 29, tracking_fps=29,
        latency_ms_p50=p50 - 2, latency_ms_p95=p95 - 2, capture_ms_p50=p50, capture_ms_p95=p95,
        inference_ms_p50=25, inference_ms_p95=38, camera_frames=300, frames_dropped=5, cpu_pct=100,
        loop_cpu_ms=3, result_ms_p95=40, peak_rss_mb=300)


def test_latency_target_compares_from_capture_and_allows_only_the_naive_loops_own_noise() -> None:
    naive_runs = [_result("naive", 30, 54), _result("naive", 34, 64), _result("naive", 31, 58)]
    noise = pipeline.Noise.of(naive_runs)
    assert (noise.p50, noise.p95, noise.runs) == (2, 5, 3)  # half of 34-30 and of 64-54
    naive = pipeline.median_result(naive_runs)

    def latency_line(project: pipeline.ModeResult, noise: pipeline.Noise) -> str:
        return pipeline.targets(project, naive, noise)[-1]

    assert latency_line(_result("project", 33, 63), noise).startswith("  [met]")  # 31+2, 58+5
    assert latency_line(_result("project", 34, 60), noise).startswith("  [MISSED]")  # p50 beyond noise
    assert latency_line(_result("project", 31, 64), noise).startswith("  [MISSED]")  # p95 beyond noise
    strict = pipeline.Noise()  # one run: no allowance
    assert latency_line(_result("project", 31, 58), strict).startswith("  [met]")
    assert latency_line(_result("project", 32, 58), strict).startswith("  [MISSED]")
    assert "one run: no allowance" in latency_line(_result("project", 31, 58), strict)


def test_pipeline_refuses_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert pipeline.main(["--seconds", "0"]) == 2
    assert pipeline.main(["--activity", "juggling"]) == 2
    assert pipeline.main(["--clip", "/nonexistent/clip.mp4"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("pipeline: error: ") for line in err)


def test_startup_times_both_launches(capsys: pytest.CaptureFixture[str]) -> None:
    code = startup.main(["--runs", "1"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert re.search(r"^play --video \(camera stand-in\)\s+1\s+title\s+\d+\.\d\d\s+\d+\.\d\d", out, re.M)
    assert re.search(r"^play --mouse\s+1\s+title\s+\d+\.\d\d\s+-", out, re.M)
    assert re.fullmatch(r"startup: first title frame \d+\.\d\d s after launch, tracker running "
                        r"\d+\.\d\d s \(median of 1; mouse mode \d+\.\d\d s\)", last_line(out))


def test_offline_times_track_and_count(capsys: pytest.CaptureFixture[str]) -> None:
    code = offline.main(["--frames", "12"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert re.search(r"^track\s+12\s", out, re.M) and re.search(r"^count\s+12\s", out, re.M)
    assert re.fullmatch(r"offline: track \d+\.\d\dx real time, count \d+\.\d\dx real time", last_line(out))


def test_accuracy_on_a_generated_labelled_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chosen = [c for c in make_accuracy_set.cases() if c.clip in ("jacks_clean", "jacks_half_moves")]
    labels = make_accuracy_set.write_set(tmp_path, chosen)
    rows = list(csv.DictReader(labels.open()))
    assert [(r["clip"], r["measure"], r["low"], r["high"]) for r in rows] == [
        ("jacks_clean.jsonl.gz", "reps", "6", "6"),
        ("jacks_half_moves.jsonl.gz", "reps", "6", "6"),  # 8 moves, 2 of them half: 6 count
    ]
    # One more row that the counter cannot meet, so the error figures are exercised.
    with labels.open("a", newline="") as fh:
        csv.writer(fh).writerow(["jacks_clean.jsonl.gz", "jumping_jacks", "reps", "8", "9", "reps=50"])
    code = accuracy.main(["--clips", str(tmp_path), "--labels", str(labels)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert re.search(r"^jacks_clean\.jsonl\.gz\s+jumping_jacks\s+reps\s+6\s+6\s+pass", out, re.M)
    assert re.search(r"^jacks_clean\.jsonl\.gz\s+jumping_jacks\s+reps\s+8\.\.9\s+6\s+FAIL", out, re.M)
    assert last_line(out) == "accuracy: exact-match 67% of 3 clips, mean absolute error 0.67"


def test_accuracy_reports_a_missing_clip_and_bad_labels(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text("clip,activity,measure,low,high\nnope.jsonl,jumping_jacks,reps,3,3\n")
    assert accuracy.main(["--clips", str(tmp_path), "--labels", str(labels)]) == 0
    out = capsys.readouterr().out
    assert "file not found" in out and last_line(out).startswith("accuracy: exact-match 0% of 1 clips")
    labels.write_text("clip,activity\nx,y\n")
    assert accuracy.main(["--clips", str(tmp_path), "--labels", str(labels)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("accuracy: error: ") and "missing column" in err[0]


def test_cli_runner_turns_usage_errors_into_exit_codes() -> None:
    from benchmarks._cli import run_cli

    code, out, err = run_cli(["count", "clip.mp4", "--gate", "sideways"])
    assert code == 2 and out == "" and "invalid choice" in err


def test_ab_flips_a_knob_inside_one_game_and_credits_poses_to_each_state(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import ab
    from tracking.testclips import make_person_clip

    clip = make_person_clip(tmp_path / "tiny.mp4", frames=60, size=(320, 240)).path
    assert ab.main(["--knob", "gil_switch", "--seconds", "2", "--period", "0.5", "--clip", str(clip)]) == 0
    out = capsys.readouterr().out
    for state in ("on", "off"):
        row = re.search(rf"^gil_switch {state}\s+(\d+)\s", out, re.M)
        assert row is not None and int(row.group(1)) > 0, out  # both states saw poses
    assert re.fullmatch(r"ab: gil_switch on/off capture-to-screen p95 [\d.]+ / [\d.]+ ms", last_line(out))
    import sys

    from game.feeds import GIL_SWITCH_S

    assert sys.getswitchinterval() == GIL_SWITCH_S  # left as the game runs it
    assert ab.main(["--knob", "gil_switch", "--seconds", "1", "--period", "1"]) == 2
