"""The Reports page offers "You said, we did": dates chosen, rows previewed, its own one-page PDF exported, and one
contractor's page to hand to them."""
from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from liaison_app.services import conduct, works
from liaison_app.ui.reports_page import ReportsPage
from liaison_app.ui.workers import wait_for_background


def test_reports_page_exports_you_said_we_did_as_one_page(qtbot, store, tmp_path, monkeypatch):
    acme = works.create_contractor(store, "Acme Gas")
    works.create_contractor(store, "Damp Co")
    conduct.record_feedback(store, contractor_id=acme.id, point="cleared_up", received_on=date.today(),
                            what_was_said="Rubble left in the garden.", action_taken="Toolbox talk held.")
    page = ReportsPage(store)
    qtbot.addWidget(page)
    wait_for_background()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("you-said-we-did"))
    assert page.from_edit.isVisibleTo(page) and not page.days_spin.isVisibleTo(page)
    page.from_edit.setDate(QDate.currentDate().addDays(-7))
    page.refresh()
    wait_for_background()
    assert page.model.data(page.model.index(0, 1)) == "Cleared up"
    target = tmp_path / "ys.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    pages = PdfReader(str(target)).pages
    assert len(pages) == 1 and "Rubble left in the garden." in pages[0].extract_text()
    page.contractor_combo.setCurrentIndex(page.contractor_combo.findData("Damp Co"))  # one contractor's page
    page.contractor_combo.activated.emit(page.contractor_combo.currentIndex())
    wait_for_background()
    assert "the conduct of Damp Co," in page.summary.text() and page.model.rowCount() == 0
