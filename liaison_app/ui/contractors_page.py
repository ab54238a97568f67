"""Contractors: each company, the code of conduct it signed and when, tenant feedback on its conduct,
and its operatives with their ID badge numbers. Add and change both; "Pack…" prints a day's pack.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QToolBar, QVBoxLayout, QWidget

from liaison_app.services.screens import ContractorRow, ContractorsScreen, contractors_screen
from liaison_app.ui.actions import shortcut_action
from liaison_app.ui.contractor_forms import ContractorDialog, OperativeDialog
from liaison_app.ui import briefing_preview
from liaison_app.ui.page_base import Page
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel, show_date
from liaison_app.ui.widgets import SectionHeader
from liaison_app.ui.workers import load


def code_colour(contractor: ContractorRow) -> str | None:
    """Amber when the company has not signed the current code of conduct."""
    return None if contractor.signed_current_code else "#6b4100"


def contractor_columns() -> list[Column]:
    return [
        Column("Company", lambda r: r.name),
        Column("Phone", lambda r: r.phone),
        Column("Email", lambda r: r.email),
        Column("Code signed", lambda r: r.conduct_version or "Not signed",
               tooltip=lambda r: r.code_note, colour=code_colour),
        Column("Signed on", lambda r: show_date(r.conduct_signed_on)),
        Column("Operatives", lambda r: len(r.operatives)),
        Column("Conduct feedback", lambda r: r.feedback,
               tooltip=lambda r: "Tenant feedback on this contractor's conduct",
               colour=lambda r: "#8a1c1c" if r.feedback else None),
    ]


def operative_columns() -> list[Column]:
    return [Column("Operative", lambda o: o.name), Column("ID badge", lambda o: o.badge_number or "—"),
            Column("Badge expires", lambda o: show_date(o.badge_expiry)), Column("Trade", lambda o: o.trade),
            Column("Gas Safe", lambda o: " to ".join(p for p in (o.gas_safe_number, show_date(o.gas_safe_expiry)) if p)),
            Column("Gender (requests only)", lambda o: o.gender.capitalize() or "—")]


class ContractorsPage(Page):
    """Contractors and operatives. Signals open_tenant/open_job are unused here but kept for the frame."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.contractors = RowTableModel(contractor_columns(), parent=self)
        self.operatives = RowTableModel(operative_columns(), parent=self)
        self.contractor_table = RecordTableView(self.contractors, self.tr("Contractors"), self)
        self.operative_table = RecordTableView(self.operatives, self.tr("Operatives"), self)
        self.contractor_table.open_id.connect(lambda _id: self.change_contractor())
        self.operative_table.open_id.connect(lambda _id: self.change_operative())
        outer, self.status = self.start_layout(self.tr("Contractors"))
        outer.addWidget(self._build_toolbar())
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.contractor_table)
        split.addWidget(self._operatives_box(split))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        outer.addWidget(split, 1)
        self.contractor_table.selectionModel().currentChanged.connect(lambda *_: self._show_operatives())
        self.refresh()

    def _operatives_box(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.operatives_header = SectionHeader(self.tr("Operatives"), box, scale=1.1)
        lay.addWidget(self.operatives_header)
        lay.addWidget(self.operative_table, 1)
        return box

    def _action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        return shortcut_action(self, text, slot, shortcut, icon_text=False)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("Contractor actions"), self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_contractor_action = self._action(self.tr("Add contractor…"), self.add_contractor, "Ctrl+N")
        self.change_contractor_action = self._action(self.tr("Change contractor…"), self.change_contractor)
        self.add_operative_action = self._action(self.tr("Add operative…"), self.add_operative, "Ctrl+Shift+N")
        self.change_operative_action = self._action(self.tr("Change operative…"), self.change_operative)
        self.pack_action = self._action(self.tr("Pack…"), self.make_pack, "Ctrl+Shift+P")
        for a in (self.add_contractor_action, self.change_contractor_action, self.add_operative_action,
                  self.change_operative_action, self.pack_action):
            bar.addAction(a)
        return bar

    # ----- data
    def refresh(self, select_id: str | None = None, message: str = "") -> None:
        """Read the contractors off the UI thread; then select `select_id` (or keep the selection) and say
        `message`."""
        chosen = select_id or self.contractor_table.current_id()
        load(self, contractors_screen, self.store, status=self.status,
             on_done=lambda screen: self._show(screen, chosen, message))

    def _show(self, screen: ContractorsScreen, chosen: str | None, message: str) -> None:
        self.contractors.set_rows(list(screen.contractors))
        self.contractor_table.resizeColumnsToContents()
        self.select_contractor(chosen) if chosen else self.contractor_table.select_first()
        self._show_operatives()
        self.status.setText(message)
        self.loaded.emit()

    def current_contractor(self) -> ContractorRow | None:
        return self.contractor_table.current_row()

    def select_contractor(self, contractor_id: str) -> None:
        self.contractor_table.select_id(contractor_id)

    def _show_operatives(self) -> None:
        contractor = self.current_contractor()
        self.operatives.set_rows(list(contractor.operatives) if contractor else [])
        self.operatives_header.setText(self.tr("Operatives of %s") % contractor.name if contractor
                                       else self.tr("Operatives"))
        self.operative_table.resizeColumnsToContents()
        has = contractor is not None
        self.change_contractor_action.setEnabled(has)
        self.add_operative_action.setEnabled(has)
        self.change_operative_action.setEnabled(has and self.operatives.rowCount() > 0)
        self.pack_action.setEnabled(has)

    # ----- actions
    def _after_save(self, dialog, contractor_id: str | None, message) -> bool:
        """Run the dialog; once saved, reload and then select `contractor_id` and say `message(dialog)`."""
        if not dialog.exec():
            return False
        chosen = contractor_id or dialog.result_value.id
        self.refresh(select_id=chosen, message=message(dialog))
        return True

    def add_contractor(self) -> bool:
        dialog = ContractorDialog(self.store, parent=self)
        return self._after_save(dialog, None,
                                lambda d: self.tr("Contractor %s added.") % d.result_value.name)

    def change_contractor(self) -> bool:
        contractor = self.current_contractor()
        if contractor is None:
            return False
        dialog = ContractorDialog(self.store, contractor, parent=self)
        said = self.tr("Contractor %s saved.") % dialog.value("name")
        return self._after_save(dialog, contractor.id, lambda d: said)

    def add_operative(self) -> bool:
        contractor = self.current_contractor()
        if contractor is None:
            return False
        dialog = OperativeDialog(self.store, contractor.id, parent=self)
        return self._after_save(dialog, contractor.id, lambda d: self.tr("Operative %s (badge %s) added to %s.") % (
            d.result_value.name, d.result_value.badge_number, contractor.name))

    def change_operative(self) -> bool:
        contractor, operative = self.current_contractor(), self.operative_table.current_row()
        if contractor is None or operative is None:
            return False
        dialog = OperativeDialog(self.store, contractor.id, operative, parent=self)
        return self._after_save(dialog, contractor.id, lambda d: self.tr("Operative %s saved.") % d.value("name"))

    def make_pack(self) -> None:
        contractor = self.current_contractor()
        if contractor is not None:
            briefing_preview.open_pack(self, self.store, contractor_id=contractor.id)  # the officer chooses the day
