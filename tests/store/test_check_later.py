"""`open_store(check_later=True)`: the store's check runs on a thread while the caller reads (a report on a
landlord-sized store need not wait two seconds for it), and every write waits for its verdict, so a
damaged store is still never written to."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlmodel import select

from liaison_app.domain.admin import Setting
from liaison_app.store import open_store
from liaison_app.store.engine import StoreDamaged


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(path: Path) -> dict[str, str]:
    """The store and every file beside it (journal, audit checkpoint), by content."""
    return {p.name: _digest(p) for p in sorted(path.parent.iterdir()) if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture
def damaged(store_path, fill_audit_pages, damage_audit_page) -> Path:
    store = open_store(store_path)
    fill_audit_pages(store)
    store.close()
    damage_audit_page(store_path)
    return store_path


def test_a_damaged_store_opens_for_reading_but_refuses_every_write_untouched(damaged):
    before = _beside(damaged)
    store = open_store(damaged, check_later=True)  # no waiting for the check: it runs meanwhile
    try:
        with store.read() as session:  # reading goes on while the store is checked
            assert session.exec(select(Setting)).all() is not None
        with pytest.raises(StoreDamaged, match="damaged"):
            with store.write() as session:
                session.add(Setting(key="written", value="never"))
        with pytest.raises(StoreDamaged):
            with store.raw() as conn:
                conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('bulk', 'never')")
    finally:
        store.close()
    assert _beside(damaged) == before  # the store, its journal and its audit checkpoint, as they were


def test_a_sound_store_checked_later_is_written_as_ever(store_path):
    open_store(store_path).close()
    store = open_store(store_path, check_later=True)
    try:
        with store.write() as session:
            session.add(Setting(key="kept", value="yes"))
    finally:
        store.close()
    store = open_store(store_path)
    try:
        with store.read() as session:
            assert session.get(Setting, "kept").value == "yes"
    finally:
        store.close()


def test_a_store_with_a_journal_to_replay_is_checked_before_it_opens(damaged):
    wal = damaged.with_name(damaged.name + "-wal")
    wal.write_bytes(b"")  # an empty journal: nothing a close could copy into the file, so checked later
    open_store(damaged, check_later=True).close()
    wal.write_bytes(b"not a journal, yet not empty")
    with pytest.raises(StoreDamaged):  # frames to replay: checked at once, as without check_later
        open_store(damaged, check_later=True)
