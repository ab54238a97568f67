"""Preview a contractor briefing or day pack before it leaves the office: Save as… and Print….

`open_briefing(parent, store, job_id)` builds one job's briefing into a private temporary folder and
shows it; `open_pack(parent, store, contractor_id=None, day=None)` asks for the contractor and date,
builds the pack off the UI thread behind a progress dialog that can cancel (a cancelled build leaves
no file), then shows it. Opening a preview is audited as a view; each save or print as a print, one
event per briefing. The temporary copy is deleted when the preview closes.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.outputs import OutputRefused, atomic_write, check_output
from liaison_app.printing import render_briefing_pdf, render_pack_pdf
from liaison_app.services.briefing import (
    BuildCancelled,
    NothingToPrint,
    ProgressCallback,
    briefing_for_ref,
    pack_for_day,
    printed_jobs,
    record_printed,
)
from liaison_app.services.works import list_contractors
from liaison_app.ui.i18n import tr
from liaison_app.ui.pdf_path import ask_pdf_path
from liaison_app.ui.remembered import recall, remember
from liaison_app.ui.saved_note import announce_saved
from liaison_app.ui.widgets import DateEdit
from liaison_app.ui.workers import Cancelled, run_with_progress

PRINT_DPI = 300  # pages are rendered at most this sharp for the printer (enough for text and the QR code)


@dataclass(frozen=True)
class PrintedFile:
    """A briefing or pack written to disk, with the jobs it holds (id, reference) for the audit trail."""

    path: Path
    title: str
    jobs: tuple[tuple[str, str], ...]


def build_briefing_file(store, job_ref_or_id: str, path: Path) -> PrintedFile:
    """One job's briefing (services) drawn to `path` (printing), not yet audited."""
    briefing = briefing_for_ref(store, job_ref_or_id)
    written = render_briefing_pdf(briefing, path)
    return PrintedFile(written, f"Briefing {briefing.job_ref}", printed_jobs(briefing))


def build_pack_file(store, contractor_name: str, day: date, path: Path,
                    progress: ProgressCallback | None = None) -> PrintedFile:
    """A contractor's day pack drawn to `path`, not yet audited; `progress` returning False cancels."""
    pack = pack_for_day(store, contractor_name, day)
    written = render_pack_pdf(pack, path, progress=progress)
    return PrintedFile(written, f"Day pack {pack.contractor} {day.isoformat()}", printed_jobs(pack))


