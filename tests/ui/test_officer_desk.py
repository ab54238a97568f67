"""Issue #13 points 7–11: records that vanish, Today, Settings, the officer's words, small frictions.

One test (or a few) per numbered point, driven the way an officer would: keys where the point is about
the keyboard, real forms, a real store.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QMessageBox

from liaison_app.services import needs, tenants
from liaison_app.ui.tenant_record import TenantRecord
from liaison_app.ui.widgets import Badge, DateEdit


@pytest.fixture
def tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T700", first_name="Margaret", last_name="Okafor",
                                 address_line1="4 Station Road", postcode="BA12 9AB", phone="07700 900123")


@pytest.fixture
def record(store, tenant, qtbot):
    r = TenantRecord(store, tenant.id)
    qtbot.addWidget(r)
    r.show()
    return r


def _wait_rows(qtbot, tab, n):
    qtbot.waitUntil(lambda: tab.model.rowCount() == n, timeout=3000)


# ----- 7. Records vanish
def test_7_ticking_ends_leaves_the_date_to_choose_and_an_ended_record_says_where_it_went(record, store, tenant,
                                                                                          qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("nothing to ask"))
    tab = record.show_tab("AdjustmentsTab")
    form = tab.add_new()
    form.set_value("kind", "boot_covers")
    ends = form.fields["end_date"].widget
    qtbot.mouseClick(ends.check, Qt.MouseButton.LeftButton)  # tick "Ends"
    assert form.value("end_date") is None  # no date given for the officer: today would end it at once
    assert ends.edit.text() == "Choose a date"
    assert "Choose the end date" in form.field_error("end_date") and not form.save_button.isEnabled()
    form.set_value("end_date", date.today())  # the officer really means to record it as ended today
    assert form.try_save()
    _wait_rows(qtbot, tab, 0)
    assert tab.notice.text() == "Ended — shown under Show ended"
    tab.show_ended.setChecked(True)
    _wait_rows(qtbot, tab, 1)


def test_7_a_second_active_boot_covers_asks_first(record, store, tenant, qtbot, monkeypatch):
    needs.record_adjustment(store, tenant.id, "boot_covers")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    tab = record.show_tab("AdjustmentsTab")
    form = tab.add_new()
    form.set_value("kind", "boot_covers")
    assert form.try_save() is False
    assert len(asked) == 1 and "Boot covers" in asked[0] and "already recorded" in asked[0]
    assert len(needs.list_adjustments(store, tenant.id)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert form.try_save() is True  # the officer confirmed: a second one is kept
    assert len(needs.list_adjustments(store, tenant.id)) == 2


def test_7_a_different_kind_or_an_ended_one_does_not_ask(record, store, tenant, monkeypatch):
    old = needs.record_adjustment(store, tenant.id, "boot_covers")
    needs.end_adjustment(store, old.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("nothing to ask"))
    form = record.show_tab("AdjustmentsTab").add_new()
    form.set_value("kind", "boot_covers")
    assert form.try_save()


# ----- 8. Today
@pytest.fixture
def window(store, qtbot, monkeypatch):
    from liaison_app.ui.main_window import MainWindow

    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Discard)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _today_loaded(qtbot, window):
    from liaison_app.ui.workers import wait_for_background

    page = window.pages["today"]
    wait_for_background()
    qtbot.waitUntil(lambda: page.refresh_button.isEnabled(), timeout=10_000)
    return page


def test_8_a_follow_up_opens_on_its_tab_and_back_returns_to_today(window, store, tenant, qtbot):
    from liaison_app.services import visits

    visits.log_visit(store, tenant.id, "phone_call", follow_ups=[("Send letter", date.today() - timedelta(days=1))])
    window.pages["today"].refresh()
    page = _today_loaded(qtbot, window)
    page.focus_first()
    follow = page.sections["follow_ups"].list
    follow.enter_at(0)
    qtbot.keyClick(follow, Qt.Key.Key_Return)
    assert window.current_key() == "tenants"
    record = window.pages["tenants"].record
    assert record.tabs.currentWidget() is record.holders["VisitsTab"]
    assert record.back_action.text() == "Back to Today"
    qtbot.keyClick(record, Qt.Key.Key_Escape)
    assert window.current_key() == "today"


def test_8_appointments_show_flags_and_every_line_has_its_whole_text_as_tooltip(store, tenant, qtbot):
    from liaison_app.services import works
    from liaison_app.ui.today_page import TodayPage

    needs.record_warning(store, tenant_id=tenant.id, kind="dangerous_animal", details="private", severity="high")
    needs.record_adjustment(store, tenant.id, "boot_covers")
    firm = works.create_contractor(store, "Acme Gas")
    at = datetime.combine(date.today(), datetime.min.time()).replace(hour=10)
    works.create_job(store, job_ref="J-1", contractor_id=firm.id, job_type="gas_safety", tenant_id=tenant.id,
                     description="Annual gas safety check with a long description", appointment_start=at)
    page = TodayPage(store)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    page.resize(500, 600)
    page.show()
    (item,) = page.section_items("appointments")
    assert item.flags == ("Dangerous animal", "Boot covers")  # risks to the operative first
    model = page.sections["appointments"].list.model()
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "10:00" in tip and "Margaret Okafor" in tip and "Dangerous animal, Boot covers" in tip and "J-1" in tip
    assert "private" not in tip
    for section in page.sections.values():
        m = section.list.model()
        for row in range(m.rowCount()):
            assert m.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


# ----- 9. Settings
def test_9_leaving_settings_with_unsaved_changes_asks_and_cancel_stays(window, store, qtbot, monkeypatch):
    page = window.show_page("settings")
    page.inputs["landlord_name"].clear()
    qtbot.keyClicks(page.inputs["landlord_name"], "Wessex Homes")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Go > Today
    assert len(asked) == 1 and window.current_key() == "settings" and window.nav.current_key() == "settings"
    assert page.value("landlord_name") == "Wessex Homes"  # nothing thrown away
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "today"
    from liaison_app.services import settings

    assert settings.all_settings(store)["landlord_name"] == "Wessex Homes"


def test_9_a_new_auto_lock_time_applies_at_once_and_reads_1_minute(window, store, qtbot):
    from liaison_app.ui.lock import install_auto_lock

    lock = install_auto_lock(window, store, minutes=15)
    page = window.show_page("settings")
    page.inputs["landlord_name"].setText("Wessex Homes")  # what a first save needs anyway
    page.inputs["emergency_procedure"].setPlainText("Leave the home and ring 999.")
    spin = page.inputs["auto_lock_minutes"]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "1")
    assert spin.value() == 1 and spin.text() == "1 minute idle"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Settings saved."
    assert lock.idle_limit == 60  # no restart needed
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.text() == "2 minutes idle"


# ----- 10. Words
def test_10_the_header_uses_the_officers_words_with_a_key_and_severity(record, store, tenant, qtbot):
    needs.record_warning(store, tenant_id=tenant.id, kind="dangerous_animal", details="private", severity="high")
    needs.record_adjustment(store, tenant.id, "door_time")
    record.refresh_header()
    qtbot.waitUntil(lambda: "Dangerous animal" in record.badges.texts, timeout=3000)
    assert record.facts["email"].text() == "Not recorded"  # as "Phone: Not recorded", never "None"
    assert record.badges.texts[:2] == ["Dangerous animal", "Time to answer the door"]  # not "Dog", "Door time"
    chips = {b.accessibleName(): b for b in record.badges.findChildren(Badge)}
    assert chips["Dangerous animal"].text() == "⚠ Dangerous animal"  # high severity stands out
    assert "high severity" in chips["Dangerous animal"].toolTip()
    assert "risk to operatives" in chips["Dangerous animal"].toolTip()
    assert "Wish or adjustment" in chips["Time to answer the door"].toolTip()
    legend = record.badges.legend.accessibleName()
    assert "Safety warning" in legend and "Wish or adjustment" in legend and "Support plan" in legend


def test_10_the_audit_viewer_speaks_in_words_names_and_local_time(store, qtbot, monkeypatch):
    from liaison_app.services import officers
    from liaison_app.services.audit import audit, list_audit
    from liaison_app.services.audit_words import local_time
    from liaison_app.ui.audit_viewer import AuditViewer

    officers.create_officer(store, "ada", "Ada Lovelace", "admin", "a long enough password")
    with pytest.raises(officers.SignInError):
        officers.sign_in(store, "ada", "the wrong password")
    officers.sign_in(store, "ada", "a long enough password")
    audit(store, "create", "accessattempt", "a-1", (), "G-1")
    viewer = AuditViewer(store)
    qtbot.addWidget(viewer)
    rows = [[viewer.model.index(r, c).data() for c in range(viewer.model.columnCount())]
            for r in range(viewer.model.rowCount())]
    headers = [viewer.model.headerData(c, Qt.Orientation.Horizontal) for c in range(viewer.model.columnCount())]
    assert headers[1:5] == ["When", "By", "Action", "Record"] and "Record id" not in headers
    newest = dict(zip(headers, rows[0]))
    assert newest["Action"] == "Created" and newest["Record"] == "Access attempt" and newest["By"] == "Ada Lovelace"
    assert any(r[3] == "Sign-in failed" for r in rows) and not any("_" in str(r[3]) for r in rows)
    event = list_audit(store, limit=1)[0]
    assert newest["When"] == f"{local_time(event.at):%d/%m/%Y %H:%M:%S}"
    actions = [viewer.action.itemText(i) for i in range(viewer.action.count())]
    assert "Sign-in failed" in actions and "sign_in_failed" not in actions
    assert "Ada Lovelace" in [viewer.officer.itemText(i) for i in range(viewer.officer.count())]


def test_10_reports_show_uk_dates_on_screen_and_in_the_pdf_but_csv_keeps_iso(store, tmp_path):
    from pypdf import PdfReader

    from liaison_app.printing import write_document
    from liaison_app.services import reports

    report = reports.Report("x", "Test", "About.", ["Due date", "Job ref"], [["2026-11-29", "G-1"]])
    assert reports.shown_rows(report) == [["29 Nov 2026", "G-1"]]
    conduct = reports.conduct_report(store, date(2026, 11, 1), date(2026, 11, 29))
    assert "1 Nov 2026 to 29 Nov 2026" in conduct.description
    pdf = tmp_path / "r.pdf"
    write_document(pdf, reports.report_document(store, report))
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "29 Nov 2026" in text and "2026-11-29" not in text
    csv_path = reports.export_report(store, report, tmp_path / "r.csv")
    assert "2026-11-29" in csv_path.read_text(encoding="utf-8-sig")


# ----- 11. Small frictions
def _gas_job(store, tenant):
    from liaison_app.domain import Contractor, Job
    from liaison_app.services import records

    firm = records.create(store, Contractor(name="Acme Gas Ltd"))
    return records.create(store, Job(job_ref="GAS-77", contractor_id=firm.id, job_type="gas_safety",
                                     description="Annual gas safety check.", tenant_id=tenant.id,
                                     due_date=date.today() + timedelta(days=12)))


@pytest.fixture
def reports_in_window(store, qtbot):
    from PySide6.QtWidgets import QMainWindow

    from liaison_app.ui.reports_page import ReportsPage
    from liaison_app.ui.workers import wait_for_background

    main = QMainWindow()
    qtbot.addWidget(main)
    page = ReportsPage(store, main)
    main.setCentralWidget(page)
    main.show()
    wait_for_background()
    qtbot.waitUntil(lambda: page.report is not None, timeout=5000)
    return main, page


def test_11_after_save_as_the_status_bar_says_where_with_open_folder(reports_in_window, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    main, page = reports_in_window
    target = tmp_path / "out" / "checks.csv"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert page.export(".csv") == target
    note = main.saved_note
    assert note.isVisible() and "checks.csv" in note.label.text() and str(target.parent) in note.label.text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    note.open_button.click()
    assert opened == [str(target.parent)]


def test_11_reports_double_click_opens_the_case_and_preview_shows_the_pdf(store, tenant, reports_in_window, qtbot):
    from liaison_app.ui.report_preview import ReportPreview

    job = _gas_job(store, tenant)
    _main, page = reports_in_window
    page.refresh()
    qtbot.waitUntil(lambda: page.report is not None and page.model.rowCount() == 3, timeout=5000)
    row = next(r for r in range(3) if page.model.index(r, 7).data() == "GAS-77")
    assert page.model.index(row, 0).data() == f"{(date.today() + timedelta(days=12)):%-d %b %Y}"  # a UK date
    with qtbot.waitSignal(page.open_job) as opened:
        page.table.doubleClicked.emit(page.model.index(row, 1))  # a double-click on the row
    assert opened.args == [job.id]
    page.table.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(page.open_tenant) as opened:  # Enter on a row with no job yet opens the tenant
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [tenant.id]
    preview = page.preview()
    qtbot.addWidget(preview)
    assert isinstance(preview, ReportPreview) and preview.document.pageCount() >= 1


def test_11_pack_chooser_rolls_the_day_over_and_remembers_the_contractor(qtbot):
    from liaison_app.ui.briefing_preview import PackChooser

    firms = ["Acme Gas Ltd", "Bristol Lifts", "Zenith Roofing"]
    first = PackChooser(firms, day=date(2026, 11, 30))
    qtbot.addWidget(first)
    assert first.contractor.currentText() == "Acme Gas Ltd"  # nothing used yet
    first.day.setFocus()
    first.day.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClick(first.day, Qt.Key.Key_Up)  # Monday 30 November → Tuesday 1 December
    assert first.day.date() == QDate(2026, 12, 1)
    first.contractor.lineEdit().selectAll()
    qtbot.keyClicks(first.contractor.lineEdit(), "Zenith Roofing")  # type to choose
    assert first.ok_button.isEnabled()
    first.accept()
    assert first.choice() == ("Zenith Roofing", date(2026, 12, 1))
    again = PackChooser(firms)
    qtbot.addWidget(again)
    assert again.contractor.currentText() == "Zenith Roofing"  # the last used, not the first alphabetically
    again.contractor.lineEdit().selectAll()
    qtbot.keyClicks(again.contractor.lineEdit(), "Nobody Ltd")
    assert not again.ok_button.isEnabled()


def test_11_a_typed_day_is_kept_until_its_month_is_typed(qtbot):
    edit = DateEdit(QDate(2026, 11, 10))
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, "31")  # there is no 31 November yet…
    qtbot.keyClicks(edit, "12")  # …but the officer is typing 31/12
    assert edit.date() == QDate(2026, 12, 31)
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # 31 December → 1 January
    assert edit.date() == QDate(2027, 1, 1)


def test_11_the_officers_dialog_shows_every_column_whole(store, qtbot):
    from liaison_app.services import officers
    from liaison_app.ui.officers_dialog import OfficersDialog

    officers.create_officer(store, "ada", "Ada Lovelace", "admin", "a long enough password")
    officers.sign_in(store, "ada", "a long enough password")
    officers.create_officer(store, "sam", "Samira Abdullah-Okonkwo", "safeguarding_lead", "a long enough password")
    dialog = OfficersDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    for column in range(dialog.model.columnCount()):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)
    right = sum(table.columnWidth(c) for c in range(dialog.model.columnCount()))
    assert right <= table.viewport().width() and dialog.width() <= 1024


def test_11_a_message_under_a_field_does_not_move_the_form(record, qtbot):
    form = record.show_tab("AdjustmentsTab").add_new()
    qtbot.waitExposed(form)
    below = form.fields["reason"].widget
    save_y = form.save_button.mapTo(form, form.save_button.rect().topLeft()).y()
    before = below.mapTo(form, below.rect().topLeft()).y()
    form.fields["instruction"].widget.clear()  # "Say what the operative must do." appears under it
    assert form.field_error("instruction")
    qtbot.wait(1)
    assert below.mapTo(form, below.rect().topLeft()).y() == before
    assert form.save_button.mapTo(form, form.save_button.rect().topLeft()).y() == save_y
