"""Reports page: choose a report and its parameters, preview its rows, export CSV or PDF.

The same reports as `liaison-app report …`, built by services.reports (`build_report`, off the UI thread);
this page only lays them out.
"""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox,
    QVBoxLayout,
)

from liaison_app.domain.validation import ValidationError
from liaison_app.domain.text import plural
from liaison_app.printing.you_said import write_report_pdf
from liaison_app.services import reports, works
from liaison_app.ui.page_base import Page
from liaison_app.ui.report_preview import open_report_preview
from liaison_app.ui.row_models import Column, RecordTableView, RowTableModel
from liaison_app.ui.saved_note import announce_saved
from liaison_app.ui.workers import load

log = logging.getLogger(__name__)


def _date_edit(parent, value: QDate, name: str) -> QDateEdit:
    edit = QDateEdit(value, parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setAccessibleName(name)
    return edit


class ReportsPage(Page):
    """Reports; `loaded` once a read's report (or why it could not be made) is shown."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
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
        self.table.open_id.connect(self.open_case)  # Enter or a double-click opens the job or tenant
        self._links: dict[str, tuple[str, str]] = {}
        lay.addWidget(self.table, 1)
        lay.addLayout(self._build_buttons())
        self._kind_changed()
        load(self, works.list_contractors, self.store, on_done=self._fill_contractors, key="contractors")

    def _fill_contractors(self, contractors) -> None:
        for contractor in contractors:
            self.contractor_combo.addItem(contractor.name, contractor.name)

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
        self.days_spin.valueChanged.connect(lambda n: self.days_spin.setSuffix(self.tr(" day") if n == 1
                                                                          else self.tr(" days")))
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setAccessibleName(self.tr("Due within"))
        today = QDate.currentDate()
        self.from_edit = _date_edit(self, today.addMonths(-1), self.tr("From"))
        self.to_edit = _date_edit(self, today, self.tr("To"))
        form.addRow(self.tr("&Report:"), self.kind_combo)
        form.addRow(self.tr("Due &within:"), self.days_spin)
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        self.contractor_combo = QComboBox(self)  # "You said, we did" for one contractor, to hand to them
        self.contractor_combo.addItem(self.tr("All contractors"), "")
        self.contractor_combo.setAccessibleName(self.tr("Contractor"))
        self.contractor_combo.activated.connect(lambda _i: self.refresh())
        form.addRow(self.tr("Co&ntractor:"), self.contractor_combo)
        self.form = form
        return form

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("R&efresh"), self)
        self.refresh_button.setToolTip(self.tr("Make the report again (F5)"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        self.preview_button = QPushButton(self.tr("&Preview…"), self)
        self.preview_button.setToolTip(self.tr("See the report as it will print"))
        self.preview_button.clicked.connect(self.preview)
        self.csv_button = QPushButton(self.tr("Export &CSV…"), self)
        self.csv_button.clicked.connect(lambda: self.export(".csv"))
        self.pdf_button = QPushButton(self.tr("Export P&DF…"), self)
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.preview_button)
        row.addWidget(self.csv_button)
        row.addWidget(self.pdf_button)
        return row

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _kind_changed(self) -> None:
        kind = self.kind()
        dated = kind in ("conduct", "you-said-we-did")
        for widget, wanted in ((self.days_spin, kind == "checks-due"), (self.from_edit, dated),
                               (self.to_edit, dated), (self.contractor_combo, kind == "you-said-we-did")):
            widget.setVisible(wanted)
            self.form.labelForField(widget).setVisible(wanted)
        self.refresh()

    def refresh(self) -> None:
        """Build the chosen report off the UI thread; the summary says "Loading…" until it arrives (export
        waits for it)."""
        self.report = None
        self._update_buttons()
        load(self, reports.build_report, self.store, self.kind(), self.days_spin.value(),
             self.from_edit.date().toPython(), self.to_edit.date().toPython(),
             self.contractor_combo.currentData() if self.kind() == "you-said-we-did" else None, status=self.summary,
             on_done=self._show, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.model.columns = []
        self.model.set_rows([])
        if isinstance(exc, ValidationError):
            self.summary.setText(str(exc))
        else:
            log.error("Making a report failed", exc_info=(type(exc), exc, exc.__traceback__))
            self.summary.setText(self.tr("This report could not be made: %s Press Refresh to try again.") % exc)
        self.loaded.emit()

    def _show(self, report: reports.Report) -> None:
        self.report = report
        self.model.columns = [Column(h, lambda row, i=i: reports.shown_cell(row[i]))
                              for i, h in enumerate(self.report.headers)]
        self.model.set_rows(self.report.rows)
        self._links = {str(id(row)): link for row, link in zip(self.report.rows, self.report.links)}
        self.table.resizeColumnsToContents()
        self.summary.setText(f"{self.report.description} {plural(len(self.report.rows), self.tr('row'))}.")
        self._update_buttons()
        self.loaded.emit()

    def open_case(self, row_id: str) -> None:
        """The row's job (or tenant) opens, as from anywhere else in the app."""
        kind, record_id = self._links.get(row_id, ("", ""))
        if kind == "job" and record_id:
            self.open_job.emit(record_id)
        elif kind == "tenant" and record_id:
            self.open_tenant.emit(record_id)

    def preview(self):
        """The report as its PDF, with Save as… and Print…."""
        if self.report is None:
            return None
        self.preview_dialog = open_report_preview(self, self.store, self.report)
        return self.preview_dialog

    def _update_buttons(self) -> None:
        for button in (self.csv_button, self.pdf_button, self.preview_button):
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
            if suffix == ".csv":
                target = reports.export_report(self.store, self.report, path)
            else:
                target = Path(path)  # services say what the PDF holds, printing writes it, services audit it
                write_report_pdf(target, reports.report_for_pdf(self.store, self.report, target))
                reports.report_exported(self.store, self.report, target)
            announce_saved(self, target)  # the status bar says where it went, with Open folder
            return target
        except (OSError, ValidationError) as exc:
            QMessageBox.warning(self, self.tr("Report not saved"),
                                self.tr("The report could not be written: %s") % (getattr(exc, "strerror", None)
                                                                                  or exc))
            return None
