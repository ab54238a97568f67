"""Letters due… on the Jobs page (issue #14, point 1): the week's letters in one PDF, one letter per page,
with the post room's list as a CSV file beside it (same name, .csv).

The letters come from services.letters (letters_due_batch: appointment letters for checks booked in the
next fortnight, the next no-access letter a week after the last), are printed by printing.letters, and
are logged on each tenant's record — a no-access letter as a written notice — once the PDF is written.
The work runs off the UI thread behind a progress dialog.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from liaison_app.domain.text import plural
from liaison_app.outputs import check_output
from liaison_app.printing.letters import render_letters_pdf
from liaison_app.services import letters
from liaison_app.ui.i18n import tr
from liaison_app.ui.pdf_path import ask_pdf_path
from liaison_app.ui.saved_note import announce_saved
from liaison_app.ui.workers import run_with_progress

TITLE = "Letters due this week"


def _write(store, pdf: Path, csv: Path, _progress=None) -> tuple[int, list[str]]:
    batch, skipped = letters.letters_due_batch(store)
    if batch.letters:
        render_letters_pdf(batch, pdf)
        letters.write_post_room_csv(store, batch, csv)
        letters.record_letters_sent(store, batch.letters)
    return len(batch.letters), skipped


def save_letters_due(parent: QWidget | None, store) -> Path | None:
    """Ask where, write the PDF and the post room's CSV, say what was done; the PDF's path, or None."""
    pdf = ask_pdf_path(parent, tr("letters_batch", "Save the letters due this week"), "letters-due.pdf")
    if pdf is None:
        return None
    title = tr("letters_batch", TITLE)
    csv = pdf.with_suffix(".csv")
    try:
        check_output(pdf, store.path, "pdf")
        check_output(csv, store.path, "csv")
        count, skipped = run_with_progress(parent, title, _write, store, pdf, csv, cancellable=False)
    except OSError as exc:
        QMessageBox.warning(parent, title, tr("letters_batch", "The letters could not be written: %s")
                            % (exc.strerror or exc))
        return None
    lines = [tr("letters_batch", "No letters are due this week.")] if not count else [
        tr("letters_batch", "%s written, one a page, with the post room's list beside it (%s).")
        % (plural(count, "letter"), csv.name)]
    if skipped:
        lines.append(tr("letters_batch", "Not written:") + "\n" + "\n".join(skipped))
    QMessageBox.information(parent, title, "\n\n".join(lines))
    if count:
        announce_saved(parent, pdf)
        return pdf
    return None
