"""Backups: every backup name, taking one, keeping and rotating them, and putting one back.

Taking a backup: SQLite's online backup API, written through the one atomic writer (liaison_app.outputs):
a temporary file beside the target, checked, fsynced and renamed. A failed backup leaves nothing behind.
Every copy carries its own stamp (table `liaison_backup`: when it was taken, how it was checked, and
the audit trail's checkpoint; store/checkpoint.py). The check is the full one (integrity_check and
every value read once, store/integrity.py), so a damaged row is never copied forward into a backup
that looks good; only the backup taken before a migration, while the app starts, gets quick_check.

Keeping them:
- Every backup of a store — daily, manual (`-manual-…`), before-migration — rotates out once it is
  older than the setting `backup_keep_days` (default 30, bounded 7–90), so an erased tenant leaves
  every backup within that time. One exception: the newest backup that passed its full check is
  never rotated away, so a damaged store always has a good copy to go back to.
- When a backup was taken: the date in its name (daily, manual), else the time written inside it
  (table `liaison_backup`, see checkpoint.py), else the file's time.
- `restore_from` puts a backup in place of the store; the replaced file (and its audit checkpoint)
  is kept aside. Erasures recorded since are re-applied by services.erasure.restore_backup, from
  `erasure_entries`: the erasure ledger of the live store, of every backup, and its copy beside the
  store (`<store>.erasures`, written by `note_erasure`), which outlives a store too damaged to read.
  Ids and dates only, never a name.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

from liaison_app.outputs import atomic_path, atomic_text, atomic_write, check_output
from liaison_app.store.checkpoint import Checkpoint, after_restore, on_close, read_backup_stamp, stamp_backup
from liaison_app.store.checkpoint import newest_checkpoint as _newest_checkpoint
from liaison_app.store.engine import Store, StoreDamaged, StoreError
from liaison_app.store.integrity import full_check
from liaison_app.store.safety import StoreLock, quick_check

KEEP_DAYS = 30
KEEP_SETTING = "backup_keep_days"
KEEP_BOUNDS = (7, 90)
_DAILY = re.compile(r"-(\d{4}-\d{2}-\d{2})$")
_MANUAL = re.compile(r"-manual-(\d{8}-\d{6})$")


def backup_folder(store_path: Path) -> Path:
    """Backups sit beside the store in a folder named after it."""
    return Path(store_path).parent / f"{Path(store_path).stem}-backups"


def daily_backup_path(store_path: Path, day: date) -> Path:
    return backup_folder(store_path) / f"{Path(store_path).stem}-{day.isoformat()}.db"


def manual_backup_path(store_path: Path, when: datetime | None = None) -> Path:
    when = when or datetime.now()
    return backup_folder(store_path) / f"{Path(store_path).stem}-manual-{when:%Y%m%d-%H%M%S}.db"


def before_migration_path(store_path: Path, revisions: set[str]) -> Path:
    tail = "-".join(sorted(revisions)) or "none"
    return Path(store_path).parent / f"{Path(store_path).stem}-before-migration-{tail}.db"


def taken_at(backup: Path) -> datetime:
    """When the backup was taken (local time, naive)."""
    stem = Path(backup).stem
    try:
        if m := _DAILY.search(stem):
            return datetime.combine(date.fromisoformat(m.group(1)), datetime.min.time())
        if m := _MANUAL.search(stem):
            return datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        pass
    stamp = read_backup_stamp(backup)
    if stamp is not None:
        return stamp["taken_at"].astimezone().replace(tzinfo=None)
    return datetime.fromtimestamp(Path(backup).stat().st_mtime)


def describe(backup: Path) -> str:
    """When the backup was taken, as an officer reads it: '21 November 2026 at 08:15'."""
    stamp = read_backup_stamp(backup)
    taken = stamp["taken_at"].astimezone() if stamp else datetime.fromtimestamp(Path(backup).stat().st_mtime)
    return f"{taken.day} {taken:%B %Y} at {taken:%H:%M}"


def list_backups(store_path: Path) -> list[Path]:
    """Backups of the store, newest first (daily, manual and before-migration copies)."""
    store_path = Path(store_path)
    folder = backup_folder(store_path)
    candidates = list(folder.glob("*.db")) if folder.is_dir() else []
    candidates += list(store_path.parent.glob(f"{store_path.stem}-before-migration-*.db"))
    dated = []
    for path in candidates:
        try:
            dated.append((taken_at(path), path.stat().st_mtime, path))
        except OSError:
            continue
    return [path for _taken, _mtime, path in sorted(dated, key=lambda t: (t[0], t[1]), reverse=True)]


def fully_checked(backup: Path) -> bool:
    """True if the backup passed the full check when it was written (not merely quick_check)."""
    stamp = read_backup_stamp(backup)
    return stamp is not None and stamp["checked"] == "full"


def newest_good_backup(store_path: str | os.PathLike, *, thorough: bool = False) -> Path | None:
    """The newest backup that passed its full check when written and still passes quick_check.

    Backups from before full checks (or taken before a migration, which only gets quick_check) count
    when no fully checked one is left: with `thorough` (off the UI thread) they must pass the full
    check now, else quick_check."""
    backups = list_backups(Path(store_path))
    for candidate in backups:
        if fully_checked(candidate) and quick_check(candidate) == "ok":
            return candidate
    for candidate in backups:
        if (full_check(candidate) if thorough else quick_check(candidate)) == "ok":
            return candidate
    return None


def keep_days(store: Store) -> int:
    """The setting `backup_keep_days` (read from the store), bounded; 30 when unset or unreadable."""
    try:
        with store.engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (KEEP_SETTING,)).first()
        days = int(row[0]) if row is not None and str(row[0]).strip() else KEEP_DAYS
    except Exception:  # noqa: BLE001 - an unreadable setting must not stop a backup
        return KEEP_DAYS
    return min(max(days, KEEP_BOUNDS[0]), KEEP_BOUNDS[1])


def rotate(store_path: Path, keep: int, today: date | None = None) -> list[Path]:
    """Delete every backup taken more than `keep` days before `today`, except the newest good one."""
    today = today or date.today()
    oldest = today - timedelta(days=keep)
    old = [b for b in list_backups(Path(store_path)) if taken_at(b).date() < oldest]
    if not old:
        return []
    protect = newest_good_backup(store_path, thorough=True)
    removed = []
    for backup in old:
        if backup != protect:
            backup.unlink(missing_ok=True)
            removed.append(backup)
    return removed


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
                stamp_backup(dest, store.path, check, list_backups(store.path))
            finally:
                dest.close()
        finally:
            raw.close()
        if check == "full":
            problem = full_check(tmp)
            if problem != "ok":
                good = newest_good_backup(store.path)
                raise StoreDamaged(_damaged(problem, good), good)
        elif quick_check(tmp) != "ok":
            raise StoreError("The backup did not pass its check and was not kept.")
    return target


def _damaged(problem: str, good: Path | None) -> str:
    message = (f"The store has a damaged record ({problem}), so this backup was not kept and the earlier "
               "backups were left as they were.")
    if good is not None:
        message += f" Restore the backup of {describe(good)} ({good.name}) to carry on safely."
    return message


def backup_if_due(store: Store, today: date | None = None) -> Path | None:
    """Take today's backup if there is none yet (fully checked), then rotate every kind of backup."""
    today = today or date.today()
    target = daily_backup_path(store.path, today)
    made = None
    try:
        if not target.exists():
            made = backup_to(store, target)
    finally:
        rotate(store.path, keep_days(store), today)
    return made


