"""Support plan form: the cause of strain (private), status, dates, outcome, measures and contacts.

Measures are picked from the catalogue (wording pre-filled, editable) or typed freely, each marked
contractor-facing or not; contacts carry role, name, phone and consent. New measures and contacts are
held in the form and stored on Save; removing an existing measure ends it (records are ended, not deleted).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QPushButton

from liaison_app.domain.enums import ContactRole, PlanStatus
from liaison_app.domain.validation import ValidationError, clean_phone
from liaison_app.services import support
from liaison_app.services.catalogues import support_measures
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel


@dataclass
class MeasureRow:
    kind: str
    text: str
    contractor_facing: bool
    id: str = ""  # empty until stored


@dataclass
class ContactRow:
    role: str
    name: str
    phone: str
    consent: bool
    id: str = ""


def _role_label(role: str) -> str:
    return ContactRole(role).label if role in ContactRole.values() else role


class SupportPlanDialog(FormDialog):
    def __init__(self, store, tenant_id: str, plan_id: str | None = None, parent=None) -> None:
        super().__init__(self.tr("Support plan") if plan_id else self.tr("New support plan"), parent)
        self.store, self.tenant_id, self.plan_id = store, tenant_id, plan_id
        view = support.get_plan(store, plan_id) if plan_id else None
        plan = view.plan if view else None
        self.version = plan.version if plan else None
        self.measures = [MeasureRow(m.kind, m.text, m.contractor_facing, m.id) for m in (view.measures if view else [])]
        self.contacts = [ContactRow(c.role, c.name, c.phone, c.consent, c.id) for c in (view.contacts if view else [])]
        self.removed: list[str] = []
        self._plan_fields(plan)
        self._measure_fields()
        self._contact_fields()
        self.resize(640, 720)
        self.ready()

    # ----- building
    def _plan_fields(self, plan) -> None:
        self.add_text("strain", self.tr("What causes &strain:"), plan.strain if plan else "",
                      placeholder=self.tr("Why works are hard for this tenant (kept private)"))
        self.mark_private("strain")
        statuses = [(s, PlanStatus(s).label) for s in PlanStatus.values()
                    if s != PlanStatus.CLOSED.value or (plan and plan.status == s)]
        self.add_combo("status", self.tr("S&tatus:"), statuses, plan.status if plan else PlanStatus.ACTIVE.value)
        self.add_date("start_date", self.tr("St&arted:"), plan.start_date if plan else date.today())
        self.add_date("review_date", self.tr("Re&view by:"), plan.review_date if plan else None, optional=True)
        self.add_text("outcome", self.tr("O&utcome:"), plan.outcome if plan else "",
                      placeholder=self.tr("How the works went (when reviewing or closing)"))

    def _section(self, text: str) -> None:
        label = QLabel(f"<b>{text}</b>", self)
        self.form.addRow(label)

    def _measure_fields(self) -> None:
        self._section(self.tr("Measures"))
        self.measure_model = RowTableModel([
            Column(self.tr("Measure"), lambda m: m.text),
            Column(self.tr("Told to contractor"), lambda m: m.contractor_facing),
        ], id_of=lambda m: m.id or m.text, parent=self)
        self.measure_table = RecordTableView(self.measure_model, self.tr("Measures"), self)
        self.measure_table.setMaximumHeight(130)
        self.form.addRow(self.measure_table)
        self.add_combo("measure_kind", self.tr("&Measure:"), support_measures(), "", blank=self.tr("Choose…"))
        self.add_line("measure_text", self.tr("Measure &wording:"),
                      placeholder=self.tr("Pick a measure above or type your own"))
        self.add_checkbox("measure_contractor", "", True, text=self.tr("Tell the contractor (printed on briefings)"))
        self.add_measure_button = QPushButton(self.tr("Add m&easure"), self)
        self.add_measure_button.clicked.connect(self.add_measure)
        self.remove_measure_button = QPushButton(self.tr("Remove measure"), self)
        self.remove_measure_button.clicked.connect(self.remove_measure)
        self.form.addRow(self.add_measure_button, self.remove_measure_button)
        self.measure_model.set_rows(self.measures)

    def _contact_fields(self) -> None:
        self._section(self.tr("Contacts"))
        self.contact_model = RowTableModel([
            Column(self.tr("Role"), lambda c: _role_label(c.role)), Column(self.tr("Name"), lambda c: c.name),
            Column(self.tr("Phone"), lambda c: c.phone), Column(self.tr("Consent to contact"), lambda c: c.consent),
        ], id_of=lambda c: c.id or c.name, parent=self)
        self.contact_table = RecordTableView(self.contact_model, self.tr("Contacts"), self)
        self.contact_table.setMaximumHeight(110)
        self.form.addRow(self.contact_table)
        roles = [(r, ContactRole(r).label) for r in ContactRole.values()]
        self.add_combo("contact_role", self.tr("&Role:"), roles, ContactRole.SUPPORT_WORKER.value)
        self.add_line("contact_name", self.tr("&Name:"))
        self.add_line("contact_phone", self.tr("&Phone:"))
        self.add_checkbox("contact_consent", "", False, text=self.tr("Consents to be contacted about the works"))
        self.add_contact_button = QPushButton(self.tr("Add &contact"), self)
        self.add_contact_button.clicked.connect(self.add_contact)
        self.form.addRow(self.add_contact_button)
        self.contact_model.set_rows(self.contacts)

    # ----- measures and contacts held in the form
    def on_field_changed(self, name: str) -> None:
        if name == "measure_kind" and self.value("measure_kind"):
            kind = support_measures().get(self.value("measure_kind"))
            self.set_value("measure_text", kind.instruction)
            self.set_value("measure_contractor", bool(kind.get("contractor_facing", True)))

    def add_measure(self) -> bool:
        text = self.value("measure_text")
        if not text:
            return False
        self.measures.append(MeasureRow(self.value("measure_kind") or "other", text, self.value("measure_contractor")))
        self.measure_model.set_rows(self.measures)
        self.set_value("measure_kind", "")
        self.set_value("measure_text", "")
        self.refresh_validation()
        return True

    def remove_measure(self) -> bool:
        row = self.measure_table.current_row()
        if row is None:
            return False
        self.measures.remove(row)
        if row.id:
            self.removed.append(row.id)
        self.measure_model.set_rows(self.measures)
        self.refresh_validation()
        return True

    def _contact_errors(self) -> dict[str, str]:
        errors = {}
        try:
            clean_phone(self.value("contact_phone"))
        except ValidationError as exc:
            errors["contact_phone"] = str(exc)
        if self.value("contact_phone") and not self.value("contact_name"):
            errors["contact_name"] = self.tr("Give the contact's name.")
        return errors

    def add_contact(self) -> bool:
        if not self.value("contact_name") or self._contact_errors():
            return False
        phone = clean_phone(self.value("contact_phone"))
        self.contacts.append(ContactRow(self.value("contact_role"), self.value("contact_name"), phone,
                                        self.value("contact_consent")))
        self.contact_model.set_rows(self.contacts)
        for name, value in (("contact_name", ""), ("contact_phone", ""), ("contact_consent", False)):
            self.set_value(name, value)
        self.refresh_validation()
        return True

    # ----- validation and saving
    def validate(self) -> dict[str, str]:
        errors = self._contact_errors()
        start, review = self.value("start_date"), self.value("review_date")
        if start and review and review < start:
            errors["review_date"] = self.tr("The review date is before the start date.")
        if self.value("measure_text"):
            errors["measure_text"] = self.tr("Press Add measure to keep this measure, or clear the wording.")
        if self.value("contact_name") and "contact_name" not in errors:
            errors["contact_name"] = self.tr("Press Add contact to keep this contact, or clear the name.")
        if hasattr(self, "add_measure_button"):
            self.add_measure_button.setEnabled(bool(self.value("measure_text")))
        if hasattr(self, "add_contact_button"):
            self.add_contact_button.setEnabled(bool(self.value("contact_name")) and not self._contact_errors())
        return errors

    def is_dirty(self) -> bool:
        pending = any(not m.id for m in self.measures) or any(not c.id for c in self.contacts) or self.removed
        return bool(pending) or super().is_dirty()

    def save(self):
        values = {k: self.value(k) for k in ("strain", "status", "start_date", "review_date")}
        if self.plan_id is None:
            plan = support.create_plan(self.store, self.tenant_id, **values)
            self.plan_id, self.version = plan.id, plan.version
        else:
            values["outcome"] = self.value("outcome")
            self.version = support.change_plan(self.store, self.plan_id, values, expected_version=self.version).version
        if self.value("outcome") and "outcome" not in values:
            self.version = support.change_plan(self.store, self.plan_id, {"outcome": self.value("outcome")}).version
        for measure_id in self.removed:
            support.end_measure(self.store, measure_id)
        self.removed = []
        for m in self.measures:
            if not m.id:
                m.id = support.add_measure(self.store, self.plan_id, m.text, kind=m.kind,
                                           contractor_facing=m.contractor_facing).id
        for c in self.contacts:
            if not c.id:
                c.id = support.add_contact(self.store, self.plan_id, c.name, role=c.role, phone=c.phone,
                                           consent=c.consent).id
        return self.plan_id
