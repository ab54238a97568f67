"""Start-up dialogs: opening the store (offering the newest good backup if it is damaged), the daily
backup off the UI thread, and closing the store when the app quits.

A damaged store is never written to: restoring moves it aside (store/safety.py `restore_from`) and
copies the backup in its place; declining leaves the file exactly as it was.
"""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from liaison_app import APP_NAME
import liaison_app.store as stores
from liaison_app.store import StoreError, safety
from liaison_app.ui.workers import Background, wait_for_background

log = logging.getLogger("liaison")


def _tr(text: str) -> str:
    return QCoreApplication.translate("startup", text)


def backup_date(backup: Path) -> str:
    """When the backup was taken, as an officer reads it: '21 November 2026 at 08:15'."""
    taken = datetime.fromtimestamp(Path(backup).stat().st_mtime)
    return _tr("%s at %s") % (f"{taken.day} {taken:%B %Y}", f"{taken:%H:%M}")


def is_damaged(exc: StoreError) -> bool:
    return "damaged" in str(exc)


def ask_restore(parent: QWidget | None, backup: Path) -> bool:
    """Ask whether to put the backup in place of the damaged store; No is the default."""
    answer = QMessageBox.question(
        parent, APP_NAME,
        _tr("The store is damaged and has not been changed.\n\nRestore the backup from %s?\n\n"
            "The damaged file is kept beside it, renamed. Anything recorded since that backup will need "
            "entering again.") % backup_date(backup),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _refuse(parent: QWidget | None, exc: Exception) -> None:
    log.warning("The store could not be opened: %s", type(exc).__name__)
    QMessageBox.critical(parent, APP_NAME, _tr("The store could not be opened.\n\n%s") % exc)


def open_or_restore(path: str | Path, parent: QWidget | None = None):
    """Open the store at `path`; if it is damaged and a good backup exists, offer to restore it.

    Returns the open Store, or None when it could not be opened (the officer has been told why)."""
    try:
        return stores.open_store(path)
    except StoreError as exc:
        backup = safety.newest_good_backup(Path(path).expanduser().resolve()) if is_damaged(exc) else None
        if backup is None:
            _refuse(parent, exc)
            return None
        if not ask_restore(parent, backup):
            log.info("A damaged store was left as it was; restore declined")
            return None
    try:
        aside = safety.restore_from(backup, Path(path).expanduser().resolve())
        log.info("The store was restored from a backup")
        store = stores.open_store(path)
    except StoreError as exc:
        _refuse(parent, exc)
        return None
    QMessageBox.information(parent, APP_NAME, _tr("The backup from %s is back in use. The damaged store was "
                                                  "kept as %s.") % (backup_date(backup), aside.name))
    return store


def start_daily_backup(store, window: QMainWindow) -> Background:
    """Take today's backup on its own thread; say calmly in the status bar how it went."""
    def done(made) -> None:
        if made is not None:
            window.statusBar().showMessage(_tr("Today's backup was taken."), 8000)

    def failed(exc) -> None:
        log.warning("The daily backup failed: %s", type(exc).__name__)
        window.statusBar().showMessage(
            _tr("Today's backup could not be taken (%s). Your records are safe; it will be tried again next "
                "time Liaison starts.") % exc, 30000)

    job = Background(safety.backup_if_due, store)
    job.succeeded.connect(done)
    job.failed.connect(failed)
    return job.start()


def close_store(store) -> None:
    """On quit: let background work (the backup) finish, then close the store and release its lock."""
    wait_for_background()
    store.close()
