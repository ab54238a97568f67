"""The keys of the tab in view, answered anywhere in a tabbed view (the tenant record).

A record tab's Add… (Ctrl+N), Change… (F2), End… (Ctrl+E), Undo (Ctrl+Z) and the like are shortcuts of
the tab itself, so they work while the cursor is inside it. Straight after a record opens, or with the
cursor on the tab bar or the record's header, no tab holds the cursor: `TabKeys` then answers those
keys for the tab in view — never for a tab that is hidden. While the cursor is inside the tab in view,
TabKeys stands aside (its actions are disabled) so a key is never claimed twice.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

KEYS = ("Ctrl+N", "F2", "Ctrl+E", "Ctrl+Z", "Ctrl+Shift+N", "Ctrl+D")


def action_for(widget: QWidget | None, key: str) -> QAction | None:
    """The enabled action of `widget` (a tab or a page: the actions it lists in the Actions menu, else its
    own) whose shortcut is `key`."""
    wanted = QKeySequence(key)
    if widget is None:
        return None
    for action in widget.menu_actions() if hasattr(widget, "menu_actions") else widget.actions():
        if any(s.matches(wanted) == QKeySequence.SequenceMatch.ExactMatch for s in action.shortcuts()):
            return action if action.isEnabled() else None
    return None


class TabKeys(QObject):
    """Answers KEYS on `owner` for `current_tab()`, the tab in view (None while it is not built)."""

    def __init__(self, owner: QWidget, current_tab: Callable[[], QWidget | None]):
        super().__init__(owner)
        self.owner = owner
        self.current_tab = current_tab
        self.actions: list[QAction] = []
        for key in KEYS:
            action = QAction(owner)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self.press(k))
            owner.addAction(action)
            self.actions.append(action)
        app = QApplication.instance()
        app.focusChanged.connect(self.update)
        # A closed record's widgets go before this object does: stop listening the moment it starts to go.
        owner.destroyed.connect(lambda *_: self._stop(app))
        self.update()

    def _stop(self, app) -> None:
        try:
            app.focusChanged.disconnect(self.update)
        except (RuntimeError, TypeError):
            pass  # already gone with the object

    def _tab(self) -> QWidget | None:
        try:
            tab = self.current_tab()
        except RuntimeError:  # the record's tab widget was deleted while it closed
            return None
        return tab if tab is not None and isValid(tab) else None

    def press(self, key: str) -> bool:
        action = action_for(self._tab(), key)
        if action is None:
            return False
        action.trigger()
        return True

    def update(self, *_focus) -> None:
        """Stand aside while the cursor is inside the tab in view (its own shortcuts answer there)."""
        if not isValid(self):
            return
        tab = self._tab()
        focus = QApplication.focusWidget()
        inside = tab is not None and focus is not None and (focus is tab or tab.isAncestorOf(focus))
        for action in self.actions:
            action.setEnabled(not inside)
