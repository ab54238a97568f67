"""The Safety warnings tab of the tenant record: risks to operatives, on the person or on the home."""
from __future__ import annotations

from liaison_app.domain.enums import Severity
from liaison_app.services import needs
from liaison_app.services.record_screens import WarningsScreen, warnings_screen
from liaison_app.services.catalogues import warning_kinds
from liaison_app.ui.needs_forms import WarningForm
from liaison_app.ui.record_tab import RecordTab
from liaison_app.ui.row_models import Column

_SEVERITY_COLOUR = {"high": "#8a1c1c", "medium": "#6b4100"}


class WarningsTab(RecordTab):
    """The safety warnings that apply when visiting this tenant (theirs and their home's)."""

    noun = "warning"
    printed_for_operatives = True

    def __init__(self, store, tenant_id: str, parent=None, *, home_id: str | None = None):
        self.home_id = home_id  # the tenant's home, known once the first read arrives
        super().__init__(store, tenant_id, parent)

    def forget_tenant(self) -> None:
        super().forget_tenant()
        self.home_id = None  # known again once the next tenant's first read arrives

    def columns(self) -> list[Column]:
        kinds = warning_kinds()
        return [
            Column(self.tr("Warning"), lambda w: kinds.label(w.kind)),
            Column(self.tr("Severity"), lambda w: Severity(w.severity).label if w.severity in Severity.values()
                   else w.severity, colour=lambda w: _SEVERITY_COLOUR.get(w.severity)),
            Column(self.tr("On"), lambda w: self.tr("Home") if w.home_id and not w.tenant_id else self.tr("Tenant")),
            Column(self.tr("What the operative must do"), lambda w: w.instruction, tooltip=lambda w: w.instruction),
            Column(self.tr("Review by"), lambda w: w.review_date),
            Column(self.tr("Ends"), lambda w: w.end_date),
        ]

    def column_chars(self) -> list[int]:
        return [24, 10, 9, 0, 12, 12]

    def list_name(self) -> str:
        return self.tr("Safety warnings")

    def read(self):
        return warnings_screen, self.store, self.tenant_id, self.show_ended.isChecked()

    def rows_of(self, screen: WarningsScreen):
        self.home_id = self.home_id or screen.home_id
        return screen.warnings

    def new_form(self) -> WarningForm:
        return WarningForm(self.store, self.tenant_id, self.home_id, None, self)

    def change_form(self, row) -> WarningForm:
        return WarningForm(self.store, self.tenant_id, self.home_id, row, self)

    def end_record(self, row):
        return needs.end_warning(self.store, row.id)

    def end_question(self, row) -> str:
        return self.tr("End the “%s” warning from today? Operatives will no longer be warned; "
                       "it stays in the history.") % warning_kinds().label(row.kind)

    def empty_text(self) -> str:
        return self.tr("No safety warnings. Add… (Ctrl+N) records a risk to operatives, such as a dangerous dog.")
