"""The one translation helper for code outside a QObject subclass (inside one, use `self.tr()`).

    from liaison_app.ui.i18n import tr
    tr("navigation", "Today")

The first argument is the translation context (the class or module name the text belongs to).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` translated in `context` (Qt's QCoreApplication.translate)."""
    return QCoreApplication.translate(context, text, disambiguation, n)
