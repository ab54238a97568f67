"""The Wishes & adjustments tab of the tenant record."""
from __future__ import annotations

from datetime import date, timedelta

from liaison_app.services import needs
from liaison_app.services.record_screens import adjustments_screen
from liaison_app.services.catalogues import adjustment_kinds
from liaison_app.ui.needs_forms import AdjustmentForm
from liaison_app.ui.record_tab import RecordTab
from liaison_app.ui.row_models import Column


def _review_colour(row) -> str | None:
    if row.end_date is None and row.review_date and row.review_date <= date.today() + timedelta(days=14):
        return "#8a1c1c"
    return None


class AdjustmentsTab(RecordTab):
    """The tenant's wishes and reasonable adjustments: what the contractor must do, review dates, consent."""

    noun = "adjustment"
    printed_for_operatives = True

    def columns(self) -> list[Column]:
        kinds = adjustment_kinds()
        return [
            Column(self.tr("Wish or adjustment"), lambda a: kinds.label(a.kind)),
            Column(self.tr("What the operative must do"), lambda a: a.instruction, tooltip=lambda a: a.instruction),
            Column(self.tr("On briefings"), lambda a: self.tr("Yes") if a.share_with_contractors and a.consent_given
                   else self.tr("No")),
            Column(self.tr("Review by"), lambda a: a.review_date, colour=_review_colour),
            Column(self.tr("Ends"), lambda a: a.end_date),
        ]

    def column_chars(self) -> list[int]:
        return [24, 0, 12, 12, 12]

    def list_name(self) -> str:
        return self.tr("Wishes and adjustments")

    def read(self):
        return adjustments_screen, self.store, self.tenant_id, self.show_ended.isChecked()

    def new_form(self) -> AdjustmentForm:
        return AdjustmentForm(self.store, self.tenant_id, None, self)

    def change_form(self, row) -> AdjustmentForm:
        return AdjustmentForm(self.store, self.tenant_id, row, self)

    def end_record(self, row):
        return needs.end_adjustment(self.store, row.id)

    def end_question(self, row) -> str:
        return self.tr("End “%s” from today? Briefings stop showing it; it stays in the history.") % (
            adjustment_kinds().label(row.kind))

    def empty_text(self) -> str:
        return self.tr("No wishes or adjustments recorded. Add… (Ctrl+N) records one, such as boot covers "
                       "or a female operative.")
