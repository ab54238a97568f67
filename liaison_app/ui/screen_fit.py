"""Every window and dialog opens within the screen it is on, so its buttons stay in reach.

On a 1366×768 laptop (or 1024×700) a dialog sized for a big monitor would hide Save, Print and Close
below the screen. `install(app)` (done at start-up by app.py) watches every top-level window as it is
shown and shrinks it to the screen's available area, then moves it inside; long forms scroll inside
(ui/forms.py `FormArea`), so a smaller window loses nothing. Maximised and full-screen windows are
left to the window manager.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

FRAME_ALLOWANCE = 32  # the title bar and frame the window manager adds around a window
_PLACE_THEMSELVES = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)  # menus, tips


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part (without task bars) of the screen `widget` is on, else of the primary screen."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def fit_to_screen(window: QWidget, area: QRect | None = None) -> None:
    """Size `window` to what it asks for, within `area` (its screen's available area, less the frame), and
    move it inside."""
    if window.isMaximized() or window.isFullScreen():
        return
    area = area if area is not None else available_geometry(window.parentWidget() or window)
    hint = window.sizeHint()  # Qt sizes a new window to at most 2/3 of the screen: let a long form have its room
    width = min(max(window.width(), hint.width()), area.width())
    height = min(max(window.height(), hint.height()), area.height() - FRAME_ALLOWANCE)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() - window.width() + 1)
    y = min(max(window.y(), area.top()), area.bottom() - window.height() - FRAME_ALLOWANCE + 1)
    if (x, y) != (window.x(), window.y()):
        window.move(max(x, area.left()), max(y, area.top()))


def room_for_content(widget: QWidget | None = None, reserved: int = 160) -> int:
    """How tall a scrolling part of a window may grow before the window would pass the screen's bottom
    (`reserved`: what the window needs beside it — title, messages, buttons)."""
    return max(120, available_geometry(widget).height() - FRAME_ALLOWANCE - reserved)


class ScreenFit(QObject):
    """An application-wide event filter: each top-level window is fitted to its screen as it shows."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow() \
                and watched.windowType() not in _PLACE_THEMSELVES:
            fit_to_screen(watched)
        return False


def install(app: QApplication | None = None) -> ScreenFit:
    """Fit every window of `app` (the running application) to its screen from now on; once per app."""
    app = app or QApplication.instance()
    existing = app.findChild(ScreenFit)
    if existing is not None:
        return existing
    fitter = ScreenFit(app)
    app.installEventFilter(fitter)
    return fitter
