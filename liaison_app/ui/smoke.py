"""`liaison-app --smoke-test`: prove that an installed or frozen Liaison opens, without a person.

The driver answers the first-account setup (or the sign-in) with LIAISON_SMOKE_USER and
LIAISON_SMOKE_PASSWORD, waits for the main window, prints one line per step on stdout, and closes
the app. The exit code is 0 only when the main window showed and nothing went wrong on the way.
"""
from __future__ import annotations

import os
import sys
import time
import traceback

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from liaison_app.ui.sign_in import SetupDialog, SignInDialog

TIME_LIMIT = 60.0  # seconds for the whole walk, however slow the machine


def say(text: str) -> None:
    print(f"smoke: {text}", flush=True)


class SmokeDriver(QObject):
    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.user = os.environ.get("LIAISON_SMOKE_USER", "smoke-admin")
        self.password = os.environ.get("LIAISON_SMOKE_PASSWORD", "smoke-test-password")
        self.started = time.monotonic()
        self.answered: set[int] = set()
        self.failures: list[str] = []
        self.shown = False
        sys.excepthook = self._unexpected
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _unexpected(self, exc_type, exc, tb) -> None:
        self.failures.append(exc_type.__name__)
        say(f"FAILED: unexpected {exc_type.__name__}")
        traceback.print_exception(exc_type, exc, tb)
        self.app.exit(1)

    def _poll(self) -> None:
        if time.monotonic() - self.started > TIME_LIMIT:
            self.failures.append("time limit")
            say(f"FAILED: the main window did not show within {TIME_LIMIT:.0f} s")
            modal = self.app.activeModalWidget()
            if modal is not None:
                modal.reject()
            self.app.exit(1)
            return
        dialog = self.app.activeModalWidget()
        if isinstance(dialog, (SetupDialog, SignInDialog)) and dialog.isVisible():
            self._answer(dialog)

    def _answer(self, dialog) -> None:
        if id(dialog) in self.answered:  # answered once already and still open: the answer was refused
            self.failures.append("sign-in refused")
            say(f"FAILED: {dialog.windowTitle()!r} refused the answer: {dialog.message.text()}")
            dialog.reject()
            return
        self.answered.add(id(dialog))
        say(f"{dialog.windowTitle()!r} shown")
        dialog.username.setText(self.user)
        dialog.password.setText(self.password)
        if isinstance(dialog, SetupDialog):
            dialog.display_name.setText("Smoke Test")
            dialog.again.setText(self.password)
        QTimer.singleShot(0, dialog.ok_button.click)

    def main_window_shown(self, window) -> None:
        self.shown = window.isVisible()
        say(f"main window shown: {window.windowTitle()!r} "
            f"({window.width()}×{window.height()}, {time.monotonic() - self.started:.1f} s)")
        shot = os.environ.get("LIAISON_SMOKE_SHOT")
        if shot:
            QTimer.singleShot(1500, lambda: window.grab().save(shot))
        QTimer.singleShot(2000, self.app.quit)

    def exit_code(self, code: int) -> int:
        if self.failures or not self.shown:
            return code or 1
        say("closed cleanly")
        return code
