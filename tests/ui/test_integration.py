"""The last pieces wired together: admin-only export and erasure on the tenant record, records past
retention in Settings, the daily backup at start-up, and restoring a damaged store from a backup."""
from __future__ import annotations

import hashlib
import json
import logging
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from liaison_app import app as liaison_app_module
from liaison_app.domain.validation import add_months
from liaison_app.services import officers, tenants
from liaison_app.store import StoreError, open_store
from liaison_app.store import backup as backups
from liaison_app.ui import startup
from liaison_app.ui.retention_dialog import RetentionDialog
from liaison_app.ui.settings_page import SettingsPage
from liaison_app.ui.tenant_admin_actions import JSON_FILTER
from liaison_app.ui.tenant_record import TenantRecord
from liaison_app.ui.tenants_page import TenantsPage
from liaison_app.ui.workers import wait_for_background

PASSWORD = "correct horse battery"
EXPORT, ERASE = "Export everything held…", "Erase this tenant…"


pytestmark = pytest.mark.usefixtures("no_unexpected_boxes")


def _sign_in(store, role: str) -> None:
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    officers.sign_in(store, "ada", PASSWORD)
    if role != "admin":
        officers.create_officer(store, "olu", "Olu Officer", role, PASSWORD)
        officers.sign_in(store, "olu", PASSWORD)


@pytest.fixture
def tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T100", first_name="Margaret", last_name="Okafor",
                                 address_line1="4 Station Road", postcode="BA12 9AB")


def _action(record, text):
    return next((a for a in record.menu_actions() if a.text() == text), None)


def _answer(monkeypatch, button, asked):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or button)


# ------------------------------------------------------------------ export and erase

def test_admin_exports_a_tenant_to_json(qtbot, store, tenant, tmp_path, monkeypatch):
    _sign_in(store, "admin")
    record = TenantRecord(store, tenant.id)
    qtbot.addWidget(record)
    action = _action(record, EXPORT)
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+X"
    assert _action(record, ERASE) is not None
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "peggy"), JSON_FILTER))  # no suffix typed
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    action.trigger()
    written = tmp_path / "peggy.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["tenant"][0]["last_name"] == "Okafor" and "Margaret" in written.read_text(encoding="utf-8")
    assert told and str(written) in told[0]


def test_non_admin_does_not_see_the_admin_actions(qtbot, store, tenant):
    _sign_in(store, "officer")
    record = TenantRecord(store, tenant.id)
    qtbot.addWidget(record)
    texts = [a.text() for a in record.menu_actions()] + [a.text() for a in record.actions()]
    assert EXPORT not in texts and ERASE not in texts
    assert record.edit_action.text() in texts  # the ordinary actions are still there


@pytest.fixture
def page(qtbot, store, tenant):
    _sign_in(store, "admin")
    p = TenantsPage(store)
    qtbot.addWidget(p)
    p.show_tenant(tenant.id)
    return p


def test_erase_after_confirming_removes_the_tenant(page, store, tenant, monkeypatch):
    asked = []
    _answer(monkeypatch, QMessageBox.StandardButton.Yes, asked)
    _action(page.record, ERASE).trigger()
    assert asked and "cannot be undone" in asked[0] and "Okafor" in asked[0]
    assert page.record is None and page.stack.currentWidget() is page.list_view
    assert tenants.search_tenants(store, "Okafor") == []
    assert page.model.rowCount() == 0


def test_declining_the_erasure_leaves_the_tenant(page, store, tenant, monkeypatch):
    asked = []
    _answer(monkeypatch, QMessageBox.StandardButton.Cancel, asked)
    _action(page.record, ERASE).trigger()
    assert asked and page.record is not None
    assert [row.id for row in tenants.search_tenants(store, "Okafor")] == [tenant.id]


# ------------------------------------------------------------------ retention

