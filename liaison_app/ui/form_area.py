"""The scrolling part of a form: as tall as its fields up to what the screen has room for, then it scrolls.

FormDialog keeps its fields in one, so a long form (a support plan with many measures) never pushes
Save and Cancel below the bottom of a 768- or 700-pixel screen; the buttons stay under it, in view.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from liaison_app.ui.screen_fit import room_for_content

MIN_ROWS_SHOWN = 6  # the least a squeezed form still shows, in lines of text


class FormArea(QScrollArea):
    """A frameless, vertically scrolling holder for a form's fields (`widget()` holds the layout), or for
    `content`, a part of a window that may be taller than the screen (the job's access attempts)."""

    def __init__(self, parent: QWidget | None = None, reserved: int = 160, content: QWidget | None = None):
        super().__init__(parent)
        self.reserved = reserved  # room the rest of the window needs: header, message, buttons
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        holder = content if content is not None else QWidget(self)
        if content is None:
            holder.setObjectName("formFields")
        holder.setAutoFillBackground(False)
        self.setWidget(holder)
        holder.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Fields added (or a table grown) after the area was made: ask the window to lay out again."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def _extra_width(self) -> int:
        return self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        inner = self.widget().sizeHint()
        height = min(inner.height(), room_for_content(self.window(), self.reserved))
        return QSize(inner.width() + self._extra_width(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        inner = self.widget().minimumSizeHint()
        least = self.fontMetrics().lineSpacing() * MIN_ROWS_SHOWN
        return QSize(inner.width() + self._extra_width(), min(inner.height(), least))
