"""Issue #13.2 (Undo acts on the last change in the tab in view and says what it will undo) and
#13.6 (Ctrl+N acts on the tab in view, straight after opening a record; typing in the sidebar stays put).
Driven by keys, in the real main window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from liaison_app.services import needs, tenants
from liaison_app.ui.main_window import MainWindow
from liaison_app.ui.needs_forms import AdjustmentForm, WarningForm
from liaison_app.ui.workers import wait_for_background

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def asked(monkeypatch):
    """Questions answered Yes (a duplicate, an undo that takes a flag off briefings), and counted."""
    questions = []

    def answer(_parent, title, text, *a, **k):
        questions.append((title, text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return questions


@pytest.fixture
def window(store, show_active):
    tenant = tenants.create_tenant(store, tenancy_ref="T200", first_name="Ruth", last_name="Adeyemi",
                                   address_line1="2 Mill Lane", postcode="BA12 9AB")
    w = show_active(MainWindow(store))
    w.open_tenant(tenant.id)
    wait_for_background()
    w.tenant_id = tenant.id
    return w


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key where the cursor is, in the active window (the main window again once a form closed)."""
    window = QApplication.activeWindow()
    if window is None or not window.isVisible():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)
    wait_for_background()


def save_form(qtbot, form):
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    qtbot.keyClick(form.focusWidget() or form, Qt.Key.Key_S, CTRL)
    wait_for_background()


def record_of(window):
    return window.page("tenants").record


def test_ctrl_n_straight_after_opening_a_record_adds_to_the_tab_in_view(window, qtbot):
    record = record_of(window)
    press(qtbot, Qt.Key.Key_N, CTRL)
    form = record.tab("AdjustmentsTab").form
    assert isinstance(form, AdjustmentForm)
    form.reject()
    press(qtbot, Qt.Key.Key_T, ALT)  # Safe&ty warnings
    assert record.current_tab() is record.tab("WarningsTab")
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert isinstance(record.tab("WarningsTab").form, WarningForm)
    assert record.tab("AdjustmentsTab").form is None  # not "Add a wish or adjustment"
    record.tab("WarningsTab").form.reject()


def test_ctrl_n_inside_the_tab_still_adds_there(window, qtbot):
    record = record_of(window)
    tab = record.show_tab("WarningsTab")
    wait_for_background()
    tab.table.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert isinstance(tab.form, WarningForm)
    tab.form.reject()


def test_typing_while_the_sidebar_has_focus_stays_on_the_page(window, qtbot):
    window.nav.setFocus()
    for key in (Qt.Key.Key_T, Qt.Key.Key_R, Qt.Key.Key_S, Qt.Key.Key_J):
        press(qtbot, key)
    assert window.current_key() == "tenants" and record_of(window) is not None
    window.nav.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)  # from the sidebar, Ctrl+N adds on the tab in view
    form = record_of(window).tab("AdjustmentsTab").form
    assert isinstance(form, AdjustmentForm)
    form.reject()


def test_undo_acts_on_the_last_change_here_says_what_and_asks_before_taking_a_flag_off(window, store, qtbot,
                                                                                      asked):
    female = needs.record_adjustment(store, window.tenant_id, "female_operative")
    needs.record_adjustment(store, window.tenant_id, "boot_covers")
    record = record_of(window)
    tab = record.tab("AdjustmentsTab")
    tab.refresh()
    wait_for_background()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(tab.model.row_of_id(female.id), 0))
    press(qtbot, Qt.Key.Key_E, CTRL)  # end Female operative...
    press(qtbot, Qt.Key.Key_N, CTRL)  # ...then add a second Boot covers
    form = tab.form
    form.set_value("kind", "boot_covers")
    save_form(qtbot, form)
    assert len([a for a in needs.list_adjustments(store, window.tenant_id) if a.kind == "boot_covers"]) == 2
    assert tab.undo_action.text() == "Undo: add Boot covers"
    assert "Undo: add Boot covers" in window.statusBar().currentMessage()
    asked.clear()
    tab.table.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert len(asked) == 1 and "Undo: add Boot covers" in asked[0][0]  # it takes a flag off: asked first
    active = needs.list_adjustments(store, window.tenant_id)
    assert [a.kind for a in active] == ["boot_covers"]  # the duplicate is gone, the first one stays
    assert all(a.id != female.id for a in active)  # Female operative stays ended
    assert "Undone: add Boot covers" in window.statusBar().currentMessage()
    assert not tab.undo_action.isEnabled() and tab.undo_action.text() == "Undo"


def test_undo_in_one_tab_never_touches_another_tabs_change(window, store, qtbot, asked):
    record = record_of(window)
    adjustments = record.tab("AdjustmentsTab")
    press(qtbot, Qt.Key.Key_N, CTRL)
    adjustments.form.set_value("kind", "boot_covers")
    save_form(qtbot, adjustments.form)
    press(qtbot, Qt.Key.Key_T, ALT)  # to Safety warnings, where nothing was changed
    warnings = record.current_tab()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert not warnings.undo_action.isEnabled()
    assert [a.kind for a in needs.list_adjustments(store, window.tenant_id)] == ["boot_covers"]
    assert asked == []
