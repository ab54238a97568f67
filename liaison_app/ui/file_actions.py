"""File menu work: importing CSV files and filling a store with demo data, off the UI thread."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from liaison_app.services import imports
from liaison_app.services.demo import DemoRefused, make_demo
from liaison_app.ui.workers import run_with_progress
from liaison_app.ui.i18n import tr


IMPORT_KINDS = [
    ("tenants", tr("file_actions", "Import &tenants…")),
    ("jobs", tr("file_actions", "Import &jobs…")),
    ("adjustments", tr("file_actions", "Import &adjustments…")),
    ("warnings", tr("file_actions", "Import &warnings…")),
    ("feedback", tr("file_actions", "Import survey &feedback…")),  # text-message survey answers (docs/FEEDBACK.md)
]
DEMO_TENANTS = 300


def _refresh(parent: QWidget) -> None:
    page = parent.stack.currentWidget() if hasattr(parent, "stack") else None
    if hasattr(page, "refresh"):
        page.refresh()


def show_problems(parent: QWidget | None, title: str, refused: imports.ImportRefused) -> QMessageBox:
    """Every reason an import was refused, one a line, in a dialog (the first few in view)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, str(refused), QMessageBox.StandardButton.Ok, parent)
    lines = [str(p) for p in refused.problems]
    box.setInformativeText("\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))
    box.setDetailedText("\n".join(lines))
    box.open()
    return box


def run_import(parent: QWidget | None, store, kind: str, path: str) -> imports.ImportResult | None:
    """Import `path` off the UI thread; says what happened. Returns the result, or None if refused."""
    title = tr("file_actions", "Importing %s") % kind
    try:
        result = run_with_progress(parent, title, lambda _progress: imports.import_file(store, kind, path),
                                   cancellable=False)
    except imports.ImportRefused as refused:
        show_problems(parent, title, refused)
        return None
    except (OSError, UnicodeDecodeError) as exc:
        QMessageBox.warning(parent, title, tr("file_actions", "The file could not be read: %s") % type(exc).__name__)
        return None
    QMessageBox.information(parent, title, str(result))
    return result


def import_csv(parent: QWidget, store, kind: str) -> None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("file_actions", "Choose the %s file") % kind, "",
                                          tr("file_actions", "CSV files (*.csv)"))
    if path:
        run_import(parent, store, kind, path)
        _refresh(parent)


def fill_demo(parent: QWidget, store) -> None:
    answer = QMessageBox.question(
        parent, tr("file_actions", "Demo data"),
        tr("file_actions", "Fill this store with made-up demo data (%d tenants, their needs, visits and jobs)?\n"
            "Only an empty store or one that already holds demo data can take it.") % DEMO_TENANTS,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        result = run_with_progress(parent, tr("file_actions", "Making demo data"),
                                   lambda _progress: make_demo(store, DEMO_TENANTS), cancellable=False)
    except DemoRefused as exc:
        QMessageBox.warning(parent, tr("file_actions", "Demo data"), str(exc))
        return
    QMessageBox.information(parent, tr("file_actions", "Demo data"), str(result))
    _refresh(parent)
