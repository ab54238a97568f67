"""One small table model for every list on the pages: columns as (header, value) pairs over plain rows.

Rows are plain values from services (dataclasses or detached records). `ID_ROLE` gives a row's id,
`ROW_ROLE` the row itself. With a `fetch(offset, limit)` function the model loads a page at a time
through canFetchMore/fetchMore, so a list of 100,000 jobs opens as fast as a list of ten.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

# Qt asks data() for each cell in eight roles or so, passing the role as an int: comparing it with the enum
# members cost more than the rest of the call, so the roles answered here are plain ints, looked up once.
DISPLAY, TOOLTIP, FOREGROUND = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                  Qt.ItemDataRole.ForegroundRole))
_ANSWERED = frozenset({DISPLAY, TOOLTIP, FOREGROUND, int(ID_ROLE), int(ROW_ROLE), int(SORT_ROLE)})

Fetch = Callable[[int, int], Sequence[Any]]


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    tooltip: Callable[[Any], str] | None = None
    colour: Callable[[Any], str | None] | None = None  # text colour for a value that needs noticing


def show_date(value: date | datetime | None) -> str:
    """Dates as officers write them: 23/11/2026; with a time, 23/11/2026 09:30."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def show_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return show_date(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


class RowTableModel(QAbstractTableModel):
    """Rows of plain values shown through `columns`; optionally fetched lazily a page at a time."""

    def __init__(self, columns: Sequence[Column], *, page_size: int = 200,
                 id_of: Callable[[Any], str] = lambda row: row.id, parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.page_size = page_size
        self._id_of = id_of
        self._rows: list[Any] = []
        self._fetch: Fetch | None = None
        self._more = False

    # ----- filling
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._fetch = None
        self._more = False
        self.endResetModel()

    def set_fetch(self, fetch: Fetch) -> None:
        """Replace the rows with the first page of `fetch`; later pages come as the view scrolls."""
        self.set_page(fetch(0, self.page_size), fetch)

    def set_page(self, first: Sequence[Any], fetch: Fetch) -> None:
        """Replace the rows with a first page already read (off the UI thread); later pages come from `fetch`
        as the view scrolls."""
        first = list(first)
        self.beginResetModel()
        self._fetch = fetch
        self._rows = first
        self._more = len(first) >= self.page_size
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._fetch is not None and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        more = list(self._fetch(len(self._rows), self.page_size))
        self._more = len(more) >= self.page_size
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # ----- reading
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def id_at(self, row: int) -> str:
        return self._id_of(self._rows[row])

    def row_of_id(self, record_id: str) -> int:
        for i, r in enumerate(self._rows):
            if self._id_of(r) == record_id:
                return i
        return -1

    # ----- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == DISPLAY:
            return show_text(column.value(row))
        if role == SORT_ROLE:
            value = column.value(row)
            return value.isoformat() if isinstance(value, (date, datetime)) else show_text(value)
        if role == TOOLTIP and column.tooltip is not None:
            return column.tooltip(row)
        if role == FOREGROUND and column.colour is not None:
            colour = column.colour(row)
            return QColor(colour) if colour else None
        if role == ID_ROLE:
            return self._id_of(row)
        if role == ROW_ROLE:
            return row
        return None


class RecordTableView(QTableView):
    """A read-only list of records: whole rows selected, Enter or double-click opens (`open_id`)."""

    open_id = Signal(str)

    def __init__(self, model: RowTableModel, accessible_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.doubleClicked.connect(lambda index: self._open(index.row()))

    def current_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.model().id_at(index.row())

    def current_row(self):
        index = self.currentIndex()
        return self.model().row_at(index.row()) if index.isValid() else None

    def select_first(self) -> None:
        if self.model().rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(self.model().index(0, 0))

    def select_id(self, record_id: str | None) -> None:
        """Select the row of `record_id` if it is shown; otherwise the first row, unless a row is current."""
        row = self.model().row_of_id(record_id) if record_id else -1
        if row >= 0:
            self.setCurrentIndex(self.model().index(row, 0))
        else:
            self.select_first()

    def _open(self, row: int) -> None:
        if 0 <= row < self.model().rowCount():
            self.open_id.emit(self.model().id_at(row))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex().row())
            return
        super().keyPressEvent(event)
