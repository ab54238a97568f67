"""Preview a report as its PDF before saving or printing it (the Reports page's Preview).

The report's PDF is drawn into a private temporary folder and shown in the same preview window as a
briefing (pages, Save as…, Print…); saving or printing it is audited as an export of the report.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from liaison_app.domain.validation import ValidationError
from liaison_app.printing.you_said import write_report_pdf
from liaison_app.services import reports
from liaison_app.ui.briefing_preview import BriefingPreview, PrintedFile
from liaison_app.ui.i18n import tr


class ReportPreview(BriefingPreview):
    """A report's PDF, with Save as… and Print… (each audited as an export of the report)."""

    def __init__(self, store, report: reports.Report, printed: PrintedFile, temp_dir: Path, parent=None):
        super().__init__(store, printed, temp_dir, parent)
        self.report = report
        self.view.setAccessibleName(self.tr("Report preview"))

    def save_as(self) -> Path | None:
        target = super().save_as()
        if target is not None:
            reports.report_exported(self._store, self.report, target)
        return target

    def print_pages(self) -> bool:
        printed = super().print_pages()
        if printed:
            reports.report_exported(self._store, self.report, self.printed.path)
        return printed


def open_report_preview(parent: QWidget | None, store, report: reports.Report) -> ReportPreview | None:
    folder = Path(tempfile.mkdtemp(prefix="liaison-report-"))
    path = folder / f"{report.name}.pdf"
    try:
        write_report_pdf(path, reports.report_for_pdf(store, report, path))
    except (OSError, ValidationError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        QMessageBox.warning(parent, tr("ReportPreview", "No preview"), str(exc))
        return None
    preview = ReportPreview(store, report, PrintedFile(path, report.title, ()), folder, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview
