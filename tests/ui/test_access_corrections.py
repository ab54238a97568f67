"""The access panel: the office-only label on notes, correcting an attempt the same day, and an admin
withdrawing one with a reason."""
from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from checks_world import TODAY, adjustment, contractor, job, tenant  # noqa: E402

from liaison_app.domain import checks_rules as rules  # noqa: E402
from liaison_app.domain import Job  # noqa: E402
from liaison_app.services import access, records  # noqa: E402
from liaison_app.ui.access_panel import AccessAttemptsPanel  # noqa: E402
from liaison_app.ui.row_models import show_date  # noqa: E402


def panel_with_attempt(qtbot, store):
    t = tenant(store, "T-20", "Ann", "Ample")
    adjustment(store, t.id, "female_operative", start_date=TODAY - timedelta(days=5), consent_given=False)
    j = job(store, "GAS-90", contractor(store).id, tenant_id=t.id, due_date=TODAY + timedelta(days=9))
    access.record_attempt(store, j.id, attempted_on=TODAY, method="visit", outcome="no_answer", time_of_day="morning")
    panel = AccessAttemptsPanel(store, j.id)
    qtbot.addWidget(panel)
    panel.table.selectRow(0)
    return j, panel


def test_notes_say_office_only_and_unshared_adjustments_say_so(qtbot, store):
    _, panel = panel_with_attempt(qtbot, store)
    labels = [w.text() for w in panel.findChildren(QLabel)]
    assert "Office only — never on a contractor briefing" in labels
    assert not any("never printed" in text for text in labels)
    assert panel.used_list.item(0).text() == ("Adjustment: Female operative (not shared with the contractor: "
                                              "does not count)")


def test_correct_the_selected_attempt(qtbot, store):
    j, panel = panel_with_attempt(qtbot, store)
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    assert panel.record_button.text() == "&Record correction" and panel.time_combo.currentText() == "Morning"
    panel.method_combo.setCurrentIndex(panel.method_combo.findData("call"))
    panel.time_combo.setEditText("18:15")
    with qtbot.waitSignal(panel.changed, timeout=1000):
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    [attempt] = access.list_attempts(store, j.id)
    assert (attempt.method, attempt.time_of_day, attempt.version) == ("call", "18:15", 2)
    assert panel.record_button.text() == "&Record attempt" and panel.model.rowCount() == 1


def test_an_admin_withdraws_the_selected_attempt(qtbot, store, monkeypatch):
    j, panel = panel_with_attempt(qtbot, store)
    assert panel.withdraw_button.isVisibleTo(panel)  # a store with no accounts acts as admin
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Recorded on the wrong job", True))
    with qtbot.waitSignal(panel.changed, timeout=1000):
        qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert panel.model.data(panel.model.index(0, 3)) == "Withdrawn (No answer)"
    assert panel.stage_label.text() == f"Stage: {rules.NOT_STARTED}"
    assert access.list_attempts(store, j.id)[0].withdrawn_reason == "Recorded on the wrong job"


def test_a_done_check_does_not_count_down_to_its_old_due_date(qtbot, store):
    t = tenant(store, "T-21", "Bea", "Bright")
    j = job(store, "GAS-91", contractor(store).id, tenant_id=t.id, due_date=TODAY - timedelta(days=200))
    panel = AccessAttemptsPanel(store, j.id)
    qtbot.addWidget(panel)
    assert panel.days_label.text().startswith("Overdue by 200 days")
    records.change(store, Job, j.id, {"status": "completed", "completed_on": TODAY - timedelta(days=220)})
    panel.refresh()
    assert panel.days_label.text().startswith(f"Done on {show_date(TODAY - timedelta(days=220))}: nothing is due")
    assert "Overdue" not in panel.days_label.text()
