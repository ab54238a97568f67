"""What the record's faster opening (#15, round 3) must keep: tabs kept from tenant to tenant show only the
tenant now open (their own rows, options as a new tab starts, nothing to undo, no late read of the last
tenant), a record opened from the list or another page is first painted with its header and rows when
they come quickly (and still says "Loading…" when they do not), and badges reused for other words say
only their new words."""
from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from liaison_app.services import needs, tenants
from liaison_app.ui import workers
from liaison_app.ui.main_window import MainWindow
from liaison_app.ui.tenants_page import TenantsPage
from liaison_app.ui.widgets import Badge, BadgeRow
from liaison_app.ui.workers import load, shown_at_once, wait_for_background


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def two(store):
    peggy = tenants.create_tenant(store, tenancy_ref="T100", first_name="Margaret", last_name="Okafor",
                                  address_line1="4 Station Road", postcode="BA12 9AB")
    amir = tenants.create_tenant(store, tenancy_ref="T200", first_name="Amir", last_name="Haddad",
                                 address_line1="9 Mill Lane", postcode="BA11 1AA")
    needs.record_warning(store, tenant_id=peggy.id, kind="dangerous_animal", instruction="Dog shut away")
    gone = needs.record_warning(store, tenant_id=peggy.id, kind="aggression", instruction="Two visit")
    needs.end_warning(store, gone.id)
    needs.record_warning(store, tenant_id=amir.id, kind="hoarding", instruction="Clear path first")
    return peggy, amir


def _page(store, qtbot, tenant_id):
    page = TenantsPage(store)
    qtbot.addWidget(page)
    page.show()
    page.show_tenant(tenant_id)
    wait_for_background()
    return page


def _instructions(tab):
    return [row.instruction for row in tab.model.rows()]


def test_a_kept_tab_shows_only_the_next_tenant_as_a_new_tab_would(store, two, qtbot):
    peggy, amir = two
    page = _page(store, qtbot, peggy.id)
    record = page.record
    tab = record.show_tab("WarningsTab")
    tab.show_ended.setChecked(True)  # Peggy's ended warning is listed too
    wait_for_background()
    assert sorted(_instructions(tab)) == ["Dog shut away", "Two visit"]
    tab.notice.setText("Ended — shown under Show ended")
    tab.last_change = object()  # a change of Peggy's that Undo could put back
    page.show_tenant(amir.id)
    assert tab.model.rowCount() == 0 and tab.notice.text() == ""  # nothing of Peggy's, at once
    assert not tab.show_ended.isChecked() and not tab.undo_action.isEnabled() and tab.home_id is None
    assert record.show_tab("WarningsTab") is tab  # the same widgets, not built again
    wait_for_background()
    assert tab.tenant_id == amir.id and _instructions(tab) == ["Clear path first"]


def test_a_read_of_the_last_tenant_still_on_its_way_never_lands_in_a_kept_tab(store, two, qtbot):
    peggy, amir = two
    page = _page(store, qtbot, peggy.id)
    record = page.record
    tab = record.show_tab("WarningsTab")
    wait_for_background()
    tab.refresh()  # Peggy's rows asked for again and not yet handed over ...
    page.show_tenant(amir.id)  # ... when the record turns to Amir
    wait_for_background()
    wait_for_background()
    assert tab.model.rowCount() == 0  # Peggy's late rows were dropped; Amir's come when the tab is shown
    record.show_tab("WarningsTab")
    wait_for_background()
    assert _instructions(tab) == ["Clear path first"]