def test_settings_lists_records_past_retention_and_opens_one(qtbot, store, tenant):
    old = tenants.create_tenant(store, tenancy_ref="T-OLD", first_name="Ann", last_name="Gone",
                                address_line1="9 Mill Lane", postcode="BA1 1AA")
    tenants.change_tenant(store, old.id, {"tenancy_end": add_months(date.today(), -12 * 10)})
    settings_page = SettingsPage(store)
    qtbot.addWidget(settings_page)
    opened = []
    settings_page.open_tenant.connect(opened.append)
    dialog = settings_page.show_retention()
    assert isinstance(dialog, RetentionDialog) and dialog.refs() == ["T-OLD"]
    dialog.open_button.click()
    assert opened == [old.id]


def test_retention_dialog_says_when_nothing_is_due(qtbot, store, tenant):
    dialog = RetentionDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.refs() == [] and "nothing is past retention" in dialog.summary.text()
    assert not dialog.open_button.isEnabled()


# ------------------------------------------------------------------ start-up: backup and restore

def test_daily_backup_runs_off_the_ui_thread(qtbot, store):
    window = QMainWindow()
    qtbot.addWidget(window)
    startup.start_daily_backup(store, window)
    wait_for_background()
    qtbot.waitUntil(lambda: "backup was taken" in window.statusBar().currentMessage(), timeout=5000)
    assert (store.path.parent / f"{store.path.stem}-backups" / f"{store.path.stem}-{date.today()}.db").exists()


def test_a_failed_backup_is_a_calm_status_message(qtbot, store, monkeypatch):
    def full_disk(_store):
        raise StoreError("The disk is full.")

    monkeypatch.setattr(backups, "backup_if_due", full_disk)
    window = QMainWindow()
    qtbot.addWidget(window)
    startup.start_daily_backup(store, window)
    wait_for_background()
    qtbot.waitUntil(lambda: "could not be taken" in window.statusBar().currentMessage(), timeout=5000)
    assert "disk is full" in window.statusBar().currentMessage()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(store_path, damage_audit_page, fill_audit_pages):
    """A store with a good backup, then a damaged page (as tests/store/test_safety.py damages one)."""
    s = open_store(store_path)
    tenants.create_tenant(s, tenancy_ref="T1", first_name="Ann", last_name="Backed",
                          address_line1="1 High St", postcode="BA1 1AA")
    fill_audit_pages(s)
    backup = backups.backup_if_due(s)
    s.close()
    damage_audit_page(store_path)
    with pytest.raises(StoreError, match="damaged"):
        open_store(store_path).close()
    return backup


def test_damaged_store_restore_accepted_opens_the_backup(qapp, store_path, damaged, monkeypatch):
    before = _digest(store_path)
    asked, told = [], []
    _answer(monkeypatch, QMessageBox.StandardButton.Yes, asked)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    restored = startup.open_or_restore(store_path)
    try:
        assert asked and "Restore the backup from" in asked[0] and startup.backup_date(damaged) in asked[0]
        assert [r.tenancy_ref for r in tenants.search_tenants(restored, "Backed")] == ["T1"]
    finally:
        restored.close()
    aside = [p for p in store_path.parent.glob(f"{store_path.stem}-replaced-*{store_path.suffix}")]
    assert len(aside) == 1 and _digest(aside[0]) == before  # the damaged file kept, never overwritten
    assert told and aside[0].name in told[0]


def test_damaged_store_restore_declined_leaves_the_file(qapp, store_path, damaged, monkeypatch):
    before = _digest(store_path)
    asked = []
    _answer(monkeypatch, QMessageBox.StandardButton.No, asked)
    assert startup.open_or_restore(store_path) is None
    assert asked and _digest(store_path) == before
    assert not store_path.with_name(store_path.name + ".lock").exists()
    assert not list(store_path.parent.glob(f"{store_path.stem}-replaced-*"))


def test_the_app_exits_1_when_restore_is_declined(qapp, store_path, damaged, monkeypatch):
    before = _digest(store_path)
    _answer(monkeypatch, QMessageBox.StandardButton.No, [])
    try:
        assert liaison_app_module.run(db=str(store_path)) == 1
    finally:
        for name in ("liaison", "liaison_app"):
            for h in list(logging.getLogger(name).handlers):
                logging.getLogger(name).removeHandler(h)
                h.close()
        sys.excepthook = sys.__excepthook__
    assert _digest(store_path) == before
