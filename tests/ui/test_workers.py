"""Long work runs off the UI thread, reports progress, can be cancelled, and hands back results and errors."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from liaison_app.ui.workers import Cancelled, Worker, run_with_progress


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


def test_result_comes_back_and_work_ran_on_another_thread(window):
    seen = {}

    def work(a, b, progress):
        seen["thread"] = threading.current_thread()
        for i in range(5):
            assert progress(i + 1, 5)
        return a + b

    assert run_with_progress(window, "Adding", work, 2, 3) == 5
    assert seen["thread"] is not threading.main_thread()


def test_error_is_raised_to_the_caller_unchanged(window):
    def work(progress):
        raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        run_with_progress(window, "Failing", work)


def test_cancel_stops_the_work(window):
    steps = []

    def work(progress):
        for i in range(10_000):
            if not progress(i, 10_000):
                return "stopped early"
            steps.append(i)
            time.sleep(0.002)
        return "ran to the end"

    def press_cancel():
        dialog = window.findChild(QProgressDialog)
        assert dialog is not None
        dialog.findChild(QPushButton).click()  # the officer presses Cancel

    QTimer.singleShot(150, press_cancel)
    with pytest.raises(Cancelled):
        run_with_progress(window, "Building pack", work)
    assert 0 < len(steps) < 10_000


def test_progress_dialog_follows_the_totals(window):
    maxima = []

    def work(progress):
        for i in range(40):
            progress(i, 40)
            time.sleep(0.005)
        return "ok"

    def look():
        dialog = window.findChild(QProgressDialog)
        if dialog is not None:
            maxima.append(dialog.maximum())

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    assert run_with_progress(window, "Counting", work, cancellable=False) == "ok"
    timer.stop()
    assert 40 in maxima


def test_worker_alone_reports_and_can_be_cancelled(qtbot):
    def work(progress):
        return [progress(1, 3), progress(3, 3)]

    worker = Worker(work)
    reports = []
    worker.progressed.connect(lambda d, t: reports.append((d, t)))
    with qtbot.waitSignal(worker.succeeded) as blocker:
        worker.run()
    assert blocker.args == [[True, True]]
    assert reports == [(1, 3), (3, 3)]
    worker.cancel()
    assert worker.report(3, 3) is False


def test_a_stale_load_is_ignored_and_the_newest_wins(qtbot):
    from PySide6.QtWidgets import QLabel

    from liaison_app.ui.workers import load, wait_for_background

    page = QLabel()
    qtbot.addWidget(page)
    release = threading.Event()
    shown = []

    def slow():
        release.wait(10)
        return "old"

    load(page, slow, status=page, on_done=shown.append)
    assert page.text() == "Loading…"
    load(page, lambda: "new", status=page, on_done=shown.append)
    qtbot.waitUntil(lambda: shown == ["new"], timeout=10_000)
    release.set()
    wait_for_background()
    assert shown == ["new"]


def test_a_failed_load_is_reported_calmly_in_the_status(qtbot):
    from PySide6.QtWidgets import QLabel

    from liaison_app.ui.workers import load

    page = QLabel()
    qtbot.addWidget(page)

    def broken():
        raise OSError("disk unreadable")

    load(page, broken, status=page, on_done=lambda _v: None)
    qtbot.waitUntil(lambda: "could not be loaded" in page.text(), timeout=10_000)
    assert "disk unreadable" in page.text()
