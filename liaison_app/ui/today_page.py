"""Today: what needs the officer today, in calm sections with counts. Every line opens its record.

The page only lays out what `services.today.today_view` decided. Arrow keys move through the lines
(and on from one section to the next); Enter or a double-click opens the tenant or the job.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from liaison_app.services import today as today_service
from liaison_app.services.permissions import is_safeguarding_lead
from liaison_app.ui.today_list import (LEAD_SECTIONS, OVERDUE, SECTIONS, TodayList, is_overdue, item_tab,
                                       item_target)
from liaison_app.ui.widgets import SectionHeader, muted
from liaison_app.ui.workers import load


class TodaySection(QFrame):
    """A heading with a count, the lines, and a calm sentence when there is nothing."""

    def __init__(self, key: str, heading: str, empty_text: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self.heading_text = heading
        self.setObjectName("todaySection")
        self.setStyleSheet("QFrame#todaySection { background: palette(base); border: 1px solid #dadce0;"
                           " border-radius: 6px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 8)
        lay.setSpacing(4)
        self.header = SectionHeader(heading, self, scale=1.1)
        self.header.setStyleSheet("border: none;")
        self.list = TodayList(heading, self)
        self.empty = muted(empty_text, self)
        self.empty.setStyleSheet("color: #5f6368; border: none;")
        lay.addWidget(self.header)
        lay.addWidget(self.list)
        lay.addWidget(self.empty)
        lay.addStretch(1)  # keep the heading at the top when the neighbouring section is taller

    def set_items(self, items: list[Any], on: date, total: int | None = None) -> None:
        self.list.model().set_items(items, on)
        self.count = len(items) if total is None else total
        overdue = sum(1 for i in items if is_overdue(i.when, on))
        shown = f"{len(items)}" if self.count == len(items) else self.tr("first %s of %s") % (len(items), self.count)
        text = f"{self.heading_text} · {shown}"
        accessible = text
        if overdue:
            late = self.tr("%s overdue") % overdue
            text += f'&nbsp;&nbsp;<span style="color:{OVERDUE.name()}">{late}</span>'
            accessible += f", {late}"
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setText(text)
        self.header.setAccessibleName(accessible)
        self.list.fit_height()
        self.empty.setVisible(not items)


class TodayPage(QWidget):
    """The officer's day. Signals: open_tenant(tenant_id), open_job(job_id)."""

    open_tenant = Signal(str)
    open_tenant_tab = Signal(str, str)  # (tenant id, tab class name): a follow-up opens on Visits & follow-ups
    open_job = Signal(str)
    loaded = Signal()

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self._focus_when_loaded = False
        self.on: date | None = None  # None: the real today; tests may fix a day
        self.sections: dict[str, TodaySection] = {}
        outer = QVBoxLayout(self)
        outer.addLayout(self._build_top())
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._build_sections())
        outer.addWidget(scroll, 1)
        self.refresh()

    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.title = SectionHeader(self.tr("Today"), self, scale=1.5)
        self.summary = muted("", self)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Refresh (F5)"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.title)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        return top

    def _build_sections(self) -> QWidget:
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        order = []
        shown = [s for s in SECTIONS if s[0] not in LEAD_SECTIONS or is_safeguarding_lead(self.store)]
        for n, (key, heading, empty) in enumerate(shown):
            section = TodaySection(key, self.tr(heading), self.tr(empty), body)
            grid.addWidget(section, n // 2, n % 2)
            self.sections[key] = section
            order.append(section)
            section.list.open_item.connect(self.open_item)
        grid.setRowStretch(len(shown) // 2 + 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._chain(order)
        return body

    def _chain(self, order: list[TodaySection]) -> None:
        for i, section in enumerate(order):
            section.list.leave_down.connect(lambda i=i: self._move(i, +1))
            section.list.leave_up.connect(lambda i=i: self._move(i, -1))

    def _move(self, index: int, step: int) -> None:
        keys = list(self.sections)  # in the order shown
        j = index + step
        while 0 <= j < len(keys):
            target = self.sections[keys[j]].list
            if target.model().rowCount():
                target.enter_at(0 if step > 0 else target.model().rowCount() - 1)
                return
            j += step

    def refresh(self) -> None:
        """Gather the day off the UI thread (a large store takes seconds); `loaded` follows."""
        on = self.on or date.today()
        self.refresh_button.setEnabled(False)
        load(self, today_service.today_view, self.store, on, status=self.summary,
             message=self.tr("Gathering your day…"), on_done=lambda view: self._show(view, on),
             on_error=self._fail)

    def _show(self, view: Any, on: date) -> None:
        total = 0
        for key, section in self.sections.items():
            items = list(getattr(view, key))
            count = view.total(key)
            section.set_items(items, on, count)
            total += count
        self.title.setText(self.tr("Today, %s") % on.strftime("%A %d %B %Y").replace(" 0", " "))
        if total == 0:
            self.summary.setText(self.tr("Nothing needs you today."))
        else:
            self.summary.setText(self.tr("One thing needs you.") if total == 1 else
                                 self.tr("%s things need you.") % total)
        self.refresh_button.setEnabled(True)
        if self._focus_when_loaded:
            self._focus_when_loaded = False
            self._move(-1, +1)
        self.loaded.emit()

    def _fail(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.summary.setText(self.tr("Your day could not be gathered. Press Refresh to try again."))
        raise exc  # to the application's error hook: logged and shown, never swallowed

    def focus_first(self) -> None:
        """Put the keyboard on the first line (once the day has arrived, if it is still on its way)."""
        self._focus_when_loaded = not self.refresh_button.isEnabled()
        self._move(-1, +1)

    def open_item(self, item: Any) -> None:
        target = item_target(item)
        if target is None:
            return
        kind, record_id = target
        if kind == "tenant" and item_tab(item):
            self.open_tenant_tab.emit(record_id, item_tab(item))
        else:
            (self.open_job if kind == "job" else self.open_tenant).emit(record_id)

    def section_items(self, key: str) -> list[Any]:
        return list(self.sections[key].list.model().items)
