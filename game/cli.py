"""The `wigglequest` command: one parser, subcommands contributed by each area's module.

Each module in COMMAND_MODULES has `register(subparsers)`; handlers import heavy libraries
(mediapipe, pygame) themselves, so `wigglequest activities` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from game.errors import CliError

COMMAND_MODULES: tuple[str, ...] = (
    "game.commands.play_cmd",
    "game.commands.tracking_cmds",
    "game.commands.activity_cmds",
    "game.commands.logbook_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wigglequest",
        description="Wiggle Quest: motor-skill games for children, played in front of a webcam.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # an area not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if not getattr(args, "func", None):
        if args.command is None:
            args = parser.parse_args(["play"]) if "play" in _subcommands(parser) else args
        if not getattr(args, "func", None):
            parser.print_help()
            return 0
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"wigglequest: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("wigglequest: stopped.", file=sys.stderr)
        return 130


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
