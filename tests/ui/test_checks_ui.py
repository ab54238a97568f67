"""Access panel, support plan form, conduct form and reports page, driven through their widgets."""
from __future__ import annotations

import csv
import sys
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from checks_world import TODAY, contractor, job, tenant  # noqa: E402

from liaison_app.domain import checks_rules as rules  # noqa: E402
from liaison_app.services import access, briefing, conduct, support, today  # noqa: E402
from liaison_app.ui.access_panel import AccessAttemptsPanel  # noqa: E402
from liaison_app.ui.conduct_form import ConductFeedbackDialog  # noqa: E402
from liaison_app.ui.reports_page import ReportsPage  # noqa: E402
from liaison_app.ui.support_plan_form import SupportPlanDialog  # noqa: E402
from liaison_app.ui.workers import wait_for_background  # noqa: E402


def gas_case(store, plan_status="active"):
    t = tenant(store, "T-10", "Grzegorz", "Brzęczyszczykiewicz")
    plan = support.create_plan(store, t.id, status=plan_status, strain="PRIVATE-STRAIN",
                               start_date=TODAY - timedelta(days=40))
    if plan_status == "active":
        support.add_measure(store, plan.id, "Offer a Saturday morning")
    j = job(store, "GAS-77", contractor(store).id, tenant_id=t.id, due_date=TODAY + timedelta(days=12))
    return t, j


def record_via_panel(qtbot, panel, days_ago, outcome="no_answer", letter="", notes="", method="visit", time="",
                     tick=False):
    panel.date_edit.setDate(QDate.currentDate().addDays(-days_ago))
    panel.method_combo.setCurrentIndex(panel.method_combo.findData(method))
    panel.outcome_combo.setCurrentIndex(panel.outcome_combo.findData(outcome))
    panel.letter_combo.setCurrentIndex(panel.letter_combo.findData(letter))
    panel.time_combo.setEditText(time)
    if tick:
        for i in range(panel.used_list.count()):
            panel.used_list.item(i).setCheckState(Qt.CheckState.Checked)
    panel.notes_edit.setPlainText(notes)
    with qtbot.waitSignal(panel.changed, timeout=1000):
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)


def test_three_failed_attempts_reach_today_view(qtbot, store):
    t, j = gas_case(store)
    panel = AccessAttemptsPanel(store, j.id)
    qtbot.addWidget(panel)
    assert panel.stage_label.text() == f"Stage: {rules.NOT_STARTED}"
    record_via_panel(qtbot, panel, 20, letter="first", time="Morning", tick=True)
    record_via_panel(qtbot, panel, 10, outcome="refused", letter="second", method="letter", time="14:30")
    assert panel.stage_label.text() == f"Stage: {rules.SECOND_ATTEMPT}"
    record_via_panel(qtbot, panel, 3, letter="final", notes="PRIVATE-NOTE nobody home", time="Evening")
    assert panel.model.rowCount() == 3
    assert [panel.model.data(panel.model.index(r, 1)) for r in range(3)] == ["morning", "14:30", "evening"]
    assert panel.model.data(panel.model.index(0, 5)) == "Offer a Saturday morning"
    assert panel.model.data(panel.model.index(2, 6)) == "PRIVATE-NOTE nobody home"
    assert panel.notes_edit.toPlainText() == ""
    assert panel.stage_label.text() == f"Stage: {rules.READY_FOR_LEGAL}"
    assert panel.days_label.text().startswith("12 days left")
    assert panel.prompt_label.isHidden()
    [case] = today.today_view(store).no_access
    assert case.job_id == j.id and rules.READY_FOR_LEGAL in case.title and "Grzegorz" in case.title
    assert case.detail.startswith("12 days left · 3 failed attempts")
    assert "PRIVATE" not in case.title + case.detail


def test_untried_plan_prompt_shown_prominently(qtbot, store):
    t, j = gas_case(store, plan_status="draft")
    panel = AccessAttemptsPanel(store, j.id)
    qtbot.addWidget(panel)
    for days, letter, method, time in ((20, "first", "visit", "morning"), (10, "second", "letter", "afternoon"),
                                       (3, "final", "visit", "evening")):
        record_via_panel(qtbot, panel, days, letter=letter, method=method, time=time)
    assert panel.stage_label.text() == f"Stage: {rules.TRY_SUPPORT_FIRST}"
    assert not panel.prompt_label.isHidden()
    assert panel.prompt_label.text() == "Agree the support plan (still a draft)."
    [case] = today.today_view(store).no_access
    assert rules.TRY_SUPPORT_FIRST in case.title and "Agree the support plan" in case.detail


def test_future_date_refused_in_panel(qtbot, store):
    _, j = gas_case(store)
    panel = AccessAttemptsPanel(store, j.id)
    qtbot.addWidget(panel)
    assert panel.date_edit.maximumDate() == QDate.currentDate()
    panel.outcome_combo.setCurrentIndex(-1)
    assert not panel.record()
    assert not panel.error_label.isHidden() and access.list_attempts(store, j.id) == []


def test_evidence_button_writes_pdf(qtbot, store, tmp_path, monkeypatch):
    _, j = gas_case(store)
    panel = AccessAttemptsPanel(store, j.id)
    qtbot.addWidget(panel)
    record_via_panel(qtbot, panel, 2)
    target = tmp_path / "evidence"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    out = panel.save_evidence()
    assert out == tmp_path / "evidence.pdf" and out.read_bytes().startswith(b"%PDF")


def test_support_plan_dialog_measure_reaches_briefing(qtbot, store):
    t = tenant(store, "T-20", "Aoife", "Ní Bhriain")
    j = job(store, "GAS-88", contractor(store).id, tenant_id=t.id, due_date=TODAY + timedelta(days=30))
    dialog = SupportPlanDialog(store, t.id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["strain"].widget, "PRIVATE-STRAIN noise")
    kind_combo = dialog.fields["measure_kind"].widget
    kind_combo.setCurrentIndex(kind_combo.findData("explain_steps"))
    assert dialog.value("measure_text") == "Explain each step before starting it, and check the tenant is ready."
    assert not dialog.save_button.isEnabled()  # a measure typed but not added
    qtbot.mouseClick(dialog.add_measure_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.fields["measure_text"].widget, "Knock <twice> & wait")
    qtbot.mouseClick(dialog.add_measure_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.fields["contact_name"].widget, "Mo Support")
    qtbot.keyClicks(dialog.fields["contact_phone"].widget, "12")
    assert dialog.field_error("contact_phone") and not dialog.add_contact_button.isEnabled()
    dialog.fields["contact_phone"].widget.clear()
    qtbot.keyClicks(dialog.fields["contact_phone"].widget, "07700 900123")
    qtbot.mouseClick(dialog.add_contact_button, Qt.MouseButton.LeftButton)
    assert dialog.save_button.isEnabled()
    assert dialog.try_save()
    [view] = support.list_plans(store, t.id)
    assert view.plan.status == "active" and view.plan.strain == "PRIVATE-STRAIN noise"
    assert [m.text for m in view.measures] == [
        "Explain each step before starting it, and check the tenant is ready.", "Knock <twice> & wait"]
    assert [(c.name, c.phone) for c in view.contacts] == [("Mo Support", "07700 900123")]
    brief = briefing.briefing_for_job(store, j.id)
    assert "Explain each step before starting it, and check the tenant is ready." in brief.in_the_home
    assert "PRIVATE" not in repr(brief)


def test_support_plan_dialog_edits_and_ends_measure(qtbot, store, monkeypatch):
    t = tenant(store)
    plan = support.create_plan(store, t.id, status="active", start_date="2026-01-01")
    m = support.add_measure(store, plan.id, "", kind="offer_breaks")
    dialog = SupportPlanDialog(store, t.id, plan_id=plan.id)
    qtbot.addWidget(dialog)
    dialog.set_value("review_date", date(2025, 1, 1))
    assert dialog.field_error("review_date") and not dialog.save_button.isEnabled()
    dialog.set_value("review_date", date(2026, 6, 1))
    dialog.measure_table.setCurrentIndex(dialog.measure_model.index(0, 0))
    assert dialog.remove_measure()
    assert dialog.try_save()
    view = support.list_plans(store, t.id)[0]
    assert view.measures == [] and view.plan.review_date == date(2026, 6, 1)
    assert m.id not in [x.id for x in view.measures]


def test_conduct_dialog(qtbot, store):
    c = contractor(store, "Acme Gas Ltd")
    t = tenant(store)
    j = job(store, "GAS-99", c.id, tenant_id=t.id)
    dialog = ConductFeedbackDialog(store, tenant_id=t.id, job_id=j.id)
    qtbot.addWidget(dialog)
    assert dialog.value("contractor_id") == c.id
    assert not dialog.save_button.isEnabled() and not dialog.field_error("point").strip("\u200b")  # #13.4
    assert not dialog.try_save() and dialog.field_error("point")  # Save pressed: the missing answer is named
    combo = dialog.fields["point"].widget
    combo.setCurrentIndex(combo.findData("no_bathroom"))
    qtbot.keyClicks(dialog.fields["what_was_said"].widget, "Used the toilet")
    assert dialog.try_save()
    [fb] = conduct.list_feedback(store, tenant_id=t.id)
    assert (fb.contractor_id, fb.job_id, fb.point, fb.received_on) == (c.id, j.id, "no_bathroom", date.today())


def test_reports_page_preview_and_export(qtbot, store, tmp_path, monkeypatch):
    t, j = gas_case(store)
    access.record_attempt(store, j.id, attempted_on=TODAY, method="visit", outcome="no_answer")
    page = ReportsPage(store)
    qtbot.addWidget(page)
    wait_for_background()  # the page builds its report off the UI thread
    assert page.kind() == "checks-due"
    # the gas job, and the electrical and water checks this home has no record of (due now)
    assert page.model.rowCount() == 3 and page.model.data(page.model.index(0, 4)) == "Grzegorz Brzęczyszczykiewicz"
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("no-access"))
    wait_for_background()
    assert page.model.data(page.model.index(0, 0)) == rules.FIRST_ATTEMPT
    target = tmp_path / "na.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][4] == "GAS-77"
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("conduct"))
    page.from_edit.setDate(QDate.currentDate())
    page.to_edit.setDate(QDate.currentDate().addDays(-1))
    page.refresh()
    wait_for_background()
    assert "before the start" in page.summary.text() and not page.csv_button.isEnabled()


def test_reports_page_write_failure_is_calm(qtbot, store, tmp_path, monkeypatch):
    page = ReportsPage(store)
    qtbot.addWidget(page)
    wait_for_background()
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "missing" / "x.pdf"), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert page.export(".pdf") is None
    assert warned and "could not be written" in warned[0]
