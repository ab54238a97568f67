"""The Visits & follow-ups tab: visits and calls newest first, and the follow-up actions still to do."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QHBoxLayout

from liaison_app.services import visits
from liaison_app.services.record_screens import VisitsScreen, visits_screen
from liaison_app.services.catalogues import visit_types
from liaison_app.ui.actions import shortcut_action
from liaison_app.ui.record_tab import RecordTab, size_columns, tool_button
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel
from liaison_app.ui.visit_forms import FollowUpForm, VisitForm
from liaison_app.ui.widgets import SectionHeader


def _due_colour(f) -> str | None:
    return "#8a1c1c" if f.done_on is None and f.due_date <= date.today() else None


class VisitsTab(RecordTab):
    """Visits and calls (Ctrl+N logs one) and follow-ups (Ctrl+Shift+N adds one, Ctrl+D marks done)."""

    noun = "visit"

    def __init__(self, store, tenant_id: str, parent=None):
        super().__init__(store, tenant_id, parent)
        self.add_action.setText(self.tr("Log visit or call…"))
        self.add_action.setIconText(self.add_action.text())
        self.end_action.setEnabled(False)
        self.buttons[self.end_action].hide()
        self.show_ended.hide()
        self._layout.insertWidget(0, SectionHeader(self.tr("Visits and calls"), self, scale=1.05))
        self._build_follow_ups()

    def _build_follow_ups(self) -> None:
        self.follow_model = RowTableModel([
            Column(self.tr("Follow-up"), lambda f: f.action, tooltip=lambda f: f.action),
            Column(self.tr("Due by"), lambda f: f.due_date, colour=_due_colour),
            Column(self.tr("Who"), lambda f: f.assigned_to),
            Column(self.tr("Done"), lambda f: f.done_on),
        ], parent=self)
        self.follow_table = RecordTableView(self.follow_model, self.tr("Follow-ups"), self)
        size_columns(self.follow_table, [0, 12, 16, 12])
        self.follow_table.open_id.connect(lambda _id: self.change_follow_up())
        self.add_follow_action = shortcut_action(self, self.tr("Add follow-up…"), self.add_follow_up, "Ctrl+Shift+N")
        self.done_action = shortcut_action(self, self.tr("Mark done"), self.mark_done, "Ctrl+D")
        self.show_done = QCheckBox(self.tr("Show done"), self)
        self.show_done.setAccessibleName(self.show_done.text())
        self.show_done.toggled.connect(lambda _on: self.refresh_follow_ups())
        row = QHBoxLayout()
        row.addWidget(SectionHeader(self.tr("Follow-ups"), self, scale=1.05))
        row.addWidget(tool_button(self, self.add_follow_action))
        row.addWidget(tool_button(self, self.done_action))
        row.addStretch(1)
        row.addWidget(self.show_done)
        self._layout.addLayout(row)
        self._layout.addWidget(self.follow_table, 1)
        self.follow_table.selectionModel().currentChanged.connect(lambda *_a: self.update_actions())

    def forget_tenant(self) -> None:
        self.follow_model.set_rows([])
        self.show_done.blockSignals(True)
        self.show_done.setChecked(False)
        self.show_done.blockSignals(False)
        super().forget_tenant()

    def columns(self) -> list[Column]:
        types = visit_types()
        return [
            Column(self.tr("When"), lambda v: v.at),
            Column(self.tr("Type"), lambda v: types.label(v.visit_type)),
            Column(self.tr("Outcome"), lambda v: v.outcome, tooltip=lambda v: v.outcome),
            Column(self.tr("By"), lambda v: v.created_by),
        ]

    def column_chars(self) -> list[int]:
        return [19, 22, 0, 14]  # "25/10/2025 09:30" whole

    def list_name(self) -> str:
        return self.tr("Visits and calls")

    def read(self):
        show_done = getattr(self, "show_done", None)  # built after the base class's first read
        return visits_screen, self.store, self.tenant_id, show_done is not None and show_done.isChecked()

    def rows_of(self, screen: VisitsScreen):
        if hasattr(self, "follow_model"):
            self.show_follow_ups(screen.follow_ups)
        return screen.visits

    def is_ended(self, row) -> bool:
        return True  # visits are not ended

    def new_form(self) -> VisitForm:
        return VisitForm(self.store, self.tenant_id, None, self)

    def change_form(self, row) -> VisitForm:
        return VisitForm(self.store, self.tenant_id, row, self)

    def empty_text(self) -> str:
        return self.tr("No visits or calls logged. Log visit or call… (Ctrl+N).")

    # ----- follow-ups
    def refresh_follow_ups(self) -> None:
        self.refresh()  # one read brings both lists

    def show_follow_ups(self, follow_ups) -> None:
        current = self.follow_table.current_id()
        self.follow_model.set_rows(follow_ups)
        self.follow_table.select_id(current)
        self.update_actions()

    def update_actions(self) -> None:
        super().update_actions()
        if hasattr(self, "done_action"):
            row = self.follow_table.current_row()
            self.done_action.setEnabled(row is not None and row.done_on is None)

    def menu_actions(self):
        return [self.add_action, self.change_action, self.add_follow_action, self.done_action, self.undo_action]

    def add_follow_up(self) -> FollowUpForm:
        return self._open_form(FollowUpForm(self.store, self.tenant_id, None, self))

    def change_follow_up(self) -> FollowUpForm | None:
        row = self.follow_table.current_row()
        return self._open_form(FollowUpForm(self.store, self.tenant_id, row, self)) if row is not None else None

    def mark_done(self) -> bool:
        row = self.follow_table.current_row()
        if row is None or row.done_on is not None:
            return False
        return self._run(lambda: visits.mark_follow_up_done(self.store, row.id))
