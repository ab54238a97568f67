"""Tenant record tab: the tenant's jobs with their status. Enter opens the job; Brief… previews its briefing."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from liaison_app.services import works
from liaison_app.ui.job_form import NewJobDialog
from liaison_app.ui.jobs_page import JobListActions, job_columns
from liaison_app.ui.row_models import RecordTableView, RowTableModel
from liaison_app.ui.widgets import button_row, muted

HIDDEN_HEADERS = ("Tenant", "Address")  # the tenant record already says who and where


class TenantJobsTab(JobListActions, QWidget):
    """Signals: open_job(job_id) on Enter / double-click / Open; `changed` after a new job is saved."""

    open_job = Signal(str)
    changed = Signal()

    def __init__(self, store, tenant_id: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.tenant_id = tenant_id
        columns = [c for c in job_columns() if c.header not in HIDDEN_HEADERS]
        self.model = RowTableModel(columns, page_size=200, parent=self)
        self.table = RecordTableView(self.model, self.tr("Jobs at this tenant's home"), self)
        self.table.open_id.connect(self.open_job)
        self.new_button = QPushButton(self.tr("&New job…"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.brief_button = QPushButton(self.tr("&Brief…"), self)
        self.brief_button.setToolTip(self.tr("Preview and print the selected job's briefing"))
        self.new_button.clicked.connect(self.new_job)
        self.open_button.clicked.connect(self.open_selected)
        self.brief_button.clicked.connect(self.brief_selected)
        self.empty = muted(self.tr("No jobs for this tenant yet."), self)
        lay = QVBoxLayout(self)
        lay.addLayout(button_row(self.new_button, self.open_button, self.brief_button))
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_fetch(lambda offset, limit: works.list_jobs(self.store, tenant_id=self.tenant_id,
                                                                   limit=limit, offset=offset))
        self.table.resizeColumnsToContents()
        self.table.select_first()
        self.empty.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.table.current_id() is not None
        self.open_button.setEnabled(has)
        self.brief_button.setEnabled(has)

    def new_job(self) -> bool:
        dialog = NewJobDialog(self.store, tenant_id=self.tenant_id, parent=self)
        if not dialog.exec():
            return False
        self.refresh()
        if dialog.result_value is not None:
            row = self.model.row_of_id(dialog.result_value.id)
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, 0))
        self.changed.emit()
        return True
