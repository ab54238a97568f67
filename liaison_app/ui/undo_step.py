"""What a tab's Undo will do, said before it is done: "Undo: add Boot covers".

Undo acts only on the officer's last change in the tab in view (an add, a change or an ending saved
there), never on an older one. Undoing an add ends the record again from today (records are ended, not
deleted). An undo that takes away something printed for operatives — a wish, an adjustment or a safety
warning — asks first; the main window's status bar says what Ctrl+Z will undo and what was undone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from liaison_app.services.records import Change
from liaison_app.ui.i18n import tr

STATUS_MS = 15000  # how long the status bar keeps a message


@dataclass(frozen=True)
class UndoStep:
    """The last change made in one tab and how to say it ("add Boot covers")."""

    change: Change
    what: str
    removes_flag: bool  # undoing it takes a record off operatives' briefings: ask first

    @property
    def menu_text(self) -> str:
        return tr("undo", "Undo: %s") % self.what


def added(record: Any) -> Change | None:
    """The Change that would undo adding `record`: ending it from today (None if it cannot be ended)."""
    if getattr(record, "end_date", "absent") is not None or not getattr(record, "id", None):
        return None
    return Change(type(record), record.id, {"end_date": date.today()}, {"end_date": None},
                  getattr(record, "version", 1) or 1)


def _kind_words(record_type: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", record_type.__name__).lower()


def step_for(result: Any, verb: str, label: str, flagged: bool) -> UndoStep | None:
    """The undo step for what a form or an action returned; `verb` is 'add', 'change' or 'end', `label`
    names the record as its list shows it ('' to name its kind), `flagged`: it is printed for operatives."""
    change = result if isinstance(result, Change) else added(result)
    if change is None or not change.after:
        return None
    what = f"{verb_text(verb)} {label or _kind_words(change.record_type)}"
    before = change.before
    removes = flagged and (before.get("end_date") is not None or before.get("share_with_contractors") is False
                           or before.get("consent_given") is False)
    return UndoStep(change, what, removes)


def verb_text(verb: str) -> str:
    return {"add": tr("undo", "add"), "change": tr("undo", "change to"), "end": tr("undo", "end of")}.get(verb, verb)


def confirm(parent: QWidget, step: UndoStep) -> bool:
    """Ask before an undo takes a wish, adjustment or warning off operatives' briefings."""
    if not step.removes_flag:
        return True
    answer = QMessageBox.question(
        parent, step.menu_text,
        tr("undo", "%s? It will be ended from today and no longer printed on briefings for operatives.")
        % step.menu_text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def announce(widget: QWidget, text: str) -> None:
    """Say `text` in the main window's status bar (when the widget is inside one)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)
