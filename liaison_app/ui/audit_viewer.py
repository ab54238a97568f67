"""The audit trail viewer (administrators only): read-only, newest first, fetched a page at a time,
filtered by officer, action, date range and record (an id or a record type)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QGridLayout, QLabel, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout)

from liaison_app.services import audit as audit_service
from liaison_app.services import officers
from liaison_app.services.audit import AuditFilter
from liaison_app.services.officers import NotAllowed
from liaison_app.ui.forms import OptionalDateEdit

PAGE = 200


class AuditModel(QAbstractTableModel):
    """Audit events; more rows are fetched as the view scrolls (canFetchMore / fetchMore)."""

    HEADERS = ("#", "When (UTC)", "Officer", "Action", "Record", "Record id", "Fields", "Summary")

    def __init__(self, store, parent=None, page_size: int = PAGE):
        super().__init__(parent)
        self.store, self.page_size = store, page_size
        self.filters = AuditFilter()
        self._rows: list = []
        self._more = False

    def set_filters(self, filters: AuditFilter) -> None:
        first = audit_service.list_audit(self.store, filters, self.page_size, 0)
        self.beginResetModel()
        self.filters, self._rows = filters, list(first)
        self._more = len(first) >= self.page_size
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 - Qt API
        if not self.canFetchMore(parent):
            return
        more = audit_service.list_audit(self.store, self.filters, self.page_size, len(self._rows))
        self._more = len(more) >= self.page_size
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self._rows[index.row()]
        values = (e.seq, e.at.strftime("%d/%m/%Y %H:%M:%S"), e.officer, e.action, e.record_type, e.record_id,
                  e.fields.replace(",", ", "), e.summary)
        return values[index.column()]

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # read-only


class AuditViewer(QDialog):
    """`AuditViewer(store, parent=None)`: open with show() or exec(); `refresh()` re-reads."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1000, 600)
        lay = QVBoxLayout(self)
        lay.addLayout(self._filter_row())
        self.model = AuditModel(store, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit events"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.refresh()

    def _filter_row(self) -> QGridLayout:
        grid = QGridLayout()
        self.officer = QComboBox(self)
        self.officer.setAccessibleName(self.tr("Officer"))
        self.action = QComboBox(self)
        self.action.setAccessibleName(self.tr("Action"))
        self.record = QLineEdit(self)
        self.record.setAccessibleName(self.tr("Record"))
        self.record.setPlaceholderText(self.tr("record id or type, e.g. tenant"))
        self.date_from = OptionalDateEdit(self.tr("From"), None, parent=self)
        self.date_to = OptionalDateEdit(self.tr("To"), None, parent=self)
        self.apply_button = QPushButton(self.tr("Show"), self)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        self.verify_button = QPushButton(self.tr("Check for tampering"), self)
        self.verify_button.clicked.connect(self.verify)
        for col, (label, widget) in enumerate(((self.tr("Officer"), self.officer), (self.tr("Action"), self.action),
                                               (self.tr("Record"), self.record), (self.tr("From"), self.date_from),
                                               (self.tr("To"), self.date_to))):
            grid.addWidget(QLabel(label, self), 0, col)
            grid.addWidget(widget, 1, col)
        grid.addWidget(self.apply_button, 1, 5)
        grid.addWidget(self.verify_button, 1, 6)
        return grid

    def _fill_choices(self) -> None:
        for combo, items in ((self.officer, [o.username for o in officers.list_officers(self.store)]),
                             (self.action, audit_service.audit_actions(self.store))):
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("Anyone") if combo is self.officer else self.tr("Any"), "")
            for item in items:
                combo.addItem(item, item)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def current_filters(self) -> AuditFilter:
        return AuditFilter(officer=self.officer.currentData() or "", action=self.action.currentData() or "",
                           record=self.record.text().strip(), date_from=self.date_from.value(),
                           date_to=self.date_to.value())

    def refresh(self) -> None:
        try:
            self._fill_choices()
            self.model.set_filters(self.current_filters())
        except NotAllowed:
            self.table.setEnabled(False)
            self.apply_button.setEnabled(False)
            self.verify_button.setEnabled(False)
            self.status.setText(self.tr("Only administrators can see the audit trail."))
            return
        self.status.setText("")

    def apply_filters(self) -> None:
        try:
            self.model.set_filters(self.current_filters())
        except NotAllowed as exc:
            self.status.setText(str(exc))

    def verify(self) -> None:
        report = audit_service.verify_chain(self.store)
        if report.ok:
            self.status.setText(self.tr("The audit trail is intact (%d events).") % report.events)
        else:
            self.status.setText(self.tr("The audit trail has been altered at event %d: %s.")
                                % (report.first_bad_seq, report.problem))
