"""What the tenant record's own tabs share: a list, Add… / Change… / End… / Undo, each with a shortcut.

A subclass names its columns, names the service read of its rows (run off the UI thread through
ui/workers.py `load`; the list says "Loading…" meanwhile and `loaded` follows), makes its form, and ends a record.
Forms open window-modal (`open()`, so the window stays alive and tests can drive them); after a save
the list reloads and `changed` is emitted. Undo puts back the last change or ending saved here.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QMessageBox, QToolButton, QVBoxLayout, QWidget

from liaison_app.domain.periods import has_ended
from liaison_app.services import records
from liaison_app.services.records import Change, StaleRecord
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel
from liaison_app.ui.actions import shortcut_action
from liaison_app.ui.undo_step import UndoStep, announce, confirm, step_for
from liaison_app.ui.widgets import muted
from liaison_app.ui.workers import forget_loads, load


def tool_button(parent: QWidget, action: QAction) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


def size_columns(table, chars: list[int]) -> None:
    """Widths in characters (so they follow the font and 150% scaling); a 0 column stretches."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    width = table.fontMetrics().averageCharWidth()
    padding = 2 * width  # the cell's margins, so "30/09/2026" in 10 characters is not cut to "30/09/2…"
    for column, n in enumerate(chars):
        if n:
            title = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
            table.setColumnWidth(column, max(n * width, header.fontMetrics().horizontalAdvance(title)) + padding)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class RecordTab(QWidget):
    """Base of the Wishes & adjustments, Safety warnings and Visits tabs."""

    changed = Signal()
    loaded = Signal()  # the rows of a read have arrived and are shown
    noun = "record"
    show_ended_text = ""
    printed_for_operatives = False  # undoing an add or an un-ending here takes a flag off briefings: ask first

    def __init__(self, store, tenant_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.tenant_id = tenant_id
        self.form: FormDialog | None = None
        self.last_change: Change | None = None
        self.undo_step: UndoStep | None = None  # the last change saved in this tab, said as Undo's text
        self.undo_change = self._undo_function()
        self.model = RowTableModel(self.columns(), parent=self)
        self.table = RecordTableView(self.model, self.list_name(), self)
        size_columns(self.table, self.column_chars())
        self.table.open_id.connect(lambda _id: self.change_selected())
        self.add_action = shortcut_action(self, self.tr("Add…"), self.add_new, "Ctrl+N")
        self.change_action = shortcut_action(self, self.tr("Change…"), self.change_selected, "F2")
        self.end_action = shortcut_action(self, self.tr("End…"), self.end_selected, "Ctrl+E")
        self.undo_action = shortcut_action(self, self.tr("Undo"), self.undo, "Ctrl+Z")
        self.show_ended = QCheckBox(self.show_ended_text or self.tr("Show ended"), self)
        self.show_ended.setAccessibleName(self.show_ended.text())
        self.show_ended.toggled.connect(lambda _on: self.refresh())
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._toolbar())
        self._layout.addWidget(self.table, 1)
        self.empty_label = muted("", self)
        self._layout.addWidget(self.empty_label)
        self.table.selectionModel().currentChanged.connect(lambda *_a: self.update_actions())
        self.refresh()

    # ----- for subclasses
    def columns(self) -> list[Column]:
        raise NotImplementedError

    def list_name(self) -> str:
        return self.noun

    def column_chars(self) -> list[int]:
        """Each column's width in characters; 0 stretches to fill what is left."""
        return [0] * len(self.columns())

    def read(self) -> tuple[Any, ...]:
        """The screen's read function and its arguments, `(fn, *args)`; called on the UI thread, `fn` runs off it."""
        raise NotImplementedError

    def rows_of(self, screen: Any) -> Sequence[Any]:
        """The list's rows in what the read returned (a subclass whose read returns more picks them out)."""
        return screen

    def new_form(self) -> FormDialog:
        raise NotImplementedError

    def change_form(self, row: Any) -> FormDialog:
        raise NotImplementedError

    def end_record(self, row: Any) -> Change:
        raise NotImplementedError

    def end_question(self, row: Any) -> str:
        return self.tr("End this %s from today? It stays in the history.") % self.noun

    def is_ended(self, row: Any) -> bool:
        return getattr(row, "end_date", None) is not None

    def empty_text(self) -> str:
        return self.tr("Nothing recorded yet. Add… (Ctrl+N) records one.")

    def _undo_function(self):
        return records.undo

    # ----- another tenant in the same record (ui/tenant_record.py keeps its tabs from tenant to tenant)
    def forget_tenant(self) -> None:
        """Show nothing of this tenant: no rows, no notice, nothing to undo, no read still to arrive."""
        forget_loads(self)
        self.last_change, self.undo_step = None, None
        self.notice.setText("")
        self.show_ended.blockSignals(True)
        self.show_ended.setChecked(False)  # as a newly built tab starts
        self.show_ended.blockSignals(False)
        self.model.set_rows([])
        self.empty_label.setText("")
        self.update_actions()

    def show_tenant(self, tenant_id: str) -> None:
        """Show `tenant_id`'s rows, as a tab newly built for them would (after `forget_tenant`)."""
        self.tenant_id = tenant_id
        self.refresh()

    # ----- behaviour
    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons = {}
        for action in (self.add_action, self.change_action, self.end_action, self.undo_action):
            self.buttons[action] = tool_button(self, action)
            row.addWidget(self.buttons[action])
        self.notice = muted("", self)  # e.g. "Ended — shown under Show ended" after a save hides the row
        self.notice.setObjectName("tabNotice")
        row.addWidget(self.notice, 1)
        row.addWidget(self.show_ended)
        return row

    def refresh(self) -> None:
        """Read the rows off the UI thread; the list keeps its rows and says "Loading…" until they arrive."""
        fn, *args = self.read()
        self.empty_label.setVisible(True)
        self.update_actions()  # Undo's state is known now; the rest follows the rows
        load(self, fn, *args, status=self.empty_label, on_done=self.show_screen)

    def show_screen(self, screen: Any) -> None:
        current = self.table.current_id()
        self.model.set_rows(self.rows_of(screen))
        self.table.select_id(current)
        self.empty_label.setText(self.empty_text() if not self.model.rowCount() else "")
        self.empty_label.setVisible(not self.model.rowCount())
        self.update_actions()
        self.loaded.emit()

    def update_actions(self) -> None:
        row = self.table.current_row()
        self.change_action.setEnabled(row is not None)
        self.end_action.setEnabled(row is not None and not self.is_ended(row))
        self.undo_action.setEnabled(self.last_change is not None)
        text = self.undo_step.menu_text if self.undo_step is not None else self.tr("Undo")
        self.undo_action.setText(text)
        self.undo_action.setIconText(text)

    def menu_actions(self) -> list[QAction]:
        return [self.add_action, self.change_action, self.end_action, self.undo_action]

    def _open_form(self, form: FormDialog) -> FormDialog:
        self.form = form
        form.accepted.connect(lambda f=form: self._saved(f.result_value))
        form.finished.connect(lambda _r, f=form: self._closed(f))
        form.open()
        return form

    def _closed(self, form: FormDialog) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def _say_if_ended(self, result: Any) -> None:
        """A saved or ended record that the list now hides says where it went, instead of vanishing."""
        after = result.after if isinstance(result, Change) else {"end_date": getattr(result, "end_date", None)}
        end = after.get("end_date")
        hidden = isinstance(end, date) and has_ended(end, date.today()) and not self.show_ended.isChecked()
        self.notice.setText(self.tr("Ended — shown under Show ended") if hidden else "")

    def _saved(self, result: Any) -> None:
        self._say_if_ended(result)
        self._remember(result, "change" if isinstance(result, Change) else "add")
        self.refresh()
        self.changed.emit()

    def add_new(self) -> FormDialog:
        return self._open_form(self.new_form())

    def change_selected(self) -> FormDialog | None:
        row = self.table.current_row()
        return self._open_form(self.change_form(row)) if row is not None else None

    def end_selected(self) -> bool:
        row = self.table.current_row()
        if row is None or self.is_ended(row):
            return False
        answer = QMessageBox.question(self, self.tr("End %s") % self.noun, self.end_question(row),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._run(lambda: self.end_record(row))

    def undo(self) -> bool:
        if self.last_change is None:
            return False
        step = self.undo_step
        if step is not None and not confirm(self, step):
            return False
        change, self.last_change, self.undo_step = self.last_change, None, None
        done = self._run(lambda: self.undo_change(self.store, change), keep=False)
        if done and step is not None:
            announce(self, self.tr("Undone: %s") % step.what)
        return done

    def _remember(self, result: Any, verb: str) -> None:
        """Keep the change just saved here as the one Undo acts on (an older one is forgotten)."""
        record_id = result.record_id if isinstance(result, Change) else getattr(result, "id", None)
        row = self.model.row_of_id(record_id) if record_id else -1
        shown = self.model.row_at(row) if row >= 0 else result
        try:
            label = str(self.columns()[0].value(shown) or "")
        except AttributeError:  # a record of another list (a follow-up marked done on the Visits tab)
            label = ""
        self.undo_step = step_for(result, verb, label, self.printed_for_operatives)
        self.last_change = self.undo_step.change if self.undo_step is not None else None
        if self.undo_step is not None:
            announce(self, self.tr("Saved. Ctrl+Z — %s") % self.undo_step.menu_text)

    def _run(self, work, keep: bool = True) -> bool:
        """Run a change; keep it for Undo; say calmly if it was refused."""
        try:
            change = work()
        except StaleRecord as exc:
            QMessageBox.information(self, self.tr("Not saved"), str(exc))
            self.refresh()
            return False
        if keep:
            self._remember(change, "end" if "end_date" in change.after else "change")
        self._say_if_ended(change)
        self.refresh()
        self.changed.emit()
        return True
