"""The audit trail viewer (administrators only): read-only, newest first, fetched a page at a time,
filtered by officer, action, date range and record (an id or a record type)."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout)

from liaison_app.domain.text import plural
from liaison_app.services import audit as audit_service
from liaison_app.services import officers
from liaison_app.services.audit import AuditFilter
from liaison_app.services.audit_words import action_words, local_time, record_kinds, record_words
from liaison_app.services.officers import NotAllowed
from liaison_app.ui.forms import OptionalDateEdit
from liaison_app.ui.row_models import Column, RowTableModel
from liaison_app.ui.i18n import tr
from liaison_app.ui.widgets import row_table

PAGE = 200


class AuditModel(RowTableModel):
    """Audit events, newest first; more rows are fetched as the view scrolls. Shown in words: local times,
    what was done and to what kind of record, and the officer's name (the codes stay in the trail)."""

    def __init__(self, store, parent=None, page_size: int = PAGE):
        self.names: dict[str, str] = {}
        columns = (
            Column(tr("AuditModel", "#"), lambda e: e.seq),
            Column(tr("AuditModel", "When"), lambda e: f"{local_time(e.at):%d/%m/%Y %H:%M:%S}",
                   tooltip=lambda e: tr("AuditModel", "%s UTC") % f"{e.at:%d/%m/%Y %H:%M:%S}"),
            Column(tr("AuditModel", "By"), lambda e: self.names.get(e.officer, e.officer),
                   tooltip=lambda e: tr("AuditModel", "User name: %s") % e.officer),
            Column(tr("AuditModel", "Action"), lambda e: tr("audit_words", action_words(e.action))),
            Column(tr("AuditModel", "Record"), lambda e: tr("audit_words", record_words(e.record_type))
                   if e.record_type else "",
                   tooltip=lambda e: tr("AuditModel", "Record id: %s") % e.record_id if e.record_id else ""),
            Column(tr("AuditModel", "Fields"), lambda e: e.fields.replace(",", ", ").replace("_", " ")),
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
        self.table = row_table(self.model, self.tr("Audit events"), self, read_only=True)
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
        self.record.setPlaceholderText(self.tr("a kind of record, e.g. Tenant, or a record id"))
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
        people = officers.list_officers(self.store)
        self.model.names = {o.username: o.display_name or o.username for o in people}
        for combo, items in ((self.officer, [(o.username, o.display_name or o.username) for o in people]),
                             (self.action, [(code, self.tr(action_words(code)))
                                            for code in audit_service.audit_actions(self.store)])):
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("Anyone") if combo is self.officer else self.tr("Any"), "")
            for code, words in items:
                combo.addItem(words, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def _record_filter(self) -> str:
        """A record id, or a kind of record in words ("Access attempt") or as its code."""
        text = self.record.text().strip()
        by_words = {words.casefold(): code for code, words in record_kinds().items()}
        return by_words.get(text.casefold(), text)

    def current_filters(self) -> AuditFilter:
        return AuditFilter(officer=self.officer.currentData() or "", action=self.action.currentData() or "",
                           record=self._record_filter(), date_from=self.date_from.value(),
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
            self.status.setText(self.tr("The audit trail is intact (%s).") % plural(report.events, self.tr("event")))
        else:
            self.status.setText(self.tr("The audit trail has been altered at event %d: %s.")
                                % (report.first_bad_seq, report.problem))
