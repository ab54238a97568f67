"""The sign-in dialog shown while the store opens behind it (issue #15, point 2): a password is checked only
once the store has opened and passed its checks; a damaged or locked store closes the dialog and is
refused (or its backup offered) exactly as when it was opened first, and never written to."""
from __future__ import annotations

import hashlib
import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from liaison_app import app as liaison_app_module
from liaison_app.services import officers, permissions, stores
from liaison_app.ui.opening import PendingStore
from liaison_app.ui.sign_in import SetupDialog, SignInDialog

PASSWORD = "a long enough password"


@pytest.fixture
def signed_up(store_path):
    store = stores.open_store(store_path)
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    store.close()
    return store_path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_signing_in_waits_for_the_store_to_open_then_signs_in(qtbot, signed_up):
    pending = PendingStore(signed_up)  # not even started: the dialog starts and waits for it
    dialog = SignInDialog(pending)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "ada")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    try:
        assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.interrupted
        assert pending.store.actor == "ada" and pending.has_accounts is True
        assert QApplication.overrideCursor() is None  # the busy cursor went away
    finally:
        pending.store.close()


def test_a_wrong_password_is_refused_once_the_store_is_open(qtbot, signed_up):
    pending = PendingStore(signed_up).start()
    dialog = SignInDialog(pending)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "ada")
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    try:
        assert dialog.result() != QDialog.DialogCode.Accepted and pending.store.actor_id is None
        assert dialog.message.text() == officers.sign_in_failed_message()
    finally:
        pending.store.close()


@pytest.fixture
def damaged(signed_up, damage_audit_page, fill_audit_pages):
    """A store with a good backup beside it, then a damaged page."""
    store = stores.open_store(signed_up)
    fill_audit_pages(store)
    backup = stores.backup_if_due(store)
    store.close()
    damage_audit_page(signed_up)
    return backup


def test_a_damaged_store_closes_the_dialog_offers_the_backup_and_is_not_written(qtbot, signed_up, damaged,
                                                                               monkeypatch):
    before = _digest(signed_up)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    store, signed_in = liaison_app_module.sign_in_first(signed_up)  # the dialog closes itself: nobody typed
    assert store is None and signed_in is False
    assert asked and "damaged" in asked[0] and stores.backup_date(damaged) in asked[0]
    assert _digest(signed_up) == before
    assert not signed_up.with_name(signed_up.name + ".lock").exists()


def test_a_store_open_elsewhere_closes_the_dialog_and_says_who_has_it(qtbot, signed_up, monkeypatch):
    lock = signed_up.with_name(signed_up.name + ".lock")
    lock.write_text(json.dumps({"user": "bob", "host": "another-laptop", "pid": 1, "time": "2026-11-29T08:00:00"}))
    before = _digest(signed_up)
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: said.append(a[2]))
    assert liaison_app_module.sign_in_first(signed_up) == (None, False)
    assert said and "another-laptop" in said[0] and "bob" in said[0]
    assert _digest(signed_up) == before and json.loads(lock.read_text())["user"] == "bob"


def _dialogs_until(kind) -> list[type]:
    """Each kind of modal dialog shown, in order, until one of `kind` shows (it is then cancelled)."""
    shown: list[type] = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is not None and type(dialog) not in shown:
            shown.append(type(dialog))
        if isinstance(dialog, kind):
            dialog.reject()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(0, answer)
    return shown


def test_a_store_with_no_accounts_after_all_gets_the_first_account_setup(qtbot, store_path):
    stores.open_store(store_path).close()  # no officers: the peek would not have sent it here
    shown = _dialogs_until(SetupDialog)
    store, signed_in = liaison_app_module.sign_in_first(store_path)
    try:
        assert signed_in is False and shown[-1] is SetupDialog
    finally:
        store.close()


def test_the_first_account_waits_for_the_new_store_then_makes_an_administrator(qtbot, tmp_path):
    path = tmp_path / "liaison.db"  # no file yet: a new store, opened behind the dialog
    pending = PendingStore(path)
    dialog = SetupDialog(pending)
    qtbot.addWidget(dialog)
    for edit, text in ((dialog.username, "ada"), (dialog.display_name, "Ada Admin"), (dialog.password, PASSWORD),
                       (dialog.again, PASSWORD)):
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    try:
        assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.interrupted
        assert pending.store.actor == "ada" and permissions.is_admin(pending.store)
    finally:
        pending.store.close()


def test_a_store_that_has_accounts_after_all_gets_the_sign_in_dialog(qtbot, signed_up):
    shown = _dialogs_until(SignInDialog)
    store, signed_in = liaison_app_module.sign_in_first(signed_up, has_accounts=False)
    try:
        assert signed_in is False and shown == [SetupDialog, SignInDialog]
    finally:
        store.close()
