"""One job in full: where and for whom, the tasks, contractor and operative, appointment, status;
for a communal complaint the complainant and their consent; for a mandatory check its access
attempts and "Complete check…"; and "Brief…" for the operative's briefing.

What it shows comes from one read, services/job_screens.py `job_detail`, done off the UI thread by
`open_job_detail` before the dialog is built (a caller may pass the detail it already has).
"""
from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from liaison_app.domain.enums import JobStatus
from liaison_app.services import checks, works
from liaison_app.services.job_screens import JobDetail, job_detail
from liaison_app.ui import briefing_preview, letter_dialog
from liaison_app.ui.form_area import FormArea
from liaison_app.ui.screen_fit import available_geometry
from liaison_app.ui.access_panel import AccessAttemptsPanel
from liaison_app.ui.doorstep_note import DoorstepNote
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.job_form import appointment_errors, fill_operatives, next_hour, phone_error
from liaison_app.ui.row_models import show_date
from liaison_app.ui.signoff_form import SignOffBar
from liaison_app.ui.widgets import SectionHeader
from liaison_app.ui.workers import load

COMPLAINT_FIELDS = ("complainant_name", "complainant_phone", "complainant_consent")


class JobDetailDialog(FormDialog):
    """The job record. Signals: open_tenant(tenant_id) from the tenant link; `changed` after a save."""

    open_tenant = Signal(str)
    changed = Signal()

    def __init__(self, store, job_id: str, parent=None, detail: JobDetail | None = None) -> None:
        self.store = store
        self.detail = detail or job_detail(store, job_id)  # read here only when the caller has not
        self.job = self.detail.job
        super().__init__(self.tr("Job %s") % self.job.job_ref, parent)
        self.setMinimumWidth(640)
        self.layout().insertWidget(0, self._build_header())
        job = self.job
        self.add_text("description", self.tr("&Tasks in full:"), job.description)
        self.add_combo("operative_id", self.tr("O&perative:"), [], blank=self.tr("Not chosen yet"))
        fill_operatives(self.fields["operative_id"].widget, store, job.contractor_id, job.operative_id)
        self.add_checkbox("has_appointment", self.tr("Appointment:"), job.appointment_start is not None,
                          self.tr("Boo&ked appointment"))
        start = job.appointment_start or next_hour()
        self.add_datetime("appointment_start", self.tr("Starts:"), start)
        self.add_datetime("appointment_end", self.tr("Ends:"), job.appointment_end or start + timedelta(hours=2))
        self.add_combo("status", self.tr("&Status:"), [(s.value, s.label) for s in JobStatus], job.status)
        if self.detail.is_complaint:
            self.add_line("complainant_name", self.tr("Complainant:"), job.complainant_name)
            self.add_line("complainant_phone", self.tr("Complainant's phone:"), job.complainant_phone)
            self.add_checkbox("complainant_consent", self.tr("Consent:"), job.complainant_consent,
                              self.tr("The complainant agrees the contractor may call them"))
        self._add_extras()
        self.ready()
        self._show_parts()
        self.doorstep = DoorstepNote(self, store, self.job.id, self.detail.doorstep)  # operative warnings (#12)

    # ----- building
    def _info(self, grid: QGridLayout, row: int, label: str, value: str | QLabel) -> None:
        name = QLabel(label, self)
        name.setStyleSheet("color: #5f6368;")
        widget = value if isinstance(value, QLabel) else QLabel(value or "—", self)
        widget.setWordWrap(True)
        widget.setTextInteractionFlags(widget.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(widget, row, 1)

    def _build_header(self) -> QWidget:
        job = self.job
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 8)
        title = SectionHeader(f"{job.job_ref} · {self.detail.type_label}", box, scale=1.3)
        grid.addWidget(title, 0, 0, 1, 2)
        rows = [(self.tr("Where:"), self.detail.where), (self.tr("Tenant:"), self._tenant_link()),
                (self.tr("Contractor:"), self.detail.contractor_name), (self.tr("Due by:"), show_date(job.due_date))]
        if job.complaint_ref:
            rows.append((self.tr("Complaint:"), job.complaint_ref))
        if job.completed_on:
            rows.append((self.tr("Completed:"), f"{show_date(job.completed_on)}  {job.certificate_ref}".strip()))
        for i, (label, value) in enumerate(rows, start=1):
            self._info(grid, i, label, value)
        grid.setColumnStretch(1, 1)
        return box

    def _tenant_link(self) -> QLabel | str:
        if not self.job.tenant_id:
            return self.tr("None (communal job)") if self.job.block_id else ""
        name, ref = html.escape(self.detail.tenant_name), html.escape(self.detail.tenancy_ref)
        link = QLabel(f'<a href="tenant">{name}</a> ({ref})', self)
        link.setTextFormat(Qt.TextFormat.RichText)
        link.setAccessibleName(self.tr("Open the tenant record of %s") % self.detail.tenant_name)
        link.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        link.linkActivated.connect(lambda _href: self.go_to_tenant())
        self.tenant_link = link
        return link

    def _add_extras(self) -> None:
        """Action buttons under the form; a mandatory check's access attempts beside it (fits a laptop screen)."""
        outer = self.layout()
        self.access_panel = None
        row = QHBoxLayout()
        self.complete_button = QPushButton(self.tr("Complete &check…"), self)
        self.complete_button.setVisible(self.detail.mandatory)
        self.complete_button.setEnabled(not self.detail.closed)
        self.complete_button.clicked.connect(self.complete_check)
        self.brief_button = QPushButton(self.tr("&Brief…"), self)
        self.brief_button.setToolTip(self.tr("Preview and print this job's briefing for the operative"))
        self.brief_button.clicked.connect(self.brief)
        self.letter_button = QPushButton(self.tr("Letter to t&he tenant…"), self)  # issue #14
        self.letter_button.setToolTip(self.tr("An appointment, no-access or support letter that honours their needs"))
        self.letter_button.setVisible(bool(self.job.tenant_id))
        self.letter_button.clicked.connect(self.write_letter)
        row.addWidget(self.complete_button)
        row.addWidget(self.brief_button)
        row.addWidget(self.letter_button)
        row.addStretch(1)
        left = QVBoxLayout()
        outer.removeWidget(self.form_area)
        left.addWidget(self.form_area)
        left.addLayout(row)
        self.signoff_bar = SignOffBar(self.store, self.job.id, self)  # the operative's returned slip (#12)
        left.addWidget(self.signoff_bar)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        if self.detail.mandatory:
            self.access_panel = AccessAttemptsPanel(self.store, self.job.id)
            columns.addWidget(FormArea(self, content=self.access_panel), 1)  # scrolls on a short screen
            self.setMinimumWidth(min(1080, available_geometry(self).width()))
        outer.insertLayout(1, columns, 1)

    # ----- behaviour
    def on_field_changed(self, name: str) -> None:
        self._show_parts()
        self.doorstep.field_changed(name)

    def _show_parts(self) -> None:
        has = self.value("has_appointment")
        for name in ("appointment_start", "appointment_end"):
            self.fields[name].widget.setEnabled(has)

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.value("description"):
            errors["description"] = self.tr("Describe the tasks in full.")
        errors.update(appointment_errors(self.value("has_appointment"), self.value("appointment_start"),
                                         self.value("appointment_end")))
        if "complainant_phone" in self.fields:
            errors.update(phone_error("complainant_phone", self.value("complainant_phone")))
        return errors

    def save(self):
        v = self.values()
        has = v.pop("has_appointment")
        if not has:
            v["appointment_start"] = v["appointment_end"] = None
        v["operative_id"] = v["operative_id"] or None
        if v["status"] == JobStatus.OPEN.value and has and self.job.status == JobStatus.OPEN.value:
            v["status"] = JobStatus.BOOKED.value
        change = works.change_job(self.store, self.job.id, v, expected_version=self.job.version)
        self.changed.emit()
        return change

    def go_to_tenant(self) -> None:
        """Ask for the tenant record; whoever opened this dialog closes it (see show_job)."""
        if self.job.tenant_id:
            self.open_tenant.emit(self.job.tenant_id)

    def brief(self) -> None:
        briefing_preview.open_briefing(self, self.store, self.job.id)

    def write_letter(self) -> None:
        if letter_dialog.open_letter(self, self.store, self.job.id, self.job.job_ref) and self.access_panel:
            self.access_panel.refresh()  # a no-access letter is a written notice: one more attempt

    def complete_check(self) -> None:
        dialog = CompleteCheckDialog(self.store, self.job.id, self)
        if dialog.exec() and dialog.result_value is not None:
            self.detail = job_detail(self.store, self.job.id)  # read again after the save, as a form does
            self.job = self.detail.job
            self.set_value("status", self.job.status)
            self._snapshot = self.values()
            self.complete_button.setEnabled(False)
            status = dialog.result_value
            self.show_message(self.tr("Check completed. Next due: %s.") % (show_date(status.next_due) or
                                                                            self.tr("on report")))
            self.changed.emit()


