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
