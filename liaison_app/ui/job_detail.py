"""One job in full: where and for whom, the tasks, contractor and operative, appointment, status;
for a communal complaint the complainant and their consent; for a mandatory check its access
attempts and "Complete check…"; and "Brief…" for the operative's briefing.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from liaison_app.domain.enums import JobStatus
from liaison_app.services import checks, tenants, works
from liaison_app.services.catalogues import job_types
from liaison_app.ui import briefing_preview
from liaison_app.ui.access_panel import AccessAttemptsPanel
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.job_form import appointment_errors, fill_operatives, next_hour, phone_error
from liaison_app.ui.row_models import show_date
from liaison_app.ui.widgets import SectionHeader

COMPLAINT_FIELDS = ("complainant_name", "complainant_phone", "complainant_consent")


def is_complaint(job) -> bool:
    return bool(job.block_id and (job.complaint_ref or job.complainant_name))


def is_mandatory(job) -> bool:
    kind = job_types().get(job.job_type)
    return bool(kind and kind.get("mandatory"))


class JobDetailDialog(FormDialog):
    """The job record. Signals: open_tenant(tenant_id) from the tenant link; `changed` after a save."""

    open_tenant = Signal(str)
    changed = Signal()

    def __init__(self, store, job_id: str, parent=None) -> None:
        self.store = store
        self.job = works.get_job(store, job_id)
        super().__init__(self.tr("Job %s") % self.job.job_ref, parent)
        self.setMinimumWidth(640)
        self.layout().insertWidget(0, self._build_header())
        job = self.job
        self.add_text("description", self.tr("&Tasks in full:"), job.description)
        self.add_combo("operative_id", self.tr("&Operative:"), [], blank=self.tr("Not chosen yet"))
        fill_operatives(self.fields["operative_id"].widget, store, job.contractor_id, job.operative_id)
        self.add_checkbox("has_appointment", self.tr("Appointment:"), job.appointment_start is not None,
                          self.tr("&Booked appointment"))
        start = job.appointment_start or next_hour()
        self.add_datetime("appointment_start", self.tr("Starts:"), start)
        self.add_datetime("appointment_end", self.tr("Ends:"), job.appointment_end or start + timedelta(hours=2))
        self.add_combo("status", self.tr("&Status:"), [(s.value, s.label) for s in JobStatus], job.status)
        if is_complaint(job):
            self.add_line("complainant_name", self.tr("Complainant:"), job.complainant_name)
            self.add_line("complainant_phone", self.tr("Complainant's phone:"), job.complainant_phone)
            self.add_checkbox("complainant_consent", self.tr("Consent:"), job.complainant_consent,
                              self.tr("The complainant agrees the contractor may call them"))
        self._add_extras()
        self.ready()
        self._show_parts()

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
        title = SectionHeader(f"{job.job_ref} · {job_types().label(job.job_type)}", box, scale=1.3)
        grid.addWidget(title, 0, 0, 1, 2)
        rows = [(self.tr("Where:"), self._where()), (self.tr("Tenant:"), self._tenant_link()),
                (self.tr("Contractor:"), self._contractor_name()), (self.tr("Due by:"), show_date(job.due_date))]
        if job.complaint_ref:
            rows.append((self.tr("Complaint:"), job.complaint_ref))
        if job.completed_on:
            rows.append((self.tr("Completed:"), f"{show_date(job.completed_on)}  {job.certificate_ref}".strip()))
        for i, (label, value) in enumerate(rows, start=1):
            self._info(grid, i, label, value)
        grid.setColumnStretch(1, 1)
        return box

    def _where(self) -> str:
        job = self.job
        if job.tenant_id and not job.block_id:
            _tenant, home, _block = tenants.get_tenant(self.store, job.tenant_id)
            return home.one_line() if home else ""
        day = job.appointment_start.date() if job.appointment_start else job.due_date
        rows = works.list_jobs(self.store, date_from=day, date_to=day, contractor_id=job.contractor_id,
                               job_type=job.job_type, limit=10_000)
        return next((r.address for r in rows if r.id == job.id), "")

    def _tenant_link(self) -> QLabel | str:
        if not self.job.tenant_id:
            return self.tr("None (communal job)") if self.job.block_id else ""
        tenant, _home, _block = tenants.get_tenant(self.store, self.job.tenant_id)
        link = QLabel(f'<a href="tenant">{tenant.display_name}</a> ({tenant.tenancy_ref})', self)
        link.setTextFormat(Qt.TextFormat.RichText)
        link.setAccessibleName(self.tr("Open the tenant record of %s") % tenant.display_name)
        link.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        link.linkActivated.connect(lambda _href: self.go_to_tenant())
        self.tenant_link = link
        return link

    def _contractor_name(self) -> str:
        for c in works.list_contractors(self.store, include_ended=True):
            if c.id == self.job.contractor_id:
                return c.name
        return ""

    def _add_extras(self) -> None:
        """Action buttons under the form; a mandatory check's access attempts beside it (fits a laptop screen)."""
        outer = self.layout()
        self.access_panel = None
        row = QHBoxLayout()
        self.complete_button = QPushButton(self.tr("Complete &check…"), self)
        self.complete_button.setVisible(is_mandatory(self.job))
        self.complete_button.setEnabled(not checks.is_closed(self.job.status))
        self.complete_button.clicked.connect(self.complete_check)
        self.brief_button = QPushButton(self.tr("&Brief…"), self)
        self.brief_button.setToolTip(self.tr("Preview and print this job's briefing for the operative"))
        self.brief_button.clicked.connect(self.brief)
        row.addWidget(self.complete_button)
        row.addWidget(self.brief_button)
        row.addStretch(1)
        left = QVBoxLayout()
        outer.removeItem(self.form)
        left.addLayout(self.form)
        left.addLayout(row)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        if is_mandatory(self.job):
            self.access_panel = AccessAttemptsPanel(self.store, self.job.id)
            columns.addWidget(self.access_panel, 1)
            self.setMinimumWidth(1080)
        outer.insertLayout(1, columns, 1)

    # ----- behaviour
    def on_field_changed(self, name: str) -> None:
        self._show_parts()

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

    def complete_check(self) -> None:
        dialog = CompleteCheckDialog(self.store, self.job.id, self)
        if dialog.exec() and dialog.result_value is not None:
            self.job = works.get_job(self.store, self.job.id)
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
        if not self.value("certificate_ref"):
            return {"certificate_ref": self.tr("Give the certificate reference.")}
        return {}

    def save(self):
        return checks.complete_check(self.store, self.job_id, self.value("completed_on"),
                                     self.value("certificate_ref"))


def show_job(parent, store, job_id: str, on_open_tenant=None) -> bool:
    """Open the job record modally; `on_open_tenant(tenant_id)` follows the tenant link. True if saved."""
    dialog = JobDetailDialog(store, job_id, parent)
    dialog.open_tenant.connect(lambda _id: dialog.reject())
    if on_open_tenant is not None:
        dialog.open_tenant.connect(on_open_tenant)
    return bool(dialog.exec())
