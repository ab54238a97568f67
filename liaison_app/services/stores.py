"""The store as the desktop and the command line see it: open one, its typed errors, backups now and
daily, and when a backup was taken. ui/ and cli/ come here, never to store/ (the layer rule).

A damaged store raises StoreDamaged carrying `.backup` (the newest good backup, or None); a store in
use elsewhere StoreLocked; one written by a newer Liaison StoreTooNew — all StoreErrors whose message
is fit to show an officer. Restoring a backup is services.erasure.restore_backup (it erases again
every tenant erased since)."""
from __future__ import annotations

import os
from pathlib import Path

import liaison_app.store as store_package
from liaison_app.store import Store, StoreDamaged, StoreError, StoreLocked, StoreTooNew
from liaison_app.store import backup as backups

__all__ = ["Store", "StoreDamaged", "StoreError", "StoreLocked", "StoreTooNew", "backup_date",
           "backup_if_due", "backup_now", "newest_good_backup", "open_store"]


def open_store(path: str | os.PathLike, **options) -> Store:
    """Open the store at `path` (store/opening.py: lock, location, checks, migration). Options as there:
    create, migrate, lock, check."""
    return store_package.open_store(path, **options)


def newest_good_backup(store_path: str | os.PathLike) -> Path | None:
    return backups.newest_good_backup(Path(store_path).expanduser().resolve())


def backup_date(backup: str | os.PathLike) -> str:
    """When a backup was taken, as an officer reads it: '21 November 2026 at 08:15'."""
    return backups.describe(Path(backup))


def backup_if_due(store: Store) -> Path | None:
    """Take today's backup if there is none yet (fully checked: keep it off the UI thread), then rotate."""
    return backups.backup_if_due(store)


def backup_now(store: Store, target: str | os.PathLike | None = None) -> Path:
    """A fully checked backup now: to `target`, else a manual backup in the store's backup folder.
    Refuses (OutputRefused) a target that is the store, its journal or lock, a folder or another file."""
    path = Path(target) if target else backups.manual_backup_path(store.path)
    return backups.backup_to(store, path)
