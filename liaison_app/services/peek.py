"""Before the store is open: what the desktop may show first. Importing this loads neither SQLModel nor
Alembic (store/peek.py reads the file with plain sqlite3), so the sign-in dialog can be on screen while
the store opens and is checked on a background thread (ui/opening.py)."""
from __future__ import annotations

import os

from liaison_app.store.peek import peek

__all__ = ["has_accounts_hint"]


def has_accounts_hint(path: str | os.PathLike) -> bool | None:
    """True if the store at `path` has officer accounts, False if none, None when it cannot tell without
    opening it. No file at all is a new store, which has none. Only a hint for which dialog to show first:
    nothing is read for an officer from it, and the store is opened and asked before anything is written."""
    if not os.path.lexists(path):
        return False
    return peek(path)
