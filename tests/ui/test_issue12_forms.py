"""Issue #12 at the desk: a new tenant from the Tenants page, the returned sign-off on a job, whether a
person was told about a warning, a concern's next action and review, and the two Today sections."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.services import needs, officers, safeguarding, signoff, tenants, works
from liaison_app.ui.needs_forms import WarningForm
from liaison_app.ui.safeguarding_tab import ConcernForm
from liaison_app.ui.signoff_form import SignOffBar
from liaison_app.ui.tenant_new import NewTenantForm
from liaison_app.ui.tenants_page import TenantsPage
from liaison_app.ui.today_page import TodayPage
from liaison_app.ui.workers import wait_for_background

PASSWORD = "a long enough password"
TODAY = date.today()


@pytest.fixture(autouse=True)
def _calm(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    yield
    wait_for_background()


@pytest.fixture
def tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T-1", first_name="Ann", last_name="Jones",
                                 address_line1="1 High Street", postcode="BA1 1AA")


def fill(qtbot, form, **values):
    for name, text in values.items():
        form.fields[name].widget.clear()
        if text.isascii():
            qtbot.keyClicks(form.fields[name].widget, text)
        else:  # QTest types ASCII only
            form.fields[name].widget.setText(text)


NEW = dict(tenancy_ref="T-200", first_name="Łucja", last_name="Nowak", address_line1="4 Mill Lane",
           postcode="ba12 9ab", phone="01632 960 123")


def test_new_tenant_from_the_tenants_page_is_stored_audited_and_opened(qtbot, store, monkeypatch):
    page = TenantsPage(store)
    qtbot.addWidget(page)
    page.show()

    def exec_(form):
        fill(qtbot, form, **NEW)
        return form.try_save()

    monkeypatch.setattr(NewTenantForm, "exec", exec_)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    made = tenants.find_tenant(store, "T-200")
    assert made is not None and made.first_name == "Łucja"
    assert tenants.get_tenant(store, made.id)[1].postcode == "BA12 9AB"  # the import's rule: normalised
    assert page.record is not None and page.record.tenant_id == made.id
    with store.read() as session:
        assert session.exec(select(AuditEvent).where(AuditEvent.record_id == made.id,
                                                     AuditEvent.action == "create")).first()


def test_ctrl_n_on_the_tenant_list_asks_for_a_new_tenant(qtbot, store, monkeypatch, show_active):
    page = show_active(TenantsPage(store))
    opened = []
    monkeypatch.setattr(NewTenantForm, "exec", lambda form: opened.append(form) or 0)
    page.search_box.setFocus()
    qtbot.keyClick(page.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1 and page.new_action in page.menu_actions()


def test_new_tenant_form_shows_a_bad_postcode_and_phone_beside_their_fields(qtbot, store):
    form = NewTenantForm(store)
    qtbot.addWidget(form)
    fill(qtbot, form, **{**NEW, "postcode": "NOT A CODE", "phone": "12"})
    assert form.field_error("postcode") and form.field_error("phone")
    assert not form.save_button.isEnabled()


def test_new_tenant_form_refuses_a_reference_already_taken_beside_it(qtbot, store, tenant):
    form = NewTenantForm(store)
    qtbot.addWidget(form)
    fill(qtbot, form, **{**NEW, "tenancy_ref": "T-1"})
    assert form.try_save() is False
    assert "already exists" in form.field_error("tenancy_ref")
    assert tenants.count_tenants(store, "") == 1


@pytest.fixture
def job(store, tenant):
    acme = works.create_contractor(store, "Acme Gas")
    op = works.add_operative(store, acme.id, "Dan Evans", "AG-1001")
    return works.create_job(store, job_ref="J-1", contractor_id=acme.id, job_type="repair",
                            description="Fix the tap", tenant_id=tenant.id, operative_id=op.id)


def test_a_returned_slip_with_another_badge_is_recorded_as_a_mismatch(qtbot, store, job):
    bar = SignOffBar(store, job.id)
    qtbot.addWidget(bar)
    qtbot.waitUntil(lambda: bar.button.isEnabled(), timeout=5000)
    assert "not back yet" in bar.label.text()
    form = bar.new_form()
    qtbot.addWidget(form)
    assert "Dan Evans" in form.booked_label.text() and "AG-1001" in form.booked_label.text()
    form.set_value("id_shown", True)
    form.set_value("signed", True)
    fill(qtbot, form, badge_number="AG-2002")
    assert form.value("badge_matches") is False  # a legible badge answers the question itself
    form.set_value("badge_matches", True)
    assert "not the booked operative" in form.field_error("badge_matches")
    form.set_value("badge_matches", False)
    assert form.try_save()
    bar.refresh()
    qtbot.waitUntil(lambda: "badge does not match" in bar.label.text(), timeout=5000)
    assert signoff.get_signoff(store, job.id).badge_number == "AG-2002"


def test_the_warning_form_records_whether_the_person_was_told(qtbot, store, tenant):
    form = WarningForm(store, tenant.id, None)
    qtbot.addWidget(form)
    form.set_value("informed", "no")
    form.set_value("informed_on", TODAY)
    assert "only when" in form.field_error("informed_on") and not form.save_button.isEnabled()
    form.set_value("informed", "yes")
    assert form.field_error("informed_on") == "" and form.try_save()
    stored = needs.list_warnings(store, tenant.id)[0]
    assert (stored.informed, stored.informed_on) == ("yes", TODAY)


def test_a_concern_gets_a_next_action_and_review_date_when_changed(qtbot, store, tenant):
    concern = safeguarding.raise_concern(store, tenant.id, "animal_welfare", what_was_seen="Dog left without water")
    form = ConcernForm(store, tenant.id, concern=safeguarding.get_concern(store, concern.id))
    qtbot.addWidget(form)
    form.set_value("review_date", concern.raised_on - timedelta(days=1))
    assert "before the concern was raised" in form.field_error("review_date")
    form.set_value("review_date", TODAY + timedelta(days=7))
    qtbot.keyClicks(form.fields["next_action"].widget, "RSPCA visit booked")
    assert form.try_save()
    stored = safeguarding.get_concern(store, concern.id)
    assert (stored.next_action, stored.review_date) == ("RSPCA visit booked", TODAY + timedelta(days=7))


def _today(qtbot, store) -> TodayPage:
    page = TodayPage(store)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    page.show()
    return page


def test_today_shows_a_mismatched_slip_and_a_leads_concerns_due(qtbot, store, tenant, job):
    officers.create_officer(store, "ada", "Ada", "admin", PASSWORD)
    officers.sign_in(store, "ada", PASSWORD)
    officers.create_officer(store, "sam", "Sam", "safeguarding_lead", PASSWORD)
    signoff.record_signoff(store, job.id, returned_on=TODAY, id_shown=True, badge_matches=False, signed=True)
    safeguarding.raise_concern(store, tenant.id, "child", what_was_seen="PRIVATE seen", next_action="PRIVATE next",
                               review_date=TODAY)
    page = _today(qtbot, store)  # an admin: no concerns section
    assert [i.job_id for i in page.section_items("signoffs")] == [job.id]
    assert "concern_reviews" not in page.sections
    officers.sign_in(store, "sam", PASSWORD)
    page = _today(qtbot, store)
    lines = page.section_items("concern_reviews")
    assert len(lines) == 1
    assert "PRIVATE" not in lines[0].title + lines[0].detail
