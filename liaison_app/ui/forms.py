"""Reusable form dialogs: fields built by small helpers, a message under each field, Save only when valid.

A form subclasses `FormDialog`, adds its fields in `__init__` with `add_line`, `add_text`, `add_date`,
`add_datetime`, `add_combo` and `add_checkbox`, then calls `ready()`. It overrides:

- `validate() -> {field_name: message}`: run on every change; Save stays disabled while it returns anything.
  A missing required value is recorded with `self.required(errors, name, message)`: it keeps Save disabled
  from the start, but its message shows only once the field was touched or Save was tried, so an empty
  form does not greet the officer with red text.
- `save()`: calls a service and returns what it made (kept in `result_value`). A `ValidationError` with a
  field shows under that field; a stale record or any other failure shows a calm message and keeps what
  was typed.

Ctrl+S saves; Esc or closing with unsaved changes asks first (Discard / Cancel).
"""
from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Iterable

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget,
)

from liaison_app.domain.validation import ValidationError
from liaison_app.services.records import StaleRecord
from liaison_app.ui.form_area import FormArea
from liaison_app.ui.widgets import DateEdit

log = logging.getLogger(__name__)

NO_DATE = QDate(1900, 1, 1)  # shown as "No date" in optional date fields
NO_MESSAGE = "\u200b"  # an empty line under a field: laid out like a message, so one appearing moves nothing


@dataclass
class FormField:
    name: str
    widget: QWidget
    row: QHBoxLayout
    column: QVBoxLayout
    error: QLabel
    getter: Callable[[], Any]
    setter: Callable[[Any], None]


