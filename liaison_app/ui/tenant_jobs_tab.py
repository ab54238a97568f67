"""Tenant record tab: the tenant's jobs with their status. Enter opens the job; Brief… previews its briefing."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton

from liaison_app.services import works
from liaison_app.services.record_screens import tenant_jobs_screen
from liaison_app.ui.job_form import NewJobDialog
from liaison_app.ui.jobs_page import JobListActions, job_columns
from liaison_app.ui.record_tab import size_columns
from liaison_app.ui.row_models import RecordTableView, RowTableModel
from liaison_app.ui.tenant_tab import TenantListTab
from liaison_app.ui.workers import load

HIDDEN_HEADERS = ("Tenant", "Address")  # the tenant record already says who and where
# Widths in characters (record_tab.size_columns), set once: measuring every cell of every row on each read
# was most of the time this tab took to show (issue #15). The job and the contractor share what is left.
COLUMN_CHARS = {"Ref": 14, "When": 21, "Job": 0, "Status": 12, "Contractor": 0, "Operative": 18}


class TenantJobsTab(JobListActions, TenantListTab):
    """Signals: open_job(job_id) on Enter / double-click / Open; `changed` after a new job is saved;
    `loaded` once the first page of a read is shown."""

    open_job = Signal(str)

    def __init__(self, store, tenant_id: str, parent=None) -> None:
        super().__init__(store, tenant_id, parent)
        columns = [c for c in job_columns() if c.header not in HIDDEN_HEADERS]
        self.model = RowTableModel(columns, page_size=200, parent=self)
        self.table = RecordTableView(self.model, self.tr("Jobs at this tenant's home"), self)
        size_columns(self.table, [COLUMN_CHARS.get(c.header, 14) for c in columns])
        self.table.open_id.connect(self.open_job)
        self.new_button = QPushButton(self.tr("&New job…"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.brief_button = QPushButton(self.tr("&Brief…"), self)
        self.brief_button.setToolTip(self.tr("Preview and print the selected job's briefing"))
        self.new_button.clicked.connect(self.new_job)
        self.open_button.clicked.connect(self.open_selected)
        self.brief_button.clicked.connect(self.brief_selected)
        self.lay_out(self.new_button, self.open_button, self.brief_button)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def forget_tenant(self) -> None:
        super().forget_tenant()
        self._update_buttons()

    def refresh(self, select_id: str | None = None) -> None:
        """Read the first page of jobs off the UI thread ("Loading…" meanwhile); then select `select_id`."""
        self.empty.setVisible(True)
        load(self, tenant_jobs_screen, self.store, self.tenant_id, self.model.page_size, status=self.empty,
             on_done=lambda rows: self._show(rows, select_id))

    def _show(self, rows, select_id: str | None) -> None:
        self.model.set_page(rows, lambda offset, limit: works.list_jobs(self.store, tenant_id=self.tenant_id,
                                                                        limit=limit, offset=offset))
        self.table.select_id(select_id)
        self._update_buttons()
        self.rows_shown(self.tr("No jobs for this tenant yet."))

    def _update_buttons(self) -> None:
        has = self.table.current_id() is not None
        self.open_button.setEnabled(has)
        self.brief_button.setEnabled(has)

    def new_job(self) -> bool:
        dialog = NewJobDialog(self.store, tenant_id=self.tenant_id, parent=self)
        if not dialog.exec():
            return False
        self.refresh(select_id=dialog.result_value.id if dialog.result_value is not None else None)
        self.changed.emit()
        return True
