"""The main window: pages, menus with shortcuts, status bar, remembered geometry, imports, start-up."""
from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from liaison_app import app as liaison_app_module
from liaison_app.services import tenants
from liaison_app.ui import file_actions
from liaison_app.ui.main_window import MainWindow, app_settings
from liaison_app.ui.workers import wait_for_background


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def window(store, qtbot):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def menu_actions(window):
    out = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text():
                out[action.text()] = action
    return out


def test_pages_in_order_with_go_shortcuts(window):
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert keys[:5] == ["today", "tenants", "jobs", "contractors", "settings"]
    actions = menu_actions(window)
    assert actions["&Quit"].shortcut().toString() == "Ctrl+Q"
    assert actions["&Find tenant"].shortcut().toString() == "Ctrl+F"
    assert [window.go_actions[k].shortcut().toString() for k in keys[:5]] == [f"Ctrl+{i}" for i in range(1, 6)]
    assert window.current_key() == "today"


def test_ctrl_2_shows_tenants_and_ctrl_f_focuses_the_search(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "tenants"
    window.show_page("jobs")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "tenants"
    assert window.pages["tenants"].search_box.hasFocus()


def test_open_tenant_from_any_page(window, store):
    t = tenants.create_tenant(store, tenancy_ref="T9", first_name="Li", last_name="Wei",
                              address_line1="2 Park Row", postcode="BA1 1AA")
    window.show_page("today")
    window.open_tenant(t.id)
    assert window.current_key() == "tenants"
    assert window.pages["tenants"].record.tenant_id == t.id
    assert window.nav.current_key() == "tenants"


def test_status_bar_names_the_store_and_the_officer(window, store):
    assert str(store.path) in window.store_label.text()
    assert store.actor in window.officer_label.text()


def test_page_menu_lists_the_shown_pages_actions(window, store):
    t = tenants.create_tenant(store, tenancy_ref="T9", first_name="Li", last_name="Wei",
                              address_line1="2 Park Row", postcode="BA1 1AA")
    window.open_tenant(t.id)
    window._fill_page_menu()
    texts = [a.text() for a in window.page_menu.actions()]
    assert "Edit details…" in texts and "Add…" in texts and "Undo" in texts


def test_window_geometry_is_remembered_in_liaison_home(store, qtbot, tmp_path):
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 500)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()
    settings = app_settings()
    assert str(tmp_path) in settings.fileName()
    second = MainWindow(store)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_import_tenants_runs_and_a_refused_file_lists_every_problem(window, store, tmp_path, monkeypatch):
    good = tmp_path / "tenants.csv"
    good.write_text("tenancy_ref,first_name,last_name,address_line1,postcode\n"
                    "A1,Ann,Ames,1 Oak Road,BA1 1AA\nA2,Bob,Bell,2 Oak Road,BA1 1AB\n", encoding="utf-8")
    result = file_actions.run_import(window, store, "tenants", str(good))
    assert result is not None and result.created == 2
    assert tenants.count_tenants(store, "") == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("tenancy_ref,first_name,last_name,address_line1,postcode\n"
                   "B1,Cat,Cole,3 Oak Road,NOT A POSTCODE\nB2,,Dunn,4 Oak Road,BA1 1AB\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(file_actions, "show_problems", lambda parent, title, refused: shown.append(refused))
    assert file_actions.run_import(window, store, "tenants", str(bad)) is None
    assert len(shown[0].problems) == 2
    assert tenants.count_tenants(store, "") == 2


def test_fill_with_demo_data_after_confirming(window, store, monkeypatch):
    monkeypatch.setattr(file_actions, "DEMO_TENANTS", 5)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    file_actions.fill_demo(window, store)
    assert tenants.count_tenants(store, "") == 0
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    file_actions.fill_demo(window, store)
    assert tenants.count_tenants(store, "") == 5


def test_exception_hook_logs_without_the_message_and_says_so_calmly(monkeypatch, tmp_path, qapp):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a))
    handler = liaison_app_module.setup_logging()
    assert liaison_app_module.setup_logging() is handler  # set up once
    try:
        raise ValueError("Mrs Private Person, 07700 900123")
    except ValueError as exc:
        liaison_app_module.exception_hook(ValueError, exc, exc.__traceback__)
    handler.flush()
    text = open(handler.baseFilename, encoding="utf-8").read()
    assert "ValueError" in text and "Private Person" not in text and "07700" not in text
    assert shown and "ValueError" in shown[0][2]
    logging.getLogger("liaison").removeHandler(handler)
    logging.getLogger("liaison_app").removeHandler(handler)
    handler.close()


