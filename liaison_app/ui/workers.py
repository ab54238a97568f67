"""Long work off the UI thread: a small worker, a progress dialog, cancel, result and error.

`load(page, fn, *args, on_done=…)` is how a page reads its data: `fn(*args)` runs on a background
thread with no dialog, the page shows "Loading…" meanwhile, and only the newest load's result arrives.
The reads share a few long-lived threads (a QThreadPool): starting a thread per read cost milliseconds
each, and a record opens with several reads. Inside `with shown_at_once():` (opening a record, showing a
tab) the loads started are waited for briefly and handed over as the block ends, so the window is laid
out and painted once with the rows instead of once with "Loading…" and again with them.

`run_with_progress(parent, title, fn, *args)` is the one call most long work needs. `fn` is called on a
worker thread as `fn(*args, progress)`, where `progress(done, total) -> bool` reports how far it got
and returns False once the officer pressed Cancel (fn should then stop early). The call keeps the
window responsive (a modal progress dialog runs the event loop) and:
  - returns fn's result;
  - raises `Cancelled` if the officer cancelled;
  - re-raises fn's own exception unchanged, so callers handle real errors themselves.
"""
from __future__ import annotations

import logging
import threading
import time
import weakref
from contextlib import contextmanager
from itertools import count
from typing import Any, Callable, Iterator

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, QThread, QThreadPool, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from liaison_app.ui.i18n import tr


REPORT_EVERY = 0.05  # seconds between progress updates sent to the dialog


class Cancelled(Exception):
    """The officer cancelled long work before it finished."""

    def __init__(self) -> None:
        super().__init__(tr("workers", "Cancelled."))


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


_RUNNING: set["Background | Read"] = set()  # started and not yet handed over on the UI thread


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
        # Direct: QThread.quit is thread-safe, and a queued quit would wait for the UI thread, which may be
        # the very thread blocked in wait() (on quit, in tests) — it then sat out the whole time-out.
        self.worker.done.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
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


LOADING = "Loading…"
QUICK_READ_MS = 30  # how long a record waits for its reads before it is painted saying "Loading…"
log = logging.getLogger(__name__)


def _deliver(page_ref: "weakref.ref[QObject]", key: str, generation: int, callback: Callable[[Any], None],
             value: Any) -> None:
    """Hand a loaded value to the page, unless the page has gone or a newer load started meanwhile."""
    page = page_ref()
    if page is None or not shiboken6.isValid(page):
        return
    if getattr(page, "_load_generations", {}).get(key) != generation:
        return  # stale: a newer load of the same thing is on its way
    callback(value)


def _calm_error(status: QLabel | None) -> Callable[[BaseException], None]:
    def report(exc: BaseException) -> None:
        log.error("Loading a page failed", exc_info=(type(exc), exc, exc.__traceback__))
        if status is not None and shiboken6.isValid(status):
            status.setText(tr("workers", "This could not be loaded: %s Press Refresh to try again.") % exc)
    return report


def load(page: QObject, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
         on_error: Callable[[BaseException], None] | None = None, status: QLabel | None = None,
         message: str | None = None, key: str = "page") -> "Read":
    """Read a page's data off the UI thread: `fn(*args)` on a worker, then `on_done(result)` on the UI thread.

    `status` (if given) says `message` (default "Loading…") until the result arrives; clearing or replacing
    that text is `on_done`'s job. A load started later with the same `key` makes earlier ones stale: their
    results and errors are dropped. Errors go to `on_error`, by default logged and shown calmly in `status`.
    """
    generations = getattr(page, "_load_generations", None)
    if generations is None:
        generations = {}
        page._load_generations = generations
    generation = generations.get(key, 0) + 1
    generations[key] = generation
    if status is not None:
        status.setText(message if message is not None else tr("workers", LOADING))
    page_ref = weakref.ref(page)
    failed = on_error or _calm_error(status)
    read = Read(fn, args, stale=lambda: generations.get(key) != generation,
                on_done=lambda value: _deliver(page_ref, key, generation, on_done, value),
                on_error=lambda exc: _deliver(page_ref, key, generation, failed, exc))
    return read.start()


