"""Letter wording… (Settings page, administrators only; issue #14): change the wording of a letter to
tenants, or go back to the wording Liaison ships.

Choose the letter and the language; the wording in use (an administrator's saved change, else the shipped
template) shows in a plain-text box. Save goes through services.letter_templates.save_template, which
checks the template first (its message shows under the box; nothing is kept) and audits the change by
name. "Back to the shipped wording" asks first, then undoes the saved change (audited). The placeholders
a letter fills in are listed under the box. The format is in docs/LETTERS.md.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from liaison_app.domain.letters import PLACEHOLDERS
from liaison_app.services import letter_templates
from liaison_app.services.permissions import is_admin
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.letter_dialog import KIND_LABELS
from liaison_app.ui.widgets import muted

LANGUAGE_LABELS = (("en", "English"), ("cy", "Welsh (Cymraeg)"))
EXTRA_KINDS = (("common", "Parts every letter shares"),)
TEXT_LINES = 14  # the box shows this many lines of a template; the form scrolls on a short screen


class LetterWordingDialog(FormDialog):
    """Edit one letter template. `result_value` is the template's name after a save."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(self.tr("Letter wording"), parent)
        self.store = store
        self.admin = is_admin(store)
        self._loaded = ""
        kinds = [(code, self.tr(text)) for code, text in (*KIND_LABELS, *EXTRA_KINDS)]
        self.add_combo("kind", self.tr("&Letter:"), kinds, "appointment")
        self.add_combo("language", self.tr("Lan&guage:"), [(c, self.tr(t)) for c, t in LANGUAGE_LABELS], "en")
        self.text_box = self.add_text("text", self.tr("&Wording:"))
        self.text_box.setLineWrapMode(self.text_box.LineWrapMode.NoWrap)
        spacing = self.text_box.fontMetrics().lineSpacing()
        self.text_box.setMinimumHeight(spacing * TEXT_LINES + 12)
        self.text_box.setMaximumHeight(16777215)
        self.text_box.setMinimumWidth(self.text_box.fontMetrics().averageCharWidth() * 80)  # a template line
        self.origin = muted("", self)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow("", self.origin)
        self.placeholders = muted(self._placeholder_text(), self)
        self.placeholders.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Placeholders:"), self.placeholders)
        self.shipped_button = QPushButton(self.tr("&Back to the shipped wording…"), self)
        self.shipped_button.clicked.connect(self.back_to_shipped)
        self.buttons.addButton(self.shipped_button, QDialogButtonBox.ButtonRole.ResetRole)
        self._load()
        self.ready()
        self._apply_access()

    def _placeholder_text(self) -> str:
        return self.tr("Write a placeholder as ${name}: %s. A line \"@name\" prints a section; \"! \" at the "
                       "start of a line prints it bold. See docs/LETTERS.md.") % ", ".join(PLACEHOLDERS)

    # ----- the template shown
    def template_name(self) -> str:
        return f"{self.value('kind')}.{self.value('language')}"

    def is_changed_wording(self) -> bool:
        """Does an administrator's saved change replace the shipped wording of the template shown?"""
        name = self.template_name()
        return letter_templates.template_text(self.store, name) != letter_templates.shipped_text(name)

    def _load(self) -> None:
        """Show the wording in use of the chosen template; it becomes the unchanged state."""
        text = letter_templates.template_text(self.store, self.template_name())
        self._shown = (self.value("kind"), self.value("language"))
        self.set_value("text", text)
        self._loaded = self.value("text")
        self._snapshot = self.values() if self._ready else self._snapshot
        changed = self.is_changed_wording()
        self.origin.setText(self.tr("Changed by an administrator (not the shipped wording).") if changed
                            else self.tr("The wording Liaison ships."))
        self.shipped_button.setEnabled(self.admin and changed)

    def _apply_access(self) -> None:
        """Only an administrator changes the wording; anyone else reads it, with the reason shown."""
        if self.admin:
            return
        self.text_box.setReadOnly(True)
        self.shipped_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.show_message(letter_templates.not_allowed_message())

    def on_field_changed(self, name: str) -> None:
        """Another letter or language: its wording is shown, after asking when the box holds unsaved edits."""
        if name not in ("kind", "language") or (self.value("kind"), self.value("language")) == self._shown:
            return
        if self.value("text") != self._loaded and QMessageBox.question(
                self, self.windowTitle(), self.tr("You have changed this wording without saving. Discard it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Discard:
            for field, code in zip(("kind", "language"), self._shown):
                combo = self.fields[field].widget
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(code))
                combo.blockSignals(False)
            return
        self._load()

    def validate(self) -> dict[str, str]:
        if not self.admin:
            return {"_form": letter_templates.not_allowed_message()}
        if self.value("text") == self._loaded:
            return {"text": ""}  # nothing changed: Save stays off, with no message
        return {}

    # ----- actions
    def save(self) -> str:
        name = self.template_name()
        letter_templates.save_template(self.store, name, self.text_box.toPlainText().strip() + "\n")
        return name

    def back_to_shipped(self) -> bool:
        """Undo the saved change of the template shown, after asking."""
        name = self.template_name()
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Go back to the wording Liaison ships for this letter? The changed wording is dropped."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        letter_templates.undo_template(self.store, name)
        self._load()
        self.refresh_validation()
        self.show_message(self.tr("Back to the shipped wording."))
        return True

