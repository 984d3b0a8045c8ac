"""Export one child's logbook to a folder (CSV or JSON) and import such a folder into any logbook.

Rows keep their UUIDs, so importing the same export twice adds nothing the second time, and a
therapist can merge exports from many families into one clinic database.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    Table,
    func,
    select,
)

from logbook import schema
from logbook.errors import LogbookError
from logbook.store import Logbook, jsonable

FORMAT = "wigglequest-logbook-export"
VERSION = 1
JSON_FILE = "logbook-export.json"
MANIFEST = "manifest.json"
# In dependency order: a row's parents come before it.
TABLES: tuple[Table, ...] = (
    schema.children,
    schema.plans,
    schema.plan_items,
    schema.sessions,
    schema.activity_results,
    schema.events,
    schema.stickers,
    schema.settings,
)
EXPORTED_COLUMNS = {t.name: [c.name for c in t.columns if not (t is schema.events and c.name == "id")] for t in TABLES}


def collect(logbook: Logbook, nickname: str) -> dict[str, list[dict[str, Any]]]:
    """Every row that belongs to the child, per table, as plain JSON-ready values."""
    t = schema
    with logbook._tx() as conn:
        child_id = logbook._require(conn, nickname)["id"]
        results = select(t.activity_results.c.id).where(t.activity_results.c.child_id == child_id)
        plans = select(t.plans.c.id).where(t.plans.c.child_id == child_id)
        queries = {
            "children": select(t.children).where(t.children.c.id == child_id),
            "plans": select(t.plans).where(t.plans.c.child_id == child_id).order_by(t.plans.c.created_at),
            "plan_items": select(t.plan_items).where(t.plan_items.c.plan_id.in_(plans))
            .order_by(t.plan_items.c.plan_id, t.plan_items.c.position),
            "sessions": select(t.sessions).where(t.sessions.c.child_id == child_id).order_by(t.sessions.c.started_at),
            "activity_results": select(t.activity_results).where(t.activity_results.c.child_id == child_id)
            .order_by(t.activity_results.c.started_at),
            "events": select(t.events).where(t.events.c.result_id.in_(results))
            .order_by(t.events.c.result_id, t.events.c.seq),
            "stickers": select(t.stickers).where(t.stickers.c.child_id == child_id).order_by(t.stickers.c.earned_at),
            "settings": select(t.settings).where(t.settings.c.scope == child_id),
        }
        return {
            name: [{c: jsonable(row[c]) for c in EXPORTED_COLUMNS[name]} for row in conn.execute(q).mappings()]
            for name, q in queries.items()
        }


def export_child(logbook: Logbook, nickname: str, folder: Path, fmt: Literal["csv", "json"]) -> list[Path]:
    """Write the child's rows into `folder` (created); returns the files written."""
    data = collect(logbook, nickname)
    folder.mkdir(parents=True, exist_ok=True)
    header = {"format": FORMAT, "version": VERSION, "exported_at": datetime.now().isoformat(timespec="seconds"),
              "child": data["children"][0]["nickname"]}
    if fmt == "json":
        path = folder / JSON_FILE
        path.write_text(json.dumps({**header, "tables": data}, indent=1, ensure_ascii=False), encoding="utf-8")
        return [path]
    written = []
    for table in TABLES:
        path = folder / f"{table.name}.csv"
        json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=EXPORTED_COLUMNS[table.name])
            writer.writeheader()
            for row in data[table.name]:
                writer.writerow({k: _csv_cell(v, k in json_columns) for k, v in row.items()})
        written.append(path)
    manifest = folder / MANIFEST
    manifest.write_text(json.dumps({**header, "files": [p.name for p in written]}, indent=1), encoding="utf-8")
    return [*written, manifest]


def import_folder(logbook: Logbook, folder: Path) -> dict[str, int]:
    """Add every row of an export that the logbook does not have yet; returns new rows per table.

    A child whose nickname is taken by a different child is imported as "Name (2)".
    """
    data = _read_folder(folder)
    added = {t.name: 0 for t in TABLES}
    with logbook._tx(write=True) as conn:
        new_results: set[str] = set()
        for table in TABLES:
            rows = [_typed(table, row, folder, i) for i, row in enumerate(data.get(table.name, []))]
            if table is schema.events:
                rows = [r for r in rows if r["result_id"] in new_results]
                if rows:
                    conn.execute(table.insert(), rows)
                added[table.name] = len(rows)
                continue
            for row in rows:
                if _exists(conn, table, row):
                    continue
                if table is schema.children:
                    row["nickname"] = _free_nickname(conn, row["nickname"])
                conn.execute(table.insert().values(row))
                added[table.name] += 1
                if table is schema.activity_results:
                    new_results.add(row["id"])
    return added


