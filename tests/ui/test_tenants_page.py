"""The tenant list: search by part of a name or a postcode, lazy paging, opening a record."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
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


def test_model_pages_lazily_without_a_window(store):
    for i in range(120):
        add(store, f"R{i:04d}", "Sam", f"Surname{i:04d}", line1=f"{i} Long Road")
    model = TenantTableModel(store, page_size=50)
    model.search("")
    assert model.rowCount() == 50
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 100
    model.fetchMore()
    assert model.rowCount() == 120
    assert not model.canFetchMore()
    names = [model.index(r, NAME).data() for r in range(120)]
    assert names == sorted(names)  # ordered by last name, no row twice
    assert model.index(0, 0).data(ID_ROLE) == model.id_at(0)


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
    assert page.record.name_label.text().startswith("Grace Hopper")
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
