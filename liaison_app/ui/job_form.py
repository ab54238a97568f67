"""New job: where, who, what to do, when — and for a communal complaint, who complained and may be called."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from liaison_app.domain.validation import ValidationError, clean_phone
from liaison_app.services import tenants, works
from liaison_app.services.catalogues import job_types
from liaison_app.ui.doorstep_note import DoorstepNote
from liaison_app.ui.forms import FormDialog

HOME, BLOCK = "home", "block"
SEP = " · "


def fill_operatives(box: QComboBox, store, contractor_id: str | None, chosen: str | None = None) -> None:
    """Put a contractor's operatives (name and badge) in `box`, after its blank first choice."""
    box.blockSignals(True)
    while box.count() > 1:
        box.removeItem(1)
    for op in works.list_operatives(store, contractor_id) if contractor_id else []:
        badge = f" (badge {op.badge_number})" if op.badge_number else ""
        box.addItem(op.name + badge, op.id)
    box.setCurrentIndex(max(0, box.findData(chosen or "")))
    box.blockSignals(False)


def next_hour() -> datetime:
    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    return now + timedelta(days=1, hours=9 - now.hour) if now.hour >= 16 else now + timedelta(hours=1)


def appointment_errors(has: bool, start: datetime, end: datetime) -> dict[str, str]:
    if has and end <= start:
        return {"appointment_end": "The appointment must end after it starts."}
    return {}


def phone_error(field: str, value: str) -> dict[str, str]:
    try:
        clean_phone(value)
    except ValidationError as exc:
        return {field: str(exc)}
    return {}


