"""What the screens promise about backups after an erasure: the erase question and the retention list
say how long a backup can still hold the record, and restoring a damaged store at start-up erases
again every tenant erased since the backup."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from liaison_app.domain import Setting
from liaison_app.services import erasure, officers, tenants
from liaison_app.store import open_store
from liaison_app.store import backup as backups
from liaison_app.ui import startup
from liaison_app.ui.retention_dialog import RetentionDialog
from liaison_app.ui.tenant_record import TenantRecord

PASSWORD = "correct horse battery"


pytestmark = pytest.mark.usefixtures("no_unexpected_boxes")


def _tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T100", first_name="Margaret", last_name="Okafor",
                                 address_line1="4 Station Road", postcode="BA12 9AB")


@pytest.mark.parametrize("days", [None, "14"])
def test_the_erase_question_says_how_long_backups_hold_the_record(qtbot, store, monkeypatch, days):
    tenant = _tenant(store)
    if days:
        with store.write() as session:
            session.add(Setting(key="backup_keep_days", value=days))
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    officers.sign_in(store, "ada", PASSWORD)
    record = TenantRecord(store, tenant.id)
    qtbot.addWidget(record)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    next(a for a in record.menu_actions() if a.text() == "Erase this tenant…").trigger()
    assert asked and f"still hold the record for up to {days or 30} days" in asked[0]
    assert "restoring any backup erases it again" in asked[0]


def test_the_retention_list_says_how_long_backups_hold_erased_records(qtbot, store):
    dialog = RetentionDialog(store)
    qtbot.addWidget(dialog)
    assert "still hold the record for up to 30 days" in dialog.note.text()


def test_restoring_a_damaged_store_at_start_up_erases_again(qapp, store_path, monkeypatch):
    s = open_store(store_path)
    tenant = _tenant(s)
    backup = backups.backup_if_due(s)
    erasure.erase_tenant(s, tenant.id)
    s.close()
    data = bytearray(store_path.read_bytes())
    data[0:16] = b"this is no store"
    store_path.write_bytes(bytes(data))
    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    restored = startup.open_or_restore(store_path)
    try:
        assert tenants.search_tenants(restored, "Okafor") == []
    finally:
        restored.close()
    assert told and startup.backup_date(backup) in told[0] and "Tenants erased since that backup were erased again: 1." in told[0]
