"""Store: the only floor that knows SQL or SQLite. One job per file:
engine.py (opening, sessions, pragmas), migrate.py (Alembic at start-up), search.py, backup.py (taking a
backup), backup_guard.py (keeping, rotating and restoring backups), checkpoint.py (the audit trail's head
kept outside the store), integrity.py (the full check of a backup)."""
from liaison_app.store.engine import Store, StoreDamaged, StoreError, open_store

__all__ = ["Store", "StoreDamaged", "StoreError", "open_store"]
