"""The shared frame of a tenant-record list tab: its store and tenant, its signals, its button row and table."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from liaison_app.ui.widgets import button_row, muted
from liaison_app.ui.workers import forget_loads


class TenantListTab(QWidget):
    """Base of a tenant-record tab. Signals: `changed` after a save, `loaded` once a read's rows are shown.

    A subclass sets `self.table` and calls `lay_out(buttons…)`, which adds the muted `self.empty` line."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, store, tenant_id: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.tenant_id = tenant_id

    def lay_out(self, *buttons: QPushButton) -> QVBoxLayout:
        """Buttons on top, then the "Loading…"/empty line, then the table taking the room; returns the layout."""
        self.empty = muted("", self)
        lay = QVBoxLayout(self)
        lay.addLayout(button_row(*buttons))
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        return lay

    def forget_tenant(self) -> None:
        """Show nothing of this tenant (ui/tenant_record.py keeps its tabs from tenant to tenant): no rows, no
        read still to arrive."""
        forget_loads(self)
        self.model.set_rows([])
        self.empty.setText("")

    def show_tenant(self, tenant_id: str) -> None:
        """Show `tenant_id`'s rows, as a tab newly built for them would (after `forget_tenant`)."""
        self.tenant_id = tenant_id
        self.refresh()

    def rows_shown(self, empty_text: str) -> None:
        """After a read's rows are in `self.model`: say `empty_text` if there are none, then emit `loaded`."""
        self.empty.setText(empty_text)
        self.empty.setVisible(self.model.rowCount() == 0)
        self.loaded.emit()