def test_opening_a_tenant_paints_the_header_and_first_tab_together(store, two, qtbot, monkeypatch):
    peggy, amir = two
    monkeypatch.setattr(workers, "QUICK_READ_MS", 10_000)  # however busy the machine running the test
    needs.record_adjustment(store, amir.id, "boot_covers", instruction="Wear boot covers")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    wait_for_background()
    for who, name in ((peggy, "Margaret Okafor"), (amir, "Amir Haddad")):  # a new record, then the kept one
        window.open_tenant(who.id)
        record = window.pages["tenants"].record  # no event handled yet: what the first paint shows
        assert record.name_label.text() == name and record.loading.text() == ""
        assert record.tab("AdjustmentsTab").empty_label.text() != "Loading…"
        wait_for_background()
    assert [r.instruction for r in record.tab("AdjustmentsTab").model.rows()] == ["Wear boot covers"]


def test_a_read_slower_than_the_wait_still_says_loading_then_arrives(qtbot):
    page, status = QLabel(), QLabel()
    qtbot.addWidget(page)
    release, shown = threading.Event(), []
    with shown_at_once(ms=20):
        load(page, lambda: release.wait(10) and "rows", on_done=shown.append, status=status)
    assert shown == [] and status.text() == "Loading…"
    release.set()
    qtbot.waitUntil(lambda: shown == ["rows"], timeout=10_000)
    with shown_at_once(ms=10_000):
        load(page, lambda: "quick", on_done=shown.append)
    assert shown == ["rows", "quick"]  # handed over as the block ended, not later through the event loop


def test_badges_reused_for_other_words_say_only_their_new_words(qtbot):
    row = BadgeRow()
    qtbot.addWidget(row)
    row.show()
    row.set_badges(["Dangerous animal", "Boot covers"],
                   {"Dangerous animal": "Safety warning — risk to operatives, high severity"})
    row.set_badges(["Support plan", "Dangerous animal", "Hearing"], {"Support plan": "Support plan: open"})
    badges = row.findChildren(Badge)
    assert [b.accessibleName() for b in badges] == ["Support plan", "Dangerous animal", "Hearing"]
    first = badges[0]  # was the high-severity warning: no mark, no bold, its own tone and tooltip now
    assert first.text() == "Support plan" and not first.font().bold() and first.tone == "support"
    assert first.toolTip() == "Support plan: open" and badges[1].toolTip() == "" and badges[1].tone == "danger"
    row.set_badges(["Hearing"])
    assert [b.text() for b in row.findChildren(Badge)] == ["Hearing"]  # the others left the row at once
    row.set_badges([])
    assert row.findChildren(Badge) == [] and row.texts == []


def test_the_badge_row_grows_and_shrinks_with_its_badges(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    row = BadgeRow(holder)
    QVBoxLayout(holder).addWidget(row)
    holder.resize(320, 400)
    holder.show()
    qtbot.waitExposed(holder)
    row.set_badges(["Hearing"])
    qtbot.wait(20)  # the layout catches up in the event loop
    one_line = row.heightForWidth(300)
    assert one_line > 0
    row.set_badges([f"Time to answer the door {n}" for n in range(6)])
    qtbot.waitUntil(lambda: row.heightForWidth(300) > 2 * one_line, timeout=3000)  # measured again, not remembered
    row.set_badges(["Hearing"])
    qtbot.waitUntil(lambda: row.heightForWidth(300) == one_line, timeout=3000)


def test_the_jobs_tab_keeps_its_column_widths_from_read_to_read(store, two, qtbot):
    from liaison_app.services import works

    peggy, _amir = two
    acme = works.create_contractor(store, "Acme Gas and Heating Services of the West Country Limited")
    works.create_job(store, job_ref="J-1", contractor_id=acme.id, job_type="repair", description="Tap",
                     tenant_id=peggy.id, due_date=date.today() + timedelta(days=2))
    page = _page(store, qtbot, peggy.id)
    tab = page.record.show_tab("TenantJobsTab")
    wait_for_background()
    assert tab.model.rowCount() == 1
    widths = [tab.table.columnWidth(c) for c in range(tab.model.columnCount())]
    assert all(w > 0 for w in widths)
    tab.refresh()
    wait_for_background()
    assert [tab.table.columnWidth(c) for c in range(tab.model.columnCount())] == widths
