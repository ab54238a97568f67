"""Small shared widgets: badges an officer takes in at a glance, section headers, a row of buttons."""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_app.services.catalogues import warning_kinds
from liaison_app.ui.flow_layout import FlowLayout

# Badge tones: background, text. Colours pass WCAG AA contrast for the text on its background.
TONES = {
    "neutral": ("#e8eaed", "#202124"),
    "info": ("#dbe8fb", "#0b3d91"),
    "warning": ("#fdecc8", "#6b4100"),
    "danger": ("#f9d6d5", "#8a1c1c"),
    "support": ("#e6dcf5", "#4a2a7a"),
    "private": ("#ede7f6", "#5b3a8a"),
}

_WARNING_WORDS = ("review due", "overdue", "no access")
HIGH_SEVERITY = "high severity"  # in a badge's note: the badge is marked ⚠ and bold


def risk_flags() -> frozenset[str]:
    """The flag texts of safety warnings (risks to operatives): the warning catalogue's labels."""
    return frozenset(k.label for k in warning_kinds().kinds)


def tone_for(text: str) -> str:
    t = text.casefold()
    if text in risk_flags():
        return "danger"
    if any(w in t for w in _WARNING_WORDS):
        return "warning"
    if "support" in t or "safeguard" in t:
        return "support"
    return "info"


