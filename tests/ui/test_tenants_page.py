"""The tenant list: search by part of a name or a postcode, rows read by page, opening a record."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from liaison_app.services import tenants
from liaison_app.ui.tenant_table import FLAGS, ID_ROLE, NAME, POSTCODE, TenantTableModel
from liaison_app.ui.tenants_page import TenantsPage


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def add(store, ref, first, last, postcode="BA12 9AB", line1="1 High Street"):
    return tenants.create_tenant(store, tenancy_ref=ref, first_name=first, last_name=last,
                                 address_line1=line1, postcode=postcode)


@pytest.fixture
def people(store):
    add(store, "T001", "Ada", "Lovelace", "BA1 1AA", "3 Crescent")
    add(store, "T002", "Grace", "Hopper", "SN1 2BB", "7 Mill Lane")
    add(store, "T003", "Alan", "Lovell", "BA2 3DE", "9 Bridge Road")
    return store


def many(store, n=120):
    for i in range(n):
        add(store, f"R{i:04d}", "Sam", f"Surname{i:04d}", line1=f"{i} Long Road")
    return store


def test_model_counts_every_match_and_reads_rows_by_page_within_its_cap(store):
    many(store)
    model = TenantTableModel(store, page_size=50, max_pages=2)
    model.search("")
    assert model.rowCount() == 120 and model.page_reads == 1  # the scroll bar spans every tenant at once
    assert model.index(119, NAME).data() == "Sam Surname0119"  # the end is one page read away
    assert model.page_reads == 2
    names = []
    for r in range(120):
        names.append(model.index(r, NAME).data())
        assert model.cached_pages() <= 2
    assert names == sorted(set(names))  # ordered by last name, no row twice, none missing
    assert model.index(0, 0).data(ID_ROLE) == model.id_at(0) == model.row_at(0).id
    assert model.row_at(120) is None and model.id_at(-1) == ""
    model.search("surname00")  # more matches than a page: counted
    assert model.rowCount() == 100
    assert model.index(99, NAME).data() == "Sam Surname0099"


def test_model_recounts_when_the_store_changes_underneath(store, qtbot):
    many(store, 60)
    model = TenantTableModel(store, page_size=50)
    model.search("")
    add(store, "R9999", "Sam", "Surname9999")
    assert model.rowCount() == 60
    with qtbot.waitSignal(model.modelReset, timeout=2000):
        model.index(55, NAME).data()  # the last page has one more row than counted: count again
    assert model.rowCount() == 61 and model.index(60, NAME).data() == "Sam Surname9999"


def test_back_from_a_record_keeps_the_place_and_counts_a_change(store, qtbot):
    many(store, 200)
    page = TenantsPage(store)
    qtbot.addWidget(page)
    page.show()
    page.table.setCurrentIndex(page.model.index(150, NAME))
    page.show_tenant(page.table.current_id())
    page.back_to_list()
    assert page.table.currentIndex().row() == 150 and page.count_label.text() == "200 tenants"
    add(store, "R9999", "Sam", "Surname9999")
    page.show_tenant(page.table.current_id())
    page.back_to_list()
    assert page.model.rowCount() == 201 and page.count_label.text() == "201 tenants"


def test_scrolling_to_the_end_shows_the_last_tenants_and_memory_stays_capped(store, qtbot):
    many(store, 300)
    page = TenantsPage(store)
    qtbot.addWidget(page)
    page.model.max_pages = 3
    page.resize(800, 400)
    page.show()
    assert page.count_label.text() == "300 tenants"
    bar = page.table.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, 7):
        bar.setValue(value)
        qtbot.wait(1)
        assert page.model.cached_pages() <= 3
    page.table.scrollToBottom()
    qtbot.wait(1)
    last = page.table.indexAt(page.table.viewport().rect().bottomLeft() - QPoint(-2, 4))
    assert last.row() == 299 and last.data() == "Sam Surname0299"
    page.search_box.setText("surname01")
    qtbot.waitUntil(lambda: page.model.text == "surname01", timeout=2000)
    assert page.count_label.text() == "100 found"


def test_model_shows_flags_and_postcode(people):
    from liaison_app.services import needs

    ada = tenants.find_tenant(people, "T001")
    needs.record_adjustment(people, ada.id, "boot_covers")
    model = TenantTableModel(people)
    model.search("lovelace")
    assert model.rowCount() == 1
    assert model.index(0, POSTCODE).data() == "BA1 1AA"
    assert model.index(0, FLAGS).data() == "Boot covers"
    assert model.index(0, NAME).data(Qt.ItemDataRole.ForegroundRole) is None
    needs.record_warning(people, tenant_id=ada.id, kind="dangerous_animal")
    model.reload()
    flags = model.index(0, FLAGS).data()
    assert flags.startswith("⚠ ") and flags.endswith(" · Boot covers")  # a risk comes first, marked
    assert model.index(0, NAME).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_search_as_you_type_by_part_of_a_surname(people, qtbot):
    page = TenantsPage(people)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search_box, "love")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)
    names = {page.model.index(r, NAME).data() for r in range(2)}
    assert names == {"Ada Lovelace", "Alan Lovell"}


def test_search_by_postcode_with_or_without_the_space(people, qtbot):
    page = TenantsPage(people)
    qtbot.addWidget(page)
    for text in ("SN1 2BB", "sn12bb"):
        page.search_box.setText(text)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.text == text, timeout=2000)
        assert page.model.index(0, NAME).data() == "Grace Hopper"
    page.search_box.setText("ZZ9 9ZZ")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    assert "No tenant matches" in page.count_label.text()


def test_enter_in_the_search_box_opens_the_first_match_and_esc_returns(people, qtbot):
    page = TenantsPage(people)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.search_box, "hopper")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.record is not None
    qtbot.waitUntil(lambda: page.record.name_label.text().startswith("Grace Hopper"))  # read off the UI thread
    page.record.back_action.trigger()
    assert page.record is None
    assert page.stack.currentWidget() is page.list_view
    assert page.search_box.text() == "hopper"


def test_double_click_opens_the_record(people, qtbot):
    page = TenantsPage(people)
    qtbot.addWidget(page)
    page.show()
    page.search_box.setText("lovelace")
    page.run_search()
    rect = page.table.visualRect(page.model.index(0, NAME))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.record is not None and page.record.tenant_id == tenants.find_tenant(people, "T001").id


def test_the_postcode_column_shows_a_whole_postcode(store, qtbot):
    add(store, "T009", "Wyn", "Jones", "BS13 1AW")
    page = TenantsPage(store)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    shown = page.table.columnWidth(POSTCODE) - 2 * page.table.style().pixelMetric(
        page.table.style().PixelMetric.PM_FocusFrameHMargin)
    assert page.table.fontMetrics().horizontalAdvance("BS13 1AW") < shown


def test_a_broad_search_counts_only_its_cap_until_the_list_reaches_its_end(store, qtbot, monkeypatch):
    from liaison_app.ui import tenant_table

    monkeypatch.setattr(tenant_table, "COUNT_CAP", 60)  # the store's COUNT_CAP is 1,000: too many to make here
    many(store, 130)
    page = TenantsPage(store)
    qtbot.addWidget(page)
    page.resize(800, 400)
    page.show()
    assert page.count_label.text() == "130 tenants"  # the whole list is always counted exactly
    page.search_box.setText("surname")
    qtbot.waitUntil(lambda: page.model.text == "surname", timeout=2000)
    assert page.model.capped and page.model.rowCount() == 60
    assert page.count_label.text().startswith("More than 60 found")
    page.table.scrollToBottom()  # the view asks for more: every match is counted and added
    qtbot.waitUntil(lambda: page.model.rowCount() == 130, timeout=2000)
    assert not page.model.capped and page.count_label.text() == "130 found"
    assert page.model.index(129, NAME).data() == "Sam Surname0129"
    add(store, "R9999", "Sam", "Surname9999")
    page.model.reload()  # back from a record: still every match, the place kept
    assert page.model.rowCount() == 131 and not page.model.capped
    page.search_box.setText("surname00")  # 100 matches: more than the cap again
    qtbot.waitUntil(lambda: page.model.text == "surname00", timeout=2000)
    assert page.model.capped and page.model.rowCount() == 60


def test_scrolling_down_the_whole_list_reads_on_from_the_page_above(store, monkeypatch):
    """A page below a held page is read on from that page's last tenant (no deep offset): same rows."""
    many(store, 130)
    expected = [r.name for r in tenants.search_tenants(store, "", 200, 0)]
    anchors = []
    real = tenants.search_tenants
    monkeypatch.setattr(tenants, "search_tenants", lambda *a: anchors.append(a[4:]) or real(*a))
    model = TenantTableModel(store, page_size=20, max_pages=3)
    model.search("")
    assert [model.index(r, NAME).data() for r in range(130)] == expected
    assert anchors[0] == () and len(anchors) > 2 and all(a[0] is not None for a in anchors[1:])  # read on
