"""Small shared widgets: badges an officer takes in at a glance, section headers, a row of buttons."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QWidget

from liaison_app.services.catalogues import warning_kinds

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


def risk_flags() -> frozenset[str]:
    """The badge texts of safety warnings (risks to operatives), from the warning catalogue."""
    return frozenset((k.get("badge") or k.label) for k in warning_kinds().kinds)


def tone_for(text: str) -> str:
    t = text.casefold()
    if text in risk_flags():
        return "danger"
    if any(w in t for w in _WARNING_WORDS):
        return "warning"
    if "support" in t or "safeguard" in t:
        return "support"
    return "info"


class Badge(QLabel):
    """A short rounded label such as "Female operative" or "Dog"."""

    def __init__(self, text: str, tone: str | None = None, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("badge")
        self.tone = tone or tone_for(text)
        bg, fg = TONES.get(self.tone, TONES["neutral"])
        self.setStyleSheet(
            f"QLabel#badge {{ background: {bg}; color: {fg}; border-radius: 8px; padding: 2px 8px; }}")
        self.setAccessibleName(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)


class BadgeRow(QWidget):
    """A row of badges that can be replaced in one call."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        self.texts: list[str] = []

    def set_badges(self, texts: list[str]) -> None:
        while self._layout.count() > 1:
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for i, text in enumerate(texts):
            self._layout.insertWidget(i, Badge(text, parent=self))
        self.texts = list(texts)


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
