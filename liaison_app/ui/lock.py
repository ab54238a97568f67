"""Auto-lock: after a spell without input (setting auto_lock_minutes, default 15), or when the app is
suspended or hidden, every open window is covered and the signed-in officer's password is asked.

Nothing is closed: open forms stay open underneath their covers, so unsaved edits are kept, and
unlocking returns to the same place with focus where it was. When the app merely loses focus
(Inactive) no input reaches it, so the idle timer covers that case.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from liaison_app.services import officers
from liaison_app.services.officers import SignInError

INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride}
LOCK_STATES = {Qt.ApplicationState.ApplicationSuspended, Qt.ApplicationState.ApplicationHidden}


class LockCover(QWidget):
    """An opaque cover over one window's content while the app is locked."""

    def __init__(self, target: QWidget):
        super().__init__(target)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCover { background: palette(window); }")
        lay = QVBoxLayout(self)
        label = QLabel(self.tr("Liaison is locked."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(label)
        self.setGeometry(target.rect())
        target.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.parentWidget() and event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def remove(self) -> None:
        target = self.parentWidget()
        if target is not None:
            target.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class LockDialog(QDialog):
    """Asks the signed-in officer's password. Esc and the close button do not unlock."""

    unlocked = Signal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Liaison is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        lay = QVBoxLayout(self)
        name = officers.signed_in_name(store) or store.actor
        lay.addWidget(QLabel(self.tr("Locked to keep tenants' information private. %s, enter your password "
                                     "to carry on where you left off.") % name, self))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        # Enter is handled by the default Unlock button alone: connecting returnPressed as well made one
        # wrong password count as two failed sign-ins.
        caption = QLabel(self.tr("&Password:"), self)
        caption.setBuddy(self.password)
        field = QHBoxLayout()
        field.addWidget(caption)
        field.addWidget(self.password, 1)
        lay.addLayout(field)
        self.password.setFocus()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a1c1c;")
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.quit_button = QPushButton(self.tr("Quit Liaison…"), self)
        self.quit_button.setToolTip(self.tr("For another officer: quits without saving open forms"))
        self.quit_button.clicked.connect(self.quit_app)
        row.addWidget(self.quit_button)
        row.addStretch(1)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        row.addWidget(self.unlock_button)
        lay.addLayout(row)
        self._done = False

    def try_unlock(self) -> None:
        try:
            ok = officers.check_password(self.store, self.password.text())
        except SignInError as exc:  # its text speaks of a user name, which the lock never asks for
            ok = False
            wait = self.tr(" Too many attempts: wait %d seconds before trying again.") % exc.retry_after
            self.message.setText(self.tr("That is not your password.") + (wait if exc.retry_after else ""))
        self.password.clear()
        if ok:
            self._done = True
            self.unlocked.emit()
            self.accept()

    def quit_app(self) -> None:
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("Quit Liaison? Anything not yet saved in open forms is lost."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._done = True
            QApplication.instance().quit()

    def reject(self) -> None:
        """Esc does not unlock."""

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._done:
            event.accept()
        else:
            event.ignore()


class AutoLock(QObject):
    """Watches input across the application and locks when idle or when the app is suspended."""

    locked_changed = Signal(bool)

    def __init__(self, window: QWidget, store, minutes: int | None = None):
        super().__init__(window)
        self.window, self.store = window, store
        self.idle_limit = 60 * (minutes if minutes is not None else officers.auto_lock_minutes(store))
        self.last_input = time.monotonic()
        self.covers: list[LockCover] = []
        self.dialog: LockDialog | None = None
        self._focus: QWidget | None = None
        app = QApplication.instance()
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._state_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(min(15_000, max(1000, self.idle_limit * 250)))
        self.timer.timeout.connect(self.check_idle)
        self.timer.start()

    def set_minutes(self, minutes: int) -> None:
        """A new idle limit from Settings, in force at once."""
        self.idle_limit = 60 * minutes
        self.timer.setInterval(min(15_000, max(1000, self.idle_limit * 250)))

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in INPUT_EVENTS and not self.is_locked:
            self.last_input = time.monotonic()
        return False

    def check_idle(self) -> None:
        if not self.is_locked and time.monotonic() - self.last_input >= self.idle_limit:
            self.lock()

    def _state_changed(self, state) -> None:
        if state in LOCK_STATES:
            self.lock()

    def lock(self) -> None:
        """Cover every open window and ask for the password (nothing is closed)."""
        if self.is_locked or not self.store.actor_id:
            return
        app = QApplication.instance()
        self._focus = app.focusWidget()
        for widget in app.topLevelWidgets():
            if widget.isVisible() and not isinstance(widget, LockDialog) and widget.isWindow():
                self.covers.append(LockCover(widget))
        parent = app.activeModalWidget() or self.window
        self.dialog = LockDialog(self.store, parent)
        self.dialog.unlocked.connect(self.unlock)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.password.setFocus()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        for cover in self.covers:
            cover.remove()
        self.covers = []
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.last_input = time.monotonic()
        if self._focus is not None:
            try:
                self._focus.setFocus()
            except RuntimeError:  # the widget has gone meanwhile
                pass
        self._focus = None
        self.locked_changed.emit(False)


def install_auto_lock(window: QWidget, store, minutes: int | None = None) -> AutoLock:
    """Lock `window` (and every other open window) after `minutes` idle (default: the setting)."""
    lock = AutoLock(window, store, minutes)
    window._auto_lock = lock  # keep it alive as long as the window
    return lock
