"""Run `wigglequest` subcommands in this process and capture what they print."""

from __future__ import annotations

import contextlib
import io
import json
from typing import Any

from game.cli import main


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `wigglequest ARGV`; argparse's own exits are codes too."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # a usage error (e.g. a bad --gate choice)
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def count_json(source: str, activity: str, extra: list[str] | None = None) -> dict[str, Any]:
    """The `count --json` result for one clip; raises RuntimeError with the CLI's message."""
    code, out, err = run_cli(["count", source, "--activity", activity, "--json", *(extra or [])])
    if code != 0:
        raise RuntimeError(err.strip() or f"count exited with {code}")
    return json.loads(out)


def table(rows: list[list[Any]], header: list[str]) -> str:
    """A plain fixed-width table."""
    cells = [[str(c) for c in header]] + [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)
