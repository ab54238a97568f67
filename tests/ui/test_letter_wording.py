"""Letter wording… on the Settings page (issue #14: wording in editable templates, admin-only changes,
audited), driven through its fields and buttons on a real store: the changed wording reaches a printed
letter, a broken template is refused beside the box, the shipped wording comes back, and only an
administrator reaches any of it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pypdf import PdfReader
from sqlmodel import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from letters_world import world  # noqa: E402

from liaison_app.domain import AuditEvent, Setting  # noqa: E402
from liaison_app.printing.letters import render_letter_pdf  # noqa: E402
from liaison_app.services import letter_templates, letters  # noqa: E402
from liaison_app.services.permissions import NotAllowed  # noqa: E402
from liaison_app.ui.letter_wording import LetterWordingDialog  # noqa: E402
from liaison_app.ui.settings_page import SettingsPage  # noqa: E402

SHIPPED_LINE = "We have booked your ${job_type}."


def _dialog(store, qtbot) -> LetterWordingDialog:
    dialog = LetterWordingDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _audit(store) -> list[str]:
    with store.read() as s:
        return [e.summary for e in s.exec(select(AuditEvent).where(AuditEvent.record_type == "setting"))]


def test_an_admin_changes_the_appointment_wording_and_the_letter_prints_it(store, qtbot, tmp_path):
    _, j = world(store, private=False)
    dialog = _dialog(store, qtbot)
    assert dialog.template_name() == "appointment.en" and SHIPPED_LINE in dialog.text_box.toPlainText()
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    dialog.text_box.setPlainText(dialog.text_box.toPlainText().replace(SHIPPED_LINE, "Your ${job_type} is booked."))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_value == "appointment.en" and not dialog.isVisible()
    pdf = render_letter_pdf(letters.letter_for_job(store, "appointment", j.job_ref), tmp_path / "a.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
    assert "Your annual gas safety check is booked." in text and "We have booked" not in text
    assert _audit(store)[-1] == "letter template appointment.en changed"


def test_an_unknown_placeholder_is_refused_beside_the_box_and_nothing_is_kept(store, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    dialog = _dialog(store, qtbot)
    dialog.text_box.setPlainText(dialog.text_box.toPlainText() + "\nYour secret: ${secret}\n")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Unknown placeholders: secret" in dialog.field_error("text")
    with store.read() as s:
        assert s.get(Setting, letter_templates.PREFIX + "appointment.en") is None
    assert _audit(store) == []


def test_back_to_the_shipped_wording_asks_first_then_undoes_the_change(store, qtbot, monkeypatch):
    shipped = letter_templates.shipped_text("no-access-1.cy")
    letter_templates.save_template(store, "no-access-1.cy", shipped.replace("== body", "== body\nNewydd.", 1))
    dialog = _dialog(store, qtbot)
    dialog.set_value("kind", "no-access-1")
    dialog.set_value("language", "cy")
    assert "Newydd." in dialog.text_box.toPlainText() and dialog.shipped_button.isEnabled()
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: next(answers)))
    qtbot.mouseClick(dialog.shipped_button, Qt.MouseButton.LeftButton)  # Cancel: kept
    assert letter_templates.template_text(store, "no-access-1.cy") != shipped
    qtbot.mouseClick(dialog.shipped_button, Qt.MouseButton.LeftButton)  # Yes
    assert letter_templates.template_text(store, "no-access-1.cy") == shipped
    assert "Newydd." not in dialog.text_box.toPlainText() and not dialog.shipped_button.isEnabled()
    assert _audit(store)[-1] == "letter template no-access-1.cy back to the shipped wording"


def test_an_officer_cannot_reach_the_wording_and_the_service_refuses(store, qtbot):
    store.actor_role = "officer"
    page = SettingsPage(store)
    qtbot.addWidget(page)
    page.show()
    assert not page.wording_button.isVisible()
    dialog = _dialog(store, qtbot)  # even if opened some other way, it only reads
    assert dialog.text_box.isReadOnly() and not dialog.save_button.isEnabled()
    with pytest.raises(NotAllowed):
        letter_templates.save_template(store, "appointment.en", letter_templates.shipped_text("appointment.en"))


def test_an_admin_opens_it_from_the_settings_page(store, qtbot):
    page = SettingsPage(store)
    qtbot.addWidget(page)
    page.show()
    assert page.wording_button.isVisible()
    qtbot.mouseClick(page.wording_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.wording_dialog, LetterWordingDialog) and page.wording_dialog.isVisible()
    page.wording_dialog.reject()


def test_choosing_another_letter_with_unsaved_edits_asks_and_cancel_keeps_them(store, qtbot, monkeypatch):
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: next(answers)))
    dialog = _dialog(store, qtbot)
    dialog.text_box.setPlainText("== subject\nEdited\n== body\nEdited\n")
    dialog.set_value("kind", "no-access-2")  # Cancel: still the appointment letter, edits kept
    assert dialog.value("kind") == "appointment" and "Edited" in dialog.text_box.toPlainText()
    dialog.set_value("kind", "no-access-2")  # Discard: the second letter's wording
    assert dialog.template_name() == "no-access-2.en" and "Edited" not in dialog.text_box.toPlainText()
