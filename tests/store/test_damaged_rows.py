"""A row whose bytes were damaged on disk can pass `quick_check`. Reading it gives "This record is
damaged — restore from the backup of …", not a traceback; backups get the full check (integrity_check
and every value read), so the damage is never copied forward; the newest good backup is never rotated
away."""
from __future__ import annotations

import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from liaison_app.cli import main
from liaison_app.services.visits import list_visits
from liaison_app.store import StoreDamaged, integrity, open_store, safety
from liaison_app.store import backup as backups

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from trust_world import build  # noqa: E402  (a tenant with something in every kind of record)


def _damage(path, needle: bytes, *, once: bool = True) -> None:
    """Overwrite two bytes in the middle of `needle` (stored once, unless `once` is False: then its
    first copy) with bytes that are not UTF-8."""
    data = bytearray(path.read_bytes())
    at = data.find(needle)
    assert at >= 0 and (not once or data.find(needle, at + 1) < 0)
    data[at + 3:at + 5] = b"\xff\xfe"
    path.write_bytes(bytes(data))
    assert safety.quick_check(path) == "ok"  # the damage the start-up check cannot see


@pytest.fixture
def damaged(store_path):
    """A store with a tenant, a good backup of it, then a damaged job description and visit note."""
    s = open_store(store_path)
    world = build(s)
    good = backups.backup_if_due(s, today=date.today() - timedelta(days=1))
    s.close()
    _damage(store_path, b"Annual gas safety check")
    _damage(store_path, b"was upset about the noise")
    return world, good


def test_brief_on_a_damaged_row_names_the_backup_to_restore(store_path, damaged, tmp_path, capsys):
    _world, good = damaged
    out = tmp_path / "brief.pdf"
    assert main(["--db", str(store_path), "brief", "J-100", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "This record is damaged — restore from the backup of" in err and good.name in err
    assert "Traceback" not in err and not out.exists()


def test_export_on_a_damaged_row_names_the_backup_to_restore(store_path, damaged, tmp_path, capsys):
    out = tmp_path / "everything.json"
    assert main(["--db", str(store_path), "export", "tenant", "WX-0042", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "This record is damaged — restore from the backup of" in err
    assert not out.exists()


def test_a_damaged_date_reads_as_damage_too(store):
    world = build(store)
    with store.raw() as conn:
        conn.exec_driver_sql("UPDATE visit SET at = '2026-03-0x 10:00:00.000000'")
    with pytest.raises(StoreDamaged, match="This record is damaged"):
        list_visits(store, world.tenant_id)
    assert integrity.full_check(store.path) == "a row of visit holds a at that is not a date"


def test_the_full_check_finds_what_quick_check_does_not(store_path, damaged):
    assert integrity.full_check(store_path) == "a row of job holds text that cannot be read"
    s = open_store(store_path)
    s.close()
    _damage(store_path, b"Quixotlewski", once=False)  # the name is indexed: integrity_check sees it
    assert "missing from index" in integrity.full_check(store_path)


def test_a_damaged_store_is_not_copied_into_a_backup(store_path, damaged):
    _world, good = damaged
    s = open_store(store_path)
    try:
        with pytest.raises(StoreDamaged, match="damaged record") as refused:
            backups.backup_if_due(s)
    finally:
        s.close()
    assert good.name in str(refused.value)
    assert [p.name for p in backups.list_backups(store_path)] == [good.name]
    assert not [p for p in good.parent.iterdir() if p.name.endswith(".part")]


def test_the_newest_good_backup_is_never_rotated_away(store_path, damaged):
    _world, good = damaged
    s = open_store(store_path)
    try:
        for offset in (10, 25, 40):  # weeks go by; every day's backup finds the damage
            with pytest.raises(StoreDamaged):
                backups.backup_if_due(s, today=date.today() + timedelta(days=offset))
    finally:
        s.close()
    assert backups.list_backups(store_path) == [good]
    assert backups.newest_good_backup(store_path) == good


def test_the_daily_backup_checks_off_the_ui_thread(qapp, store_path, damaged, monkeypatch):
    from PySide6.QtWidgets import QMainWindow

    from liaison_app.ui import startup
    from liaison_app.ui.workers import wait_for_background

    threads = []
    real = integrity.full_check
    monkeypatch.setattr(integrity, "full_check", lambda path: threads.append(threading.current_thread()) or real(path))
    import liaison_app.store.backup as backup_module

    monkeypatch.setattr(backup_module, "full_check", integrity.full_check)
    s = open_store(store_path)
    window = QMainWindow()
    try:
        startup.start_daily_backup(s, window)
        wait_for_background()
        qapp.processEvents()
    finally:
        startup.close_store(s)
    assert threads and all(t is not threading.main_thread() for t in threads)
    message = window.statusBar().currentMessage()
    assert "Today's backup was not taken" in message and "damaged record" in message
    window.deleteLater()
