"""Store safety: location checks, the lock file, damaged stores refused untouched, backups and restore."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from liaison_app.domain import Setting
from liaison_app.store import StoreDamaged, StoreError, StoreLocked, open_store
from liaison_app.store import safety
from liaison_app.store import backup as backups


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled(path: Path, rows: int = 3000) -> None:
    """A closed store whose audit table spans many pages."""
    s = open_store(path)
    with s.raw() as conn:
        conn.exec_driver_sql(
            "INSERT INTO audit_event (at, officer, action, record_type, record_id, fields, summary, prev_hash, hash) "
            "VALUES (?, 'x', 'view', 'tenant', ?, '', '', '', '')",
            [("2026-01-01 00:00:00", f"id-{i:06d}") for i in range(rows)])
    s.close()


def _wal_writer(path: Path, rows: int) -> sqlite3.Connection:
    """`_filled(path, rows)` reopened raw in WAL mode with no automatic checkpoint: what it writes stays in the log."""
    _filled(path, rows)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    return writer


def _table_digests(path: Path) -> dict[str, str]:
    """Every table's rows, except the stamp a backup carries (when it was taken, its audit checkpoint)."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'tenant_fts%' AND name != 'liaison_backup' ORDER BY name")]
        out = {}
        for name in names:
            rows = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            out[name] = f"{len(rows)}:{hashlib.sha256(repr(rows).encode()).hexdigest()}"
        return out
    finally:
        conn.close()


# ------------------------------------------------------------------ location

@pytest.mark.parametrize("folder", ["OneDrive - Council", "Dropbox", "Google Drive", "iCloudDrive"])
def test_cloud_synced_folders_are_refused(tmp_path, folder):
    with pytest.raises(StoreError, match="cloud-synced"):
        open_store(tmp_path / folder / "liaison.db")
    assert not (tmp_path / folder).exists()


def test_network_shares_are_refused():
    mounts = "server:/export /mnt/share nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n//srv/d /media/smb cifs rw 0 0\n"
    safety.check_location("/home/me/liaison.db", mounts_text=mounts, windows=False)
    for path in ("/mnt/share/liaison.db", "/media/smb/team/liaison.db"):
        with pytest.raises(StoreError, match="network share"):
            safety.check_location(path, mounts_text=mounts, windows=False)
    with pytest.raises(StoreError, match="network share"):
        safety.check_location(r"\\server\share\liaison.db", mounts_text="", windows=True)
    safety.check_location(r"C:\Users\me\AppData\Local\Liaison\liaison.db", mounts_text="", windows=True)


# ------------------------------------------------------------------ lock file

def test_second_opener_is_told_who_has_it(store_path):
    s = open_store(store_path)
    lock = store_path.with_name(store_path.name + ".lock")
    assert lock.exists()
    code = ("import sys; from liaison_app.store import open_store, StoreError\n"
            "try:\n    open_store(sys.argv[1])\nexcept StoreError as e:\n    print(e); sys.exit(3)\n")
    env = dict(os.environ)  # the installed package
    done = subprocess.run([sys.executable, "-c", code, str(store_path)], capture_output=True, text=True, env=env)
    assert done.returncode == 3 and "open on" in done.stdout and "by " in done.stdout
    s.close()
    assert not lock.exists()
    open_store(store_path).close()


def test_a_stale_lock_from_a_dead_process_is_taken_over(store_path):
    open_store(store_path).close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    import json
    import socket

    lock = store_path.with_name(store_path.name + ".lock")
    lock.write_text(json.dumps({"user": "x", "host": socket.gethostname(), "pid": int(dead.stdout),
                                "time": "2026-01-01T00:00:00"}))
    s = open_store(store_path)
    assert json.loads(lock.read_text())["pid"] == os.getpid()
    s.close()


def test_a_lock_from_another_computer_is_respected(store_path):
    open_store(store_path).close()
    lock = store_path.with_name(store_path.name + ".lock")
    lock.write_text('{"user": "jo", "host": "other-pc", "pid": 1, "time": "2026-01-01T09:00:00"}')
    with pytest.raises(StoreError, match="other-pc by jo"):
        open_store(store_path)
    assert lock.exists()


# ------------------------------------------------------------------ damage

def test_damaged_header_is_refused_untouched(store_path):
    _filled(store_path, 200)
    data = bytearray(store_path.read_bytes())
    data[0:16] = b"this is no store"
    store_path.write_bytes(bytes(data))
    before = _digest(store_path)
    with pytest.raises(StoreError, match="damaged"):
        open_store(store_path)
    assert _digest(store_path) == before
    assert not store_path.with_name(store_path.name + ".lock").exists()


def test_damaged_page_is_refused_untouched_and_names_a_good_backup(store_path, damage_audit_page):
    _filled(store_path)
    s = open_store(store_path)
    good = backups.backup_if_due(s)
    s.close()
    damage_audit_page(store_path)
    before = _digest(store_path)
    with pytest.raises(StoreError, match="damaged") as err:
        open_store(store_path)
    assert good.name in str(err.value)
    assert isinstance(err.value, StoreDamaged) and err.value.backup == good  # typed: no reading the wording
    assert _digest(store_path) == before
    assert backups.newest_good_backup(store_path) == good