def test_a_damaged_record_in_the_app_names_the_backup_not_a_generic_error(monkeypatch, qapp):
    from liaison_app.store import StoreDamaged

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a))
    message = "This record is damaged — restore from the backup of 28 November 2026; nothing was changed."
    try:
        raise StoreDamaged(message)
    except StoreDamaged as exc:
        liaison_app_module.exception_hook(StoreDamaged, exc, exc.__traceback__)
    assert shown and shown[0][2] == message
    for name in ("liaison", "liaison_app"):
        for h in list(logging.getLogger(name).handlers):
            logging.getLogger(name).removeHandler(h)
            h.close()


def test_start_up_objects_are_kept_out_of_full_garbage_collections(qapp):
    import gc

    try:
        frozen = liaison_app_module.freeze_start_up_objects()
        assert frozen > 1000 and len(gc.get_objects()) < frozen // 10  # what a full collection still walks
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0


def test_a_store_that_cannot_be_opened_gets_a_clear_dialog(monkeypatch, tmp_path, qapp):
    from liaison_app.store import StoreError

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a))

    def refuse(path):
        raise StoreError("The store is damaged; a backup can be restored.")

    monkeypatch.setattr("liaison_app.store.open_store", refuse)
    assert liaison_app_module.run(db=str(tmp_path / "x.db")) == 1
    assert "damaged" in shown[0][2]
    for name in ("liaison", "liaison_app"):
        for h in list(logging.getLogger(name).handlers):
            logging.getLogger(name).removeHandler(h)
            h.close()
    import sys
    sys.excepthook = sys.__excepthook__


def test_every_page_opens_and_links_to_records(window):
    for key in window.specs:
        page = window.show_page(key)
        assert window.stack.currentWidget() is page and window.nav.current_key() == key
    assert set(window.specs) >= {"today", "tenants", "jobs", "contractors", "settings"}


def test_open_job_shows_the_job_record_and_its_tenant_link(window, store):
    from liaison_app.services import works

    t = tenants.create_tenant(store, tenancy_ref="T9", first_name="Li", last_name="Wei",
                              address_line1="2 Park Row", postcode="BA1 1AA")
    c = works.create_contractor(store, "Acme Gas")
    job = works.create_job(store, job_ref="J1", contractor_id=c.id, job_type=works_job_type(),
                           description="Service the boiler", tenant_id=t.id)
    window.open_job(job.id)
    wait_for_background()  # the job is read off the UI thread, then its record opens
    dialog = window.job_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.open_tenant.emit(t.id)
    assert window.job_dialog is None
    assert window.pages["tenants"].record.tenant_id == t.id


def works_job_type() -> str:
    from liaison_app.services.catalogues import job_types

    return job_types().codes()[0]


def test_officer_menu_opens_account_dialogs(window):
    texts = menu_actions(window)
    for text in ("&Change my password…", "&Officers…", "&Audit trail…"):  # the OS user acts as admin here
        if text in texts:
            texts[text].trigger()
            assert window.dialog is not None and window.dialog.isVisible()
            window.dialog.reject()
    assert "&Officers…" in texts and "&Audit trail…" in texts


def test_status_bar_names_the_signed_in_officer(store, qtbot):
    from liaison_app.services import officers

    officers.create_officer(store, "admin", "Ada Admin", "admin", "a long enough password")
    officers.sign_in(store, "admin", "a long enough password")
    officers.create_officer(store, "jbloggs", "Jo Bloggs", "officer", "a long enough password")
    officers.sign_in(store, "jbloggs", "a long enough password")
    w = MainWindow(store)
    qtbot.addWidget(w)
    assert w.officer_label.text() == "Signed in: Jo Bloggs"
    assert "&Officers…" not in menu_actions(w)  # an officer is not an administrator
