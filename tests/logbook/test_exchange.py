"""Export to CSV or JSON and import into another logbook (SQLite or PostgreSQL); twice is a no-op."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lbhelpers import run, seed_logbook

from logbook.errors import LogbookError
from logbook.exchange import collect, export_child, import_folder
from logbook.store import Logbook


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_import_round_trip_and_idempotent(tmp_path: Path, db_url: str, fmt: str) -> None:
    with Logbook.open(f"sqlite:///{tmp_path / 'family.sqlite3'}") as family:
        seed_logbook(family, days=4)
        family.set_setting("volume", 0.3, child="Sam")
        original = collect(family, "Sam")
        files = export_child(family, "Sam", tmp_path / "export", fmt)
    assert all(f.exists() for f in files)
    with Logbook.open(db_url) as clinic:
        clinic.add_child("Ada")
        added = import_folder(clinic, tmp_path / "export")
        assert added["children"] == 1 and added["activity_results"] == len(original["activity_results"])
        assert added["events"] == len(original["events"]) > 0
        assert collect(clinic, "Sam") == original
        assert clinic.get_setting("volume", child="Sam") == 0.3
        again = import_folder(clinic, tmp_path / "export")
        assert sum(again.values()) == 0
        assert collect(clinic, "Sam") == original
        assert [c.nickname for c in clinic.list_children()] == ["Ada", "Sam"]


def test_nickname_clash_with_another_child_is_renamed(tmp_path: Path) -> None:
    with Logbook.open(f"sqlite:///{tmp_path / 'a.sqlite3'}") as a:
        seed_logbook(a, days=2)
        export_child(a, "Sam", tmp_path / "export", "json")
    with Logbook.open(f"sqlite:///{tmp_path / 'b.sqlite3'}") as b:
        b.add_child("sam")  # a different child, same nickname
        import_folder(b, tmp_path / "export")
        assert [c.nickname for c in b.list_children()] == ["sam", "Sam (2)"]
        assert len(b.results_for("Sam (2)")) == 7 and b.results_for("sam") == []


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        (lambda d: None, "no Wiggle Quest export"),
        (lambda d: (d / "logbook-export.json").write_text("{nope"), "cannot read it as JSON"),
        (lambda d: (d / "logbook-export.json").write_text('{"format": "other"}'), "is not a Wiggle Quest logbook export"),
        (lambda d: (d / "logbook-export.json").write_text('{"format": "wigglequest-logbook-export", "version": 99, "tables": {}}'), "update it"),
        (lambda d: (d / "logbook-export.json").write_text(json.dumps({"format": "wigglequest-logbook-export", "version": 1, "tables": {"children": [{"id": "x"}]}})), "children row 1: column nickname is missing"),
    ],
)
def test_bad_imports_are_one_line_errors(tmp_path: Path, setup, words: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    setup(folder)
    with Logbook.open(f"sqlite:///{tmp_path / 'lb.sqlite3'}") as lb:
        with pytest.raises(LogbookError, match=words):
            import_folder(lb, folder)
    code, _, err = run("import", "--db", f"sqlite:///{tmp_path / 'lb.sqlite3'}", str(folder))
    assert code == 2 and words.split(":")[0] in err and err.count("\n") == 1


def test_export_and_import_commands(tmp_path: Path) -> None:
    src, dst = f"sqlite:///{tmp_path / 'a.sqlite3'}", f"sqlite:///{tmp_path / 'b.sqlite3'}"
    with Logbook.open(src) as lb:
        seed_logbook(lb, days=3)
    code, out, err = run("export", "--db", src, "--child", "Sam", "--format", "csv", "-o", str(tmp_path / "x"))
    assert (code, err) == (0, "") and "exported Sam" in out
    assert (tmp_path / "x" / "activity_results.csv").exists() and (tmp_path / "x" / "manifest.json").exists()
    code, out, _ = run("import", "--db", dst, str(tmp_path / "x"))
    assert code == 0 and "imported" in out and "activity results" in out
    code, out, _ = run("import", "--db", dst, str(tmp_path / "x"))
    assert code == 0 and "nothing new" in out
