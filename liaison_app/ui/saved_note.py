"""After Save as…: say in the main window's status bar where the file went, with an "Open folder" button.

    announce_saved(widget, path)

The note stays until the next one (or until the officer opens the folder); opening the folder uses the
desktop's own file manager.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

from liaison_app.ui.i18n import tr


class SavedNote(QWidget):
    """"Saved: report.pdf in /home/…/Documents  [Open folder]" in the status bar."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("savedNote")
        self.path = Path(path)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(tr("SavedNote", "Saved: %s in %s") % (self.path.name, self.path.parent), self)
        self.label.setToolTip(str(self.path))
        self.open_button = QPushButton(tr("SavedNote", "Open folder"), self)
        self.open_button.setToolTip(tr("SavedNote", "Show %s in its folder") % self.path.name)
        self.open_button.clicked.connect(self.open_folder)
        row.addWidget(self.label)
        row.addWidget(self.open_button)

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


def main_window_of(widget: QWidget | None) -> QMainWindow | None:
    """The main window `widget` belongs to (through its parents), else the application's first one."""
    while widget is not None:
        if isinstance(widget, QMainWindow):
            return widget
        widget = widget.parentWidget()
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)), None)


def announce_saved(widget: QWidget | None, path: Path | str) -> SavedNote | None:
    """Show where `path` was saved in the main window's status bar (replacing an earlier note)."""
    window = main_window_of(widget)
    if window is None:
        return None
    bar = window.statusBar()
    for old in bar.findChildren(SavedNote):
        bar.removeWidget(old)
        old.deleteLater()
    note = SavedNote(Path(path), bar)
    bar.addWidget(note)
    bar.show()
    note.show()
    window.saved_note = note
    return note
