"""Backups with SQLite's online backup API, checked after writing and flushed to disk."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from liaison_app.store.engine import Store, StoreError


def _quick_check(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def backup_to(store: Store, target: Path) -> Path:
    """Copy the live store to `target` (atomically: a temporary name, checked, fsynced, renamed)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    raw = store.engine.raw_connection()
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            raw.driver_connection.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        raw.close()
    if not _quick_check(tmp):
        tmp.unlink(missing_ok=True)
        raise StoreError("The backup did not pass its check and was not kept.")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return target
