"""Store: the only floor that knows SQL or SQLite. One job per file:
engine.py (the engine, sessions, pragmas, typed errors), opening.py (the one way to open a store: lock,
location, checks, migration), migrate.py (Alembic), safety.py (location, lock file, file checks),
backup.py (every backup name, taking, rotating and restoring backups), checkpoint.py (the audit trail's
head kept outside the store), integrity.py (the full check of a backup), search.py, bulk.py.

Submodules never import this package: they import the submodule they need."""
from liaison_app.store.engine import Store, StoreDamaged, StoreError, StoreLocked, StoreTooNew
from liaison_app.store.opening import open_store

__all__ = ["Store", "StoreDamaged", "StoreError", "StoreLocked", "StoreTooNew", "open_store"]
