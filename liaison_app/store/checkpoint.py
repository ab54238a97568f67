"""Checkpoints of the audit trail's head, kept outside the store, so a deleted tail or a rewritten
chain shows even when the whole table was replaced consistently.

A checkpoint is the head's sequence number and hash and when it was taken — never personal data.
It is kept in two places:
- beside the store, `<store>.audit-head` (owner-only JSON), written on every close and backup;
- inside every backup, in the table `liaison_backup` (one row per backup: when it was taken, how it
  was checked, and the checkpoint). It travels with the copy, so it survives a restore.

The newest checkpoint found (by when it was taken) is the one `audit verify` compares with. A
checkpoint only moves forward: if the trail no longer holds the event the newest checkpoint names
(with the same hash), the old checkpoint is kept and carried into new backups, so tampering cannot be
covered by closing the app or taking a backup. Restoring a backup is the one deliberate reset: the
replaced store's checkpoint moves aside with it.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from liaison_app.outputs import atomic_text

log = logging.getLogger("liaison")

SUFFIX = ".audit-head"
GENESIS = "0" * 64
STAMP_TABLE = "liaison_backup"
STAMP_DDL = (f"CREATE TABLE IF NOT EXISTS {STAMP_TABLE} (taken_at TEXT NOT NULL, checked TEXT NOT NULL, "
             "audit_seq INTEGER NOT NULL, audit_hash TEXT NOT NULL, audit_at TEXT NOT NULL)")


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    at: datetime  # when the checkpoint was taken (aware, UTC)
    source: str = ""  # where it was found: "beside the store" or "in backup NAME"

    def when(self) -> str:
        local = self.at.astimezone()
        return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def now() -> datetime:
    return datetime.now(timezone.utc)


def _parse_time(text: str) -> datetime:
    at = datetime.fromisoformat(text)
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


def sidecar_path(store_path: str | os.PathLike) -> Path:
    return Path(f"{Path(store_path)}{SUFFIX}")


def read_sidecar(store_path: str | os.PathLike) -> Checkpoint | None:
    try:
        data = json.loads(sidecar_path(store_path).read_text(encoding="utf-8"))
        return Checkpoint(int(data["seq"]), str(data["hash"]), _parse_time(data["at"]), "beside the store")
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_sidecar(store_path: str | os.PathLike, cp: Checkpoint) -> None:
    payload = {"seq": cp.seq, "hash": cp.hash, "at": cp.at.isoformat(timespec="microseconds")}
    with atomic_text(sidecar_path(store_path)) as fh:
        json.dump(payload, fh)


def read_backup_stamp(backup: str | os.PathLike) -> dict | None:
    """The newest row of a backup's `liaison_backup` table (taken_at, checked, checkpoint), or None."""
    try:
        conn = sqlite3.connect(f"file:{Path(backup).as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute(f"SELECT taken_at, checked, audit_seq, audit_hash, audit_at FROM {STAMP_TABLE} "
                           "ORDER BY taken_at DESC LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if row is None:
        return None
    try:
        return {"taken_at": _parse_time(row[0]), "checked": row[1],
                "checkpoint": Checkpoint(int(row[2]), str(row[3]), _parse_time(row[4]), f"in backup {Path(backup).name}")}
    except (ValueError, TypeError):
        return None


def all_checkpoints(store_path: str | os.PathLike, backups: Iterable[Path]) -> list[Checkpoint]:
    """Every checkpoint found for the store (beside it and in each of its `backups`, listed by
    store/backup.py), newest first."""
    found = [cp for cp in [read_sidecar(store_path)] if cp is not None]
    for backup in backups:
        stamp = read_backup_stamp(backup)
        if stamp is not None:
            found.append(stamp["checkpoint"])
    return sorted(found, key=lambda cp: cp.at, reverse=True)


def newest_checkpoint(store_path: str | os.PathLike, backups: Iterable[Path]) -> Checkpoint | None:
    found = all_checkpoints(store_path, backups)
    return found[0] if found else None


def head(conn) -> tuple[int, str]:
    """The last audit event's (seq, hash) on a DB-API connection; (0, GENESIS) for an empty trail."""
    try:
        row = conn.execute("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:  # a store from before the audit trail
        return 0, GENESIS
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def holds(conn, cp: Checkpoint) -> bool:
    """True if the trail still holds the event the checkpoint names, with the same hash."""
    if cp.seq == 0:
        return True
    try:
        row = conn.execute("SELECT hash FROM audit_event WHERE seq = ?", (cp.seq,)).fetchone()
    except sqlite3.OperationalError:
        return False
    return row is not None and row[0] == cp.hash


def next_checkpoint(conn, store_path: str | os.PathLike, backups: Iterable[Path]) -> tuple[Checkpoint, bool]:
    """The checkpoint to record now, and whether it moved forward: the trail's head if it still holds
    the newest known checkpoint, else that older checkpoint again (the evidence is kept)."""
    known = newest_checkpoint(store_path, backups)
    if known is not None and not holds(conn, known):
        return known, False
    seq, digest = head(conn)
    return Checkpoint(seq, digest, now(), "beside the store"), True


def on_close(store, backups: Callable[[], Iterable[Path]]) -> None:
    """Advance the checkpoint beside the store (never raises: closing must always work)."""
    try:
        raw = store.engine.raw_connection()
        try:
            cp, moved = next_checkpoint(raw.driver_connection, store.path, backups())
        finally:
            raw.close()
        if moved and cp.seq > 0:
            write_sidecar(store.path, cp)
        elif not moved:
            log.warning("The audit trail no longer matches its checkpoint; the checkpoint was kept")
    except Exception as exc:  # noqa: BLE001 - a failed checkpoint must not stop the store closing
        log.warning("The audit checkpoint could not be written: %s", type(exc).__name__)


def stamp_backup(dest: sqlite3.Connection, store_path: str | os.PathLike, checked: str,
                 backups: Iterable[Path]) -> Checkpoint:
    """Record in a backup copy (open as `dest`) when it was taken, how it is checked, and the checkpoint;
    advance the checkpoint beside the store too."""
    cp, moved = next_checkpoint(dest, store_path, backups)
    dest.execute(STAMP_DDL)
    dest.execute(f"INSERT INTO {STAMP_TABLE} (taken_at, checked, audit_seq, audit_hash, audit_at) "
                 "VALUES (?, ?, ?, ?, ?)", (now().isoformat(timespec="microseconds"), checked, cp.seq, cp.hash,
                                            cp.at.isoformat(timespec="microseconds")))
    dest.commit()
    if moved and cp.seq > 0:
        try:
            write_sidecar(store_path, cp)
        except OSError as exc:
            log.warning("The audit checkpoint could not be written: %s", type(exc).__name__)
    return cp


def after_restore(store_path: str | os.PathLike, aside: Path | None) -> None:
    """A restore replaces the trail: the old checkpoint goes aside with the replaced store, and the
    restored trail's head becomes the checkpoint."""
    side = sidecar_path(store_path)
    if aside is not None and side.exists():
        os.replace(side, sidecar_path(aside))
    conn = sqlite3.connect(f"file:{Path(store_path).as_posix()}?mode=ro", uri=True)
    try:
        seq, digest = head(conn)
    finally:
        conn.close()
    write_sidecar(store_path, Checkpoint(seq, digest, now(), "beside the store"))
