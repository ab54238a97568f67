"""After an erasure, no backup keeps the tenant for ever: every kind of backup rotates out (30 days, or
the setting backup_keep_days), the erasure ledger holds ids and dates only, and restoring any backup
erases again every tenant erased since."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlmodel import select

from liaison_app.domain import ErasureLedger, Setting
from liaison_app.services import erasure
from liaison_app.services.audit import verify_chain
from liaison_app.services.tenants import search_tenants
from liaison_app.store import open_store
from liaison_app.store import backup as backups
from liaison_app.store.backup import backup_to
from trust_world import NAME, build


def _holds(path, needle: str) -> bool:
    data = path.read_bytes()
    return needle.encode("utf-8") in data or needle.casefold().encode("utf-8") in data


def _backups(store_path):
    return sorted(p.name for p in backups.list_backups(store_path))


def test_manual_and_before_migration_backups_rotate_like_daily_ones(store_path):
    s = open_store(store_path)
    build(s)
    backup_to(s, store_path.parent / "store-backups" / f"store-manual-{datetime.now():%Y%m%d-%H%M%S}.db")
    backup_to(s, store_path.parent / "store-before-migration-0002_search.db", check="quick")
    assert len(_backups(store_path)) == 2
    today = date.today() + timedelta(days=31)  # a month on, both hold the tenant no longer
    made = backups.backup_if_due(s, today=today)
    s.close()
    assert _backups(store_path) == [made.name] == [f"store-{today.isoformat()}.db"]


def test_backups_are_kept_as_many_days_as_the_setting_says(store_path):
    s = open_store(store_path)
    with s.write() as session:
        session.add(Setting(key="backup_keep_days", value="7"))
    start = date(2026, 3, 1)
    for offset in range(12):
        backups.backup_if_due(s, today=start + timedelta(days=offset))
    s.close()
    kept = _backups(store_path)
    assert len(kept) == 8 and kept[0] == f"store-{(start + timedelta(days=4)).isoformat()}.db"


def test_the_erasure_ledger_holds_the_id_and_date_never_a_name(store):
    world = build(store)
    erasure.erase_tenant(store, world.tenant_id)
    with store.read() as session:
        rows = session.exec(select(ErasureLedger)).all()
    assert [(r.record_type, r.record_id, r.erased_at.date()) for r in rows] == \
        [("tenant", world.tenant_id, datetime.now(timezone.utc).date())]
    assert not _holds(store.path, NAME[1])
    copy = store.path.with_name(store.path.name + ".erasures").read_text(encoding="utf-8")
    assert copy.startswith(f"tenant\t{world.tenant_id}\t") and NAME[1] not in copy and "WX-0042" not in copy


def test_restoring_a_backup_erases_again_every_tenant_erased_since(store_path):
    s = open_store(store_path)
    world = build(s)
    backup = backups.backup_if_due(s)
    erasure.erase_tenant(s, world.tenant_id)
    s.close()
    assert _holds(backup, NAME[1])  # the backup still holds the tenant …

    result = erasure.restore_backup(backup, store_path)
    s = result.store
    try:
        assert result.reapplied == 1
        assert search_tenants(s, "quixot") == [] and [r.name for r in search_tenants(s, "nora")] == ["Nora Next"]
        with s.read() as session:
            assert [r.record_id for r in session.exec(select(ErasureLedger)).all()] == [world.tenant_id]
        assert verify_chain(s).ok
    finally:
        s.close()
    assert not _holds(store_path, NAME[1]) and not _holds(store_path, "Past trauma")  # … the store does not


def test_restoring_over_a_ruined_store_finds_the_ledger_in_a_later_backup(store_path):
    s = open_store(store_path)
    world = build(s)
    before = backups.backup_if_due(s, today=date.today() - timedelta(days=1))
    erasure.erase_tenant(s, world.tenant_id)
    backups.backup_if_due(s)  # today's backup: its ledger names the erasure
    s.close()
    data = bytearray(store_path.read_bytes())
    data[0:16] = b"this is no store"  # the store itself cannot be read at all …
    store_path.write_bytes(bytes(data))
    store_path.with_name(store_path.name + ".erasures").unlink()  # … nor the ledger's copy beside it

    result = erasure.restore_backup(before, store_path)
    try:
        assert result.reapplied == 1 and search_tenants(result.store, "quixot") == []
    finally:
        result.store.close()