@contextmanager
def shown_at_once(ms: int | None = None) -> Iterator[None]:
    """Loads started inside this block that end within `ms` are handed over as the block ends, before the
    window is next laid out and painted: a record opens showing its rows rather than "Loading…" then the
    rows (each a layout and paint of the whole window). A load still running then arrives as usual."""
    before = set(_RUNNING)
    yield
    started = [r for r in _RUNNING if isinstance(r, Read) and r not in before]
    deadline = time.monotonic() + (QUICK_READ_MS if ms is None else ms) / 1000
    for read in sorted(started, key=lambda r: r.number):
        if read.wait(max(0.0, deadline - time.monotonic()) * 1000):
            read.hand_over()


def forget_loads(page: QObject) -> None:
    """Drop every load of `page` still on its way (the page now shows something else, e.g. another tenant):
    its result and error are never handed over."""
    generations = getattr(page, "_load_generations", None) or {}
    for key in generations:
        generations[key] += 1


class _Inbox(QObject):
    """Lives on the UI thread: a read that ended on a pool thread is posted here (a queued call, as the
    signal is sent from another thread) and handed over on the UI thread."""

    arrived = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._arrive)

    @Slot(object)
    def _arrive(self, read: "Read") -> None:
        read.hand_over()


_SHARED: dict[str, Any] = {}  # the pool and the inbox, made on the UI thread by the first read


def _shared() -> tuple[QThreadPool, _Inbox]:
    pool, inbox = _SHARED.get("pool"), _SHARED.get("inbox")
    if pool is None or not shiboken6.isValid(pool) or inbox is None or not shiboken6.isValid(inbox):
        app = QCoreApplication.instance()
        pool = QThreadPool(app)  # owned by the application: it waits for its reads when the app ends
        pool.setMaxThreadCount(4)  # a slow read (a report) never holds up a record's reads behind it
        pool.setExpiryTimeout(120_000)
        if app is not None:
            app.aboutToQuit.connect(pool.waitForDone)
        inbox = _Inbox()
        _SHARED.update(pool=pool, inbox=inbox)
    return pool, inbox


_READS = count()


class Read(QRunnable):
    """One `load`: `fn(*args)` on a pool thread, then `on_done(result)` or `on_error(exception)` on the UI
    thread. A read that is already stale when a thread is free for it (a newer load of the same thing was
    asked for) is not run at all."""

    def __init__(self, fn: Callable[..., Any], args: tuple, *, stale: Callable[[], bool],
                 on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it (in _RUNNING) until it is handed over
        self._fn, self._args, self._stale = fn, args, stale
        self._on_done, self._on_error = on_done, on_error
        self._ended = threading.Event()
        self._outcome: tuple[bool, Any] | None = None  # (succeeded, result or exception); None: skipped
        self.number = next(_READS)  # the order reads were asked for

    def start(self) -> "Read":
        pool, self._inbox = _shared()
        _RUNNING.add(self)
        pool.start(self)
        return self

    def run(self) -> None:  # on a pool thread
        try:
            if not self._stale():
                self._outcome = (True, self._fn(*self._args))
        except BaseException as exc:  # handed to the page on the UI thread, never swallowed
            self._outcome = (False, exc)
        finally:
            if shiboken6.isValid(self._inbox):
                self._inbox.arrived.emit(self)  # posted before `_ended` is set: wait() then processEvents delivers
            self._ended.set()

    def wait(self, ms: int = 30_000) -> bool:
        return self._ended.wait(ms / 1000)

    def hand_over(self) -> None:  # on the UI thread
        _RUNNING.discard(self)
        if self._outcome is None:
            return
        succeeded, value = self._outcome
        self._outcome = None
        (self._on_done if succeeded else self._on_error)(value)

