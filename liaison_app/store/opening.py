"""Opening a store, in one place: where it may live, the lock, the file's checks, the engine, migration,
and — when the store is damaged — the newest good backup to offer.

`open_store` is the one way in. It refuses a network or cloud-synced folder (StoreError), a store another
copy of Liaison has open (StoreLocked), a damaged store (StoreDamaged, carrying the newest good backup;
the file is left untouched) and a store written by a newer Liaison (StoreTooNew).

With `check_later`, a command that reads a large store first (a report) need not wait for `quick_check`
(two seconds on a landlord-sized store): the check runs on a thread (`StoreCheck`) while the command
reads, and every write waits for its verdict (`Store.before_commit`), so a damaged store is still never
written to. Only a store that could not be changed by opening it is checked later: one whose journal
holds no frames (nothing a close could copy into the file) and whose schema is current (no migration).
"""
from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

import liaison_app.store.engine as engine  # engine.make_engine looked up on each open (tests replace it)
from liaison_app.store.backup import close_checkpoint, damaged_record, newest_good_backup
from liaison_app.store.engine import Store, StoreDamaged, StoreError, make_owner_only
from liaison_app.store.migrate import MIGRATIONS, current_revisions, upgrade
from liaison_app.store.peek import code_heads
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


class StoreCheck:
    """`check_store_file` of a store on a thread of its own (it opens its own read-only connection).
    `verdict()` waits for it and raises what it raised (StoreDamaged naming the backup); `passed()` waits
    and says whether the store passed."""

    def __init__(self, path: Path):
        self.path = path
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="store check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            check_store_file(self.path)
        except BaseException as exc:  # handed to whoever waits for the verdict
            self.error = exc

    def verdict(self) -> None:
        self._thread.join()
        if self.error is not None:
            raise self.error

    def passed(self) -> bool:
        self._thread.join()
        return self.error is None


def _journal_empty(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return not wal.exists() or wal.stat().st_size == 0


def _schema_current(store: Store) -> bool:
    heads = code_heads(MIGRATIONS / "versions")
    return bool(heads) and current_revisions(store) == heads


def _checkpoint_if_sound(check: StoreCheck, store: Store) -> None:
    """On close: the audit checkpoint beside the store advances only once the store has passed its check."""
    if check.passed():
        close_checkpoint(store)


def _check_later(store: Store) -> None:
    """Check the store on a thread; writes (and the checkpoint written on close) wait for the verdict."""
    check = StoreCheck(store.path)
    store.before_commit = check.verdict
    store.on_close = partial(_checkpoint_if_sound, check)


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
               check: bool = True, check_later: bool = False) -> Store:
    """Open (and if need be create and migrate) the store at `path`.

    With `create` False, a path with no file, or an empty file, is refused (StoreError naming it);
    with `create` True it becomes a new empty store and `store.created` is True. A folder is refused.
    Refuses a network or cloud-synced folder, a store another copy of Liaison has open (lock file
    beside it; `lock=False` only for tools that must not take it), and a damaged store (untouched;
    `check=False` only if the caller runs `check_store_file` itself, e.g. off the UI thread; `check_later`
    checks on a thread while the caller reads, and writes wait for the verdict: see the module's notes)."""
    path = Path(path).expanduser().resolve()
    new = _check_path(path, create)
    later = check and check_later and not new and _journal_empty(path)
    store_lock = StoreLock(path) if lock else None
    store = Store(path, _engine_under_lock(path, store_lock, check and not later))
    store.lock = store_lock
    store.created = new
    store.damage_report = partial(damaged_record, path)
    store.on_close = close_checkpoint
    try:
        if later and (not migrate or _schema_current(store)):
            _check_later(store)
        elif later:  # a migration writes: the check comes first, as without check_later
            check_store_file(path)
        if migrate:
            upgrade(store)
    except Exception:
        store.close()
        raise
    return store
