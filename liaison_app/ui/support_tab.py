"""Tenant record tab: support plans for a tenant under strain during works.

Lists the plans with status, review date and measures; Add… and Change… open the support plan form;
Close plan… asks for the outcome and confirms before closing.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton

from liaison_app.domain.enums import PlanStatus
from liaison_app.services import support
from liaison_app.services.record_screens import PlanRow, support_screen
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel, show_date
from liaison_app.ui.support_plan_form import SupportPlanDialog
from liaison_app.ui.tenant_tab import TenantListTab
from liaison_app.ui.workers import load


def review_text(view) -> str:
    review = view.plan.review_date
    if review is None:
        return ""
    overdue = review < date.today() and view.plan.status != PlanStatus.CLOSED.value
    return show_date(review) + (" (overdue)" if overdue else "")


def plan_columns() -> list[Column]:
    return [
        Column("Status", lambda v: PlanStatus(v.plan.status).label if v.plan.status in PlanStatus.values()
               else v.plan.status),
        Column("Started", lambda v: show_date(v.plan.start_date)),
        Column("Review", review_text),
        Column("Measures", lambda v: "; ".join(m.text for m in v.measures) or "—",
               tooltip=lambda v: "\n".join(m.text for m in v.measures)),
        Column("Contacts", lambda v: len(v.contacts)),
        Column("Outcome", lambda v: v.plan.outcome),
    ]


class ClosePlanDialog(FormDialog):
    """Close a support plan with its outcome; confirms before closing."""

    def __init__(self, store, plan_id: str, parent=None) -> None:
        super().__init__(self.tr("Close support plan"), parent)
        self.store = store
        self.plan_id = plan_id
        self.add_text("outcome", self.tr("&Outcome:"), placeholder=self.tr("How the works went for the tenant"))
        self.add_date("closed_on", self.tr("&Closed on:"), date.today())
        self.save_button.setText(self.tr("Close plan"))
        self.ready()

    def validate(self) -> dict[str, str]:
        errors = {}
        if not self.value("outcome"):
            self.required(errors, "outcome", self.tr("Say how it ended: the outcome is kept with the plan."))
        if self.value("closed_on") > date.today():
            errors["closed_on"] = self.tr("The closing date is in the future.")
        return errors

    def try_save(self) -> bool:
        if self.refresh_validation():
            return False
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Close this support plan? Its measures will no longer be printed on briefings."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return super().try_save()

    def save(self):
        return support.close_plan(self.store, self.plan_id, self.value("outcome"), on=self.value("closed_on"))


class SupportPlansTab(TenantListTab):
    """The tenant's support plans. Signals: `changed` after a save, `loaded` once a read's rows are shown."""

    def __init__(self, store, tenant_id: str, parent=None) -> None:
        super().__init__(store, tenant_id, parent)
        self.model = RowTableModel(plan_columns(), id_of=lambda v: v.plan.id, parent=self)
        self.table = RecordTableView(self.model, self.tr("Support plans"), self)
        self.table.open_id.connect(lambda _id: self.change_plan())
        self.show_closed = QCheckBox(self.tr("Show &closed plans"), self)
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.change_button = QPushButton(self.tr("C&hange…"), self)
        self.close_button = QPushButton(self.tr("Close &plan…"), self)
        self.add_button.clicked.connect(self.add_plan)
        self.change_button.clicked.connect(self.change_plan)
        self.close_button.clicked.connect(self.close_plan)
        lay = self.lay_out(self.add_button, self.change_button, self.close_button)
        lay.addWidget(self.show_closed)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def forget_tenant(self) -> None:
        super().forget_tenant()
        self.show_closed.blockSignals(True)
        self.show_closed.setChecked(False)  # as a newly built tab starts
        self.show_closed.blockSignals(False)
        self._update_buttons()

    def refresh(self) -> None:
        """Read the plans off the UI thread; "Loading…" shows until they arrive."""
        self.empty.setVisible(True)
        load(self, support_screen, self.store, self.tenant_id, self.show_closed.isChecked(), status=self.empty,
             on_done=self._show)

    def _show(self, plans: tuple[PlanRow, ...]) -> None:
        self.model.set_rows(plans)
        self.table.resizeColumnsToContents()
        self.table.select_first()
        self._update_buttons()
        self.rows_shown(self.tr("No support plan. Add one when works may strain this tenant."))

    def _update_buttons(self) -> None:
        view = self.table.current_row()
        self.change_button.setEnabled(view is not None)
        self.close_button.setEnabled(view is not None and view.plan.status != PlanStatus.CLOSED.value)

    def _run(self, dialog) -> bool:
        if dialog.exec():
            self.refresh()
            self.changed.emit()
            return True
        return False

    def add_plan(self) -> bool:
        return self._run(SupportPlanDialog(self.store, self.tenant_id, parent=self))

    def change_plan(self) -> bool:
        view = self.table.current_row()
        if view is None:
            return False
        return self._run(SupportPlanDialog(self.store, self.tenant_id, plan_id=view.plan.id, parent=self))

    def close_plan(self) -> bool:
        view = self.table.current_row()
        if view is None or view.plan.status == PlanStatus.CLOSED.value:
            return False
        return self._run(ClosePlanDialog(self.store, view.plan.id, self))
