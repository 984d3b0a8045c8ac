"""`wigglequest plan|child|report|export|import`: the logbook from the command line.

Every command takes `--db URL` (default: WIGGLEQUEST_DB, else SQLite in the data folder).
Logbook and plan problems become one-line errors with exit code 2 (via CliError).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.errors import CliError
from logbook.words import plural

if TYPE_CHECKING:
    from logbook.store import Logbook

Handler = Callable[[argparse.Namespace], int]


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="URL", help="database URL (sqlite:///FILE or postgresql://...)")

    plan = subparsers.add_parser("plan", help="check, assign and show therapy plans")
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    p = plan_sub.add_parser("validate", help="check a plan file against the activity catalog")
    p.add_argument("file", type=Path)
    p.set_defaults(func=_guard(plan_validate))
    p = plan_sub.add_parser("assign", parents=[db], help="store a plan file for a child")
    p.add_argument("file", type=Path)
    p.add_argument("--child", help="nickname (default: the plan's own `child`)")
    p.set_defaults(func=_guard(plan_assign))
    p = plan_sub.add_parser("show", parents=[db], help="show the plan active for a child")
    p.add_argument("--child", required=True)
    p.add_argument("--on", type=_date, help="date (default today)")
    p.set_defaults(func=_guard(plan_show))
    p = plan_sub.add_parser(
        "new", help="write a plan file from flags (repeat with --append to add more activities)"
    )
    p.add_argument("--child", required=True)
    p.add_argument("--activity", required=True, help="activity id (see `wigglequest activities`)")
    amount = p.add_mutually_exclusive_group()
    amount.add_argument("--reps", type=int, help="repetitions per session (default 10)")
    amount.add_argument("--minutes", type=float, help="minutes per session instead of reps")
    p.add_argument("--level", type=int, default=1, help="starting difficulty 1-5 (default 1)")
    p.add_argument("--min-level", type=int, help="lowest level adaptive difficulty may use")
    p.add_argument("--max-level", type=int, help="highest level adaptive difficulty may use")
    p.add_argument("--side", choices=("left", "right", "both", "either"))
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="activity parameter (repeatable)")
    p.add_argument("--from", dest="valid_from", type=_date, help="first day (default today)")
    p.add_argument("--to", dest="valid_to", type=_date, help="last day (default open-ended)")
    p.add_argument("--sessions-per-week", type=int, default=3)
    p.add_argument("--name", default="", help="plan title")
    p.add_argument("--append", action="store_true", help="add this activity to the existing FILE")
    p.add_argument("-o", "--output", type=Path, required=True, help="plan file to write (.yaml or .json)")
    p.set_defaults(func=_guard(plan_new))

    child = subparsers.add_parser("child", help="add, list, edit or remove children")
    child_sub = child.add_subparsers(dest="child_command", metavar="ACTION", required=True)
    for name, helptext, func in (("add", "add a child", child_add), ("edit", "change a child's details", child_edit)):
        p = child_sub.add_parser(name, parents=[db], help=helptext)
        p.add_argument("nickname")
        if name == "edit":
            p.add_argument("--nickname", dest="new_nickname", help="new nickname")
        p.add_argument("--avatar")
        p.add_argument("--birth-year", type=int)
        p.add_argument("--dominant-hand", choices=("left", "right"))
        p.add_argument("--affected-side", choices=("left", "right", "both", "none"))
        p.add_argument("--seated", action=argparse.BooleanOptionalAction, default=None,
                       help="plays seated (seated variants of standing activities)")
        p.add_argument("--notes")
        p.set_defaults(func=_guard(func))
    p = child_sub.add_parser("list", parents=[db], help="list children")
    p.set_defaults(func=_guard(child_list))
    p = child_sub.add_parser("remove", parents=[db], help="export, then delete a child and their records")
    p.add_argument("nickname")
    p.add_argument("--yes", action="store_true", help="do not ask")
    p.add_argument("--export-to", type=Path, help="folder for the export made first (default: in the data folder)")
    p.set_defaults(func=_guard(child_remove))

    p = subparsers.add_parser("report", parents=[db], help="write an HTML report for parents and therapist")
    p.add_argument("--child", required=True)
    p.add_argument("--since", type=_date, help="first day to include (default: everything)")
    p.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    p.add_argument("-o", "--output", type=Path, help="HTML file (default report-NICKNAME.html)")
    p.set_defaults(func=_guard(report))

    p = subparsers.add_parser("export", parents=[db], help="export a child's logbook to a folder")
    p.add_argument("--child", required=True)
    p.add_argument("--format", choices=("csv", "json"), default="json")
    p.add_argument("-o", "--output", type=Path, required=True, help="folder to write")
    p.set_defaults(func=_guard(export))

    p = subparsers.add_parser("import", parents=[db], help="import a folder written by `export`")
    p.add_argument("folder", type=Path)
    p.set_defaults(func=_guard(import_))


# -- plumbing ------------------------------------------------------------------------------


def _guard(handler: Handler) -> Handler:
    """Logbook and plan errors become CliError (one line, exit code 2)."""

    @wraps(handler)
    def run(args: argparse.Namespace) -> int:
        from logbook.errors import LogbookError
        from logbook.plans import PlanError

        try:
            return handler(args)
        except (LogbookError, PlanError) as exc:
            raise CliError(str(exc)) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise CliError(f"{where}{exc.strerror or exc}") from None

    return run


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-03-01") from None


@contextmanager
def _open(args: argparse.Namespace) -> Iterator[Logbook]:
    from logbook.store import Logbook

    logbook = Logbook.open(getattr(args, "db", None))
    try:
        yield logbook
    finally:
        logbook.close()


# -- plan ----------------------------------------------------------------------------------


def plan_validate(args: argparse.Namespace) -> int:
    from logbook.plans import load_plan

    plan = load_plan(args.file)
    print(f"{args.file}: ok — {plural(len(plan.items), 'item')}, "
          f"{plan.sessions_per_week} sessions a week from "
          f"{plan.valid_from or 'the day it is assigned'}"
          + (f" to {plan.valid_to}" if plan.valid_to else ""))
    return 0


def plan_assign(args: argparse.Namespace) -> int:
    from logbook.plans import load_plan

    plan = load_plan(args.file)
    nickname = args.child or plan.child
    if not nickname:
        raise CliError(f"{args.file}: the plan names no child; add --child NAME")
    if args.child and plan.child and args.child.casefold() != plan.child.casefold():
        raise CliError(f"{args.file} is written for {plan.child}, not {args.child}")
    with _open(args) as logbook:
        child = logbook.child(nickname)
        plan_id = logbook.assign_plan(child.nickname, plan)
        stored = next(p for p in logbook.plans(child.nickname) if p.id == plan_id)
    print(f"assigned plan {plan_id[:8]} to {child.nickname} from {stored.valid_from}")
    return 0


def plan_show(args: argparse.Namespace) -> int:
    on = args.on or date.today()
    with _open(args) as logbook:
        child = logbook.child(args.child)
        plan = logbook.active_plan(child.nickname, on)
        progress = logbook.today_progress(child.nickname, on, plan) if plan else []
    if plan is None:
        print(f"{child.nickname} has no plan for {on}")
        return 0
    until = f" to {plan.valid_to}" if plan.valid_to else ""
    print(f"{plan.name or 'Plan'} for {child.nickname}: {plan.sessions_per_week} sessions a week, "
          f"{plan.valid_from}{until}")
    for p in progress:
        item = p.item
        extra = ", ".join(f"{k}={v}" for k, v in item.params.items())
        side = f", {item.side}" if item.side else ""
        print(f"  {item.position + 1}. {item.activity_id}: {item.required:g} {item.unit}, level {item.level} "
              f"({item.min_level}-{item.max_level}){side}{'; ' + extra if extra else ''}"
              f" — today {p.done:g}/{p.required:g}{' done' if p.complete else ''}")
    return 0


def plan_new(args: argparse.Namespace) -> int:
    from logbook.plans import load_plan, parse_plan

    out: Path = args.output
    item: dict[str, Any] = {"activity": args.activity, "level": args.level}
    from game.commands.activity_cmds import parse_params

    params = {name: _scalar(value) for name, value in parse_params(args.param).items()}
    if params:
        item["params"] = params
    for key in ("min_level", "max_level", "side"):
        if getattr(args, key) is not None:
            item[key] = getattr(args, key)
    if args.minutes is not None:
        item["minutes"] = args.minutes
    else:
        item["reps"] = args.reps if args.reps is not None else 10
    if args.append:
        if not out.exists():
            raise CliError(f"{out}: no such file to --append to")
        existing = load_plan(out)
        data = existing.model_dump(exclude_none=True)
        data["items"].append(item)
    else:
        if out.exists():
            raise CliError(f"{out} exists; use --append to add to it, or choose another file")
        data = {"child": args.child, "name": args.name, "valid_from": args.valid_from or date.today(),
                "sessions_per_week": args.sessions_per_week, "items": [item]}
        if args.valid_to:
            data["valid_to"] = args.valid_to
    plan = parse_plan(data, f"plan new -o {out}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(plan.to_text("json" if out.suffix.lower() == ".json" else "yaml"), encoding="utf-8")
    print(f"wrote {out} ({plural(len(plan.items), 'item')})")
    return 0


def _scalar(text: str) -> Any:
    """A --param value as YAML reads it: 3 -> int, 0.5 -> float, true -> bool, else text."""
    import yaml

    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    return value if isinstance(value, int | float | bool | str) else text


# -- child ---------------------------------------------------------------------------------


def _child_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields = {k: getattr(args, k) for k in ("avatar", "birth_year", "dominant_hand", "affected_side", "seated", "notes")}
    fields = {k: v for k, v in fields.items() if v is not None}
    if fields.get("affected_side") == "none":
        fields["affected_side"] = None
    return fields


def child_add(args: argparse.Namespace) -> int:
    with _open(args) as logbook:
        child = logbook.add_child(args.nickname, **_child_fields(args))
    print(f"added {child.nickname}")
    return 0


def child_edit(args: argparse.Namespace) -> int:
    fields = _child_fields(args)
    if args.new_nickname:
        fields["nickname"] = args.new_nickname
    if not fields:
        raise CliError("nothing to change; give e.g. --avatar, --birth-year, --seated or --nickname")
    with _open(args) as logbook:
        child = logbook.update_child(args.nickname, **fields)
    print(f"updated {child.nickname}")
    return 0


def child_list(args: argparse.Namespace) -> int:
    with _open(args) as logbook:
        children = logbook.list_children()
        rows = [(c, len(logbook.days_played(c.nickname))) for c in children]
    if not rows:
        print("no children yet; add one with: wigglequest child add NAME")
    for c, days in rows:
        details = [c.avatar]
        if c.birth_year:
            details.append(f"born {c.birth_year}")
        if c.dominant_hand:
            details.append(f"{c.dominant_hand}-handed")
        if c.affected_side:
            details.append(f"affected side {c.affected_side}")
        if c.seated:
            details.append("seated")
        print(f"{c.nickname}\t{', '.join(details)}\t{plural(days, 'day')} played")
    return 0


def child_remove(args: argparse.Namespace) -> int:
    from logbook.exchange import export_child
    from logbook.paths import data_dir

    with _open(args) as logbook:
        child = logbook.child(args.nickname)
        results = len(logbook.results_for(child.nickname))
        if not args.yes:
            try:
                answer = input(f"Remove {child.nickname} and {plural(results, 'recorded activity', 'recorded activities')}? "
                               "An export is saved first. Type yes: ")
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("y", "yes"):
                print("nothing removed")
                return 1
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = args.export_to or data_dir() / "removed" / f"{_safe(child.nickname)}-{stamp}"
        export_child(logbook, child.nickname, folder, "json")
        logbook.remove_child(child.nickname)
    print(f"removed {child.nickname}; their records were exported to {folder} (wigglequest import {folder} brings them back)")
    return 0


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)


# -- report and exchange -------------------------------------------------------------------


def report(args: argparse.Namespace) -> int:
    from logbook.reports import build_report

    with _open(args) as logbook:
        child = logbook.child(args.child)
        html = build_report(logbook, child.nickname, since=args.since, today=args.today)
    out: Path = args.output or Path(f"report-{_safe(child.nickname)}.html")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    print(f"wrote {out} ({len(html) // 1024} kB)")
    return 0


def export(args: argparse.Namespace) -> int:
    from logbook.exchange import export_child

    with _open(args) as logbook:
        child = logbook.child(args.child)
        files = export_child(logbook, child.nickname, args.output, args.format)
    print(f"exported {child.nickname} to {args.output} ({plural(len(files), 'file')})")
    return 0


def import_(args: argparse.Namespace) -> int:
    from logbook.exchange import import_folder

    with _open(args) as logbook:
        added = import_folder(logbook, args.folder)
    total = sum(added.values())
    if total == 0:
        print(f"nothing new in {args.folder}; the logbook already has all of it")
    else:
        parts = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in added.items() if n)
        print(f"imported from {args.folder}: {parts}")
    return 0
