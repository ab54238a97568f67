"""What the faster tenant record must still do (#15): reads on a few shared threads, one record reused from
tenant to tenant with nothing of the last one left on screen, no read of a record about to be replaced,
badges painted without style sheets, and list cells answered the same for every role."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QMessageBox

from liaison_app.services import needs, tenants
from liaison_app.ui import tenant_record
from liaison_app.ui.main_window import MainWindow
from liaison_app.ui.row_models import ID_ROLE, Column, RowTableModel
from liaison_app.ui.tenants_page import TenantsPage
from liaison_app.ui.widgets import TONES, Badge, BadgeRow
from liaison_app.ui.workers import load, wait_for_background


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def two(store):
    peggy = tenants.create_tenant(store, tenancy_ref="T100", first_name="Margaret", last_name="Okafor",
                                  address_line1="4 Station Road", postcode="BA12 9AB", phone="07700 900123")
    amir = tenants.create_tenant(store, tenancy_ref="T200", first_name="Amir", last_name="Haddad",
                                 address_line1="9 Mill Lane", postcode="BA11 1AA")
    needs.record_adjustment(store, peggy.id, "boot_covers")
    return peggy, amir


def test_reads_share_a_few_long_lived_threads_and_never_the_ui_thread(qtbot):
    page = QLabel()
    qtbot.addWidget(page)
    threads, shown = [], []

    def read(n):
        threads.append(threading.get_ident())
        return n

    for n in range(12):
        load(page, read, n, on_done=shown.append, key=f"read {n}")
        wait_for_background()
    assert shown == list(range(12))
    assert threading.main_thread().ident not in threads
    assert len(set(threads)) <= 4  # a thread per read cost milliseconds each; the pool keeps them


def test_a_read_already_stale_when_a_thread_is_free_is_not_run(qtbot):
    page = QLabel()
    qtbot.addWidget(page)
    release, ran, shown = threading.Event(), [], []

    def blocking():
        release.wait(10)
        return "blocker"

    blockers = [QLabel() for _ in range(4)]
    for b in blockers:
        qtbot.addWidget(b)
        load(b, blocking, on_done=lambda _v: None)  # every thread of the pool busy
    load(page, lambda: ran.append("old") or "old", on_done=shown.append)
    load(page, lambda: ran.append("new") or "new", on_done=shown.append)
    release.set()
    wait_for_background()
    wait_for_background()
    assert shown == ["new"] and ran == ["new"]


def _showing(store, qtbot, tenant_id: str, **where) -> TenantsPage:
    """The tenant list page, on screen, with `tenant_id`'s record open and read."""
    page = TenantsPage(store)
    qtbot.addWidget(page)
    page.show()
    page.show_tenant(tenant_id, **where)
    wait_for_background()
    return page


def test_another_tenant_reuses_the_record_and_shows_nothing_of_the_last(store, two, qtbot):
    peggy, amir = two
    page = _showing(store, qtbot, peggy.id)
    record = page.record
    record.show_tab("WarningsTab")
    wait_for_background()
    record.last_change = object()  # an edit of Peggy's details that Undo could put back
    assert "Boot covers" in record.badges.texts
    page.show_tenant(amir.id)
    assert page.record is record  # the widgets are kept; only the tenant changes
    assert record.name_label.text() == "" and record.facts["phone"].text() == ""  # blank until Amir's arrive
    assert record.badges.findChildren(Badge) == [] and record.last_change is None
    assert list(record.tab_pages) == ["AdjustmentsTab"] and record.tabs.currentIndex() == 0
    wait_for_background()
    assert record.name_label.text() == "Amir Haddad" and "9 Mill Lane" in record.facts["address"].text()
    assert record.tab("AdjustmentsTab").model.rowCount() == 0  # Peggy's boot covers are not Amir's
    assert not record.undo_edit_action.isEnabled()
    record.show_tab("WarningsTab")
    wait_for_background()
    assert record.tab("WarningsTab").tenant_id == amir.id


