"""File menu work: importing CSV files and filling a store with demo data, off the UI thread."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from liaison_app.services import imports
from liaison_app.services.demo import DemoRefused, make_demo
from liaison_app.ui.workers import run_with_progress


def _tr(text: str) -> str:
    return QCoreApplication.translate("file_actions", text)


IMPORT_KINDS = [
    ("tenants", _tr("Import &tenants…")),
    ("jobs", _tr("Import &jobs…")),
    ("adjustments", _tr("Import &adjustments…")),
    ("warnings", _tr("Import &warnings…")),
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
    title = _tr("Importing %s") % kind
    try:
        result = run_with_progress(parent, title, lambda _progress: imports.import_file(store, kind, path),
                                   cancellable=False)
    except imports.ImportRefused as refused:
        show_problems(parent, title, refused)
        return None
    except (OSError, UnicodeDecodeError) as exc:
        QMessageBox.warning(parent, title, _tr("The file could not be read: %s") % type(exc).__name__)
        return None
    QMessageBox.information(parent, title, str(result))
    return result


def import_csv(parent: QWidget, store, kind: str) -> None:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Choose the %s file") % kind, "", _tr("CSV files (*.csv)"))
    if path:
        run_import(parent, store, kind, path)
        _refresh(parent)


def fill_demo(parent: QWidget, store) -> None:
    answer = QMessageBox.question(
        parent, _tr("Demo data"),
        _tr("Fill this store with made-up demo data (%d tenants, their needs, visits and jobs)?\n"
            "Only an empty store or one that already holds demo data can take it.") % DEMO_TENANTS,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        result = run_with_progress(parent, _tr("Making demo data"),
                                   lambda _progress: make_demo(store, DEMO_TENANTS), cancellable=False)
    except DemoRefused as exc:
        QMessageBox.warning(parent, _tr("Demo data"), str(exc))
        return
    QMessageBox.information(parent, _tr("Demo data"), str(result))
    _refresh(parent)
