"""Tenant record tabs: support plans (closing asks first), the tenant's jobs, conduct feedback."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from liaison_app.services import conduct, support, tenants, works
from liaison_app.ui import conduct_tab, support_tab
from liaison_app.ui.conduct_tab import ConductTab
from liaison_app.ui.support_tab import ClosePlanDialog, SupportPlansTab
from liaison_app.ui.tenant_jobs_tab import TenantJobsTab
from liaison_app.ui.workers import wait_for_background


@pytest.fixture
def tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T-1", first_name="Amira", last_name="Haddad",
                                 address_line1="12 Elm Road", postcode="BA12 9AB")


@pytest.fixture
def plan(store, tenant):
    made = support.create_plan(store, tenant.id, strain="private cause", status="active",
                               start_date=date.today() - timedelta(days=40),
                               review_date=date.today() - timedelta(days=1))
    support.add_measure(store, made.id, "Officer present at the gas check")
    return made


class FakeForm(QDialog):
    """Stands in for another helper's form: records how the tab opened it and accepts."""

    calls: list = []

    def __init__(self, store, *args, **kwargs):
        super().__init__(kwargs.get("parent"))
        FakeForm.calls.append((args, {k: v for k, v in kwargs.items() if k != "parent"}))

    def exec(self):
        return QDialog.DialogCode.Accepted


def test_plans_listed_with_review_and_measures(qtbot, store, tenant, plan):
    tab = SupportPlansTab(store, tenant.id)
    qtbot.addWidget(tab)
    wait_for_background()  # the tab reads its rows off the UI thread
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 0).data() == "Active"
    assert "(overdue)" in tab.model.index(0, 2).data()
    assert "Officer present" in tab.model.index(0, 3).data()
    assert "private cause" not in " ".join(tab.model.index(0, c).data() for c in range(tab.model.columnCount()))


def test_closing_a_plan_asks_first(qtbot, store, tenant, plan, monkeypatch):
    asked = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(*args, **kwargs):
        asked.append(args[2])
        return next(answers)

    monkeypatch.setattr(support_tab.QMessageBox, "question", staticmethod(question))
    dialog = ClosePlanDialog(store, plan.id)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # the outcome is needed
    qtbot.keyClicks(dialog.fields["outcome"].widget, "Gas check done calmly with the officer there")
    assert not dialog.try_save()  # the officer said No
    assert support.list_plans(store, tenant.id)[0].plan.status == "active"
    assert dialog.try_save()  # and then Yes
    assert len(asked) == 2 and "Close this support plan?" in asked[0]
    closed = support.list_plans(store, tenant.id, include_closed=True)[0].plan
    assert closed.status == "closed" and closed.outcome.startswith("Gas check done")


def test_close_plan_button_runs_the_dialog_and_refreshes(qtbot, store, tenant, plan, monkeypatch):
    def fake_exec(dialog):
        dialog.set_value("outcome", "Finished")
        return dialog.try_save()

    monkeypatch.setattr(support_tab.QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(ClosePlanDialog, "exec", fake_exec)
    tab = SupportPlansTab(store, tenant.id)
    qtbot.addWidget(tab)
    wait_for_background()  # the tab reads its rows off the UI thread
    with qtbot.waitSignal(tab.changed):
        assert tab.close_plan()
    wait_for_background()
    assert tab.model.rowCount() == 0 and tab.empty.isVisibleTo(tab)
    tab.show_closed.setChecked(True)
    wait_for_background()
    assert tab.model.rowCount() == 1 and not tab.close_button.isEnabled()


def test_add_and_change_open_the_support_plan_form(qtbot, store, tenant, plan, monkeypatch):
    FakeForm.calls = []
    monkeypatch.setattr(support_tab, "SupportPlanDialog", FakeForm)
    tab = SupportPlansTab(store, tenant.id)
    qtbot.addWidget(tab)
    wait_for_background()  # the tab reads its rows off the UI thread
    assert tab.add_plan() and tab.change_plan()
    assert FakeForm.calls == [((tenant.id,), {}), ((tenant.id,), {"plan_id": plan.id})]


def test_tenant_jobs_enter_opens_the_job(qtbot, store, tenant):
    acme = works.create_contractor(store, "Acme Gas")
    job = works.create_job(store, job_ref="J-1", contractor_id=acme.id, job_type="repair",
                           description="Fix the tap", tenant_id=tenant.id, due_date=date.today())
    other = tenants.create_tenant(store, tenancy_ref="T-2", first_name="Bo", last_name="Li",
                                  address_line1="1 Oak Road", postcode="BA12 9AD")
    works.create_job(store, job_ref="J-2", contractor_id=acme.id, job_type="repair",
                     description="Door", tenant_id=other.id)
    tab = TenantJobsTab(store, tenant.id)
    qtbot.addWidget(tab)
    wait_for_background()  # the tab reads its rows off the UI thread
    assert [r.job_ref for r in tab.model.rows()] == ["J-1"]
    assert tab.model.index(0, 3).data() == "Open"
    with qtbot.waitSignal(tab.open_job) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_Enter)
    assert opened.args == [job.id]


def test_conduct_feedback_listed_and_add_opens_the_form(qtbot, store, tenant, monkeypatch):
    acme = works.create_contractor(store, "Acme Gas")
    conduct.record_feedback(store, contractor_id=acme.id, point="no_bathroom", received_on=date.today(),
                            what_was_said="Used the toilet without asking", tenant_id=tenant.id)
    FakeForm.calls = []
    monkeypatch.setattr(conduct_tab, "ConductFeedbackDialog", FakeForm)
    tab = ConductTab(store, tenant.id)
    qtbot.addWidget(tab)
    wait_for_background()  # the tab reads its rows off the UI thread
    assert tab.model.index(0, 1).data() == "Acme Gas"
    assert tab.model.index(0, 2).data() == "No use of the bathroom"
    with qtbot.waitSignal(tab.changed):
        assert tab.add_feedback()
    assert FakeForm.calls == [((), {"tenant_id": tenant.id})]


def test_the_real_forms_of_the_checks_helper_open(qtbot, store, tenant, plan, monkeypatch):
    from liaison_app.ui.conduct_form import ConductFeedbackDialog
    from liaison_app.ui.support_plan_form import SupportPlanDialog

    opened = []
    for cls in (SupportPlanDialog, ConductFeedbackDialog):
        monkeypatch.setattr(cls, "exec", lambda self, cls=cls: opened.append(cls.__name__) or 0)
    plans = SupportPlansTab(store, tenant.id)
    feedback = ConductTab(store, tenant.id)
    qtbot.addWidget(plans)
    qtbot.addWidget(feedback)
    wait_for_background()
    assert not plans.add_plan() and not plans.change_plan() and not feedback.add_feedback()
    assert opened == ["SupportPlanDialog", "SupportPlanDialog", "ConductFeedbackDialog"]


def test_brief_previews_the_selected_job(qtbot, store, tenant, monkeypatch):
    from liaison_app.ui import briefing_preview

    acme = works.create_contractor(store, "Acme Gas")
    job = works.create_job(store, job_ref="J-1", contractor_id=acme.id, job_type="repair",
                           description="Fix the tap", tenant_id=tenant.id)
    asked = []
    monkeypatch.setattr(briefing_preview, "open_briefing", lambda parent, s, job_id: asked.append(job_id))
    tab = TenantJobsTab(store, tenant.id)
    qtbot.addWidget(tab)
    wait_for_background()  # the tab reads its rows off the UI thread
    assert tab.brief_button.isEnabled()
    tab.brief_button.click()
    assert asked == [job.id]
