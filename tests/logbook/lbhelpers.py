"""Builders for test data: activity results as the game hands them to the logbook."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from exercises.api import ActivityResult, LevelChange

ROOT = Path(__file__).resolve().parents[2]


def result(
    activity_id: str = "jumping_jacks",
    reps: int | None = 10,
    *,
    level: int = 2,
    quality: float = 0.9,
    duration_s: float = 60.0,
    success_rate: float | None = None,
    metrics: dict[str, float] | None = None,
    per_side: dict[str, dict[str, float]] | None = None,
    params: dict[str, Any] | None = None,
    completed: bool = True,
    level_changes: tuple[LevelChange, ...] = (),
) -> ActivityResult:
    return ActivityResult(
        activity_id=activity_id,
        reps=reps,
        metrics=metrics if metrics is not None else {"range_of_motion": 0.8},
        per_side=per_side or {},
        tracking_quality=quality,
        duration_s=duration_s,
        success_rate=success_rate,
        params=params if params is not None else {"level": level},
        level=level,
        completed=completed,
        level_changes=level_changes,
    )


def run(*argv: str) -> tuple[int, str, str]:
    """`wigglequest ARGV...` in-process: (exit code, stdout, stderr)."""
    import contextlib
    import io

    from game.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


PYTHON = sys.executable


def seed_logbook(logbook: Any, nickname: str = "Sam", days: int = 8, start: Any = None) -> None:
    """A realistic few weeks: a plan, sessions on most days, three activities, events, stickers."""
    from datetime import date, datetime, timedelta

    from exercises.events import Cue, RepCompleted, TargetHit
    from logbook.plans import Plan

    start = start or date(2025, 3, 3)
    logbook.add_child(nickname, birth_year=2018, dominant_hand="right", affected_side="left")
    logbook.assign_plan(nickname, Plan.model_validate({
        "name": "Spring block", "valid_from": start.isoformat(), "sessions_per_week": 4,
        "items": [
            {"activity": "jumping_jacks", "reps": 10},
            {"activity": "flamingo_balance", "minutes": 1, "side": "left"},
            {"activity": "bubble_pop", "reps": 10, "side": "either"},
        ],
    }))
    for d in range(days):
        if d % 4 == 3:
            continue  # a rest day
        t0 = datetime.combine(start + timedelta(days=d), datetime.min.time()) + timedelta(hours=17)
        session = logbook.start_session(nickname, app_version="0.1.0", started_at=t0)
        logbook.save_result(session, result(
            "jumping_jacks", 6 + d, quality=0.95 if d != 2 else 0.4,
            metrics={"reps": 6 + d, "cadence_per_min": 20.0 + d, "peak_abduction_deg": 120.0 + 3 * d},
            per_side={"left": {"peak_abduction_deg": 110.0 + d}, "right": {"peak_abduction_deg": 130.0 + d}},
        ), t0, t0 + timedelta(seconds=70), [RepCompleted(float(k), k + 1) for k in range(6 + d)])
        logbook.save_result(session, result(
            "flamingo_balance", None, duration_s=65, params={"side": "left"},
            metrics={"longest_hold_s": 3.0 + d * 0.5, "sway": 0.3},
            per_side={"left": {"longest_hold_s": 3.0 + d * 0.5}},
        ), t0 + timedelta(minutes=2), t0 + timedelta(minutes=3))
        hits = [TargetHit(1.0 + k, k, "left" if k % 2 else "right", 0.5 + 0.1 * (k % 3), 0.8) for k in range(8)]
        logbook.save_result(session, result(
            "bubble_pop", 8 + d, success_rate=min(0.95, 0.6 + 0.03 * d),  # shares stay within 0..1
            metrics={"pops": 8 + d, "reaction_s": 0.6, "pinch_accuracy": min(0.98, 0.7 + 0.02 * d)},
            per_side={"left": {"pops": 3.0}, "right": {"pops": 5.0 + d}},
        ), t0 + timedelta(minutes=4), t0 + timedelta(minutes=5), [*hits, Cue(9.0, "great")])
        logbook.end_session(session, t0 + timedelta(minutes=6))
        logbook.add_sticker(nickname, "gold_star" if d % 2 else "rocket", session)
    session = logbook.start_session(nickname, started_at=datetime.combine(start, datetime.min.time()))
    logbook.save_result(session, result("retired_game", 3), datetime.combine(start, datetime.min.time()),
                        datetime.combine(start, datetime.min.time()))
