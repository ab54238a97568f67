"""`liaison-app gui` (the default): open the desktop app."""
from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("gui", help="open the desktop app (the default)")
    p.set_defaults(func=run_gui)


def run_gui(args) -> int:
    from liaison_app.app import run

    return run(db=getattr(args, "db", None))
