"""The shared frame of a main-window list page: its store and the signals the main window connects."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from liaison_app.ui.widgets import SectionHeader, muted


class Page(QWidget):
    """A page of the main window. Signals: open_tenant(tenant_id), open_job(job_id) for the main window to
    follow; `loaded` once the rows of a read are shown."""

    open_tenant = Signal(str)
    open_job = Signal(str)
    loaded = Signal()

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store

    def start_layout(self, title: str) -> tuple[QVBoxLayout, QLabel]:
        """The page's layout, begun with its title and a muted status line beside it; returns both."""
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(SectionHeader(title, self, scale=1.5))
        status = muted("", self)
        head.addWidget(status, 1)
        outer.addLayout(head)
        return outer, status
