"""Reports page: choose a report and its parameters, preview its rows, export CSV or PDF.

The same reports as `liaison-app report …`, built by services.reports; this page only lays them out.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from liaison_app.domain.validation import ValidationError
from liaison_app.printing import write_document
from liaison_app.services import reports
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel


def _date_edit(parent, value: QDate, name: str) -> QDateEdit:
    edit = QDateEdit(value, parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setAccessibleName(name)
    return edit


class ReportsPage(QWidget):
    open_tenant = Signal(str)
    open_job = Signal(str)

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.report: reports.Report | None = None
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Reports"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        lay.addWidget(title)
        lay.addLayout(self._build_parameters())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.model = RowTableModel([], id_of=lambda row: str(id(row)), parent=self)
        self.table = RecordTableView(self.model, self.tr("Report preview"), self)
        lay.addWidget(self.table, 1)
        lay.addLayout(self._build_buttons())
        self._kind_changed()

    def _build_parameters(self) -> QFormLayout:
        form = QFormLayout()
        self.kind_combo = QComboBox(self)
        for name, title in reports.report_names().items():
            self.kind_combo.addItem(self.tr(title), name)
        self.kind_combo.setAccessibleName(self.tr("Report"))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(0, 3650)
        self.days_spin.setValue(30)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setAccessibleName(self.tr("Due within"))
        today = QDate.currentDate()
        self.from_edit = _date_edit(self, today.addMonths(-1), self.tr("From"))
        self.to_edit = _date_edit(self, today, self.tr("To"))
        form.addRow(self.tr("&Report:"), self.kind_combo)
        form.addRow(self.tr("Due &within:"), self.days_spin)
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        self.form = form
        return form

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.clicked.connect(self.refresh)
        self.csv_button = QPushButton(self.tr("Export &CSV…"), self)
        self.csv_button.clicked.connect(lambda: self.export(".csv"))
        self.pdf_button = QPushButton(self.tr("Export P&DF…"), self)
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        row.addWidget(self.preview_button)
        row.addStretch(1)
        row.addWidget(self.csv_button)
        row.addWidget(self.pdf_button)
        return row

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _kind_changed(self) -> None:
        kind = self.kind()
        for widget, wanted in ((self.days_spin, kind == "checks-due"), (self.from_edit, kind == "conduct"),
                               (self.to_edit, kind == "conduct")):
            widget.setVisible(wanted)
            self.form.labelForField(widget).setVisible(wanted)
        self.refresh()

    def build(self) -> reports.Report:
        kind = self.kind()
        if kind == "checks-due":
            return reports.checks_due_report(self.store, days=self.days_spin.value())
        if kind == "no-access":
            return reports.no_access_report(self.store)
        return reports.conduct_report(self.store, self.from_edit.date().toPython(), self.to_edit.date().toPython())

    def refresh(self) -> None:
        try:
            self.report = self.build()
        except ValidationError as exc:
            self.report = None
            self.model.columns = []
            self.model.set_rows([])
            self.summary.setText(str(exc))
            self._update_buttons()
            return
        self.model.columns = [Column(h, lambda row, i=i: row[i]) for i, h in enumerate(self.report.headers)]
        self.model.set_rows(self.report.rows)
        self.table.resizeColumnsToContents()
        self.summary.setText(f"{self.report.description} {self.tr('%n row(s).', '', len(self.report.rows))}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(self.report is not None)

    def export(self, suffix: str) -> Path | None:
        if self.report is None:
            return None
        kind = "CSV files (*.csv)" if suffix == ".csv" else "PDF files (*.pdf)"
        suggested = f"{self.report.name}-{date.today().isoformat()}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), suggested, self.tr(kind))
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            return reports.export_report(self.store, self.report, path, write_document)
        except (OSError, ValidationError) as exc:
            QMessageBox.warning(self, self.tr("Report not saved"),
                                self.tr("The report could not be written: %s") % (getattr(exc, "strerror", None)
                                                                                  or exc))
            return None
