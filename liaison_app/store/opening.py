"""Opening a store, in one place: where it may live, the lock, the file's checks, the engine, migration,
and — when the store is damaged — the newest good backup to offer.

`open_store` is the one way in. It refuses a network or cloud-synced folder (StoreError), a store another
copy of Liaison has open (StoreLocked), a damaged store (StoreDamaged, carrying the newest good backup;
the file is left untouched) and a store written by a newer Liaison (StoreTooNew).
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

import liaison_app.store.engine as engine  # engine.make_engine looked up on each open (tests replace it)
from liaison_app.store.backup import close_checkpoint, damaged_record, newest_good_backup
from liaison_app.store.engine import Store, StoreDamaged, StoreError, make_owner_only
from liaison_app.store.migrate import upgrade
from liaison_app.store.safety import StoreLock, check_location, quick_check, wal_is_damaged


def check_store_file(path: Path) -> None:
    """Raise StoreDamaged (carrying and naming the newest good backup) if the store at `path` is damaged."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    wal = path.with_name(path.name + "-wal")
    problem = "its journal is damaged" if wal_is_damaged(wal) else None
    if problem is None and quick_check(path) != "ok":
        problem = "it failed its check"
    if problem is None:
        return
    message = f"This store is damaged ({problem}); it has not been changed."
    backup = newest_good_backup(path)
    if backup is not None:
        message += f" The newest good backup is {backup.name} in {backup.parent}: restore it to carry on."
    else:
        message += " No good backup was found beside it."
    raise StoreDamaged(message, backup)


def _check_path(path: Path, create: bool) -> bool:
    """Refuse a path that cannot hold a store; True if the store is new (no file, or an empty one)."""
    check_location(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file: name the store file itself.")
    new = not path.exists() or path.stat().st_size == 0
    if new and not create:
        if path.exists():
            raise StoreError(f"{path} is an empty file, not a Liaison store: check the path.")
        raise StoreError(f"No store at {path}: check the path (only demo and import make a new store).")
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder for the store: {exc.strerror}.") from exc
    return new


def _engine_under_lock(path: Path, store_lock: StoreLock | None, check: bool):
    if store_lock is not None:
        store_lock.acquire()
    try:
        make_owner_only(path)
        if check:
            check_store_file(path)
        return engine.make_engine(f"sqlite:///{path.as_posix()}")
    except Exception:
        if store_lock is not None:
            store_lock.release()
        raise


def open_store(path: str | Path, *, migrate: bool = True, create: bool = True, lock: bool = True,
               check: bool = True) -> Store:
    """Open (and if need be create and migrate) the store at `path`.

    With `create` False, a path with no file, or an empty file, is refused (StoreError naming it);
    with `create` True it becomes a new empty store and `store.created` is True. A folder is refused.
    Refuses a network or cloud-synced folder, a store another copy of Liaison has open (lock file
    beside it; `lock=False` only for tools that must not take it), and a damaged store (untouched;
    `check=False` only if the caller runs `check_store_file` itself, e.g. off the UI thread)."""
    path = Path(path).expanduser().resolve()
    new = _check_path(path, create)
    store_lock = StoreLock(path) if lock else None
    store = Store(path, _engine_under_lock(path, store_lock, check))
    store.lock = store_lock
    store.created = new
    store.damage_report = partial(damaged_record, path)
    store.on_close = close_checkpoint
    try:
        if migrate:
            upgrade(store)
    except Exception:
        store.close()
        raise
    return store
