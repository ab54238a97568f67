"""The command line: `liaison-app [--db PATH] [COMMAND ...]`. No command opens the desktop app.

Each command group lives in its own module with `register(subparsers)`; each command is a
function `run(args) -> int` built on the same services as the app. Exit codes: 0 done,
1 refused input (every reason listed on stderr), 2 usage.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from liaison_app import __version__

# Command groups, in the order `--help` lists them.
COMMAND_MODULES = [
    "liaison_app.cli.gui",
    "liaison_app.cli.data",
    "liaison_app.cli.safety",
    "liaison_app.cli.briefs",
    "liaison_app.cli.reports",
]


class CommandError(Exception):
    """Refused input: the message (one line per problem) goes to stderr and the exit code is 1."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liaison-app",
        description="Liaison: tenants' wishes, adjustments, risks and support plans, and contractor briefings.",
    )
    parser.add_argument("--version", action="version", version=f"Liaison {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the store file (default: LIAISON_DB, else your data folder)")
    parser.add_argument("--officer", metavar="NAME", help="your user name, once the store has officer accounts")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from liaison_app.cli.gui import run_gui

        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"liaison-app: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("liaison-app: stopped; nothing was half-written.", file=sys.stderr)
        return 1
