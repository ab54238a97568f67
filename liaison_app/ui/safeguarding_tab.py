"""The tenant record's Safeguarding tab: the concerns this officer may see, and a form to raise one.

Safeguarding leads see every concern; an officer sees only those they raised. What was seen is
private: it is never printed on a briefing or a report.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from liaison_app.domain.enums import ConcernStatus, SafeguardingCategory
from liaison_app.services import safeguarding
from liaison_app.services.record_screens import concerns_screen
from liaison_app.ui.concern_review_form import add_review_fields, review_errors
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.row_models import Column, RowTableModel
from liaison_app.ui.i18n import tr
from liaison_app.ui.widgets import row_table
from liaison_app.ui.workers import load



def _label(code: str) -> str:
    return code.replace("_", " ").capitalize()


def concern_model(parent=None) -> RowTableModel:
    """Concerns as rows: raised on, category, status, referred to, review by, next action, what was seen
    (first line)."""
    return RowTableModel((
        Column(tr("ConcernModel", "Raised"), lambda c: c.raised_on),
        Column(tr("ConcernModel", "Category"), lambda c: _label(c.category)),
        Column(tr("ConcernModel", "Status"), lambda c: _label(c.status)),
        Column(tr("ConcernModel", "Referred to"), lambda c: c.referred_to),
        Column(tr("ConcernModel", "Review by"), lambda c: c.review_date),
        Column(tr("ConcernModel", "Next action"), lambda c: c.next_action),
        Column(tr("ConcernModel", "What was seen"),
               lambda c: (c.what_was_seen or "").splitlines()[0] if c.what_was_seen else ""),
    ), parent=parent)


class ConcernForm(FormDialog):
    """Raise a safeguarding concern about this tenant's household, or change one (`concern`, a row)."""

    def __init__(self, store, tenant_id: str, parent=None, concern=None):
        title = "Change safeguarding concern" if concern else "Raise a safeguarding concern"
        super().__init__(tr("ConcernForm", title), parent)
        self.store, self.tenant_id, self.concern = store, tenant_id, concern
        c = concern
        self.add_combo("category", self.tr("Category:"), [(k.value, _label(k.value)) for k in SafeguardingCategory],
                       c.category if c else None, blank=self.tr("— choose —"))
        self.add_text("what_was_seen", self.tr("What was seen or heard:"), c.what_was_seen if c else "")
        self.mark_private("what_was_seen")
        self.add_line("raised_by_contractor", self.tr("Reported by contractor:"), c.raised_by_contractor if c else "",
                      placeholder=self.tr("if a contractor reported it"))
        self.add_line("referred_to", self.tr("Referred to:"), c.referred_to if c else "",
                      placeholder=self.tr("e.g. the council's safeguarding team"))
        if c is None:
            self.add_date("raised_on", self.tr("Raised on:"), date.today())
        add_review_fields(self, c.next_action if c else "", c.review_date if c else None, c.raised_on if c else None)
        self.ready()

    def validate(self) -> dict[str, str]:
        errors = {}
        self.require(errors, {"category": self.tr("Choose a category."),
                              "what_was_seen": self.tr("Say what was seen or heard.")})
        errors.update(review_errors(self, self.concern.raised_on if self.concern else self.value("raised_on")))
        return errors

    def save(self):
        v = self.values()
        if self.concern is not None:
            start = self._snapshot or {}
            return safeguarding.change_concern(self.store, self.concern.id,
                                               {k: x for k, x in v.items() if start.get(k) != x},
                                               expected_version=self.concern.version)
        return safeguarding.raise_concern(self.store, self.tenant_id, v["category"], what_was_seen=v["what_was_seen"],
                                          referred_to=v["referred_to"], raised_by_contractor=v["raised_by_contractor"],
                                          raised_on=v["raised_on"], next_action=v["next_action"],
                                          review_date=v["review_date"])


class SafeguardingTab(QWidget):
    """Tenant-record tab: `SafeguardingTab(store, tenant_id, parent=None)`, with `refresh()` and `changed`."""

    changed = Signal()
    loaded = Signal()  # the concerns of a read are shown

    def __init__(self, store, tenant_id: str, parent=None):
        super().__init__(parent)
        self.store, self.tenant_id = store, tenant_id
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("Seen only by safeguarding leads and the officer who raised each concern. "
                              "Never printed."), self)
        note.setWordWrap(True)
        lay.addWidget(note)
        self.model = concern_model(self)
        self.table = row_table(self.model, self.tr("Safeguarding concerns"), self)
        lay.addWidget(self.table, 1)
        self.empty = QLabel("", self)
        lay.addWidget(self.empty)
        row = QHBoxLayout()
        self.raise_button = QPushButton(self.tr("Raise a concern…"), self)
        self.raise_button.clicked.connect(self.raise_concern)
        self.close_button = QPushButton(self.tr("Close concern"), self)
        self.close_button.clicked.connect(self.close_selected)
        row.addWidget(self.raise_button)
        row.addWidget(self.close_button)
        self.review_button = QPushButton(self.tr("Change concern…"), self)
        self.review_button.setToolTip(self.tr("Change the selected concern: its next action, review date, referral"))
        self.review_button.clicked.connect(self.review_selected)
        row.addWidget(self.review_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        """Read the concerns this officer may see off the UI thread; "Loading…" shows until they arrive."""
        self.empty.setVisible(True)
        load(self, concerns_screen, self.store, self.tenant_id, status=self.empty, on_done=self._show)

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        self.empty.setText(self.tr("No concerns you can see."))
        self.empty.setVisible(not rows)
        self.loaded.emit()

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

    def review_form(self) -> ConcernForm | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return ConcernForm(self.store, self.tenant_id, self, concern=row) if row is not None else None

    def review_selected(self) -> None:
        form = self.review_form()
        if form is not None and form.exec():
            self.refresh()
            self.changed.emit()

    def close_selected(self) -> None:
        concern_id = self.selected_id()
        if concern_id is None:
            return
        safeguarding.change_concern(self.store, concern_id, {"status": ConcernStatus.CLOSED.value,
                                                             "closed_on": date.today()})
        self.refresh()
        self.changed.emit()
