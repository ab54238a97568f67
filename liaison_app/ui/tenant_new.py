"""Add a tenant in the app (issue #12 point 8): a new tenancy, in its home, with the same rules as
`import tenants` (tenant_fields): a unique tenancy reference, a UK postcode, a UK phone number, a valid
email. A home already on file (same UPRN, or same first line and postcode) is used rather than made
again. Each field is checked as it is typed; a reference already taken shows beside its field.
"""
from __future__ import annotations

from typing import Any

from liaison_app.domain.enums import PreferredContact
from liaison_app.services import tenant_fields, tenants
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.i18n import tr
from liaison_app.ui.tenant_form import ADDRESS_FIELDS, LINE_FIELDS

OWN_LABELS = {"postcode": "Postc&ode:"}  # Alt+C is Preferred contact here
REQUIRED = {"tenancy_ref": "Give the tenancy reference from the housing system.",
            "first_name": "Give the first name.", "last_name": "Give the last name.",
            "address_line1": "Give the first line of the address.", "postcode": "Give the postcode."}


class NewTenantForm(FormDialog):
    """A new tenancy and its lead tenant; `result_value` is the new tenant (its id opens the record)."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(tr("tenant_form", "New tenant"), parent)
        self.store = store
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.add_line("tenancy_ref", tr("tenant_form", "Tenancy &reference:"),
                      placeholder=tr("tenant_form", "as in the housing system"))
        for name, label in LINE_FIELDS:
            self.add_line(name, tr("tenant_form", label))
        contacts = [(p.value, p.label) for p in PreferredContact]
        self.add_combo("preferred_contact", tr("tenant_form", "Preferred &contact:"), contacts, "",
                       blank=tr("tenant_form", "Not said"))
        self.add_line("language", tr("tenant_form", "Lan&guage:"),
                      placeholder=tr("tenant_form", "For example Polish, BSL"))
        self.add_checkbox("interpreter_needed", tr("tenant_form", "Interpreter:"), False,
                          tr("tenant_form", "An &interpreter is needed"))
        for name, label in ADDRESS_FIELDS:
            self.add_line(name, tr("tenant_form", OWN_LABELS.get(name, label)))
        self.add_line("uprn", tr("tenant_form", "&UPRN:"), placeholder=tr("tenant_form", "up to 12 digits, if known"))
        self.add_line("block", tr("tenant_form", "Bloc&k:"), placeholder=tr("tenant_form", "communal block or estate"))
        self.add_date("tenancy_start", tr("tenant_form", "Tenancy &starts:"), None, optional=True)
        self.ready()

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for name, value in self.values().items():
            if name in REQUIRED and not value:
                self.required(errors, name, tr("tenant_form", REQUIRED[name]))
                continue
            problem = tenant_fields.field_problem(name, value)
            if problem:
                errors[name] = problem
        return errors

    def save(self) -> Any:
        return tenants.create_tenant(self.store, **self.values())
