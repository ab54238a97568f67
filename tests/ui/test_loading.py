"""Pages read off the UI thread: each says "Loading…" quietly until its one read arrives, then shows it."""
from __future__ import annotations

from datetime import date

from liaison_app.services import needs, tenants, works
from liaison_app.ui.adjustments_tab import AdjustmentsTab
from liaison_app.ui.jobs_page import JobsPage
from liaison_app.ui.reports_page import ReportsPage
from liaison_app.ui.tenant_record import TenantRecord
from liaison_app.ui.workers import wait_for_background


def _tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T-1", first_name="Amira", last_name="Haddad",
                                 address_line1="12 Elm Road", postcode="BA12 9AB")


def test_the_tenant_record_says_loading_until_its_header_arrives(qtbot, store):
    tenant = _tenant(store)
    record = TenantRecord(store, tenant.id)
    qtbot.addWidget(record)
    assert record.loading.text() == "Loading…"  # the result can only arrive through the event loop
    with qtbot.waitSignal(record.loaded, timeout=10_000):
        pass
    assert record.loading.text() == "" and record.name_label.text() == "Amira Haddad"
    assert "12 Elm Road" in record.facts["address"].text()


def test_a_record_tab_says_loading_then_shows_its_rows(qtbot, store):
    tenant = _tenant(store)
    needs.record_adjustment(store, tenant.id, "boot_covers")
    tab = AdjustmentsTab(store, tenant.id)
    qtbot.addWidget(tab)
    assert tab.empty_label.text() == "Loading…" and tab.model.rowCount() == 0
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        pass
    assert tab.model.rowCount() == 1 and tab.empty_label.isHidden()


def test_the_jobs_page_says_loading_then_counts_the_jobs(qtbot, store):
    tenant = _tenant(store)
    acme = works.create_contractor(store, "Acme Gas")
    works.create_job(store, job_ref="J-1", contractor_id=acme.id, job_type="repair", description="Tap",
                     tenant_id=tenant.id, due_date=date.today())
    page = JobsPage(store)
    qtbot.addWidget(page)
    assert page.count_label.text() == "Loading…"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    assert page.count_label.text() == "One job." and page.contractor.findData(acme.id) > 0


def test_the_reports_page_offers_export_only_once_its_report_has_arrived(qtbot, store):
    page = ReportsPage(store)
    qtbot.addWidget(page)
    assert page.summary.text() == "Loading…" and not page.csv_button.isEnabled()
    assert page.export(".csv") is None  # nothing to export yet, and no file dialog
    wait_for_background()
    assert page.csv_button.isEnabled() and "Due within 30 days" in page.summary.text()


def test_a_link_filtered_by_contractor_shows_only_theirs_before_the_list_of_contractors_arrives(qtbot, store):
    tenant = _tenant(store)
    acme, bright = works.create_contractor(store, "Acme Gas"), works.create_contractor(store, "Bright Electrics")
    for ref, who in (("J-1", acme), ("J-2", bright)):
        works.create_job(store, job_ref=ref, contractor_id=who.id, job_type="repair", description="Tap",
                         tenant_id=tenant.id, due_date=date.today())
    page = JobsPage(store)
    qtbot.addWidget(page)
    page.set_filter(contractor_id=bright.id)  # the first read has not arrived: the combo does not know Bright yet
    wait_for_background()
    assert [r.job_ref for r in page.model.rows()] == ["J-2"]
    assert page.contractor.currentText() == "Bright Electrics"
