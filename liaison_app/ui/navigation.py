"""The list of pages on the left of the main window (the pages themselves are listed in ui/pages.py)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from liaison_app.ui.pages import PageSpec
from liaison_app.ui.i18n import tr


class NavigationList(QListWidget):
    """The list of pages on the left. Emits `page_chosen(key)`."""

    page_chosen = Signal(str)

    def __init__(self, specs: tuple[PageSpec, ...] | list[PageSpec], parent=None):
        super().__init__(parent)
        self.setAccessibleName(tr("navigation", "Pages"))
        self.setObjectName("navigation")
        for i, spec in enumerate(specs):
            item = QListWidgetItem(spec.label, self)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(tr("navigation", "%s (Ctrl+%d)") % (spec.label, i + 1))
        width = max((self.fontMetrics().horizontalAdvance(s.label) for s in specs), default=80)
        self.setMaximumWidth(width + 6 * self.fontMetrics().averageCharWidth() + 24)
        self.currentItemChanged.connect(self._changed)

    def _changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.page_chosen.emit(current.data(Qt.ItemDataRole.UserRole))

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - Qt API
        """Typing while the list has the cursor does not jump to a page (Ctrl+1… and arrows do)."""

    def select_key(self, key: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.setCurrentRow(i)
                return

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
