"""Store: the only floor that knows SQL or SQLite. One job per file:
engine.py (opening, sessions, pragmas), migrate.py (Alembic at start-up), search.py, backup.py."""
from liaison_app.store.engine import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
