"""`liaison-app demo` and `liaison-app import KIND FILE`: filling a store.

A refused import exits 1 with one line per problem on stderr ("line 7, column postcode: …");
nothing is stored. Success prints the counts.

Imports inside the command functions are there for start-up speed: each command loads only what it needs.
"""
from __future__ import annotations

import sys
import time

from liaison_app.cli.common import announce_if_created, discard_if_created, open_for_command
from liaison_app.domain.text import plural

IMPORT_KINDS = ("tenants", "jobs", "adjustments", "warnings", "checks", "feedback")
MAX_DEMO_TENANTS = 500_000  # as services.demo.MAX_TENANTS (not imported here: start-up speed)


def register(sub) -> None:
    p = sub.add_parser("demo", help="fill the store with realistic invented data (refuses a store with real records)")
    p.add_argument("--tenants", type=_positive, default=300, metavar="N",
                   help=f"how many tenants, 1 to {MAX_DEMO_TENANTS:,} (default 300)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="the same seed makes the same data (default 1)")
    p.set_defaults(func=run_demo)

    p = sub.add_parser("import", help="import tenants, jobs, adjustments, warnings, check history or text-message "
                                      "survey answers (feedback) from CSV (all rows or none)")
    p.add_argument("kind", choices=IMPORT_KINDS, help="what the file holds")
    p.add_argument("file", metavar="FILE", help="the CSV file (UTF-8 or Windows-1252, header row first)")
    p.set_defaults(func=run_import)


def _positive(value: str) -> int:
    import argparse

    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("give a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("give a number of at least 1")
    return n


def run_demo(args) -> int:
    from liaison_app.cli.common import CommandError
    from liaison_app.services.demo import DemoRefused, make_demo
    from liaison_app.services.stores import StoreError

    if args.tenants > MAX_DEMO_TENANTS:
        raise CommandError(f"--tenants: at most {MAX_DEMO_TENANTS:,} demo tenants; nothing was made.")
    store = open_for_command(args, create=True)
    started = time.perf_counter()
    try:
        result = make_demo(store, tenants=args.tenants, seed=args.seed)
    except (DemoRefused, StoreError) as exc:
        discard_if_created(store)
        raise CommandError(str(exc)) from exc
    except BaseException:
        discard_if_created(store)
        raise
    store.close()
    announce_if_created(store)
    if result.already:
        print(str(result))
    else:
        print(f"Demo data made in {time.perf_counter() - started:.1f} s: {result}.")
    return 0


def run_import(args) -> int:
    from liaison_app.cli.common import CommandError
    from liaison_app.services.imports import ImportRefused, import_file
    from liaison_app.services.stores import StoreError

    store = open_for_command(args, create=True)
    try:
        result = import_file(store, args.kind, args.file)
    except ImportRefused as exc:
        discard_if_created(store)
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        if exc.more:
            print(f"… and {exc.more:,} more", file=sys.stderr)
        raise CommandError(f"nothing was imported: {plural(exc.total, 'problem')} found.") from exc
    except StoreError as exc:
        discard_if_created(store)
        raise CommandError(f"nothing was imported: {exc}") from exc
    except BaseException:
        discard_if_created(store)
        raise
    store.close()
    announce_if_created(store)
    print(f"Imported {result}.")
    return 0
