"""`wigglequest child ...` and `plan assign|show|new` from the command line."""

from __future__ import annotations

import io
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from lbhelpers import run, seed_logbook

from logbook.plans import load_plan
from logbook.store import Logbook

EXAMPLE = Path(__file__).resolve().parents[2] / "assets" / "plans" / "example-balance-and-coordination.yaml"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'lb.sqlite3'}"


def test_child_add_list_edit(db: str) -> None:
    assert run("child", "list", "--db", db)[1].startswith("no children yet")
    assert run("child", "add", "Sam", "--db", db, "--birth-year", "2018", "--affected-side", "left", "--seated")[0] == 0
    code, _, err = run("child", "add", "sam", "--db", db)
    assert code == 2 and err == "wigglequest: error: a child called 'sam' already exists\n"
    assert run("child", "edit", "Sam", "--db", db, "--nickname", "Sammy", "--no-seated", "--affected-side", "none")[0] == 0
    code, out, _ = run("child", "list", "--db", db)
    assert code == 0 and out == "Sammy\tfox, born 2018\t0 days played\n"
    code, _, err = run("child", "edit", "Sammy", "--db", db)
    assert code == 2 and "nothing to change" in err
    code, _, err = run("child", "add", "Bob", "--db", db, "--birth-year", "1700")
    assert code == 2 and "birth_year must be a year from 1990" in err


def test_child_remove_asks_exports_then_deletes(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Logbook.open(db) as lb:
        seed_logbook(lb, days=2)
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    code, out, _ = run("child", "remove", "Sam", "--db", db)
    assert code == 1 and "nothing removed" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    code, out, _ = run("child", "remove", "Sam", "--db", db, "--export-to", str(tmp_path / "kept"))
    assert code == 0 and "removed Sam" in out
    assert (tmp_path / "kept" / "logbook-export.json").exists()
    with Logbook.open(db) as lb:
        assert lb.list_children() == []
    assert run("import", "--db", db, str(tmp_path / "kept"))[0] == 0  # and it can come back
    code, out, _ = run("child", "remove", "Sam", "--db", db, "--yes")
    assert code == 0 and "removed" in out
    [kept] = (Path(os.environ["WIGGLEQUEST_DATA_DIR"]) / "removed").glob("Sam-*")  # the default place
    assert (kept / "logbook-export.json").exists()


def test_plan_assign_and_show(db: str) -> None:
    run("child", "add", "Sam", "--db", db)
    code, out, err = run("plan", "assign", str(EXAMPLE), "--db", db)  # the plan names Sam
    assert (code, err) == (0, "") and "assigned plan" in out
    today = date.today()
    assert out.rstrip().endswith(f"from {today}")  # no valid_from: starts the day it is assigned
    code, out, _ = run("plan", "show", "--child", "sam", "--db", db)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Spring block") and f"4 sessions a week, {today}" in lines[0]
    assert lines[1].startswith("  1. jumping_jacks: 10 reps, level 2 (1-3) — today 0/10")
    assert "flamingo_balance: 1.5 minutes, level 1 (1-3), left; hold_s=5" in lines[2]
    yesterday = today - timedelta(days=1)
    code, out, _ = run("plan", "show", "--child", "Sam", "--db", db, "--on", yesterday.isoformat())
    assert out == f"Sam has no plan for {yesterday}\n"
    code, _, err = run("plan", "assign", str(EXAMPLE), "--child", "Ada", "--db", db)
    assert code == 2 and "written for Sam, not Ada" in err


def test_plan_new_builds_a_valid_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    code, stdout, err = run("plan", "new", "--child", "Sam", "--activity", "jumping_jacks", "--reps", "12", "--level", "2",
                            "--max-level", "3", "--param", "arm_angle=120", "--from", "2025-03-03", "--to", "2025-04-01",
                            "--sessions-per-week", "5", "-o", str(out))
    assert (code, err) == (0, "") and "1 item" in stdout
    code, stdout, err = run("plan", "new", "--child", "Sam", "--activity", "flamingo_balance", "--minutes", "2", "--side", "left",
                            "--append", "-o", str(out))
    assert (code, err) == (0, "") and "2 items" in stdout
    plan = load_plan(out)
    assert plan.child == "Sam" and plan.sessions_per_week == 5 and str(plan.valid_to) == "2025-04-01"
    assert plan.items[0].params == {"arm_angle": 120} and plan.items[0].reps == 12 and plan.items[0].max_level == 3
    assert plan.items[1].minutes == 2 and plan.items[1].side == "left"
    assert yaml.safe_load(out.read_text())["items"][1]["activity"] == "flamingo_balance"
    code, _, err = run("plan", "new", "--child", "Sam", "--activity", "moonwalk", "-o", str(tmp_path / "b.json"))
    assert code == 2 and "items[0].activity: unknown activity 'moonwalk'" in err
    assert not (tmp_path / "b.json").exists()
    code, _, err = run("plan", "new", "--child", "Sam", "--activity", "jumping_jacks", "-o", str(out))
    assert code == 2 and "exists; use --append" in err
    code, _, err = run("plan", "new", "--child", "Sam", "--activity", "jumping_jacks", "--param", "oops", "-o", str(tmp_path / "c.yaml"))
    assert code == 2 and "NAME=VALUE" in err


def test_bad_db_urls_are_one_line_errors(tmp_path: Path) -> None:
    for url, words in (
        ("nonsense", "not a database URL"),
        ("mysql://x@localhost/db", "unsupported database 'mysql'"),
        ("postgresql://nobody@127.0.0.1:1/none", "cannot open the logbook at postgresql://nobody@127.0.0.1:1/none"),
    ):
        code, _, err = run("child", "list", "--db", url)
        assert code == 2 and words in err and err.count("\n") == 1, err
