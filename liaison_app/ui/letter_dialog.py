"""Letter… on a job and on its no-access case (issue #14): choose the letter, see what it honours for
this tenant (large print, their language, Welsh first, an interpreter, "we will phone before we come",
the doorstep password reminder), then save it as a PDF to print and post.

The dialog asks services what the letter says (services.letters.letter_for_job: a short read) each time
the choice changes, and says next to the choice why a letter cannot be written (no appointment booked,
no failed attempt recorded, no support plan …). Saving writes the PDF (printing.letters) and logs the
letter on the tenant's record — and a no-access letter as a written notice (services.letters).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from liaison_app.domain.validation import ValidationError, clean_phone
from liaison_app.outputs import check_output
from liaison_app.printing.letters import render_letter_pdf
from liaison_app.services import letters
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.pdf_path import ask_pdf_path
from liaison_app.ui.saved_note import announce_saved

KIND_LABELS = (
    ("appointment", "Appointment for the check"),
    ("no-access-1", "First no-access letter"),
    ("no-access-2", "Second no-access letter"),
    ("no-access-final", "Final no-access letter"),
    ("support-offer", "What the support plan offers"),
)


class LetterDialog(FormDialog):
    """One letter to the tenant of a job. `result_value` is the PDF's path after a save."""

    def __init__(self, store, job_id: str, parent=None, kind: str | None = None, job_ref: str = "") -> None:
        title = self.tr("Letter to the tenant — job %s") % job_ref if job_ref else self.tr("Letter to the tenant")
        super().__init__(title, parent)
        self.store, self.job_id, self.job_ref = store, job_id, job_ref
        self.letter: letters.Letter | None = None
        self._built_for = ""
        self._problem = ""
        self.add_combo("kind", self.tr("&Letter:"), [(code, self.tr(text)) for code, text in KIND_LABELS],
                       kind or letters.suggested_kind(store, job_id))
        self.my_line = letters.my_direct_line(store)  # None: no officer account signed in
        if self.my_line is not None:
            self.add_line("direct_line", self.tr("Your direct l&ine:"), self.my_line,
                          self.tr("Printed on your letters; else the landlord's letters line"))
        self.honours = QLabel(self)
        self.honours.setWordWrap(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.form.addRow(self.tr("For this tenant:"), self.honours)
        self.save_button.setText(self.tr("Save &PDF…"))
        self.ready()

    def _build(self) -> None:
        kind = self.value("kind")
        if kind == self._built_for:
            return
        self._built_for, self.letter, self._problem = kind, None, ""
        try:
            self.letter = letters.letter_for_job(self.store, kind, self.job_id)
        except ValidationError as exc:
            self._problem = str(exc)
        if self.letter is None:  # why not, said calmly here (the field shows it once touched: forms.py)
            self.honours.setText(self._problem)
            return
        shown = self.letter.honours
        self.honours.setText("\n".join(f"• {self.tr(line)}" for line in shown) or self.tr("A standard letter"))

    def validate(self) -> dict[str, str]:
        self._build()
        errors: dict[str, str] = {}
        if self._problem:
            self.required(errors, "kind", self._problem)
        if "direct_line" in self.fields:
            try:
                clean_phone(self.value("direct_line"))
            except ValidationError as exc:
                errors["direct_line"] = str(exc)
        return errors

    def save(self) -> Path | None:
        suggested = f"letter-{self.value('kind')}-{self.letter.job_ref}.pdf"
        path = ask_pdf_path(self, self.tr("Save the letter"), suggested)
        if path is None:
            raise ValidationError(self.tr("Choose where to save the letter."), field="_form")
        if self.my_line is not None and self.value("direct_line") != self.my_line:
            self.my_line = letters.set_my_direct_line(self.store, self.value("direct_line"))
            self.letter = letters.letter_for_job(self.store, self.value("kind"), self.job_id)  # with the new line
        try:
            check_output(path, self.store.path, "pdf")  # never over the store, a backup or another kind of file
            out = render_letter_pdf(self.letter, path)  # printing writes it; then services log it
        except OSError as exc:
            raise ValidationError(self.tr("The letter could not be written: %s") % (exc.strerror or exc),
                                  field="_form") from exc
        letters.record_letter_sent(self.store, self.letter)
        announce_saved(self, out)
        return out


def open_letter(parent, store, job_id: str, job_ref: str = "", kind: str | None = None) -> Path | None:
    """Open the letter dialog modally; the saved PDF's path, or None."""
    dialog = LetterDialog(store, job_id, parent, kind, job_ref)
    return dialog.result_value if dialog.exec() else None
