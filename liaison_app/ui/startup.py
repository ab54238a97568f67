"""Start-up dialogs: opening the store (offering the newest good backup if it is damaged), the daily
backup off the UI thread, and closing the store when the app quits.

A damaged store is never written to: restoring moves it aside and copies the backup in its place,
then erases again every tenant the erasure ledger names (services/erasure.py `restore_backup`);
declining leaves the file exactly as it was. The daily backup reads the whole copy to check it (store/
integrity.py), so it runs on its own thread; a damaged record found there is said in the status bar.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from liaison_app import APP_NAME
from liaison_app.services import erasure, stores
from liaison_app.services.stores import StoreDamaged, StoreError
from liaison_app.ui.i18n import tr
from liaison_app.ui.workers import Background, wait_for_background

log = logging.getLogger("liaison")


def backup_date(backup: Path) -> str:
    """When the backup was taken (the time written inside it, else the file's), as an officer reads it:
    '21 November 2026 at 08:15'."""
    return stores.backup_date(backup)


def ask_restore(parent: QWidget | None, backup: Path) -> bool:
    """Ask whether to put the backup in place of the damaged store; No is the default."""
    answer = QMessageBox.question(
        parent, APP_NAME,
        tr("startup", "The store is damaged and has not been changed.\n\nRestore the backup from %s?\n\n"
            "The damaged file is kept beside it, renamed. Anything recorded since that backup will need "
            "entering again.") % backup_date(backup),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _refuse(parent: QWidget | None, exc: Exception) -> None:
    log.warning("The store could not be opened: %s", type(exc).__name__)
    QMessageBox.critical(parent, APP_NAME, tr("startup", "The store could not be opened.\n\n%s") % exc)


def open_or_restore(path: str | Path, parent: QWidget | None = None):
    """Open the store at `path`; if it is damaged and a good backup exists, offer to restore it.

    Returns the open Store, or None when it could not be opened (the officer has been told why)."""
    try:
        return stores.open_store(path)
    except StoreError as exc:
        return recover(exc, path, parent)


def recover(exc: StoreError, path: str | Path, parent: QWidget | None = None):
    """The store at `path` could not be opened (`exc`): say why, or — when it is damaged and a good backup
    exists — offer to restore the backup. Returns the restored Store, or None."""
    backup = exc.backup if isinstance(exc, StoreDamaged) else None
    if backup is None:
        _refuse(parent, exc)
        return None
    if not ask_restore(parent, backup):
        log.info("A damaged store was left as it was; restore declined")
        return None
    try:
        restored = erasure.restore_backup(backup, Path(path).expanduser().resolve())
        log.info("The store was restored from a backup; %d erasures applied again", restored.reapplied)
    except StoreError as failed:
        _refuse(parent, failed)
        return None
    message = tr("startup", "The backup from %s is back in use. The damaged store was kept as %s.") % (
        backup_date(backup), restored.aside.name)
    if restored.reapplied:
        message += " " + tr("startup", "Tenants erased since that backup were erased again: %d.") % restored.reapplied
    QMessageBox.information(parent, APP_NAME, message)
    return restored.store


def start_daily_backup(store, window: QMainWindow) -> Background:
    """Take today's backup on its own thread; say calmly in the status bar how it went. On the first
    start, the status bar also says where the new, empty store was made (it stays until replaced)."""
    created = tr("startup", "Created a new empty store at %s.") % store.path if getattr(store, "created", False) else ""
    if created:
        log.info("A new empty store was created")
        window.statusBar().showMessage(created)

    def done(made) -> None:
        if made is not None:
            said = tr("startup", "Today's backup was taken.")
            window.statusBar().showMessage(f"{created} {said}" if created else said, 0 if created else 8000)

    def failed(exc) -> None:
        log.warning("The daily backup failed: %s", type(exc).__name__)
        if isinstance(exc, StoreDamaged):  # the full check found a damaged record: say so until dismissed
            window.statusBar().showMessage(tr("startup", "Today's backup was not taken. %s") % exc)
            return
        window.statusBar().showMessage(
            tr("startup", "Today's backup could not be taken (%s). Your records are safe; it will be tried again next "
                "time Liaison starts.") % exc, 30000)

    job = Background(stores.backup_if_due, store)
    job.succeeded.connect(done)
    job.failed.connect(failed)
    return job.start()


def close_store(store) -> None:
    """On quit: let background work (the backup) finish, then close the store and release its lock."""
    wait_for_background()
    store.close()
