"""A job's access attempts: the list, a form to record one, the escalation stage and the evidence PDF.

The stage, the days left to the legal due date and the next step before legal action are shown at the
top, prominently; the rules behind them live in domain.access_rules and services.access. Each attempt
records its time of day and which adjustments and support measures were used that time. The officer
who recorded an attempt can correct it the same day; an admin can withdraw one with a reason
(services.access_changes).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QListWidget,
    QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from liaison_app.domain import checks_rules as rules
from liaison_app.domain.enums import AccessMethod, AccessOutcome, LetterStage
from liaison_app.domain.text import plural
from liaison_app.domain.validation import ValidationError
from liaison_app.printing import write_document
from liaison_app.services import access, access_changes
from liaison_app.services.permissions import NotAllowed
from liaison_app.services.records import StaleRecord
from liaison_app.ui.letter_dialog import open_letter
from liaison_app.ui.pdf_path import ask_pdf_path
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel, show_date

STAGE_TONES = {rules.READY_FOR_LEGAL: "#8a1c1c", rules.TRY_SUPPORT_FIRST: "#6b4100", rules.VARY_ATTEMPTS: "#6b4100",
               rules.ACCESS_GAINED: "#1e5e2a"}
TIMES = (("", "Not recorded"), ("morning", "Morning"), ("afternoon", "Afternoon"), ("evening", "Evening"))
OFFICE_ONLY = "Office only — never on a contractor briefing"
USED_COLUMN = 5


def _label(enum, value: str) -> str:
    return enum(value).label if value in enum.values() else value


def _outcome(a) -> str:
    text = _label(AccessOutcome, a.outcome)
    return f"Withdrawn ({text})" if a.withdrawn_on else text


def attempt_columns(labels: dict[str, str]) -> list[Column]:
    """The attempts table; `labels` names the adjustments and measures an attempt may have used."""
    def used(a) -> str:
        return "; ".join(labels.get(i, "(ended)").rstrip(".") for i in access.used_ids(a))
    return [
        Column("Date", lambda a: show_date(a.attempted_on)),
        Column("Time", lambda a: a.time_of_day),
        Column("Method", lambda a: _label(AccessMethod, a.method)),
        Column("Outcome", _outcome, tooltip=lambda a: a.withdrawn_reason),
        Column("Letter", lambda a: _label(LetterStage, a.letter_stage) if a.letter_stage else ""),
        Column("Used that time", used, tooltip=used),
        Column("Notes (office only)", lambda a: a.notes.replace("\n", " "), tooltip=lambda a: a.notes),
    ]


def days_left_text(esc: access.Escalation) -> str:
    if esc.completed_on is not None:
        return f"Done on {show_date(esc.completed_on)}: nothing is due on this job."
    if esc.no_record:
        return "No record of this check — due now."
    if esc.due_date is None:
        return "No legal due date recorded."
    if esc.days_left < 0:
        return f"Overdue by {-esc.days_left} days (due {show_date(esc.due_date)})."
    return f"{plural(esc.days_left, 'day')} left (due {show_date(esc.due_date)})."


class AccessAttemptsPanel(QWidget):
    """Embedded in the job detail of a mandatory check. Emits `changed` after an attempt is recorded."""

    changed = Signal()

    def __init__(self, store, job_id: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.job_id = job_id
        self.correcting = None  # the attempt being corrected, or None
        self.choices = access.attempt_choices(store, job_id)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Access attempts"), self)
        outer.addWidget(box)
        lay = QVBoxLayout(box)
        lay.addLayout(self._build_status())
        self.model = RowTableModel(attempt_columns({c.id: c.label for c in self.choices}), parent=self)
        self.table = RecordTableView(self.model, self.tr("Access attempts"), self)
        self.table.setMinimumHeight(110)
        lay.addWidget(self.table)
        lay.addLayout(self._build_form())
        self.refresh()

    # ----- building
    def _build_status(self) -> QVBoxLayout:
        col = QVBoxLayout()
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("escalationStage")
        font = self.stage_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.stage_label.setFont(font)
        self.days_label = QLabel(self)
        self.prompt_label = QLabel(self)
        self.prompt_label.setObjectName("escalationPrompt")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setStyleSheet("QLabel#escalationPrompt { background: #fdecc8; color: #6b4100; "
                                        "border-radius: 4px; padding: 6px; font-weight: bold; }")
        for w in (self.stage_label, self.days_label, self.prompt_label):
            col.addWidget(w)
        return col

    def _combo(self, enum, name: str, blank: str | None = None) -> QComboBox:
        combo = QComboBox(self)
        if blank is not None:
            combo.addItem(blank, "")
        for value in enum.values():
            combo.addItem(enum(value).label, value)
        combo.setAccessibleName(name)
        return combo

    def _notes_row(self) -> QHBoxLayout:
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setAccessibleDescription(self.tr(OFFICE_ONLY) + self.tr("; printed in the evidence PDF"))
        self.notes_edit.setMaximumHeight(70)
        self.notes_edit.setTabChangesFocus(True)
        row = QHBoxLayout()
        row.addWidget(self.notes_edit, 1)
        private = QLabel(self.tr(OFFICE_ONLY), self)
        private.setToolTip(self.tr("Notes are printed in the access evidence PDF for the legal file."))
        private.setObjectName("privateTag")
        private.setStyleSheet("color: #5b3a8a; font-style: italic;")
        row.addWidget(private)
        return row

    def _build_form(self) -> QVBoxLayout:
        form = QFormLayout()
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setAccessibleName(self.tr("Date of attempt"))
        self.method_combo = self._combo(AccessMethod, self.tr("Method"))
        self.outcome_combo = self._combo(AccessOutcome, self.tr("Outcome"))
        self.letter_combo = self._combo(LetterStage, self.tr("Letter stage"), blank=self.tr("No letter"))
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("&Method:"), self.method_combo)
        form.addRow(self.tr("&Outcome:"), self.outcome_combo)
        form.addRow(self.tr("&Letter:"), self.letter_combo)
        form.addRow(self.tr("T&ime of day:"), self._time_combo())
        form.addRow(self.tr("&Used this time:"), self._used_list())
        form.addRow(self.tr("&Notes:"), self._notes_row())
        form.labelForField(form.itemAt(form.rowCount() - 1, QFormLayout.ItemRole.FieldRole).layout()).setBuddy(
            self.notes_edit)  # a row that is a layout gets no buddy by itself: "&Notes:" showed its "&"
        col = QVBoxLayout()
        col.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet("color: #8a1c1c;")
        self.error_label.hide()
        col.addWidget(self.error_label)
        col.addLayout(self._build_buttons())
        return col

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.record_button = QPushButton(self.tr("&Record attempt"), self)
        self.record_button.clicked.connect(self.record)
        self.correct_button = QPushButton(self.tr("Correct selected &attempt"), self)
        self.correct_button.setToolTip(self.tr("Only the officer who recorded it, on the same day"))
        self.correct_button.clicked.connect(self.start_correction)
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"), self)
        self.withdraw_button.setToolTip(self.tr("Administrators: withdraw an attempt, with a reason"))
        self.withdraw_button.setVisible(getattr(self.store, "actor_role", "") == "admin")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.evidence_button = QPushButton(self.tr("&Evidence PDF…"), self)
        self.evidence_button.setToolTip(self.tr("Every attempt, with what was used each time, for the legal file"))
        self.evidence_button.clicked.connect(self.save_evidence)
        self.letter_button = QPushButton(self.tr("Ne&xt letter…"), self)  # issue #14
        self.letter_button.setToolTip(self.tr("The next no-access letter to the tenant; it counts as a written notice"))
        self.letter_button.clicked.connect(self.write_letter)
        for button in (self.record_button, self.correct_button, self.withdraw_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.letter_button)
        row.addWidget(self.evidence_button)
        return row

    def write_letter(self) -> Path | None:
        """The next no-access letter (services.letters.suggested_kind); a saved one is a written notice."""
        out = open_letter(self, self.store, self.job_id)
        if out is not None:
            self.refresh()
            self.changed.emit()
        return out

    def _time_combo(self) -> QComboBox:
        self.time_combo = QComboBox(self)
        self.time_combo.setEditable(True)  # a slot, or a time typed as 14:30
        for value, label in TIMES:
            self.time_combo.addItem(self.tr(label), value)
        self.time_combo.setAccessibleName(self.tr("Time of day"))
        return self.time_combo

    def _time_value(self) -> str:
        text = self.time_combo.currentText().strip()
        index = self.time_combo.findText(text)
        return self.time_combo.itemData(index) if index >= 0 else text

    def _used_list(self) -> QListWidget:
        self.used_list = QListWidget(self)
        self.used_list.setAccessibleName(self.tr("Adjustments and support measures used this time"))
        for choice in self.choices:
            kind = self.tr("Support measure") if choice.is_measure else self.tr("Adjustment")
            label = f"{kind}: {choice.label}"
            if not choice.shared:
                label += self.tr(" (not shared with the contractor: does not count)")
            item = QListWidgetItem(label, self.used_list)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        if not self.choices:
            self.used_list.addItem(self.tr("No adjustments or support measures recorded"))
        self.used_list.setMaximumHeight(90)
        return self.used_list

    def _used(self) -> tuple[list[str], list[str]]:
        """(adjustment ids, measure ids) ticked in the list."""
        measures = {c.id for c in self.choices if c.is_measure}
        ticked = [self.used_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.used_list.count())
                  if self.used_list.item(i).checkState() == Qt.CheckState.Checked]
        return [i for i in ticked if i not in measures], [i for i in ticked if i in measures]

    def _set_used(self, ids: set[str]) -> None:
        for i in range(self.used_list.count()):
            item = self.used_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole):
                checked = item.data(Qt.ItemDataRole.UserRole) in ids
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # ----- behaviour
    def refresh(self) -> None:
        self.model.set_rows(access.list_attempts(self.store, self.job_id))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(USED_COLUMN, min(self.table.columnWidth(USED_COLUMN), 240))  # in full: tooltip
        esc = access.escalation(self.store, self.job_id)
        self.escalation_shown = esc
        self.stage_label.setText(self.tr("Stage: %s") % esc.stage)
        colour = STAGE_TONES.get(esc.stage, "#202124")
        self.stage_label.setStyleSheet(f"color: {colour};")
        failed = plural(esc.failed_attempts, self.tr("failed attempt"))
        self.days_label.setText(f"{days_left_text(esc).rstrip('.')} · {failed}")
        self.prompt_label.setText(esc.prompt)
        self.prompt_label.setVisible(bool(esc.prompt))

    def _form_values(self) -> dict:
        adjustments, measures = self._used()
        return {"attempted_on": self.date_edit.date().toPython(), "method": self.method_combo.currentData(),
                "outcome": self.outcome_combo.currentData(), "letter_stage": self.letter_combo.currentData() or "",
                "notes": self.notes_edit.toPlainText(), "time_of_day": self._time_value(),
                "adjustments_used": adjustments, "measures_used": measures}

    def record(self) -> bool:
        """Record the attempt in the form (or save the correction being made)."""
        try:
            if self.correcting is not None:
                access_changes.correct_attempt(self.store, self.correcting.id, **self._form_values(),
                                               expected_version=self.correcting.version)
            else:
                access.record_attempt(self.store, self.job_id, **self._form_values())
        except (ValidationError, StaleRecord) as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        self._clear_form()
        self.refresh()
        self.changed.emit()
        return True

    def _clear_form(self) -> None:
        self.correcting = None
        self.record_button.setText(self.tr("&Record attempt"))
        self.error_label.hide()
        self.notes_edit.clear()
        self.letter_combo.setCurrentIndex(0)
        self.time_combo.setCurrentIndex(0)
        self._set_used(set())

    def start_correction(self) -> None:
        """Load the selected attempt into the form; Record then saves the correction."""
        attempt = self.table.current_row()
        if attempt is None:
            return
        if not access_changes.may_correct(self.store, attempt):
            QMessageBox.information(self, self.tr("Cannot correct"), self.tr(
                "Only the officer who recorded this attempt can correct it, on the same day. "
                "An administrator can withdraw it."))
            return
        self.correcting = attempt
        day = attempt.attempted_on
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        for combo, value in ((self.method_combo, attempt.method), (self.outcome_combo, attempt.outcome),
                             (self.letter_combo, attempt.letter_stage)):
            combo.setCurrentIndex(combo.findData(value))
        index = self.time_combo.findData(attempt.time_of_day)
        if index >= 0:
            self.time_combo.setCurrentIndex(index)
        else:
            self.time_combo.setEditText(attempt.time_of_day)
        self._set_used(set(attempt.adjustments_used or []) | set(attempt.measures_used or []))
        self.notes_edit.setPlainText(attempt.notes)
        self.record_button.setText(self.tr("&Record correction"))

    def withdraw(self) -> bool:
        """Withdraw the selected attempt (administrators), asking why."""
        attempt = self.table.current_row()
        if attempt is None:
            return False
        reason, ok = QInputDialog.getText(self, self.tr("Withdraw attempt"),
                                          self.tr("Why is this attempt withdrawn? (kept on record, no longer counted)"))
        if not ok:
            return False
        try:
            access_changes.withdraw_attempt(self.store, attempt.id, reason, expected_version=attempt.version)
        except (ValidationError, NotAllowed, StaleRecord) as exc:
            QMessageBox.warning(self, self.tr("Not withdrawn"), str(exc))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def save_evidence(self) -> Path | None:
        suggested = f"access-evidence-{date.today().isoformat()}.pdf"
        path = ask_pdf_path(self, self.tr("Save access evidence"), suggested)
        if path is None:
            return None
        try:
            document = access.evidence_for_pdf(self.store, self.job_id, path)  # what it holds, from services
            out = write_document(path, document)  # printing writes it
            access.evidence_exported(self.store, self.job_id, document)
            return out
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Evidence not saved"),
                                self.tr("The evidence file could not be written: %s") % (exc.strerror or exc))
            return None
