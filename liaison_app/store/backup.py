"""Backups with SQLite's online backup API, checked after writing and flushed to disk.

The copy is written through the one atomic writer (liaison_app.outputs): a temporary file beside the
target, checked, fsynced and renamed. A failed backup leaves nothing behind.

Every copy carries its own stamp (table `liaison_backup`: when it was taken, how it was checked, and
the audit trail's checkpoint; store/checkpoint.py). The check is the full one (integrity_check and
every value read once, store/integrity.py), so a damaged row is never copied forward into a backup
that looks good; only the backup taken before a migration, while the app starts, gets quick_check.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from liaison_app.outputs import atomic_path, check_output
from liaison_app.store.checkpoint import stamp_backup
from liaison_app.store.engine import Store, StoreDamaged, StoreError
from liaison_app.store.integrity import full_check


def _quick_check(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def backup_to(store: Store, target: Path, *, check: str = "full") -> Path:
    """Copy the live store to `target` (atomically: a temporary name, checked, fsynced, renamed).

    Refuses (OutputRefused, an OSError) a target that is the store, its journal or lock, a folder,
    or an existing file that is not a database; the backups folder is allowed here. `check` is "full"
    (reads the whole copy: keep it off the UI thread) or "quick"."""
    target = Path(target)
    check_output(target, store.path, "sqlite", allow_backups=True)
    with atomic_path(target, make_folder=True) as tmp:
        raw = store.engine.raw_connection()
        try:
            dest = sqlite3.connect(str(tmp))
            try:
                raw.driver_connection.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
                stamp_backup(dest, store.path, check)
            finally:
                dest.close()
        finally:
            raw.close()
        if check == "full":
            problem = full_check(tmp)
            if problem != "ok":
                raise StoreDamaged(_damaged(store, problem))
        elif not _quick_check(tmp):
            raise StoreError("The backup did not pass its check and was not kept.")
    return target


def _damaged(store: Store, problem: str) -> str:
    from liaison_app.store.backup_guard import describe, newest_good_backup

    message = (f"The store has a damaged record ({problem}), so this backup was not kept and the earlier "
               "backups were left as they were.")
    good = newest_good_backup(store.path)
    if good is not None:
        message += f" Restore the backup of {describe(good)} ({good.name}) to carry on safely."
    return message