class NewJobDialog(FormDialog):
    """Record a job. `tenant_id` pre-fills the tenant (from a tenant record)."""

    def __init__(self, store, tenant_id: str | None = None, parent=None) -> None:
        super().__init__(self.tr("New job"), parent)
        self.setMinimumWidth(560)
        self.store = store
        self._tenant_cache: dict[str, object] = {}
        ref = tenants.get_tenant(store, tenant_id)[0].tenancy_ref if tenant_id else ""
        contractors = [(c.id, c.name) for c in works.list_contractors(store)]
        self.add_line("job_ref", self.tr("Job &reference:"), placeholder=self.tr("for example JB-10432"))
        self.add_combo("job_type", self.tr("&Kind of job:"), job_types())
        self.add_combo("contractor_id", self.tr("&Contractor:"), contractors, blank=self.tr("Choose a contractor"))
        self.add_combo("operative_id", self.tr("&Operative:"), [], blank=self.tr("Not chosen yet"))
        line = self.add_line("tenancy_ref", self.tr("&Tenant:"), ref,
                             placeholder=self.tr("type a name, address or tenancy reference"))
        self._add_tenant_finder(line)
        self.add_combo("where", self.tr("&Where:"), [(HOME, self.tr("In the tenant's home")),
                                                     (BLOCK, self.tr("Communal areas of the tenant's block"))])
        self.add_text("description", self.tr("Tasks in &full:"),
                      placeholder=self.tr("Everything the operative must do, so they arrive ready"))
        self.add_checkbox("has_appointment", self.tr("Appointment:"), False, self.tr("&Booked appointment"))
        self.add_datetime("appointment_start", self.tr("Starts:"), next_hour())
        self.add_datetime("appointment_end", self.tr("Ends:"), next_hour() + timedelta(hours=2))
        self.add_date("due_date", self.tr("&Due by:"), optional=True)
        self._add_complaint_fields()
        self.ready()
        self._show_parts()
        self.doorstep = DoorstepNote(self, store)  # a double booking of the chosen operative (#12)

    def _add_tenant_finder(self, line: QLineEdit) -> None:
        """Suggest tenants as the officer types; choosing one puts its tenancy reference in the field."""
        self._suggestions = QStringListModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(lambda text: line.setText(text.split(SEP)[0]))
        line.setCompleter(completer)
        line.textEdited.connect(self._suggest)

    def _suggest(self, text: str) -> None:
        if len(text.strip()) < 2:
            return
        rows = tenants.search_tenants(self.store, text.strip(), limit=12)
        self._suggestions.setStringList([SEP.join(p for p in (r.tenancy_ref, r.name, r.address, r.postcode) if p)
                                         for r in rows])

    def _add_complaint_fields(self) -> None:
        self.add_line("complaint_ref", self.tr("Complaint reference:"))
        self.add_line("complainant_name", self.tr("Complainant's name:"))
        self.add_line("complainant_phone", self.tr("Complainant's phone:"))
        self.add_checkbox("complainant_consent", self.tr("Consent:"), False,
                          self.tr("The complainant agrees the contractor may call them"))

    # ----- behaviour
    def on_field_changed(self, name: str) -> None:
        if name == "contractor_id":
            fill_operatives(self.fields["operative_id"].widget, self.store, self.value("contractor_id"))
        if name in ("where", "tenancy_ref") and self.value("where") == BLOCK:
            self._prefill_complainant()
        self._show_parts()
        self.doorstep.field_changed(name)

    def _prefill_complainant(self) -> None:
        """A communal job sits at the block; the tenant who reported it becomes the complainant."""
        tenant = self.tenant()
        if tenant is not None and not self.value("complainant_name"):
            self.set_value("complainant_name", tenant.display_name)
            self.set_value("complainant_phone", tenant.phone)

    def _show_parts(self) -> None:
        has = self.value("has_appointment")
        for name in ("appointment_start", "appointment_end"):
            self.fields[name].widget.setEnabled(has)
        communal = self.value("where") == BLOCK
        for name in ("complaint_ref", "complainant_name", "complainant_phone", "complainant_consent"):
            self.form.setRowVisible(self.fields[name].widget.parentWidget(), communal)

    def tenant(self):
        ref = self.value("tenancy_ref")
        if ref and ref not in self._tenant_cache:
            self._tenant_cache[ref] = tenants.find_tenant(self.store, ref)
        return self._tenant_cache.get(ref) if ref else None

    def _block_id(self) -> str | None:
        tenant = self.tenant()
        if tenant is None:
            return None
        _t, _home, block = tenants.get_tenant(self.store, tenant.id)
        return block.id if block else None

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for name, label in (("job_ref", self.tr("Give the job reference.")),
                            ("description", self.tr("Describe the tasks in full.")),
                            ("contractor_id", self.tr("Choose the contractor."))):
            if not self.value(name):
                self.required(errors, name, label)
        if not self.value("tenancy_ref"):
            self.required(errors, "tenancy_ref",
                          self.tr("Choose the tenant: type a name or reference and pick from the list."))
        elif self.tenant() is None:
            errors["tenancy_ref"] = self.tr("No tenant has this tenancy reference; pick one from the list.")
        elif self.value("where") == BLOCK and self._block_id() is None:
            errors["where"] = self.tr("This tenant's home is not in a block.")
        errors.update(appointment_errors(self.value("has_appointment"), self.value("appointment_start"),
                                         self.value("appointment_end")))
        errors.update(phone_error("complainant_phone", self.value("complainant_phone")))
        return errors

    def save(self):
        v = self.values()
        communal = v["where"] == BLOCK
        tenant = self.tenant()
        has = v["has_appointment"]
        return works.create_job(
            self.store, job_ref=v["job_ref"], contractor_id=v["contractor_id"], job_type=v["job_type"],
            description=v["description"], tenant_id=None if communal else tenant.id,
            block_id=self._block_id() if communal else None,
            operative_id=v["operative_id"] or None,
            appointment_start=v["appointment_start"] if has else None,
            appointment_end=v["appointment_end"] if has else None, due_date=v["due_date"],
            complaint_ref=v["complaint_ref"] if communal else "",
            complainant_name=v["complainant_name"] if communal else "",
            complainant_phone=v["complainant_phone"] if communal else "",
            complainant_consent=v["complainant_consent"] if communal else False,
            complainant_tenant_id=tenant.id if communal else None)  # the reporting tenant: called back when done
