"""Edit a tenant's details: names, how to reach them, language, and the address of their home.

Each field is checked as it is typed with the same rules the service and the import use, so an
invalid postcode keeps Save disabled with the reason shown beside the field.
"""
from __future__ import annotations

from typing import Any


from liaison_app.domain.enums import PreferredContact
from liaison_app.services import tenant_fields, tenants
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.i18n import tr

LINE_FIELDS = [
    ("title", "Title:"), ("first_name", "&First name:"), ("last_name", "&Last name:"),
    ("preferred_name", "&Preferred name:"), ("phone", "P&hone:"), ("email", "&Email:"),
]
ADDRESS_FIELDS = [("address_line1", "&Address:"), ("address_line2", "Address line 2:"), ("town", "&Town:"),
                  ("postcode", "Postco&de:")]


class TenantForm(FormDialog):
    def __init__(self, store, tenant_id: str, parent=None):
        super().__init__(tr("tenant_form", "Edit tenant details"), parent)
        self.store = store
        self.tenant, self.home, _block = tenants.get_tenant(store, tenant_id)
        t, h = self.tenant, self.home
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        for name, label in LINE_FIELDS:
            self.add_line(name, tr("tenant_form", label), getattr(t, name))
        contacts = [(p.value, p.label) for p in PreferredContact]
        self.add_combo("preferred_contact", tr("tenant_form", "Preferred &contact:"), contacts, t.preferred_contact,
                       blank=tr("tenant_form", "Not said"))
        self.add_line("language", tr("tenant_form", "Lan&guage:"), t.language, tr("tenant_form", "For example Polish, BSL"))
        self.add_checkbox("interpreter_needed", tr("tenant_form", "Interpreter:"), t.interpreter_needed,
                          tr("tenant_form", "An &interpreter is needed"))
        self.add_line("doorstep_password", tr("tenant_form", "Doorstep pass&word:"), t.doorstep_password,
                      tr("tenant_form", "Agreed with the tenant; printed only on the operative's briefing"))
        if h is not None:
            for name, label in ADDRESS_FIELDS:
                self.add_line(name, tr("tenant_form", label), getattr(h, name))
        self.ready()

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for name, value in self.values().items():
            problem = tenant_fields.field_problem(name, value)
            if problem:
                errors[name] = problem
        return errors

    def changed_values(self) -> dict[str, Any]:
        start = self._snapshot or {}
        return {k: v for k, v in self.values().items() if start.get(k) != v}

    def save(self):
        return tenants.change_tenant(self.store, self.tenant.id, self.changed_values(),
                                     expected_version=self.tenant.version)
