"""Today's lines: what each item says, where it opens, and the list that draws them (title, then a
second row of flags and detail), moving on from one section's list to the next with the arrow keys."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from liaison_app.ui.widgets import risk_flags
from liaison_app.ui.i18n import tr


ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_VISIBLE_LINES = 8
OVERDUE = QColor("#8a1c1c")
MUTED = QColor("#5f6368")

# (attribute of TodayView, heading, what an empty section says)
SECTIONS = (
    ("appointments", "Appointments today", "No job appointments today."),
    ("visits", "Visits today", "No visits logged for today."),
    ("follow_ups", "Follow-ups due", "No follow-ups due."),
    ("reviews", "Reviews due", "No adjustments, warnings or support plans due for review."),
    ("checks_due", "Mandatory checks in the next 30 days", "No checks due for tenants with adjustments or support."),
    ("no_access", "No-access cases", "No open no-access cases."),
    ("signoffs", "Sign-offs that do not match", "No returned sign-off slip needs a look."),
    ("concern_reviews", "Safeguarding concerns to review", "No safeguarding concerns due for review."),
)
JOB_SECTIONS = ("appointments", "checks_due", "no_access", "signoffs")
LEAD_SECTIONS = ("concern_reviews",)  # on a safeguarding lead's Today only
# The record tab a tenant line opens on, by the kind of record behind the line.
TAB_FOR = {"followup": "VisitsTab", "visit": "VisitsTab", "adjustment": "AdjustmentsTab",
           "riskwarning": "WarningsTab", "supportplan": "SupportPlansTab", "safetycheck": "TenantJobsTab",
           "safeguardingconcern": "SafeguardingTab"}
FLAG_RISK = QColor("#8a1c1c")
FLAG_OTHER = QColor("#0b3d91")


def item_tab(item: Any) -> str:
    """The tab class name of the tenant record a line opens on ("" for the record's first tab)."""
    return TAB_FOR.get(item.record_type, "")


def item_text(item: Any, on: date) -> str:
    """The whole line in words: when, title, flags and detail (the tooltip and what a screen reader says)."""
    flags = ", ".join(getattr(item, "flags", ()) or ())
    return " — ".join(p for p in (when_text(item.when, on), title_text(item, on), flags, item.detail) if p)


def item_target(item: Any) -> tuple[str, str] | None:
    """What a line opens: ("job", id) for work, ("tenant", id) for a person's record, or None."""
    if item.record_type == "job" or (item.section in JOB_SECTIONS and item.job_id):
        job_id = item.job_id or item.record_id
        if job_id:
            return ("job", job_id)
    if item.tenant_id:
        return ("tenant", item.tenant_id)
    if item.job_id:
        return ("job", item.job_id)
    return None


def when_text(when: date | datetime | None, on: date) -> str:
    if when is None:
        return ""
    if isinstance(when, datetime):
        return when.strftime("%H:%M") if when.date() == on else when.strftime("%d %b %H:%M")
    if when == on:
        return tr("TodayPage", "Today")
    return when.strftime("%d %b %Y") if when.year != on.year else when.strftime("%d %b")


def title_text(item: Any, on: date) -> str:
    """The title without a leading time the when column already shows."""
    when = when_text(item.when, on)
    if when and item.title.startswith(when + " "):
        return item.title[len(when) + 1:]
    return item.title


def is_overdue(when: date | datetime | None, on: date) -> bool:
    if when is None:
        return False
    day = when.date() if isinstance(when, datetime) else when
    return day < on


class TodayListModel(QAbstractListModel):
    """The lines of one section."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[Any] = []
        self.on = date.today()
        self.two_rows = False

    def set_items(self, items: list[Any], on: date) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.on = on
        self.two_rows = any(getattr(i, "flags", ()) for i in self.items)  # flags get a row of their own
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item_text(item, self.on)
        if role == Qt.ItemDataRole.ToolTipRole:  # every line can be cut short: the tooltip says it all
            flags = ", ".join(getattr(item, "flags", ()) or ())
            return "\n".join(p for p in (" ".join(x for x in (when_text(item.when, self.on), title_text(item, self.on))
                                                    if x), flags, item.detail) if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            overdue = self.tr("Overdue. ") if is_overdue(item.when, self.on) else ""
            return overdue + item_text(item, self.on)
        if role == ITEM_ROLE:
            return item
        return None


class TodayLineDelegate(QStyledItemDelegate):
    """One line: the time or date on the left (red when overdue), the title, then the detail in grey. In a
    section whose lines carry flags (appointments), each line has a second row: the flags, then the detail."""

    WHEN_WIDTH = 92

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        rows = 2 if getattr(index.model(), "two_rows", False) else 1
        return QSize(option.rect.width(), option.fontMetrics.height() * rows + 4 * rows + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        item = index.data(ITEM_ROLE)
        on = index.model().on
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect = option.rect.adjusted(8, 0, -8, 0)
        two_rows = getattr(index.model(), "two_rows", False)
        first = QRect(rect.left(), rect.top(), rect.width(), rect.height() // 2 if two_rows else rect.height())
        painter.save()
        left = self._paint_when_and_title(painter, option, item, on, first, text_color, selected)
        if two_rows:  # flags and detail on a row of their own, under the title
            left = rect.left() + self.WHEN_WIDTH
            first = QRect(left, rect.top() + rect.height() // 2, rect.right() - left, rect.height() // 2)
        rest = QRect(left, first.top(), max(0, rect.right() - left), first.height())
        left = self._paint_flags(painter, item, rest, text_color if selected else None)
        painter.setPen(text_color if selected else MUTED)
        detail = painter.fontMetrics().elidedText(item.detail or "", Qt.TextElideMode.ElideRight,
                                                  max(0, rect.right() - left))
        painter.drawText(QRect(left, first.top(), max(0, rect.right() - left), first.height()),
                         Qt.AlignmentFlag.AlignVCenter, detail)
        painter.restore()

    def _paint_when_and_title(self, painter: QPainter, option: QStyleOptionViewItem, item: Any, on: date,
                              rect: QRect, text_color: QColor, selected: bool) -> int:
        """The when column and the bold title; returns where the next text may start."""
        when = when_text(item.when, on)
        painter.setPen(text_color if selected else (OVERDUE if is_overdue(item.when, on) else MUTED))
        when_rect = QRect(rect.left(), rect.top(), self.WHEN_WIDTH, rect.height())
        painter.drawText(when_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, when)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        left = rect.left() + self.WHEN_WIDTH
        title = painter.fontMetrics().elidedText(title_text(item, on), Qt.TextElideMode.ElideRight, rect.right() - left)
        painter.drawText(QRect(left, rect.top(), rect.right() - left, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter, title)
        left += painter.fontMetrics().horizontalAdvance(title) + 12
        painter.setFont(option.font)
        return left

    @staticmethod
    def _paint_flags(painter: QPainter, item: Any, rect: QRect, selected_color: QColor | None) -> int:
        """An appointment's flags after its title, red when a risk to the operative comes first."""
        flags = list(getattr(item, "flags", ()) or ())
        if not flags or rect.width() <= 0:
            return rect.left()
        risky = flags[0] in risk_flags()
        painter.setPen(selected_color or (FLAG_RISK if risky else FLAG_OTHER))
        text = painter.fontMetrics().elidedText(("⚠ " if risky else "") + " · ".join(flags),
                                                Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)
        return rect.left() + painter.fontMetrics().horizontalAdvance(text) + 12


class TodayList(QListView):
    """A section's lines. Enter opens; Down past the end and Up past the top move to the next section."""

    open_item = Signal(object)
    leave_down = Signal()
    leave_up = Signal()

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setModel(TodayListModel(self))
        self.setItemDelegate(TodayLineDelegate(self))
        self.setAccessibleName(name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long lines are elided
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMouseTracking(True)
        self.clicked.connect(lambda index: self.open_item.emit(index.data(ITEM_ROLE)))  # lines are links

    def fit_height(self) -> None:
        rows = min(self.model().rowCount(), MAX_VISIBLE_LINES)
        line = self.sizeHintForRow(0) if self.model().rowCount() else 0
        self.setFixedHeight(rows * line + 2 * self.frameWidth())
        self.setVisible(rows > 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row, count = self.currentIndex().row(), self.model().rowCount()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_item.emit(self.currentIndex().data(ITEM_ROLE))
        elif event.key() == Qt.Key.Key_Down and row == count - 1:
            self.leave_down.emit()
        elif event.key() == Qt.Key.Key_Up and row <= 0:
            self.leave_up.emit()
        else:
            super().keyPressEvent(event)

    def enter_at(self, row: int) -> None:
        self.setFocus(Qt.FocusReason.TabFocusReason)
        self.setCurrentIndex(self.model().index(row, 0))
