"""Long work off the UI thread: a small worker, a progress dialog, cancel, result and error.

`run_with_progress(parent, title, fn, *args)` is the one call most code needs. `fn` is called on a
worker thread as `fn(*args, progress)`, where `progress(done, total) -> bool` reports how far it got
and returns False once the officer pressed Cancel (fn should then stop early). The call keeps the
window responsive (a modal progress dialog runs the event loop) and:
  - returns fn's result;
  - raises `Cancelled` if the officer cancelled;
  - re-raises fn's own exception unchanged, so callers handle real errors themselves.
"""
from __future__ import annotations

import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


REPORT_EVERY = 0.05  # seconds between progress updates sent to the dialog


class Cancelled(Exception):
    """The officer cancelled long work before it finished."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("workers", "Cancelled."))


class Worker(QObject):
    """Runs `fn(*args, progress)` once on whatever thread it is moved to.

    Signals: progressed(done, total), succeeded(result), failed(exception), done() after either.
    `cancel()` may be called from any thread; the next progress call then returns False.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._cancel = threading.Event()
        self._last_report = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> bool:
        now = time.monotonic()
        if done >= total or now - self._last_report >= REPORT_EVERY:
            self._last_report = now
            self.progressed.emit(int(done), int(total))
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(*self._args, self.report)
        except BaseException as exc:  # handed to the caller on the UI thread, never swallowed
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        self.done.emit()


class Job(QObject):
    """A Worker on its own QThread, with a QProgressDialog that shows progress and offers Cancel."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, fn: Callable[..., Any], *args: Any,
                 cancellable: bool = True) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.error: BaseException | None = None
        self.worker = Worker(fn, *args)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.dialog = self._make_dialog(parent, title, cancellable)
        self._connect()

    def _make_dialog(self, parent: QWidget | None, title: str, cancellable: bool) -> QProgressDialog:
        cancel_text = self.tr("Cancel") if cancellable else ""
        dialog = QProgressDialog(title, cancel_text, 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAccessibleName(title)
        if not cancellable:
            dialog.setCancelButton(None)
        return dialog

    def _connect(self) -> None:
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_success)
        self.worker.failed.connect(self._on_failure)
        self.worker.done.connect(self.thread.quit)
        self.thread.finished.connect(self._on_thread_finished)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.thread.start()

    @Slot()
    def cancel(self) -> None:
        self.worker.cancel()
        self.dialog.setLabelText(self.tr("Stopping…"))

    @property
    def cancelled(self) -> bool:
        return self.worker.is_cancelled

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total > 0 else 0)

    @Slot(object)
    def _on_success(self, result: Any) -> None:
        self.result = result

    @Slot(object)
    def _on_failure(self, exc: BaseException) -> None:
        self.error = exc

    @Slot()
    def _on_thread_finished(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)  # closing a QProgressDialog emits canceled
        self.dialog.close()
        self.finished.emit()


def run_with_progress(parent: QWidget | None, title: str, fn: Callable[..., Any], *args: Any,
                      cancellable: bool = True) -> Any:
    """Run `fn(*args, progress)` off the UI thread behind a progress dialog; see the module docstring."""
    job = Job(parent, title, fn, *args, cancellable=cancellable)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    job.start()
    loop.exec()  # the thread's end arrives as a queued signal, so quit is never missed
    job.thread.wait()
    job.deleteLater()
    if job.error is not None:
        raise job.error
    if job.cancelled:
        raise Cancelled()
    return job.result


_RUNNING: set["Background"] = set()


class Background(QObject):
    """Run `fn(*args)` once on its own thread with no dialog (loading a page); the window stays responsive.

    `succeeded(result)` / `failed(exception)` arrive on the UI thread. The object keeps itself alive
    until its thread ends, and the application waits for it on quit.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.worker = Worker(lambda *a: fn(*a[:-1]), *args)
        self.thread = QThread()
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.succeeded.connect(self.succeeded)
        self.worker.failed.connect(self.failed)
        self.worker.done.connect(self.thread.quit)
        self.thread.finished.connect(self._finished)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.thread.wait)

    def start(self) -> "Background":
        _RUNNING.add(self)
        self.thread.start()
        return self

    def wait(self, ms: int = 30_000) -> bool:
        return self.thread.wait(ms)

    @Slot()
    def _finished(self) -> None:
        _RUNNING.discard(self)


def wait_for_background(ms: int = 30_000) -> None:
    """Block until every background load has ended (tests, and before closing a store)."""
    for job in list(_RUNNING):
        job.wait(ms)
    QCoreApplication.processEvents()
