"""Fixtures shared by the desktop tests."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def no_unexpected_boxes(monkeypatch):
    """A message box nobody patched fails the test instead of blocking it."""
    def unexpected(*args, **kwargs):
        pytest.fail(f"unexpected message box: {args[1:3]}")

    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def show_active(qtbot):
    """`show_active(widget)`: shows the widget (closed after the test), waits until it is the active window
    (so keys typed go to it), and returns it."""
    def show(widget):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
        return widget

    return show
