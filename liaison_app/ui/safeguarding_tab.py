"""The tenant record's Safeguarding tab: the concerns this officer may see, and a form to raise one.

Safeguarding leads see every concern; an officer sees only those they raised. What was seen is
private: it is never printed on a briefing or a report.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from liaison_app.domain.enums import ConcernStatus, SafeguardingCategory
from liaison_app.services import safeguarding
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.row_models import Column, RowTableModel
from liaison_app.ui.i18n import tr



def _label(code: str) -> str:
    return code.replace("_", " ").capitalize()


def concern_model(parent=None) -> RowTableModel:
    """Concerns as rows: raised on, category, status, referred to, what was seen (first line)."""
    return RowTableModel((
        Column(tr("ConcernModel", "Raised"), lambda c: c.raised_on),
        Column(tr("ConcernModel", "Category"), lambda c: _label(c.category)),
        Column(tr("ConcernModel", "Status"), lambda c: _label(c.status)),
        Column(tr("ConcernModel", "Referred to"), lambda c: c.referred_to),
        Column(tr("ConcernModel", "What was seen"),
               lambda c: (c.what_was_seen or "").splitlines()[0] if c.what_was_seen else ""),
    ), parent=parent)


class ConcernForm(FormDialog):
    """Raise a safeguarding concern about this tenant's household."""

    def __init__(self, store, tenant_id: str, parent=None):
        super().__init__(self.tr("Raise a safeguarding concern"), parent)
        self.store, self.tenant_id = store, tenant_id
        self.add_combo("category", self.tr("Category:"),
                       [(c.value, _label(c.value)) for c in SafeguardingCategory], blank=self.tr("— choose —"))
        self.add_text("what_was_seen", self.tr("What was seen or heard:"))
        self.mark_private("what_was_seen")
        self.add_line("raised_by_contractor", self.tr("Reported by contractor:"),
                      placeholder=self.tr("if a contractor reported it"))
        self.add_line("referred_to", self.tr("Referred to:"), placeholder=self.tr("e.g. the council's safeguarding team"))
        self.add_date("raised_on", self.tr("Raised on:"), date.today())
        self.ready()

    def validate(self) -> dict[str, str]:
        errors = {}
        if not self.value("category"):
            errors["category"] = self.tr("Choose a category.")
        if not self.value("what_was_seen"):
            errors["what_was_seen"] = self.tr("Say what was seen or heard.")
        return errors

    def save(self):
        v = self.values()
        return safeguarding.raise_concern(self.store, self.tenant_id, v["category"], what_was_seen=v["what_was_seen"],
                                          referred_to=v["referred_to"], raised_by_contractor=v["raised_by_contractor"],
                                          raised_on=v["raised_on"])


class SafeguardingTab(QWidget):
    """Tenant-record tab: `SafeguardingTab(store, tenant_id, parent=None)`, with `refresh()` and `changed`."""

    changed = Signal()

    def __init__(self, store, tenant_id: str, parent=None):
        super().__init__(parent)
        self.store, self.tenant_id = store, tenant_id
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("Seen only by safeguarding leads and the officer who raised each concern. "
                              "Never printed."), self)
        note.setWordWrap(True)
        lay.addWidget(note)
        self.model = concern_model(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Safeguarding concerns"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No concerns you can see."), self)
        lay.addWidget(self.empty)
        row = QHBoxLayout()
        self.raise_button = QPushButton(self.tr("Raise a concern…"), self)
        self.raise_button.clicked.connect(self.raise_concern)
        self.close_button = QPushButton(self.tr("Close concern"), self)
        self.close_button.clicked.connect(self.close_selected)
        row.addWidget(self.raise_button)
        row.addWidget(self.close_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        rows = safeguarding.list_concerns(self.store, self.tenant_id)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)

    def new_form(self) -> ConcernForm:
        return ConcernForm(self.store, self.tenant_id, self)

    def raise_concern(self) -> None:
        form = self.new_form()
        if form.exec():
            self.refresh()
            self.changed.emit()

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def close_selected(self) -> None:
        concern_id = self.selected_id()
        if concern_id is None:
            return
        safeguarding.change_concern(self.store, concern_id, {"status": ConcernStatus.CLOSED.value,
                                                             "closed_on": date.today()})
        self.refresh()
        self.changed.emit()
