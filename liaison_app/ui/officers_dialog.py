"""Officer accounts (administrators): add an officer, reset a password, switch an account off or on.
Any officer can change their own password from `ChangePasswordForm`."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from liaison_app.domain.enums import Role
from liaison_app.services import officers
from liaison_app.services.officers import NotAllowed, password_minimum
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.row_models import Column, RowTableModel
from liaison_app.ui.i18n import tr
from liaison_app.ui.widgets import row_table

ROLE_LABELS = {Role.OFFICER.value: "Officer", Role.SAFEGUARDING_LEAD.value: "Safeguarding lead",
               Role.ADMIN.value: "Administrator"}


def _password_errors(form: FormDialog, first: str, second: str) -> dict[str, str]:
    errors = {}
    if len(form.value(first)) < password_minimum():
        form.required(errors, first, form.tr("At least %d characters.") % password_minimum())
    elif form.value(first) != form.value(second):
        form.required(errors, second, form.tr("The two passwords are not the same."))
    return errors


def _password_field(form: FormDialog, name: str, label: str) -> None:
    edit = form.add_line(name, label)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    form.fields[name].getter = edit.text  # passwords are taken exactly as typed


class AddOfficerForm(FormDialog):
    def __init__(self, store, parent=None):
        super().__init__(self.tr("Add an officer"), parent)
        self.store = store
        self.add_line("username", self.tr("User name:"))
        self.add_line("display_name", self.tr("Name:"))
        self.add_combo("role", self.tr("Role:"), [(k, self.tr(v)) for k, v in ROLE_LABELS.items()], "officer")
        _password_field(self, "password", self.tr("First password:"))
        _password_field(self, "again", self.tr("Password again:"))
        self.ready()

    def validate(self) -> dict[str, str]:
        errors = _password_errors(self, "password", "again")
        if not self.value("username"):
            self.required(errors, "username", self.tr("Choose a user name."))
        return errors

    def save(self):
        v = self.values()
        return officers.create_officer(self.store, v["username"], v["display_name"], v["role"], v["password"])


class ResetPasswordForm(FormDialog):
    def __init__(self, store, officer_id: str, username: str, parent=None):
        super().__init__(self.tr("New password for %s") % username, parent)
        self.store, self.officer_id = store, officer_id
        _password_field(self, "password", self.tr("New password:"))
        _password_field(self, "again", self.tr("Password again:"))
        self.ready()

    def validate(self) -> dict[str, str]:
        return _password_errors(self, "password", "again")

    def save(self):
        officers.admin_reset_password(self.store, self.officer_id, self.value("password"))
        return True


class ChangePasswordForm(FormDialog):
    """The signed-in officer changes their own password."""

    def __init__(self, store, parent=None):
        super().__init__(self.tr("Change my password"), parent)
        self.store = store
        _password_field(self, "old_password", self.tr("Current password:"))
        _password_field(self, "new_password", self.tr("New password:"))
        _password_field(self, "again", self.tr("New password again:"))
        self.ready()

    def validate(self) -> dict[str, str]:
        return _password_errors(self, "new_password", "again")

    def save(self):
        officers.change_password(self.store, self.value("old_password"), self.value("new_password"))
        return True


def officer_model(parent=None) -> RowTableModel:
    """Officer accounts: user name, name, role and whether the account is on."""
    return RowTableModel((
        Column(tr("OfficerModel", "User name"), lambda o: o.username),
        Column(tr("OfficerModel", "Name"), lambda o: o.display_name),
        Column(tr("OfficerModel", "Role"), lambda o: tr("OfficerModel", ROLE_LABELS.get(o.role, o.role))),
        Column(tr("OfficerModel", "Account"),
               lambda o: tr("OfficerModel", "On") if o.active else tr("OfficerModel", "Switched off")),
    ), parent=parent)


class OfficersDialog(QDialog):
    """`OfficersDialog(store, parent=None)`: administrators manage accounts; `refresh()` re-reads."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Officers"))
        lay = QVBoxLayout(self)
        self.model = officer_model(self)
        self.table = row_table(self.model, self.tr("Officers"), self)
        lay.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add officer…"), self)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.active_button = QPushButton(self.tr("Switch off / on"), self)
        for button, slot in ((self.add_button, self.add_officer), (self.reset_button, self.reset_password),
                             (self.active_button, self.toggle_active)):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        admin = store.actor_role == Role.ADMIN.value and bool(store.actor_id)
        for button in (self.add_button, self.reset_button, self.active_button):
            button.setEnabled(admin)
        if not admin:
            self.status.setText(self.tr("Only administrators can manage officers."))
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(officers.list_officers(self.store))
        self.fit_columns()

    def showEvent(self, event) -> None:  # widths are right only once the style is applied
        super().showEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column wide enough for its longest value and heading; the dialog wide enough for them all
        (up to a 1024-pixel screen)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        needed = sum(header.sectionSize(c) for c in range(self.model.columnCount()))
        frame = (self.table.verticalHeader().sizeHint().width() + 2 * self.table.frameWidth()
                 + self.table.verticalScrollBar().sizeHint().width() + 8)
        margins = self.layout().contentsMargins()
        self.setMinimumWidth(min(1000, needed + frame + margins.left() + margins.right()))

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def add_officer(self) -> None:
        if AddOfficerForm(self.store, self).exec():
            self.refresh()

    def reset_password(self) -> None:
        officer = self.selected()
        if officer is not None:
            ResetPasswordForm(self.store, officer.id, officer.username, self).exec()

    def toggle_active(self) -> None:
        officer = self.selected()
        if officer is None:
            return
        try:
            officers.set_active(self.store, officer.id, not officer.active)
        except (NotAllowed, ValueError) as exc:
            self.status.setText(str(exc))
        self.refresh()
