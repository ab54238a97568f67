"""Jobs: every job, filtered by when, contractor, status and kind, fetched a page at a time.

Enter or a double-click opens the job (`open_job`); "Brief…" previews the selected job's briefing;
"Pack…" builds a contractor's day pack; "New job…" records a job. The contractors and the first page of
jobs are read off the UI thread (services/job_screens.py `jobs_screen`); later pages come as the list scrolls.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QLabel, QToolBar,
)

from liaison_app.domain.enums import JobStatus
from liaison_app.domain.text import plural
from liaison_app.services import works
from liaison_app.services.catalogues import job_types
from liaison_app.services.job_screens import JobsScreen, jobs_screen
from liaison_app.ui import briefing_preview
from liaison_app.ui.actions import shortcut_action
from liaison_app.ui.job_form import NewJobDialog
from liaison_app.ui.letters_batch import save_letters_due
from liaison_app.ui.page_base import Page
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel, show_date
from liaison_app.ui.workers import load

# (label, days from today to the start, days to the end); None = open-ended
PERIODS = (
    ("From today", 0, None),
    ("Today", 0, 0),
    ("Next 7 days", 0, 6),
    ("Next 30 days", 0, 29),
    ("Last 30 days", -30, 0),
    ("All dates", None, None),
    ("Choose dates…", "custom", "custom"),
)


def status_label(code: str) -> str:
    try:
        return JobStatus(code).label
    except ValueError:
        return code


STATUS_COLOURS = {JobStatus.NO_ACCESS.value: "#8a1c1c", JobStatus.COMPLETED.value: "#5f6368",
                  JobStatus.CANCELLED.value: "#5f6368", JobStatus.OPEN.value: "#6b4100"}


def when_text(row) -> str:
    """An appointment with its weekday (officers plan by the day); otherwise the due date."""
    if row.appointment_start:
        return row.appointment_start.strftime("%a %d/%m/%Y %H:%M")
    return f"due {show_date(row.due_date)}" if row.due_date else ""


def job_columns() -> list[Column]:
    when = when_text

    return [
        Column("Ref", lambda r: r.job_ref),
        Column("When", when),
        Column("Job", lambda r: r.job_label),
        Column("Status", lambda r: status_label(r.status), colour=lambda r: STATUS_COLOURS.get(r.status)),
        Column("Tenant", lambda r: r.tenant_name or "Communal areas",
               colour=lambda r: None if r.tenant_name else "#5f6368"),
        Column("Address", lambda r: r.address, tooltip=lambda r: r.address),
        Column("Contractor", lambda r: r.contractor),
        Column("Operative", lambda r: r.operative or "—"),
    ]


class JobListActions:
    """Open and Brief… for the selected job of a list (`self.table`, `self.store`, `self.open_job`)."""

    def open_selected(self) -> None:
        job_id = self.table.current_id()
        if job_id:
            self.open_job.emit(job_id)

    def brief_selected(self) -> None:
        job_id = self.table.current_id()
        if job_id:
            briefing_preview.open_briefing(self, self.store, job_id)


class JobsPage(JobListActions, Page):
    """The jobs list. Signals: open_job(job_id), open_tenant(tenant_id); `loaded` once a read's rows are shown."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.model = RowTableModel(job_columns(), page_size=200, parent=self)
        self.table = RecordTableView(self.model, self.tr("Jobs"), self)
        self.table.open_id.connect(self.open_job)
        outer, self.count_label = self.start_layout(self.tr("Jobs"))
        outer.addWidget(self._build_toolbar())
        outer.addLayout(self._build_filters())
        outer.addWidget(self.table, 1)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.refresh()

    # ----- building
    def _action(self, text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
        return shortcut_action(self, text, slot, shortcut, tip, icon_text=False)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("Job actions"), self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action(self.tr("New job…"), self.new_job, "Ctrl+N")
        self.open_action = self._action(self.tr("Open"), self.open_selected, None, self.tr("Open the job (Enter)"))
        self.brief_action = self._action(self.tr("Brief…"), self.brief_selected, "Ctrl+B",
                                         self.tr("Preview and print the selected job's briefing"))
        self.pack_action = self._action(self.tr("Pack…"), self.make_pack, "Ctrl+Shift+P",
                                        self.tr("Print a contractor's pack for a day"))
        self.letters_action = self._action(self.tr("Letters due…"), lambda: save_letters_due(self, self.store), None,
                                           self.tr("This week's letters to tenants, one a page, and the post room's list"))
        self.refresh_action = self._action(self.tr("Refresh"), lambda: self.refresh(), "F5")
        for a in (self.new_action, self.open_action, self.brief_action, self.pack_action, self.letters_action,
                  self.refresh_action):
            bar.addAction(a)
        return bar

    def _combo(self, name: str, pairs: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        for label, data in pairs:
            box.addItem(label, data)
        box.currentIndexChanged.connect(lambda _i: self.refresh())
        return box

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate(), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(name)
        edit.dateChanged.connect(lambda _d: self.refresh())
        return edit

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.period = self._combo(self.tr("When"), [(self.tr(p[0]), i) for i, p in enumerate(PERIODS)])
        self.date_from = self._date_edit(self.tr("From date"))
        self.date_to = self._date_edit(self.tr("To date"))
        self.contractor = self._combo(self.tr("Contractor"), [(self.tr("All contractors"), "")])
        self.status = self._combo(self.tr("Status"), [(self.tr("Any status"), "")] +
                                  [(s.label, s.value) for s in JobStatus])
        self.kind = self._combo(self.tr("Kind of job"), [(self.tr("All kinds"), "")] +
                                [(k.label, k.code) for k in job_types().kinds])
        for label, widget in ((self.tr("&When:"), self.period), (self.tr("From:"), self.date_from),
                              (self.tr("To:"), self.date_to), (self.tr("&Contractor:"), self.contractor),
                              (self.tr("&Status:"), self.status), (self.tr("&Kind:"), self.kind)):
            lab = QLabel(label, self)
            lab.setBuddy(widget)
            row.addWidget(lab)
            row.addWidget(widget)
        row.addStretch(1)
        return row

    # ----- filters
    def date_range(self) -> tuple[date | None, date | None]:
        _label, start, end = PERIODS[self.period.currentData()]
        custom = start == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        for lab in self.findChildren(QLabel):
            if lab.buddy() in (self.date_from, self.date_to):
                lab.setVisible(custom)
        if custom:
            return self.date_from.date().toPython(), self.date_to.date().toPython()
        today = date.today()
        return (None if start is None else today + timedelta(days=start),
                None if end is None else today + timedelta(days=end))

    def filters(self) -> dict:
        date_from, date_to = self.date_range()
        return dict(date_from=date_from, date_to=date_to, contractor_id=self.contractor.currentData() or None,
                    status=self.status.currentData() or None, job_type=self.kind.currentData() or None)

    def _fill_contractors(self, contractors: tuple[tuple[str, str], ...]) -> None:
        chosen = self.contractor.currentData()
        self.contractor.blockSignals(True)
        while self.contractor.count() > 1:
            self.contractor.removeItem(1)
        for contractor_id, name in contractors:
            self.contractor.addItem(name, contractor_id)
        self.contractor.setCurrentIndex(max(0, self.contractor.findData(chosen)))
        self.contractor.blockSignals(False)

    def set_filter(self, *, contractor_id: str | None = None, status: str | None = None,
                   job_type: str | None = None, period: str | None = None) -> None:
        """Choose filters in code (a link from elsewhere, or a test); refreshes once."""
        if contractor_id and self.contractor.findData(contractor_id) < 0:
            self.contractor.addItem(self.tr("Loading…"), contractor_id)  # named when the read arrives
        for box, value in ((self.contractor, contractor_id), (self.status, status), (self.kind, job_type)):
            if value is not None:
                box.blockSignals(True)
                box.setCurrentIndex(max(0, box.findData(value)))
                box.blockSignals(False)
        if period is not None:
            self.period.blockSignals(True)
            self.period.setCurrentIndex(max(0, self.period.findText(period)))
            self.period.blockSignals(False)
        self.refresh()

    def refresh(self, select_id: str | None = None, message: str = "") -> None:
        """Read the contractors and the first page of jobs off the UI thread ("Loading…" meanwhile); then
        select `select_id` and say `message`."""
        chosen = self.filters()
        load(self, jobs_screen, self.store, chosen, self.model.page_size, status=self.count_label,
             on_done=lambda screen: self._show(screen, chosen, select_id, message))

    def _show(self, screen: JobsScreen, chosen: dict, select_id: str | None, message: str) -> None:
        self._fill_contractors(screen.contractors)
        self.model.set_page(screen.jobs, lambda offset, limit: works.list_jobs(self.store, limit=limit,
                                                                               offset=offset, **chosen))
        self._show_count()
        self.table.resizeColumnsToContents()
        if not (select_id and self.select_job(select_id)):
            self.table.select_first()
        if message:
            self.count_label.setText(message)
        self._update_actions()
        self.loaded.emit()

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if self.model.canFetchMore():
            self.count_label.setText(self.tr("%s shown so far; scroll for more.") % plural(shown, self.tr("job")))
        else:
            self.count_label.setText(self.tr("One job.") if shown == 1 else self.tr("%s jobs.") % shown)

    # ----- actions
    def _update_actions(self) -> None:
        has_job = self.table.current_id() is not None
        self.open_action.setEnabled(has_job)
        self.brief_action.setEnabled(has_job)

    def make_pack(self) -> None:
        row = self.table.current_row()
        day = row.appointment_start.date() if row is not None and row.appointment_start else date.today()
        briefing_preview.open_pack(self, self.store, contractor_id=self.contractor.currentData() or None, day=day)

    def new_job(self) -> None:
        dialog = NewJobDialog(self.store, parent=self)
        if dialog.exec() and dialog.result_value is not None:
            self.refresh(select_id=dialog.result_value.id,
                         message=self.tr("Job %s saved.") % dialog.result_value.job_ref)

    def select_job(self, job_id: str) -> bool:
        row = self.model.row_of_id(job_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.setFocus()
        return row >= 0
