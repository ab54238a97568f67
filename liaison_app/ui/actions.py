"""The one way a page or tab makes a keyboard action: its shortcut works while focus is inside the owner."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def shortcut_action(owner: QWidget, text: str, slot, shortcut: str | None = None, tip: str = "", *,
                    icon_text: bool = True) -> QAction:
    """An action on `owner` whose shortcut works while focus is inside it and shows in its tip (`tip`, or the
    text without its "…"). With `icon_text`, tool buttons show the text whole (they would drop the "…")."""
    action = QAction(text, owner)
    tip = tip or text.rstrip("…")
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tip += f" ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    if icon_text:
        action.setIconText(text)
    action.triggered.connect(slot)
    owner.addAction(action)
    return action
