"""Forms for a contractor (company, contact, the code of conduct it signed) and its operatives (name, ID badge
and its expiry, trade, Gas Safe registration, and gender — recorded only to honour a tenant's request)."""
from __future__ import annotations

from datetime import date

from liaison_app.domain.validation import ValidationError, clean_badge, clean_email, clean_phone
from liaison_app.services import works
from liaison_app.services.operatives import operative_cleaner
from liaison_app.services.catalogues import conduct_points
from liaison_app.ui.forms import FormDialog


def cleaner_error(fn, value: str) -> str:
    try:
        fn(value)
    except ValidationError as exc:
        return str(exc)
    return ""


class ContractorDialog(FormDialog):
    """Add a contractor, or change one (`contractor` given)."""

    def __init__(self, store, contractor=None, parent=None) -> None:
        title = self.tr("Change contractor") if contractor else self.tr("Add contractor")
        super().__init__(title, parent)
        self.store = store
        self.contractor = contractor
        c = contractor
        self.add_line("name", self.tr("Company &name:"), c.name if c else "")
        self.add_line("phone", self.tr("&Phone:"), c.phone if c else "", self.tr("for example 01225 123456"))
        self.add_line("email", self.tr("&Email:"), c.email if c else "")
        self.add_line("conduct_version", self.tr("Code of &conduct signed:"),
                      c.conduct_version if c else "", self.tr("version, for example %s") % conduct_points().version)
        self.add_date("conduct_signed_on", self.tr("&Signed on:"), c.conduct_signed_on if c else None, optional=True)
        self.ready()

    def validate(self) -> dict[str, str]:
        errors = {}
        if not self.value("name"):
            self.required(errors, "name", self.tr("Give the company's name."))
        for name, fn in (("phone", clean_phone), ("email", clean_email)):
            message = cleaner_error(fn, self.value(name))
            if message:
                errors[name] = message
        signed = self.value("conduct_signed_on")
        if signed and signed > date.today():
            errors["conduct_signed_on"] = self.tr("The signing date is in the future.")
        if signed and not self.value("conduct_version"):
            errors["conduct_version"] = self.tr("Say which version of the code was signed.")
        return errors

    def save(self):
        v = self.values()
        if self.contractor is None:
            return works.create_contractor(self.store, v.pop("name"), **v)
        return works.change_contractor(self.store, self.contractor.id, v, expected_version=self.contractor.version)


class OperativeDialog(FormDialog):
    """Add an operative to a contractor, or change one (`operative` given)."""

    def __init__(self, store, contractor_id: str, operative=None, parent=None) -> None:
        title = self.tr("Change operative") if operative else self.tr("Add operative")
        super().__init__(title, parent)
        self.store = store
        self.contractor_id = contractor_id
        self.operative = operative
        o = operative
        self.add_line("name", self.tr("&Name:"), o.name if o else "")
        self.add_line("badge_number", self.tr("ID &badge number:"), o.badge_number if o else "",
                      self.tr("as printed on the operative's ID card"))
        self._add_details(o)
        if o is not None:
            self.add_checkbox("left", self.tr("Left:"), False, self.tr("No longer works for this contractor"))
        self.ready()

    def _add_details(self, o) -> None:
        self.add_date("badge_expiry", self.tr("Badge &expires:"), o.badge_expiry if o else None, optional=True)
        self.add_line("trade", self.tr("&Trade:"), o.trade if o else "", self.tr("gas, electrical, plumbing, …"))
        self.add_line("gas_safe_number", self.tr("&Gas Safe number:"), o.gas_safe_number if o else "",
                      self.tr("registration number, for gas work"))
        self.add_date("gas_safe_expiry", self.tr("Gas Safe e&xpires:"), o.gas_safe_expiry if o else None,
                      optional=True)
        self.add_combo("gender", self.tr("Gen&der:"), [("", self.tr("Not recorded")), ("female", self.tr("Female")),
                                                     ("male", self.tr("Male"))], o.gender if o else "")
        self.fields["gender"].widget.setToolTip(self.tr("Only to honour a tenant's request for a female or male "
                                                        "operative; never printed"))

    def details(self) -> dict:
        return {k: self.value(k) for k in ("badge_expiry", "trade", "gas_safe_number", "gas_safe_expiry", "gender")}

    def validate(self) -> dict[str, str]:
        errors = {}
        if not self.value("name"):
            self.required(errors, "name", self.tr("Give the operative's name."))
        message = cleaner_error(operative_cleaner("gas_safe_number"), self.value("gas_safe_number"))
        if message:
            errors["gas_safe_number"] = message
        elif self.value("gas_safe_expiry") and not self.value("gas_safe_number"):
            errors["gas_safe_number"] = self.tr("Give the Gas Safe registration number with its expiry.")
        message = cleaner_error(clean_badge, self.value("badge_number"))
        if message:
            errors["badge_number"] = message
        elif not self.value("badge_number"):
            self.required(errors, "badge_number", self.tr("Give the ID badge number: tenants check it at the door."))
        return errors

    def save(self):
        v = self.values()
        if self.operative is None:
            return works.add_operative(self.store, self.contractor_id, v["name"], v["badge_number"], **self.details())
        values = {"name": v["name"], "badge_number": v["badge_number"], **self.details()}
        if v.get("left"):
            values["ended_on"] = date.today()
        return works.change_operative(self.store, self.operative.id, values, expected_version=self.operative.version)
