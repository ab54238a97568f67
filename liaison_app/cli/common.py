"""What every headless command shares: opening the store named by --db / LIAISON_DB."""
from __future__ import annotations

from liaison_app.paths import store_path
from liaison_app.store import Store, StoreError, open_store


def open_for_command(args) -> Store:
    """Open the store for a headless command, or raise CommandError with a clear message."""
    from liaison_app.cli import CommandError

    try:
        return open_store(store_path(getattr(args, "db", None)))
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
