"""`wigglequest activities` (the catalog) and `wigglequest count` (one activity over a clip or a
landmark recording, no window)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from game.commands.tracking_cmds import parse_workers, silences_native_stderr
from game.errors import CliError

RECORDING_SUFFIXES = (".jsonl", ".jsonl.gz")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "activities", help="list the activities with their parameters and levels",
        description="List the activity catalog: ids, motor domain, skills, parameters, levels.")
    p.add_argument("--json", action="store_true", help="print the catalog as JSON")
    p.set_defaults(func=activities_command)

    c = subparsers.add_parser(
        "count", help="run one activity over a video or landmark recording and print the result",
        description="Run one activity with no window over a video file (tracked with MediaPipe, "
                    "as fast as this machine can) or a landmark recording (.jsonl / .jsonl.gz), "
                    "and print its result.")
    # Checked by the handler rather than argparse, so a mistake is one line (CliError), not usage.
    c.add_argument("source", metavar="SOURCE", nargs="?",
                   help="video file, or landmark recording (.jsonl[.gz])")
    c.add_argument("--activity", metavar="ID", help="activity id (see `wigglequest activities`)")
    c.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="set a parameter (repeatable)")
    c.add_argument("--level", default=None, metavar="N", help="difficulty level 1-5")
    c.add_argument("--gate", choices=("auto", "on", "off"), default="auto",
                   help="ready gate: on = count only after the start pose is held (as in the "
                        "game); off = analyse the whole clip; auto (default) = on, but if the "
                        "start pose never shows, analyse the whole clip")
    c.add_argument("--workers", default=None, metavar="N",
                   help="video files: track in N parallel chunks (default: min(2, CPU cores); "
                        "1 = one after another, for exact reproducibility)")
    c.add_argument("--json", action="store_true", help="print one JSON object")
    c.set_defaults(func=count_command)


# --- activities ------------------------------------------------------------------------------

def catalog_json() -> list[dict[str, Any]]:
    from exercises import catalog

    out = []
    for info in _infos(catalog):
        out.append({
            "id": info.id,
            "name": info.name,
            "domain": info.domain,
            "clinical_domain": info.clinical_domain,
            "needs": info.needs,
            "skills": list(info.skills),
            "main_measure": info.main_measure,
            "sides": list(info.sides),
            "seated_variant": info.seated_variant,
            "description": info.description,
            "params": [
                {"name": p.name, "type": p.type, "default": p.default, "unit": p.unit,
                 "minimum": p.minimum, "maximum": p.maximum,
                 "choices": list(p.choices), "meaning": p.meaning}
                for p in info.params
            ],
            "levels": {str(k): dict(v) for k, v in sorted(info.levels.items())},
            "metrics": [
                {"name": m.name, "unit": m.unit, "meaning": m.meaning, "per_side": m.per_side}
                for m in info.metrics
            ],
        })
    return out


def _infos(catalog: Any) -> list[Any]:
    infos = []
    for activity_id in catalog.ids():
        try:
            infos.append(catalog.info(activity_id))
        except ImportError as exc:  # an activity module missing from this install
            print(f"wigglequest: warning: activity {activity_id} unavailable ({exc})", file=sys.stderr)
    return infos


def _range(p: dict[str, Any]) -> str:
    if p["type"] == "choice":
        return "|".join(p["choices"])
    if p["type"] == "bool":
        return ""
    if p["minimum"] is None and p["maximum"] is None:
        return ""
    lo = "" if p["minimum"] is None else f"{p['minimum']:g}"
    hi = "" if p["maximum"] is None else f"{p['maximum']:g}"
    return f"{lo}..{hi}"


def _fmt(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def activities_command(args: argparse.Namespace) -> int:
    entries = catalog_json()
    if args.json:
        print(json.dumps(entries, indent=2))
        return 0
    lines: list[str] = []
    for e in entries:
        seated = ", seated variant" if e["seated_variant"] else ""
        lines.append(f"{e['id']} — {e['name']}")
        lines.append(f"  {e['domain']} motor ({e['clinical_domain']}), tracks {e['needs']}{seated}")
        lines.append(f"  skills: {', '.join(e['skills'])}")
        if e["description"]:
            lines.append(f"  {e['description']}")
        lines.append("  parameters:")
        width = max((len(p["name"]) for p in e["params"]), default=4)
        for p in e["params"]:
            unit = f" {p['unit']}" if p["unit"] else ""
            rng = _range(p)
            rng = f" [{rng}]" if rng else ""
            lines.append(f"    {p['name']:<{width}}  {p['type']:<6} default {_fmt(p['default'])}{unit}"
                         f"{rng}  — {p['meaning']}")
        lines.append("  levels:")
        for level, values in e["levels"].items():
            lines.append(f"    {level}: " + ", ".join(f"{k}={_fmt(v)}" for k, v in values.items()))
        lines.append("  metrics: " + ", ".join(
            f"{m['name']}" + (f" ({m['unit']})" if m["unit"] else "") for m in e["metrics"]))
        lines.append("")
    print("\n".join(lines).rstrip())
    return 0


# --- count -----------------------------------------------------------------------------------

def parse_params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--param must be NAME=VALUE, got {item!r}")
        params[name.strip()] = value.strip()
    return params


def is_recording(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in RECORDING_SUFFIXES)


@silences_native_stderr
def count_command(args: argparse.Namespace) -> int:
    from exercises import catalog, runner

    if not args.source:
        raise CliError("count needs a SOURCE: a video file or a landmark recording (.jsonl[.gz])")
    if not args.activity:
        raise CliError("count needs --activity ID (see `wigglequest activities`)")
    level = None
    if args.level is not None:
        try:
            level = int(args.level)
        except ValueError:
            raise CliError(f"--level must be a whole number 1-5, got {args.level!r}") from None
    if args.activity not in catalog.MODULES:
        raise CliError(f"unknown activity {args.activity!r}; known: {', '.join(catalog.ids())}")
    workers = parse_workers(args.workers)
    overrides = parse_params(args.param)
    try:
        params = runner.resolve(args.activity, overrides, level)
        needs = catalog.info(args.activity).needs
    except (ValueError, ImportError) as exc:
        raise CliError(str(exc)) from None
    path = Path(args.source)
    if not path.exists():
        raise CliError(f"file not found: {path}")
    if not path.is_file():
        raise CliError(f"not a file: {path}")
    frames = load_recording(path) if is_recording(path) else track_video(path, needs, workers)
    gate = {"on": True, "off": False, "auto": "auto"}[args.gate]
    outcome = runner.run(args.activity, frames, params, gate=gate)
    report = count_report(outcome, source=str(path))
    if args.json:
        print(json.dumps(report, allow_nan=False))
    else:
        print(human_report(report))
    return 0


def load_recording(path: Path) -> list[Any]:
    from tracking.recording import read_recording
    from tracking.sources.base import SourceError

    try:
        _, frames = read_recording(path)
    except SourceError as exc:
        raise CliError(str(exc)) from None
    except (OSError, EOFError) as exc:  # e.g. a truncated gzip stream
        raise CliError(f"cannot read recording {path}: {exc}") from None
    return frames


def track_video(path: Path, needs: str, workers: int | None = None) -> list[Any]:
    """Every frame of the file through the models this activity needs (and smoothing, as in the
    game), as fast as possible, on the file's own time (frame index / fps): in `workers`
    parallel chunks merged back in order (tracking.offline).  Only landmarks are kept, never
    pictures."""
    from tracking.estimators import EstimatorError
    from tracking.offline import OfflineTracker
    from tracking.sources.base import SourceError

    tracker = OfflineTracker(path, needs, workers=workers)  # rotation metadata applied
    try:
        tracker.open()  # a bad file fails here, before the models load
        frames = list(tracker.frames())
    except (SourceError, EstimatorError) as exc:
        raise CliError(str(exc)) from None
    except (ImportError, RuntimeError) as exc:  # MediaPipe itself could not load its models
        raise CliError(f"the MediaPipe models could not be loaded ({exc}); run `wigglequest doctor`") from None
    finally:
        tracker.close()
    if not frames:
        raise CliError(f"no pictures could be read from {path}")
    return frames


def _number(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def count_report(outcome: Any, source: str) -> dict[str, Any]:
    r = outcome.result
    return {
        "activity": r.activity_id,
        "source": source,
        "reps": r.reps,
        "metrics": {k: _number(v) for k, v in r.metrics.items()},
        "per_side": {s: {k: _number(v) for k, v in m.items()} for s, m in r.per_side.items()},
        "tracking_quality": r.tracking_quality,
        "duration_s": r.duration_s,
        "success_rate": _number(r.success_rate),
        "level": r.level,
        "completed": r.completed,
        "params": {k: v for k, v in r.params.items() if _jsonable(v)},
        "level_changes": [
            {"t": c.t, "old": c.old, "new": c.new, "reason": c.reason} for c in r.level_changes
        ],
        "gate": outcome.gate,
        "frames": outcome.frames,
    }


def _jsonable(value: Any) -> bool:
    return value is None or isinstance(value, (bool, int, float, str))


def human_report(report: dict[str, Any]) -> str:
    from exercises import catalog

    info = catalog.info(report["activity"])
    units = {m.name: m.unit for m in info.metrics}
    lines = [f"{info.name} ({report['activity']}) — {report['source']}"]
    if report["reps"] is not None:
        lines.append(f"  reps: {report['reps']}")
    gate = {"passed": "counted from when the start pose was held",
            "skipped": "whole clip analysed (start pose not held, or gate off)",
            "never": "start pose never held: nothing counted"}[report["gate"]]
    lines.append(f"  active time: {report['duration_s']:.1f} s over {report['frames']} frames; {gate}")
    lines.append(f"  tracking quality: {100 * report['tracking_quality']:.0f}%")
    if report["success_rate"] is not None:
        lines.append(f"  success rate: {100 * report['success_rate']:.0f}%")
    lines.append(f"  level: {report['level']}")
    for name, value in report["metrics"].items():
        if name == "reps" and report["reps"] is not None:
            continue  # already shown first
        unit = f" {units.get(name, '')}".rstrip()
        lines.append(f"  {name}: {_fmt(value) if value is not None else '-'}{unit}")
    for side, metrics in report["per_side"].items():
        lines.append(f"  {side}: " + ", ".join(
            f"{k}={_fmt(v) if v is not None else '-'}" for k, v in metrics.items()))
    return "\n".join(lines)