def ledger_copy_path(store_path: str | os.PathLike) -> Path:
    return Path(f"{Path(store_path)}.erasures")


def _read_ledger_copy(store_path: Path) -> list[tuple[str, str, str]]:
    try:
        lines = ledger_copy_path(store_path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    rows = []
    for line in lines:
        parts = line.split("\t")
        if len(parts) == 3 and all(parts):
            rows.append((parts[0], parts[1], parts[2]))
    return rows


def note_erasure(store_path: str | os.PathLike, record_type: str, record_id: str, erased_at: datetime) -> None:
    """Add an erasure to the ledger's copy beside the store (owner-only; type, id and date per line)."""
    rows = _read_ledger_copy(Path(store_path))
    rows.append((record_type, record_id, erased_at.isoformat(" ", "microseconds")))
    with atomic_text(ledger_copy_path(store_path)) as fh:
        fh.writelines(f"{t}\t{i}\t{at}\n" for t, i, at in rows)


def erasure_entries(store_path: str | os.PathLike) -> list[tuple[str, str, str]]:
    """Every erasure recorded (record type, record id, when) in the store file, in each of its backups
    and in the ledger's copy beside it — read-only, skipping any file that cannot be read."""
    store_path = Path(store_path)
    found: dict[tuple[str, str], str] = {}
    for record_type, record_id, erased_at in _read_ledger_copy(store_path):
        found[(record_type, record_id)] = erased_at
    for path in [store_path, *list_backups(store_path)]:
        if not path.exists():
            continue
        try:
            conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        except sqlite3.Error:
            continue
        try:
            for record_type, record_id, erased_at in conn.execute(
                    "SELECT record_type, record_id, erased_at FROM erasure_ledger"):
                key = (str(record_type), str(record_id))
                found[key] = min(found.get(key, str(erased_at)), str(erased_at))
        except sqlite3.Error:
            pass
        finally:
            conn.close()
    return sorted((t, i, at) for (t, i), at in found.items())


def restore_from(backup: str | os.PathLike, store_path: str | os.PathLike) -> Path:
    """Put a backup in place of the store (which must not be open). The old store is kept aside.

    Returns where the replaced store was moved (or the store path if there was none). Erasures are
    not re-applied here: use services.erasure.restore_backup, which does both."""
    backup, store_path = Path(backup), Path(store_path)
    if quick_check(backup) != "ok":
        raise StoreError("That backup is damaged too; choose another one.")
    lock = StoreLock(store_path)
    lock.acquire()
    try:
        aside = store_path
        if store_path.exists():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = store_path.with_name(f"{store_path.stem}-replaced-{stamp}{store_path.suffix}")
            os.replace(store_path, aside)
            for suffix in ("-wal", "-shm"):
                side = store_path.with_name(store_path.name + suffix)
                if side.exists():
                    os.replace(side, aside.with_name(aside.name + suffix))
        _copy_synced(backup, store_path)
        after_restore(store_path, aside if aside != store_path else None)
        return aside
    finally:
        lock.release()


def _copy_synced(source: Path, target: Path) -> None:
    """Copy whole or not at all (owner-only, fsynced, renamed into place)."""
    atomic_write(target, lambda tmp: shutil.copyfile(source, tmp))


def damaged_record(store_path: Path) -> StoreDamaged:
    """The error for a record that cannot be read back, naming the newest good backup to restore."""
    try:
        good = newest_good_backup(store_path)
    except OSError:
        good = None
    if good is None:
        return StoreDamaged("This record is damaged and no good backup was found beside the store; "
                            "nothing was changed.")
    return StoreDamaged(f"This record is damaged — restore from the backup of {describe(good)} "
                        f"({good.name} in {good.parent}); nothing was changed.", good)


def newest_checkpoint(store_path: Path) -> Checkpoint | None:
    """The newest audit checkpoint found beside the store or in any of its backups."""
    return _newest_checkpoint(store_path, list_backups(Path(store_path)))


def close_checkpoint(store: Store) -> None:
    """On close: advance the audit checkpoint beside the store (never raises)."""
    on_close(store, lambda: list_backups(store.path))
