"""Settings: what the landlord prints on every briefing, and how the app keeps data safe.

Drawn from the settings registry (services.settings.SETTINGS): one row per setting, its label, help,
bounds and who may change it from its spec, so a new setting appears by adding one spec. Save is enabled
only when something changed and everything is valid; values go through services.settings.

Only an administrator changes settings (they reach every briefing or guard the data); anyone else sees
them read-only, switched off, with a note saying why.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liaison_app.domain.validation import ValidationError
from liaison_app.services import settings
from liaison_app.services.catalogues import conduct_points
from liaison_app.services.permissions import NotAllowed
from liaison_app.ui.i18n import tr
from liaison_app.ui.letter_wording import LetterWordingDialog
from liaison_app.ui.retention_dialog import RetentionDialog
from liaison_app.ui.widgets import SectionHeader, muted

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def logo_error(path: str) -> str:
    if not path:
        return ""
    p = Path(path)
    if p.suffix.lower() not in LOGO_SUFFIXES:
        return tr("SettingsPage", "The logo must be a PNG or JPG picture.")
    if not p.is_file():
        return tr("SettingsPage", "There is no file at this place any more; choose the logo again.")
    if QPixmap(str(p)).isNull():
        return tr("SettingsPage", "This file is not a picture Liaison can read.")
    return ""


def unit_text(unit: str, n: int) -> str:
    """A unit after a number: " minutes idle" stays plural except after 1 (" minute idle")."""
    if n != 1:
        return unit
    first, _, rest = unit.strip().partition(" ")
    single = first[:-1] if first.endswith("s") else first
    return " " + " ".join(p for p in (single, rest) if p)


class SettingsPage(QWidget):
    """The landlord's settings. Signal `saved` after a save."""

    saved = Signal()
    open_tenant = Signal(str)
    open_job = Signal(str)

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._loaded: dict[str, str] = {}
        outer = QVBoxLayout(self)
        outer.addWidget(SectionHeader(self.tr("Settings"), self, scale=1.5))
        self.read_only_note = muted(self.tr("Only an administrator can change these settings: they are printed "
                                            "on every briefing or keep tenants' information safe."), self)
        self.read_only_note.setWordWrap(True)
        outer.addWidget(self.read_only_note)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._build_form())
        scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        outer.addLayout(self._build_buttons())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.refresh()

    # ----- building
    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget, hint: str = "",
             extra: QWidget | None = None) -> None:
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        line.addWidget(widget, 0 if isinstance(widget, QSpinBox) else 1)
        if extra is not None:
            line.addWidget(extra)
        if isinstance(widget, QSpinBox):
            line.addStretch(1)
        col.addLayout(line)
        if hint:
            col.addWidget(muted(hint, box))
        error = QLabel(box)
        error.setStyleSheet("color: #8a1c1c;")
        error.setWordWrap(True)
        error.hide()
        col.addWidget(error)
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        form.addRow(label, box)
        buddy = form.labelForField(box)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        self.inputs[key] = widget
        self.errors[key] = error
        signal = widget.textChanged if isinstance(widget, (QLineEdit, QPlainTextEdit)) else widget.valueChanged
        signal.connect(lambda *_a: self.validate())

    def _text(self, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * (lines + 2) + 12)
        return edit

    def _spin(self, low: int, high: int, suffix: str) -> QSpinBox:
        """A number with its unit after it, singular for 1 ("1 minute idle", "15 minutes idle")."""
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.valueChanged.connect(lambda n: spin.setSuffix(unit_text(suffix, n)))
        spin.setSuffix(unit_text(suffix, spin.value()))
        return spin

    def _build_form(self) -> QWidget:
        body = QWidget(self)
        body.setMaximumWidth(900)  # lines of settings text stay readable on a wide screen
        column = QVBoxLayout(body)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # spare height goes below the form, not between its rows
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in settings.setting_specs():
            field = self._field(spec)
            extra = self._logo_buttons() if spec.type == "logo" else None
            self._row(form, spec.key, self.tr(spec.label), field, self.tr(spec.help) if spec.help else "",
                      extra=extra)
        return body

    def _field(self, spec: settings.SettingSpec) -> QWidget:
        """The input for one setting, by its type in the registry."""
        if spec.type == "logo":
            return self._build_logo()
        if spec.type == "number":
            return self._spin(*spec.bounds, self.tr(spec.unit))
        if spec.type == "text":
            edit = self._text(spec.lines)
            if spec.key == "conduct_reminders":  # empty means the code's own wording: show it
                edit.setPlaceholderText("\n".join(k.instruction for k in conduct_points().kinds))
            return edit
        return QLineEdit(self)

    def _build_logo(self) -> QLineEdit:
        self.logo_path = QLineEdit(self)
        self.logo_path.setPlaceholderText(self.tr("No logo: the landlord name is printed alone"))
        self.logo_preview = QLabel(self)
        self.logo_preview.setFixedSize(120, 48)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setAccessibleName(self.tr("Logo preview"))
        self.logo_path.textChanged.connect(self._show_logo)
        return self.logo_path

    def _logo_buttons(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        choose = QPushButton(self.tr("Choose &picture…"), box)
        choose.setAccessibleName(self.tr("Choose the logo file"))
        choose.clicked.connect(self.choose_logo)
        clear = QPushButton(self.tr("No logo"), box)
        clear.clicked.connect(lambda: self.logo_path.setText(""))
        self.logo_buttons = (choose, clear)
        row.addWidget(self.logo_preview)
        row.addWidget(choose)
        row.addWidget(clear)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = muted("", self)
        self.retention_button = QPushButton(self.tr("&Records past retention…"), self)
        self.retention_button.setToolTip(self.tr("Tenancies that ended longer ago than records are kept"))
        self.retention_button.clicked.connect(self.show_retention)
        self.wording_button = QPushButton(self.tr("Letter &wording…"), self)  # administrators only
        self.wording_button.setToolTip(self.tr("Change the wording of the letters to tenants"))
        self.wording_button.clicked.connect(self.show_letter_wording)
        self.revert_button = QPushButton(self.tr("&Undo changes"), self)
        self.revert_button.clicked.connect(self.refresh)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.status, 1)
        row.addWidget(self.wording_button)
        row.addWidget(self.retention_button)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        return row

    # ----- values
    def value(self, key: str) -> str:
        w = self.inputs[key]
        if isinstance(w, QPlainTextEdit):
            return "\n".join(line.rstrip() for line in w.toPlainText().strip().splitlines())
        if isinstance(w, QSpinBox):
            return str(w.value())
        return w.text().strip()

    def set_value(self, key: str, value: str) -> None:
        w = self.inputs[key]
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(value)
        elif isinstance(w, QSpinBox):
            w.setValue(int(value) if value.isdigit() else w.minimum())
        else:
            w.setText(value)

    def values(self) -> dict[str, str]:
        return {k: self.value(k) for k in self.inputs}

    def has_unsaved_changes(self) -> bool:
        return self.values() != self._loaded

    def refresh(self) -> None:
        stored = settings.all_settings(self.store)
        for key in self.inputs:
            self.set_value(key, stored.get(key, ""))
        self._loaded = self.values()
        self.status.setText("")
        self._apply_access()
        self.validate()

    @property
    def editable(self) -> bool:
        return settings.may_change_settings(self.store)

    def _apply_access(self) -> None:
        """Admins edit; anyone else sees the values switched off, with the note saying why."""
        editable = self.editable
        for key, widget in self.inputs.items():
            widget.setEnabled(editable or not settings.is_admin_only(key))
        for button in self.logo_buttons:
            button.setEnabled(editable)
        self.read_only_note.setVisible(not editable)
        self.wording_button.setVisible(editable)

    # ----- behaviour
    def _show_logo(self, path: str) -> None:
        pixmap = QPixmap(path) if path and not logo_error(path) else QPixmap()
        if pixmap.isNull():
            self.logo_preview.clear()
        else:
            self.logo_preview.setPixmap(pixmap.scaled(self.logo_preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))

    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the landlord's logo"),
                                                    self.value("landlord_logo"),
                                                    self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if path:
            self.logo_path.setText(path)

    def show_retention(self):
        """List the tenancies past retention (window-modal); opening one goes to its record."""
        dialog = RetentionDialog(self.store, self)
        self.retention_dialog = dialog
        dialog.open_tenant.connect(self.open_tenant)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def show_letter_wording(self):
        """Letter wording… (window-modal): an administrator changes a letter template (audited)."""
        dialog = LetterWordingDialog(self.store, self)
        self.wording_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def problems(self) -> dict[str, str]:
        found = {}
        for spec in settings.setting_specs():
            value = self.value(spec.key)
            if spec.required and not value:
                found[spec.key] = self.tr(spec.required)
            elif spec.type == "logo" and logo_error(value):
                found[spec.key] = logo_error(value)
            elif spec.type != "number" and len(value) > spec.bounds[1]:
                found[spec.key] = self.tr("Keep this to %d characters or fewer.") % spec.bounds[1]
        return found

    def validate(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        found = {**self.problems(), **(extra or {})}
        for key, label in self.errors.items():
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(self.editable and dirty and not found)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status.setText(self.tr("Unsaved changes."))
        return found

    def save(self) -> bool:
        if self.validate() or not self.has_unsaved_changes() or not self.editable:
            return False
        changed = {k: v for k, v in self.values().items() if v != self._loaded.get(k)}
        try:
            for key, value in changed.items():
                settings.set_setting(self.store, key, value)
        except ValidationError as exc:
            self.validate({exc.field or "landlord_name": str(exc)})
            return False
        except NotAllowed as exc:
            self.status.setText(str(exc))
            return False
        self.refresh()
        self.status.setText(self.tr("Settings saved."))
        if "auto_lock_minutes" in changed:  # takes effect now, not after a restart
            lock = getattr(self.window(), "_auto_lock", None)
            if lock is not None:
                lock.set_minutes(int(changed["auto_lock_minutes"]))
        self.saved.emit()
        return True

    def can_leave(self) -> bool:
        """Before another page is shown (or the window closes): unsaved changes are saved, dropped or kept."""
        if not self.has_unsaved_changes() or not self.editable:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved settings"), self.tr("You have changed settings without saving. Save them now?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.refresh()
            return True
        return False

    def can_close(self) -> bool:
        return self.can_leave()
