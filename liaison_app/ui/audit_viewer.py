"""The audit trail viewer (administrators only): read-only, newest first, fetched a page at a time,
filtered by officer, action, date range and record (an id or a record type)."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QGridLayout, QLabel, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout)

from liaison_app.services import audit as audit_service
from liaison_app.services import officers
from liaison_app.services.audit import AuditFilter
from liaison_app.services.officers import NotAllowed
from liaison_app.ui.forms import OptionalDateEdit
from liaison_app.ui.row_models import Column, RowTableModel
from liaison_app.ui.i18n import tr

PAGE = 200


class AuditModel(RowTableModel):
    """Audit events, newest first; more rows are fetched as the view scrolls."""

    def __init__(self, store, parent=None, page_size: int = PAGE):
        columns = (
            Column(tr("AuditModel", "#"), lambda e: e.seq),
            Column(tr("AuditModel", "When (UTC)"), lambda e: e.at.strftime("%d/%m/%Y %H:%M:%S")),
            Column(tr("AuditModel", "Officer"), lambda e: e.officer),
            Column(tr("AuditModel", "Action"), lambda e: e.action),
            Column(tr("AuditModel", "Record"), lambda e: e.record_type),
            Column(tr("AuditModel", "Record id"), lambda e: e.record_id),
            Column(tr("AuditModel", "Fields"), lambda e: e.fields.replace(",", ", ")),
            Column(tr("AuditModel", "Summary"), lambda e: e.summary),
        )
        super().__init__(columns, page_size=page_size, id_of=lambda e: str(e.seq), parent=parent)
        self.store = store
        self.filters = AuditFilter()

    def set_filters(self, filters: AuditFilter) -> None:
        self.filters = filters
        self.set_fetch(lambda offset, limit: audit_service.list_audit(self.store, filters, limit, offset))


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
