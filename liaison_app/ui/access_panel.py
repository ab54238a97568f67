"""A job's access attempts: the list, a form to record one, the escalation stage and the evidence PDF.

The stage, the days left to the legal due date and what to try before legal action are shown at the
top, prominently; the rules behind them live in domain.checks_rules and services.access.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from liaison_app.domain import checks_rules as rules
from liaison_app.domain.enums import AccessMethod, AccessOutcome, LetterStage
from liaison_app.domain.validation import ValidationError
from liaison_app.printing import write_document
from liaison_app.services import access
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel, show_date

STAGE_TONES = {rules.READY_FOR_LEGAL: "#8a1c1c", rules.TRY_SUPPORT_FIRST: "#6b4100", rules.FINAL_NOTICE: "#6b4100",
               rules.ACCESS_GAINED: "#1e5e2a"}


def _label(enum, value: str) -> str:
    return enum(value).label if value in enum.values() else value


def attempt_columns() -> list[Column]:
    return [
        Column("Date", lambda a: show_date(a.attempted_on)),
        Column("Method", lambda a: _label(AccessMethod, a.method)),
        Column("Outcome", lambda a: _label(AccessOutcome, a.outcome)),
        Column("Letter", lambda a: _label(LetterStage, a.letter_stage) if a.letter_stage else ""),
        Column("Notes (private)", lambda a: a.notes.replace("\n", " "), tooltip=lambda a: a.notes),
    ]


def days_left_text(esc: access.Escalation) -> str:
    if esc.due_date is None:
        return "No legal due date recorded."
    if esc.days_left < 0:
        return f"Overdue by {-esc.days_left} days (due {show_date(esc.due_date)})."
    return f"{esc.days_left} days left (due {show_date(esc.due_date)})."


class AccessAttemptsPanel(QWidget):
    """Embedded in the job detail of a mandatory check. Emits `changed` after an attempt is recorded."""

    changed = Signal()

    def __init__(self, store, job_id: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.job_id = job_id
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Access attempts"), self)
        outer.addWidget(box)
        lay = QVBoxLayout(box)
        lay.addLayout(self._build_status())
        self.model = RowTableModel(attempt_columns(), parent=self)
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
        self.notes_edit.setAccessibleDescription(self.tr("Private: never printed on a briefing"))
        self.notes_edit.setMaximumHeight(70)
        self.notes_edit.setTabChangesFocus(True)
        row = QHBoxLayout()
        row.addWidget(self.notes_edit, 1)
        private = QLabel(self.tr("Private — never printed"), self)
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
        form.addRow(self.tr("&Notes:"), self._notes_row())
        col = QVBoxLayout()
        col.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet("color: #8a1c1c;")
        self.error_label.hide()
        col.addWidget(self.error_label)
        row = QHBoxLayout()
        self.record_button = QPushButton(self.tr("&Record attempt"), self)
        self.record_button.clicked.connect(self.record)
        self.evidence_button = QPushButton(self.tr("&Evidence PDF…"), self)
        self.evidence_button.setToolTip(self.tr("Every attempt, adjustment and support measure, for the legal file"))
        self.evidence_button.clicked.connect(self.save_evidence)
        row.addWidget(self.record_button)
        row.addStretch(1)
        row.addWidget(self.evidence_button)
        col.addLayout(row)
        return col

    # ----- behaviour
    def refresh(self) -> None:
        self.model.set_rows(access.list_attempts(self.store, self.job_id))
        self.table.resizeColumnsToContents()
        esc = access.escalation(self.store, self.job_id)
        self.escalation_shown = esc
        self.stage_label.setText(self.tr("Stage: %s") % esc.stage)
        colour = STAGE_TONES.get(esc.stage, "#202124")
        self.stage_label.setStyleSheet(f"color: {colour};")
        failed = self.tr("%n failed attempt(s)", "", esc.failed_attempts)
        self.days_label.setText(f"{days_left_text(esc)} · {failed}")
        self.prompt_label.setText(esc.prompt)
        self.prompt_label.setVisible(bool(esc.prompt))

    def record(self) -> bool:
        try:
            access.record_attempt(self.store, self.job_id, attempted_on=self.date_edit.date().toPython(),
                                  method=self.method_combo.currentData(), outcome=self.outcome_combo.currentData(),
                                  letter_stage=self.letter_combo.currentData() or "",
                                  notes=self.notes_edit.toPlainText())
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        self.error_label.hide()
        self.notes_edit.clear()
        self.letter_combo.setCurrentIndex(0)
        self.refresh()
        self.changed.emit()
        return True

    def save_evidence(self) -> Path | None:
        suggested = f"access-evidence-{date.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save access evidence"), suggested,
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            return access.write_evidence_pdf(self.store, self.job_id, path, write_document)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Evidence not saved"),
                                self.tr("The evidence file could not be written: %s") % (exc.strerror or exc))
            return None
