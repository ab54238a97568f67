"""The desktop's first start makes the store and says where (issue #10, item 3)."""
from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from liaison_app.store import open_store
from liaison_app.ui import startup


def _start(qtbot, store) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    job = startup.start_daily_backup(store, window)
    qtbot.waitUntil(job.thread.isFinished, timeout=30_000)  # events flow while waiting: the thread ends
    qtbot.wait(50)  # and its result, a queued signal, reaches the status bar
    return window


def test_the_first_start_says_where_the_new_store_is(qtbot, tmp_path):
    # Before: a new, empty store appeared without a word (a mistyped path went unnoticed).
    path = tmp_path / "first.db"
    store = open_store(path)
    try:
        window = _start(qtbot, store)
        said = window.statusBar().currentMessage()
        assert f"Created a new empty store at {path}" in said and "backup was taken" in said
    finally:
        store.close()
    again = open_store(path)
    try:
        window = _start(qtbot, again)
        assert "Created" not in window.statusBar().currentMessage()
    finally:
        again.close()
