"""Owner-only files: the store, its journal, every backup and export are mode 0600 (POSIX), and a copy of
the store to a file of one's choosing (`backup -o`) is for administrators."""
from __future__ import annotations

import os
import stat
from datetime import date

import pytest

from liaison_app.cli import main
from liaison_app.printing import write_subject_access_pdf
from liaison_app.services import officers, safeguarding, subject_access
from liaison_app.services.tenants import create_tenant
from liaison_app.store import open_store, safety
from liaison_app.store import backup as backups

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
PASSWORD = "correct horse battery"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def _usual_umask():
    """The umask most desktops have: without care, new files would be readable by everyone (0644)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _fill(store):
    tenant = create_tenant(store, tenancy_ref="T-1", first_name="Ann", last_name="Able",
                           address_line1="1 Elm Street", postcode="BA12 9AB")
    safeguarding.raise_concern(store, tenant.id, "child", what_was_seen="Child left alone all day")
    return tenant


def test_new_store_and_its_journal_are_owner_only(store_path):
    store = open_store(store_path)
    try:
        _fill(store)
        files = [store_path, store_path.with_name("store.db-wal"), store_path.with_name("store.db-shm")]
        assert all(f.exists() for f in files)
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}  # before: 0644
    finally:
        store.close()


def test_a_store_made_readable_by_others_is_tightened_when_opened(store_path):
    open_store(store_path).close()
    os.chmod(store_path, 0o644)
    store = open_store(store_path)
    try:
        assert mode(store_path) == 0o600
    finally:
        store.close()


def test_backups_and_exports_are_owner_only(store, tmp_path):
    tenant = _fill(store)
    daily = backups.backup_if_due(store, date(2026, 3, 2))
    made = [daily]
    made.append(subject_access.export_tenant(store, tenant.id, tmp_path / "sar.json"))
    made.append(write_subject_access_pdf(tmp_path / "sar.pdf",
                                         subject_access.export_for_pdf(store, tenant.id, tmp_path / "sar.pdf")))
    assert {p.name: mode(p) for p in made} == {p.name: 0o600 for p in made}


def test_backup_to_a_file_is_for_admins_and_owner_only(store_path, tmp_path, monkeypatch, capsys):
    store = open_store(store_path)
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    officers.sign_in(store, "ada", PASSWORD)
    officers.create_officer(store, "off1", "Olu Officer", "officer", PASSWORD)
    officers.create_officer(store, "sal", "Sal Lead", "safeguarding_lead", PASSWORD)
    _fill(store)
    store.close()
    monkeypatch.setenv("LIAISON_PASSWORD", PASSWORD)
    for who in ("off1", "sal"):
        copy = tmp_path / f"{who}.db"
        assert main(["--db", str(store_path), "--officer", who, "backup", "-o", str(copy)]) == 1
        assert "administrator" in capsys.readouterr().err
        assert not copy.exists()  # before: a full copy, every safeguarding concern included
    assert main(["--db", str(store_path), "--officer", "off1", "backup"]) == 0  # into the backups folder
    copy = tmp_path / "ada.db"
    assert main(["--db", str(store_path), "--officer", "ada", "backup", "-o", str(copy)]) == 0
    assert safety.quick_check(copy) == "ok" and mode(copy) == 0o600
    manual = list((store_path.parent / "store-backups").glob("store-manual-*.db"))
    assert len(manual) == 1 and mode(manual[0]) == 0o600
    assert mode(store_path) == 0o600
