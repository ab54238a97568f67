"""The tenant list's table model: search results fetched 50 at a time as the view scrolls.

It holds plain `TenantRow` values from `services.tenants.search_tenants`, never a session, so a
store of 125,000 tenants opens and scrolls as fast as one of ten.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from liaison_app.services import tenants
from liaison_app.ui import emit_fix  # noqa: F401  (PySide6 6.12 emit refcount bug)
from liaison_app.ui.widgets import risk_flags

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, REFERENCE, ADDRESS, POSTCODE, FLAGS = range(5)
PAGE_SIZE = 50
RISK_COLOUR = QColor("#8a1c1c")


class TenantTableModel(QAbstractTableModel):
    """Rows of `TenantRow`: Name, Reference, Address, Postcode, Flags. `ID_ROLE` gives the tenant id."""

    HEADERS = (QT_TRANSLATE_NOOP("TenantTableModel", "Name"), QT_TRANSLATE_NOOP("TenantTableModel", "Reference"),
               QT_TRANSLATE_NOOP("TenantTableModel", "Address"), QT_TRANSLATE_NOOP("TenantTableModel", "Postcode"),
               QT_TRANSLATE_NOOP("TenantTableModel", "Flags"))

    def __init__(self, store, parent=None, *, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.store = store
        self.page_size = page_size
        self.text = ""
        self._rows: list[tenants.TenantRow] = []
        self._more = False
        self._started = False
        self._risks = risk_flags()

    # ----- searching
    def search(self, text: str) -> None:
        """Show the first page of tenants matching `text` (all tenants when empty)."""
        first = tenants.search_tenants(self.store, text, self.page_size, 0)
        self.beginResetModel()
        self.text = text
        self._rows = first
        self._more = len(first) >= self.page_size
        self._started = True
        self.endResetModel()

    def reload(self) -> None:
        """Search again for the same text, keeping as many rows as were loaded (flags may have changed)."""
        wanted = max(len(self._rows), self.page_size)
        rows = tenants.search_tenants(self.store, self.text, wanted, 0)
        self.beginResetModel()
        self._rows = rows
        self._more = len(rows) >= wanted
        self.endResetModel()

    def count_all(self) -> int:
        return tenants.count_tenants(self.store, self.text)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._started and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        more = tenants.search_tenants(self.store, self.text, self.page_size, len(self._rows))
        self._more = len(more) >= self.page_size
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # ----- reading
    def row_at(self, row: int) -> tenants.TenantRow:
        return self._rows[row]

    def id_at(self, row: int) -> str:
        return self._rows[row].id

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column(), role == Qt.ItemDataRole.ToolTipRole)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == NAME and self.has_risk(row):
            return RISK_COLOUR
        return None

    def has_risk(self, row: tenants.TenantRow) -> bool:
        """A safety warning is among the flags: the name shows in red so it is not missed."""
        return any(flag in self._risks for flag in row.flags)

    def _text(self, row: tenants.TenantRow, column: int, tooltip: bool) -> str | None:
        if column == NAME:
            return row.name
        if column == REFERENCE:
            return row.tenancy_ref
        if column == ADDRESS:
            return row.address
        if column == POSTCODE:
            return row.postcode
        if column == FLAGS:
            flags = sorted(row.flags, key=lambda f: f not in self._risks)  # risks first, marked ⚠
            return ("\n" if tooltip else " · ").join(f"⚠ {f}" if f in self._risks else f for f in flags)
        return None
