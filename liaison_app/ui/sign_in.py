"""Signing in: the first-run dialog that makes the first administrator, and the sign-in dialog.

A failed sign-in shows one message that never says which half was wrong; after five failures the
service backs off and the dialog counts the wait down with the Sign in button switched off.
Each dialog opens with the cursor in its first field; a problem with what was typed shows only once
that field was touched or the main button pressed.

The sign-in dialog may be shown while the store is still opening (ui/opening.py PendingStore): it then
checks no password until the open has ended, and closes (`interrupted`) when the store could not be
opened, so the app can say why. The services are imported inside the methods that use them, for
start-up speed: this module loads before SQLModel, so the dialog is on screen sooner.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

from liaison_app.services.password_rule import password_minimum
from liaison_app.ui.opening import PendingStore

FIELD_CHARS = 32  # wide enough for the password hint and a long user name


def _line(parent: QWidget, name: str, *, password: bool = False) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * FIELD_CHARS)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _Dialog(QDialog):
    """A small form with a message line and one main button, which calls the dialog's `submit`."""

    def __init__(self, title: str, button_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        outer = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a1c1c;")
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton(button_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def wait_for(self, store, expects_accounts: bool) -> None:
        """`store`: the open store, or a PendingStore still opening (see the module's note); the dialog
        is for a store that has accounts (sign in) or has none (the first account)."""
        self.store = store
        self.expects_accounts = expects_accounts
        self.interrupted = False  # closed because the store could not be opened (or is not as hinted)
        if isinstance(store, PendingStore):
            store.settled.connect(self._store_settled)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if isinstance(self.store, PendingStore) and self.store.done:  # it ended before the dialog showed
            QTimer.singleShot(0, self._store_settled)

    def not_as_hinted(self, has_accounts: bool | None) -> bool:
        """The opened store's accounts are not what this dialog is for: the app shows the other one."""
        return has_accounts is (not self.expects_accounts)

    def _store_settled(self) -> None:
        """The store finished opening: if that failed (or its accounts are not as hinted), close at once."""
        pending = self.store
        if not self.isVisible() or not pending.done:
            return
        if pending.store is None or self.not_as_hinted(pending.has_accounts):
            self.interrupted = True
            self.reject()

    def _open_store(self):
        """The open store, waiting for it if it is still opening; None (the dialog closed) if it failed."""
        if not isinstance(self.store, PendingStore):
            return self.store
        store = self.store.wait(self.message)
        if store is None or self.not_as_hinted(self.store.has_accounts):
            self._store_settled()
            return None
        return store

    def add_fields(self, rows) -> None:
        """(label, edit) rows; the first edit has the cursor when the dialog opens, Tab goes down the form
        and on to the buttons."""
        for label, edit in rows:
            self.form.addRow(label, edit)
            caption = self.form.labelForField(edit)
            if isinstance(caption, QLabel):
                caption.setBuddy(edit)
        edits = [edit for _label, edit in rows]
        for before, after in zip(edits, edits[1:] + [self.ok_button]):
            QWidget.setTabOrder(before, after)
        QWidget.setTabOrder(self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        edits[0].setFocus()


class SetupDialog(_Dialog):
    """First start: make the first account, an administrator, and sign it in."""

    def __init__(self, store, parent=None):
        """`store`: the open store, or a PendingStore still opening (see the module's note)."""
        super().__init__(self.tr("Welcome to Liaison"), self.tr("Create account"), parent)
        self.wait_for(store, expects_accounts=False)
        self.intro.setText(self.tr(
            "Liaison holds sensitive information about tenants, so every officer signs in. Make the first "
            "account: it is an administrator, who can add the other officers."))
        self.username = _line(self, self.tr("User name"))
        self.display_name = _line(self, self.tr("Your name"))
        self.password = _line(self, self.tr("Password"), password=True)
        self.again = _line(self, self.tr("Password again"), password=True)
        self.password.setPlaceholderText(self.tr("at least %d characters") % password_minimum())
        self.touched: set[QLineEdit] = set()
        self.add_fields(((self.tr("&User name:"), self.username), (self.tr("Your &name:"), self.display_name),
                         (self.tr("&Password:"), self.password), (self.tr("Password &again:"), self.again)))
        for edit in (self.username, self.display_name, self.password, self.again):
            edit.textEdited.connect(lambda _t, e=edit: self._touched(e))
            edit.textChanged.connect(self._validate)
        self._validate()

    def problems(self, fields=None) -> str:
        """The first problem with what was typed, among `fields` (all when None)."""
        def asked(edit) -> bool:
            return fields is None or edit in fields

        if asked(self.username) and not self.username.text().strip():
            return self.tr("Choose a user name.")
        if asked(self.password) and len(self.password.text()) < password_minimum():
            return self.tr("The password needs at least %d characters.") % password_minimum()
        if asked(self.again) and self.password.text() != self.again.text():
            return self.tr("The two passwords are not the same.")
        return ""

    def _touched(self, edit: QLineEdit) -> None:
        self.touched.add(edit)
        self._validate()

    def _validate(self) -> None:
        """Create account waits for a full answer; the message speaks only of fields already touched."""
        self.ok_button.setEnabled(not self.problems())
        self.message.setText(self.problems(self.touched))

    def submit(self) -> None:
        problem = self.problems()
        if problem:
            self.message.setText(problem)
            return
        store = self._open_store()  # first: the services load on the store's thread, behind "Checking the store…"
        if store is None:
            return
        from liaison_app.domain.validation import ValidationError  # here, not at the top, for start-up speed
        from liaison_app.services import officers
        from liaison_app.services.officers import SignInError

        try:
            officers.create_officer(store, self.username.text(), self.display_name.text(), "admin",
                                    self.password.text())
            officers.sign_in(store, self.username.text(), self.password.text())
        except (ValidationError, SignInError) as exc:
            self.message.setText(str(exc))
            return
        self.accept()


class SignInDialog(_Dialog):
    """Sign in with user name and password; backs off after repeated failures."""

    def __init__(self, store, parent=None):
        """`store`: the open store, or a PendingStore still opening (see the module's note)."""
        super().__init__(self.tr("Sign in to Liaison"), self.tr("Sign in"), parent)
        self.wait_for(store, expects_accounts=True)
        self.intro.setText(self.tr("Sign in with your Liaison user name and password."))
        self.username = _line(self, self.tr("User name"))
        self.password = _line(self, self.tr("Password"), password=True)
        self.add_fields(((self.tr("&User name:"), self.username), (self.tr("&Password:"), self.password)))
        self._wait = 0
        self._base_message = ""
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def submit(self) -> None:
        if self._wait:
            return
        store = self._open_store()  # first: the services load on the store's thread, behind "Checking the store…"
        if store is None:
            return
        from liaison_app.services import officers  # here, not at the top, for start-up speed
        from liaison_app.services.officers import SignInError

        try:
            officers.sign_in(store, self.username.text(), self.password.text())
        except SignInError as exc:
            self.password.clear()
            self.password.setFocus()
            self.message.setText(str(exc) if not exc.retry_after else officers.sign_in_failed_message())
            self._base_message = officers.sign_in_failed_message()
            if exc.retry_after:
                self._start_wait(exc.retry_after)
            return
        self.accept()

    def _start_wait(self, seconds: int) -> None:
        self._wait = seconds
        self.ok_button.setEnabled(False)
        self._show_wait()
        self._countdown.start()

    def _show_wait(self) -> None:
        self.message.setText(self.tr("%s Too many attempts: wait %d seconds before trying again.")
                             % (self._base_message, self._wait))

    def _tick(self) -> None:
        self._wait = max(0, self._wait - 1)
        if self._wait:
            self._show_wait()
            return
        self._countdown.stop()
        self.ok_button.setEnabled(True)
        self.message.setText(self.tr("You can try again now."))


def ensure_signed_in(store, parent=None) -> bool:
    """Make sure an officer is signed in: first start makes the first admin, later starts ask to sign in.

    Returns False if the officer cancelled (the app should then close)."""
    from liaison_app.services import officers  # here, not at the top, for start-up speed

    if store.actor_id:
        return True
    dialog = SetupDialog(store, parent) if not officers.has_accounts(store) else SignInDialog(store, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