def test_damaged_wal_is_refused_untouched(tmp_path):
    path = tmp_path / "w.db"
    writer = _wal_writer(path, 50)
    for i in range(20):
        writer.execute("INSERT INTO setting(key, value) VALUES (?, ?)", (f"k{i}", "v" * 2000))
        writer.commit()
    copy = tmp_path / "copy.db"  # as a crash would leave it: the store plus its log
    copy.write_bytes(path.read_bytes())
    wal = Path(str(path) + "-wal").read_bytes()
    writer.close()
    assert not safety.wal_is_damaged(Path(str(copy) + "-wal"))
    broken = bytearray(wal)
    middle = len(broken) // 2
    broken[middle:middle + 64] = os.urandom(64)
    Path(str(copy) + "-wal").write_bytes(bytes(broken))
    before = (_digest(copy), _digest(Path(str(copy) + "-wal")))
    with pytest.raises(StoreError, match="journal is damaged"):
        open_store(copy)
    assert (_digest(copy), _digest(Path(str(copy) + "-wal"))) == before
    Path(str(copy) + "-wal").write_bytes(b"garbage header, not a log at all")
    with pytest.raises(StoreError, match="damaged"):
        open_store(copy)


def test_a_torn_last_frame_is_not_damage(tmp_path):
    path = tmp_path / "t.db"
    writer = _wal_writer(path, 10)
    writer.execute("INSERT INTO setting(key, value) VALUES ('a', 'b')")
    writer.commit()
    wal = Path(str(path) + "-wal").read_bytes()
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes())
    writer.close()
    Path(str(copy) + "-wal").write_bytes(wal[:-100])  # the crash cut the last write short
    open_store(copy).close()


# ------------------------------------------------------------------ backups

def test_backup_restore_round_trip(store_path, tmp_path):
    _filled(store_path, 500)
    s = open_store(store_path)
    with s.write() as session:
        session.add(Setting(key="landlord_name", value="Wessex Homes"))
    backup = backups.backup_if_due(s)
    assert backup is not None and backup.parent.name == "store-backups"
    assert backups.backup_if_due(s) is None  # once a day
    expected = _table_digests(store_path)
    with s.write() as session:
        session.delete(session.get(Setting, "landlord_name"))
    s.close()
    assert _table_digests(store_path) != expected
    aside = backups.restore_from(backup, store_path)
    assert aside.exists() and aside != store_path
    assert _table_digests(store_path) == expected
    open_store(store_path).close()


def test_restore_refuses_a_store_in_use(store_path):
    s = open_store(store_path)
    backup = backups.backup_if_due(s)
    before = _digest(store_path)
    code = "import sys; from liaison_app.store.backup import restore_from; restore_from(sys.argv[1], sys.argv[2])"
    env = dict(os.environ)  # the installed package
    done = subprocess.run([sys.executable, "-c", code, str(backup), str(store_path)], capture_output=True,
                          text=True, env=env)
    assert done.returncode != 0 and "StoreLocked" in done.stderr and "open on" in done.stderr
    assert _digest(store_path) == before
    s.close()


def test_daily_backups_are_kept_thirty_days(store_path):
    s = open_store(store_path)
    start = date(2026, 1, 1)
    for offset in range(40):
        backups.backup_if_due(s, today=start + timedelta(days=offset))
    s.close()
    folder = store_path.parent / "store-backups"
    days = sorted(p.name for p in folder.glob("store-????-??-??.db"))
    assert len(days) == 31
    assert days[0] == f"store-{(start + timedelta(days=9)).isoformat()}.db"


# ------------------------------------------------------------------ disk full, read-only

def test_disk_full_and_read_only_become_clear_messages(store):
    from sqlalchemy import text

    @event.listens_for(store.engine, "connect")
    def _tiny(dbapi_conn, _record):
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    store.engine.dispose()
    with pytest.raises(StoreError, match="disk is full"):
        with store.write() as session:
            session.add(Setting(key="big", value="x" * 400_000))
    event.remove(store.engine, "connect", _tiny)

    @event.listens_for(store.engine, "connect")
    def _read_only(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA query_only=ON")

    store.engine.dispose()
    with pytest.raises(StoreError, match="read-only"):
        with store.raw() as conn:
            conn.execute(text("INSERT INTO setting(key, value) VALUES ('a', 'b')"))
    event.remove(store.engine, "connect", _read_only)
    store.engine.dispose()
    with store.read() as session:
        assert session.get(Setting, "big") is None


def test_cli_backup(store_path, tmp_path, capsys):
    from liaison_app.cli import main

    _filled(store_path, 100)
    out = tmp_path / "copy.db"
    expected = _table_digests(store_path)
    assert main(["--db", str(store_path), "backup", "-o", str(out)]) == 0
    assert "Backup written" in capsys.readouterr().out
    assert safety.quick_check(out) == "ok"
    assert _table_digests(out) == expected  # the store then also records the backup in its audit trail
    assert main(["--db", str(store_path), "backup"]) == 0
    assert list((store_path.parent / "store-backups").glob("store-manual-*.db"))


def test_a_second_opener_in_this_process_gets_store_locked(store_path):
    s = open_store(store_path)
    try:
        other = safety.StoreLock(store_path)
        other.key = "another process"  # not re-entrant: as if another copy held it
        with pytest.raises(StoreLocked, match="open on"):
            other.acquire()
    finally:
        s.close()
