"""Letter… on a job and Next no-access letter… on its access attempts (issue #14, point 1), driven
through their buttons with the file dialog patched: the PDF is written, what the letter honours is
shown first, and a no-access letter appears among the attempts as a written notice."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from letters_world import world  # noqa: E402

from liaison_app.services import access  # noqa: E402
from liaison_app.ui.access_panel import AccessAttemptsPanel  # noqa: E402
from liaison_app.ui.letter_dialog import LetterDialog  # noqa: E402


def _save_to(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_letter_dialog_shows_what_it_honours_and_saves_the_pdf(store, qtbot, tmp_path, monkeypatch):
    _, j = world(store, private=False, adjustments=("large_print", "call_ahead"), language="Welsh")
    dialog = LetterDialog(store, j.id, job_ref=j.job_ref)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.value("kind") == "appointment"
    shown = dialog.honours.text()
    assert "Large print (16 pt)" in shown and "Welsh first, then English" in shown
    assert "We will phone before we come" in shown
    _save_to(monkeypatch, tmp_path / "letter")  # no suffix typed: .pdf is added
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "letter.pdf"
    assert dialog.result_value == out and "Annwyl Sia" in PdfReader(str(out)).pages[0].extract_text()


def test_a_letter_that_cannot_be_written_keeps_save_off_and_says_why(store, qtbot):
    _, j = world(store, private=False)
    dialog = LetterDialog(store, j.id, kind="support-offer")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled() and "no active support plan" in dialog.honours.text()


def test_next_no_access_letter_is_recorded_as_a_written_notice(store, qtbot, tmp_path, monkeypatch):
    _, j = world(store, private=False, failed=True)
    panel = AccessAttemptsPanel(store, j.id)
    qtbot.addWidget(panel)
    panel.show()
    _save_to(monkeypatch, tmp_path / "first.pdf")

    def save_in_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LetterDialog) and dialog.value("kind") == "no-access-1"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, save_in_dialog)
    with qtbot.waitSignal(panel.changed, timeout=5000):
        qtbot.mouseClick(panel.letter_button, Qt.MouseButton.LeftButton)
    methods = [(a.method, a.letter_stage) for a in access.list_attempts(store, j.id)]
    assert methods == [("visit", ""), ("letter", "first")] and (tmp_path / "first.pdf").exists()
    assert panel.model.rowCount() == 2


def test_letters_due_on_the_jobs_page_writes_the_pdf_and_the_post_room_list(store, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from liaison_app.ui.jobs_page import JobsPage

    world(store, private=False)
    world(store, private=False, failed=True, ref="G-200", booked=False)
    page = JobsPage(store)
    qtbot.addWidget(page)
    _save_to(monkeypatch, tmp_path / "week.pdf")
    said = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: said.append(text)))
    page.letters_action.trigger()
    assert said and said[0].startswith("2 letters written, one a page")
    assert len(PdfReader(str(tmp_path / "week.pdf")).pages) >= 2
    assert (tmp_path / "week.csv").read_text(encoding="utf-8-sig").count("\n") == 3
    assert [(a.method, a.letter_stage) for a in access.list_attempts(store, _job_id(store, "G-200"))] == [
        ("visit", ""), ("letter", "first")]


def _job_id(store, ref):
    from liaison_app.services.letters_load import find_job

    with store.read() as s:
        return find_job(s, ref).id


def test_a_signed_in_officer_keeps_their_direct_line_and_it_is_printed(store, qtbot, tmp_path, monkeypatch):
    from liaison_app.services import officers

    _, j = world(store, private=False)
    officers.create_officer(store, "asmith", "Ali Smith", "admin", "a long enough password 1")
    officers.sign_in(store, "asmith", "a long enough password 1")
    dialog = LetterDialog(store, j.id)
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.fields["direct_line"].widget
    qtbot.keyClicks(line, "not a number")
    assert not dialog.save_button.isEnabled()
    line.clear()
    qtbot.keyClicks(line, "01632 960555")
    _save_to(monkeypatch, tmp_path / "mine.pdf")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = " ".join(PdfReader(str(tmp_path / "mine.pdf")).pages[-1].extract_text().split())
    assert "Ali Smith" in text and "Direct line: 01632 960555" in text
    from liaison_app.services import letters
    assert letters.my_direct_line(store) == "01632 960555"
