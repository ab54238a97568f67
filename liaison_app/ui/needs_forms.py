"""The adjustment and safety-warning forms.

Choosing a kind pre-fills the contractor instruction from the catalogue (still editable: an
instruction the officer changed is never overwritten). The why (reason / details) is marked
private. Review dates default to 12 months after the start.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QMessageBox

from liaison_app.domain.enums import Severity
from liaison_app.domain.validation import ValidationError, add_months, check_date_order
from liaison_app.services import duplicates, needs
from liaison_app.services.catalogues import Catalogue, adjustment_kinds, warning_kinds
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.i18n import tr
from liaison_app.ui.told_fields import add_told_fields, told_errors


class NeedForm(FormDialog):
    """What adjustment and warning forms share: kind, instruction, why (private), dates."""

    catalogue: Catalogue
    private_field = "reason"

    def __init__(self, title: str, record: Any | None, parent=None):
        super().__init__(title, parent)
        self.record = record
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        kind = record.kind if record else self.catalogue.codes()[0]
        self.add_combo("kind", self.tr("&Kind:"), self.catalogue, kind)
        instruction = record.instruction if record else self._default_instruction(kind)
        self.add_text("instruction", self.tr("&What the operative must do:"), instruction)
        self._last_kind = kind

    def add_dates(self) -> None:
        r = self.record
        start = (r.start_date if r else None) or date.today()
        self.add_date("start_date", self.tr("&Starts:"), start)
        review = r.review_date if r else add_months(start, 12)
        self.add_date("review_date", self.tr("&Review by:"), review, optional=True, default=add_months(start, 12))
        # Ticking "Ends" leaves the date to choose: a default of today ended the record at once.
        self.add_date("end_date", self.tr("E&nds:"), r.end_date if r else None, optional=True, blank=True)
        self._last_start = start

    def _default_instruction(self, code: str) -> str:
        kind = self.catalogue.get(code)
        return kind.instruction if kind else ""

    def on_field_changed(self, name: str) -> None:
        if name == "start_date":  # a review date still at its default follows the start
            start = self.value("start_date")
            if self.value("review_date") == add_months(self._last_start, 12):
                self.set_value("review_date", add_months(start, 12))
            self.fields["review_date"].widget.set_default(add_months(start, 12))
            self._last_start = start
        if name == "kind":
            new = self.value("kind")
            current = self.value("instruction")
            if not current or current == self._default_instruction(self._last_kind).strip():
                self.set_value("instruction", self._default_instruction(new))
            self._last_kind = new

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.value("instruction"):
            errors["instruction"] = self.tr("Say what the operative must do.")
        if self.fields["end_date"].widget.is_incomplete():
            errors["end_date"] = self.tr("Choose the end date, or untick Ends.")
        try:
            check_date_order(self.value("start_date"), self.value("review_date"), self.value("end_date"))
        except ValidationError as exc:
            errors[exc.field or "end_date"] = str(exc)
        return errors

    def has_same_kind(self, kind: str) -> bool:
        """Whether the tenant (or home) already has another active record of `kind` (subclasses ask)."""
        return False

    def try_save(self) -> bool:
        """A second active record of the same kind is usually a slip: ask before adding it."""
        kind = self.value("kind")
        if (self.record is None or kind != self.record.kind) and not self.validate() and self.has_same_kind(kind):
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("“%s” is already recorded and active. Add it again?") % self.catalogue.label(kind),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return super().try_save()

    def changed_values(self) -> dict[str, Any]:
        """Only what the officer changed, for a change to an existing record."""
        start = self._snapshot or {}
        return {k: v for k, v in self.values().items() if k in self.record_fields() and start.get(k) != v}

    def record_fields(self) -> set[str]:
        return set(self.fields)


class AdjustmentForm(NeedForm):
    """Record or change a wish / reasonable adjustment."""

    catalogue = adjustment_kinds()

    def __init__(self, store, tenant_id: str, adjustment=None, parent=None):
        self.store = store
        self.tenant_id = tenant_id
        title = self.tr_title(adjustment)
        super().__init__(title, adjustment, parent)
        a = adjustment
        self.add_text("reason", self.tr("Wh&y (for the record):"), a.reason if a else "")
        self.mark_private("reason")
        self.add_checkbox("share_with_contractors", self.tr("Contractors:"),
                          a.share_with_contractors if a else True,
                          self.tr("Print the instruction on contractors' briefings"))
        self.add_checkbox("consent_given", self.tr("Consent:"), a.consent_given if a else True,
                          self.tr("The tenant agreed to this being recorded and shared"))
        self.add_dates()
        self.ready()

    def has_same_kind(self, kind: str) -> bool:
        return duplicates.active_adjustment_of_kind(self.store, self.tenant_id, kind,
                                                    other_than=self.record.id if self.record else None)

    @staticmethod
    def tr_title(adjustment) -> str:
        text = "Change wish or adjustment" if adjustment else "Add a wish or adjustment"
        return tr("AdjustmentForm", text)

    def save(self):
        v = self.values()
        if self.record is None:
            return needs.record_adjustment(
                self.store, self.tenant_id, v["kind"], instruction=v["instruction"], reason=v["reason"],
                share_with_contractors=v["share_with_contractors"], consent_given=v["consent_given"],
                start_date=v["start_date"], review_date=v["review_date"], end_date=v["end_date"])
        return needs.change_adjustment(self.store, self.record.id, self.changed_values(),
                                       expected_version=self.record.version)


class WarningForm(NeedForm):
    """Record or change a safety warning, on the person or on their home."""

    catalogue = warning_kinds()

    def __init__(self, store, tenant_id: str, home_id: str | None, warning=None, parent=None):
        self.store = store
        self.tenant_id = tenant_id
        self.home_id = home_id
        title = tr("WarningForm", "Change safety warning" if warning else "Add a safety warning")
        super().__init__(title, warning, parent)
        w = warning
        self.add_combo("severity", self.tr("Se&verity:"), [(s.value, s.label) for s in Severity],
                       w.severity if w else Severity.MEDIUM.value)
        if w is None:
            about = [("person", self.tr("The tenant (goes with them if they move)"))]
            if home_id:
                about.append(("home", self.tr("The home (stays with the address)")))
            self.add_combo("about", self.tr("&About:"), about, "person")
        self.add_text("details", self.tr("&Details (for the record):"), w.details if w else "")
        self.mark_private("details")
        add_told_fields(self, w)
        self.add_dates()
        self.ready()

    def validate(self) -> dict[str, str]:
        return {**super().validate(), **told_errors(self)}

    def record_fields(self) -> set[str]:
        return set(self.fields) - {"about"}

    def has_same_kind(self, kind: str) -> bool:
        if self.record is not None:
            tenant_id, home_id = self.record.tenant_id, self.record.home_id
        else:
            on_home = self.value("about") == "home"
            tenant_id, home_id = (None, self.home_id) if on_home else (self.tenant_id, None)
        return duplicates.active_warning_of_kind(self.store, kind, tenant_id=tenant_id, home_id=home_id,
                                                 other_than=self.record.id if self.record else None)

    def save(self):
        v = self.values()
        if self.record is None:
            on_home = v.get("about") == "home"
            return needs.record_warning(
                self.store, tenant_id=None if on_home else self.tenant_id, home_id=self.home_id if on_home else None,
                kind=v["kind"], instruction=v["instruction"], details=v["details"], severity=v["severity"],
                start_date=v["start_date"], review_date=v["review_date"], end_date=v["end_date"],
                informed=v["informed"], informed_on=v["informed_on"])
        return needs.change_warning(self.store, self.record.id, self.changed_values(),
                                    expected_version=self.record.version)
