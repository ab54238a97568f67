"""The engine of an open store: its pragmas, short sessions, write transactions, and the typed errors.
Opening a store (lock, location, checks, migration) is store/opening.py.

Every write runs in one short transaction started with BEGIN IMMEDIATE, so a read-then-write
never fails half-way with "database is locked", and a crash leaves either all of it or none
(WAL journal, synchronous=FULL).
"""
from __future__ import annotations

import getpass
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

import liaison_app.domain  # noqa: F401  (registers every table on the metadata)


class StoreError(Exception):
    """The store cannot be opened or used; the message is fit to show an officer."""


class StoreDamaged(StoreError):
    """The store, or a record in it, is damaged; nothing was changed. `backup` is the newest good backup
    beside it (a Path), or None when there is none; the message names it."""

    def __init__(self, message: str, backup: Path | None = None):
        super().__init__(message)
        self.backup = backup


class StoreLocked(StoreError):
    """Another copy of Liaison has this store open (the message says who and where)."""


class StoreTooNew(StoreError):
    """The store was written by a newer version of Liaison; it was not changed."""


def _unreadable_value(exc: BaseException) -> bool:
    """True if `exc` is SQLite or SQLAlchemy failing to turn a stored value back into text or a date."""
    if isinstance(exc, UnicodeDecodeError):
        return True
    if isinstance(exc, OperationalError):
        return "could not decode" in str(getattr(exc, "orig", exc)).lower()
    if isinstance(exc, ValueError):
        text = str(exc)
        return text.startswith("Invalid isoformat string") or text.startswith("Couldn't parse")
    return False


def _translate(exc: OperationalError) -> Exception:
    """Disk full, read-only folder or a failing disk become a StoreError an officer can act on."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        return StoreError("The disk is full: nothing was saved. Free some space and save again.")
    if "readonly" in text or "read-only" in text:
        return StoreError("The store's folder is read-only: nothing was saved. Check the folder's permissions.")
    if "disk i/o" in text:
        return StoreError("The disk reported an error: nothing was saved. Check the disk and save again.")
    return exc


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no user name on this platform
        return "unknown"


def make_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Take transaction control from the sqlite3 module so we can say BEGIN IMMEDIATE.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=15000")
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def make_owner_only(path: Path) -> None:
    """The store and its journal are for their owner alone (mode 0600 on POSIX; Windows keeps the user
    folder's permissions). A new store file is created 0600 before SQLite opens it, and SQLite gives its
    -wal and -shm files the store file's mode; a store made by an older Liaison is tightened here."""
    if os.name != "posix":
        return
    if not path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if file.stat().st_mode & 0o077:
                os.chmod(file, 0o600)
        except OSError:  # not there, or not ours to change
            pass


class Store:
    """An open store: its file, its engine, and who is acting on it."""

    def __init__(self, path: Path, engine: Engine):
        self.path = path
        self.engine = engine
        self.actor = _os_user()  # replaced by the signed-in officer's username
        self.actor_id: str | None = None
        self.actor_role: str = "admin"  # no accounts yet: the OS user acts with full rights
        self.created = False  # open_store made this store (there was no file, or an empty one)
        self.lock = None  # the lock file (store/safety.py StoreLock), set by store/opening.py
        # Set by store/opening.py, which knows the backups (the engine must not import them):
        self.damage_report: Callable[[], StoreDamaged] | None = None  # the error naming the newest good backup
        self.on_close: Callable[[Store], None] | None = None  # writes the audit checkpoint beside the store
        # Set by store/opening.py when the store's check runs on a thread: waits for its verdict and raises
        # StoreDamaged if it failed. Every write calls it before it commits (a damaged store is never written).
        self.before_commit: Callable[[], None] | None = None

    def damaged(self) -> StoreDamaged:
        """The error for a record that cannot be read back, naming the backup to restore."""
        if self.damage_report is not None:
            return self.damage_report()
        return StoreDamaged("This record is damaged and no good backup was found beside the store; "
                            "nothing was changed.")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session; objects come back detached and loaded. A stored value that cannot
        be read back (damage on disk) becomes StoreDamaged."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except (OperationalError, ValueError) as exc:
                if _unreadable_value(exc):
                    raise self.damaged() from None
                raise
            finally:
                session.expunge_all()  # detached but loaded: a rollback would expire them
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction (BEGIN IMMEDIATE): all of it is stored, or none."""
        with Session(self.engine.execution_options(immediate=True), expire_on_commit=False) as session:
            try:
                yield session
                if self.before_commit is not None:
                    self.before_commit()
                session.commit()
            except OperationalError as exc:
                session.rollback()
                if _unreadable_value(exc):
                    raise self.damaged() from None
                raise _translate(exc) from exc
            except ValueError as exc:
                session.rollback()
                if _unreadable_value(exc):
                    raise self.damaged() from None
                raise
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def raw(self) -> Iterator:
        """A core connection inside one BEGIN IMMEDIATE transaction, for bulk work (imports, demo)."""
        if self.before_commit is not None:  # bulk work may spill to the journal before it commits: wait first
            self.before_commit()
        try:
            with self.engine.execution_options(immediate=True).begin() as conn:
                yield conn
        except OperationalError as exc:
            if _unreadable_value(exc):
                raise self.damaged() from None
            raise _translate(exc) from exc
        except sqlite3.OperationalError as exc:  # bulk writes go to the driver's cursor (store/bulk.py)
            raise _translate(exc) from exc

    def close(self) -> None:
        """Close the store: write the audit checkpoint beside it (store/checkpoint.py), release the lock."""
        lock = self.lock
        if lock is not None and lock.owned and self.on_close is not None:
            self.on_close(self)
        self.engine.dispose()
        if lock is not None:
            lock.release()
