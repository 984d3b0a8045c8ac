"""A separate program that writes results, for the two-writers and SIGKILL tests.

usage: writer_proc.py URL CHILD COUNT MODE   (MODE: race | hang)
race: prints "ready", waits for a line on stdin, saves COUNT results, prints "done".
hang: saves COUNT results (printing "saved N" after each), then begins the next result's
      transaction without committing, prints "hanging" and sleeps until killed.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]

from lbhelpers import result  # noqa: E402

from exercises.events import RepCompleted, TargetHit  # noqa: E402
from logbook import schema  # noqa: E402
from logbook.store import Logbook  # noqa: E402


def main() -> None:
    url, child, count, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    logbook = Logbook.open(url)
    session = logbook.start_session(child, app_version="writer")
    if mode == "race":
        print("ready", flush=True)
        sys.stdin.readline()
    t0 = datetime(2025, 3, 3, 10, 0)
    for i in range(count):
        events = [RepCompleted(float(k), k + 1) for k in range(5)] + [TargetHit(9.0, 1, "left", 0.4, 0.6)]
        logbook.save_result(session, result(reps=i + 1), t0 + timedelta(minutes=i), t0 + timedelta(minutes=i, seconds=50), events)
        if mode == "hang":
            print(f"saved {i + 1}", flush=True)
    if mode == "race":
        print("done", flush=True)
        return
    child_id = logbook.child(child).id
    with logbook._tx(write=True) as conn:  # the activity in progress, never committed
        conn.execute(schema.activity_results.insert().values(
            id="in-progress", session_id=session, child_id=child_id, activity_id="jumping_jacks",
            started_at=t0, ended_at=t0, level=1, level_end=1, params={}, reps=99, duration_s=1.0,
            tracking_quality=1.0, completed=False, metrics={}, per_side={}, level_changes=[],
        ))
        print("hanging", flush=True)
        time.sleep(600)


if __name__ == "__main__":
    main()
