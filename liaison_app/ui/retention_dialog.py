"""Records past retention: tenancies that ended longer ago than the landlord keeps records.

Shows each tenancy's reference and end date (no names). Open (Enter or double-click) goes to the
tenant record, where an administrator can export and then erase it. The note says how long backups can
still hold an erased record.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from liaison_app.domain.text import plural
from liaison_app.services import erasure, settings
from liaison_app.ui.tenant_admin_actions import backups_note
from liaison_app.ui.widgets import muted


class RetentionDialog(QDialog):
    """Signal open_tenant(tenant_id) when the officer opens one of the listed tenancies."""

    open_tenant = Signal(str)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Records past retention"))
        self.rows = erasure.records_past_retention(store)
        lay = QVBoxLayout(self)
        years = settings.get_setting(store, "retention_years") or "6"
        self.summary = QLabel(self._summary(years), self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = self._build_table()
        lay.addWidget(self.table, 1)
        self.note = muted(self.tr("Open one (Enter or double-click) to see the record; an administrator can "
                                  "export everything held and then erase it there.") + " "
                          + backups_note(erasure.backup_keep_days(store)), self)
        lay.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close,
                                   self)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setEnabled(bool(self.rows))
        self.open_button.clicked.connect(self.open_selected)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(520, 380)

    def _summary(self, years: str) -> str:
        if not self.rows:
            return self.tr("No tenancy ended more than %s ago: nothing is past retention.") % plural(int(years), self.tr("year"))
        return self.tr("%s ended more than %s ago.") % (plural(len(self.rows), self.tr("tenancy"), self.tr("tenancies")),
                                                 plural(int(years), self.tr("year")))

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(len(self.rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Tenancy reference"), self.tr("Tenancy ended")])
        table.setAccessibleName(self.tr("Tenancies past retention"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i, row in enumerate(self.rows):
            ref = QTableWidgetItem(row.tenancy_ref)
            ref.setData(Qt.ItemDataRole.UserRole, row.tenant_id)
            table.setItem(i, 0, ref)
            table.setItem(i, 1, QTableWidgetItem(f"{row.tenancy_end.day} {row.tenancy_end:%b %Y}"))
        if self.rows:
            table.selectRow(0)
        table.doubleClicked.connect(lambda _index: self.open_selected())
        return table

    def refs(self) -> list[str]:
        return [self.table.item(i, 0).text() for i in range(self.table.rowCount())]

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.open_tenant.emit(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        self.accept()
