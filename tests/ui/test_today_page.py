"""The Today page shows what services.today decided, and every line opens its record."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from liaison_app.services import tenants, visits
from liaison_app.ui.today_page import TodayPage, item_target
from liaison_app.ui.workers import wait_for_background


@pytest.fixture(autouse=True)
def _no_load_outlives_its_test():
    yield
    wait_for_background()


@pytest.fixture
def tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T-1001", first_name="Amira", last_name="Haddad",
                                 address_line1="12 Elm Road", postcode="BA12 9AB")


def make_page(qtbot, store):
    page = TodayPage(store)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass  # the day is gathered off the UI thread; the results arrive through the event loop
    page.resize(1000, 700)
    page.show()
    return page


def test_follow_up_due_today_shows_and_a_click_opens_the_tenant(qtbot, store, tenant):
    visits.log_visit(store, tenant.id, "home_visit", at=datetime.now().replace(second=0, microsecond=0),
                     outcome="Talked about the gas check", notes="private words",
                     follow_ups=[("Ring about boot covers", date.today())])
    page = make_page(qtbot, store)

    follow_ups = page.section_items("follow_ups")
    assert [i.title for i in follow_ups] == ["Ring about boot covers — Amira Haddad"]
    assert "Follow-ups due · 1" in page.sections["follow_ups"].header.text()
    assert len(page.section_items("visits")) == 1
    assert "private words" not in "".join(i.title + i.detail for i in page.section_items("visits"))

    view = page.sections["follow_ups"].list
    rect = view.visualRect(view.model().index(0, 0))
    with qtbot.waitSignal(page.open_tenant_tab) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [tenant.id, "VisitsTab"]  # a follow-up opens on Visits & follow-ups


def test_keyboard_moves_between_sections_and_enter_opens(qtbot, store, tenant):
    visits.log_visit(store, tenant.id, "phone_call", follow_ups=[("Send letter", date.today() - timedelta(days=3))])
    page = make_page(qtbot, store)
    page.focus_first()
    visits_list = page.sections["visits"].list
    assert visits_list.hasFocus() or visits_list.currentIndex().row() == 0
    qtbot.keyClick(visits_list, Qt.Key.Key_Down)  # past the only visit: on to the follow-ups
    follow_list = page.sections["follow_ups"].list
    assert follow_list.currentIndex().row() == 0
    assert "1 overdue" in page.sections["follow_ups"].header.accessibleName()
    with qtbot.waitSignal(page.open_tenant_tab) as opened:
        qtbot.keyClick(follow_list, Qt.Key.Key_Return)
    assert opened.args == [tenant.id, "VisitsTab"]


def test_empty_day_is_calm(qtbot, store):
    page = make_page(qtbot, store)
    assert page.summary.text() == "Nothing needs you today."
    assert all(not s.list.isVisible() and s.empty.isVisible() for s in page.sections.values())


def test_lines_about_work_open_the_job():
    class Item:
        section, record_type, record_id, job_id, tenant_id = "no_access", "job", "j1", "j1", "t1"

    assert item_target(Item) == ("job", "j1")
    Item.section, Item.record_type, Item.job_id = "follow_ups", "followup", None
    assert item_target(Item) == ("tenant", "t1")


def test_refresh_does_not_block_and_a_newer_refresh_wins(qtbot, store, tenant):
    page = make_page(qtbot, store)
    assert page.section_items("follow_ups") == []
    visits.add_follow_up(store, tenant.id, "Ring back", date.today())
    page.refresh()
    assert page.summary.text() == "Gathering your day…" and not page.refresh_button.isEnabled()
    page.refresh()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    assert [i.title for i in page.section_items("follow_ups")] == ["Ring back — Amira Haddad"]
    assert page.refresh_button.isEnabled()


def test_focus_asked_for_while_loading_lands_once_loaded(qtbot, store, tenant):
    visits.log_visit(store, tenant.id, "phone_call")
    page = TodayPage(store)
    qtbot.addWidget(page)
    page.show()
    page.focus_first()  # the main window asks at once; the day is still on its way
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    assert page.sections["visits"].list.currentIndex().row() == 0
