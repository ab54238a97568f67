"""The tenant record: header and badges, adjustments, warnings, visits and follow-ups, details, undo."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from liaison_app.domain.validation import add_months
from liaison_app.services import needs, tenants, visits
from liaison_app.ui.tenant_record import TenantRecord
from liaison_app.ui.workers import wait_for_background


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T100", first_name="Margaret", last_name="Okafor",
                                 preferred_name="Peggy", address_line1="4 Station Road", postcode="BA12 9AB",
                                 phone="07700 900123", preferred_contact="phone", language="Polish",
                                 interpreter_needed=True)


@pytest.fixture
def record(store, tenant, qtbot):
    r = TenantRecord(store, tenant.id)
    qtbot.addWidget(r)
    r.show()
    wait_for_background()  # the header and the first tab read off the UI thread
    return r


def save(form, qtbot):
    """Ctrl+S in the form, as the officer would press it."""
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    qtbot.keyClick(form.focusWidget() or form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_for_background()  # the list and the header read again after the save


def test_header_shows_who_and_how_to_reach_them(record):
    assert record.name_label.text().startswith("Peggy Okafor")
    assert "4 Station Road" in record.facts["address"].text()
    assert record.facts["phone"].text() == "07700 900123"
    assert "interpreter needed" in record.facts["language"].text()
    labels = [record.tabs.tabText(i) for i in range(record.tabs.count())]
    assert labels[:2] == ["&Wishes && adjustments", "Safe&ty warnings"]  # Alt+W once only (#13.1)
    assert list(record.tab_pages) == ["AdjustmentsTab"]  # the others are built when first shown
    record.tabs.setCurrentIndex(1)
    assert "WarningsTab" in record.tab_pages
    wait_for_background()


def test_add_boot_covers_with_a_private_reason(record, store, tenant, qtbot):
    tab = record.show_tab("AdjustmentsTab")
    form = tab.add_new()
    form.set_value("kind", "boot_covers")
    assert "boot covers" in form.value("instruction").lower()
    assert form.value("review_date") == add_months(date.today(), 12)
    form.set_value("start_date", date(2026, 1, 31))  # the default review date follows the start
    assert form.value("review_date") == date(2027, 1, 31)
    form.set_value("start_date", date.today())
    qtbot.keyClicks(form.fields["reason"].widget, "Religious observance in the home")
    save(form, qtbot)
    stored = needs.list_adjustments(store, tenant.id)
    assert [(a.kind, a.reason) for a in stored] == [("boot_covers", "Religious observance in the home")]
    assert stored[0].share_with_contractors and stored[0].review_date == add_months(date.today(), 12)
    assert stored[0].start_date == date.today()
    assert tab.model.rowCount() == 1
    assert "Boot covers" in record.badges.texts


def test_female_operative_request_prefills_an_editable_instruction(record, store, tenant, qtbot):
    tab = record.show_tab("AdjustmentsTab")
    form = tab.add_new()
    combo = form.fields["kind"].widget
    combo.setCurrentIndex(combo.findData("female_operative"))
    assert "female operative is required" in form.value("instruction")
    form.set_value("instruction", form.value("instruction") + " Ring the office on arrival.")
    combo.setCurrentIndex(combo.findData("call_ahead"))  # an edited instruction is kept
    assert "Ring the office" in form.value("instruction")
    combo.setCurrentIndex(combo.findData("female_operative"))
    save(form, qtbot)
    (adj,) = needs.list_adjustments(store, tenant.id)
    assert adj.kind == "female_operative" and adj.instruction.endswith("Ring the office on arrival.")
    assert "Female operative" in record.badges.texts


def test_change_then_undo_restores_the_previous_value(record, store, tenant, qtbot):
    needs.record_adjustment(store, tenant.id, "call_ahead")
    tab = record.show_tab("AdjustmentsTab")
    tab.refresh()
    wait_for_background()
    assert not tab.undo_action.isEnabled()
    form = tab.change_selected()
    form.set_value("instruction", "Call an hour before.")
    save(form, qtbot)
    assert needs.list_adjustments(store, tenant.id)[0].instruction == "Call an hour before."
    assert tab.undo_action.isEnabled()
    tab.undo_action.trigger()
    assert needs.list_adjustments(store, tenant.id)[0].instruction == "Call the tenant 30 minutes before you arrive."
    assert not tab.undo_action.isEnabled()


def test_end_a_warning_only_after_confirming(record, store, tenant, monkeypatch):
    needs.record_warning(store, tenant_id=tenant.id, kind="dangerous_animal", details="Large dog", severity="high")
    tab = record.show_tab("WarningsTab")
    tab.refresh()
    wait_for_background()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    assert tab.end_selected() is False
    assert len(needs.list_warnings(store, tenant.id)) == 1 and len(asked) == 1
    needs.record_adjustment(store, tenant.id, "boot_covers")
    record.refresh_header()
    wait_for_background()
    assert record.badges.texts[0] == "Dangerous animal" and "Boot covers" in record.badges.texts  # risks come first
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.end_action.trigger()
    wait_for_background()
    assert needs.list_warnings(store, tenant.id) == []
    assert needs.list_warnings(store, tenant.id, include_ended=True)[0].end_date == date.today()
    assert tab.model.rowCount() == 0
    tab.undo()  # undo brings the warning back
    assert len(needs.list_warnings(store, tenant.id)) == 1


def test_add_a_warning_on_the_home_with_private_details(record, store, tenant, qtbot):
    tab = record.show_tab("WarningsTab")
    wait_for_background()  # the tab learns the tenant's home from its first read
    form = tab.add_new()
    form.set_value("kind", "hoarding")
    form.set_value("about", "home")
    form.set_value("severity", "high")
    form.set_value("details", "Seen on last visit")
    assert [t.text() for t in form.findChildren(type(form.message)) if t.objectName() == "privateTag"] == [
        "Private — never printed"] * 2  # the details, and whether the person was told
    save(form, qtbot)
    (w,) = needs.list_warnings(store, tenant.id)
    assert w.home_id == tenant.home_id and w.tenant_id is None and w.details == "Seen on last visit"


def test_log_a_call_with_a_follow_up_in_a_few_keystrokes(record, store, tenant, qtbot):
    tab = record.show_tab("VisitsTab")
    form = tab.add_new()
    qtbot.keyClicks(form.fields["outcome"].widget, "Agreed morning appointment")
    qtbot.keyClicks(form.fields["follow_up_1"].widget, "Confirm date with contractor")
    save(form, qtbot)
    (visit,) = visits.list_visits(store, tenant.id)
    assert visit.visit_type == "phone_call" and visit.outcome == "Agreed morning appointment"
    (follow_up,) = visits.list_follow_ups(store, tenant.id)
    assert follow_up.action == "Confirm date with contractor"
    assert follow_up.due_date == date.today() + timedelta(days=7) and follow_up.visit_id == visit.id
    assert tab.model.rowCount() == 1 and tab.follow_model.rowCount() == 1


def test_mark_a_follow_up_done_and_undo(record, store, tenant):
    visits.add_follow_up(store, tenant.id, "Send large-print letter", date.today())
    tab = record.show_tab("VisitsTab")
    tab.refresh()
    wait_for_background()
    assert tab.done_action.isEnabled()
    tab.done_action.trigger()
    wait_for_background()
    assert visits.list_follow_ups(store, tenant.id) == []
    assert tab.follow_model.rowCount() == 0
    tab.undo_action.trigger()
    assert len(visits.list_follow_ups(store, tenant.id)) == 1


def test_invalid_postcode_keeps_save_disabled_with_the_message(record, store, tenant, qtbot):
    form = record.edit_details()
    edit = form.fields["postcode"].widget
    edit.clear()
    qtbot.keyClicks(edit, "BA12 9")
    assert not form.save_button.isEnabled()
    assert "postcode" in form.field_error("postcode").lower()
    qtbot.keyClicks(edit, "AD")
    assert form.save_button.isEnabled()
    save(form, qtbot)
    assert tenants.get_tenant(store, tenant.id)[1].postcode == "BA12 9AD"
    assert "BA12 9AD" in record.facts["address"].text()
    record.undo_edit_action.trigger()
    assert tenants.get_tenant(store, tenant.id)[1].postcode == "BA12 9AB"


def test_closing_a_dirty_details_form_asks(record, monkeypatch, qtbot):
    form = record.edit_details()
    qtbot.keyClicks(form.fields["phone"].widget, "9")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    form.close()
    assert asked and form.isVisible()


def test_keyboard_only_add_and_back(record, store, tenant, qtbot):
    tab = record.show_tab("AdjustmentsTab")
    qtbot.waitExposed(record)
    record.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.form is not None
    form = tab.form
    save(form, qtbot)  # the default kind with its catalogue instruction is valid as it stands
    assert len(needs.list_adjustments(store, tenant.id)) == 1
    went_back = []
    record.back.connect(lambda: went_back.append(True))
    record.activateWindow()
    qtbot.waitUntil(record.isActiveWindow, timeout=2000)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Escape)
    assert went_back == [True]


def test_list_columns_show_whole_dates_and_headings(store, tenant, qtbot):
    needs.record_adjustment(store, tenant.id, "call_ahead")  # its review date is filled in: a whole date
    r = TenantRecord(store, tenant.id)
    qtbot.addWidget(r)
    r.resize(1024, 700)
    r.show()
    wait_for_background()
    tab = r.show_tab("AdjustmentsTab")
    wait_for_background()
    table, header = tab.table, tab.table.horizontalHeader()
    for column in range(tab.model.columnCount()):
        if header.sectionResizeMode(column) == header.ResizeMode.Stretch:
            continue
        title = tab.model.headerData(column, Qt.Orientation.Horizontal)
        text = tab.model.index(0, column).data() or ""
        needed = max(header.fontMetrics().horizontalAdvance(title), table.fontMetrics().horizontalAdvance(text))
        assert needed < table.columnWidth(column) - 4, (title, text)
