"""The tenant list's table model: a window over every search match, read from the store by page.

`rowCount` is the number of matches (counted once per search), so the scroll bar spans the whole
list from the start and jumping to the end is one page read. A typed search counts at most
`COUNT_CAP` matches while the officer types (counting every tenant whose name holds 'b' takes a
noticeable pause on a landlord-sized store, and nobody scrolls through a thousand of them): the list
then holds the first COUNT_CAP, `capped` is set, and the rest is counted and added when the view
asks for more (`fetchMore`, when the list is scrolled to its end). Rows are read 50 at a time, when the
view first asks for a row of that page, and kept in a small least-recently-used cache of pages, so
memory stays flat however far the list is scrolled. The model holds plain `TenantRow` values from
`services.tenants.search_tenants`, never a session.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt,
                            QTimer)
from PySide6.QtGui import QColor

from liaison_app.services import tenants
from liaison_app.ui.widgets import risk_flags

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, REFERENCE, ADDRESS, POSTCODE, FLAGS = range(5)
PAGE_SIZE = 50
MAX_PAGES = 40  # 2,000 rows: several screens either way of the one shown
COUNT_CAP = 1000  # matches counted per keystroke (see the module's note)
RISK_COLOUR = QColor("#8a1c1c")


class TenantTableModel(QAbstractTableModel):
    """Rows of `TenantRow`: Name, Reference, Address, Postcode, Flags. `ID_ROLE` gives the tenant id."""

    HEADERS = (QT_TRANSLATE_NOOP("TenantTableModel", "Name"), QT_TRANSLATE_NOOP("TenantTableModel", "Reference"),
               QT_TRANSLATE_NOOP("TenantTableModel", "Address"), QT_TRANSLATE_NOOP("TenantTableModel", "Postcode"),
               QT_TRANSLATE_NOOP("TenantTableModel", "Flags"))

    def __init__(self, store, parent=None, *, page_size: int = PAGE_SIZE, max_pages: int = MAX_PAGES):
        super().__init__(parent)
        self.store = store
        self.page_size = page_size
        self.max_pages = max(2, max_pages)
        self.text = ""
        self.page_reads = 0  # queries for rows (one or two pages each) since the model was made
        self._count = 0
        self.capped = False  # the count stopped at COUNT_CAP: there are more (fetchMore adds them)
        self._pages: OrderedDict[int, list[tenants.TenantRow]] = OrderedDict()
        self._stale = False
        self._risks = risk_flags()

    # ----- searching
    def search(self, text: str) -> None:
        """Show every tenant matching `text` (all tenants when empty); rows are read as they are shown."""
        found = self._first_page(text)
        self.beginResetModel()
        self.text = text
        self._set_window(*found)
        self.endResetModel()

    def reload(self) -> None:
        """Count and read again for the same text (records or flags may have changed). The rows shown
        keep their place, and the selection stays, unless the number of matches changed."""
        first, count, capped = found = self._first_page(self.text, exact=self._all_counted())
        if self._reset_if_recounted(*found):
            return
        self._set_window(first, count, capped)
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.HEADERS) - 1))

    def _recount(self) -> None:
        """After a read found the store changed: a new count resets the rows; the same count leaves them
        (and `_stale` set, so a store that keeps disagreeing is not read again and again)."""
        self._reset_if_recounted(*self._first_page(self.text, exact=self._all_counted()))

    def _all_counted(self) -> bool:
        """The officer scrolled past the first COUNT_CAP (fetchMore): keep counting them all."""
        return not self.capped and self._count > COUNT_CAP

    def _reset_if_recounted(self, first: list[tenants.TenantRow], count: int, capped: bool) -> bool:
        if count == self._count and capped == self.capped:
            return False
        self.beginResetModel()
        self._set_window(first, count, capped)
        self.endResetModel()
        return True

    def cached_pages(self) -> int:
        return len(self._pages)

    def _first_page(self, text: str, exact: bool = False) -> tuple[list[tenants.TenantRow], int, bool]:
        """The first page, the rows to show and whether that is capped: every match for no text (or
        `exact`), at most COUNT_CAP for a typed search (see the module's note)."""
        if not exact and text.strip():  # a keystroke: the page and its capped count in one read
            first, count = tenants.search_tenants_counted(self.store, text, self.page_size, COUNT_CAP)
            self.page_reads += 1
            return (first, COUNT_CAP, True) if count > COUNT_CAP else (first, count, False)
        first = tenants.search_tenants(self.store, text, self.page_size, 0)
        self.page_reads += 1
        if len(first) < self.page_size:  # all of them: no need to count
            return first, len(first), False
        return first, tenants.count_tenants(self.store, text), False

    def _set_window(self, first: list[tenants.TenantRow], count: int, capped: bool) -> None:
        self.capped = capped
        self._count = count
        self._pages = OrderedDict({0: first})
        self._stale = False

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self.capped

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        """The list reached the end of the first COUNT_CAP matches: count them all and add the rest."""
        if parent.isValid() or not self.capped:
            return
        total = tenants.count_tenants(self.store, self.text)
        self.capped = False
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()

    def _page(self, number: int) -> list[tenants.TenantRow]:
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        first = self._read_from(number)
        self._read(first, 2 if first != number or (number + 1) * self.page_size < self._count else 1)
        return self._pages[number]

    def _read_from(self, number: int) -> int:
        """A screen may straddle two pages: a miss reads its neighbour too, in the same query (a deep
        offset costs the same for 100 rows as for 50): the one before when the one after is held."""
        if number > 0 and number + 1 in self._pages and number - 1 not in self._pages:
            return number - 1
        return number

    def _anchor(self, first: int) -> tuple[int, str] | None:
        """The last tenant of the nearest full page held before page `first`, as (place, id): the whole
        list reads on from it instead of from a deep offset (scrolling stays smooth at 125,000)."""
        held = [n for n, rows in self._pages.items() if n < first and len(rows) == self.page_size]
        if self.text.strip() or not held:
            return None
        number = max(held)
        return (number + 1) * self.page_size - 1, self._pages[number][-1].id

    def _read(self, first: int, pages: int) -> None:
        start = first * self.page_size
        rows = tenants.search_tenants(self.store, self.text, pages * self.page_size, start, self._anchor(first))
        self.page_reads += 1
        if len(rows) != min(pages * self.page_size, self._count - start):
            self._changed_elsewhere()
        for i in range(pages):
            self._pages[first + i] = rows[i * self.page_size:(i + 1) * self.page_size]
            self._pages.move_to_end(first + i)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)

    def _changed_elsewhere(self) -> None:
        """The store no longer has the number of matches counted (a tenant added or erased meanwhile):
        count again once the view has finished asking for data, never while it is painting."""
        if not self._stale:
            self._stale = True
            QTimer.singleShot(0, self, self._recount)

    # ----- reading
    def _row(self, row: int) -> tenants.TenantRow | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // self.page_size)
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    def row_at(self, row: int) -> tenants.TenantRow | None:
        """The tenant on `row`, or None when there is no such row (or it has just left the store)."""
        return self._row(row)

    def id_at(self, row: int) -> str:
        found = self._row(row)
        return found.id if found is not None else ""

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column(), role == Qt.ItemDataRole.ToolTipRole)
        if role == ID_ROLE:
            return row.id
        if index.column() == NAME and self.has_risk(row):
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


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                    ID_ROLE})
