"""The command line: `liaison-app [--db PATH] COMMAND ...`, built on the same services as the app.

Each command group lives in its own module with `register(subparsers)`; each command is a function
`run(args) -> int`. Exit codes: 0 done, 1 refused input (every reason listed on stderr), 2 usage.
With no command (or `gui`) the caller, liaison_app.app.main, opens the desktop app instead.
"""
from __future__ import annotations

import argparse
import sys

from liaison_app import __version__
from liaison_app.cli import briefs, data, letters, officers, reports, safety
from liaison_app.cli.common import CommandError

__all__ = ["CommandError", "build_parser", "run_command"]

# Command groups, in the order `--help` lists them.
COMMAND_GROUPS = (data, safety, officers, briefs, letters, reports)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liaison-app",
        description="Liaison: tenants' wishes, adjustments, risks and support plans, and contractor briefings.",
    )
    parser.add_argument("--version", action="version", version=f"Liaison {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the store file (default: LIAISON_DB, else your data folder)")
    parser.add_argument("--officer", metavar="NAME", help="your user name, once the store has officer accounts")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the desktop app, make or sign in the account from LIAISON_SMOKE_USER and "
                             "LIAISON_SMOKE_PASSWORD, show the main window, then close (for installers and CI)")
    parser.set_defaults(func=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("gui", help="open the desktop app (the default)").set_defaults(func=None)
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed headless command: refused input prints one line per problem and exits 1."""
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"liaison-app: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("liaison-app: stopped; nothing was half-written.", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    """Headless commands only (tests and scripts): `liaison_app.app.main` is the program's entry point."""
    args = build_parser().parse_args(argv)
    if args.func is None:
        print("liaison-app: no command given (the desktop app opens from liaison_app.app.main).", file=sys.stderr)
        return 2
    return run_command(args)
