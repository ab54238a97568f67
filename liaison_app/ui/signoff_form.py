"""The job record's sign-off line: has the operative's slip (the bottom of the briefing) come back, and
does it match? "Sign-off returned…" records it in a small form (issue #12 point 5).

The form shows who was booked (name and badge) beside what the slip says, so the officer compares the
two; ticking "badge matches" with a different badge number typed is refused beside the field.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from liaison_app.services import signoff
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.i18n import tr
from liaison_app.ui.row_models import show_date
from liaison_app.ui.workers import load


class SignOffForm(FormDialog):
    """Record what a returned sign-off slip shows: returned on, ID shown, badge, signed."""

    def __init__(self, store, job_id: str, parent=None, state: signoff.SignOffState | None = None) -> None:
        super().__init__(self.tr("Sign-off returned"), parent)
        self.store = store
        self.state = state = state or signoff.signoff_state(store, job_id)  # read here only if not given
        slip, booked = state.slip, state.booked
        badge = self.tr("badge %s") % booked.badge_number if booked.badge_number else ""
        who = " · ".join(p for p in (booked.operative, badge) if p) or self.tr("No operative was booked")
        self.booked_label = QLabel(self.tr("Booked: %s") % who, self)
        self.booked_label.setWordWrap(True)
        self.form.insertRow(0, self.booked_label)
        self.add_date("returned_on", self.tr("&Came back on:"), slip.returned_on if slip else date.today())
        self.add_checkbox("id_shown", self.tr("ID:"), slip.id_shown if slip else False,
                          self.tr("&ID shown to the tenant (box ticked on the slip)"))
        self.add_line("badge_number", self.tr("Badge &number on the slip:"), slip.badge_number if slip else "",
                      self.tr("as written, if legible"))
        self.add_checkbox("badge_matches", self.tr("Badge:"), slip.badge_matches if slip else False,
                          self.tr("Badge &matches the booked operative"))
        self.add_checkbox("signed", self.tr("Signed:"), slip.signed if slip else False,
                          self.tr("&Signed and dated"))
        self.ready()

    def on_field_changed(self, name: str) -> None:
        booked = self.state.booked.badge_number
        typed = self.value("badge_number")
        if name == "badge_number" and booked and typed:  # a legible badge answers the question itself
            self.set_value("badge_matches", typed.casefold() == booked.casefold())

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.value("returned_on") > date.today():
            errors["returned_on"] = self.tr("The slip cannot come back in the future.")
        booked, typed = self.state.booked.badge_number, self.value("badge_number")
        if self.value("badge_matches") and booked and typed and typed.casefold() != booked.casefold():
            errors["badge_matches"] = self.tr("The badge on the slip is not the booked operative's (%s).") % booked
        return errors

    def save(self):
        v = self.values()
        slip = self.state.slip
        return signoff.record_signoff(self.store, self.state.job_id, returned_on=v["returned_on"],
                                      id_shown=v["id_shown"], badge_matches=v["badge_matches"], signed=v["signed"],
                                      badge_number=v["badge_number"], expected_version=slip.version if slip else None)


def state_text(state: signoff.SignOffState) -> str:
    """One line: not back yet, in order, or what does not match."""
    if state.slip is None:
        return tr("SignOffBar", "Sign-off: not back yet")
    when = show_date(state.slip.returned_on)
    if not state.problems:
        return tr("SignOffBar", "Sign-off: back %s, in order") % when
    return tr("SignOffBar", "Sign-off: back %s — %s") % (when, "; ".join(state.problems))


class SignOffBar(QWidget):
    """The line and its button, for the job record. Reads off the UI thread; `changed` after a save."""

    changed = Signal()

    def __init__(self, store, job_id: str, parent=None) -> None:
        super().__init__(parent)
        self.store, self.job_id = store, job_id
        self.state: signoff.SignOffState | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self.tr("Si&gn-off returned…"), self)
        self.button.setToolTip(self.tr("Record the operative's sign-off slip that came back from the job"))
        self.button.setEnabled(False)
        self.button.clicked.connect(self.record)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        lay.addWidget(self.button)
        lay.addWidget(self.label, 1)
        self.refresh()

    def refresh(self) -> None:
        load(self, signoff.signoff_state, self.store, self.job_id, status=self.label, on_done=self._show)

    def _show(self, state: signoff.SignOffState) -> None:
        self.state = state
        self.label.setText(state_text(state))
        self.label.setStyleSheet("color: #8a1c1c;" if state.problems else "")
        self.button.setEnabled(True)

    def new_form(self) -> SignOffForm:
        return SignOffForm(self.store, self.job_id, self, self.state)

    def record(self) -> None:
        if self.state is None:
            return
        form = self.new_form()
        if form.exec():
            self.refresh()
            self.changed.emit()
