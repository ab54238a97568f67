"""Store: the only floor that knows SQL or SQLite. One job per file:
engine.py (the engine, sessions, pragmas, typed errors), opening.py (the one way to open a store: lock,
location, checks, migration), migrate.py (Alembic), safety.py (location, lock file, file checks),
backup.py (every backup name, taking, rotating and restoring backups), checkpoint.py (the audit trail's
head kept outside the store), integrity.py (the full check of a backup), search.py, bulk.py.

Submodules never import this package: they import the submodule they need.

The names below load on first use, for start-up speed: the desktop asks store/peek.py (plain sqlite3)
about a store before SQLModel has loaded, and importing any submodule runs this file first."""
from __future__ import annotations

__all__ = ["Store", "StoreDamaged", "StoreError", "StoreLocked", "StoreTooNew", "open_store"]


def __getattr__(name: str):
    if name == "open_store":
        from liaison_app.store.opening import open_store  # here, not at the top, for start-up speed

        return open_store
    if name in __all__:
        from liaison_app.store import engine  # here, not at the top, for start-up speed

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
