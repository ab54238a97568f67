"""Trust UI driven through the real dialogs: first-run setup, sign-in back-off, auto-lock keeping unsaved
edits, the safeguarding tab's visibility rules and the admin audit viewer."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from liaison_app.services import officers, safeguarding
from liaison_app.services.tenants import create_tenant
from liaison_app.ui.audit_viewer import AuditViewer
from liaison_app.ui.lock import LockCover, LockDialog, install_auto_lock
from liaison_app.ui.safeguarding_tab import SafeguardingTab
from liaison_app.ui.sign_in import SetupDialog, SignInDialog, ensure_signed_in
from liaison_app.ui.workers import wait_for_background

PASSWORD = "a long enough password"


@pytest.fixture
def admin(store):
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    officers.sign_in(store, "ada", PASSWORD)
    return store


# ------------------------------------------------------------------ first run and sign-in

def test_first_run_makes_an_admin_and_signs_in(qtbot, store):
    dialog = SetupDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "ada")
    qtbot.keyClicks(dialog.display_name, "Ada Admin")
    qtbot.keyClicks(dialog.password, "short")
    assert not dialog.ok_button.isEnabled() and "10 characters" in dialog.message.text()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.again, PASSWORD + "x")
    assert not dialog.ok_button.isEnabled() and "not the same" in dialog.message.text()
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, PASSWORD)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.actor == "ada" and store.actor_role == "admin"
    assert [o.role for o in officers.list_officers(store)] == ["admin"]


def test_ensure_signed_in_runs_the_sign_in_dialog(qtbot, store):
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)

    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SignInDialog)
        qtbot.keyClicks(dialog.username, "ada")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    assert ensure_signed_in(store) is True
    assert store.actor == "ada"
    assert ensure_signed_in(store) is True  # already signed in: no dialog


def test_five_wrong_passwords_back_off_in_the_dialog(qtbot, store):
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    dialog = SignInDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "ada")
    for attempt in range(5):
        qtbot.keyClicks(dialog.password, f"wrong guess {attempt}")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert officers.FAILED_MESSAGE in dialog.message.text()
        assert "password" in dialog.message.text() and "wrong" not in dialog.message.text().lower()
    assert not dialog.ok_button.isEnabled() and "wait 30 seconds" in dialog.message.text()
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.submit()  # even the right password waits
    assert dialog.result() != QDialog.DialogCode.Accepted and store.actor_id is None
    dialog._tick()
    assert "wait 29 seconds" in dialog.message.text()


# ------------------------------------------------------------------ auto-lock

class Window(QMainWindow):
    def __init__(self):
        super().__init__()
        body = QWidget(self)
        lay = QVBoxLayout(body)
        self.field = QLineEdit(body)
        lay.addWidget(self.field)
        self.setCentralWidget(body)
        self.resize(500, 300)


def _covered(widget: QWidget) -> bool:
    top = widget.window()
    at = top.childAt(widget.mapTo(top, QPoint(5, 5)))
    while at is not None and not isinstance(at, LockCover):
        at = at.parentWidget()
    return isinstance(at, LockCover)


def test_auto_lock_hides_content_and_unlock_keeps_unsaved_edits(qtbot, admin):
    window = Window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    form = QDialog(window)
    form_field = QLineEdit(form)
    form.setWindowModality(Qt.WindowModality.WindowModal)
    form.show()
    qtbot.keyClicks(window.field, "unsaved words in the window")
    qtbot.keyClicks(form_field, "unsaved words in a dialog")
    lock = install_auto_lock(window, admin, minutes=15)
    lock.last_input = time.monotonic() - 15 * 60 - 1
    lock.check_idle()
    assert lock.is_locked and isinstance(lock.dialog, LockDialog) and lock.dialog.isVisible()
    assert _covered(window.field) and _covered(form_field)
    lock.dialog.reject()  # Esc does not unlock
    assert lock.is_locked
    qtbot.keyClicks(lock.dialog.password, "not my password")
    qtbot.mouseClick(lock.dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert lock.is_locked and "not your password" in lock.dialog.message.text()
    assert "user name" not in lock.dialog.message.text()  # the lock never asks for one (issue #13.4)
    qtbot.keyClicks(lock.dialog.password, PASSWORD)
    qtbot.mouseClick(lock.dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked
    qtbot.waitUntil(lambda: not _covered(window.field) and not _covered(form_field))
    assert window.field.text() == "unsaved words in the window"
    assert form.isVisible() and form_field.text() == "unsaved words in a dialog"


def test_one_wrong_password_at_the_lock_screen_counts_once(qtbot, admin):
    from sqlmodel import select

    from liaison_app.domain import AuditEvent

    dialog = LockDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.password, "not my password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # before: Enter ran the check twice
    assert "not your password" in dialog.message.text() and dialog.password.text() == ""
    with admin.read() as session:
        failed = session.exec(select(AuditEvent).where(AuditEvent.action == "sign_in_failed")).all()
    assert len(failed) == 1  # before: 2

    from liaison_app.domain import SignInFailure

    with admin.read() as session:
        assert [row.failures for row in session.exec(select(SignInFailure)).all()] == [1]
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_input_resets_the_idle_clock_and_suspend_locks(qtbot, admin):
    window = Window()
    qtbot.addWidget(window)
    window.show()
    lock = install_auto_lock(window, admin, minutes=1)
    lock.last_input = time.monotonic() - 50
    qtbot.keyClick(window.field, Qt.Key.Key_A)
    assert time.monotonic() - lock.last_input < 5
    lock.check_idle()
    assert not lock.is_locked
    lock._state_changed(Qt.ApplicationState.ApplicationInactive)
    assert not lock.is_locked
    lock._state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert lock.is_locked
    lock.dialog.password.setText(PASSWORD)
    lock.dialog.try_unlock()
    assert not lock.is_locked


def test_lock_minutes_come_from_the_setting(qtbot, admin):
    from liaison_app.services.settings import set_setting

    set_setting(admin, "auto_lock_minutes", "5")
    window = Window()
    qtbot.addWidget(window)
    assert install_auto_lock(window, admin).idle_limit == 300


# ------------------------------------------------------------------ safeguarding tab

def test_officer_cannot_see_another_officers_concern_but_a_lead_can(qtbot, admin, monkeypatch):
    for name, role in (("olu", "officer"), ("pat", "officer"), ("sam", "safeguarding_lead")):
        officers.create_officer(admin, name, name.title(), role, PASSWORD)
    tenant = create_tenant(admin, tenancy_ref="T-9", first_name="Ann", last_name="Jones",
                           address_line1="1 High Street", postcode="BA1 1AA")
    officers.sign_in(admin, "olu", PASSWORD)
    tab = SafeguardingTab(admin, tenant.id)
    qtbot.addWidget(tab)
    wait_for_background()  # the tab reads the concerns off the UI thread, as the signed-in officer
    assert tab.model.rowCount() == 0

    def fill(form):
        form.fields["category"].widget.setCurrentIndex(form.fields["category"].widget.findData("child"))
        qtbot.keyClicks(form.fields["what_was_seen"].widget, "Child left alone all day")
        qtbot.keyClicks(form.fields["referred_to"].widget, "Children's services")
        assert form.save_button.isEnabled()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("liaison_app.ui.safeguarding_tab.ConcernForm.exec", fill)
    with qtbot.waitSignal(tab.changed):
        tab.raise_concern()
    wait_for_background()
    assert tab.model.rowCount() == 1
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert tab.model.index(0, headers.index("What was seen")).data() == "Child left alone all day"
    officers.sign_in(admin, "pat", PASSWORD)
    other = SafeguardingTab(admin, tenant.id)
    qtbot.addWidget(other)
    wait_for_background()
    assert other.model.rowCount() == 0
    officers.sign_in(admin, "sam", PASSWORD)
    lead = SafeguardingTab(admin, tenant.id)
    qtbot.addWidget(lead)
    wait_for_background()
    assert lead.model.rowCount() == 1
    lead.table.selectRow(0)
    lead.close_selected()
    assert safeguarding.list_concerns(admin, tenant.id)[0].status == "closed"


def test_concern_form_needs_category_and_what_was_seen(qtbot, admin):
    tenant = create_tenant(admin, tenancy_ref="T-8", first_name="Bo", last_name="Lee",
                           address_line1="2 High Street", postcode="BA1 1AA")
    tab = SafeguardingTab(admin, tenant.id)
    qtbot.addWidget(tab)
    form = tab.new_form()
    qtbot.addWidget(form)
    assert not form.save_button.isEnabled()
    assert not form.field_error("category").strip("\u200b")  # nothing red before anything is touched (#13.4)
    assert not form.try_save()  # Save pressed: now each missing answer says so
    assert form.field_error("category") and form.field_error("what_was_seen")
    assert form.findChild(QWidget, "privateTag") is not None


# ------------------------------------------------------------------ audit viewer

def test_audit_viewer_filters_and_fetches_lazily(qtbot, admin):
    from liaison_app.services.audit import audit

    for i in range(450):
        audit(admin, "view", "tenant", f"t-{i}")
    audit(admin, "print", "job", "j-1")
    viewer = AuditViewer(admin)
    qtbot.addWidget(viewer)
    assert viewer.model.rowCount() == 200 and viewer.model.canFetchMore()
    viewer.model.fetchMore()
    assert viewer.model.rowCount() == 400
    assert viewer.model.index(0, 3).data() == "Printed"  # the officer's words, not the code
    assert not viewer.model.flags(viewer.model.index(0, 3)) & Qt.ItemFlag.ItemIsEditable
    viewer.action.setCurrentIndex(viewer.action.findData("print"))
    qtbot.mouseClick(viewer.apply_button, Qt.MouseButton.LeftButton)
    assert viewer.model.rowCount() == 1 and not viewer.model.canFetchMore()
    viewer.action.setCurrentIndex(0)
    qtbot.keyClicks(viewer.record, "t-7")
    viewer.apply_filters()
    assert viewer.model.rowCount() == 1 and viewer.model.index(0, 4).data() == "Tenant"
    assert "t-7" in viewer.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    viewer.verify()
    assert "intact" in viewer.status.text()


def test_audit_viewer_is_for_admins_only(qtbot, admin):
    officers.create_officer(admin, "olu", "Olu", "officer", PASSWORD)
    officers.sign_in(admin, "olu", PASSWORD)
    viewer = AuditViewer(admin)
    qtbot.addWidget(viewer)
    assert viewer.model.rowCount() == 0 and not viewer.table.isEnabled()
    assert "Only administrators" in viewer.status.text()


# ------------------------------------------------------------------ officer accounts

def test_admin_adds_an_officer_resets_and_switches_off(qtbot, admin, monkeypatch):
    from liaison_app.ui.officers_dialog import AddOfficerForm, OfficersDialog, ResetPasswordForm

    dialog = OfficersDialog(admin)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.add_button.isEnabled()

    def add(form):
        qtbot.keyClicks(form.fields["username"].widget, "olu")
        qtbot.keyClicks(form.fields["display_name"].widget, "Olu Officer")
        qtbot.keyClicks(form.fields["password"].widget, "short")
        assert not form.save_button.isEnabled()
        qtbot.keyClicks(form.fields["password"].widget, " but now long")
        qtbot.keyClicks(form.fields["again"].widget, "short but now long")
        assert form.save_button.isEnabled()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddOfficerForm, "exec", add)
    dialog.add_officer()
    assert [r.username for r in dialog.model.rows()] == ["ada", "olu"]
    assert dialog.model.index(1, 2).data() == "Officer"
    dialog.table.selectRow(1)

    def reset(form):
        qtbot.keyClicks(form.fields["password"].widget, "a brand new password")
        qtbot.keyClicks(form.fields["again"].widget, "a brand new password")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ResetPasswordForm, "exec", reset)
    dialog.reset_password()
    dialog.toggle_active()
    assert dialog.model.index(1, 3).data() == "Switched off"
    from liaison_app.services.officers import SignInError

    with pytest.raises(SignInError):
        officers.sign_in(admin, "olu", "a brand new password")
    dialog.table.selectRow(1)
    dialog.toggle_active()
    assert officers.sign_in(admin, "olu", "a brand new password").username == "olu"
    plain = OfficersDialog(admin)
    qtbot.addWidget(plain)
    assert not plain.add_button.isEnabled() and "Only administrators" in plain.status.text()


def test_officer_changes_own_password(qtbot, admin):
    from liaison_app.ui.officers_dialog import ChangePasswordForm

    form = ChangePasswordForm(admin)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.fields["old_password"].widget, "not the old one")
    qtbot.keyClicks(form.fields["new_password"].widget, "my new password!")
    qtbot.keyClicks(form.fields["again"].widget, "my new password!")
    assert not form.try_save() and form.field_error("old_password")
    form.fields["old_password"].widget.setText(PASSWORD)
    assert form.try_save()
    assert officers.sign_in(admin, "ada", "my new password!").username == "ada"


def test_lock_dialog_can_quit_after_asking(qtbot, admin, monkeypatch):
    window = Window()
    qtbot.addWidget(window)
    window.show()
    lock = install_auto_lock(window, admin)
    lock.lock()
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda *a: quits.append(True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    lock.dialog.quit_button.click()
    assert quits == [] and lock.is_locked
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    lock.dialog.quit_button.click()
    assert quits == [True]
    lock.unlock()
