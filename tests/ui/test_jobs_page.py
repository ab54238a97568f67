"""Jobs page: filters, Enter opens, new job form; job record: appointment, operative, complete check."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from liaison_app.services import tenants, works
from liaison_app.ui.job_detail import JobDetailDialog
from liaison_app.ui.job_form import NewJobDialog
from liaison_app.ui.jobs_page import JobsPage
from liaison_app.ui.workers import wait_for_background

TOMORROW = datetime.combine(date.today() + timedelta(days=1), datetime.min.time()).replace(hour=9)


@pytest.fixture
def setup(store):
    tenant = tenants.create_tenant(store, tenancy_ref="T-1", first_name="Amira", last_name="Haddad",
                                   address_line1="12 Elm Road", postcode="BA12 9AB", block="Elm Court")
    acme = works.create_contractor(store, "Acme Gas")
    bright = works.create_contractor(store, "Bright Electrics")
    op = works.add_operative(store, acme.id, "Dan Evans", "AG-102")
    gas = works.create_job(store, job_ref="J-1", contractor_id=acme.id, job_type="gas_safety",
                           description="Annual gas safety check of boiler and hob", tenant_id=tenant.id,
                           appointment_start=TOMORROW, appointment_end=TOMORROW + timedelta(hours=1))
    repair = works.create_job(store, job_ref="J-2", contractor_id=acme.id, job_type="repair",
                              description="Fix the kitchen tap", tenant_id=tenant.id,
                              due_date=date.today() + timedelta(days=3))
    eicr = works.create_job(store, job_ref="J-3", contractor_id=bright.id, job_type="electrical_safety",
                            description="EICR", tenant_id=tenant.id, due_date=date.today() + timedelta(days=10))
    return dict(tenant=tenant, acme=acme, bright=bright, op=op, gas=gas, repair=repair, eicr=eicr)


def shown_refs(page):
    wait_for_background()  # the page reads its rows off the UI thread
    return sorted(r.job_ref for r in page.model.rows())


def make_page(qtbot, store):
    page = JobsPage(store)
    qtbot.addWidget(page)
    page.show()
    wait_for_background()
    return page


def test_filters_by_contractor_status_and_kind(qtbot, store, setup):
    page = make_page(qtbot, store)
    assert shown_refs(page) == ["J-1", "J-2", "J-3"]
    page.contractor.setCurrentIndex(page.contractor.findData(setup["bright"].id))
    assert shown_refs(page) == ["J-3"]
    page.contractor.setCurrentIndex(page.contractor.findData(setup["acme"].id))
    page.status.setCurrentIndex(page.status.findData("booked"))
    assert shown_refs(page) == ["J-1"]
    page.status.setCurrentIndex(0)
    page.kind.setCurrentIndex(page.kind.findData("repair"))
    assert shown_refs(page) == ["J-2"]
    page.set_filter(contractor_id="", job_type="", period="Today")
    assert shown_refs(page) == []


def test_enter_opens_the_selected_job(qtbot, store, setup):
    page = make_page(qtbot, store)
    page.select_job(setup["repair"].id)
    with qtbot.waitSignal(page.open_job) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [setup["repair"].id]


def test_pages_load_lazily(qtbot, store, setup):
    for n in range(4, 30):
        works.create_job(store, job_ref=f"J-{n}", contractor_id=setup["acme"].id, job_type="repair",
                         description="Tap", tenant_id=setup["tenant"].id, due_date=date.today())
    page = JobsPage(store)
    qtbot.addWidget(page)
    page.model.page_size = 10
    page.refresh()
    wait_for_background()
    assert page.model.rowCount() == 10 and page.model.canFetchMore()
    assert page.count_label.text() == "10 jobs shown so far; scroll for more."
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == 29
    assert page.count_label.text() == "29 jobs."


def test_new_job_needs_a_known_tenant_and_saves(qtbot, store, setup):
    dialog = NewJobDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["job_ref"].widget, "J-99")
    qtbot.keyClicks(dialog.fields["description"].widget, "Replace the cracked landing window")
    combo = dialog.fields["contractor_id"].widget
    combo.setCurrentIndex(combo.findData(setup["acme"].id))
    qtbot.keyClicks(dialog.fields["tenancy_ref"].widget, "T-404")
    assert not dialog.save_button.isEnabled()
    assert "No tenant" in dialog.field_error("tenancy_ref")
    line = dialog.fields["tenancy_ref"].widget
    line.clear()
    qtbot.keyClicks(line, "hadd")  # the officer types part of a name and picks the suggestion
    suggestions = line.completer().model().stringList()
    assert suggestions == ["T-1 · Amira Haddad · 12 Elm Road · BA12 9AB"]
    line.completer().activated.emit(suggestions[0])
    assert dialog.value("tenancy_ref") == "T-1"
    ops = dialog.fields["operative_id"].widget
    assert ops.itemText(1) == "Dan Evans (badge AG-102)"
    ops.setCurrentIndex(1)
    dialog.set_value("where", "block")
    assert dialog.value("complainant_name") == "Amira Haddad"
    dialog.set_value("complainant_phone", "not a phone")
    assert not dialog.save_button.isEnabled()
    dialog.set_value("complainant_phone", "07700 900123")
    dialog.set_value("complainant_consent", True)
    assert dialog.save_button.isEnabled()
    assert dialog.try_save()
    job = works.find_job(store, "J-99")
    assert job.block_id and job.operative_id == setup["op"].id and job.complainant_consent


def test_job_record_changes_appointment_and_operative(qtbot, store, setup):
    dialog = JobDetailDialog(store, setup["repair"].id)
    qtbot.addWidget(dialog)
    assert dialog.value("description") == "Fix the kitchen tap"
    dialog.set_value("has_appointment", True)
    dialog.set_value("appointment_start", TOMORROW)
    dialog.set_value("appointment_end", TOMORROW - timedelta(hours=1))
    assert not dialog.save_button.isEnabled()
    assert "end after it starts" in dialog.field_error("appointment_end")
    dialog.set_value("appointment_end", TOMORROW + timedelta(hours=2))
    dialog.set_value("operative_id", setup["op"].id)
    with qtbot.waitSignal(dialog.changed):
        assert dialog.try_save()
    job = works.get_job(store, setup["repair"].id)
    assert job.appointment_start == TOMORROW and job.operative_id == setup["op"].id
    assert job.status == "booked"


def test_tenant_link_opens_the_tenant(qtbot, store, setup):
    dialog = JobDetailDialog(store, setup["gas"].id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.open_tenant) as opened:
        dialog.tenant_link.linkActivated.emit("tenant")
    assert opened.args == [setup["tenant"].id]


def test_complete_check_records_the_certificate(qtbot, store, setup, monkeypatch):
    from liaison_app.ui import job_detail

    dialog = JobDetailDialog(store, setup["gas"].id)
    qtbot.addWidget(dialog)
    assert dialog.complete_button.isVisible() or not dialog.isVisible()

    def fake_exec(self):
        self.set_value("certificate_ref", "CP12-0042")
        return self.try_save()

    monkeypatch.setattr(job_detail.CompleteCheckDialog, "exec", fake_exec)
    dialog.complete_check()
    job = works.get_job(store, setup["gas"].id)
    assert job.status == "completed" and job.certificate_ref == "CP12-0042"
    assert "Next due" in dialog.message.text()
    assert not dialog.is_dirty()


def test_brief_and_pack_use_the_briefing_preview(qtbot, store, setup, monkeypatch):
    from liaison_app.ui import briefing_preview

    calls = []
    monkeypatch.setattr(briefing_preview, "open_briefing", lambda parent, s, job_id: calls.append(("brief", job_id)))
    monkeypatch.setattr(briefing_preview, "open_pack",
                        lambda parent, s, contractor_id=None, day=None: calls.append(("pack", contractor_id, day)))
    page = make_page(qtbot, store)
    page.contractor.setCurrentIndex(page.contractor.findData(setup["acme"].id))
    page.select_job(setup["gas"].id)
    page.brief_action.trigger()
    page.pack_action.trigger()
    assert calls == [("brief", setup["gas"].id), ("pack", setup["acme"].id, TOMORROW.date())]
