"""Issue #13.4: each dialog opens with the cursor in its first field; errors wait until a field was
touched or the main button pressed; the password hint shows whole; the lock screen's password box has
a label and its message speaks of no user name. Keyboard-driven."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from desk_walk import quiet_boxes, world  # noqa: F401 (fixtures)
from desk_walk import build_dialog, dialog_classes
from liaison_app.services import officers
from liaison_app.ui.forms import FormDialog, OptionalDateEdit
from liaison_app.ui.lock import LockDialog
from liaison_app.ui.sign_in import SetupDialog, SignInDialog

pytestmark = pytest.mark.usefixtures("quiet_boxes")
PASSWORD = "correct horse battery"


def type_here(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def tab(qtbot):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_first_account_setup_takes_what_is_typed_first_and_waits_to_complain(store, qtbot, show_active):
    dialog = show_active(SetupDialog(store))
    assert QApplication.focusWidget() is dialog.username
    assert dialog.message.text() == ""  # no red "Choose a user name." before anything is typed
    hint = dialog.password.placeholderText()
    assert dialog.password.width() >= dialog.password.fontMetrics().horizontalAdvance(hint) + 8  # hint whole
    type_here(qtbot, "ada")
    tab(qtbot)
    type_here(qtbot, "Ada Admin")
    tab(qtbot)
    type_here(qtbot, "short")
    assert "10 characters" in dialog.message.text()
    qtbot.keyClick(dialog.password, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, PASSWORD)
    assert dialog.message.text() == ""  # "Password again" was not touched yet: no mismatch shown
    tab(qtbot)
    type_here(qtbot, PASSWORD)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and store.actor == "ada"


def test_sign_in_opens_in_the_user_name(store, qtbot, show_active):
    officers.create_officer(store, "bea", "Bea", "admin", PASSWORD)
    dialog = show_active(SignInDialog(store))
    assert QApplication.focusWidget() is dialog.username and dialog.message.text() == ""
    type_here(qtbot, "bea")
    tab(qtbot)
    type_here(qtbot, PASSWORD)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and store.actor == "bea"


def test_the_lock_screen_labels_its_password_box_and_asks_for_no_user_name(store, qtbot, show_active):
    officers.create_officer(store, "cy", "Cy", "admin", PASSWORD)
    officers.sign_in(store, "cy", PASSWORD)
    dialog = show_active(LockDialog(store))
    assert QApplication.focusWidget() is dialog.password
    labels = [lab for lab in dialog.findChildren(QLabel) if lab.buddy() is dialog.password]
    assert [lab.text() for lab in labels] == ["&Password:"]
    type_here(qtbot, "not my password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "not your password" in dialog.message.text() and "user name" not in dialog.message.text()


FORMS = [c for c in dialog_classes() if issubclass(c, FormDialog)]


@pytest.mark.parametrize("form_class", FORMS, ids=lambda c: c.__name__)
def test_every_form_opens_with_the_cursor_in_its_first_field_and_no_error_shown(world, qtbot, show_active, form_class):
    form = show_active(build_dialog(form_class, world))
    first = next(f.widget for f in form.fields.values() if f.widget.isEnabled())
    first = first.check if isinstance(first, OptionalDateEdit) else first
    focus = QApplication.focusWidget()
    assert focus is first or first.isAncestorOf(focus), f"the cursor starts in {focus!r}"
    shown_errors = [f.name for f in form.fields.values() if f.error.isVisible() and f.error.text().strip("\u200b ")]
    assert shown_errors == []