class CompleteCheckDialog(FormDialog):
    """Mark a mandatory check done, with its certificate reference; the check calendar moves on."""

    def __init__(self, store, job_id: str, parent=None) -> None:
        super().__init__(self.tr("Complete check"), parent)
        self.store = store
        self.job_id = job_id
        self.add_date("completed_on", self.tr("&Completed on:"), date.today())
        self.add_line("certificate_ref", self.tr("Certificate &reference:"),
                      placeholder=self.tr("for example CP12-000123"))
        self.ready()

    def validate(self) -> dict[str, str]:
        if self.value("completed_on") > date.today():
            return {"completed_on": self.tr("The completion date is in the future.")}
        errors: dict[str, str] = {}
        if not self.value("certificate_ref"):
            self.required(errors, "certificate_ref", self.tr("Give the certificate reference."))
        return errors

    def save(self):
        return checks.complete_check(self.store, self.job_id, self.value("completed_on"),
                                     self.value("certificate_ref"))


def open_job_detail(parent, store, job_id: str, on_ready, on_error=None) -> None:
    """Read the job off the UI thread, then build its record and hand it to `on_ready(dialog)` to open
    (`on_error(exception)` if it could not be read). Only the newest request for `parent` arrives."""
    load(parent, job_detail, store, job_id, key="job detail", on_error=on_error,
         on_done=lambda detail: on_ready(JobDetailDialog(store, job_id, parent, detail)))


def show_job(parent, store, job_id: str, on_open_tenant=None) -> bool:
    """Open the job record modally; `on_open_tenant(tenant_id)` follows the tenant link. True if saved."""
    dialog = JobDetailDialog(store, job_id, parent)
    dialog.open_tenant.connect(lambda _id: dialog.reject())
    if on_open_tenant is not None:
        dialog.open_tenant.connect(on_open_tenant)
    return bool(dialog.exec())
