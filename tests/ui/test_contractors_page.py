"""Contractors page: add a contractor and an operative with a badge; invalid phone keeps Save disabled."""
from __future__ import annotations

from datetime import date

import pytest

from liaison_app.services import conduct, tenants, works
from liaison_app.ui import contractors_page
from liaison_app.ui.contractor_forms import ContractorDialog, OperativeDialog
from liaison_app.ui.contractors_page import ContractorsPage
from liaison_app.ui.workers import wait_for_background


@pytest.fixture
def page(qtbot, store):
    p = ContractorsPage(store)
    qtbot.addWidget(p)
    p.show()
    wait_for_background()  # the page reads its rows off the UI thread
    return p


def fill_and_save(values):
    """A stand-in for exec(): type the values, then press Save (as the officer would)."""
    def fake_exec(dialog):
        for name, value in values.items():
            dialog.set_value(name, value)
        return dialog.try_save()
    return fake_exec


def test_invalid_phone_keeps_save_disabled(qtbot, store):
    dialog = ContractorDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["name"].widget, "Acme Gas")
    assert dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.fields["phone"].widget, "call me maybe")
    assert not dialog.save_button.isEnabled()
    assert "phone" in dialog.field_error("phone")
    dialog.set_value("phone", "01225 123456")
    qtbot.keyClicks(dialog.fields["email"].widget, "not-an-email")
    assert not dialog.save_button.isEnabled()
    dialog.set_value("email", "office@acme.example")
    assert dialog.save_button.isEnabled()


def test_add_contractor_then_operative_with_badge(qtbot, store, page, monkeypatch):
    monkeypatch.setattr(ContractorDialog, "exec", fill_and_save(
        {"name": "Acme Gas", "phone": "01225 123456", "conduct_version": "2026.1",
         "conduct_signed_on": date(2026, 1, 5)}))
    assert page.add_contractor()
    wait_for_background()
    assert "Acme Gas added" in page.status.text()
    line = page.contractor_table.current_row()
    assert line.name == "Acme Gas" and line.conduct_version == "2026.1"

    monkeypatch.setattr(OperativeDialog, "exec", fill_and_save({"name": "Dan Evans", "badge_number": "AG-102"}))
    assert page.add_operative()
    wait_for_background()
    assert [(o.name, o.badge_number) for o in page.operatives.rows()] == [("Dan Evans", "AG-102")]
    assert "badge AG-102" in page.status.text()
    assert works.list_operatives(store, line.id)[0].badge_number == "AG-102"


def test_badge_is_required_and_checked(qtbot, store):
    acme = works.create_contractor(store, "Acme Gas")
    dialog = OperativeDialog(store, acme.id)
    qtbot.addWidget(dialog)
    dialog.set_value("name", "Dan Evans")
    assert not dialog.save_button.isEnabled()
    dialog.set_value("badge_number", "AG 102 !!")
    assert "badge" in dialog.field_error("badge_number")
    dialog.set_value("badge_number", "AG-102")
    assert dialog.save_button.isEnabled()


def test_feedback_count_and_operative_leaving(qtbot, store, monkeypatch):
    acme = works.create_contractor(store, "Acme Gas", conduct_version="2026.1", conduct_signed_on=date(2026, 1, 5))
    works.add_operative(store, acme.id, "Dan Evans", "AG-102")
    tenant = tenants.create_tenant(store, tenancy_ref="T-1", first_name="Amira", last_name="Haddad",
                                   address_line1="12 Elm Road", postcode="BA12 9AB")
    conduct.record_feedback(store, contractor_id=acme.id, point="id_shown", received_on=date.today(),
                            tenant_id=tenant.id)
    page = ContractorsPage(store)
    qtbot.addWidget(page)
    wait_for_background()
    model = page.contractors
    headers = [model.headerData(c, contractors_page.Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert model.index(0, headers.index("Conduct feedback")).data() == "1"
    assert model.index(0, headers.index("Signed on")).data() == "05/01/2026"
    page.operative_table.select_first()
    monkeypatch.setattr(OperativeDialog, "exec", fill_and_save({"left": True}))
    assert page.change_operative()
    wait_for_background()
    assert page.operatives.rowCount() == 0


def test_an_empty_form_is_quiet_until_touched(qtbot, store):
    dialog = ContractorDialog(store)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.field_error("name") == ""
    qtbot.keyClicks(dialog.fields["name"].widget, "A")
    dialog.fields["name"].widget.clear()
    assert dialog.field_error("name") == "Give the company's name."
    assert not dialog.save_button.isEnabled()


def test_pack_for_the_selected_contractor_lets_the_officer_choose_the_day(qtbot, store, monkeypatch):
    from liaison_app.ui import briefing_preview

    acme = works.create_contractor(store, "Acme Gas")
    calls = []
    monkeypatch.setattr(briefing_preview, "open_pack",
                        lambda parent, s, contractor_id=None, day=None: calls.append((contractor_id, day)))
    page = ContractorsPage(store)
    qtbot.addWidget(page)
    wait_for_background()
    page.pack_action.trigger()
    assert calls == [(acme.id, None)]


def count_store_calls(store):
    """Every SQL statement the store's engine runs from now on (any thread)."""
    from sqlalchemy import event

    calls = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: calls.append(args[2]))
    return calls


@pytest.mark.parametrize("companies", [3, 12])
def test_the_page_loads_in_a_bounded_number_of_store_calls_showing_loading_first(qtbot, store, companies):
    for n in range(companies):
        c = works.create_contractor(store, f"Company {n:02}")
        works.add_operative(store, c.id, f"Operative {n}a", f"B-{n}A")
        works.add_operative(store, c.id, f"Operative {n}b", f"B-{n}B")
    calls = count_store_calls(store)
    page = ContractorsPage(store)
    qtbot.addWidget(page)
    assert page.status.text() == "Loading…" and page.contractors.rowCount() == 0
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    assert page.contractors.rowCount() == companies
    assert page.status.text() == ""
    assert page.operatives.rowCount() == 2  # the first company's, from the same read
    selects = [c for c in calls if c.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 3, selects  # was 2N+1 store calls on the UI thread
