"""Opening the store while the sign-in dialog is on screen (issue #15, start-up).

The desktop first asks the store file, with plain sqlite3 (services/peek.py), whether it has officer
accounts, and shows the sign-in dialog at once. Meanwhile a `PendingStore` opens the store on a
background thread exactly as before — lock, location, `quick_check`, migration with its backup — and
loads SQLModel, the services and the main window's modules. Nothing is read for an officer or written
until that open has succeeded: the dialog waits for it (`wait`) before it checks a password, so a
locked, damaged or too-new store is refused, untouched, just as when it was opened first.

This module imports only Qt and the light ui helpers: the heavy imports happen on the worker thread,
inside `_open`, for start-up speed.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel

from liaison_app.services.peek import has_accounts_hint
from liaison_app.ui.i18n import tr
from liaison_app.ui.workers import Background

log = logging.getLogger("liaison")

__all__ = ["PendingStore", "has_accounts_hint"]


def _load_the_rest() -> None:
    """What the main window needs, imported on the worker thread while the officer types (class
    definitions only: no widget is made off the UI thread)."""
    import liaison_app.ui.lock  # noqa: F401  here, not at the top, for start-up speed
    import liaison_app.ui.main_window  # noqa: F401  here, not at the top, for start-up speed
    import liaison_app.ui.startup  # noqa: F401  here, not at the top, for start-up speed


class PendingStore(QObject):
    """The store at `path`, opening on a background thread. `settled` fires on the UI thread once the
    open has ended, well or not; `wait` blocks until then and returns the open Store, or None when it
    could not be opened (`error` then holds the StoreError to show)."""

    settled = Signal()

    def __init__(self, path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.store = None
        self.error: BaseException | None = None
        self.has_accounts: bool | None = None
        self._started = False
        self._ended = False
        self._job = Background(self._open)
        self._job.succeeded.connect(self.settled)
        self._job.failed.connect(self.settled)

    def start(self) -> "PendingStore":
        """Start opening (once; later calls do nothing)."""
        if not self._started:
            self._started = True
            self._job.start()
        return self

    def _open(self) -> None:  # on the worker thread
        try:
            self.store = self._open_and_load()
        except BaseException as exc:
            self.error = exc
            raise
        finally:
            self._ended = True  # before `settled` is sent: its receivers may ask `done`

    def _open_and_load(self):
        from liaison_app.services import officers, stores  # here, not at the top, for start-up speed

        store = stores.open_store(self.path)
        try:
            self.has_accounts = officers.has_accounts(store)
            _load_the_rest()
        except BaseException:
            store.close()
            raise
        return store

    @property
    def done(self) -> bool:
        """The open has ended, well or not (the thread may still be finishing)."""
        return self._ended

    def wait(self, message: QLabel | None = None):
        """Block until the open has ended, with a busy cursor and "Checking the store…" in `message`
        (if it has not ended yet). Returns the Store, or None (see `error`)."""
        self.start()
        if self._job.thread.isFinished():
            return self.store
        style = message.styleSheet() if message is not None else ""
        if message is not None:  # news, not a problem: in the ordinary colour, not the error colour
            message.setStyleSheet("")
            message.setText(tr("opening", "Checking the store…"))
            message.repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._job.thread.wait()
        finally:
            QApplication.restoreOverrideCursor()
            if message is not None:
                message.clear()
                message.setStyleSheet(style)
        return self.store