def discard(widget: QWidget) -> None:
    """Take a widget off screen now and delete it: hidden and out of its parent at once (so it is never
    painted, laid out or found among its parent's children again), deleted when the event loop next runs."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


class Badge(QLabel):
    """A short rounded label such as "Female operative" or "Dangerous animal".

    Painted here (a rounded background in its tone, the text in the tone's colour) rather than by a style
    sheet: style sheets were applied badge by badge, the slowest part of showing a tenant record."""

    def __init__(self, text: str, tone: str | None = None, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("badge")
        self.tone = ""
        self._plain_font = QFont(self.font())
        self.setContentsMargins(8, 2, 8, 2)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.say(text, tone)

    def say(self, text: str, tone: str | None = None, note: str = "") -> None:
        """Show `text` in `tone` (by default the one its words call for) with `note` as its tooltip; a note
        saying "high severity" marks it ⚠ and bold. (A badge is reused for another text: cheaper than a new one.)"""
        tone = tone or tone_for(text)
        if tone != self.tone:
            self.tone = tone
            bg, fg = TONES.get(tone, TONES["neutral"])
            self._background = QColor(bg)
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(fg))
            self.setPalette(palette)
        high = HIGH_SEVERITY in note  # the most serious warnings stand out: a mark and bold text
        self.setText(f"⚠ {text}" if high else text)
        self.setAccessibleName(text)
        self.setToolTip(note)
        self.setAccessibleDescription(note)
        if high != self.font().bold():
            font = QFont(self._plain_font)
            font.setBold(high)
            self.setFont(font)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._background)
        painter.drawRoundedRect(self.rect(), 8, 8)
        painter.end()
        super().paintEvent(event)


class BadgeRow(QWidget):
    """Badges that can be replaced in one call, wrapping onto further lines as words do (never widening
    the record past the screen), and under them, once set, a one-line key to their colours."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self._chips = QWidget(self)
        self._layout = FlowLayout(self._chips)
        column.addWidget(self._chips)
        self._column = column
        self.texts: list[str] = []
        # Badges taken off the row wait here, blank and out of it, to be shown again: making a badge costs
        # more than saying other words in one (issue #15: a record's badges are replaced on every open).
        self._spares: list[Badge] = []
        self._spare_holder = QWidget()
        self.destroyed.connect(self._spare_holder.deleteLater)

    def set_badges(self, texts: list[str], notes: dict[str, str] | None = None) -> None:
        """Show `texts` as badges; `notes` gives a badge its tooltip (what it means, how serious)."""
        shown = [self._layout.itemAt(i).widget() for i in range(self._layout.count())]
        if len(texts) > len(shown):  # showing a badge in a row on screen lays the whole window out again:
            self._chips.setVisible(False)  # show them all in a hidden row, then the row once
        for badge in shown[len(texts):]:  # the badges not needed now: off the row at once, blank
            self._layout.removeWidget(badge)
            badge.hide()
            badge.setParent(self._spare_holder)
            badge.say("")
            self._spares.append(badge)
        for i, text in enumerate(texts):
            note = (notes or {}).get(text, "")
            if i < len(shown):
                shown[i].say(text, note=note)
                continue
            badge = self._spares.pop() if self._spares else None
            if badge is None:
                badge = Badge(text, parent=self._chips)
            else:
                badge.setParent(self._chips)
            badge.say(text, note=note)
            self._layout.addWidget(badge)
            badge.show()
        self.texts = list(texts)
        self._chips.setVisible(bool(texts))

    def set_legend(self, entries: list[tuple[str, str]]) -> QLabel:
        """A small key under the badges: each tone's colour with what it means (its own line, so the
        badges keep their height and a change of badges never re-wraps it)."""
        parts = []
        for tone, words in entries:
            bg, fg = TONES.get(tone, TONES["neutral"])
            parts.append(f'<span style="background:{bg}; color:{fg};">&nbsp;&nbsp;&nbsp;</span>&nbsp;{words}')
        self.legend = QLabel("&nbsp;&nbsp;".join(parts), self)
        self.legend.setObjectName("badgeLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setStyleSheet("color: #5f6368;")
        self.legend.setWordWrap(True)  # a narrow window wraps the key rather than widen the record
        self.legend.setAccessibleName("Key: " + "; ".join(words for _t, words in entries))
        self._column.addWidget(self.legend)
        return self.legend


class SectionHeader(QLabel):
    """A bold heading above a part of a page, a little larger than the body text."""

    def __init__(self, text: str, parent: QWidget | None = None, *, scale: float = 1.2):
        super().__init__(text, parent)
        self.setObjectName("sectionHeader")
        font = QFont(self.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        self.setFont(font)
        self.setAccessibleName(text)


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def button_row(*buttons: QPushButton, stretch_first: bool = False) -> QLayout:
    """Buttons in a row, left-aligned (or right-aligned with stretch_first)."""
    row = QHBoxLayout()
    if stretch_first:
        row.addStretch(1)
    for b in buttons:
        row.addWidget(b)
    if not stretch_first:
        row.addStretch(1)
    return row


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    """Secondary text: greyer, wraps."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6368;")
    return label


def row_table(model, accessible_name: str, parent: QWidget, *, read_only: bool = False) -> QTableView:
    """A plain table of `model` that selects whole rows, its last column stretched; one row at a time unless
    `read_only` (then never edited, any selection)."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    if read_only:
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    else:
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


_TYPED_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class DateEdit(QDateEdit):
    """A day/month/year field that behaves like a calendar rather than three separate dials.

    Stepping (arrow keys, wheel) moves the whole date: up from 30 November gives 1 December, and the month
    and year sections step by whole months and years. A day typed before its month ("31" while the field
    shows November) is remembered and given as soon as the month is changed to one that has it, instead of
    being cut to the 30th. At an optional field's "No date" value, a step starts from today.
    """

    def __init__(self, value: QDate | date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        if value is not None:
            self.setDate(value if isinstance(value, QDate) else QDate(value.year, value.month, value.day))
        self._wanted_day: int | None = None
        self._typed_day: int | None = None
        self.dateChanged.connect(self._give_wanted_day)

    def is_blank(self) -> bool:
        return bool(self.specialValueText()) and self.date() == self.minimumDate()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.date() < self.maximumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self.date() > self.minimumDate() and not self.is_blank():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def stepBy(self, steps: int) -> None:
        self._wanted_day = None
        section = self.currentSection()
        if self.is_blank():
            self.setDate(QDate.currentDate())
        elif section == QDateEdit.Section.MonthSection:
            self.setDate(self.date().addMonths(steps))
        elif section == QDateEdit.Section.YearSection:
            self.setDate(self.date().addYears(steps))
        else:
            self.setDate(self.date().addDays(steps))
        self.setSelectedSection(section if section != QDateEdit.Section.NoSection else QDateEdit.Section.DaySection)

    def validate(self, text: str, pos: int):
        match = _TYPED_DATE.fullmatch(text)
        if match and self.currentSection() == QDateEdit.Section.DaySection:
            day, month, year = (int(g) for g in match.groups())
            if 1 <= month <= 12 and QDate(year, month, 1).daysInMonth() < day <= 31:
                self._typed_day = day
        return super().validate(text, pos)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.is_blank() and event.text().isdigit():  # typing into "No date" starts from today's month
            self.setDate(QDate.currentDate())
            self.setSelectedSection(QDateEdit.Section.DaySection)
        in_day = self.currentSection() == QDateEdit.Section.DaySection
        self._typed_day = None
        super().keyPressEvent(event)
        if in_day and event.text().isdigit():
            self._wanted_day = self._typed_day

    def _give_wanted_day(self, value: QDate) -> None:
        wanted = self._wanted_day
        if wanted and self.currentSection() != QDateEdit.Section.DaySection and value.day() != wanted \
                and wanted <= value.daysInMonth():
            self._wanted_day = None
            self.setDate(QDate(value.year(), value.month(), wanted))

    def focusOutEvent(self, event) -> None:
        self._wanted_day = None
        super().focusOutEvent(event)