def _exists(conn: Connection, table: Table, row: Mapping[str, Any]) -> bool:
    keys = [c for c in table.primary_key.columns]
    return conn.execute(select(func.count()).select_from(table).where(*[c == row[c.name] for c in keys])).scalar() > 0


def _free_nickname(conn: Connection, nickname: str) -> str:
    c = schema.children.c
    taken = {n.lower() for n in conn.execute(select(c.nickname)).scalars()}
    candidate, n = nickname, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = nickname[: 40 - len(suffix)] + suffix
    return candidate


def _csv_cell(value: Any, is_json: bool) -> Any:
    if is_json:
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _read_folder(folder: Path) -> dict[str, list[dict[str, Any]]]:
    if not folder.is_dir():
        raise LogbookError(f"{folder} is not a folder; give the folder that `wigglequest export` wrote")
    json_path, manifest_path = folder / JSON_FILE, folder / MANIFEST
    if json_path.exists():
        doc = _read_json(json_path)
        _check_header(doc, json_path)
        tables = doc.get("tables")
        if not isinstance(tables, dict) or not all(isinstance(v, list) for v in tables.values()):
            raise LogbookError(f"{json_path}: 'tables' must map table names to lists of rows")
        return tables
    if manifest_path.exists():
        _check_header(_read_json(manifest_path), manifest_path)
        data: dict[str, list[dict[str, Any]]] = {}
        for table in TABLES:
            path = folder / f"{table.name}.csv"
            if not path.exists():
                raise LogbookError(f"{path} is missing from the export")
            json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
            with path.open(newline="", encoding="utf-8") as fh:
                rows = []
                for line, row in enumerate(csv.DictReader(fh), start=2):
                    try:
                        rows.append({k: json.loads(v) if k in json_columns else v for k, v in row.items()})
                    except (json.JSONDecodeError, TypeError):
                        raise LogbookError(f"{path}: line {line}: a JSON column is not valid JSON") from None
                data[table.name] = rows
        return data
    raise LogbookError(f"no Wiggle Quest export in {folder} (expected {JSON_FILE}, or {MANIFEST} with CSV files)")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LogbookError(f"{path}: cannot read it as JSON ({str(exc).splitlines()[0]})") from None


def _check_header(doc: Any, path: Path) -> None:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise LogbookError(f"{path} is not a Wiggle Quest logbook export")
    if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
        raise LogbookError(f"{path} is export version {doc.get('version')}; this Wiggle Quest reads version {VERSION} — update it")


def _typed(table: Table, row: Any, folder: Path, index: int) -> dict[str, Any]:
    """A row from a file, with the column types restored; LogbookError naming the table and row."""
    where = f"{folder}: {table.name} row {index + 1}"
    if not isinstance(row, dict):
        raise LogbookError(f"{where}: not a row")
    out: dict[str, Any] = {}
    for name in EXPORTED_COLUMNS[table.name]:
        column = table.c[name]
        if name not in row:
            raise LogbookError(f"{where}: column {name} is missing")
        value = row[name]
        try:
            out[name] = _convert(column.type, value, column.nullable)
        except (TypeError, ValueError):
            raise LogbookError(f"{where}: {name} has an unusable value {str(value)[:40]!r}") from None
        if out[name] is None and not column.nullable and not column.primary_key:
            raise LogbookError(f"{where}: {name} may not be empty")
    return out


def _convert(kind: Any, value: Any, nullable: bool) -> Any:
    if isinstance(kind, JSON):
        return value
    if value is None or (value == "" and (nullable or not isinstance(value, str))):
        return None
    if isinstance(kind, Boolean):
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "1"):
            return True
        if str(value).lower() in ("false", "0"):
            return False
        raise ValueError(value)
    if isinstance(kind, Integer):
        if isinstance(value, bool):
            raise ValueError(value)
        return int(value)
    if isinstance(kind, Float):
        return float(value)
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(str(value))
    if isinstance(kind, Date):
        return date.fromisoformat(str(value))
    return str(value)
