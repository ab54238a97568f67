"""Asking where a PDF goes: the one save dialog every PDF export uses."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from liaison_app.ui.i18n import tr


def ask_pdf_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """Ask where to save a PDF, starting at `suggested`; None if the officer cancels. Adds ".pdf" if missing."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, tr("pdf_path", "PDF files (*.pdf)"))
    if not path:
        return None
    return Path(path if path.lower().endswith(".pdf") else path + ".pdf")
