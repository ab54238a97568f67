"""Tenant record tab: what the tenant told us about contractors' conduct, against the code's points."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from liaison_app.services.catalogues import conduct_points
from liaison_app.services.record_screens import ConductScreen, conduct_screen
from liaison_app.ui.conduct_form import ConductFeedbackDialog
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel
from liaison_app.ui.tenant_tab import TenantListTab
from liaison_app.ui.workers import load


def feedback_columns(contractor_names: dict[str, str]) -> list[Column]:
    return [
        Column("Received", lambda f: f.received_on),
        Column("Contractor", lambda f: contractor_names.get(f.contractor_id, "")),
        Column("Code point", lambda f: conduct_points().label(f.point)),
        Column("What was said", lambda f: f.what_was_said, tooltip=lambda f: f.what_was_said),
        Column("Action taken", lambda f: f.action_taken, tooltip=lambda f: f.action_taken),
    ]


class ConductTab(TenantListTab):
    """The tenant's feedback on contractor conduct. Signals: `changed` after a save, `loaded` once shown."""

    def __init__(self, store, tenant_id: str, parent=None) -> None:
        super().__init__(store, tenant_id, parent)
        self.names: dict[str, str] = {}
        self.model = RowTableModel(feedback_columns(self.names), parent=self)
        self.table = RecordTableView(self.model, self.tr("Feedback on contractor conduct"), self)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setToolTip(self.tr("Record what the tenant said about a contractor's visit"))
        self.add_button.clicked.connect(self.add_feedback)
        self.lay_out(self.add_button)
        self.refresh()

    def forget_tenant(self) -> None:
        super().forget_tenant()
        self.names.clear()

    def refresh(self) -> None:
        """Read the feedback off the UI thread; "Loading…" shows until it arrives."""
        self.empty.setVisible(True)
        load(self, conduct_screen, self.store, self.tenant_id, status=self.empty, on_done=self._show)

    def _show(self, screen: ConductScreen) -> None:
        self.names.clear()
        self.names.update(screen.contractor_names)
        self.model.set_rows(screen.feedback)
        self.table.resizeColumnsToContents()
        self.rows_shown(self.tr("No feedback on contractor conduct from this tenant."))

    def add_feedback(self) -> bool:
        dialog = ConductFeedbackDialog(self.store, tenant_id=self.tenant_id, parent=self)
        if not dialog.exec():
            return False
        self.refresh()
        self.changed.emit()
        return True