def test_back_then_another_tenant_uses_the_kept_record_with_its_own_words(store, two, qtbot):
    peggy, amir = two
    page = _showing(store, qtbot, peggy.id, came_from="today", came_from_label="&Today")
    record = page.record
    assert record.back_action.text() == "Back to Today"
    page.came_from = ""
    record.back_action.trigger()
    assert page.record is None and page.stack.currentWidget() is page.list_view
    assert record.name_label.text() == "" and not record.tab_pages  # nothing of Peggy kept on the closed record
    page.show_tenant(amir.id, tab="WarningsTab")
    wait_for_background()
    assert page.record is record and record.back_action.text() == "Back to the list"
    assert record.name_label.text() == "Amir Haddad" and list(record.tab_pages) == ["WarningsTab"]


def test_a_record_with_a_form_open_is_not_reused(store, two, qtbot):
    peggy, amir = two
    page = _showing(store, qtbot, peggy.id)
    first = page.record
    form = first.tab("AdjustmentsTab").add_new()
    assert not first.can_switch()
    form.reject()
    page.show_tenant(amir.id)
    assert page.record is first  # the form closed: the record may show Amir
    wait_for_background()


def test_opening_a_tenant_from_another_page_does_not_read_the_record_it_replaces(store, two, qtbot, monkeypatch):
    peggy, amir = two
    read = []
    real = tenant_record.tenant_header
    monkeypatch.setattr(tenant_record, "tenant_header", lambda s, tenant_id: read.append(tenant_id) or real(s, tenant_id))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.open_tenant(peggy.id)
    wait_for_background()
    window.show_page("today")
    wait_for_background()
    read.clear()
    window.open_tenant(amir.id)
    wait_for_background()
    assert read == [amir.id]
    assert window.pages["tenants"].record.name_label.text() == "Amir Haddad"


def test_badges_are_painted_in_their_tone_and_replaced_at_once(qtbot):
    row = BadgeRow()
    qtbot.addWidget(row)
    row.show()
    row.set_badges(["Dangerous animal", "Boot covers"], {"Dangerous animal": "Safety warning — high severity"})
    first = row.findChildren(Badge)
    assert [b.accessibleName() for b in first] == ["Dangerous animal", "Boot covers"]
    danger = first[0]
    qtbot.waitExposed(danger)
    image = danger.grab().toImage()
    assert image.pixelColor(danger.width() // 2, 2) == QColor(TONES["danger"][0])  # the rounded background
    assert danger.palette().color(danger.foregroundRole()) == QColor(TONES["danger"][1])
    row.set_badges(["Support plan"])
    assert [b.accessibleName() for b in row.findChildren(Badge)] == ["Support plan"]  # the old ones went at once
    assert all(not b.isVisible() for b in first if b is not None and b.parent() is None)


def test_list_cells_answer_the_same_for_enum_and_integer_roles(qtbot):
    class Row:
        id, name = "r1", "Amir"

    model = RowTableModel([Column("Name", lambda r: r.name, tooltip=lambda r: f"Name: {r.name}",
                                  colour=lambda r: "#8a1c1c")])
    model.set_rows([Row()])
    index = model.index(0, 0)
    for display in (Qt.ItemDataRole.DisplayRole, 0):
        assert model.data(index, display) == "Amir"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == model.data(index, 3) == "Name: Amir"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) == QColor("#8a1c1c")
    assert model.data(index, ID_ROLE) == model.data(index, int(ID_ROLE)) == "r1"
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None and model.data(index, 13) is None


def test_many_badges_wrap_inside_the_width_and_keep_their_height(qtbot):
    """Ten or more badges wrap onto further lines instead of widening the record past the screen, each
    its own height (not the key's), and the key to their colours stands on its own line below them."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    row = BadgeRow(holder)
    QVBoxLayout(holder).addWidget(row)
    row.set_legend([("danger", "Safety warning: a risk to operatives"), ("info", "Wish or adjustment")])
    texts = [f"Time to answer the door {n}" for n in range(12)]
    row.set_badges(texts)
    holder.resize(600, 300)
    holder.show()
    qtbot.waitExposed(holder)
    badges = row.findChildren(Badge)
    assert [b.accessibleName() for b in badges] == texts
    assert holder.minimumSizeHint().width() <= 600 and holder.width() == 600
    assert all(b.geometry().right() <= row.width() for b in badges)  # none cut off at the edge
    assert len({b.y() for b in badges}) >= 3  # wrapped onto several lines
    assert all(b.height() == b.sizeHint().height() for b in badges)
    assert row.legend.y() >= max(b.geometry().bottom() for b in badges)  # the key is under every badge