def plain(label: str) -> str:
    """A label without its mnemonic '&' and trailing colon, for accessible names."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


def reserve_line(label: QLabel) -> None:
    """Keep one line of room for `label` while it is hidden, so showing a message does not move what is below."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.setMinimumHeight(label.fontMetrics().lineSpacing())


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a tick box says whether there is a date."""

    changed = Signal()

    def __init__(self, label: str, value: date | None, default: date | None = None, parent=None, *,
                 blank: bool = False):
        super().__init__(parent)
        self._default = default or date.today()
        self._blank = blank  # ticking leaves the date to choose ("Choose a date") instead of giving one
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(self)
        self.check.setAccessibleName(self.tr("Give a date for %s") % label)
        self.check.setToolTip(self.tr("Tick to give a date; untick for none"))
        self.edit = DateEdit(parent=self)
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText(self.tr("Choose a date") if blank else self.tr("No date"))
        self.edit.setAccessibleName(label)
        lay.addWidget(self.check)
        lay.addWidget(self.edit, 1)
        self.set_value(value)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.edit.setDate(to_qdate(self._default) if on and not self._blank else NO_DATE)
        if on:
            self.edit.setFocus()
        self.changed.emit()

    def set_default(self, value: date) -> None:
        """The date given when the box is ticked."""
        self._default = value

    def is_incomplete(self) -> bool:
        """Ticked, but no date chosen yet."""
        return self.check.isChecked() and self.edit.date() == NO_DATE

    def value(self) -> date | None:
        if not self.check.isChecked() or self.edit.date() == NO_DATE:
            return None
        return self.edit.date().toPython()

    def set_value(self, value: date | None) -> None:
        self.check.blockSignals(True)
        self.check.setChecked(value is not None)
        self.check.blockSignals(False)
        self.edit.setEnabled(value is not None)
        self.edit.setDate(to_qdate(value))
        self.changed.emit()


class FormDialog(QDialog):
    """Base of every form. See the module docstring."""

    field_changed = Signal(str)

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, FormField] = {}
        self.result_value: Any = None
        self._snapshot: dict[str, Any] | None = None
        self._server_errors: dict[str, str] = {}
        self._ready = False
        self.touched: set[str] = set()
        self.field_changed.connect(self.touched.add)
        outer = QVBoxLayout(self)
        self.form_area = FormArea(self)  # scrolls when the screen is too short, so the buttons stay in view
        self.form = QFormLayout(self.form_area.widget())
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addWidget(self.form_area, 1)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a1c1c;")
        reserve_line(self.message)  # nor does one above the buttons move Save away from the pointer
        self.message.hide()
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.try_save)

    # ----- hooks for subclasses
    def validate(self) -> dict[str, str]:
        return {}

    def save(self) -> Any:
        raise NotImplementedError

    def required(self, errors: dict[str, str], name: str, message: str) -> None:
        """Record that `name` is missing; the message shows once the field was touched (or Save tried)."""
        errors[name] = message if name in self.touched else ""

    def require(self, errors: dict[str, str], messages: dict[str, str]) -> None:
        """`required` for each field of `messages` (name → message) left empty, in that order."""
        for name, message in messages.items():
            if not self.value(name):
                self.required(errors, name, message)

    def on_field_changed(self, name: str) -> None:
        """Called after any field changes (before validation); e.g. a kind pre-fills an instruction."""

    # ----- building
    def _add(self, name: str, label: str, widget: QWidget, getter, setter, signal) -> QWidget:
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(widget, 1)
        col.addLayout(row)
        error = QLabel(box)
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setStyleSheet("color: #8a1c1c;")
        error.setText(NO_MESSAGE)
        reserve_line(error)  # a message appearing under a field does not push the form under the cursor
        col.addWidget(error)
        if not isinstance(widget, (QCheckBox, OptionalDateEdit)):
            widget.setAccessibleName(plain(label))
        self.form.addRow(label, box)
        lab = self.form.labelForField(box)
        if isinstance(lab, QLabel):
            lab.setBuddy(widget.edit if isinstance(widget, OptionalDateEdit) else widget)
        self.fields[name] = FormField(name, widget, row, col, error, getter, setter)
        signal.connect(lambda *_a, n=name: self._changed(n))
        return widget

    def add_line(self, name: str, label: str, value: str = "", placeholder: str = "") -> QLineEdit:
        w = QLineEdit(value or "", self)
        w.setPlaceholderText(placeholder)
        return self._add(name, label, w, lambda: w.text().strip(), lambda v: w.setText(v or ""), w.textChanged)

    def add_text(self, name: str, label: str, value: str = "", placeholder: str = "") -> QPlainTextEdit:
        w = QPlainTextEdit(value or "", self)
        w.setPlaceholderText(placeholder)
        w.setTabChangesFocus(True)
        lines = max(3, min(6, (value or "").count("\n") + 2))
        spacing = w.fontMetrics().lineSpacing()  # heights in lines of text, so they follow font and scaling
        w.setMinimumHeight(spacing * lines + 12)
        w.setMaximumHeight(spacing * (lines + 3) + 12)
        return self._add(name, label, w, lambda: w.toPlainText().strip(), lambda v: w.setPlainText(v or ""),
                         w.textChanged)

    def add_date(self, name: str, label: str, value: date | None = None, *, optional: bool = False,
                 default: date | None = None, blank: bool = False) -> QWidget:
        if optional:
            w = OptionalDateEdit(plain(label), value, default, self, blank=blank)
            return self._add(name, label, w, w.value, w.set_value, w.changed)
        w = DateEdit(to_qdate(value or date.today()), self)
        return self._add(name, label, w, lambda: w.date().toPython(),
                         lambda v: w.setDate(to_qdate(v or date.today())), w.dateChanged)

    def add_datetime(self, name: str, label: str, value: datetime | None = None) -> QDateTimeEdit:
        w = QDateTimeEdit(to_qdatetime(value or datetime.now()), self)
        w.setCalendarPopup(True)
        w.setDisplayFormat("dd/MM/yyyy HH:mm")

        def getter() -> datetime:
            d = w.dateTime()
            return datetime.combine(d.date().toPython(), d.time().toPython().replace(second=0, microsecond=0))

        return self._add(name, label, w, getter, lambda v: w.setDateTime(to_qdatetime(v or datetime.now())),
                         w.dateTimeChanged)

    def add_combo(self, name: str, label: str, items: Iterable[tuple[str, str]] | Any,
                  value: str | None = None, *, blank: str | None = None) -> QComboBox:
        """`items` is a catalogue (anything with `.kinds`) or (code, label) pairs; `blank` adds an empty choice."""
        pairs = [(k.code, k.label) for k in items.kinds] if hasattr(items, "kinds") else list(items)
        w = QComboBox(self)
        if blank is not None:
            w.addItem(blank, "")
        for code, text in pairs:
            w.addItem(text, code)

        def setter(v: str | None) -> None:
            i = w.findData(v if v is not None else "")
            if i < 0 and v:  # a code no longer in the catalogue: keep it, shown as is
                w.addItem(v, v)
                i = w.count() - 1
            w.setCurrentIndex(max(i, 0))

        setter(value)
        return self._add(name, label, w, lambda: w.currentData() or "", setter, w.currentIndexChanged)

    def add_checkbox(self, name: str, label: str, checked: bool = False, text: str = "") -> QCheckBox:
        w = QCheckBox(text or label.rstrip(":"), self)
        w.setChecked(bool(checked))
        w.setAccessibleName(plain(text or label))
        return self._add(name, "" if text == "" else label, w, w.isChecked, lambda v: w.setChecked(bool(v)),
                         w.toggled)

    def mark_private(self, name: str) -> QLabel:
        """Show "Private — never printed" under a field whose value never reaches a briefing."""
        f = self.fields[name]
        tag = QLabel(self.tr("Private — never printed"), self)
        tag.setObjectName("privateTag")
        tag.setStyleSheet("color: #5b3a8a; font-style: italic;")
        f.column.insertWidget(1, tag)
        f.widget.setAccessibleDescription(self.tr("Private: never printed on a briefing"))
        return tag

    def ready(self) -> None:
        """Call at the end of a subclass's __init__: remembers the starting values and validates."""
        self._snapshot = self.values()
        self._ready = True
        self.refresh_validation()
        self._cursor_to_first_field()

    def _cursor_to_first_field(self) -> None:
        """The form opens with the cursor in its first field, and Tab ends on Save, then Cancel — never
        the other way round, which lost what a person typed first."""
        widgets = [f.widget.check if isinstance(f.widget, OptionalDateEdit) else f.widget
                   for f in self.fields.values()]
        usable = [w for w in widgets if w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        if not usable:
            return
        usable[0].setFocus(Qt.FocusReason.OtherFocusReason)
        last = self.fields[list(self.fields)[-1]].widget
        last = last.edit if isinstance(last, OptionalDateEdit) else last
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        QWidget.setTabOrder(last, self.save_button)
        if cancel is not None:
            QWidget.setTabOrder(self.save_button, cancel)

    # ----- values
    def value(self, name: str) -> Any:
        return self.fields[name].getter()

    def set_value(self, name: str, value: Any) -> None:
        self.fields[name].setter(value)

    def values(self) -> dict[str, Any]:
        return {n: f.getter() for n, f in self.fields.items()}

    def is_dirty(self) -> bool:
        return self._snapshot is not None and self.values() != self._snapshot

    def errors(self) -> dict[str, str]:
        return {**self.validate(), **self._server_errors}

    # ----- behaviour
    def _changed(self, name: str) -> None:
        if not self._ready:
            return
        self._server_errors.clear()
        self.on_field_changed(name)
        self.field_changed.emit(name)
        self.refresh_validation()

    def refresh_validation(self) -> dict[str, str]:
        errors = self.errors()
        for n, f in self.fields.items():
            msg = errors.get(n, "")
            f.error.setText(msg or NO_MESSAGE)
            f.error.setVisible(True)  # always there, one line high: a message never moves the fields below
            if msg:
                f.widget.setAccessibleDescription(msg)
        general = [m for n, m in errors.items() if n not in self.fields]
        self.show_message(" ".join(general))
        self.save_button.setEnabled(not errors)
        return errors

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def field_error(self, name: str) -> str:
        return self.fields[name].error.text().strip(NO_MESSAGE) if name in self.fields else ""

    def try_save(self) -> bool:
        self.touched.update(self.fields)
        self.refresh_validation()
        if not self.save_button.isEnabled() or self.refresh_validation():
            return False
        try:
            self.result_value = self.save()
        except ValidationError as exc:
            self._server_errors[exc.field if exc.field in self.fields else "_form"] = str(exc)
            self.refresh_validation()
            return False
        except StaleRecord as exc:
            self.show_message(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - keep what was typed, say so calmly, log without values
            log.error("Saving %s failed: %s%s", type(self).__name__, type(exc).__name__,
                      "".join(f"\n  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(exc.__traceback__)))
            self.show_message(self.tr("This could not be saved (%s). What you typed is still here; "
                                      "try again, and if it keeps happening tell your administrator.")
                              % type(exc).__name__)
            return False
        self._snapshot = self.values()
        self.accept()
        return True

    def reject(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("You have unsaved changes. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