class BriefingPreview(QDialog):
    """A multi-page PDF preview with Save as… and Print…; owns (and removes) the temporary folder."""

    def __init__(self, store, printed: PrintedFile, temp_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._store, self.printed, self._temp_dir = store, printed, temp_dir
        self.setWindowTitle(printed.title)
        self.resize(820, 980)
        self.document = QPdfDocument(self)
        self.document.load(str(printed.path))
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Briefing preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.buttons)
        self.finished.connect(self._clean_up)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("Save as… (Ctrl+S)"), self)
        self.print_button = QPushButton(self.tr("Print… (Ctrl+P)"), self)
        for button in (self.save_button, self.print_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_pages)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_as)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_pages)

    def _suggested_name(self) -> str:
        return "".join(c if c.isalnum() or c in "-_ " else "-" for c in self.printed.title).strip() + ".pdf"

    def save_as(self) -> Path | None:
        """Ask where, copy the PDF there whole (temp file + replace) and audit each briefing as printed."""
        start = str(Path.home() / self._suggested_name())
        target = ask_pdf_path(self, self.tr("Save briefing"), start)
        if target is None:
            return None
        try:
            check_output(target, self._store.path, "pdf")  # never over the store, a backup, or another kind
            atomic_write(target, lambda tmp: shutil.copyfile(self.printed.path, tmp))
        except OutputRefused as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return None
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The briefing could not be saved: {0}").format(exc.strerror or exc))
            return None
        record_printed(self._store, self.printed.jobs, "print")
        announce_saved(self.parentWidget(), target)  # the status bar says where it went, with Open folder
        return target

    def print_pages(self) -> bool:
        """Ask for a printer and pages, draw each page onto it, and audit each briefing as printed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.printed.title)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._paint(printer)
        finally:
            QGuiApplication.restoreOverrideCursor()
        record_printed(self._store, self.printed.jobs, "print")
        return True

    def _paint(self, printer: QPrinter) -> None:
        first, last = 0, self.document.pageCount() - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            first, last = max(printer.fromPage(), 1) - 1, min(printer.toPage() or last + 1, last + 1) - 1
        painter = QPainter(printer)
        try:
            for index in range(first, last + 1):
                if index > first:
                    printer.newPage()
                self._paint_page(painter, index, min(printer.resolution(), PRINT_DPI))
        finally:
            painter.end()

    def _paint_page(self, painter: QPainter, index: int, dpi: int) -> None:
        points = self.document.pagePointSize(index)
        image = self.document.render(index, QSize(round(points.width() * dpi / 72),
                                                  round(points.height() * dpi / 72)))
        area = painter.viewport()
        scale = min(area.width() / image.width(), area.height() / image.height())
        target = QRect(area.x(), area.y(), round(image.width() * scale), round(image.height() * scale))
        painter.drawImage(target, image)

    def _clean_up(self) -> None:
        self.document.close()
        shutil.rmtree(self._temp_dir, ignore_errors=True)


def _temp_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="liaison-briefing-"))


def _show(parent, store, printed: PrintedFile, folder: Path) -> BriefingPreview:
    record_printed(store, printed.jobs, "view")
    preview = BriefingPreview(store, printed, folder, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview


def open_briefing(parent: QWidget | None, store, job_id: str) -> BriefingPreview | None:
    """Build one job's briefing and show the preview (None, with a message, if it cannot be built)."""
    folder = _temp_dir()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        printed = build_briefing_file(store, job_id, folder / "briefing.pdf")
    except (NothingToPrint, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        QMessageBox.warning(parent, tr("BriefingPreview", "No briefing"), str(exc))
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    return _show(parent, store, printed, folder)


class PackChooser(QDialog):
    """Choose the contractor (the last one used first; type to filter) and the day of the pack."""

    LAST_KEY = "packs/last_contractor"

    def __init__(self, contractors: list[str], selected: str = "", day: date | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print a day pack"))
        self.names = list(contractors)
        self.contractor = QComboBox(self)
        self.contractor.setAccessibleName(self.tr("Contractor"))
        self.contractor.setEditable(True)  # type part of a name to filter the list
        self.contractor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.contractor.addItems(contractors)
        completer = self.contractor.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        chosen_name = selected if selected in contractors else recall(self.LAST_KEY)
        if chosen_name in contractors:
            self.contractor.setCurrentText(chosen_name)
        self.day = DateEdit(parent=self)
        self.day.setAccessibleName(self.tr("Day"))
        self.day.setDisplayFormat("ddd d MMM yyyy")
        chosen = day or date.today()
        self.day.setDate(QDate(chosen.year, chosen.month, chosen.day))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Build pack"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.contractor.currentTextChanged.connect(lambda _t: self._check())
        form = QFormLayout(self)
        form.addRow(self.tr("&Contractor"), self.contractor)
        form.addRow(self.tr("&Day"), self.day)
        form.addRow(buttons)
        self._check()

    def _check(self) -> None:
        self.ok_button.setEnabled(self.contractor.currentText().strip() in self.names)

    def accept(self) -> None:
        if self.contractor.currentText().strip() not in self.names:
            return
        remember(self.LAST_KEY, self.contractor.currentText().strip())
        super().accept()

    def choice(self) -> tuple[str, date]:
        return self.contractor.currentText().strip(), self.day.date().toPython()


def _contractor_names(store) -> dict[str, str]:
    return {c.id: c.name for c in list_contractors(store)}


def open_pack(parent: QWidget | None, store, contractor_id: str | None = None,
              day: date | None = None) -> BriefingPreview | None:
    """Choose contractor and day (skipped when both are given), build the pack with progress, preview it."""
    names = _contractor_names(store)
    name = names.get(contractor_id or "", "")
    if not (name and day):
        chooser = PackChooser(sorted(names.values(), key=str.casefold), name, day, parent)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return None
        name, day = chooser.choice()
    folder = _temp_dir()
    try:
        printed = run_with_progress(parent, tr("BriefingPreview", "Building the day pack…"), build_pack_file, store, name, day,
                                    folder / "pack.pdf")
    except (Cancelled, BuildCancelled):
        shutil.rmtree(folder, ignore_errors=True)
        return None
    except (NothingToPrint, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        QMessageBox.information(parent, tr("BriefingPreview", "No day pack"), str(exc))
        return None
    return _show(parent, store, printed, folder)
